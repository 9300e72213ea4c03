import { defineConfig } from 'vitest/config';

// Vitest 4: its worker RPC has no timeout of its own. Vitest 3 gave each worker call 60 s, so on a loaded
// machine a worker busy in synchronous work (a 10 MB scan, a git child process) failed a green run with
// `Timeout calling "onTaskUpdate"`.
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    // Timeouts only catch a hang: they measure nothing about speed, and must hold on a loaded 2-core machine.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 120_000,
    // Two cores: at most two test files at once, each in its own process.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'] } },
      // The e2e tests spawn dist/ as child processes (more processes than cores): their own project, so
      // `vitest run --project e2e` runs them alone, as .ci/run does on the second runtime.
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
    ],
  },
});
