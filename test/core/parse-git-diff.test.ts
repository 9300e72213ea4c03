import { describe, expect, it } from 'vitest';
import { parseGitDiff, unquote } from '../../src/core/diff/parse-git-diff.js';

describe('parseGitDiff', () => {
  it('parses modified, added, removed, renamed and binary files', () => {
    const out = [
      'diff --git a/src/a.ts b/src/a.ts',
      'index 1111111..2222222 100644',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -1,2 +1,2 @@',
      ' keep',
      '-old',
      '+new',
      'diff --git a/new file.txt b/new file.txt',
      'new file mode 100644',
      'index 0000000..3333333',
      '--- /dev/null',
      '+++ b/new file.txt',
      '@@ -0,0 +1 @@',
      '+hello',
      'diff --git a/gone.txt b/gone.txt',
      'deleted file mode 100644',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
      'diff --git a/old/name.ts b/new/name.ts',
      'similarity index 90%',
      'rename from old/name.ts',
      'rename to new/name.ts',
      '--- a/old/name.ts',
      '+++ b/new/name.ts',
      '@@ -3 +3 @@',
      '-x',
      '+y',
      'diff --git a/img.png b/img.png',
      'new file mode 100644',
      'index 0000000..4444444',
      'Binary files /dev/null and b/img.png differ',
      '',
    ].join('\n');
    const files = parseGitDiff(out);
    expect(files.map((f) => [f.path, f.status, f.additions, f.deletions])).toEqual([
      ['src/a.ts', 'modified', 1, 1],
      ['new file.txt', 'added', 1, 0],
      ['gone.txt', 'removed', 0, 1],
      ['new/name.ts', 'renamed', 1, 1],
      ['img.png', 'added', 0, 0],
    ]);
    expect(files[3]!.previousPath).toBe('old/name.ts');
    expect(files[4]!.binary).toBe(true);
    expect(files[4]!.patch).toBeUndefined();
    expect(files[0]!.patch).toBe('@@ -1,2 +1,2 @@\n keep\n-old\n+new');
  });

  it('decodes quoted unicode paths and paths with a leading dash', () => {
    const out = [
      'diff --git "a/caf\\303\\251 \\"q\\".txt" "b/caf\\303\\251 \\"q\\".txt"',
      'new file mode 100644',
      '--- /dev/null',
      '+++ "b/caf\\303\\251 \\"q\\".txt"',
      '@@ -0,0 +1 @@',
      '+x',
      'diff --git a/-rf b/-rf',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/-rf',
      '@@ -0,0 +1 @@',
      '+y',
    ].join('\n');
    expect(parseGitDiff(out).map((f) => f.path)).toEqual(['café "q".txt', '-rf']);
  });

  it('reads the path of an empty new file from the header', () => {
    const out = 'diff --git a/empty file b/empty file\nnew file mode 100644\nindex 0000000..e69de29\n';
    expect(parseGitDiff(out)).toEqual([{ path: 'empty file', status: 'added', additions: 0, deletions: 0 }]);
  });

  it.each([
    ['"a\\tb"', 'a\tb'],
    ['"\\346\\227\\245"', '日'],
    ['plain', 'plain'],
  ])('unquote(%s)', (input, expected) => {
    expect(unquote(input)).toBe(expected);
  });
});
