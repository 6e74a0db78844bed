import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'screenshots'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // The engine is pure TypeScript over TF.js: it must run in Node and in a worker, so no UI libraries.
  {
    files: ['app/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'app/engine may not import React.' },
            { group: ['d3', 'd3-*'], message: 'app/engine may not import d3: drawing belongs in app/viz.' },
            { group: ['zustand', 'zustand/*'], message: 'app/engine may not import zustand: state belongs in app/state.' },
            { group: ['**/ui/**', '**/viz/**', '**/state/**', '**/lessons/**'], message: 'app/engine may not import from the app layers above it.' },
          ],
        },
      ],
    },
  },
  // Charts are framework-free factories: d3 yes, React and stores no.
  {
    files: ['app/viz/create*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-dom', 'zustand', 'zustand/*'], message: 'Chart factories stay framework-free.' }] },
      ],
    },
  },
);
