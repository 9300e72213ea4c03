import { describe, expect, it } from 'vitest';
import { parsePatch } from '../../src/core/diff/parse-patch.js';
import { indexDiffFiles, placeFinding, type DiffFile } from '../../src/core/findings/placement.js';
import type { ChangedFile, Finding } from '../../src/core/types.js';

function finding(path: string, line: number, endLine = line): Finding {
  return {
    ruleId: 'r',
    category: 'ai',
    severity: 'warning',
    path,
    line,
    endLine,
    message: 'm',
    fingerprint: 'f',
    source: 'codex',
  };
}

function diff(file: Partial<ChangedFile> & { path: string }): DiffFile {
  const f: ChangedFile = { status: 'modified', additions: 1, deletions: 1, ...file };
  return { file: f, parsed: parsePatch(f.patch) };
}

// Hunk 1: new lines 1–4 (1 context, 2 added, 3–4 context). Hunk 2: new lines 11–13 (11 context, 12–13 added),
// old line 11 deleted.
const TWO_HUNKS = [
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
const modified = diff({ path: 'src/a.ts', patch: TWO_HUNKS });

describe('placeFinding', () => {
  it.each([
    ['an added line', finding('src/a.ts', 2), { kind: 'inline', line: 2, exact: true }],
    ['a context line', finding('src/a.ts', 3), { kind: 'inline', line: 3, exact: true }],
    ['a line between hunks', finding('src/a.ts', 7), { kind: 'file', reason: 'line 7 is outside the diff' }],
    ['a line past the last hunk', finding('src/a.ts', 40), { kind: 'file' }],
    ['a range inside one hunk', finding('src/a.ts', 11, 13), { kind: 'inline', startLine: 11, line: 13, exact: true }],
    ['a range over context and added lines', finding('src/a.ts', 1, 4), { kind: 'inline', startLine: 1, line: 4 }],
    [
      'a range across hunks ending on a diff line: a single line on its end',
      finding('src/a.ts', 3, 12),
      { kind: 'inline', line: 12, exact: false },
    ],
    [
      'a range across hunks ending outside the diff: file level',
      finding('src/a.ts', 3, 8),
      { kind: 'file', reason: 'lines 3–8 are not inside one hunk of the diff' },
    ],
    ['a range that starts outside and ends inside', finding('src/a.ts', 9, 12), { kind: 'inline', line: 12 }],
    ['a whole-file finding (line 0)', finding('src/a.ts', 0), { kind: 'file' }],
  ])('%s', (_name, f, expected) => {
    const p = placeFinding(f, modified);
    expect(p).toMatchObject(expected);
    if (p.kind === 'inline' && !('startLine' in expected)) expect(p.startLine).toBeUndefined();
  });

  it('never places a deleted (old-side) line number that is not on the RIGHT side', () => {
    // Old line 11 ('l') was deleted; new line 11 is the context line 'k', so 11 is fine, but a finding on
    // a line that exists only on the LEFT side of a deletion-only hunk is not.
    const deletionOnly = diff({ path: 'src/d.ts', patch: '@@ -5,3 +5,1 @@\n keep\n-gone1\n-gone2' });
    expect(placeFinding(finding('src/d.ts', 5), deletionOnly)).toMatchObject({ kind: 'inline', line: 5 });
    expect(placeFinding(finding('src/d.ts', 6), deletionOnly)).toMatchObject({ kind: 'file' });
    expect(placeFinding(finding('src/d.ts', 5, 7), deletionOnly)).toMatchObject({ kind: 'file' });
  });

  it('puts anything on a deleted file at file level', () => {
    const removed = diff({ path: 'old.ts', status: 'removed', patch: '@@ -1,2 +0,0 @@\n-a\n-b' });
    expect(placeFinding(finding('old.ts', 1), removed)).toMatchObject({ kind: 'file', reason: 'the file is deleted' });
  });

  it('puts a file without a patch (binary, too large, pure rename) at file level', () => {
    const noPatch = diff({ path: 'big.sql', additions: 90000 });
    expect(placeFinding(finding('big.sql', 3), noPatch)).toMatchObject({
      kind: 'file',
      path: 'big.sql',
      reason: 'the file has no diff to comment on',
    });
  });

  it('sends a file outside the pull request to the summary', () => {
    expect(placeFinding(finding('elsewhere.ts', 3), undefined)).toEqual({
      kind: 'summary',
      reason: 'the file is not changed in this pull request',
    });
  });

  it('finds a renamed file by either name and comments on its new path', () => {
    const renamed = diff({
      path: 'src/new-name.ts',
      previousPath: 'src/old-name.ts',
      status: 'renamed',
      patch: '@@ -1,2 +1,2 @@\n a\n-b\n+B',
    });
    const lookup = indexDiffFiles([modified, renamed]);
    expect(lookup('src/new-name.ts')).toBe(renamed);
    expect(lookup('src/old-name.ts')).toBe(renamed);
    expect(lookup('src/a.ts')).toBe(modified);
    expect(lookup('nope.ts')).toBeUndefined();
    const f = finding('src/old-name.ts', 2);
    expect(placeFinding(f, lookup(f.path))).toMatchObject({ kind: 'inline', path: 'src/new-name.ts', line: 2 });
    // A pure rename has no patch: file level.
    const pure = diff({ path: 'n.ts', previousPath: 'o.ts', status: 'renamed', additions: 0, deletions: 0 });
    expect(placeFinding(finding('n.ts', 1), pure)).toMatchObject({ kind: 'file' });
  });

  it('reads hunk ranges from the lines, not a header a truncated patch overstates', () => {
    const truncated = diff({ path: 't.ts', patch: '@@ -1,2 +1,50 @@\n a\n+b\n+c' });
    expect(placeFinding(finding('t.ts', 1, 3), truncated)).toMatchObject({ kind: 'inline', startLine: 1, line: 3 });
    expect(placeFinding(finding('t.ts', 1, 10), truncated)).toMatchObject({ kind: 'file' });
  });

  it.each([
    ['one line', finding('src/a.ts', 2), { kind: 'inline', path: 'src/a.ts', line: 2, side: 'RIGHT', exact: true }],
    [
      'a range in one hunk',
      finding('src/a.ts', 11, 13),
      { kind: 'inline', path: 'src/a.ts', startLine: 11, line: 13, side: 'RIGHT', exact: true },
    ],
    [
      'a range ending on a diff line',
      finding('src/a.ts', 3, 12),
      { kind: 'inline', path: 'src/a.ts', line: 12, side: 'RIGHT', exact: false },
    ],
    [
      'line 0',
      finding('src/a.ts', 0),
      { kind: 'file', path: 'src/a.ts', reason: 'the finding is about the whole file' },
    ],
  ])('places %s exactly so', (_name, f, expected) => {
    expect(placeFinding(f, modified)).toEqual(expected);
  });

  it('a hunk that opens with deleted lines still holds a range of its new lines', () => {
    const opensWithDeletion = diff({ path: 'x.ts', patch: '@@ -1,4 +1,3 @@\n-gone\n a\n+b\n c' });
    expect(placeFinding(finding('x.ts', 1, 3), opensWithDeletion)).toEqual({
      kind: 'inline',
      path: 'x.ts',
      startLine: 1,
      line: 3,
      side: 'RIGHT',
      exact: true,
    });
  });
});

describe('indexDiffFiles', () => {
  it("a file's own path wins over another file's old name (a.ts renamed away, a new a.ts added)", () => {
    const moved = diff({ path: 'b.ts', previousPath: 'a.ts', status: 'renamed', patch: '@@ -1 +1 @@\n-x\n+y' });
    const added = diff({ path: 'a.ts', status: 'added', patch: '@@ -0,0 +1 @@\n+z' });
    for (const order of [
      [moved, added],
      [added, moved],
    ]) {
      const lookup = indexDiffFiles(order);
      expect(lookup('a.ts')).toBe(added);
      expect(lookup('b.ts')).toBe(moved);
    }
  });

  it('a file without an old name adds no entry under an empty name', () => {
    expect(indexDiffFiles([diff({ path: 'a.ts', previousPath: '' })])('')).toBeUndefined();
  });
});
