import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeEndpoint } from '../support/fake-endpoint.js';
import { recordSnapshot } from '../support/e2e-snapshot.js';
import { expectAbsentEverywhere } from '../support/leaks.js';
import { CLI_ENTRY as CLI } from '../support/run-action.js';
import { hook, hooksYaml } from '../fixtures/hooks-config.js';

const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      recordSnapshot('cli', { args, code, stdout, stderr });
      resolve({ code, stdout, stderr });
    });
  });
}

/** A repository with `main` and a `feature` branch that adds the given files. */
function makeRepo(
  feature: Record<string, string>,
  base: Record<string, string> = { 'README.md': '# sample\n' },
): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'codex-hooks-cli-'));
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
        // Fixed dates: the same commits, the same SHAs, on every run (scripts/e2e-snapshot.mjs compares runs).
        GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
        GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
      },
    });
  const write = (files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
  };
  git('init', '-q', '-b', 'main');
  write(base);
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'feature');
  write(feature);
  git('add', '-A');
  git('commit', '-q', '-m', 'feature');
  return dir;
}

let endpoint: FakeEndpoint | undefined;
afterEach(async () => {
  await endpoint?.stop();
  endpoint = undefined;
});

beforeAll(() => {
  execFileSync('git', ['--version']);
});

describe('codex-hooks review', () => {
  it('fails the gate on a planted secret, printing file:line and never the secret', async () => {
    const repo = makeRepo({ 'src/a.ts': `export const region = "eu";\nexport const key = "${AWS_KEY}";\n` });
    const run = await cli(['review', '--base', 'main', '--head', 'feature'], repo);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^src\/a\.ts:2:\d+: error \[aws-access-key-id\] AWS access key ID found \(AKIA…\)/m);
    expect(run.stdout).toMatch(/1 error: gate FAILED/);
    expect(run.stdout + run.stderr).not.toContain(AWS_KEY);
    // Not a TTY: no colour codes.
    expect(run.stdout.includes('\u001b[')).toBe(false);
  });

  it('prints the JSON report with --format json', async () => {
    const repo = makeRepo({ 'src/a.ts': `const key = "${AWS_KEY}";\n` });
    const run = await cli(['review', '--base', 'main', '--head', 'feature', '--format', 'json'], repo);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ version: 1, conclusion: 'failure', stats: { files: 1, filesScanned: 1 } });
    expect(report.findings[0]).toMatchObject({
      ruleId: 'aws-access-key-id',
      category: 'secret',
      path: 'src/a.ts',
      line: 1,
      redacted: 'AKIA…',
    });
    expect(run.stdout).not.toContain(AWS_KEY);
  });

  it('passes a clean branch with exit status 0', async () => {
    const repo = makeRepo({ 'src/a.ts': 'export const answer = 42;\n' });
    const run = await cli(['review', '--base', 'main', '--head', 'feature'], repo);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/No findings: gate passed/);
  });

  it('reviews files whose names have spaces, unicode or a leading dash, with no shell involved', async () => {
    const repo = makeRepo({
      'docs/ré sumé.md': `key ${AWS_KEY}\n`,
      '-rf': `key ${AWS_KEY}\n`,
      '$(touch pwned).txt': `key ${AWS_KEY}\n`,
    });
    const run = await cli(['review', '--base', 'main', '--head', 'feature', '--format', 'json'], repo);
    const paths = JSON.parse(run.stdout)
      .findings.map((f: { path: string }) => f.path)
      .sort();
    expect(paths).toEqual(['$(touch pwned).txt', '-rf', 'docs/ré sumé.md']);
    expect(existsSync(path.join(repo, 'pwned'))).toBe(false);
  });

  it('runs the AI review with --hook-url and the token from CODEX_TOKEN', async () => {
    endpoint = await new FakeEndpoint([{ review: true }]).start();
    const repo = makeRepo({ 'src/app.ts': 'export function f() {\n  console.log("x");\n}\n' });
    const run = await cli(
      ['review', '--base', 'main', '--head', 'feature', '--hook-url', endpoint.url, '--fail-on', 'warning'],
      repo,
      {
        CODEX_TOKEN: 'local-token-123',
      },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/src\/app\.ts:2: warning \[AI reference\/console-log\]/);
    expect(endpoint.received[0]!.headers.authorization).toBe('Bearer local-token-123');
    expect(endpoint.received[0]!.body.event_type).toBe('local_review');
    expect(run.stdout + run.stderr).not.toContain('local-token-123');
  });

  it('names its flags and environment, not action inputs, and says an endpoint failure once', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const repo = makeRepo({ 'src/app.ts': 'export const a = 1;\n' });
    const run = await cli(
      ['review', '--base', 'main', '--head', 'feature', '--hook-url', `http://127.0.0.1:${port}/hook`],
      repo,
      { CODEX_TOKEN: 'local-token-123' },
    );
    expect(run.code).toBe(0);
    expect(run.stderr.match(/could not be reached/g)).toHaveLength(1);
    expect(run.stderr).toContain("check --hook-url and the runner's network");
    expect(run.stderr).not.toMatch(/input '|codex-token|hook-url'/);
    const missingUrl = await cli(['review', '--base', 'main', '--head', 'feature', '--hook-url', ''], repo, {
      CODEX_TOKEN: 'local-token-123',
    });
    expect(missingUrl.code).toBe(2);
    expect(missingUrl.stderr).toBe(
      'codex-hooks: Configuration error: --hook-url is required when CODEX_TOKEN is set\n',
    );
  });

  it('says after its report what the action puts in its summary: files withheld from the AI, token usage', async () => {
    endpoint = await new FakeEndpoint([{ review: true }]).start();
    const repo = makeRepo({
      'src/app.ts': 'export function f() {\n  console.log("x");\n}\n',
      'src/keys.ts': `export const key = "${AWS_KEY}";\n`,
    });
    const run = await cli(['review', '--base', 'main', '--head', 'feature', '--hook-url', endpoint.url], repo, {
      CODEX_TOKEN: 'local-token-123',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('note: 1 files with secrets were not sent to the AI review (secret-action: block).\n');
    // The report's format stays clean: notes go to stderr.
    expect(run.stdout).not.toContain('note:');
    expect(run.stdout + run.stderr).not.toContain(AWS_KEY);
    // A plain scan has no AI review to speak of: no note about one.
    const scan = await cli(['scan', 'src/app.ts'], repo);
    expect(scan.stderr).not.toMatch(/note:|AI review/);
  });

  it('says when the request limit cut a file the reviewer was sent', async () => {
    endpoint = await new FakeEndpoint([{ review: true }]).start();
    const big = Array.from({ length: 30_000 }, (_, i) => `export const value${i} = ${i};`).join('\n');
    const repo = makeRepo({ 'src/big.ts': `${big}\n` });
    const run = await cli(['review', '--base', 'main', '--head', 'feature', '--hook-url', endpoint.url], repo, {
      CODEX_TOKEN: 'local-token-123',
    });
    expect(run.stderr).toMatch(
      /warning: AI review: to fit the CLI's request limit \(500000 bytes\), \d+ parts were cut or left out \(src\/big\.ts\)/,
    );
    // Each part is a note, as in the action's summary; the CLI prints ten of a kind and counts the rest.
    const notes = run.stderr.split('\n').filter((l) => l.startsWith('note: '));
    expect(notes.length).toBeLessThanOrEqual(11);
    expect(notes.some((l) => l.startsWith('note: AI review: src/big.ts: '))).toBe(true);
  });

  it.each([
    [['review', '--bogus'], /Usage error: unknown option '--bogus'/],
    [['review', '--base', 'no-such-branch'], /--base 'no-such-branch' is not a commit/],
    [['review', '--base=--output=/tmp/x'], /'--output=\/tmp\/x' is not a valid git revision/],
    [['review', '--format', 'xml'], /--format must be one of/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('exits 2 with a clear message on %j', async (args, message) => {
    const repo = makeRepo({ 'a.txt': 'x\n' });
    const run = await cli(args, repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('exits 2 naming file, line and key of a bad config', async () => {
    const repo = makeRepo(
      { 'a.txt': 'x\n' },
      {
        '.github/codex-hooks.yml':
          'version: 1\nhooks:\n  - name: x\n    events: [prompt.submitted]\n    actions:\n      - type: pattern\n        pattern: "(a+)+"\n',
      },
    );
    const run = await cli(['review', '--base', 'main', '--head', 'feature', '--config-ref', 'head'], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.github\/codex-hooks\.yml:7:\d+: hooks\[0\]\.actions\[0\]\.pattern/);
  });

  it('reads the config at the base by default: a branch cannot run its own command hooks', async () => {
    const repo = makeRepo({
      '.github/codex-hooks.yml': hooksYaml(
        hook('x', 'prompt.submitted', {
          type: 'command',
          run: ['node', '-e', "require('fs').writeFileSync('RAN', '1')"],
          format: 'exit-code',
        }),
      ),
      'a.txt': 'x\n',
    });
    const run = await cli(['review', '--base', 'main', '--head', 'feature'], repo);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(repo, 'RAN'))).toBe(false);
  });

  it('never reads a memory source outside the repository, nor through a link', async () => {
    endpoint = await new FakeEndpoint([{ review: true }]).start();
    const outside = mkdtempSync(path.join(os.tmpdir(), 'codex-hooks-outside-'));
    const planted = 'PLANTED-OUTSIDE-NOTES-7f3a9c';
    writeFileSync(path.join(outside, 'notes.txt'), `${planted}\n`);
    const config = (sources: string[]) => hooksYaml(hook('m', 'prompt.submitted', { type: 'memory', sources }));
    const relative = path.relative(os.tmpdir(), path.join(outside, 'notes.txt'));
    for (const configRef of ['base', 'head']) {
      const files = {
        '.github/codex-hooks.yml': config([`../${relative}`, path.join(outside, 'notes.txt'), 'link.txt']),
      };
      const repo = makeRepo({ 'src/app.ts': 'export const a = 1;\n' }, { 'README.md': '# x\n', ...files });
      symlinkSync(path.join(outside, 'notes.txt'), path.join(repo, 'link.txt'));
      const run = await cli(
        ['review', '--base', 'main', '--head', 'feature', '--hook-url', endpoint.url, '--config-ref', configRef],
        repo,
        { CODEX_TOKEN: 'local-token-123' },
      );
      expect(run.code).toBe(0);
      await expectAbsentEverywhere([planted, 'local-token-123'], { cli: run, endpoint });
    }
    expect(endpoint.received).toHaveLength(2);
  });
});

describe('codex-hooks scan', () => {
  it('treats every line of each file as added', async () => {
    const repo = makeRepo({ 'config/prod.env': `A=1\nAWS_ACCESS_KEY_ID=${AWS_KEY}\n` });
    const run = await cli(['scan', 'config/prod.env', 'README.md'], repo);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^config\/prod\.env:2:\d+: error \[aws-access-key-id\]/m);
  });

  it('says a hook remark that was a warning once, not again after the report', async () => {
    const repo = makeRepo({
      '.github/codex-hooks.yml': hooksYaml(hook('m', 'prompt.submitted', { type: 'memory', sources: ['gone.md'] })),
      'a.txt': 'x\n',
    });
    const run = await cli(['scan', 'a.txt'], repo);
    expect(run.code).toBe(0);
    const remarks = run.stderr.split('\n').filter((l) => l.includes("memory source 'gone.md'"));
    expect(remarks).toEqual([expect.stringMatching(/^warning: m: memory source 'gone\.md' does not exist/)]);
  });

  it('skips a file it cannot read with a warning; --strict exits 2', async () => {
    const repo = makeRepo({ 'a.txt': 'x\n' });
    const run = await cli(['scan', '--strict', 'missing.txt'], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/skipped 'missing\.txt': no such file or folder/);
  });
});

describe('codex-hooks hook-server', () => {
  it('on a port already in use: says so in one sentence, exit 2, no internal error', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'codex-hooks-port-'));
      const run = await cli(['hook-server', '--port', String(port)], dir, { CODEX_TOKEN: 'local-token-123' });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`127.0.0.1:${port} is already in use by another process; choose another --port`);
      expect(run.stderr).not.toMatch(/Internal error|EADDRINUSE/);
      expect(`${run.stdout}${run.stderr}`).not.toContain('local-token-123');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
