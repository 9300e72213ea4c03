import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { addedFile, FakeGitHub } from '../support/fake-github.js';
import { pullRequestEvent, ROOT, runAction, type ActionRun } from '../support/run-action.js';

/**
 * The real `codex-hooks hook-server --policy` process, tokens issued and revoked with the real
 * `codex-hooks token` commands, and the built action calling it through loopback.
 */

const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const run = promisify(execFile);
// Synthetic credential, assembled at run time: a local finding that must survive every AI failure.
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');

const appFile = addedFile('src/app.ts', ['export function start() {', '  console.log("starting");', '}']);
const keyFile = addedFile('src/keys.ts', [`export const key = "${AWS_KEY}";`]);

let dir: string;
let policy: string;
let auditLog: string;
let server: ChildProcess;
let serverUrl: string;
let serverLog = '';
const tokens: Record<string, string> = {};

async function token(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [CLI, 'token', ...args, '--policy', policy]);
  return stdout.trim();
}

/** Resolves once the server's structured log has a line matching `pattern` after `from` characters. */
async function serverSays(pattern: RegExp, from: number): Promise<void> {
  while (!pattern.test(serverLog.slice(from))) await new Promise((r) => setTimeout(r, 50));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gateway-e2e-'));
  policy = path.join(dir, 'policy.yml');
  auditLog = path.join(dir, 'audit.jsonl');
  await writeFile(policy, '# codex-hooks endpoint policy\nversion: 1\n');
  tokens.good = await token('create', '--id', 'ci-good');
  tokens.expired = await token('create', '--id', 'ci-expired', '--expires', '2020-01-01');
  tokens.noScope = await token('create', '--id', 'ci-read-only', '--scopes', 'hooks:read');
  tokens.elsewhere = await token('create', '--id', 'ci-elsewhere', '--ip', '192.0.2.0/24,2001:db8::/32');
  tokens.limited = await token('create', '--id', 'ci-limited', '--max-requests', '1', '--reset-interval', '3s');
  tokens.revoked = await token('create', '--id', 'ci-revoked');
  tokens.rotated = await token('create', '--id', 'ci-rotated');
  server = spawn(process.execPath, [CLI, 'hook-server', '--policy', policy, '--port', '0', '--audit-log', auditLog], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '' },
  });
  server.stderr!.on('data', (d: Buffer) => (serverLog += d.toString()));
  serverUrl = await new Promise<string>((resolve) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
  });
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
});

