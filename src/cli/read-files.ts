import { closeSync, constants, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PathProblem } from './collect-paths.js';

/** A file as `scan` read it: its text, or the fact that it is binary (and so not scanned). */
export type ReadFile =
  { readonly path: string; readonly text: string } | { readonly path: string; readonly binary: true };

/** git's rule, used by `review` through git: a NUL byte in the first 8,000 bytes makes a file binary. */
export const BINARY_SNIFF_BYTES = 8000;

export function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

/**
 * Reads files in order. Synchronous on purpose: the CLI has nothing else to do meanwhile, and one blocking
 * read costs a fraction of an asynchronous one's four thread-pool round trips (open, stat, read, close),
 * which dominated `scan` over thousands of small files. A file found by a walk is opened without following
 * a symlink; one that cannot be read becomes a problem, except a walked file gone since the walk.
 */
export function readFiles(
  cwd: string,
  paths: readonly string[],
  walked: ReadonlySet<string>,
  onRead: (done: number) => void,
): { files: ReadFile[]; problems: PathProblem[] } {
  const files: ReadFile[] = [];
  const problems: PathProblem[] = [];
  paths.forEach((p, i) => {
    const byWalk = walked.has(p);
    try {
      const bytes = readWhole(path.resolve(cwd, p), byWalk);
      files.push(isBinary(bytes) ? { path: p, binary: true } : { path: p, text: bytes.toString('utf8') });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A walk does not follow symlinks (ELOOP from O_NOFOLLOW) and may list a file deleted since it was staged.
      if (!(byWalk && (code === 'ELOOP' || code === 'ENOENT' || code === 'EISDIR'))) {
        problems.push({
          path: p,
          kind: code === 'EISDIR' ? 'symlink-to-folder' : 'unreadable',
          ...(code ? { code } : {}),
        });
      }
    }
    onRead(i + 1);
  });
  return { files, problems };
}

function readWhole(absolute: string, noFollow: boolean): Buffer {
  const fd = openSync(absolute, constants.O_RDONLY | (noFollow ? constants.O_NOFOLLOW : 0));
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
