import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const frameworks = ['react', 'react-dom', 'react/*', '@dhis2/*', 'dexie', 'dexie/*', 'axios', 'zod']

const layer = (message, groups) => ({
    'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
})

export default tseslint.config(
    {
        ignores: ['build/', '.d2/', 'node_modules/', 'src/locales/', 'coverage/', 'test/fixtures/'],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: {
            globals: {
                console: 'readonly',
                process: 'readonly',
                window: 'readonly',
                document: 'readonly',
                URL: 'readonly',
                setTimeout: 'readonly',
                clearTimeout: 'readonly',
                require: 'readonly',
                module: 'writable',
                __dirname: 'readonly',
            },
        },
        rules: {
            '@typescript-eslint/no-unused-vars': [
                'error',
                {
                    argsIgnorePattern: '^_',
                    varsIgnorePattern: '^_',
                    destructuredArrayIgnorePattern: '^_',
                },
            ],
            '@typescript-eslint/no-require-imports': 'off',
        },
    },
    {
        files: ['src/app/**/*.{ts,tsx}'],
        plugins: { 'react-hooks': reactHooks },
        rules: reactHooks.configs.recommended.rules,
    },
    // DESIGN §4: dependencies point inward (app → adapters → core), never the other way.
    {
        files: ['src/core/**/*.{ts,tsx}'],
        rules: {
            '@typescript-eslint/no-explicit-any': 'error',
            ...layer(
                'src/core is pure TypeScript: no frameworks, and it must not import adapters, app or cli.',
                [...frameworks, '**/adapters/**', '**/app/**', '**/cli/**']
            ),
        },
    },
    {
        files: ['src/adapters/**/*.{ts,tsx}'],
        rules: {
            '@typescript-eslint/no-explicit-any': 'error',
            ...layer('Adapters must not import the app or the CLI (dependencies point inward).', [
                'react',
                'react-dom',
                'react/*',
                '@dhis2/ui',
                '**/app/**',
                '**/cli/**',
            ]),
        },
    },
    {
        files: ['src/cli/**/*.{ts,tsx}'],
        rules: layer('The CLI must not import the React app.', [
            'react',
            'react-dom',
            '@dhis2/ui',
            '**/app/**',
        ]),
    }
)
