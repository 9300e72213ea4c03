import { existsSync } from 'node:fs';
import path from 'node:path';

/** The nearest folder at or above `cwd` holding `.git`; `cwd` itself outside a repository. */
export function findRepositoryRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(cwd);
    dir = parent;
  }
}
