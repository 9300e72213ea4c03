import type { PathProblem, PathProblemKind } from './collect-paths.js';
import { stripControl } from './format.js';

const REASON: Record<PathProblemKind, string> = {
  'not-found': 'no such file or folder',
  'no-match': 'no such file or folder, and as a glob it matches none',
  'symlink-to-folder': 'a symlink to a folder (folders are walked only when named themselves)',
  'symlink-loop': 'a symlink loop',
  'not-a-file': 'not a regular file',
  unreadable: 'cannot be read',
};

const SHORT: Record<PathProblemKind, string> = {
  'not-found': 'not found',
  'no-match': 'glob without a match',
  'symlink-to-folder': 'symlink to a folder',
  'symlink-loop': 'symlink loop',
  'not-a-file': 'not a regular file',
  unreadable: 'unreadable',
};

/** `'nope.ts': no such file or folder`: one line of warning for one skipped path. */
export function describePathProblem(problem: PathProblem): string {
  const code = problem.code && problem.kind === 'unreadable' ? ` (${problem.code})` : '';
  return `'${stripControl(problem.path)}': ${REASON[problem.kind]}${code}`;
}

/** `2 paths skipped (1 not found, 1 symlink loop)`, for the end of the run. */
export function summarizePathProblems(problems: readonly PathProblem[]): string {
  const counts = new Map<PathProblemKind, number>();
  for (const p of problems) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} ${SHORT[kind]}`);
  const n = problems.length;
  return `${n} ${n === 1 ? 'path' : 'paths'} skipped (${parts.join(', ')}); --strict makes that exit 2`;
}
