import { describe, expect, it } from 'vitest';
import { parsePatch } from '../../src/core/diff/parse-patch.js';

describe('parsePatch', () => {
  it('numbers added lines in the new file across several hunks', () => {
    const patch = [
      '@@ -1,3 +1,4 @@',
      ' a',
      '+b',
      ' c',
      ' d',
      '@@ -10,2 +11,3 @@ function x() {',
      ' k',
      '-l',
      '+L1',
      '+L2',
    ].join('\n');
    const p = parsePatch(patch);
    expect(p.hunks).toHaveLength(2);
    expect(p.hunks[1]!.header).toBe('function x() {');
    expect(p.added).toEqual([
      { line: 2, text: 'b' },
      { line: 12, text: 'L1' },
      { line: 13, text: 'L2' },
    ]);
    expect([...p.commentable.right].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 11, 12, 13]);
    expect([...p.commentable.left].sort((a, b) => a - b)).toEqual([1, 2, 3, 10, 11]);
  });

  it.each([
    [
      'a trailing "No newline" marker',
      '@@ -1 +1 @@\n-old\n\\ No newline at end of file\n+new\n\\ No newline at end of file',
      [{ line: 1, text: 'new' }],
    ],
    ['CRLF line endings', '@@ -1,1 +1,2 @@\r\n ctx\r\n+added\r\n', [{ line: 2, text: 'added' }]],
    ['a hunk header without counts', '@@ -0,0 +1 @@\n+only', [{ line: 1, text: 'only' }]],
    [
      'file headers before the first hunk',
      'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -0,0 +1,1 @@\n+x',
      [{ line: 1, text: 'x' }],
    ],
    [
      'an added line that looks like a header',
      '@@ -0,0 +1,2 @@\n++++ b/not-a-header\n+--- a/nor-this',
      [
        { line: 1, text: '+++ b/not-a-header' },
        { line: 2, text: '--- a/nor-this' },
      ],
    ],
    ['unicode content', '@@ -0,0 +1,1 @@\n+const café = "日本語";', [{ line: 1, text: 'const café = "日本語";' }]],
  ])('handles %s', (_name, patch, added) => {
    expect(parsePatch(patch).added).toEqual(added);
  });

  it.each([
    ['undefined', undefined],
    ['an empty patch', ''],
    ['text with no hunk', 'Binary files a/x.png and b/x.png differ'],
  ])('yields nothing for %s', (_name, patch) => {
    const p = parsePatch(patch);
    expect(p.hunks).toEqual([]);
    expect(p.added).toEqual([]);
    expect(p.commentable.right.size).toBe(0);
  });

  it('keeps removed lines out of the RIGHT side', () => {
    const p = parsePatch('@@ -5,3 +5,1 @@\n-gone1\n-gone2\n kept');
    expect([...p.commentable.right]).toEqual([5]);
    expect([...p.commentable.left].sort()).toEqual([5, 6, 7]);
  });
});

describe('commentable lines', () => {
  it.each([
    ['one hunk', '@@ -1,2 +1,3 @@\n a\n+b\n c', [1, 2, 3], [1, 2]],
    ['a pure deletion', '@@ -4,2 +3,0 @@\n-x\n-y', [], [4, 5]],
    ['hunks out of order', '@@ -20,1 +21,1 @@\n z\n@@ -1,1 +1,2 @@\n a\n+b', [1, 2, 21], [1, 20]],
    ['adjacent hunks', '@@ -1,1 +1,1 @@\n a\n@@ -2,1 +2,1 @@\n b', [1, 2], [1, 2]],
  ])('are the lines of each hunk: %s', (_name, patch, right, left) => {
    const p = parsePatch(patch);
    expect([...p.commentable.right]).toEqual(right);
    expect([...p.commentable.left]).toEqual(left);
    expect(p.commentable.right.size).toBe(right.length);
    for (const n of [0, ...right, Math.max(0, ...right) + 1])
      expect(p.commentable.right.has(n)).toBe(right.includes(n));
  });
});

