import { describe, expect, it } from 'vitest';
import { createFileFilter } from '../../src/core/filter.js';
import type { ChangedFile } from '../../src/core/types.js';
import { prepareFiles } from '../../src/pipeline/prepare-files.js';

const filter = createFileFilter({ include: [], exclude: ['docs/**'] });
const file = (path: string, more: Partial<ChangedFile> = {}): ChangedFile => ({
  path,
  status: 'modified',
  additions: 1,
  deletions: 0,
  patch: '@@ -1 +1,2 @@\n a\n+b',
  ...more,
});
const omitted = (path: string): ChangedFile => file(path, { patch: undefined, additions: 4000, deletions: 3 });

describe('prepareFiles: the filters decide what is reviewed, never what is scanned', () => {
  it.each<[string, ChangedFile, { reviewed: number; scanOnly: number; unscanned: number }]>([
    ['a reviewed file', file('src/a.ts'), { reviewed: 1, scanOnly: 0, unscanned: 0 }],
    ['a user-excluded file', file('docs/a.md'), { reviewed: 0, scanOnly: 1, unscanned: 0 }],
    ['a built-in excluded bundle', file('dist/index.js'), { reviewed: 0, scanOnly: 1, unscanned: 0 }],
    ['a lockfile', file('package-lock.json'), { reviewed: 0, scanOnly: 1, unscanned: 0 }],
    [
      'a removed file',
      file('src/gone.ts', { status: 'removed', patch: undefined }),
      { reviewed: 1, scanOnly: 0, unscanned: 0 },
    ],
    [
      'a binary file',
      file('img/a.png', { patch: undefined, additions: 0, binary: true }),
      { reviewed: 0, scanOnly: 0, unscanned: 0 },
    ],
    ['an omitted diff nobody can read', omitted('src/big.ts'), { reviewed: 0, scanOnly: 0, unscanned: 1 }],
    [
      'an omitted diff with only removed lines',
      file('src/cut.ts', { patch: undefined, additions: 0, deletions: 9 }),
      { reviewed: 0, scanOnly: 0, unscanned: 0 },
    ],
  ])('%s', async (_name, changed, counts) => {
    const out = await prepareFiles([changed], filter);
    expect({ reviewed: out.reviewed.length, scanOnly: out.scanOnly.length, unscanned: out.unscanned.length }).toEqual(
      counts,
    );
  });

  it('an omitted diff: local git first, then the workspace file read whole', async () => {
    const fromGit = await prepareFiles([omitted('src/big.ts')], filter, { fallback: async () => '@@ -0,0 +1 @@\n+x' });
    expect(fromGit.reviewed.map((f) => f.parsed.addedText)).toEqual(['x']);
    expect(fromGit.recovered).toBe(1);

    const fromWorkspace = await prepareFiles([omitted('src/big.ts'), omitted('dist/big.js')], filter, {
      fallback: async () => undefined,
      readWorkspaceFile: async (p) => `// ${p}\nline two\n`,
    });
    expect(fromWorkspace.reviewed).toEqual([]);
    expect(fromWorkspace.scanOnly.map((f) => [f.file.path, f.parsed.addedText])).toEqual([
      ['src/big.ts', '// src/big.ts\nline two'],
      ['dist/big.js', '// dist/big.js\nline two'],
    ]);
    expect(fromWorkspace.skipped.map((s) => s.path)).toEqual(['src/big.ts', 'dist/big.js']);
    expect(fromWorkspace.unscanned).toEqual([]);
  });
});
