import { defineConfig } from 'vitest/config';

// The unit tests alone, for mutation testing (stryker.config.mjs): the e2e tests run the built dist/, which a
// mutant of src/ does not change, so they could kill nothing and would only cost time.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
