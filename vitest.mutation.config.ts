import { defineConfig } from 'vitest/config';

// The pure-core unit tests alone, for mutation testing (stryker.config.mjs). Every mutated module lives in
// src/core, and its table-driven tests live in test/core: the e2e tests run the built dist/ (which a mutant of src/
// does not change) and the adapter and pipeline tests only cost time in the initial run.
export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
