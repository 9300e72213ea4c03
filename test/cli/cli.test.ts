/* eslint-disable no-control-regex -- the tests match ANSI escape sequences */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useColor, wholeFileAsAdded, type CliIo } from '../../src/cli/main.js';
import { createProgress } from '../../src/cli/progress.js';

// A synthetic credential, assembled at run time.
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');

function io(options: { env?: NodeJS.ProcessEnv; stdoutTTY?: boolean; stderrTTY?: boolean; cwd?: string } = {}) {
  const out = { text: '' };
  const err = { text: '' };
  const value: CliIo = {
    stdout: { write: (s: string) => (out.text += s), isTTY: options.stdoutTTY ?? false },
    stderr: { write: (s: string) => (err.text += s), isTTY: options.stderrTTY ?? false },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  return { io: value, out, err };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'codex-hooks-cli-unit-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('help', () => {
  it.each([
    [['review', '--help'], /^Usage: codex-hooks review /],
    [['review', '-h'], /^Usage: codex-hooks review /],
    [['scan', '--help'], /^Usage: codex-hooks scan PATH/],
    [['hook-server', '--help'], /^usage: codex-hooks hook-server /],
    [['help', 'scan'], /^Usage: codex-hooks scan PATH/],
    [['--help'], /^codex-hooks \d+\.\d+\.\d+: /],
  ])('%j prints its own help and exits 0', async (argv, first) => {
    const t = io();
    expect(await runCli(argv, t.io)).toBe(0);
    expect(t.out.text).toMatch(first);
    expect(t.err.text).toBe('');
  });

  it('each command help names its own options only', async () => {
    const review = io();
    await runCli(['review', '--help'], review.io);
    expect(review.out.text).toMatch(/--base REF/);
    expect(review.out.text).toMatch(/--hook-url URL/);
    const scan = io();
    await runCli(['scan', '--help'], scan.io);
    expect(scan.out.text).not.toMatch(/--base|--hook-url/);
    expect(scan.out.text).toMatch(/--format FORMAT +text \(default\), json, sarif, github or gitlab/);
  });

  it('without a command prints the help on stderr and exits 2', async () => {
    const t = io();
    expect(await runCli([], t.io)).toBe(2);
    expect(t.out.text).toBe('');
    expect(t.err.text).toMatch(/Usage:/);
  });

  it('help for an unknown command exits 2', async () => {
    const t = io();
    expect(await runCli(['help', 'frob'], t.io)).toBe(2);
    expect(t.err.text).toMatch(/no help for 'frob'/);
  });
});

