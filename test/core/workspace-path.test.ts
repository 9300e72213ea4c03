import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInWorkspace } from '../../src/core/workspace-path.js';
import { readInWorkspace, writeInWorkspace, WorkspacePathError } from '../../src/workspace-files.js';

describe('resolveInWorkspace', () => {
  const ws = path.resolve('/work/repo');
  it.each([
    ['codex-audit.jsonl', path.join(ws, 'codex-audit.jsonl')],
    ['logs/a b/é.jsonl', path.join(ws, 'logs/a b/é.jsonl')],
    ['./x/../y.txt', path.join(ws, 'y.txt')],
    ['../outside.txt', undefined],
    ['../../etc/passwd', undefined],
    ['/etc/passwd', undefined],
    ['/work/repo-evil/x', undefined],
  ])('%s', (file, expected) => {
    expect(resolveInWorkspace(ws, file)).toBe(expected);
  });
});

describe('writeInWorkspace and readInWorkspace refuse links the pull request may commit', () => {
  async function workspaceWithOutside() {
    const { mkdtemp, writeFile, symlink } = await import('node:fs/promises');
    const os = await import('node:os');
    const ws = await mkdtemp(path.join(os.tmpdir(), 'ws-'));
    const outside = await mkdtemp(path.join(os.tmpdir(), 'outside-'));
    await writeFile(path.join(outside, 'victim'), 'original');
    await symlink(path.join(outside, 'victim'), path.join(ws, 'file-link'));
    await symlink(outside, path.join(ws, 'dir-link'));
    return { ws, outside };
  }

  it.each([['file-link'], ['dir-link/victim'], ['dir-link/new/x.txt']])('refuses to write through %s', async (file) => {
    const { ws, outside } = await workspaceWithOutside();
    const { readFile, readdir } = await import('node:fs/promises');
    await expect(writeInWorkspace(ws, file, 'planted', { append: true })).rejects.toMatchObject({ kind: 'symlink' });
    await expect(writeInWorkspace(ws, file, 'planted')).rejects.toBeInstanceOf(WorkspacePathError);
    expect(await readFile(path.join(outside, 'victim'), 'utf8')).toBe('original');
    expect(await readdir(outside)).toEqual(['victim']);
  });

  it('refuses to read through a link, reads a real file, creates folders, appends and truncates', async () => {
    const { ws } = await workspaceWithOutside();
    expect(await readInWorkspace(ws, 'file-link')).toBeUndefined();
    expect(await readInWorkspace(ws, 'dir-link/victim')).toBeUndefined();
    expect(await readInWorkspace(ws, '../x')).toBeUndefined();
    const full = await writeInWorkspace(ws, 'a/b/c.txt', 'one\n', { append: true });
    expect(full).toBe(path.join(ws, 'a/b/c.txt'));
    await writeInWorkspace(ws, 'a/b/c.txt', 'two\n', { append: true });
    expect(await readInWorkspace(ws, 'a/b/c.txt')).toBe('one\ntwo\n');
    await writeInWorkspace(ws, 'a/b/c.txt', 'three\n');
    expect(await readInWorkspace(ws, 'a/b/c.txt')).toBe('three\n');
    await expect(writeInWorkspace(ws, 'a/b/c.txt/d', 'x')).rejects.toMatchObject({ kind: 'not-a-directory' });
  });
});
