import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommandEnv, runCommand } from '../../src/adapters/command-runner.js';

const dir = mkdtempSync(join(tmpdir(), 'runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const node = (script: string, ...args: string[]) => [process.execPath, '-e', script, ...args];
const options = { cwd: dir, timeoutMs: 10_000 };

/** Alive and not a zombie (a container's PID 1 may not reap orphans). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

describe('runCommand', () => {
  it('returns exit code, stdout and stderr', async () => {
    const r = await runCommand(
      node('process.stdout.write("out"); process.stderr.write("err"); process.exit(3)'),
      options,
    );
    expect(r).toEqual({ exitCode: 3, stdout: 'out', stderr: 'err', timedOut: false, truncated: false });
  });

  it('passes file names with spaces, ; and a leading dash literally (no shell)', async () => {
    const names = ['my file.ts', '; rm -rf ~', '--help', '$(whoami)', '`id`', "it's"];
    const r = await runCommand(node('console.log(JSON.stringify(process.argv.slice(1)))', ...names), options);
    expect(JSON.parse(r.stdout)).toEqual(names);
  });

  it('runs in cwd', async () => {
    writeFileSync(join(dir, 'marker.txt'), 'here');
    const r = await runCommand(node('process.stdout.write(require("fs").readFileSync("marker.txt","utf8"))'), options);
    expect(r.stdout).toBe('here');
  });

  it('kills the process tree on timeout', async () => {
    const pidFile = join(dir, 'grandchild.pid');
    // The child starts a grandchild that would outlive it, then both hang.
    const script = `const { spawn } = require('child_process');
      const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'inherit' });
      require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(g.pid));
      setInterval(() => {}, 1000);`;
    // Long enough for the child to start its grandchild on a loaded machine: the tree is what is killed.
    const r = await runCommand(node(script), { cwd: dir, timeoutMs: 15_000 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isRunning(grandchild)).toBe(false);
  });

  it('caps output and says it truncated', async () => {
    const r = await runCommand(node('process.stdout.write("x".repeat(100000))'), { ...options, maxOutputBytes: 1000 });
    expect(r.stdout).toHaveLength(1000);
    expect(r.truncated).toBe(true);
    expect(r.exitCode).toBe(0);
  });

  it('reports a program that does not exist without throwing', async () => {
    const r = await runCommand(['codex-hooks-no-such-program'], options);
    expect(r.exitCode).toBeNull();
    expect(r.error).toMatch(/ENOENT/);
  });

  it('does not hand tokens to the validator', async () => {
    const env = createCommandEnv({
      PATH: process.env.PATH,
      'INPUT_CODEX-TOKEN': 'tok',
      GITHUB_TOKEN: 'tok',
      ACTIONS_RUNTIME_TOKEN: 'tok',
      HOME: '/x',
    });
    expect(Object.keys(env).sort()).toEqual(['HOME', 'PATH']);
    const r = await runCommand(
      node('process.stdout.write(Object.keys(process.env).filter(k => /TOKEN/.test(k)).join(","))'),
      { ...options, env },
    );
    expect(r.stdout).toBe('');
  });
});
