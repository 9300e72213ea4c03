import type { SkipKind } from './types.js';
import { Minimatch } from 'minimatch';

/**
 * Files nobody wants reviewed: generated, vendored or binary. Listed in the README; `include` cannot re-add
 * them, but an `exclude` of `!pattern` is not supported either — keep it simple and predictable.
 */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/bun.lockb',
  '**/Cargo.lock',
  '**/Gemfile.lock',
  '**/composer.lock',
  '**/poetry.lock',
  '**/Pipfile.lock',
  '**/go.sum',
  '**/*.min.js',
  '**/*.min.css',
  '**/*.map',
  'dist/**',
  '**/vendor/**',
  '**/node_modules/**',
  '**/third_party/**',
  '**/*.{png,jpg,jpeg,gif,bmp,ico,webp,tiff,psd}',
  '**/*.{woff,woff2,ttf,otf,eot}',
  '**/*.{zip,tar,gz,tgz,bz2,xz,zst,7z,rar,jar,war,iso}',
  '**/*.{pdf,mp3,mp4,mov,avi,wasm,exe,dll,so,dylib,class,pyc}',
];

export interface FileFilter {
  /** Why the path is left out, or undefined when it is reviewed. */
  exclusion(path: string): { readonly kind: SkipKind; readonly reason: string } | undefined;
  /** The reason alone. */
  explain(path: string): string | undefined;
  matches(path: string): boolean;
}

export interface FileFilterOptions {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly defaultExcludes?: readonly string[];
}

/** Splits a newline- or comma-separated input into globs, dropping blanks. Braces keep their commas. */
export function splitGlobList(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of value) {
    if (ch === '{') depth++;
    if (ch === '}') depth = Math.max(0, depth - 1);
    if ((ch === ',' && depth === 0) || ch === '\n') {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Checks a glob compiles; returns a reason when it cannot. */
export function checkGlob(pattern: string): string | undefined {
  try {
    if (pattern.length > 1024) return 'it is longer than 1024 characters';
    if (pattern.startsWith('!')) return 'negated globs are not supported: list the path under exclude instead';
    if (pattern.startsWith('#')) return 'a glob cannot start with #';
    new Minimatch(pattern, { dot: true });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function createFileFilter(options: FileFilterOptions): FileFilter {
  const compile = (globs: readonly string[], nocase = false) =>
    globs.map((g) => ({ glob: g, mm: new Minimatch(g, { dot: true, nocase }) }));
  const include = compile(options.include.length > 0 ? options.include : ['**']);
  const exclude = compile(options.exclude);
  // Built-in excludes ignore case: `logo.PNG` is as binary as `logo.png`. The user's globs keep theirs.
  const builtIn = compile(options.defaultExcludes ?? DEFAULT_EXCLUDES, true);
  const test = (entry: { mm: Minimatch }, path: string) => entry.mm.match(path);
  const exclusion = (path: string): { kind: SkipKind; reason: string } | undefined => {
    if (!include.some((e) => test(e, path))) return { kind: 'not-included', reason: 'not matched by include' };
    const ex = exclude.find((e) => test(e, path));
    if (ex) return { kind: 'excluded', reason: `excluded by '${ex.glob}'` };
    const bi = builtIn.find((e) => test(e, path));
    if (bi) return { kind: 'built-in-exclude', reason: `built-in exclude '${bi.glob}'` };
    return undefined;
  };
  return {
    exclusion,
    explain: (path) => exclusion(path)?.reason,
    matches: (path) => exclusion(path) === undefined,
  };
}