async function review(codexToken: string, files = [appFile, keyFile]): Promise<{ run: ActionRun; github: FakeGitHub }> {
  const github = await new FakeGitHub({ files }).start();
  try {
    const result = await runAction({
      inputs: { 'github-token': 't', 'codex-token': codexToken, 'hook-url': serverUrl },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    return { run: result, github };
  } finally {
    await github.stop();
  }
}

/** The local secret finding and the failed gate survive whatever happened to the AI step. */
function expectLocalGateIntact(github: FakeGitHub, r: ActionRun): void {
  const annotations = github.checkRuns[0]!.annotations;
  expect(annotations).toEqual(
    expect.arrayContaining([expect.objectContaining({ path: 'src/keys.ts', start_line: 1 })]),
  );
  expect(r.outputs.conclusion).toBe('failure');
}

describe('the hook-server gateway, end to end', () => {
  it('a good token gets AI comments on the pull request', async () => {
    const { run: r, github } = await review(tokens.good!);
    const annotations = github.checkRuns[0]!.annotations;
    expect(annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'src/app.ts', start_line: 2, annotation_level: 'warning' }),
      ]),
    );
    expect(r.summary).toMatch(/### AI review/);
    expectLocalGateIntact(github, r);
  });

  it.each([
    ['expired', 'expired', /token 'ci-expired' expired at 2020-01-01/],
    ['noScope', 'missing scope', /token 'ci-read-only' lacks the scope hooks:trigger/],
    [
      'elsewhere',
      'address outside the allowlist',
      /client address .*127\.0\.0\.1 is outside the IP restrictions of token 'ci-elsewhere'/,
    ],
  ])(
    '%s token: the AI step ends naming the cause (%s); local findings and gate intact',
    async (name, _cause, message) => {
      const { run: r, github } = await review(tokens[name]!);
      expect(r.stdout).toMatch(message);
      expect(r.stdout).toMatch(/no further requests were sent/);
      expect(r.summary).toMatch(/AI review did not run to completion/);
      expectLocalGateIntact(github, r);
    },
  );

  it('a token revoked with `codex-hooks token revoke` while the server runs is refused at its next request', async () => {
    const before = await review(tokens.revoked!, [appFile]);
    expect(before.run.summary).toMatch(/### AI review/);
    const from = serverLog.length;
    await token('revoke', '--id', 'ci-revoked');
    const { run: r, github } = await review(tokens.revoked!);
    await serverSays(/"event":"policy-reloaded"/, from);
    expect(r.stdout).toMatch(/token 'ci-revoked' was revoked at/);
    expect(r.summary).toMatch(/AI review did not run to completion/);
    expectLocalGateIntact(github, r);
  });

  it('past the usage limit: 429 with Retry-After, the action waits and the retry is served', async () => {
    // Two files of ~6 KB each with hook-max-bytes 10000: two requests in one run, one allowed per 3 s.
    const big = (name: string) =>
      addedFile(
        name,
        Array.from({ length: 150 }, (_, i) => `export const value${i} = "${'x'.repeat(24)}";`),
      );
    const from = serverLog.length;
    const github = await new FakeGitHub({ files: [big('src/a.ts'), big('src/b.ts')] }).start();
    let r: ActionRun;
    try {
      r = await runAction({
        inputs: {
          'github-token': 't',
          'codex-token': tokens.limited!,
          'hook-url': serverUrl,
          'hook-max-bytes': '10000',
        },
        event: pullRequestEvent(),
        apiUrl: github.url,
      });
    } finally {
      await github.stop();
    }
    const statuses = serverLog
      .slice(from)
      .split('\n')
      .filter((l) => l.includes('"token_id":"ci-limited"'))
      .map((l) => (JSON.parse(l) as { status: number }).status);
    expect(statuses).toEqual([200, 429, 200]);
    expect(r.stdout).toMatch(/→ 429/);
    expect(r.summary).not.toMatch(/did not run to completion/);
  });

  it('during a rotation the old token works until its grace ends, and the new one works', async () => {
    const successor = await token('rotate', '--id', 'ci-rotated', '--grace', '1h');
    expect(successor).not.toBe(tokens.rotated);
    tokens.successor = successor;
    const old = await review(tokens.rotated!, [appFile]);
    expect(old.run.summary).toMatch(/### AI review/);
    const fresh = await review(successor, [appFile]);
    expect(fresh.run.summary).toMatch(/### AI review/);
  });

  it('after the grace ends the old value gets 401 naming the rotation; the successor keeps working', async () => {
    // The grace's end is written into the policy (as a past date) rather than waited for: no timing.
    const document = parseDocument(await readFile(policy, 'utf8'));
    const entries = document.get('access_tokens') as YAMLSeq<YAMLMap>;
    const rotated = entries.items.find((e) => e.get('token_id') === 'ci-rotated')!;
    (rotated.get('previous_tokens') as YAMLSeq<YAMLMap>).items[0]!.set('valid_until', '2020-01-01T00:00:00Z');
    const temp = `${policy}.edit`;
    await writeFile(temp, document.toString());
    const from = serverLog.length;
    await rename(temp, policy); // atomic, as the token commands write it
    const old = await review(tokens.rotated!);
    await serverSays(/"event":"policy-reloaded"/, from);
    expect(old.run.stdout).toMatch(
      /token 'ci-rotated' was rotated and this value's grace period ended at 2020-01-01T00:00:00\.000Z; use the new token/,
    );
    expect(old.run.summary).toMatch(/AI review did not run to completion/);
    expectLocalGateIntact(old.github, old.run);
    const fresh = await review(tokens.successor!, [appFile]);
    expect(fresh.run.summary).toMatch(/### AI review/);
    expect(fresh.run.summary).not.toMatch(/did not run to completion/);
  });

  it('no token appears in any log line of either process, nor in the audit log', async () => {
    const audit = await readFile(auditLog, 'utf8');
    const lines = audit
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.map((l) => l.token_id)).toEqual(expect.arrayContaining(['ci-good', 'ci-expired', 'ci-revoked']));
    const { run: r } = await review(tokens.good!, [appFile]);
    // The runner's own ::add-mask:: commands carry the token by design; the runner never shows them.
    const stdout = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    const everything = [serverLog, audit, stdout, r.stderr, r.summary, await readFile(policy, 'utf8')].join('\n');
    for (const value of Object.values(tokens)) expect(everything).not.toContain(value);
  });
});
