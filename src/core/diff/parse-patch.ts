import type { AddedLine } from '../types.js';
import { LineRanges } from './line-ranges.js';

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
  /** Every line of the hunk; built on first use. */
  readonly lines: readonly HunkLine[];
}

export interface ParsedPatch {
  readonly hunks: readonly Hunk[];
  /** The added lines, each with its new-file line number; built on first use. */
  readonly added: readonly AddedLine[];
  readonly addedCount: number;
  /**
   * The added lines joined with `\n` (no `\r`): what the secret scanner reads in one pass, without an
   * object per line. The i-th line of it is new-file line `addedLineNumber(i)`.
   */
  readonly addedText: string;
  addedLineNumber(index: number): number;
  /** Lines GitHub accepts a review comment on: RIGHT = new-file lines in a hunk, LEFT = old-file lines. */
  readonly commentable: { readonly right: LineRanges; readonly left: LineRanges };
}

// `s`: `.*` takes the rest of the line whatever it holds. The header's text is a line of the file (the PR's content)
// and may hold U+2028 or U+2029, which a plain `.` stops at: such a hunk would go unread, its added lines unscanned.
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)/s;
const PLUS = 43;
const MINUS = 45;
const SPACE = 32;
const AT = 64;
const CR = 13;

/**
 * Parses the hunks of one file's unified diff (GitHub's `patch`, or the body of a `git diff` file section).
 * Tolerates CRLF, `\ No newline at end of file`, and text before the first hunk (file headers).
 *
 * One pass records where things are (hunk headers, the offsets of added lines); the objects for each
 * line are made only when asked for. Every byte of a PR goes through here, and most of them are only
 * ever read by the secret scan, which takes `addedText` whole.
 */
export function parsePatch(patch: string | undefined): ParsedPatch {
  const text = patch ?? '';
  const hunks: PatchHunk[] = [];
  // Each hunk's new-file lines (context and added) and old-file lines (context and removed) are consecutive.
  const right: [number, number][] = [];
  const left: [number, number][] = [];
  // Stryker disable next-line UnaryOperator,BooleanLiteral: fast-path bookkeeping: a wrong value only sends addedText down the general path, which gives the same text
  const added: AddedOffsets = { starts: [], ends: [], numbers: [], firstIndex: -1, lastIndex: -1, crlf: false };
  let current: { header: RegExpExecArray; bodyStart: number } | undefined;
  let oldLine = 0;
  let newLine = 0;
  let lineIndex = 0;
  const close = (bodyEnd: number) => {
    if (!current) return;
    const h = current.header;
    right.push([Number(h[3]), newLine]);
    left.push([Number(h[1]), oldLine]);
    hunks.push(new PatchHunk(text, current.bodyStart, bodyEnd, h));
    current = undefined;
  };
  eachLine(text, 0, text.length, (start, end, next) => {
    // Stryker disable next-line UpdateOperator: fast-path bookkeeping: a wrong value only sends addedText down the general path, which gives the same text
    lineIndex++;
    const marker = text.charCodeAt(start);
    // Only a line that starts with `@@` can be a hunk header: the regex runs on those alone.
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a prefilter: HUNK_HEADER itself requires a leading @@
    if (marker === AT && text.charCodeAt(start + 1) === AT) {
      const header = HUNK_HEADER.exec(text.slice(start, end));
      if (header) {
        close(start);
        current = { header, bodyStart: next };
        oldLine = Number(header[1]);
        newLine = Number(header[3]);
        return;
      }
    }
    if (!current) return; // file headers before the first hunk
    if (marker === PLUS) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: fast-path bookkeeping: a wrong value only sends addedText down the general path, which gives the same text
      if (added.firstIndex < 0) added.firstIndex = lineIndex;
      added.lastIndex = lineIndex;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: fast-path bookkeeping: a wrong value only sends addedText down the general path, which gives the same text
      if (end < next - 1) added.crlf = true;
      added.starts.push(start + 1);
      added.ends.push(end);
      added.numbers.push(newLine++);
    } else if (marker === MINUS) oldLine++;
    else if (marker === SPACE || end === start) {
      oldLine++;
      newLine++;
    }
  });
  close(text.length);
  return new PatchView(text, hunks, added, { right: new LineRanges(right), left: new LineRanges(left) });
}

