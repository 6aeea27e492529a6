import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'node_modules/', '.cache/', 'custom-elements.json', '.puppeteerrc.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn'] }],
    },
  },
  {
    // DESIGN.md: the core knows nothing of Lit or the elements.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['lit', 'lit/*', '@lit/*', '**/elements/*', '**/mock-provider/*', '**/server/*', 'node:*'],
              message: 'src/core imports only Web APIs, jose and idb-keyval.',
            },
          ],
        },
      ],
    },
  },
  {
    // The elements see the core through its index, and take its two runtime pieces they need, the
    // client and the error class, from their own modules: an app's bundler (Vite, esbuild) that
    // follows an element's import into the index keeps modules the element never calls in the page's
    // first load (issue 15). Types still come from the index only.
    files: ['src/elements/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../mock-provider/*', '../mock-provider/*', '../../server/*', 'node:*'],
              message: 'elements import lit and src/core only.',
            },
            {
              regex: '^(\\.\\./)+core/(?!index\\.js$)',
              message:
                'elements import src/core through src/core/index.ts, which the package bundles as oauth-elements/core.',
            },
          ],
        },
      ],
    },
  },
  {
    // The mock provider shares with the kit only the profiles, the encoding helpers, and the consent page's text helpers.
    files: ['src/mock-provider/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+core/(?!profiles/index\\.js$|random\\.js$)',
              message: 'the mock provider imports src/core/profiles/index.ts and src/core/random.ts only.',
            },
            {
              regex: '^(\\.\\./)+elements/(?!text\\.js$|consent-popup/image-icon\\.js$)|^lit($|/)|^@lit/',
              message:
                "the mock provider imports only the elements' plain text helpers; its page loads the consent element by URL.",
            },
          ],
        },
      ],
    },
  },
  {
    // DESIGN.md: src/server runs on Node beside the app's backend and imports only src/core.
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['lit', 'lit/*', '@lit/*', '../elements/*', '../mock-provider/*'],
              message: 'src/server imports src/core and node:* only.',
            },
          ],
        },
      ],
    },
  },
  {
    // demo/ uses the package only through its public entry points, as a user would.
    files: ['demo/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../src/*', '../../src/*'], message: 'import from oauth-elements, as a user would.' }] },
      ],
    },
  },
  {
    // The bench and the build scripts run in Node and report on the console.
    files: ['bench/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
);
