import { describe, expect, it } from 'vitest';
import { parsePatch } from '../../src/core/diff/parse-patch.js';
import { parseWholeFile } from '../../src/core/diff/whole-file.js';
import { PatchFormatError, patchToChangedFiles } from '../../src/codex-session/apply-patch.js';

const CURRENT: Record<string, string> = {
  'src/app.ts': ['import x from "x";', '', 'export function main() {', '  run();', '  stop();', '}', ''].join('\n'),
  'src/old-name.ts': ['one', 'two', 'three', ''].join('\n'),
};
const read = async (p: string) => CURRENT[p];

const PATCH = [
  '*** Begin Patch',
  '*** Add File: src/new.ts',
  '+export const a = 1;',
  '+export const b = 2;',
  '*** Update File: src/app.ts',
  '@@ export function main() {',
  '   run();',
  '+  log("ran");',
  '-  stop();',
  '+  halt();',
  ' }',
  '*** Delete File: src/gone.ts',
  '*** Update File: src/old-name.ts',
  '*** Move to: src/new-name.ts',
  '@@',
  ' two',
  '-three',
  '+THREE',
  '*** End of File',
  '*** End Patch',
  '',
].join('\n');

function added(file: { content?: string; patch?: string }) {
  const parsed = file.content !== undefined ? parseWholeFile(file.content) : parsePatch(file.patch);
  return parsed.added.map((l) => [l.line, l.text]);
}

describe('patchToChangedFiles (Codex apply_patch)', () => {
  it('reads added, updated, deleted and moved files, with the new files’ line numbers', async () => {
    const files = await patchToChangedFiles(PATCH, read);
    expect(files.map((f) => [f.path, f.status, f.previousPath])).toEqual([
      ['src/new.ts', 'added', undefined],
      ['src/app.ts', 'modified', undefined],
      ['src/gone.ts', 'removed', undefined],
      ['src/new-name.ts', 'renamed', 'src/old-name.ts'],
    ]);
    expect(added(files[0]!)).toEqual([
      [1, 'export const a = 1;'],
      [2, 'export const b = 2;'],
    ]);
    // `run();` is line 4 of the current file: the added lines are 5 and 6 of the new one.
    expect(added(files[1]!)).toEqual([
      [5, '  log("ran");'],
      [6, '  halt();'],
    ]);
    expect(added(files[2]!)).toEqual([]);
    expect(added(files[3]!)).toEqual([[3, 'THREE']]);
    expect(files[1]).toMatchObject({ additions: 2, deletions: 1 });
  });

  it('numbers a chunk whose file it cannot read from where the previous chunk ended', async () => {
    const files = await patchToChangedFiles(
      '*** Begin Patch\n*** Update File: missing.ts\n@@\n context\n+added\n*** End Patch',
      read,
    );
    expect(added(files[0]!)).toEqual([[2, 'added']]);
  });

  it('refuses text that is not a patch', async () => {
    await expect(patchToChangedFiles('rm -rf /', read)).rejects.toBeInstanceOf(PatchFormatError);
  });
});
