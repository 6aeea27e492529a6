import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'node_modules/', 'custom-elements.json', '.puppeteerrc.cjs'] },
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
      'no-restricted-imports': ['error', { patterns: [{ group: ['lit', 'lit/*', '@lit/*', '**/elements/*', '**/mock-provider/*', '**/server/*', 'node:*'], message: 'src/core imports only Web APIs, jose and idb-keyval.' }] }],
    },
  },
  {
    files: ['src/elements/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../mock-provider/*', '../mock-provider/*', '../../server/*', 'node:*'], message: 'elements import lit and src/core only.' }] }],
    },
  },
  {
    // DESIGN.md: src/server runs on Node beside the app's backend and imports only src/core.
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['lit', 'lit/*', '@lit/*', '../elements/*', '../mock-provider/*'], message: 'src/server imports src/core and node:* only.' }] }],
    },
  },
  {
    // demo/ uses the package only through its public entry points, as a user would.
    files: ['demo/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../src/*', '../../src/*'], message: 'import from oauth-elements, as a user would.' }] }],
    },
  },
  {
    // The bench and the build scripts run in Node and report on the console.
    files: ['bench/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
);
