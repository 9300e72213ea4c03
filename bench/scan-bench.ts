/**
 * Scan benchmark: MB/s of scanText over ≥ 20 MB of real-world source (.js/.ts under node_modules,
 * read in sorted order) with a few secrets planted, and secretlint's recommended preset on the same
 * files for a ratio. secretlint is far slower, so it runs on a deterministic subset and its MB/s is
 * extrapolated (said in the output). Run: npx vite-node bench/scan-bench.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import { scanText } from '../src/core/secrets/index.js';
import { withBase62Checksum } from '../src/core/secrets/checksum.js';

const TARGET_BYTES = 24 * 1024 * 1024;
const SECRETLINT_BYTES = 2 * 1024 * 1024;

function collectFiles(dir: string, out: string[], budget: { bytes: number }): void {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of entries) {
    if (budget.bytes >= TARGET_BYTES) return;
    const path = join(dir, name);
    let st;
    try {
      st = statSync(path);
    } catch {
      continue;
    }
    if (st.isDirectory()) collectFiles(path, out, budget);
    else if (/\.(?:js|ts|mjs|cjs)$/.test(name) && !name.endsWith('.min.js') && st.size < 2_000_000) {
      out.push(path);
      budget.bytes += st.size;
    }
  }
}

export async function runScanBenchmark(): Promise<Record<string, string | number>> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const paths: string[] = [];
  collectFiles(resolve(root, 'node_modules'), paths, { bytes: 0 });
  const texts = paths.map((p) => readFileSync(p, 'utf8'));
  // Plant a few synthetic secrets so the benchmark exercises the reporting path too.
  const planted = [
    `const t = "${withBase62Checksum('ghp_', 'Q7rK2mZp9LwVb7Rc1Qn5Hd8Gf3Js6Y')}";`,
    'aws_key = "AKIAZ3MSJV4WWNKWW3D2"',
    'DATABASE_URL=postgres://app:Vq8r2LmZ7pWx4Nb@db.internal:5432/app',
  ];
  for (let i = 0; i < planted.length; i++) {
    const at = Math.floor(((i + 1) * texts.length) / (planted.length + 1));
    texts[at] = `${texts[at]}\n${planted[i]}\n`;
  }
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

  // Warm-up (compiles the rule set), then the measured run.
  scanText(texts[0]!);
  let found = 0;
  const started = performance.now();
  for (const t of texts) found += scanText(t).length;
  const seconds = (performance.now() - started) / 1000;
  const mbPerSecond = bytes / 1048576 / seconds;

  // secretlint on a deterministic subset: the first files up to SECRETLINT_BYTES.
  const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] };
  let subsetBytes = 0;
  const subset: string[] = [];
  for (let i = 0; i < texts.length && subsetBytes < SECRETLINT_BYTES; i++) {
    subset.push(texts[i]!);
    subsetBytes += Buffer.byteLength(texts[i]!);
  }
  const slStarted = performance.now();
  let slFound = 0;
  for (let i = 0; i < subset.length; i++) {
    const result = await lintSource({
      source: { filePath: paths[i]!, content: subset[i]!, contentType: 'text' },
      options: { config },
    });
    slFound += result.messages.length;
  }
  const slSeconds = (performance.now() - slStarted) / 1000;
  const slMbPerSecond = subsetBytes / 1048576 / slSeconds;

  const oursOnSubsetStart = performance.now();
  for (const t of subset) scanText(t);
  const oursOnSubset = subsetBytes / 1048576 / ((performance.now() - oursOnSubsetStart) / 1000);

  return {
    files: texts.length,
    megabytes: Number((bytes / 1048576).toFixed(1)),
    'scanText MB/s': Number(mbPerSecond.toFixed(1)),
    'scanText findings': found,
    'secretlint subset MB': Number((subsetBytes / 1048576).toFixed(1)),
    'secretlint MB/s (subset, extrapolated to the full set)': Number(slMbPerSecond.toFixed(2)),
    'secretlint findings on subset': slFound,
    'scanText MB/s on the same subset': Number(oursOnSubset.toFixed(1)),
    'ratio (scanText / secretlint, full-set MB/s)': Number((mbPerSecond / slMbPerSecond).toFixed(1)),
  };
}

if (process.env.SCAN_BENCH_MAIN !== '0') {
  runScanBenchmark().then(
    (r) => console.table(r),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
