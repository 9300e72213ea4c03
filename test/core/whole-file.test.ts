import { describe, expect, it } from 'vitest';
import { parsePatch, type Hunk } from '../../src/core/diff/parse-patch.js';
import { countLines, parseWholeFile, patchOf, wholeFilePatch } from '../../src/core/diff/whole-file.js';

/** A hunk's fields as plain data (a parsed hunk builds its lines on first use). */
const plainHunk = ({ oldStart, oldLines, newStart, newLines, header, lines }: Hunk) => ({
  oldStart,
  oldLines,
  newStart,
  newLines,
  header,
  lines,
});

const CONTENTS: [string, string][] = [
  ['an empty file', ''],
  ['one newline', '\n'],
  ['one line, no newline', 'a'],
  ['lines and a final newline', 'a\nb\n'],
  ['blank lines', 'a\n\n\nb\n'],
  ['lines that start with + and -', '+x\n-y\n@@ -1 +1 @@\n'],
  ['CRLF', 'a\r\nb\r\n'],
  ['CRLF, no final newline', 'a\r\nb\r'],
  ['two CRs before a newline', 'a\r\r\nb'],
  ['a lone CR inside a line', 'a\rb\n'],
  ['unicode', 'const café = "日本語";\n'],
];

describe('parseWholeFile: a whole file read as the diff of a new file, without writing the diff', () => {
  it.each(CONTENTS)('matches parsePatch(wholeFilePatch(content)): %s', (_name, content) => {
    const direct = parseWholeFile(content);
    const viaPatch = parsePatch(wholeFilePatch(content));
    expect(direct.addedText).toBe(viaPatch.addedText);
    expect(direct.addedCount).toBe(viaPatch.addedCount);
    expect(direct.added).toEqual(viaPatch.added);
    expect(direct.added.map((_, i) => direct.addedLineNumber(i))).toEqual(viaPatch.added.map((l) => l.line));
    expect([...direct.commentable.right]).toEqual([...viaPatch.commentable.right]);
    expect([...direct.commentable.left]).toEqual([...viaPatch.commentable.left]);
    expect(direct.hunks.map(plainHunk)).toEqual(viaPatch.hunks.map(plainHunk));
    expect(countLines(content)).toBe(viaPatch.addedCount);
  });

  it('patchOf: a file with content and no patch gets the patch its content stands for', () => {
    expect(patchOf({ path: 'a', status: 'added', additions: 2, deletions: 0, content: 'x\ny\n' })).toBe(
      '@@ -0,0 +1,2 @@\n+x\n+y',
    );
    expect(patchOf({ path: 'a', status: 'modified', additions: 1, deletions: 0, patch: '@@ -1 +1 @@\n+z' })).toBe(
      '@@ -1 +1 @@\n+z',
    );
    expect(patchOf({ path: 'a', status: 'modified', additions: 1, deletions: 0 })).toBeUndefined();
  });
});
