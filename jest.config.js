// Shallow-merged by `d2-app-scripts test` over its own Jest 27 configuration, so keys that
// replace a default (moduleNameMapper) start from that default.
const defaults = require('./node_modules/@dhis2/cli-app-scripts/config/jest.config.js')

module.exports = {
    roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/sandbox'],
    setupFiles: ['<rootDir>/test/setup/polyfills.js'],
    setupFilesAfterEnv: ['<rootDir>/test/setup/dom.js'],
    testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
    // axios' "main" is an ES module; Jest 27 ignores package "exports", so point it at the CJS build.
    moduleNameMapper: {
        ...defaults.moduleNameMapper,
        '^axios$': '<rootDir>/node_modules/axios/dist/node/axios.cjs',
    },
    testTimeout: 30000,
}
