import type * as Crypto from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseGitDiff } from '../core/diff/parse-git-diff.js';
import { countLines } from '../core/diff/whole-file.js';
import type { ChangedFile } from '../core/types.js';
import type { CommandRunner } from '../ports.js';
import { createGit } from './git.js';
import { resolveInWorkspace } from '../core/workspace-path.js';
import { deferBuiltin } from '../core/lazy-builtin.js';

const crypto = deferBuiltin<typeof Crypto>('node:crypto');

/** New files larger than this are left to the linters' own limits, not read into memory. */
const MAX_NEW_FILE_BYTES = 1_000_000;

interface SessionStart {
  readonly root: string;
  readonly head: string;
}

/**
 * The files a Codex session changed, from git: at SessionStart the checked-out commit is remembered (in the
 * user's cache folder, by a hash of the session id); at Stop the working tree is compared with it, and new
 * files git does not track yet count as added whole.
 */
export function createSessionChanges(root: string, cacheDir: string, runCommand: CommandRunner) {
  const git = createGit(root);
  const stateFile = (sessionId: string) =>
    path.join(
      cacheDir,
      'sessions',
      `${crypto().createHash('sha256').update(sessionId).digest('hex').slice(0, 32)}.json`,
    );
  return {
    async recordSessionStart(sessionId: string): Promise<void> {
      const head = await git.revParse('HEAD');
      if (head === undefined) return;
      try {
        mkdirSync(path.dirname(stateFile(sessionId)), { recursive: true, mode: 0o700 });
        writeFileSync(stateFile(sessionId), JSON.stringify({ root, head } satisfies SessionStart), { mode: 0o600 });
      } catch {
        // Without it, Stop compares with HEAD.
      }
    },
    async sessionChanges(sessionId: string): Promise<ChangedFile[]> {
      let base = 'HEAD';
      try {
        const start = JSON.parse(readFileSync(stateFile(sessionId), 'utf8')) as SessionStart;
        if (start.root === root && /^[0-9a-f]{40,64}$/.test(start.head)) base = start.head;
      } catch {
        // no recorded start: the changes since HEAD
      }
      const diff = await git.diff(base, undefined);
      const tracked = diff !== undefined ? parseGitDiff(diff) : [];
      const listed = await runCommand(['git', 'ls-files', '--others', '--exclude-standard', '-z'], {
        cwd: root,
        timeoutMs: 30_000,
      });
      const untracked = listed.exitCode === 0 ? listed.stdout.split('\0').filter((p) => p !== '') : [];
      return [...tracked, ...untracked.flatMap((p) => newFile(root, p))];
    },
  };
}

function newFile(root: string, relative: string): ChangedFile[] {
  const file = resolveInWorkspace(root, relative);
  if (file === undefined) return [];
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_NEW_FILE_BYTES || bytes.includes(0)) return [];
    const content = bytes.toString('utf8');
    return [{ path: relative, status: 'added', additions: countLines(content), deletions: 0, content }];
  } catch {
    return [];
  }
}