describe('colour', () => {
  it.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: false }, {}, false],
    [{ isTTY: true }, { NO_COLOR: '1' }, false],
    [{ isTTY: true }, { NO_COLOR: '' }, true],
    [{ isTTY: false }, { FORCE_COLOR: '1' }, true],
    [{ isTTY: true }, { FORCE_COLOR: '0' }, false],
    [{ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    [{ isTTY: true }, { TERM: 'dumb' }, false],
  ])('stdout %j with env %j: colour %s', (stream, env, expected) => {
    expect(useColor(stream, env)).toBe(expected);
  });

  it('colours the severity and makes file:line bold on a terminal; plain otherwise', async () => {
    const dir = workspace({ 'a.env': `AWS_ACCESS_KEY_ID=${AWS_KEY}\n` });
    const tty = io({ stdoutTTY: true, cwd: dir });
    expect(await runCli(['scan', 'a.env'], tty.io)).toBe(1);
    expect(tty.out.text).toMatch(/\u001b\[1ma\.env:1:\d+\u001b\[0m: \u001b\[31merror\u001b\[0m/);
    expect(tty.out.text).toMatch(/gate \u001b\[31mFAILED/);
    const plain = io({ stdoutTTY: true, cwd: dir, env: { NO_COLOR: '1' } });
    await runCli(['scan', 'a.env'], plain.io);
    expect(plain.out.text).not.toContain('\u001b[');
    expect(plain.out.text).toMatch(/^a\.env:1:\d+: error \[aws-access-key-id\]/m);
    for (const t of [tty, plain]) expect(t.out.text + t.err.text).not.toContain(AWS_KEY);
  });
});

describe('progress', () => {
  it('shows files read and the stages on a terminal stderr, then erases the line', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `f${i}.txt`);
    const dir = workspace(Object.fromEntries(names.map((n) => [n, 'x\n'])));
    const t = io({ stderrTTY: true, cwd: dir });
    expect(await runCli(['scan', ...names], t.io)).toBe(0);
    expect(t.err.text).toMatch(/\rreading 30\/30 files\u001b\[K/);
    expect(t.err.text).toMatch(/\rLocal hooks \(prompt\.submitted\): 30 files…/);
    expect(t.err.text.endsWith('\r\u001b[K')).toBe(true);
    expect(t.out.text).toMatch(/No findings: gate passed/);
  });

  it.each([
    ['stderr is not a terminal', { stderrTTY: false, env: {} }],
    ['CI is set', { stderrTTY: true, env: { CI: 'true' } }],
    ['in GitHub Actions', { stderrTTY: true, env: { GITHUB_ACTIONS: 'true' } }],
  ])('is silent when %s', async (_name, options) => {
    const dir = workspace({ 'a.txt': 'x\n' });
    const t = io({ ...options, cwd: dir });
    await runCli(['scan', 'a.txt'], t.io);
    expect(t.err.text).toBe('');
  });

  it('throttles updates but always shows the last one', () => {
    let now = 0;
    let text = '';
    const p = createProgress({ write: (s: string) => (text += s), isTTY: true }, {}, { now: () => now });
    for (let i = 1; i <= 1000; i++) {
      if (i % 10 === 0) now += 5;
      p.update('scanning', i, 1000);
    }
    const updates = text.split('\r').filter(Boolean);
    expect(updates.length).toBeLessThan(20);
    expect(updates.at(-1)).toBe('scanning 1000/1000 files\u001b[K');
  });
});

describe('--format sarif', () => {
  it('prints a SARIF log with the secret redacted, exit status from the gate', async () => {
    const dir = workspace({ 'prod.env': `A=1\nAWS_ACCESS_KEY_ID=${AWS_KEY}\n` });
    const t = io({ cwd: dir });
    expect(await runCli(['scan', 'prod.env', '--format', 'sarif'], t.io)).toBe(1);
    const log = JSON.parse(t.out.text);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results[0]).toMatchObject({
      ruleId: 'aws-access-key-id',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'prod.env' }, region: { startLine: 2 } } }],
    });
    expect(t.out.text).not.toContain(AWS_KEY);
  });
});

