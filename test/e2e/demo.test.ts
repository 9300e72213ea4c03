import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-action.js';

function demo(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'demo.mjs')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: process.env.TMPDIR ?? '' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('npm run demo', () => {
  it('tells AI findings from local ones, states the threshold, and prints no command for a stopped server', async () => {
    const run = await demo();
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^src\/app\.ts:5:3: warning \[no-console\] /m);
    expect(run.out).toMatch(/^src\/app\.ts:5: warning \[AI reference\/console-log\] /m);
    expect(run.out).toContain('3 errors, 2 warnings, 1 notice: gate FAILED (3 at or above --fail-on error)');
    expect(run.out).toContain('src/app.ts:5 is reported twice');
    // The reference endpoint stops with the demo: no command line the reader could copy points at it.
    const commands = run.out.split('\n').filter((l) => l.startsWith('$ '));
    expect(commands).toHaveLength(1);
    expect(commands[0]).not.toMatch(/127\.0\.0\.1/);
    expect(run.out).toContain('offline rules, not a model');
  });
});
