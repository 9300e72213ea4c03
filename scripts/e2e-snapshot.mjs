// Proves a refactor is behaviour-neutral on the e2e fixtures: runs the e2e suite twice, once against the
// dist/ committed at a base ref and once against the working tree's dist/, recording everything each run
// produced (test/support/e2e-snapshot.ts), and compares the two byte for byte.
//
//   node scripts/e2e-snapshot.mjs [base-ref]            (default: main; the base records are cached per commit)
//   node scripts/e2e-snapshot.mjs --compare DIR DIR     (compare two record folders)
//
// Only values that differ between two runs of the very same build are normalised, in normalise() below.
// Exits 1 and prints the differences when any output, file, log line or request body differs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Values that change from one run of the same build to the next, and nothing else. */
export function normalise(text) {
  return (
    text
      // Temp folders (mkdtemp suffixes) and loopback ports.
      .replaceAll(os.tmpdir(), '<tmp>')
      .replace(/<tmp>[^\s"\\]*/g, (p) => p.replace(/-[A-Za-z0-9]{6}(?=\/|$)/g, '-XXXXXX'))
      // Stack frames in ::debug:: lines name the bundle's line numbers, which any rebuild moves.
      .replace(/(%0A {4}at [^%\n"\\]*)+/g, '%0A    at <stack>')
      .replace(/(127\.0\.0\.1|localhost):\d+/g, '$1:<port>')
      // Clocks: ISO timestamps, elapsed times in logs and reports.
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
      .replace(/ in \d+ ?ms\b/g, ' in <n>ms')
      .replace(/(\\?"durationMs\\?": )\d+/g, '$1<n>')
      // The tests mint their endpoint tokens with the current time in the claims.
      .replace(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, '<jwt minted by the test>')
  );
}

function compare(before, after) {
  const names = [...new Set([...readdirSync(before), ...readdirSync(after)])].sort();
  let differ = 0;
  for (const name of names) {
    const read = (dir) => {
      try {
        return normalise(readFileSync(path.join(dir, name), 'utf8'));
      } catch {
        return '<missing>';
      }
    };
    const [a, b] = [read(before), read(after)];
    if (a === b) continue;
    differ++;
    console.log(`DIFFERS: ${name}`);
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'e2e-diff-'));
    writeFileSync(path.join(tmp, 'before'), a);
    writeFileSync(path.join(tmp, 'after'), b);
    const diff = spawnSync('git', ['diff', '--no-index', '--no-color', '--word-diff', '-U0', 'before', 'after'], {
      encoding: 'utf8',
      cwd: tmp,
    });
    console.log(diff.stdout.split('\n').slice(4, 40).join('\n'));
  }
  console.log(`${names.length} records compared, ${differ} differ`);
  return differ === 0 && names.length > 0;
}

if (process.argv[2] === '--compare') {
  process.exit(compare(process.argv[3], process.argv[4]) ? 0 : 1);
}

const base = process.argv[2] ?? 'main';
const sha = execFileSync('git', ['rev-parse', base], { encoding: 'utf8' }).trim();
const cache = path.join(os.tmpdir(), `e2e-snapshot-base-${sha}`);
const work = mkdtempSync(path.join(os.tmpdir(), 'e2e-snapshot-'));
const baseDist = path.join(work, 'base');
mkdirSync(baseDist);
const archive = execFileSync('git', ['archive', sha, 'dist'], { maxBuffer: 1 << 30 });
execFileSync('tar', ['-x', '-C', baseDist], { input: archive });

function record(dist, into) {
  const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/e2e', '--reporter=dot'], {
    // A loaded machine must not turn the harness's hang guard into a failure that drops a record.
    env: { ...process.env, E2E_DIST: dist, E2E_SNAPSHOT_DIR: into, E2E_TIMEOUT_SCALE: '14' },
    encoding: 'utf8',
  });
  const tail = `${result.stdout}${result.stderr}`.trim().split('\n').slice(-4).join('\n');
  console.log(`e2e against ${dist}: exit ${result.status}\n${tail}\n`);
}

const after = path.join(work, 'after');
if (!existsSync(cache)) record(path.join(baseDist, 'dist'), cache);
else console.log(`base records of ${sha.slice(0, 12)} reused from ${cache}`);
record(path.resolve('dist'), after);
process.exit(compare(cache, after) ? 0 : 1);
