// Mutation testing of the core modules the "nothing secret leaves the runner" promise rests on (issue 17).
// `npm run test:mutation`; not part of .ci/run: it takes tens of minutes on a 2-core machine.
// One module at a time, on a shared machine: `npx stryker run --mutate src/core/gate.ts --concurrency 1`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/core/findings/redactor.ts',
    'src/core/findings/finalize.ts',
    'src/core/findings/placement.ts',
    'src/core/findings/carry.ts',
    'src/core/render/markdown.ts',
    'src/core/filter.ts',
    'src/core/diff/parse-patch.ts',
    'src/core/gate.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  // The pinned Codex CLI (.cache, a link) and the build are not needed by the unit tests.
  ignorePatterns: ['.cache', 'dist', 'reports', 'coverage'],
};
