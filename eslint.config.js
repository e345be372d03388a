import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '.tools/**', '.aimline/**', 'packages/store-eventstoredb/host/**', 'eslint.config.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'T-7: never read the clock; take "now" as an input.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'T-7: never read the clock; take "now" as an input.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Domain code takes ids and randomness as inputs.' },
      ],
    },
  },
  {
    files: ['packages/{kernel,calendar,meetings,hsb-aim,panel,attendance-aim}/src/**/*.ts'],
    ignores: ['packages/kernel/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'child_process', 'net', 'http', 'https', 'crypto', 'os'], message: 'Domain purity: no I/O in domain packages.' },
            { group: ['tsyringe', 'reflect-metadata', 'better-sqlite3', '@eventstore/*', '@aimline/store-*', '@aimline/cli', '@aimline/projections'], message: 'Domain purity: adapters and the container live outside the domains.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/test/**/*.ts', 'bench/**/*.ts', 'examples/**/*.ts', 'packages/kernel/src/testing/**/*.ts', 'packages/cli/src/**/*.ts', 'scripts/**'],
    rules: {
      'no-restricted-syntax': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
);
