import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-action.js';
import { hook, hooksYaml } from '../fixtures/hooks-config.js';

// `codex-hooks scan` and `review` as users run them: the built dist/cli, a child process, real folders.
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
// Synthetic credentials, assembled at run time.
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');
const OTHER_KEY = ['AKIA', 'QW7ERTY2UIOP4ASD'].join('');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string, stdin?: string | Buffer): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' },
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    if (stdin !== undefined) child.stdin!.end(stdin);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'codex-hooks-cli-paths-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  });
}

/** The paths of a JSON report's findings, sorted. */
function foundPaths(run: CliRun): string[] {
  return (JSON.parse(run.stdout) as { findings: { path: string }[] }).findings.map((f) => f.path).sort();
}

const key = (k = AWS_KEY) => `export const key = "${k}";\n`;

describe('scan walks folders', () => {
  it('inside a git work tree: honours .gitignore, tracked and untracked files, prunes node_modules', async () => {
    const dir = tree({
      '.gitignore': 'build/\n*.log\n',
      'src/a.ts': key(),
      'src/deep/b.ts': key(OTHER_KEY),
      'build/out.js': key(),
      'debug.log': key(),
      'node_modules/pkg/index.js': key(),
    });
    git(dir, 'init', '-q');
    git(dir, 'add', 'src/a.ts', '.gitignore');
    const run = await cli(['scan', '.', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(foundPaths(run)).toEqual(['src/a.ts', 'src/deep/b.ts']);
    const sub = await cli(['scan', 'src/deep', '--format', 'json'], dir);
    expect(foundPaths(sub)).toEqual(['src/deep/b.ts']);
  });

  it('outside git: walks the file system, never following a symlink, honouring --exclude', async () => {
    const dir = tree({ 'src/a.ts': key(), 'src/skip/c.ts': key(), 'other/d.ts': key() });
    symlinkSync(path.join(dir, 'other'), path.join(dir, 'src', 'link'));
    const run = await cli(['scan', 'src', '--exclude', 'src/skip/**', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(foundPaths(run)).toEqual(['src/a.ts']);
  });

  it('a quoted glob is expanded; - reads paths from stdin, one a line or NUL-separated with --null', async () => {
    const dir = tree({ 'src/a.ts': key(), 'src/b.js': key(), 'c.ts': key(), 'with space.ts': key() });
    const glob = await cli(['scan', 'src/**/*.ts', '--format', 'json'], dir);
    expect(foundPaths(glob)).toEqual(['src/a.ts']);
    const lines = await cli(['scan', '-', '--format', 'json'], dir, 'c.ts\nsrc/b.js\n');
    expect(foundPaths(lines)).toEqual(['c.ts', 'src/b.js']);
    const nul = await cli(['scan', '--null', '-', '--format', 'json'], dir, Buffer.from('with space.ts\0c.ts\0'));
    expect(foundPaths(nul)).toEqual(['c.ts', 'with space.ts']);
  });

  it('one rule for binary files: a NUL in the first 8,000 bytes; archives and images left out, with a count', async () => {
    const dir = tree({
      'a.ts': key(),
      'blob.dat': Buffer.concat([Buffer.from([0x7f, 0x45, 0, 1]), Buffer.from(key(OTHER_KEY))]),
      'bundle.tar': Buffer.concat([Buffer.from('a.ts'), Buffer.alloc(508), Buffer.from(key(OTHER_KEY))]),
      'logo.png': key(OTHER_KEY),
    });
    const run = await cli(['scan', '.'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^a\.ts:1:\d+: error \[aws-access-key-id\]/m);
    expect(run.stdout).not.toMatch(/blob\.dat:|bundle\.tar:|logo\.png:/);
    expect(run.stdout).toMatch(/^skipped: 1 binary, 2 by the built-in excludes \(archives, images/m);
    // review gets the same rule from git: the binary is listed as not reviewed.
    const help = await cli(['scan', '--help'], dir);
    expect(help.stdout).toMatch(/NUL byte in its first\s+8,000 bytes is binary/);
  });
});

describe('scan skips what it cannot read, and says so', () => {
  it('a missing path, a symlink to a folder and a symlink loop: one warning each, a count, the rest scanned', async () => {
    const dir = tree({ 'f.ts': key(), 'folder/x.ts': 'x\n' });
    symlinkSync(path.join(dir, 'folder'), path.join(dir, 'to-folder'));
    symlinkSync('loop', path.join(dir, 'loop'));
    const run = await cli(['scan', 'f.ts', 'nope.ts', 'to-folder', 'loop'], dir);
    expect(run.code).toBe(1); // the gate's status: the key in f.ts
    expect(run.stdout).toMatch(/^f\.ts:1:\d+: error/m);
    const warnings = run.stderr.split('\n').filter((l) => l.includes('warning: skipped'));
    expect(warnings).toEqual([
      "codex-hooks: warning: skipped 'nope.ts': no such file or folder",
      "codex-hooks: warning: skipped 'to-folder': a symlink to a folder (folders are walked only when named themselves)",
      "codex-hooks: warning: skipped 'loop': a symlink loop",
    ]);
    expect(run.stderr).toMatch(/3 paths skipped \(1 not found, 1 symlink to a folder, 1 symlink loop\)/);
    const clean = await cli(['scan', 'folder/x.ts', 'nope.ts'], dir);
    expect(clean.code).toBe(0);
    const strict = await cli(['scan', '--strict', 'folder/x.ts', 'nope.ts'], dir);
    expect(strict.code).toBe(2);
  });
});

describe('usage errors', () => {
  it.each([
    [
      ['scan', '--bogus'],
      /^codex-hooks: Usage error: unknown option '--bogus' \(a path that starts with '-' goes after '--': codex-hooks scan -- --bogus\)\nUsage: codex-hooks scan PATH/,
    ],
    [
      ['scan', 'a', '--format', 'xml'],
      /^codex-hooks: Usage error: --format must be one of text, json, sarif, github, gitlab; got 'xml'\nUsage: codex-hooks scan/,
    ],
    [['review', '--base'], /^codex-hooks: Usage error: option '--base' needs a value\nUsage: codex-hooks review /],
    [['frob'], /^codex-hooks: Usage error: unknown command 'frob'\nUsage: codex-hooks COMMAND/],
  ])('%j says "Usage error" with the command line, exit 2', async (argv, message) => {
    const run = await cli(argv, os.tmpdir());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/Configuration error/);
  });
});

describe('review and git', () => {
  it('outside a git repository: says so', async () => {
    const dir = tree({ 'a.ts': 'x\n' });
    const run = await cli(['review'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /is not in a git repository: review compares git revisions; use 'codex-hooks scan PATH'/,
    );
  });

  it("on a repository's first commit (no HEAD yet): reviews the staged files against the empty tree", async () => {
    const dir = tree({ 'a.ts': key(), 'b.ts': 'clean\n' });
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    const run = await cli(['review', '--base', 'HEAD', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(foundPaths(run)).toEqual(['a.ts']);
  });
});

describe('reports', () => {
  it('--format gitlab: a Code Quality report, one issue a finding, unique fingerprints', async () => {
    const dir = tree({ 'a.ts': key() + key(OTHER_KEY) });
    const run = await cli(['scan', 'a.ts', '--format', 'gitlab'], dir);
    expect(run.code).toBe(1);
    const issues = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(issues).toHaveLength(2);
    for (const issue of issues) {
      expect(issue).toMatchObject({
        check_name: 'aws-access-key-id',
        severity: 'critical',
        categories: ['Security'],
        location: { path: 'a.ts', lines: { begin: expect.any(Number) } },
      });
      expect(issue.description).toMatch(/AWS access key ID found/);
      expect(JSON.stringify(issue)).not.toContain(AWS_KEY);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(2);
  });

  it('a whole-file finding in an empty file shows the file without a line', async () => {
    const dir = tree({
      'server.pem': '',
      '.github/codex-hooks.yml': hooksYaml(
        hook('no-keys', 'prompt.submitted', { type: 'path', forbid: ['**/*.pem'], severity: 'error' }),
      ),
    });
    const run = await cli(['scan', 'server.pem'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^server\.pem: error \[no-keys\]/m);
    expect(run.stdout).not.toMatch(/server\.pem:\d/);
  });
});
