import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCodexHook } from '../../src/codex-session/hook-command.js';
import { hashKey, loadSessionConfig } from '../../src/codex-session/config-cache.js';
import { enableHookCompileCache } from '../../src/codex-session/compile-cache.js';
import { AUDIT_LOGGERS, hooksYaml } from '../fixtures/hooks-config.js';
import { AWS_KEY, userPromptSubmit } from './payloads.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'codex-hook-command-'));
  dirs.push(dir);
  return dir;
}

/** A repository with a config of two loggers, one of them without metadata, and a private cache folder. */
function repository(): { root: string; env: NodeJS.ProcessEnv } {
  const base = tempDir();
  const root = path.join(base, 'repo');
  mkdirSync(path.join(root, '.git'), { recursive: true });
  mkdirSync(path.join(root, '.github'));
  writeFileSync(path.join(root, '.github', 'codex-hooks.yml'), hooksYaml(AUDIT_LOGGERS));
  return { root, env: { XDG_CACHE_HOME: path.join(base, 'cache') } };
}

async function hook(stdin: string, env: NodeJS.ProcessEnv) {
  const out = { stdout: '', stderr: '' };
  const code = await runCodexHook([], {
    stdin,
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    env,
  });
  return { code, ...out };
}

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('codex-hook audit lines', () => {
  it('keeps the metadata by default and drops it for a logger with include_metadata: false', async () => {
    const { root, env } = repository();
    const run = await hook(userPromptSubmit(root, `deploy with ${AWS_KEY}`), env);
    expect(run.stdout).toContain('"decision":"block"');
    const [full] = lines(path.join(root, 'logs', 'full.jsonl'));
    const [lean] = lines(path.join(root, 'logs', 'lean.jsonl'));
    expect(full).toMatchObject({ codex_event: 'UserPromptSubmit', decision: 'block' });
    expect(full!.session_id).toBeTypeOf('string');
    expect(full!.content).toContain('deploy with');
    expect(Object.keys(lean!).sort()).toEqual(
      ['codex_event', 'decision', 'event', 'failure', 'findings', 'reason', 'source', 'timestamp', 'tool_name'].sort(),
    );
    expect(lean).toMatchObject({ codex_event: 'UserPromptSubmit', decision: 'block', event: 'conversation.updated' });
    for (const line of [full, lean]) expect(JSON.stringify(line)).not.toContain(AWS_KEY);
  });
});

describe('the session config cache', () => {
  it('parses once, then reads the cached entry; an entry of other text under the same name is not used', async () => {
    const { root, env } = repository();
    const cacheDir = path.join(env.XDG_CACHE_HOME!, 'codex-hooks');
    const first = await loadSessionConfig(root, '.github/codex-hooks.yml', cacheDir);
    const [entry] = readdirSync(cacheDir).filter((f) => f.startsWith('config-'));
    expect(entry).toMatch(/^config-[0-9a-f]{28}\.json$/);
    // A planted entry whose text is not the file's: ignored, the file is parsed again.
    writeFileSync(path.join(cacheDir, entry!), JSON.stringify({ keyed: 'other', config: { version: 1, hooks: [] } }));
    const second = await loadSessionConfig(root, '.github/codex-hooks.yml', cacheDir);
    expect(second.config).toEqual(first.config);
    expect(second.config.hooks).toHaveLength(1);
    const cached = JSON.parse(readFileSync(path.join(cacheDir, entry!), 'utf8')) as { config: unknown };
    expect(cached.config).toEqual(first.config);
  });

  it('names entries by a hash that changes with any character', () => {
    expect(hashKey('version: 1')).toMatch(/^[0-9a-f]{28}$/);
    expect(hashKey('version: 1')).toBe(hashKey('version: 1'));
    expect(hashKey('version: 1')).not.toBe(hashKey('version: 2'));
  });
});

describe('the hook compile cache', () => {
  const enabled: string[] = [];
  const enable = (dir: string) => (enabled.push(dir), { status: 1 });

  it('is off where Node has none (Node 20) and when NODE_COMPILE_CACHE already chose one', () => {
    const home = tempDir();
    expect(enableHookCompileCache({}, home, home, undefined)).toEqual({ kind: 'unsupported' });
    expect(enableHookCompileCache({ NODE_COMPILE_CACHE: '/x' }, home, home, enable)).toEqual({
      kind: 'set-by-environment',
    });
  });

  it('lives in the user cache folder, created private, and is enabled there', () => {
    const home = tempDir();
    const cwd = path.join(tempDir(), 'repo');
    mkdirSync(path.join(cwd, '.git'), { recursive: true });
    const state = enableHookCompileCache({}, home, cwd, enable);
    const dir = path.join(home, '.cache', 'codex-hooks', 'v8-compile-cache');
    expect(state).toEqual({ kind: 'enabled', dir });
    expect(enabled.at(-1)).toBe(dir);
    if (process.platform !== 'win32') expect(readMode(dir)).toBe(0o700);
  });

  it('is never inside the repository the session works in', () => {
    const base = tempDir();
    const root = path.join(base, 'repo');
    mkdirSync(path.join(root, '.git'), { recursive: true });
    mkdirSync(path.join(root, 'sub'));
    const state = enableHookCompileCache(
      { XDG_CACHE_HOME: path.join(root, '.cache') },
      base,
      path.join(root, 'sub'),
      enable,
    );
    expect(state.kind).toBe('in-workspace');
  });

  it.skipIf(process.platform === 'win32')('is not used in a folder other users can write', () => {
    const home = tempDir();
    const cache = path.join(home, 'shared-cache');
    mkdirSync(path.join(cache, 'codex-hooks'), { recursive: true });
    chmodSync(path.join(cache, 'codex-hooks'), 0o777);
    const state = enableHookCompileCache({ XDG_CACHE_HOME: cache }, home, tempDir(), enable);
    expect(state).toEqual({ kind: 'not-private', dir: path.join(cache, 'codex-hooks') });
  });
});

function readMode(dir: string): number {
  return statSync(dir).mode & 0o777;
}
