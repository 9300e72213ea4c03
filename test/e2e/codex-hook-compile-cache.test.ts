import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/run-action.js';
import { AWS_KEY, preToolUse, userPromptSubmit } from '../codex-session/payloads.js';
import { AUDIT_LOGGERS, hooksYaml } from '../fixtures/hooks-config.js';

/**
 * The built hook (dist/codex-hook/index.js) keeps its compiled code in the user's cache folder: the first
 * start writes the entry, the next ones run from it, and an entry V8 refuses is written anew. Seen across
 * processes, as Codex starts the hook, with CODEX_HOOKS_DEBUG saying which case applied.
 */
const HOOK = path.join(DIST, 'codex-hook', 'index.js');
const base = mkdtempSync(path.join(os.tmpdir(), 'codex-hook-cache-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const repo = path.join(base, 'repo');
mkdirSync(path.join(repo, '.git'), { recursive: true });
mkdirSync(path.join(repo, '.github'));
// A config of its own, so the first start also loads the config parser (config-parser.cjs) from the body.
writeFileSync(path.join(repo, '.github', 'codex-hooks.yml'), hooksYaml(AUDIT_LOGGERS));
const cacheHome = path.join(base, 'cache');
const entries = () => readdirSync(path.join(cacheHome, 'codex-hooks', 'v8-compile-cache'));

function start(prompt: string) {
  return startWith(userPromptSubmit(repo, prompt));
}

function startWith(input: string) {
  const run = spawnSync(process.execPath, [HOOK], {
    cwd: repo,
    input,
    env: { PATH: process.env.PATH, HOME: base, XDG_CACHE_HOME: cacheHome, CODEX_HOOKS_DEBUG: '1' },
    encoding: 'utf8',
  });
  const cache = /compile cache (\S+)/.exec(run.stderr)?.[1];
  return { status: run.status, stdout: run.stdout, cache };
}

describe('the built Codex hook and its compile cache', () => {
  it('writes the entry on the first start and runs from it after, with the same answers', () => {
    const first = start(`deploy with ${AWS_KEY}`);
    expect(first.cache).toBe('written');
    expect(first.stdout).toContain('"decision":"block"');
    expect(first.stdout).not.toContain(AWS_KEY);
    expect(entries()).toHaveLength(1);
    expect(readFileSync(path.join(repo, 'logs', 'full.jsonl'), 'utf8')).toContain('UserPromptSubmit');

    const second = start(`deploy with ${AWS_KEY}`);
    expect(second).toEqual({ ...first, cache: 'used' });
    const clean = start('Refactor the request handler.');
    expect(clean).toEqual({ status: 0, stdout: '', cache: 'used' });
  });

  it('adds the code of each new kind of event to the entry once, then only reads it', () => {
    const [name] = entries();
    const file = path.join(cacheHome, 'codex-hooks', 'v8-compile-cache', name!);
    const lanes = () => readFileSync(file, 'latin1').split('\n', 1)[0]!.trimEnd();
    expect(lanes()).toBe('codex-hooks-compile-cache 1 UserPromptSubmit');
    const before = readFileSync(file);

    const patch = '*** Begin Patch\n*** Add File: src/a.ts\n+export const a = 1;\n*** End Patch\n';
    const first = startWith(preToolUse(repo, 'apply_patch', patch));
    expect(first).toMatchObject({ status: 0, cache: 'used' });
    expect(lanes()).toBe('codex-hooks-compile-cache 1 UserPromptSubmit,PreToolUse/patch');
    // The patch's own functions were compiled in that run and are in the entry now.
    expect(readFileSync(file).length).toBeGreaterThan(before.length);

    const after = readFileSync(file);
    expect(startWith(preToolUse(repo, 'apply_patch', patch))).toEqual(first);
    expect(start('Refactor the request handler.').cache).toBe('used');
    expect(readFileSync(file).equals(after)).toBe(true);
  });

  it('writes an entry V8 refuses anew, and still answers', () => {
    const [name] = entries();
    const file = path.join(cacheHome, 'codex-hooks', 'v8-compile-cache', name!);
    writeFileSync(file, 'not compiled code');
    const refused = start(`deploy with ${AWS_KEY}`);
    expect(refused.cache).toBe('written');
    expect(refused.stdout).toContain('"decision":"block"');
    expect(readFileSync(file, 'utf8')).not.toBe('not compiled code');
    expect(start('Refactor the request handler.').cache).toBe('used');
  });
});
