import { describe, expect, it } from 'vitest';
import { checkGlob, createFileFilter, splitGlobList } from '../../src/core/filter.js';

describe('createFileFilter', () => {
  const cases: [string, { include: string[]; exclude: string[] }, string, string | undefined][] = [
    ['everything by default', { include: [], exclude: [] }, 'src/a.ts', undefined],
    ['dotfiles with dot: true', { include: ['.github/**'], exclude: [] }, '.github/workflows/ci.yml', undefined],
    ['paths outside include', { include: ['src/**'], exclude: [] }, 'docs/a.md', 'not matched by include'],
    ['user excludes', { include: [], exclude: ['**/*.test.ts'] }, 'src/a.test.ts', "excluded by '**/*.test.ts'"],
    [
      'lockfiles anywhere',
      { include: [], exclude: [] },
      'packages/x/package-lock.json',
      "built-in exclude '**/package-lock.json'",
    ],
    ['minified files', { include: [], exclude: [] }, 'public/app.min.js', "built-in exclude '**/*.min.js'"],
    ['dist/ at the root', { include: [], exclude: [] }, 'dist/index.js', "built-in exclude 'dist/**'"],
    ['vendored folders', { include: [], exclude: [] }, 'a/vendor/lib.go', "built-in exclude '**/vendor/**'"],
    [
      'images',
      { include: [], exclude: [] },
      'assets/logo.png',
      "built-in exclude '**/*.{png,jpg,jpeg,gif,bmp,ico,webp,tiff,psd}'",
    ],
    [
      'images with an upper-case extension',
      { include: [], exclude: [] },
      'assets/logo.PNG',
      "built-in exclude '**/*.{png,jpg,jpeg,gif,bmp,ico,webp,tiff,psd}'",
    ],
    [
      'archives in mixed case',
      { include: [], exclude: [] },
      'release/App.Zip',
      "built-in exclude '**/*.{zip,tar,gz,tgz,bz2,xz,zst,7z,rar,jar,war,iso}'",
    ],
    ['user globs keep their case', { include: [], exclude: ['**/*.md'] }, 'README.MD', undefined],
    ['paths with spaces and unicode', { include: ['docs/**'], exclude: [] }, 'docs/ré sumé.md', undefined],
    ['brace globs', { include: ['**/*.{ts,tsx}'], exclude: [] }, 'web/App.tsx', undefined],
  ];
  it.each(cases)('%s', (_name, options, path, reason) => {
    expect(createFileFilter(options).explain(path)).toBe(reason);
  });
});

describe('splitGlobList', () => {
  it.each([
    ['src/**, test/**', ['src/**', 'test/**']],
    ['src/**\n\n  docs/**  \n', ['src/**', 'docs/**']],
    ['**/*.{ts,js}, a/**', ['**/*.{ts,js}', 'a/**']],
    ['', []],
  ])('%j', (input, expected) => {
    expect(splitGlobList(input)).toEqual(expected);
  });
});

describe('checkGlob', () => {
  it('refuses negation and comments, accepts ordinary globs', () => {
    expect(checkGlob('!src/**')).toMatch(/negated/);
    expect(checkGlob('#x')).toMatch(/#/);
    expect(checkGlob('x'.repeat(2000))).toMatch(/longer than/);
    expect(checkGlob('src/**/*.ts')).toBeUndefined();
  });
});
