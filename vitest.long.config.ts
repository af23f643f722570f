import { defineConfig } from 'vitest/config';

// `npm run test:long`: the slow proofs of issue 15 (the kill loops, the fuzzed client files, the packaging,
// the quarter through the CLI), apart from `npm test`'s quick cases. LONG_ROUNDS scales how
// many times each loop goes round (CI runs the default; a developer may run more).
export default defineConfig({
  test: {
    include: ['tests/long/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15 * 60_000,
    hookTimeout: 5 * 60_000,
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['tests/fixtures/temp-root.ts'],
  },
});
