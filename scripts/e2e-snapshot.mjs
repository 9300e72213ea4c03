// Proves a refactor is behaviour-neutral on the e2e fixtures: runs the e2e suite against two builds, recording
// everything each run produced (test/support/e2e-snapshot.ts), and compares the records byte for byte.
// The test code is always the working tree's: only the dist/ under test changes between two runs.
//
//   node scripts/e2e-snapshot.mjs [base-ref]          the base's committed dist/ against the working tree's
//   node scripts/e2e-snapshot.mjs build REF           build REF's dist/ from its sources in a throwaway worktree
//                                                     (a merge's committed dist/ may predate its sources);
//                                                     prints the folder, cached per commit
//   node scripts/e2e-snapshot.mjs record DIST DIR     one e2e run against DIST, its records into DIR
//   node scripts/e2e-snapshot.mjs compare DIR DIR     compare two record folders
//
// Only values that differ between two runs of the very same build are normalised, in normalise() below:
// recording the same dist/ twice and comparing must give 0 differences (docs/architecture.md says how it was
// checked). Exits 1 and prints the differences when any output, file, log line or request body differs.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Values that change from one run of the same build to the next, and nothing else. */
export function normalise(text) {
  // A minted access token (256 random bits, src/core/access-token.ts) is logged by its fingerprint
  // (src/endpoint/token.ts): named as the fingerprint of the token it is, computed here, not as any 12 hex digits.
  for (const token of new Set(text.match(/cdxhk_[A-Za-z0-9]{49}/g) ?? [])) {
    const fingerprint = createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 12);
    text = text.replaceAll(fingerprint, '<fingerprint of a minted token>');
  }
  // A local review names its repository after its temp folder (`local/codex-hooks-cli-XXXXXX`), and the
  // endpoint request's idempotency key hashes that name (src/endpoint/client.ts): only then is the key masked.
  if (/\blocal\/[A-Za-z0-9._-]*-[A-Za-z0-9]{6}\b/.test(text)) {
    text = text.replace(/("idempotency-key": ")[0-9a-f]{64}"/g, '$1<hash of a temp repository name>"');
  }
  // A local review's commits are made by the test in a temp repository (fixed dates: test/e2e/cli.test.ts), but
  // one test commits a config naming a temp folder, so their SHAs vary: each SHA becomes its order of first
  // appearance, so which SHA is which (head, base, the same one twice) still compares.
  if (text.includes('local_review')) {
    const shas = [...new Set(text.match(/\b[0-9a-f]{40}\b/g) ?? [])];
    shas.forEach((sha, i) => (text = text.replaceAll(sha, `<local commit ${i + 1}>`)));
  }
  return (
    text
      // Temp folders: the run's root and each mkdtemp suffix, in absolute paths, in paths relative to a
      // workspace (`../codex-hooks-outside-XXXXXX/notes.txt`) and in a local review's repository name.
      .replaceAll(os.tmpdir(), '<tmp>')
      .replace(/<tmp>[^\s"\\]*/g, (p) => p.replace(/-[A-Za-z0-9]{6}(?=\/|$)/g, '-XXXXXX'))
      .replace(/(\.\.\/[A-Za-z0-9._-]*-)[A-Za-z0-9]{6}(?=\/)/g, '$1XXXXXX')
      .replace(/\blocal\/([A-Za-z0-9._-]*-)[A-Za-z0-9]{6}\b/g, 'local/$1XXXXXX')
      // Stack frames in ::debug:: lines name the bundle's line numbers, which any rebuild moves.
      .replace(/(%0A {4}at [^%\n"\\]*)+/g, '%0A    at <stack>')
      // Loopback ports: every fake listens on port 0; a test that needs a taken port passes it as --port N.
      .replace(/(127\.0\.0\.1|localhost):\d+/g, '$1:<port>')
      .replace(/("--port",\s*")\d+"/g, '$1<port>"')
      // Clocks: ISO timestamps, elapsed times in logs and reports.
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
      .replace(/ in \d+ ?ms\b/g, ' in <n>ms')
      .replace(/(\\?"durationMs\\?": )\d+/g, '$1<n>')
      // The fake's rate-limit reset is an hour after the request's second; the action counts from its own second.
      .replace(/\blifts in 360[01] s\b/g, 'lifts in 3600 s')
      // The endpoint client's backoff is a uniform random draw (full jitter, src/endpoint/client.ts). The
      // message does not tell a Retry-After wait from a draw, so both are masked; the tests check the waits.
      .replace(/(\(attempt \d+ of \d+\); retrying in )\d+\.\d s/g, '$1<backoff> s')
      // The tests mint their endpoint tokens with the current time in the claims.
      .replace(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, '<jwt minted by the test>')
      // Random by design: a check run's external_id (a UUID per run, src/adapters/github/check-runs.ts) and the
      // access tokens the endpoint mints.
      .replace(/codex-hooks:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'codex-hooks:<uuid>')
      .replace(/cdxhk_[A-Za-z0-9]{49}/g, 'cdxhk_<minted>')
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
    rmSync(tmp, { recursive: true, force: true });
    console.log(diff.stdout.split('\n').slice(4, 40).join('\n'));
  }
  console.log(`${names.length} records compared, ${differ} differ`);
  return differ === 0 && names.length > 0;
}

/** One e2e run of the working tree's tests against `dist`, its records into `into`. */
function record(dist, into) {
  rmSync(into, { recursive: true, force: true });
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      'test/e2e',
      '--reporter=dot',
      // Which tests passed, beside the records: both runs of a comparison should pass (or fail) the same tests.
      '--reporter=json',
      `--outputFile.json=${into}.vitest.json`,
    ],
    {
      env: { ...process.env, E2E_DIST: dist, E2E_SNAPSHOT_DIR: into },
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  const tail = `${result.stdout}${result.stderr}`.trim().split('\n').slice(-6).join('\n');
  console.log(`e2e against ${dist}: exit ${result.status}, ${readdirSync(into).length} records in ${into}\n${tail}\n`);
}

/** REF's dist/ built from its own sources, in a throwaway worktree; cached per commit. */
function build(ref) {
  const sha = execFileSync('git', ['rev-parse', `${ref}^{commit}`], { encoding: 'utf8' }).trim();
  const out = path.join(os.tmpdir(), `e2e-snapshot-dist-${sha}`);
  if (existsSync(path.join(out, 'index.js'))) return out;
  const tree = path.join(os.tmpdir(), `e2e-snapshot-tree-${sha}`);
  execFileSync('git', ['worktree', 'add', '--force', '--detach', tree, sha], { stdio: 'inherit' });
  try {
    const lock = (dir) => readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
    // The same lockfile, the same node_modules: hard links to this tree's, or to one installed for an earlier
    // build with that lockfile (npm ci once per lockfile).
    const key = createHash('sha256').update(lock(tree)).digest('hex').slice(0, 16);
    const installed =
      lock(tree) === lock('.') ? path.resolve('node_modules') : path.join(os.tmpdir(), `e2e-snapshot-modules-${key}`);
    if (!existsSync(installed)) {
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: tree, stdio: 'inherit' });
      execFileSync('cp', ['-al', path.join(tree, 'node_modules'), installed]);
    } else {
      execFileSync('cp', ['-al', installed, path.join(tree, 'node_modules')]);
    }
    execFileSync('npm', ['run', 'build'], { cwd: tree, stdio: 'inherit' });
    cpSync(path.join(tree, 'dist'), out, { recursive: true });
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { stdio: 'inherit' });
  }
  return out;
}

const [command, ...args] = process.argv.slice(2);
if (command === 'compare' || command === '--compare') {
  process.exit(compare(args[0], args[1]) ? 0 : 1);
} else if (command === 'record') {
  record(path.resolve(args[0]), path.resolve(args[1]));
} else if (command === 'build') {
  console.log(build(args[0]));
} else {
  const base = command ?? 'main';
  const sha = execFileSync('git', ['rev-parse', base], { encoding: 'utf8' }).trim();
  const cache = path.join(os.tmpdir(), `e2e-snapshot-records-${sha}`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'e2e-snapshot-'));
  const baseDist = path.join(work, 'base');
  mkdirSync(baseDist);
  const archive = execFileSync('git', ['archive', sha, 'dist'], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', baseDist], { input: archive });
  const after = path.join(work, 'after');
  if (!existsSync(cache)) record(path.join(baseDist, 'dist'), cache);
  else console.log(`base records of ${sha.slice(0, 12)} reused from ${cache}`);
  record(path.resolve('dist'), after);
  process.exit(compare(cache, after) ? 0 : 1);
}
