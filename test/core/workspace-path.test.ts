import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInWorkspace } from '../../src/core/workspace-path.js';

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
