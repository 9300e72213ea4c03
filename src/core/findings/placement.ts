import type { ParsedPatch } from '../diff/parse-patch.js';
import type { ChangedFile, Finding } from '../types.js';

/**
 * Where a finding can be shown on a pull request:
 * - `inline`: a review comment on RIGHT-side line `line` (a range when `startLine` is set, always inside one hunk);
 *   `exact` says the comment covers exactly the finding's `line..endLine`, so a suggestion may replace them;
 * - `file`: the file is changed but the line is not in its diff: a file-level comment or an annotation;
 * - `summary`: the file is not part of the pull request's diff at all.
 */
export type Placement =
  | {
      readonly kind: 'inline';
      readonly path: string;
      readonly line: number;
      readonly startLine?: number;
      readonly side: 'RIGHT';
      readonly exact: boolean;
    }
  | { readonly kind: 'file'; readonly path: string; readonly reason: string }
  | { readonly kind: 'summary'; readonly reason: string };

/** A changed file with its parsed diff, as the pipeline prepares it. */
export interface DiffFile {
  readonly file: ChangedFile;
  readonly parsed: ParsedPatch;
}

/** Finds a finding's file by its head path, or by the old path of a renamed file. */
export function indexDiffFiles(files: readonly DiffFile[]): (path: string) => DiffFile | undefined {
  const byPath = new Map<string, DiffFile>();
  for (const f of files) byPath.set(f.file.path, f);
  for (const f of files) {
    if (f.file.previousPath && !byPath.has(f.file.previousPath)) byPath.set(f.file.previousPath, f);
  }
  return (path) => byPath.get(path);
}

/**
 * Decides where a finding lands. Pure: the same finding and diff always give the same placement, and an
 * `inline` placement is always a line GitHub accepts (RIGHT side, inside a hunk), so posting it cannot fail
 * with "Line could not be resolved".
 */
export function placeFinding(finding: Finding, diff: DiffFile | undefined): Placement {
  if (!diff) return { kind: 'summary', reason: 'the file is not changed in this pull request' };
  const path = diff.file.path;
  if (diff.file.status === 'removed') return { kind: 'file', path, reason: 'the file is deleted' };
  if (finding.line <= 0) return { kind: 'file', path, reason: 'the finding is about the whole file' };
  const { hunks, commentable } = diff.parsed;
  if (hunks.length === 0) return { kind: 'file', path, reason: 'the file has no diff to comment on' };

  const start = finding.line;
  const end = Math.max(finding.line, finding.endLine);
  if (start === end) {
    return commentable.right.has(start)
      ? { kind: 'inline', path, line: start, side: 'RIGHT', exact: true }
      : { kind: 'file', path, reason: `line ${start} is outside the diff` };
  }
  // Every new-file line of a hunk is a context or added line, so a hunk's RIGHT side is one contiguous range;
  // it is read from the parsed lines rather than the header, which a truncated patch would overstate.
  const inOneHunk = hunks.some((h) => {
    const lines = h.lines.filter((l) => l.newLine !== undefined).map((l) => l.newLine!);
    return lines.length > 0 && start >= lines[0]! && end <= lines[lines.length - 1]!;
  });
  if (inOneHunk) return { kind: 'inline', path, startLine: start, line: end, side: 'RIGHT', exact: true };
  if (commentable.right.has(end)) return { kind: 'inline', path, line: end, side: 'RIGHT', exact: false };
  return { kind: 'file', path, reason: `lines ${start}–${end} are not inside one hunk of the diff` };
}
