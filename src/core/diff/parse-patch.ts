import type { AddedLine } from '../types.js';

export interface HunkLine {
  readonly kind: 'context' | 'added' | 'removed';
  readonly text: string;
  /** Line in the old file (context and removed lines). */
  readonly oldLine?: number;
  /** Line in the new file (context and added lines). */
  readonly newLine?: number;
}

export interface Hunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  /** The text after the second `@@`, often the enclosing function. */
  readonly header: string;
  readonly lines: readonly HunkLine[];
}

export interface ParsedPatch {
  readonly hunks: readonly Hunk[];
  readonly added: readonly AddedLine[];
  /** Lines GitHub accepts a review comment on: RIGHT = new-file lines in a hunk, LEFT = old-file lines. */
  readonly commentable: { readonly right: ReadonlySet<number>; readonly left: ReadonlySet<number> };
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

/**
 * Parses the hunks of one file's unified diff (GitHub's `patch`, or the body of a `git diff` file section).
 * Tolerates CRLF, `\ No newline at end of file`, and text before the first hunk (file headers).
 */
export function parsePatch(patch: string | undefined): ParsedPatch {
  const hunks: Hunk[] = [];
  const added: AddedLine[] = [];
  const right = new Set<number>();
  const left = new Set<number>();
  if (!patch) return { hunks, added, commentable: { right, left } };

  let current: { header: RegExpExecArray; lines: HunkLine[] } | undefined;
  let oldLine = 0;
  let newLine = 0;
  const flush = () => {
    if (!current) return;
    const h = current.header;
    hunks.push({
      oldStart: Number(h[1]),
      oldLines: h[2] === undefined ? 1 : Number(h[2]),
      newStart: Number(h[3]),
      newLines: h[4] === undefined ? 1 : Number(h[4]),
      header: h[5] ?? '',
      lines: current.lines,
    });
    current = undefined;
  };

  const rawLines = patch.split('\n');
  // A patch that ends in a newline yields one empty trailing element that is not a line of the diff.
  if (rawLines.length > 0 && rawLines[rawLines.length - 1] === '') rawLines.pop();
  for (const raw of rawLines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const header = HUNK_HEADER.exec(line);
    if (header) {
      flush();
      current = { header, lines: [] };
      oldLine = Number(header[1]);
      newLine = Number(header[3]);
      continue;
    }
    if (!current) continue; // file headers before the first hunk
    const marker = line[0];
    const text = line.slice(1);
    if (marker === '+') {
      current.lines.push({ kind: 'added', text, newLine });
      added.push({ line: newLine, text });
      right.add(newLine);
      newLine++;
    } else if (marker === '-') {
      current.lines.push({ kind: 'removed', text, oldLine });
      left.add(oldLine);
      oldLine++;
    } else if (marker === ' ' || line === '') {
      // An empty line inside a hunk is a context line whose leading space was trimmed by an editor.
      current.lines.push({ kind: 'context', text, oldLine, newLine });
      right.add(newLine);
      left.add(oldLine);
      oldLine++;
      newLine++;
    }
    // `\ No newline at end of file` and anything unrecognised carry no line.
  }
  flush();
  return { hunks, added, commentable: { right, left } };
}
