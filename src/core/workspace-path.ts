import path from 'node:path';

/**
 * Resolves a path from the config or an input inside the workspace, or returns undefined when it would
 * escape it (`../../etc/passwd`, an absolute path elsewhere). Config may come from the PR itself.
 * Lexical only: `writeInWorkspace` and `readInWorkspace` also refuse symlinks on the way.
 */
export function resolveInWorkspace(workspace: string, file: string): string | undefined {
  const root = path.resolve(workspace);
  const full = path.resolve(root, file);
  return full === root || full.startsWith(root + path.sep) ? full : undefined;
}
