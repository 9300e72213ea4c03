import type { AddedLine, ChangedFile } from '../types.js';
import { LineRanges } from './line-ranges.js';
import type { Hunk, HunkLine, ParsedPatch } from './parse-patch.js';

/**
 * A whole file whose every line counts as added (`codex-hooks scan`), seen as the diff of a new file
 * without writing that diff out: the scanner reads the file's text as it is. `parsePatch(wholeFilePatch(t))`
 * describes the same lines; this skips two copies of every byte and an object per line.
 */
export function parseWholeFile(content: string): ParsedPatch {
  return new WholeFileView(content);
}

/** The unified diff of a new file with this content: one hunk from line 1, every line added. */
export function wholeFilePatch(content: string): string | undefined {
  const body = content.endsWith('\n') ? content.slice(0, -1) : content;
  if (content.length === 0) return undefined;
  return `@@ -0,0 +1,${countLines(content)} @@\n+${body.replaceAll('\n', '\n+')}`;
}

/** The patch of a file: GitHub's or git's diff, or the one its whole content stands for. */
export function patchOf(file: ChangedFile): string | undefined {
  return file.patch ?? (file.content !== undefined ? wholeFilePatch(file.content) : undefined);
}

/** Lines as a diff counts them: a final newline ends the last line rather than starting another. */
export function countLines(content: string): number {
  if (content.length === 0) return 0;
  let lines = content.endsWith('\n') ? 0 : 1;
  for (let at = content.indexOf('\n'); at !== -1; at = content.indexOf('\n', at + 1)) lines++;
  return lines;
}

class WholeFileView implements ParsedPatch {
  readonly addedText: string;
  private count: number | undefined;
  private lineRanges: ParsedPatch['commentable'] | undefined;
  private addedLines: AddedLine[] | undefined;
  private hunkList: Hunk[] | undefined;

  constructor(private readonly content: string) {
    // As a diff line does, each line loses the `\r` of a CRLF ending (and a final one).
    let text = content.endsWith('\n') ? content.slice(0, -1) : content;
    if (text.includes('\r')) text = text.replaceAll('\r\n', '\n');
    this.addedText = text.endsWith('\r') ? text.slice(0, -1) : text;
  }

  // Counted on first use: the secret scan, which reads every file, needs only `addedText`.
  get addedCount(): number {
    return (this.count ??= countLines(this.content));
  }

  get commentable(): ParsedPatch['commentable'] {
    return (this.lineRanges ??= { right: new LineRanges([[1, this.addedCount + 1]]), left: new LineRanges([]) });
  }

  addedLineNumber(index: number): number {
    return index + 1;
  }

  get added(): readonly AddedLine[] {
    this.addedLines ??=
      this.addedCount === 0 ? [] : this.addedText.split('\n').map((text, i) => ({ line: i + 1, text }));
    return this.addedLines;
  }

  get hunks(): readonly Hunk[] {
    if (this.hunkList) return this.hunkList;
    const lines: HunkLine[] = this.added.map((l) => ({ kind: 'added', text: l.text, newLine: l.line }));
    this.hunkList =
      this.addedCount === 0
        ? []
        : [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: this.addedCount, header: '', lines }];
    return this.hunkList;
  }
}
