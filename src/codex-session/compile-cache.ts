import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { defaultCacheDir } from './config-cache.js';
import { findRepositoryRoot } from './repository-root.js';

/** Whether the hook's compiled code came from the cache; `kind` for the tests and CODEX_HOOKS_DEBUG. */
export type CompileCacheState =
  | { readonly kind: 'used'; readonly file: string }
  | { readonly kind: 'written'; readonly file: string }
  | { readonly kind: 'in-workspace'; readonly dir: string }
  | { readonly kind: 'not-private'; readonly dir: string }
  | { readonly kind: 'failed'; readonly message: string };

export interface HookBody<T> {
  readonly exports: T;
  readonly cache: CompileCacheState;
  /**
   * Says which kind of event this run handles (its "lane": a prompt, a patch, a stop…). A lane the entry has
   * not seen yet is added to it on exit, with the functions that lane ran: the first hook of a session is
   * SessionStart, and an entry written by it alone would leave every prompt and tool call compiling its own
   * code. At most {@link MAX_LANES} lanes, so an entry is rewritten a few times per build, then only read.
   */
  readonly ran: (lane: string) => void;
}

export const MAX_LANES = 8;

/** Where the body comes from: its file and the build's content hash of it (a new build is a new cache entry). */
export interface HookBodyFile {
  readonly file: string;
  readonly id: string;
}

/**
 * Runs the hook's body (a CommonJS bundle) with V8's code cache: compiling the bundle is a large part of a
 * hook's start, and Codex starts one on every prompt and tool call. Node 22's `module.enableCompileCache`
 * would cover Node 22+ only and caches code before it runs; this works on every supported Node and writes
 * the cache when the hook exits, so it holds the functions the hook ran, not only the top level.
 *
 * The cache holds code that Node runs, so it lives only in the user's own cache folder
 * (`$XDG_CACHE_HOME/codex-hooks` or `~/.cache/codex-hooks`), created 0700 and used only if it is a real
 * directory owned by this user that nobody else can write, and never inside the repository the session
 * works in (a PR could plant files there). Its name holds the build's hash of the body, the body's size and
 * time, Node's version and the machine: V8 checks only its own version and the source's length.
 */
export function loadHookBody<T>(
  body: HookBodyFile,
  env: NodeJS.ProcessEnv,
  home: string,
  cwd: string,
  atExit: (write: () => void) => void = (write) => process.on('exit', write),
): HookBody<T> {
  // The build writes the body as ASCII: read as Latin-1, it is one-byte text with no UTF-8 decoding.
  const source = readFileSync(body.file, 'latin1');
  const place = cacheFileFor(body, env, home, cwd);
  const entry = 'file' in place ? readEntry(place.file) : undefined;
  const script = new vm.Script(nodeModule.wrap(source), { filename: body.file, cachedData: entry?.code });
  const used = entry !== undefined && script.cachedDataRejected === false;
  const cache: CompileCacheState = 'file' in place ? { kind: used ? 'used' : 'written', file: place.file } : place;
  let lane: string | undefined;
  if ('file' in cache) {
    const lanes = used ? entry!.lanes : [];
    atExit(() => {
      const added = lane !== undefined && !lanes.includes(lane) && lanes.length < MAX_LANES ? [lane] : [];
      if (!used || added.length > 0) writeCache(cache.file, [...lanes, ...added], script);
    });
  }
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper(module.exports, nodeModule.createRequire(body.file), module, body.file, path.dirname(body.file));
  return { exports: module.exports, cache, ran: (l) => (lane = l) };
}

/**
 * An entry is one header line, `codex-hooks-compile-cache 1 <lanes, comma-separated>`, then V8's bytes. An
 * entry without that header is no entry (it is written anew).
 */
const HEADER = 'codex-hooks-compile-cache 1 ';

function readEntry(file: string): { readonly lanes: readonly string[]; readonly code: Buffer } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined; // none yet
  }
  const end = bytes.indexOf(10);
  const header = end === -1 ? '' : bytes.toString('latin1', 0, end);
  if (!header.startsWith(HEADER)) return undefined;
  const lanes = header.slice(HEADER.length).trimEnd().split(',').filter(Boolean);
  return { lanes, code: bytes.subarray(end + 1) };
}

function cacheFileFor(
  body: HookBodyFile,
  env: NodeJS.ProcessEnv,
  home: string,
  cwd: string,
): { readonly file: string } | Exclude<CompileCacheState, { file: string }> {
  const base = defaultCacheDir(env, home);
  const dir = path.join(base, 'v8-compile-cache');
  const root = findRepositoryRoot(cwd);
  if (isInside(dir, root) || isInside(dir, path.resolve(cwd))) return { kind: 'in-workspace', dir };
  try {
    for (const d of [base, dir]) {
      mkdirSync(d, { recursive: true, mode: 0o700 });
      if (!isPrivateDirectory(d)) return { kind: 'not-private', dir: d };
    }
    const st = statSync(body.file);
    const name = [body.id, st.size, Math.trunc(st.mtimeMs), process.version, process.arch].join('-');
    return { file: path.join(dir, `hook-${name}.bin`) };
  } catch (error) {
    return { kind: 'failed', message: (error as Error).message };
  }
}

/** Entries kept: one per build, Node and machine in use, the oldest dropped (each is a few hundred KB). */
export const KEPT_ENTRIES = 8;

/**
 * Written whole or not at all (a temp file renamed): a half-written cache would only be refused, but costs.
 * Entries of earlier builds would pile up with every upgrade: beyond KEPT_ENTRIES the oldest go.
 */
function writeCache(file: string, lanes: readonly string[], script: vm.Script): void {
  try {
    const temp = `${file}.${process.pid}.tmp`;
    // Padded to a multiple of 8 bytes, so V8's bytes stay aligned in the buffer read back (V8 copies them else).
    const line = `${HEADER}${lanes.join(',')}`;
    const header = Buffer.from(`${line.padEnd(Math.ceil((line.length + 1) / 8) * 8 - 1)}\n`, 'latin1');
    writeFileSync(temp, Buffer.concat([header, script.createCachedData()]), { mode: 0o600 });
    renameSync(temp, file);
    const dir = path.dirname(file);
    const entries = readdirSync(dir)
      .filter((n) => n.startsWith('hook-') && n.endsWith('.bin'))
      .map((n) => ({ n, at: statSync(path.join(dir, n)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of entries.slice(KEPT_ENTRIES)) rmSync(path.join(dir, old.n), { force: true });
  } catch {
    // A cache that cannot be written only costs the next hook the compile.
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