interface AddedOffsets {
  /** Where each added line's text starts (after the `+`) and ends (before `\r\n` or `\n`). */
  readonly starts: number[];
  readonly ends: number[];
  readonly numbers: number[];
  /** Index among all lines of the first and last added line: equal spans mean the added lines are adjacent. */
  firstIndex: number;
  lastIndex: number;
  crlf: boolean;
}

/**
 * Calls `visit(start, end, next)` for each line of `text[from, to)`: `end` stops before `\n` and a `\r`
 * just before it; `next` is where the following line starts. A final newline does not start a line.
 */
function eachLine(
  text: string,
  from: number,
  to: number,
  visit: (start: number, end: number, next: number) => void,
): void {
  for (let start = from; start < to;) {
    const newline = text.indexOf('\n', start);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: callers pass a `to` at a line start or the end, so no newline lies at or past it
    const next = newline === -1 || newline >= to ? to : newline + 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: as above
    let end = newline === -1 || newline >= to ? to : newline;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: when end === start, the character before is the previous line's \n, never a CR
    if (end > start && text.charCodeAt(end - 1) === CR) end--;
    visit(start, end, next);
    start = next;
  }
}

class PatchView implements ParsedPatch {
  private addedLines: AddedLine[] | undefined;
  private joined: string | undefined;

  constructor(
    private readonly patch: string,
    readonly hunks: readonly Hunk[],
    private readonly offsets: AddedOffsets,
    readonly commentable: ParsedPatch['commentable'],
  ) {}

  get addedCount(): number {
    return this.offsets.numbers.length;
  }

  addedLineNumber(index: number): number {
    return this.offsets.numbers[index]!;
  }

  get added(): readonly AddedLine[] {
    const { starts, ends, numbers } = this.offsets;
    this.addedLines ??= numbers.map((line, i) => ({ line, text: this.patch.slice(starts[i], ends[i]) }));
    return this.addedLines;
  }

  get addedText(): string {
    this.joined ??= this.joinAdded();
    return this.joined;
  }

  private joinAdded(): string {
    const { starts, ends, firstIndex, lastIndex, crlf } = this.offsets;
    const count = starts.length;
    // Stryker disable next-line ConditionalExpression: with no added line the general path joins nothing: ''
    if (count === 0) return '';
    // Stryker disable next-line ConditionalExpression,ArithmeticOperator: fast-path bookkeeping: a wrong value only sends addedText down the general path, which gives the same text
    if (!crlf && lastIndex - firstIndex + 1 === count) {
      // Adjacent `+` lines (a new file, a block of added code): drop each line's `+` in one native
      // replace. A `+` inside a line is never after a newline, so only the markers go.
      return this.patch.slice(starts[0], ends[count - 1]).replaceAll('\n+', '\n');
    }
    return this.added.map((l) => l.text).join('\n');
  }
}

class PatchHunk implements Hunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly header: string;
  private body: HunkLine[] | undefined;

  constructor(
    private readonly patch: string,
    private readonly bodyStart: number,
    private readonly bodyEnd: number,
    h: RegExpExecArray,
  ) {
    this.oldStart = Number(h[1]);
    this.oldLines = h[2] === undefined ? 1 : Number(h[2]);
    this.newStart = Number(h[3]);
    this.newLines = h[4] === undefined ? 1 : Number(h[4]);
    this.header = h[5] ?? '';
  }

  get lines(): readonly HunkLine[] {
    if (this.body) return this.body;
    const lines: HunkLine[] = [];
    const patch = this.patch;
    let oldLine = this.oldStart;
    let newLine = this.newStart;
    eachLine(patch, this.bodyStart, this.bodyEnd, (start, end) => {
      const marker = patch.charCodeAt(start);
      const text = patch.slice(start + 1, end);
      if (marker === PLUS) lines.push({ kind: 'added', text, newLine: newLine++ });
      else if (marker === MINUS) lines.push({ kind: 'removed', text, oldLine: oldLine++ });
      // An empty line inside a hunk is a context line whose leading space was trimmed by an editor.
      else if (marker === SPACE || end === start)
        lines.push({ kind: 'context', text, oldLine: oldLine++, newLine: newLine++ });
      // `\ No newline at end of file` and anything unrecognised carry no line.
    });
    this.body = lines;
    return lines;
  }
}
