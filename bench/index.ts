// `npm run bench`: every benchmark, one table. Benchmarks measure; tests never time anything.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { runCliBenchmark } from './cli-bench.js';
import { runCodexHookBenchmark } from './codex-hook-bench.js';
import { runPipelineBenchmark } from './pipeline-bench.js';
import { runReviewersBenchmark } from './reviewers-bench.js';

const benches: [string, () => Promise<Record<string, string | number>>][] = [['pipeline', runPipelineBenchmark]];
// The scan benchmark ships with the full secret scanner.
if (existsSync(new URL('./scan-bench.ts', import.meta.url))) {
  const { runScanBenchmark } = (await import(new URL('./scan-bench.ts', import.meta.url).href)) as {
    runScanBenchmark: () => Promise<Record<string, string | number>>;
  };
  benches.push(['scan', runScanBenchmark]);
}
benches.push(['cli', runCliBenchmark]);
benches.push(['codex-hook', runCodexHookBenchmark]);
benches.push(['reviewers', runReviewersBenchmark]);

// BENCH=pipeline (or scan, cli, codex-hook, reviewers) runs one; BENCH_COMMENT_MODE=check measures the pipeline without review comments.
const only = process.env.BENCH?.split(',').map((s) => s.trim());
console.log(`node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
for (const [name, bench] of benches.filter(([n]) => !only || only.includes(n))) {
  console.log(`\n## ${name}`);
  const result = await bench();
  for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(40)} ${v}`);
}
