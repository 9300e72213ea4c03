import { lstatSync, mkdirSync } from 'node:fs';
import nodeModule from 'node:module';
import path from 'node:path';
import { defaultCacheDir } from './config-cache.js';
import { findRepositoryRoot } from './repository-root.js';

/** Why the hook's V8 compile cache is on or off; `kind` for the tests and CODEX_HOOKS_DEBUG. */
export type CompileCacheState =
  | { readonly kind: 'enabled'; readonly dir: string }
  | { readonly kind: 'unsupported' }
  | { readonly kind: 'set-by-environment' }
  | { readonly kind: 'in-workspace'; readonly dir: string }
  | { readonly kind: 'not-private'; readonly dir: string }
  | { readonly kind: 'failed'; readonly message: string };

type EnableCompileCache = (dir: string) => { status: number; message?: string };

/**
 * Turns on Node's on-disk V8 compile cache for the hook's bundle (`module.enableCompileCache`, Node 22.1+;
 * Node 20 has none and runs as before): compiling the bundle is a large part of a hook's start, and Codex
 * starts one on every prompt and tool call. The cache holds compiled code that Node runs, so it lives only in
 * the user's own cache folder (`$XDG_CACHE_HOME/codex-hooks` or `~/.cache/codex-hooks`), created 0700 and used
 * only if it is a real directory owned by this user that nobody else can write, and never inside the
 * repository the session works in (a PR could plant files there).
 */
export function enableHookCompileCache(
  env: NodeJS.ProcessEnv,
  home: string,
  cwd: string,
  enable: EnableCompileCache | undefined = Reflect.get(nodeModule, 'enableCompileCache') as
    EnableCompileCache | undefined,
): CompileCacheState {
  if (typeof enable !== 'function') return { kind: 'unsupported' };
  // Node reads NODE_COMPILE_CACHE itself, before any code of ours runs.
  if (env.NODE_COMPILE_CACHE) return { kind: 'set-by-environment' };
  const base = defaultCacheDir(env, home);
  const dir = path.join(base, 'v8-compile-cache');
  const root = findRepositoryRoot(cwd);
  if (isInside(dir, root) || isInside(dir, path.resolve(cwd))) return { kind: 'in-workspace', dir };
  try {
    for (const d of [base, dir]) {
      mkdirSync(d, { recursive: true, mode: 0o700 });
      if (!isPrivateDirectory(d)) return { kind: 'not-private', dir: d };
    }
    const result = enable(dir);
    // Node's statuses: 0 failed, 1 enabled, 2 already enabled, 3 disabled (NODE_DISABLE_COMPILE_CACHE).
    if (result.status === 0 || result.status === 3)
      return { kind: 'failed', message: result.message ?? `compile cache status ${result.status}` };
    return { kind: 'enabled', dir };
  } catch (error) {
    return { kind: 'failed', message: (error as Error).message };
  }
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A directory, not a link, owned by this user, that no other user can read or write. */
function isPrivateDirectory(dir: string): boolean {
  const st = lstatSync(dir);
  if (!st.isDirectory() || st.isSymbolicLink()) return false;
  if (process.platform === 'win32') return true;
  return st.uid === process.getuid?.() && (st.mode & 0o077) === 0;
}
