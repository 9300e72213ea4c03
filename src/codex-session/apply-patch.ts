import type { ChangedFile } from '../core/types.js';

/**
 * Codex's `apply_patch` format, read before Codex applies it:
 *
 *     *** Begin Patch
 *     *** Add File: path          every following `+` line is the new file
 *     *** Delete File: path
 *     *** Update File: path
 *     *** Move to: new/path       optional, right after Update File
 *     @@ optional context line    then ` ` context, `-` removed and `+` added lines
 *     *** End of File             optional
 *     *** End Patch
 *
 * Each file becomes a ChangedFile: an added file carries its whole `content`; an updated one a unified diff
 * whose line numbers are found, as Codex finds them, by locating each chunk's old lines in the current file.
 */

/** Reads a file of the working tree as it is now (before the patch), or undefined. */
export type ReadCurrentFile = (path: string) => Promise<string | undefined>;

export class PatchFormatError extends Error {
  override readonly name = 'PatchFormatError';
  readonly kind = 'bad-patch';
}

interface Chunk {
  readonly anchor?: string;
  readonly lines: { readonly kind: ' ' | '-' | '+'; readonly text: string }[];
}

interface FileOp {
  readonly kind: 'add' | 'delete' | 'update';
  readonly path: string;
  moveTo?: string;
  readonly added: string[];
  readonly chunks: Chunk[];
}

const HEADER = /^\*\*\* (Add File|Delete File|Update File): (.+)$/;

/** Splits a patch into file operations; throws PatchFormatError on text that is not a patch. */
export function parseApplyPatch(text: string): FileOp[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const start = lines.findIndex((l) => l.trim() === '*** Begin Patch');
  if (start < 0) throw new PatchFormatError("the patch does not start with '*** Begin Patch'");
  const ops: FileOp[] = [];
  let op: FileOp | undefined;
  let chunk: Chunk | undefined;
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '*** End Patch') break;
    const header = HEADER.exec(line);
    if (header) {
      const kind = header[1] === 'Add File' ? 'add' : header[1] === 'Delete File' ? 'delete' : 'update';
      op = { kind, path: header[2]!.trim(), added: [], chunks: [] };
      chunk = undefined;
      ops.push(op);
      continue;
    }
    if (!op) throw new PatchFormatError(`a patch line comes before any file header: '${line.slice(0, 60)}'`);
    if (op.kind === 'add') {
      if (line.startsWith('+')) op.added.push(line.slice(1));
      continue;
    }
    if (line.startsWith('*** Move to: ')) {
      op.moveTo = line.slice('*** Move to: '.length).trim();
      continue;
    }
    if (line.trim() === '*** End of File') continue;
    if (line.startsWith('@@')) {
      const anchor = line.slice(2).trim();
      chunk = { ...(anchor !== '' ? { anchor } : {}), lines: [] };
      op.chunks.push(chunk);
      continue;
    }
    if (!chunk) op.chunks.push((chunk = { lines: [] }));
    const marker = line[0];
    // Codex reads an empty line inside a chunk as an empty context line.
    if (marker === '+' || marker === '-' || marker === ' ') chunk.lines.push({ kind: marker, text: line.slice(1) });
    else if (line === '') chunk.lines.push({ kind: ' ', text: '' });
    else throw new PatchFormatError(`'${op.path}': a chunk line must start with ' ', '-' or '+'`);
  }
  return ops;
}

/** The files a patch changes, in the shapes the hooks engine reads. */
export async function patchToChangedFiles(text: string, read: ReadCurrentFile): Promise<ChangedFile[]> {
  const files: ChangedFile[] = [];
  for (const op of parseApplyPatch(text)) {
    const current = op.kind === 'update' ? await read(op.path) : undefined;
    files.push(toChangedFile(op, current));
  }
  return files;
}

function toChangedFile(op: FileOp, current: string | undefined): ChangedFile {
  if (op.kind === 'add') {
    return {
      path: op.path,
      status: 'added',
      additions: op.added.length,
      deletions: 0,
      content: op.added.length > 0 ? op.added.join('\n') + '\n' : '',
    };
  }
  if (op.kind === 'delete') return { path: op.path, status: 'removed', additions: 0, deletions: 0 };
  const { patch, additions, deletions } = unifiedDiff(op.chunks, current?.split('\n') ?? []);
  return {
    path: op.moveTo ?? op.path,
    ...(op.moveTo !== undefined ? { previousPath: op.path } : {}),
    status: op.moveTo !== undefined ? 'renamed' : 'modified',
    additions,
    deletions,
    ...(patch !== '' ? { patch } : {}),
  };
}

/**
 * The chunks as unified-diff hunks with real line numbers. A chunk whose old lines are not found in the
 * current file (a file Codex would refuse to patch) is numbered from where the previous one ended.
 */
function unifiedDiff(chunks: readonly Chunk[], current: readonly string[]) {
  let cursor = 0;
  let shift = 0;
  let additions = 0;
  let deletions = 0;
  const hunks: string[] = [];
  for (const chunk of chunks) {
    if (chunk.anchor !== undefined) {
      const at = seek(current, [chunk.anchor], cursor);
      if (at >= 0) cursor = at + 1;
    }
    const old = chunk.lines.filter((l) => l.kind !== '+').map((l) => l.text);
    const found = old.length > 0 ? seek(current, old, cursor) : -1;
    const oldStart = (found >= 0 ? found : cursor) + 1;
    const added = chunk.lines.filter((l) => l.kind === '+').length;
    const removed = chunk.lines.filter((l) => l.kind === '-').length;
    additions += added;
    deletions += removed;
    const oldCount = old.length;
    const newCount = oldCount - removed + added;
    const body = chunk.lines.map((l) => `${l.kind}${l.text}`).join('\n');
    hunks.push(`@@ -${oldStart},${oldCount} +${oldStart + shift},${newCount} @@\n${body}`);
    shift += newCount - oldCount;
    cursor = oldStart - 1 + oldCount;
  }
  return { patch: hunks.join('\n'), additions, deletions };
}

/** Where `needle` starts in `lines` at or after `from`: exact, then ignoring trailing, then all outer spaces. */
function seek(lines: readonly string[], needle: readonly string[], from: number): number {
  const tries: ((s: string) => string)[] = [(s) => s, (s) => s.trimEnd(), (s) => s.trim()];
  for (const norm of tries) {
    for (let i = from; i + needle.length <= lines.length; i++) {
      if (needle.every((n, k) => norm(lines[i + k]!) === norm(n))) return i;
    }
  }
  return -1;
}
