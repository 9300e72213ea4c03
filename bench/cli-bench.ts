// The two command-line tools as users run them, on the same files: `codex-hooks scan` (the whole pipeline:
// read, filter, hooks, report) and `secretlint` with its recommended preset. Wall time of each process.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectFiles, plantedSecrets } from './scan-bench.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 3;

function median<T extends { seconds: number }>(runs: T[]): T {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
}

function timed(command: string, args: string[], cwd: string): Promise<{ seconds: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolve({ seconds: (performance.now() - started) / 1000, stdout }));
  });
}

export async function runCliBenchmark(): Promise<Record<string, string | number>> {
  const paths: string[] = [];
  collectFiles(path.join(root, 'node_modules'), paths, { bytes: 0 });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-cli-bench-'));
  try {
    const planted = plantedSecrets();
    let bytes = 0;
    const names: string[] = [];
    for (let i = 0; i < paths.length; i++) {
      let text = await readFile(paths[i]!, 'utf8');
      const slot = planted.findIndex((_, k) => Math.floor(((k + 1) * paths.length) / (planted.length + 1)) === i);
      if (slot >= 0) text = `${text}\n${planted[slot]}\n`;
      const name = `f${i}${path.extname(paths[i]!)}`;
      await writeFile(path.join(dir, name), text);
      names.push(name);
      bytes += Buffer.byteLength(text);
    }
    await writeFile(
      path.join(dir, '.secretlintrc.json'),
      JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }),
    );
    // Each tool three times, alternating; the median wall time of each.
    const oursRuns: { seconds: number; stdout: string }[] = [];
    const theirsRuns: { seconds: number; stdout: string }[] = [];
    // secretlint's JSON embeds every file's content: it goes to a file, not through a pipe.
    const theirsOut = path.join(os.tmpdir(), `secretlint-${process.pid}.json`);
    for (let run = 0; run < RUNS; run++) {
      oursRuns.push(
        await timed(
          process.execPath,
          [path.join(root, 'dist', 'cli', 'index.js'), 'scan', '--format', 'json', ...names],
          dir,
        ),
      );
      theirsRuns.push(
        await timed(
          path.join(root, 'node_modules', '.bin', 'secretlint'),
          ['*', '--format', 'json', '--output', theirsOut],
          dir,
        ),
      );
    }
    const ours = median(oursRuns);
    const theirs = median(theirsRuns);
    const oursFound = (JSON.parse(ours.stdout) as { findings: unknown[] }).findings.length;
    const theirsFound = (JSON.parse(await readFile(theirsOut, 'utf8')) as { messages: unknown[] }[]).reduce(
      (n, f) => n + f.messages.length,
      0,
    );
    await rm(theirsOut, { force: true });
    const megabytes = bytes / 1048576;
    return {
      'cli: files': names.length,
      'cli: megabytes': Number(megabytes.toFixed(1)),
      'cli: runs of each (median shown)': RUNS,
      'codex-hooks scan: wall time (s)': Number(ours.seconds.toFixed(2)),
      'codex-hooks scan: findings': oursFound,
      'secretlint CLI: wall time (s)': Number(theirs.seconds.toFixed(2)),
      'secretlint CLI: findings': theirsFound,
      'ratio (secretlint time / codex-hooks time)': Number((theirs.seconds / ours.seconds).toFixed(1)),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