describe('addedText: the added lines joined, as the secret scanner reads them', () => {
  it.each([
    ['a new file', '@@ -0,0 +1,3 @@\n+a\n+\n+b', ['a', '', 'b'], [1, 2, 3]],
    ['a new file ending in a newline', '@@ -0,0 +1,2 @@\n+a\n+b\n', ['a', 'b'], [1, 2]],
    ['a `+` that starts the line text', '@@ -0,0 +1,2 @@\n++x\n++\n', ['+x', '+'], [1, 2]],
    ['CRLF', '@@ -0,0 +1,2 @@\r\n+a\r\n+b\r\n', ['a', 'b'], [1, 2]],
    ['a lone CR kept inside a line', '@@ -0,0 +1,1 @@\n+a\rb', ['a\rb'], [1]],
    ['context between added lines', '@@ -1,2 +1,4 @@\n+a\n x\n+b\n y', ['a', 'b'], [1, 3]],
    ['an editor-trimmed empty context line', '@@ -1,1 +1,3 @@\n+a\n\n+b', ['a', 'b'], [1, 3]],
    ['two hunks', '@@ -1,0 +1,1 @@\n+a\n@@ -9,0 +10,1 @@\n+b', ['a', 'b'], [1, 10]],
    ['a no-newline marker', '@@ -1 +1 @@\n-old\n+new\n\\ No newline at end of file', ['new'], [1]],
    ['removals only', '@@ -1,2 +0,0 @@\n-a\n-b', [], []],
  ])('%s', (_name, patch, texts, numbers) => {
    const p = parsePatch(patch);
    expect(p.added.map((l) => l.text)).toEqual(texts);
    expect(p.added.map((l) => l.line)).toEqual(numbers);
    expect(p.addedText).toBe(texts.join('\n'));
    expect(p.addedCount).toBe(texts.length);
    expect(numbers.map((_, i) => p.addedLineNumber(i))).toEqual(numbers);
  });

  it('hunk lines are the same whether asked for before or after the added lines', () => {
    const patch = '@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -10 +10 @@\n-x\n+y';
    const first = parsePatch(patch);
    const lines = first.hunks.map((h) => h.lines);
    const second = parsePatch(patch);
    void second.added;
    expect(second.hunks.map((h) => h.lines)).toEqual(lines);
    expect(lines[0]).toEqual([
      { kind: 'context', text: 'a', oldLine: 1, newLine: 1 },
      { kind: 'removed', text: 'b', oldLine: 2 },
      { kind: 'added', text: 'B', newLine: 2 },
      { kind: 'context', text: 'c', oldLine: 3, newLine: 3 },
    ]);
    expect(lines[1]).toEqual([
      { kind: 'removed', text: 'x', oldLine: 10 },
      { kind: 'added', text: 'y', newLine: 10 },
    ]);
  });
});

describe('hunks: header fields and lines', () => {
  it.each([
    ['counts and a header', '@@ -3,4 +5,6 @@ class A {\n a', [3, 4, 5, 6, 'class A {']],
    ['no counts (one line each)', '@@ -7 +9 @@\n a', [7, 1, 9, 1, '']],
    ['zero counts', '@@ -0,0 +1,2 @@\n+a\n+b', [0, 0, 1, 2, '']],
    ['a header right after the @@', '@@ -1,2 +1,2 @@fn()\n a', [1, 2, 1, 2, 'fn()']],
    ['counts of several digits', '@@ -10,12 +10,14 @@\n a', [10, 12, 10, 14, '']],
    ['a header holding U+2028', '@@ -1 +1,2 @@ f(\u2028)\n a\n+b', [1, 1, 1, 2, 'f(\u2028)']],
  ])('%s', (_name, patch, expected) => {
    const [h] = parsePatch(patch).hunks;
    expect([h!.oldStart, h!.oldLines, h!.newStart, h!.newLines, h!.header]).toEqual(expected);
  });

  it('a line starting with @@ that is not a header is no hunk, and a malformed header opens none', () => {
    expect(parsePatch('@@ not a header\n+x').hunks).toEqual([]);
    expect(parsePatch('@@ -a,1 +1 @@\n+x').added).toEqual([]);
    const p = parsePatch('@@ -1 +1 @@\n a\n@@x\n+b');
    expect(p.hunks).toHaveLength(1);
    expect(p.added).toEqual([{ line: 2, text: 'b' }]);
  });

  it('CRLF, an editor-trimmed empty line and a no-newline marker, as hunk lines', () => {
    const [h] = parsePatch('@@ -1,3 +1,3 @@\r\n a\r\n\r\n-b\r\n+B\r\n\\ No newline at end of file\r\n').hunks;
    expect(h!.lines).toEqual([
      { kind: 'context', text: 'a', oldLine: 1, newLine: 1 },
      { kind: 'context', text: '', oldLine: 2, newLine: 2 },
      { kind: 'removed', text: 'b', oldLine: 3 },
      { kind: 'added', text: 'B', newLine: 3 },
    ]);
    expect(h!.lines).toBe(h!.lines);
  });

  it('an unrecognised line inside a hunk moves no line number', () => {
    const p = parsePatch('@@ -1,2 +1,3 @@\n a\n?junk\n+b\n c');
    expect(p.added).toEqual([{ line: 2, text: 'b' }]);
    expect([...p.commentable.right]).toEqual([1, 2, 3]);
    expect(p.hunks[0]!.lines.map((l) => l.kind)).toEqual(['context', 'added', 'context']);
  });

  it('the added lines after a header holding U+2028 are read (a PR cannot hide a hunk from the scan)', () => {
    const p = parsePatch('@@ -5 +5,2 @@ s = "\u2028"\n x\n+hidden');
    expect(p.added).toEqual([{ line: 6, text: 'hidden' }]);
    expect(p.addedText).toBe('hidden');
  });

  it('added lines two context lines apart are joined without the context', () => {
    expect(parsePatch('@@ -1,2 +1,4 @@\n+a\n x\n y\n+b').addedText).toBe('a\nb');
  });

  it('added lines that are not adjacent, or in CRLF text, read the same as adjacent LF ones', () => {
    const apart = parsePatch('@@ -1,1 +1,3 @@\n+a\n x\n+b');
    expect(apart.addedText).toBe('a\nb');
    expect(apart.addedText).toBe(apart.addedText);
    const crlf = parsePatch('@@ -0,0 +1,2 @@\r\n+a\r\n+b');
    expect(crlf.addedText).toBe('a\nb');
    expect(crlf.added).toBe(crlf.added);
  });
});
