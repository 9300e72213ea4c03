// `npm run bench`: every benchmark, one table. Benchmarks measure; tests never time anything.
import { existsSync } from 'node:fs';
import os from 'node:os';

type Bench = () => Promise<Record<string, string | number>>;

// Each benchmark is loaded only when it runs: one benchmark's imports never stop another.
const benches: [string, () => Promise<Bench>][] = [
  ['pipeline', async () => (await import('./pipeline-bench.js')).runPipelineBenchmark],
];
// The scan benchmark ships with the full secret scanner.
if (existsSync(new URL('./scan-bench.ts', import.meta.url))) {
  benches.push([
    'scan',
    async () =>
      ((await import(new URL('./scan-bench.ts', import.meta.url).href)) as { runScanBenchmark: Bench })
        .runScanBenchmark,
  ]);
}
benches.push(['cli', async () => (await import('./cli-bench.js')).runCliBenchmark]);
benches.push(['codex-hook', async () => (await import('./codex-hook-bench.js')).runCodexHookBenchmark]);
benches.push(['reviewers', async () => (await import('./reviewers-bench.js')).runReviewersBenchmark]);
benches.push(['gateway', async () => (await import('./gateway-bench.js')).runGatewayBenchmark]);

// BENCH=pipeline (or scan, cli, codex-hook, reviewers, gateway) runs one; BENCH_COMMENT_MODE=check measures the pipeline without review comments.
const only = process.env.BENCH?.split(',').map((s) => s.trim());
console.log(`node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
for (const [name, load] of benches.filter(([n]) => !only || only.includes(n))) {
  console.log(`\n## ${name}`);
  const result = await (await load())();
  for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(40)} ${v}`);
}