describe('bad inputs to the CLI', () => {
  it('a malformed config: exit 2 naming the file and line', async () => {
    const dir = workspace({ 'bad.yml': 'version: 1\nhooks:\n  - name: [unclosed\n', 'a.txt': 'x\n' });
    const t = io({ cwd: dir });
    expect(await runCli(['scan', 'a.txt', '--config', 'bad.yml'], t.io)).toBe(2);
    expect(t.err.text).toMatch(/^codex-hooks: Configuration error: bad\.yml:\d+/);
  });

  it("an invalid glob (--include '!x'): exit 2 with the reason", async () => {
    const dir = workspace({ 'a.txt': 'x\n' });
    const t = io({ cwd: dir });
    expect(await runCli(['scan', 'a.txt', '--include', '!x'], t.io)).toBe(2);
    expect(t.err.text).toMatch(/--include has an invalid glob '!x': /);
  });

  it('non-UTF-8 and binary files: scanned without crashing, the secret found, nothing raw printed', async () => {
    const dir = workspace({});
    writeFileSync(
      path.join(dir, 'latin1.txt'),
      Buffer.concat([Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), Buffer.from(`key=${AWS_KEY}\n`)]),
    );
    writeFileSync(path.join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0x1b, 0x5b, 0x32, 0x4a, 0x0a]));
    const t = io({ cwd: dir });
    expect(await runCli(['scan', 'latin1.txt', 'blob.bin'], t.io)).toBe(1);
    expect(t.out.text).toMatch(/^latin1\.txt:2:\d+: error \[aws-access-key-id\]/m);
    expect(t.out.text + t.err.text).not.toContain(AWS_KEY);
    // The escape sequence in the binary file never reaches the terminal.
    expect(t.out.text).not.toContain('\u001b[2J');
  });

  it('a 10 MB single-line file: scanned, the secret at its end found', async () => {
    const dir = workspace({
      'huge.js': `${'const x = 1; '.repeat(Math.ceil((10 * 1024 * 1024) / 13))}const key = "${AWS_KEY}";\n`,
    });
    const t = io({ cwd: dir });
    expect(await runCli(['scan', 'huge.js', '--format', 'json'], t.io)).toBe(1);
    const report = JSON.parse(t.out.text);
    expect(report.findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}:${f.line}`)).toEqual([
      'aws-access-key-id:1',
    ]);
    expect(t.out.text).not.toContain(AWS_KEY);
  });

  it('a file name with an escape sequence is printed with it replaced', async () => {
    const name = 'a\u001b[2Jb.env';
    const dir = workspace({ [name]: `AWS_ACCESS_KEY_ID=${AWS_KEY}\n` });
    const t = io({ cwd: dir });
    expect(await runCli(['scan', name], t.io)).toBe(1);
    expect(t.out.text).toMatch(/^a\?\[2Jb\.env:1:\d+: error/m);
    expect(t.out.text).not.toContain('\u001b');
  });

  it('a path with a leading dash after --: scanned as a file, not an option', async () => {
    const dir = workspace({ '-rf': `key ${AWS_KEY}\n` });
    const t = io({ cwd: dir });
    expect(await runCli(['scan', '--', '-rf'], t.io)).toBe(1);
    expect(t.out.text).toMatch(/^-rf:1:\d+: error/m);
  });
});

describe('scan reads whole files as added lines', () => {
  it.each([
    ['an empty file', '', 0],
    ['one newline', '\n', 1],
    ['no final newline', 'a\nb', 2],
    ['a final newline', 'a\nb\n', 2],
  ])('%s', (_name, text, additions) => {
    expect(wholeFileAsAdded('f.txt', text)).toEqual({
      path: 'f.txt',
      status: 'added',
      additions,
      deletions: 0,
      content: text,
    });
  });

  it('many files keep their order; unreadable ones are skipped, each named once, in argument order', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 80 }, (_, i) => [`f${i}.env`, i === 57 ? `KEY=${AWS_KEY}\n` : `n=${i}\n`]),
    );
    const dir = workspace(files);
    const t = io({ cwd: dir });
    expect(await runCli(['scan', '--format', 'json', ...Object.keys(files)], t.io)).toBe(1);
    expect(JSON.parse(t.out.text).findings.map((f: { path: string }) => f.path)).toEqual(['f57.env']);
    const missing = io({ cwd: dir });
    expect(await runCli(['scan', 'f1.env', 'gone-b.env', 'f2.env', 'gone-a.env'], missing.io)).toBe(0);
    expect(missing.err.text).toBe(
      "codex-hooks: warning: skipped 'gone-b.env': no such file or folder\n" +
        "codex-hooks: warning: skipped 'gone-a.env': no such file or folder\n" +
        'codex-hooks: 2 paths skipped (2 not found); --strict makes that exit 2\n',
    );
    // A path that cannot be read is named without its control characters.
    const hostile = io({ cwd: dir });
    expect(await runCli(['scan', '--strict', 'gone\u001b[2J.env'], hostile.io)).toBe(2);
    expect(hostile.err.text).toMatch(
      /^codex-hooks: warning: skipped 'gone\?\[2J\.env': no such file or folder, and as a glob it matches none\n/,
    );
  });
});
