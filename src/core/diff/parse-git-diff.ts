import type { ChangedFile, FileStatus } from '../types.js';

/**
 * Parses the output of `git diff` (several files, with headers) into ChangedFile records whose `patch`
 * holds the hunks only, like GitHub's. Run git with `--no-color --no-ext-diff -M` for this format.
 */
export function parseGitDiff(output: string): ChangedFile[] {
  const files: ChangedFile[] = [];
  const sections = output.split(/^(?=diff --git )/m).filter((s) => s.startsWith('diff --git '));
  for (const section of sections) {
    const file = parseSection(section);
    if (file) files.push(file);
  }
  return files;
}

function parseSection(section: string): ChangedFile | undefined {
  const lines = section.split('\n');
  let oldPath: string | undefined;
  let newPath: string | undefined;
  let status: FileStatus = 'modified';
  let binary = false;
  let i = 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.startsWith('@@')) break;
    if (line.startsWith('new file mode')) status = 'added';
    else if (line.startsWith('deleted file mode')) status = 'removed';
    else if (line.startsWith('rename from ')) {
      oldPath = unquote(line.slice('rename from '.length));
      status = 'renamed';
    } else if (line.startsWith('rename to ')) newPath = unquote(line.slice('rename to '.length));
    else if (line.startsWith('copy from ')) {
      oldPath = unquote(line.slice('copy from '.length));
      status = 'copied';
    } else if (line.startsWith('copy to ')) newPath = unquote(line.slice('copy to '.length));
    else if (line.startsWith('--- ')) {
      const p = stripPrefix(unquote(line.slice(4)));
      if (p !== undefined) oldPath = p;
    } else if (line.startsWith('+++ ')) {
      const p = stripPrefix(unquote(line.slice(4)));
      if (p !== undefined) newPath = p;
    } else if (line.startsWith('Binary files ') || line.startsWith('GIT binary patch')) binary = true;
  }
  if (newPath === undefined || oldPath === undefined) {
    const fromHeader = pathsFromHeader(lines[0]!);
    oldPath ??= fromHeader?.[0];
    newPath ??= fromHeader?.[1];
  }
  const path = status === 'removed' ? (oldPath ?? newPath) : (newPath ?? oldPath);
  if (path === undefined) return undefined;
  const hunkLines = lines.slice(i);
  while (hunkLines.length > 0 && hunkLines[hunkLines.length - 1] === '') hunkLines.pop();
  let additions = 0;
  let deletions = 0;
  for (const l of hunkLines) {
    if (l.startsWith('+')) additions++;
    else if (l.startsWith('-')) deletions++;
  }
  const patch = hunkLines.length > 0 ? hunkLines.join('\n') : undefined;
  return {
    path,
    ...(status === 'renamed' || status === 'copied' ? { previousPath: oldPath } : {}),
    status,
    additions,
    deletions,
    ...(patch !== undefined ? { patch } : {}),
    ...(binary ? { binary } : {}),
  };
}

/** `a/x` → `x`; `/dev/null` → undefined. */
function stripPrefix(p: string): string | undefined {
  if (p === '/dev/null') return undefined;
  return p.replace(/^[ab]\//, '').replace(/\t$/, '');
}

/** The `diff --git a/x b/x` header, used when no ---/+++ lines exist (binary, mode-only, empty files). */
function pathsFromHeader(header: string): [string, string] | undefined {
  const rest = header.slice('diff --git '.length).replace(/\r$/, '');
  if (rest.startsWith('"')) {
    const m = /^("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*"|\S.*)$/.exec(rest);
    if (!m) return undefined;
    return [stripPrefix(unquote(m[1]!)) ?? '', stripPrefix(unquote(m[2]!)) ?? ''];
  }
  // Unquoted: both halves are the same length when the path did not change.
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3)) {
    const p = rest.slice(2, half);
    return [p, p];
  }
  const m = /^a\/(.*) b\/(.*)$/.exec(rest);
  return m ? [m[1]!, m[2]!] : undefined;
}

const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '"': 34, '\\': 92 };

/** Undoes git's C-style quoting of paths: `"a/caf\303\251.txt"` → `a/café.txt`. */
export function unquote(p: string): string {
  if (!p.startsWith('"') || !p.endsWith('"') || p.length < 2) return p;
  const bytes: number[] = [];
  const body = p.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
