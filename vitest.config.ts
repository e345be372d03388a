import { defineConfig } from 'vitest/config';

// Tests import sibling packages' TypeScript sources through the "@aimline/source"
// export condition, so the suite runs without a build.
const conditions = ['@aimline/source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@aimline/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
