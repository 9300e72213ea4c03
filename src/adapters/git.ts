import { execFile } from 'node:child_process';
import { ConfigurationError } from '../errors.js';
import type { GitPort } from '../ports.js';

const MAX_BUFFER = 256 * 1024 * 1024;

export function createGit(cwd: string): GitPort {
  const git = (args: readonly string[]) =>
    new Promise<{ ok: boolean; stdout: string }>((resolve) => {
      execFile('git', [...args], { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8', windowsHide: true }, (error, stdout) =>
        resolve({ ok: !error, stdout: String(stdout) }),
      );
    });
  return {
    async diff(base, head, paths) {
      // Without a head, the working tree (staged and unstaged changes) is compared with base.
      const revs = head === undefined ? [validRev(base)] : [validRev(base), validRev(head)];
      const args = ['-c', 'core.quotepath=false', 'diff', '--no-color', '--no-ext-diff', '-M', ...revs];
      if (paths && paths.length > 0) args.push('--', ...paths);
      const r = await git(args);
      return r.ok ? r.stdout : undefined;
    },
    async mergeBase(a, b) {
      const r = await git(['merge-base', validRev(a), validRev(b)]);
      return r.ok ? r.stdout.trim() : undefined;
    },
    async hasRevision(rev) {
      return (await git(['cat-file', '-e', `${validRev(rev)}^{commit}`])).ok;
    },
    async show(rev, path) {
      const r = await git(['show', `${validRev(rev)}:${path}`]);
      return r.ok ? r.stdout : undefined;
    },
    async revParse(rev) {
      const r = await git(['rev-parse', '--verify', '--quiet', `${validRev(rev)}^{commit}`]);
      return r.ok ? r.stdout.trim() : undefined;
    },
    async isWorkTree() {
      const r = await git(['rev-parse', '--is-inside-work-tree']);
      return r.ok && r.stdout.trim() === 'true';
    },
    async emptyTree() {
      const r = await git(['hash-object', '-t', 'tree', '/dev/null']);
      return r.ok ? r.stdout.trim() : undefined;
    },
  };
}

/** A revision must not look like an option: `--output=…` as a ref would be an injection. */
function validRev(rev: string): string {
  if (rev.startsWith('-') || rev.includes('\0'))
    throw new ConfigurationError(`'${rev.slice(0, 80)}' is not a valid git revision`);
  return rev;
}
