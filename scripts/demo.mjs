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

// A real model when OPENAI_API_KEY is set (OPENAI_BASE_URL and OPENAI_MODEL optional), else the reference
// endpoint's offline rules. The key stays in the environment: never a flag, never printed.
const apiKey = (process.env.OPENAI_API_KEY ?? '').trim();
const result = apiKey ? reviewWithModel() : await reviewWithReferenceRules();

/** `--reviewer openai`: the Responses API at OPENAI_BASE_URL (default api.openai.com), the model OPENAI_MODEL. */
function reviewWithModel() {
  // The CLI's default model (src/reviewers/openai-reviewer.ts).
  const model = process.env.OPENAI_MODEL || 'gpt-5-mini';
  const host = new URL(process.env.OPENAI_BASE_URL || 'https://api.openai.com/v1').host;
  console.log(`AI review: a real model, ${model} at ${host} (OPENAI_API_KEY is set; the diff is sent redacted).`);
  console.log(
    'Reviewing branch "feature" against "main" (like a pull request), failing on errors (--fail-on error):\n',
  );
  console.log(`$ OPENAI_API_KEY=… codex-hooks review --base main --head feature --reviewer openai --model ${model}\n`);
  return spawnSync(
    process.execPath,
    [cli, 'review', '--base', 'main', '--head', 'feature', '--reviewer', 'openai', '--model', model],
    { cwd: repo, stdio: 'inherit', env: process.env },
  );
}

/** The reference Codex hook endpoint, on loopback, with a token made for this run: rules, not a model. */
async function reviewWithReferenceRules() {
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
  console.log(`Reference hook endpoint (stopped when the demo ends): ${hookUrl}`);
  console.log(
    "AI review: the reference endpoint's offline rules, not a model (no OPENAI_API_KEY). For a real model:\n" +
      '  OPENAI_API_KEY=… npm run demo   (optionally OPENAI_BASE_URL=… for another Responses API server, OPENAI_MODEL=…)',
  );
  console.log(
    'Reviewing branch "feature" against "main" (like a pull request), failing on errors (--fail-on error):\n',
  );
  console.log('$ CODEX_TOKEN=… codex-hooks review --base main --head feature --hook-url "$HOOK_URL"\n');
  const run = spawnSync(
    process.execPath,
    [cli, 'review', '--base', 'main', '--head', 'feature', '--hook-url', hookUrl],
    {
      cwd: repo,
      stdio: 'inherit',
      env: { ...process.env, CODEX_TOKEN: token },
    },
  );
  server.kill('SIGTERM');
  return run;
}

console.log('');
if (result.status === 1) {
  console.log('The gate failed, as it should: the feature branch plants a key, a key file and console.log calls.');
  console.log(
    'Lines marked [AI …] come from the AI review; the others from the local hooks in .github/codex-hooks.yml.',
  );
  console.log('When a hook and the AI review report the same line, both are kept: two rules with their own messages');
  console.log('and fixes (each counts toward the gate), so neither hides the other.');
  console.log(
    `${apiKey ? "The model review's requests and tokens are" : 'The endpoint exchange is'} in ${path.join(repo, 'codex-audit.jsonl')}.`,
  );
  console.log('To review again, start your own endpoint (codex-hooks hook-server prints its URL and a token), or try');
  console.log('codex-hooks scan src/ in the sample repository, --format json, or --fail-on never.');
  process.exit(0);
}
console.error(`Unexpected exit status ${result.status} from the review.`);
process.exit(1);
