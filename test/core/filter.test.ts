import { describe, expect, it } from 'vitest';
import { checkGlob, createFileFilter, DEFAULT_EXCLUDES, splitGlobList } from '../../src/core/filter.js';

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
    ['dotfiles under a ** include', { include: ['**/*.yml'], exclude: [] }, '.github/workflows/ci.yml', undefined],
    ['dotfiles under a ** exclude', { include: [], exclude: ['**/*.yml'] }, '.github/ci.yml', "excluded by '**/*.yml'"],
    ['any one include glob is enough', { include: ['src/**', 'docs/**'], exclude: [] }, 'docs/a.md', undefined],
  ];
  it.each(cases)('%s', (_name, options, path, reason) => {
    const filter = createFileFilter(options);
    expect(filter.explain(path)).toBe(reason);
    expect(filter.matches(path)).toBe(reason === undefined);
  });
});

describe('splitGlobList', () => {
  it.each([
    ['src/**, test/**', ['src/**', 'test/**']],
    ['src/**\n\n  docs/**  \n', ['src/**', 'docs/**']],
    ['**/*.{ts,js}, a/**', ['**/*.{ts,js}', 'a/**']],
    ['', []],
    ['{a,{b,c},d}, e', ['{a,{b,c},d}', 'e']],
    ['a},b', ['a}', 'b']],
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
    expect(checkGlob('x'.repeat(1024))).toBeUndefined();
    expect(checkGlob('x'.repeat(1025))).toBe('it is longer than 1024 characters');
  });

  it("says why a glob does not compile in minimatch's words", () => {
    const braces = `**/*${Array.from({ length: 20 }, (_, i) => `{a${i},b${i}}`).join('')}`;
    expect(braces.length).toBeLessThan(1024);
    expect(checkGlob(braces)).toBe('pattern is too long');
  });
});

describe('the built-in excludes, one by one', () => {
  // One path per glob: each must be left out by exactly that glob, so none can be blanked unnoticed.
  const samples: [string, string][] = [
    ['**/package-lock.json', 'web/package-lock.json'],
    ['**/npm-shrinkwrap.json', 'npm-shrinkwrap.json'],
    ['**/yarn.lock', 'app/yarn.lock'],
    ['**/pnpm-lock.yaml', 'pnpm-lock.yaml'],
    ['**/bun.lockb', 'bun.lockb'],
    ['**/Cargo.lock', 'crates/x/Cargo.lock'],
    ['**/Gemfile.lock', 'Gemfile.lock'],
    ['**/composer.lock', 'php/composer.lock'],
    ['**/poetry.lock', 'poetry.lock'],
    ['**/Pipfile.lock', 'py/Pipfile.lock'],
    ['**/go.sum', 'go.sum'],
    ['**/*.min.js', 'public/app.min.js'],
    ['**/*.min.css', 'public/app.min.css'],
    ['**/*.map', 'public/app.js.map'],
    ['dist/**', 'dist/index.js'],
    ['**/vendor/**', 'lib/vendor/x.go'],
    ['**/node_modules/**', 'node_modules/a/index.js'],
    ['**/third_party/**', 'third_party/z.c'],
    ['**/*.{png,jpg,jpeg,gif,bmp,ico,webp,tiff,psd}', 'img/LOGO.PNG'],
    ['**/*.{woff,woff2,ttf,otf,eot}', 'fonts/a.woff2'],
    ['**/*.{zip,tar,gz,tgz,bz2,xz,zst,7z,rar,jar,war,iso}', 'out/a.tgz'],
    ['**/*.{pdf,mp3,mp4,mov,avi,wasm,exe,dll,so,dylib,class,pyc}', 'bin/a.wasm'],
  ];

  it('covers every built-in glob', () => {
    expect(samples.map(([glob]) => glob)).toEqual([...DEFAULT_EXCLUDES]);
  });

  it.each(samples)('%s leaves out %s', (glob, path) => {
    const filter = createFileFilter({ include: [], exclude: [] });
    expect(filter.explain(path)).toBe(`built-in exclude '${glob}'`);
    // Without that one glob, the path is reviewed: no other built-in glob covers it.
    const without = createFileFilter({
      include: [],
      exclude: [],
      defaultExcludes: DEFAULT_EXCLUDES.filter((g) => g !== glob),
    });
    expect(without.explain(path)).toBeUndefined();
  });

  it('keeps ordinary source files', () => {
    const filter = createFileFilter({ include: [], exclude: [] });
    for (const path of ['src/app.ts', 'distribution/a.ts', 'src/map.ts', 'README.md'])
      expect(filter.explain(path)).toBeUndefined();
  });
});

describe('FileFilter.exclusion', () => {
  it.each([
    ['lib/a.ts', 'not-included'],
    ['src/gen/a.ts', 'excluded'],
    ['src/logo.png', 'built-in-exclude'],
    ['src/a.ts', undefined],
  ])('%s → %s', (path, kind) => {
    const filter = createFileFilter({ include: ['src/**'], exclude: ['src/gen/**'] });
    expect(filter.exclusion(path)?.kind).toBe(kind);
    expect(filter.explain(path)).toBe(filter.exclusion(path)?.reason);
  });
});
