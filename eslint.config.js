import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = ['node:*', 'fs', 'path', 'child_process', 'net', 'http', 'https', 'crypto', 'os'];
const purity = (files, allowed) => ({
  files,
  ignores: ['packages/kernel/src/testing/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: ioModules
          .filter((m) => !m.includes('*') && !allowed.includes(m))
          .map((name) => ({ name, message: 'Domain purity: no I/O in domain packages.' })),
        patterns: [
          {
            regex: allowed.length
              ? `^node:(?!(${allowed.map((a) => a.slice(5)).join('|')})$)`
              : '^node:',
            message: 'Domain purity: no I/O in domain packages.',
          },
          {
            group: [
              'tsyringe',
              'reflect-metadata',
              'better-sqlite3',
              '@eventstore/*',
              '@aimline/store-*',
              '@aimline/cli',
              '@aimline/projections',
            ],
            message: 'Domain purity: adapters and the container live outside the domains.',
          },
        ],
      },
    ],
  },
});

// Need to know (issue 13): the CLI, the HTTP API and createAimline read events only through the
// one read API (governance's needToKnowReader: rt.visible / rt.reader in the CLI, the services'
// `reads` seam in @aimline/aimline). Reading a store, or handing one to a projection, anywhere
// else is an error; the few raw reads that show no personal data (hash-chain verification,
// snapshot checks) say why on an eslint-disable line.
const READ_GUARD_MESSAGE =
  "Need to know (issue 13): read events through the principal's view (rt.visible / rt.reader, or the reads seam of @aimline/aimline), never the store directly.";
const readGuard = [
  {
    selector:
      'CallExpression[callee.property.name=/^(readStream|readAll)$/][callee.object.name=/^(store|storedEvents)$/]',
    message: READ_GUARD_MESSAGE,
  },
  {
    selector:
      'CallExpression[callee.property.name=/^(readStream|readAll)$/][callee.object.property.name=/^(store|storedEvents)$/]',
    message: READ_GUARD_MESSAGE,
  },
  {
    selector:
      ':matches(CallExpression, NewExpression) > MemberExpression.arguments[property.name=/^(store|storedEvents)$/]',
    message: READ_GUARD_MESSAGE,
  },
];
// Need to know (issue 13 item 2): the whole history of a principal's streams is read only to
// work out where their deadlines stand, shown as they are entitled (`entitledDeadlines`). It is
// never a member of a principal's view (the reads seam's or rt.visible's): the view is handed on,
// spread or wrapped freely and carries none of it; it is opened only by the governance reader's
// `obligations` or by `obligationsOf(view)`. Any use of either name — a member access, a computed
// key, a destructuring, an import or a call — is an error outside the deadline path.
const OBLIGATIONS_MESSAGE =
  'Need to know (issue 13): the whole history (`obligations`, `obligationsOf`) is read only on the deadline path (aimline/src/deadline-standing.ts, the CLI deadlines command); fold what the principal may see (rt.visible / the reads seam) instead.';
const OBLIGATIONS = '/^obligations(Of)?$/';
const obligationsGuard = [
  `MemberExpression[property.name=${OBLIGATIONS}]`,
  `MemberExpression[property.value=${OBLIGATIONS}]`,
  `ObjectPattern > Property[key.name=${OBLIGATIONS}]`,
  `ObjectPattern > Property[key.value=${OBLIGATIONS}]`,
  "ImportSpecifier[imported.name='obligationsOf']",
  "CallExpression[callee.name='obligationsOf']",
].map((selector) => ({ selector, message: OBLIGATIONS_MESSAGE }));
/**
 * The deadline path: the only files that may touch `obligations` / `obligationsOf`. The read
 * seam (`principalView`, which the CLI's runtime calls too) makes principal views with the
 * reader's whole history beside them; deadline-standing.ts and the CLI's deadlines command work
 * deadlines out from it and let nothing else of it leave.
 */
const DEADLINE_PATH = [
  'packages/aimline/src/reads.ts',
  'packages/aimline/src/deadline-standing.ts',
  'packages/cli/src/commands/deadlines.ts',
];
const clockAndRandomness = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'T-7: never read the clock; take "now" as an input.',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'T-7: never read the clock; take "now" as an input.',
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'Domain code takes ids and randomness as inputs.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.tools/**',
      '.aimline/**',
      'api-docs/**',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            '*.mjs',
            'scripts/*.mjs',
            'bench/helpers/*.mjs',
            'vitest.config.ts',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/require-await': 'off',
      // One way to ask whether an object has its own key: the platform's `Object.hasOwn`.
      'prefer-object-has-own': 'error',
      'no-restricted-syntax': ['error', ...clockAndRandomness, ...obligationsGuard],
    },
  },
  purity(['packages/{calendar,meetings,hsb-aim,panel,attendance-aim}/src/**/*.ts'], []),
  // The demo generators are pure too, apart from their seeded Rng: no I/O, clock or adapters.
  purity(['packages/demo/src/**/*.ts'], []),
  // The kernel hashes (node:crypto, pure computation) but does no I/O either.
  purity(['packages/kernel/src/**/*.ts'], ['node:crypto']),
  {
    files: [
      '**/test/**/*.ts',
      'bench/**/*.ts',
      'examples/**/*.ts',
      'packages/kernel/src/testing/**/*.ts',
      'packages/cli/src/**/*.ts',
      'scripts/**',
    ],
    rules: {
      'no-restricted-syntax': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['packages/{aimline,http}/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...clockAndRandomness, ...readGuard, ...obligationsGuard],
    },
  },
  {
    files: ['packages/cli/src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...readGuard, ...obligationsGuard] },
  },
  // The deadline path (DEADLINE_PATH) may read `obligations`; every other guard still holds.
  {
    files: DEADLINE_PATH.filter((f) => f.startsWith('packages/aimline/')),
    rules: { 'no-restricted-syntax': ['error', ...clockAndRandomness, ...readGuard] },
  },
  {
    files: DEADLINE_PATH.filter((f) => f.startsWith('packages/cli/')),
    rules: { 'no-restricted-syntax': ['error', ...readGuard] },
  },
  {
    // Plain Node scripts: no type information, Node's globals.
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
  },
);
