// The two command-line tools as users run them, on the same folders: `codex-hooks scan --format json .` (the
// whole process: Node start, the walk, reading, filters, hooks, the report) and `secretlint` with its
// recommended preset. Wall time of each process, on two corpora: the scan benchmark's larger files, and a
// tree shaped like a repository (many small files in nested folders, a git work tree). Then the start-up
// that a pre-commit hook pays: one small file, beside `node -e ''`. Figures are only as quiet as the
// machine: the load average is printed with each.
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectFiles, plantedSecrets } from './scan-bench.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist', 'cli', 'index.js');
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 3);
/** Whole-process speed asked of `codex-hooks scan` on both corpora. */
const TARGET_MB_PER_SECOND = 100;

type Run = { seconds: number; stdout: string };

function median<T extends { seconds: number }>(runs: T[]): T {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
}

function timed(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolve({ seconds: (performance.now() - started) / 1000, stdout }));
  });
}

const load = (): string => os.loadavg()[0]!.toFixed(2);

/** The repository-shaped corpus: .js/.ts/.json/.md files under 100 KB, minified bundles left out. */
const repositoryFile = (name: string, size: number): boolean =>
  /\.(?:js|ts|json|md)$/.test(name) && !name.endsWith('.min.js') && size < 100_000;

/** Copies `sources` into `dir` under `nameOf` (secrets planted in a few files); returns the bytes written. */
async function writeCorpus(dir: string, sources: string[], nameOf: (source: string, i: number) => string) {
  const planted = plantedSecrets();
  let bytes = 0;
  for (let i = 0; i < sources.length; i++) {
    let text = await readFile(sources[i]!, 'utf8');
    const slot = planted.findIndex((_, k) => Math.floor(((k + 1) * sources.length) / (planted.length + 1)) === i);
    if (slot >= 0) text = `${text}\n${planted[slot]}\n`;
    const target = path.join(dir, nameOf(sources[i]!, i));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
    bytes += Buffer.byteLength(text);
  }
  await writeFile(
    path.join(dir, '.secretlintrc.json'),
    JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }),
  );
  return bytes;
}

/** Both tools on one folder, alternating, RUNS times each: the median wall time and the findings of each. */
async function compare(label: string, dir: string, files: number, bytes: number) {
  const ours: Run[] = [];
  const theirs: Run[] = [];
  // secretlint's JSON embeds every file's content: it goes to a file, not through a pipe.
  const theirsOut = path.join(os.tmpdir(), `secretlint-${process.pid}.json`);
  const loadBefore = load();
  for (let run = 0; run < RUNS; run++) {
    ours.push(await timed(process.execPath, [cli, 'scan', '--format', 'json', '.'], dir));
    theirs.push(
      await timed(
        path.join(root, 'node_modules', '.bin', 'secretlint'),
        ['**/*', '--format', 'json', '--output', theirsOut],
        dir,
      ),
    );
  }
  const loadAfter = load();
  const oursFound = (JSON.parse(median(ours).stdout) as { findings: unknown[] }).findings.length;
  const theirsFound = (JSON.parse(await readFile(theirsOut, 'utf8')) as { messages: unknown[] }[]).reduce(
    (n, f) => n + f.messages.length,
    0,
  );
  await rm(theirsOut, { force: true });
  const megabytes = bytes / 1048576;
  const a = median(ours).seconds;
  const b = median(theirs).seconds;
  return {
    [`${label}: files`]: files,
    [`${label}: megabytes`]: Number(megabytes.toFixed(1)),
    [`${label}: load average (1 min) before/after`]: `${loadBefore} / ${loadAfter}`,
    [`${label}: codex-hooks wall time (s, median of ${RUNS})`]: Number(a.toFixed(2)),
    [`${label}: codex-hooks MB/s whole process`]: Number((megabytes / a).toFixed(1)),
    [`${label}: codex-hooks findings`]: oursFound,
    [`${label}: secretlint wall time (s, median of ${RUNS})`]: Number(b.toFixed(2)),
    [`${label}: secretlint MB/s whole process`]: Number((megabytes / b).toFixed(2)),
    [`${label}: secretlint findings`]: theirsFound,
    [`${label}: ratio (secretlint time / codex-hooks time)`]: Number((b / a).toFixed(1)),
    [`${label}: target >= ${TARGET_MB_PER_SECOND} MB/s`]: megabytes / a >= TARGET_MB_PER_SECOND ? 'met' : 'NOT met',
  };
}

/** What a pre-commit hook pays: `scan` of one small file, and Node's own start, each the median of 7. */
async function startUp(dir: string) {
  await writeFile(path.join(dir, 'one.ts'), 'export const greeting = "hello";\n'.repeat(20));
  const loadBefore = load();
  const scanRuns: Run[] = [];
  const nodeRuns: Run[] = [];
  for (let i = 0; i < 7; i++) {
    scanRuns.push(await timed(process.execPath, [cli, 'scan', 'one.ts'], dir));
    nodeRuns.push(await timed(process.execPath, ['-e', ''], dir));
  }
  return {
    'start-up: load average (1 min) before/after': `${loadBefore} / ${load()}`,
    'start-up: codex-hooks scan of one small file (s, median of 7)': Number(median(scanRuns).seconds.toFixed(3)),
    "start-up: node -e '' (s, median of 7)": Number(median(nodeRuns).seconds.toFixed(3)),
  };
}

export async function runCliBenchmark(): Promise<Record<string, string | number>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-cli-bench-'));
  try {
    const larger: string[] = [];
    collectFiles(path.join(root, 'node_modules'), larger, { bytes: 0 });
    const largerDir = path.join(dir, 'larger');
    const largerBytes = await writeCorpus(largerDir, larger, (source, i) => `f${i}${path.extname(source)}`);

    const small: string[] = [];
    collectFiles(path.join(root, 'node_modules'), small, { bytes: 0 }, repositoryFile);
    const repoDir = path.join(dir, 'repository');
    // Nested as in node_modules, but without that folder name, which a walk prunes.
    const nodeModules = path.join(root, 'node_modules');
    const repoBytes = await writeCorpus(repoDir, small, (source) =>
      path.relative(nodeModules, source).replace(/(^|\/)node_modules\//g, '$1packages/'),
    );
    // A git work tree, as users' repositories are: `scan .` lists it through git (and .gitignore).
    execFileSync('git', ['init', '-q'], { cwd: repoDir });
    execFileSync('git', ['add', '-A'], { cwd: repoDir });

    const startDir = path.join(dir, 'one');
    await mkdir(startDir);
    return {
      ...(await compare('larger files', largerDir, larger.length, largerBytes)),
      ...(await compare('repository tree', repoDir, small.length, repoBytes)),
      ...(await startUp(startDir)),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
