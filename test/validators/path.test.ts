import { describe, expect, it } from 'vitest';
import type { PathAction } from '../../src/config/types.js';
import { expandCompanion, runPathValidator } from '../../src/core/validators/path.js';
import type { FileStatus } from '../../src/core/types.js';

const context = { ruleId: 'paths', source: 'paths' };
const f = (path: string, status: FileStatus = 'modified') => ({ path, status });

describe('runPathValidator', () => {
  it('forbid: added, modified and renamed files matching a glob are findings at line 0; removed ones are not', () => {
    const action: PathAction = { type: 'path', forbid: ['.github/workflows/**', 'secrets/*'] };
    const files = [
      f('.github/workflows/ci.yml'),
      f('secrets/new.txt', 'added'),
      f('secrets/old.txt', 'removed'),
      f('secrets/moved.txt', 'renamed'),
      f('src/a.ts'),
    ];
    const { findings } = runPathValidator(action, { files }, context);
    expect(findings.map((d) => [d.path, d.line, d.category, d.severity, d.message])).toEqual([
      [
        '.github/workflows/ci.yml',
        0,
        'path',
        'warning',
        "Changes to paths matching '.github/workflows/**' are not allowed",
      ],
      ['secrets/new.txt', 0, 'path', 'warning', "Changes to paths matching 'secrets/*' are not allowed"],
      ['secrets/moved.txt', 0, 'path', 'warning', "Changes to paths matching 'secrets/*' are not allowed"],
    ]);
  });

  it('max_bytes: uses the sizes the engine supplies and notes the files whose size is unknown', () => {
    const action: PathAction = { type: 'path', max_bytes: 1000, severity: 'error' };
    const sizes = new Map([
      ['big.bin', 5000],
      ['small.txt', 1000],
    ]);
    const { findings, notes } = runPathValidator(
      action,
      { files: [f('big.bin', 'added'), f('small.txt'), f('unknown.txt')], sizes },
      context,
    );
    expect(findings.map((d) => [d.path, d.severity, d.message])).toEqual([
      ['big.bin', 'error', 'File is 5000 bytes, over the limit of 1000 bytes'],
    ]);
    expect(notes).toEqual(['paths: the size of 1 file is unknown; max_bytes was not checked for it']);
  });

  it('companion: a source file needs a changed test file named after it', () => {
    const action: PathAction = {
      type: 'path',
      companion: { when: 'src/**/*.ts', require: 'test/**/{name}.test.ts' },
      message: 'Add a test',
    };
    const files = [f('src/a.ts'), f('src/lib/b.ts'), f('src/c.ts')];
    const allFiles = [...files, f('test/a.test.ts'), f('test/c.test.ts', 'removed')];
    const { findings } = runPathValidator(action, { files, allFiles }, context);
    expect(findings.map((d) => [d.path, d.message])).toEqual([
      ['src/lib/b.ts', 'Add a test'],
      ['src/c.ts', 'Add a test'],
    ]);
  });

  it('companion with {dir}: the default message names the expanded glob', () => {
    const action: PathAction = {
      type: 'path',
      companion: { when: '**/!(*_test).go', require: '{dir}/{name}_test.go' },
    };
    const { findings } = runPathValidator(
      action,
      { files: [f('pkg/x.go'), f('pkg/x_test.go'), f('main.go')] },
      context,
    );
    expect(findings.map((d) => d.message)).toEqual([
      "main.go changed without a companion file matching 'main_test.go'",
    ]);
  });

  it.each([
    ['test/**/{name}.test.ts', 'src/a.ts', 'test/**/a.test.ts'],
    ['{dir}/{name}.spec.ts', 'src/lib/x.service.ts', 'src/lib/x.service.spec.ts'],
    ['{dir}/{name}_test.go', 'main.go', 'main_test.go'],
    ['{dir}/{name}.test.tsx', 'app/[id]/page.tsx', 'app/\\[id\\]/page.test.tsx'],
    ['docs/{name}.md', 'Makefile', 'docs/Makefile.md'],
  ])('expands %s for %s', (template, path, expected) => {
    expect(expandCompanion(template, path)).toBe(expected);
  });
});
