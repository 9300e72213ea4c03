/* Reading and writing files of the workspace (which the PR controls) without following its symlinks. */
import { constants } from 'node:fs';
import { lstat, mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { resolveInWorkspace } from './core/workspace-path.js';

/** Why a workspace path was refused; `path` is the part that was refused. */
export class WorkspacePathError extends Error {
  override readonly name = 'WorkspacePathError';
  constructor(
    readonly kind: 'outside' | 'symlink' | 'not-a-directory',
    readonly path: string,
  ) {
    super(
      kind === 'outside'
        ? `${path} is outside the workspace`
        : kind === 'symlink'
          ? `${path} is a symbolic link; the pull request controls the workspace, so the action does not follow links there`
          : `${path} is not a directory`,
    );
  }
}

// O_NOFOLLOW is not on every platform Node runs on (Windows): there, the lstat walk alone guards.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Writes (or appends) a file under the workspace without following any symbolic link the pull request may
 * have committed: every existing folder on the way and the file itself are checked with lstat, missing folders
 * are created one at a time, and the file is opened with O_NOFOLLOW. A path outside the workspace (an
 * absolute input such as `${{ runner.temp }}`, the workflow author's choice) is written with O_NOFOLLOW only.
 */
export async function writeInWorkspace(
  workspace: string,
  file: string,
  data: string | Uint8Array,
  options: { readonly append?: boolean } = {},
): Promise<string> {
  const root = path.resolve(workspace);
  const full = path.resolve(root, file);
  const inside = resolveInWorkspace(root, full) !== undefined;
  if (inside) await ensureFolders(root, path.dirname(full));
  else await mkdir(path.dirname(full), { recursive: true });
  const flags =
    constants.O_WRONLY | constants.O_CREAT | NOFOLLOW | (options.append ? constants.O_APPEND : constants.O_TRUNC);
  const handle = await open(full, flags, 0o644).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ELOOP' || error.code === 'EMLINK' ? new WorkspacePathError('symlink', full) : error;
  });
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
  return full;
}

/**
 * Checks that `file` can be written under the workspace without following a link: every folder on the way is a
 * real folder (missing ones are created, one at a time) and the file, if it exists, is not a link.
 */
export async function checkWritableInWorkspace(workspace: string, file: string): Promise<void> {
  const root = path.resolve(workspace);
  const full = resolveInWorkspace(root, file);
  if (full === undefined) throw new WorkspacePathError('outside', path.resolve(root, file));
  await ensureFolders(root, path.dirname(full));
  const stat = await lstat(full).catch(() => undefined);
  if (stat?.isSymbolicLink()) throw new WorkspacePathError('symlink', full);
}

/** Reads a workspace file as UTF-8, or undefined when it is missing, outside, or reached through a link. */
export async function readInWorkspace(workspace: string, file: string): Promise<string | undefined> {
  const root = path.resolve(workspace);
  const full = resolveInWorkspace(root, file);
  if (full === undefined) return undefined;
  try {
    await checkFolders(root, path.dirname(full));
    const handle = await open(full, constants.O_RDONLY | NOFOLLOW);
    try {
      return await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

/** Each folder from the root down to `dir` is a real folder (not a link); missing ones are created. */
async function ensureFolders(root: string, dir: string): Promise<void> {
  let at = root;
  for (const part of path.relative(root, dir).split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    const stat = await lstat(at).catch(() => undefined);
    if (stat === undefined) {
      await mkdir(at).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      // Created just now, or by someone else in between: check again.
      const again = await lstat(at);
      if (!again.isDirectory())
        throw new WorkspacePathError(again.isSymbolicLink() ? 'symlink' : 'not-a-directory', at);
    } else if (stat.isSymbolicLink()) throw new WorkspacePathError('symlink', at);
    else if (!stat.isDirectory()) throw new WorkspacePathError('not-a-directory', at);
  }
}

/** Like `ensureFolders`, creating nothing: throws on a link or a missing folder. */
async function checkFolders(root: string, dir: string): Promise<void> {
  let at = root;
  for (const part of path.relative(root, dir).split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    const stat = await lstat(at);
    if (stat.isSymbolicLink()) throw new WorkspacePathError('symlink', at);
    if (!stat.isDirectory()) throw new WorkspacePathError('not-a-directory', at);
  }
}
