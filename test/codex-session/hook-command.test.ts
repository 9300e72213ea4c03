import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCodexHook } from '../../src/codex-session/hook-command.js';
import { hashKey, loadSessionConfig } from '../../src/codex-session/config-cache.js';
import { KEPT_ENTRIES, MAX_LANES, loadHookBody } from '../../src/codex-session/compile-cache.js';
import { laneOf } from '../../src/codex-session/main.js';
import { AUDIT_LOGGERS, hooksYaml } from '../fixtures/hooks-config.js';
import { AWS_KEY, postToolUse, preToolUse, sessionStart, stop, userPromptSubmit } from './payloads.js';

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
  /** A hook body of our own: a CommonJS module exporting `run`. */
  function body(text = 'exports.run = () => 42; exports.twice = (n) => n * 2;'): { file: string; id: string } {
    const file = path.join(tempDir(), 'hook.cjs');
    writeFileSync(file, text);
    return { file, id: 'build0123456789ab' };
  }
  /** Runs the exit handler at once, as the process's exit would. */
  const now = (write: () => void) => write();

  // Whether V8 then takes the entry is seen only across processes (within one, V8's in-memory cache answers
  // first): test/e2e/codex-hook-compile-cache.test.ts starts the built hook.
  it('compiles and runs the body, and writes its cache entry privately on exit', () => {
    const home = tempDir();
    const b = body();
    let atExit: (() => void) | undefined;
    const loaded = loadHookBody<{ run(): number; twice(n: number): number }>(b, {}, home, tempDir(), (w) => {
      atExit = w;
    });
    expect(loaded.exports.run()).toBe(42);
    expect(loaded.exports.twice(21)).toBe(42);
    const dir = path.join(home, '.cache', 'codex-hooks', 'v8-compile-cache');
    expect(loaded.cache).toEqual({ kind: 'written', file: expect.stringMatching(/^.*\/hook-build0123456789ab-/) });
    expect(path.dirname((loaded.cache as { file: string }).file)).toBe(dir);
    expect(readdirSync(dir)).toEqual([]);
    atExit!();
    expect(readdirSync(dir)).toEqual([path.basename((loaded.cache as { file: string }).file)]);
    if (process.platform !== 'win32') {
      expect(readMode(dir)).toBe(0o700);
      expect(readMode(path.join(dir, readdirSync(dir)[0]!))).toBe(0o600);
    }
  });

  it("heads the entry with the lanes it has run, padded so that V8's bytes stay aligned", () => {
    const home = tempDir();
    let atExit: (() => void) | undefined;
    const loaded = loadHookBody(body(), {}, home, tempDir(), (w) => (atExit = w));
    loaded.ran('PreToolUse/patch');
    atExit!();
    const bytes = readFileSync((loaded.cache as { file: string }).file);
    const end = bytes.indexOf(10);
    expect(bytes.toString('latin1', 0, end).trimEnd()).toBe('codex-hooks-compile-cache 1 PreToolUse/patch');
    expect((end + 1) % 8).toBe(0);
    expect(bytes.length).toBeGreaterThan(end + 1);
  });

  it('names each kind of event by the code it runs, from the names Codex defines only', () => {
    const cwd = '/repo';
    expect(
      [
        sessionStart(cwd),
        userPromptSubmit(cwd, 'hello'),
        preToolUse(cwd, 'apply_patch', '*** Begin Patch\n*** End Patch\n'),
        preToolUse(cwd, 'Bash', 'ls'),
        postToolUse(cwd, 'ls', 'a b'),
        stop(cwd, 'done'),
        '{"hook_event_name":"Unheard"}',
        'not json',
        // A command's text is escaped JSON: it names no tool.
        preToolUse(cwd, 'Bash', 'echo \'"tool_name":"apply_patch"\''),
      ].map(laneOf),
    ).toEqual([
      'SessionStart',
      'UserPromptSubmit',
      'PreToolUse/patch',
      'PreToolUse/command',
      'PostToolUse/command',
      'Stop',
      undefined,
      undefined,
      'PreToolUse/command',
    ]);
    expect(MAX_LANES).toBeGreaterThanOrEqual(7);
  });

  it('names the entry by the build, the Node version and the body file', () => {
    const home = tempDir();
    const work = tempDir();
    const b = body();
    const name = (id: string) =>
      path.basename((loadHookBody({ ...b, id }, {}, home, work, now).cache as { file: string }).file);
    expect(name('build-a')).not.toBe(name('build-b'));
    expect(name('build-a')).toContain(process.version);
    expect(name('build-a')).toContain(process.arch);
  });

  it('keeps the newest entries only: those of earlier builds go once there are too many', () => {
    const home = tempDir();
    const dir = path.join(home, '.cache', 'codex-hooks', 'v8-compile-cache');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const old = Array.from({ length: KEPT_ENTRIES + 2 }, (_, i) => `hook-build${i}-1-2-v0-x.bin`);
    old.forEach((name, i) => {
      writeFileSync(path.join(dir, name), 'old');
      utimesSync(path.join(dir, name), 1000 + i, 1000 + i);
    });
    writeFileSync(path.join(dir, 'notes.txt'), 'not an entry');
    const loaded = loadHookBody(body(), {}, home, tempDir(), now);
    const kept = readdirSync(dir).sort();
    expect(kept).toEqual(
      [path.basename((loaded.cache as { file: string }).file), ...old.slice(-(KEPT_ENTRIES - 1)), 'notes.txt'].sort(),
    );
  });

  it('is never inside the repository the session works in', () => {
    const base = tempDir();
    const root = path.join(base, 'repo');
    mkdirSync(path.join(root, '.git'), { recursive: true });
    mkdirSync(path.join(root, 'sub'));
    const env = { XDG_CACHE_HOME: path.join(root, '.cache') };
    const loaded = loadHookBody<{ run(): number }>(body(), env, base, path.join(root, 'sub'), now);
    expect(loaded.cache.kind).toBe('in-workspace');
    expect(loaded.exports.run()).toBe(42);
    expect(readdirSync(root)).not.toContain('.cache');
  });

  it.skipIf(process.platform === 'win32')('is not used in a folder other users can write', () => {
    const home = tempDir();
    const cache = path.join(home, 'shared-cache');
    mkdirSync(path.join(cache, 'codex-hooks'), { recursive: true });
    chmodSync(path.join(cache, 'codex-hooks'), 0o777);
    const loaded = loadHookBody(body(), { XDG_CACHE_HOME: cache }, home, tempDir(), now);
    expect(loaded.cache).toEqual({ kind: 'not-private', dir: path.join(cache, 'codex-hooks') });
    expect(readdirSync(path.join(cache, 'codex-hooks'))).toEqual([]);
  });
});

function readMode(dir: string): number {
  return statSync(dir).mode & 0o777;
}
