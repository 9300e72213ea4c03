// `npm run demo`: builds a small sample repository in a temp folder — a main branch and a feature branch that
// plants a few problems — and reviews the feature branch with the bundled CLI, as a pull request would be.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sample = path.join(root, 'demo', 'sample');
const cli = path.join(root, 'dist', 'cli', 'index.js');
if (!existsSync(cli)) {
  console.error('dist/cli/index.js is missing: run `npm run build` first.');
  process.exit(2);
}

// Synthetic credentials, assembled here so that no credential-shaped literal is committed to this repository.
const planted = {
  AWS_KEY: ['AKIA', 'Z7VRSQ5TJN2BKD4X'].join(''),
  PRIVATE_KEY: [
    '-----BEGIN RSA PRIVATE KEY-----',
    'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
    'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
    'LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo',
    '-----END RSA PRIVATE KEY-----',
  ].join('\n'),
};

const repo = mkdtempSync(path.join(os.tmpdir(), 'codex-hooks-demo-'));
const git = (...args) =>
  execFileSync('git', args, {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'demo',
      GIT_AUTHOR_EMAIL: 'demo@example.com',
      GIT_COMMITTER_NAME: 'demo',
      GIT_COMMITTER_EMAIL: 'demo@example.com',
    },
  });

/** Copies a sample tree into the repository, filling in the planted values. */
function copyTree(from, to) {
  for (const name of readdirSync(from)) {
    const source = path.join(from, name);
    const target = path.join(to, name);
    if (statSync(source).isDirectory()) {
      mkdirSync(target, { recursive: true });
      copyTree(source, target);
    } else {
      writeFileSync(
        target,
        readFileSync(source, 'utf8').replace(/\{\{(\w+)\}\}/g, (m, k) => planted[k] ?? m),
      );
    }
  }
}

git('init', '-q', '-b', 'main');
copyTree(path.join(sample, 'base'), repo);
git('add', '-A');
git('commit', '-q', '-m', 'Initial service');
git('checkout', '-q', '-b', 'feature');
copyTree(path.join(sample, 'feature'), repo);
git('add', '-A');
git('commit', '-q', '-m', 'Add settings for AWS and deploy');

console.log(`Sample repository: ${repo}`);

// The reference Codex hook endpoint, on loopback, with a token made for this run.
const token = randomBytes(24).toString('base64url');
const server = spawn(process.execPath, [cli, 'hook-server', '--port', '0'], {
  env: { ...process.env, CODEX_TOKEN: token },
  stdio: ['ignore', 'pipe', 'ignore'],
});
const hookUrl = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const line = out.split('\n')[0];
    if (out.includes('\n')) resolve(line.trim());
  });
  server.on('exit', (code) => reject(new Error(`the reference hook server exited (${code})`)));
  setTimeout(() => reject(new Error('the reference hook server did not start')), 10_000).unref();
});
console.log(`Reference hook endpoint (offline rules, not a model; stopped when the demo ends): ${hookUrl}`);
console.log('Reviewing branch "feature" against "main" (like a pull request), failing on errors (--fail-on error):\n');
console.log('$ CODEX_TOKEN=… codex-hooks review --base main --head feature --hook-url "$HOOK_URL"\n');
const result = spawnSync(
  process.execPath,
  [cli, 'review', '--base', 'main', '--head', 'feature', '--hook-url', hookUrl],
  {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, CODEX_TOKEN: token },
  },
);
server.kill('SIGTERM');

console.log('');
if (result.status === 1) {
  console.log('The gate failed, as it should: the feature branch plants a key, a key file and console.log calls.');
  console.log(
    'Lines marked [AI …] come from the AI review; the others from the local hooks in .github/codex-hooks.yml.',
  );
  console.log('src/app.ts:5 is reported twice, by the no-console hook and by the AI review: two rules with their');
  console.log('own messages and fixes, so both are kept (each counts toward the gate), and neither hides the other.');
  console.log(`The endpoint exchange is in ${path.join(repo, 'codex-audit.jsonl')}.`);
  console.log('To review again, start your own endpoint (codex-hooks hook-server prints its URL and a token), or try');
  console.log('codex-hooks scan src/ in the sample repository, --format json, or --fail-on never.');
  process.exit(0);
}
console.error(`Unexpected exit status ${result.status} from the review.`);
process.exit(1);
