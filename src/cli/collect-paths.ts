import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { Minimatch } from 'minimatch';

/** Why a path given to `scan` was left out; each is said once on stderr and counted at the end. */
export type PathProblemKind =
  'not-found' | 'no-match' | 'symlink-to-folder' | 'symlink-loop' | 'not-a-file' | 'unreadable';

export interface PathProblem {
  readonly path: string;
  readonly kind: PathProblemKind;
  /** The system's code (ENOENT, EACCES, ELOOP…), when there is one. */
  readonly code?: string;
}

export interface CollectedPaths {
  /** Files to read, relative to the working directory with forward slashes, each once, in the order found. */
  readonly files: string[];
  /** True for files found by walking a folder (as opposed to named): those never follow a symlink. */
  readonly walked: ReadonlySet<string>;
  readonly problems: PathProblem[];
}

/**
 * Folders nobody wants walked: version-control data and installed dependencies. The pipeline's built-in
 * excludes would leave their files out anyway; pruning them here saves reading them.
 */
const PRUNED_FOLDERS: ReadonlySet<string> = new Set(['.git', '.hg', '.svn', 'node_modules']);

const GLOB_MAGIC = /[*?[\]{}]/;

/**
 * Turns `scan`'s arguments into files. A folder is walked: through `git ls-files` inside a git work tree
 * (tracked and untracked files, `.gitignore` honoured), else through the file system; either way a walk
 * never follows a symlink. An argument that names no path but has glob characters is matched against a
 * walk of its fixed leading folders. Nothing here reads a file's content.
 */
export function collectPaths(cwd: string, args: readonly string[]): CollectedPaths {
  const files: string[] = [];
  const seen = new Set<string>();
  const walked = new Set<string>();
  const problems: PathProblem[] = [];
  const add = (file: string, byWalk: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    files.push(file);
    if (byWalk) walked.add(file);
  };
  for (const arg of args) {
    const rel = toRelative(cwd, arg);
    const kind = classify(path.resolve(cwd, arg));
    if (kind.type === 'file') add(rel, false);
    else if (kind.type === 'folder') for (const f of walkFolder(cwd, rel)) add(f, true);
    else if (kind.type === 'missing' && GLOB_MAGIC.test(arg)) {
      const matched = expandGlob(cwd, rel);
      if (matched.length === 0) problems.push({ path: arg, kind: 'no-match' });
      for (const f of matched) add(f, true);
    } else if (kind.type === 'problem')
      problems.push({ path: arg, kind: kind.kind, ...(kind.code ? { code: kind.code } : {}) });
    else problems.push({ path: arg, kind: 'not-found', code: 'ENOENT' });
  }
  return { files, walked, problems };
}

type Classified =
  | { type: 'file' }
  | { type: 'folder' }
  | { type: 'missing' }
  | { type: 'problem'; kind: PathProblemKind; code?: string };

function classify(absolute: string): Classified {
  let link: Stats;
  try {
    link = lstatSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? { type: 'missing' }
      : { type: 'problem', kind: 'unreadable', code };
  }
  if (link.isDirectory()) return { type: 'folder' };
  if (link.isFile()) return { type: 'file' };
  if (!link.isSymbolicLink()) return { type: 'problem', kind: 'not-a-file' };
  // A named symlink is read through (the user named it), unless it leads to a folder or nowhere.
  try {
    const target = statSync(absolute);
    if (target.isDirectory()) return { type: 'problem', kind: 'symlink-to-folder' };
    return target.isFile() ? { type: 'file' } : { type: 'problem', kind: 'not-a-file' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { type: 'problem', kind: 'symlink-loop', code };
    return { type: 'problem', kind: code === 'ENOENT' ? 'not-found' : 'unreadable', ...(code ? { code } : {}) };
  }
}

/** The files under a folder: git's view when inside a work tree, else the file system's. */
function walkFolder(cwd: string, folder: string): string[] {
  const listed = listWithGit(cwd, folder);
  return (listed ?? walkFileSystem(cwd, folder)).filter((f) => !isPruned(f));
}

/**
 * `git ls-files` lists tracked and untracked files minus what `.gitignore` (and the user's global excludes)
 * leave out, relative to cwd. Undefined outside a work tree, or without git.
 */
function listWithGit(cwd: string, folder: string): string[] | undefined {
  try {
    // Run in the folder itself, so a folder that is its own repository (or inside one when cwd is not) works.
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], {
      cwd: path.resolve(cwd, folder === '' ? '.' : folder),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 30,
    });
    const prefix = folder === '' ? '' : `${folder}/`;
    return out
      .split('\0')
      .filter((f) => f !== '')
      .map((f) => prefix + f);
  } catch {
    return undefined;
  }
}

function walkFileSystem(cwd: string, folder: string): string[] {
  const out: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(path.resolve(cwd, dir === '' ? '.' : dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const rel = dir === '' || dir === '.' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!PRUNED_FOLDERS.has(entry.name)) pending.push(rel);
      } else if (entry.isFile()) out.push(rel);
      // Symlinks and special files are not followed by a walk.
    }
  }
  return out.sort();
}

function isPruned(file: string): boolean {
  return file.split('/').some((segment) => PRUNED_FOLDERS.has(segment));
}

/** `src/**\/*.ts`: walks `src` and keeps what the glob matches. */
function expandGlob(cwd: string, pattern: string): string[] {
  const segments = pattern.split('/');
  const firstMagic = segments.findIndex((s) => GLOB_MAGIC.test(s));
  const base = segments.slice(0, firstMagic).join('/');
  if (base !== '' && classify(path.resolve(cwd, base)).type !== 'folder') return [];
  const matcher = new Minimatch(pattern, { dot: true });
  return walkFolder(cwd, base).filter((f) => matcher.match(f));
}

/** `./src/a.ts` → `src/a.ts`; `/abs/repo/x` (under cwd) → `x`; forward slashes; `.` → ''. */
export function toRelative(cwd: string, arg: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, arg));
  return rel.split(path.sep).join('/');
}

/** The path list on stdin, for `git ls-files -z | codex-hooks scan --null -`: one path a line, or NUL-separated. */
export function splitPathList(text: string, nul: boolean): string[] {
  const parts = nul ? text.split('\0') : text.split(/\r?\n/);
  return parts.filter((p) => p !== '');
}
