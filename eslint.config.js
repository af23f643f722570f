import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'drizzle/**',
      'test-results/**',
      'test-results-long/**',
      'playwright-report/**',
      'examples/**/*.xlsx',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Money is never a float: these are the usual ways floats sneak in.
      'no-restricted-globals': [
        'error',
        { name: 'parseFloat', message: 'Money and points are integers: use core/money.' },
      ],
    },
  },
  // Prettier formats (npm run format); the rules that would argue with it are off. It leaves comments and strings
  // as they are, so the line length is checked here: a sentence stays whole where it is searched for.
  prettier,
  {
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/db/**/*.ts', 'src-main/cli/**/*.ts', 'src-main/ipc/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The core never imports Electron.' }] },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
