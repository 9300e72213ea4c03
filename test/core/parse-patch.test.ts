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
