// The benchmark's own tests, kept out of the main suite (issue 12: bench/ is not part of it).
// Run: TZ=Etc/UTC CI=true npx d2-app-scripts test --jestConfig bench/jest.config.js
module.exports = { ...require('../jest.config.js'), roots: ['<rootDir>/bench'] }
