import { parsePatch, parseWholeFile, type ParsedPatch } from '../core/diff/index.js';
import { parseGitDiff } from '../core/diff/parse-git-diff.js';
import type { FileFilter } from '../core/filter.js';
import type { ChangedFile, SkippedFile } from '../core/types.js';

/** A file that passed the filters, with its parsed diff. */
export interface ReviewFile {
  readonly file: ChangedFile;
  readonly parsed: ParsedPatch;
}

export interface PreparedFiles {
  readonly reviewed: ReviewFile[];
  /** Files left out, each with its reason: filters, binary, no diff available. */
  readonly skipped: SkippedFile[];
  /** How many patches came from the local git history because GitHub omitted them. */
  readonly recovered: number;
  /**
   * Files that are not reviewed but are scanned for secrets: the ones the filters leave out (bundles, lockfiles,
   * vendored code are where keys end up), and the ones whose omitted diff is read whole from the workspace.
   */
  readonly scanOnly: ReviewFile[];
  /** Changed files whose added lines could not be scanned for secrets at all, and why. */
  readonly unscanned: SkippedFile[];
}

/** Fetches a file's diff from local history when GitHub omitted it; undefined when the history is not there. */
export type PatchFallback = (file: ChangedFile) => Promise<string | undefined>;

/** Where the added lines of a file without a diff can still be read. */
export interface PatchSources {
  readonly fallback?: PatchFallback;
  /** Reads the checked-out version of a file (never through a link); undefined when it cannot. */
  readonly readWorkspaceFile?: (path: string) => Promise<string | undefined>;
}

/** Larger workspace files are listed as not scanned rather than read. */
const MAX_WORKSPACE_SCAN_BYTES = 5 * 1024 * 1024;

/**
 * Applies the filters and parses each diff. A file is either reviewed or listed as skipped with a reason:
 * nothing is dropped silently. Every changed file's added lines are scanned for secrets whatever the filters
 * say (`scanOnly`), or listed in `unscanned`.
 */
export async function prepareFiles(
  files: readonly ChangedFile[],
  filter: FileFilter,
  sources: PatchSources = {},
): Promise<PreparedFiles> {
  const out: PreparedFiles = { reviewed: [], skipped: [], recovered: 0, scanOnly: [], unscanned: [] };
  let recovered = 0;
  for (const file of files) {
    const excluded = filter.exclusion(file.path);
    if (file.status === 'removed') {
      // Nothing was added: there is nothing to scan, and nothing is lost.
      if (excluded) out.skipped.push({ path: file.path, ...excluded });
      else out.reviewed.push({ file, parsed: parsePatch(undefined) });
      continue;
    }
    if (file.binary) {
      out.skipped.push({ path: file.path, ...(excluded ?? { kind: 'binary', reason: 'binary file' }) });
      continue;
    }
    if (file.content !== undefined) {
      (excluded ? out.scanOnly : out.reviewed).push({ file, parsed: parseWholeFile(file.content) });
      if (excluded) out.skipped.push({ path: file.path, ...excluded });
      continue;
    }
    const found = await findPatch(file, sources);
    if (found.kind === 'patch') {
      if (found.recovered) recovered++;
      const withPatch = found.patch === file.patch ? file : { ...file, patch: found.patch };
      const entry = { file: withPatch, parsed: parsePatch(found.patch) };
      if (excluded) {
        out.scanOnly.push(entry);
        out.skipped.push({ path: file.path, ...excluded });
      } else out.reviewed.push(entry);
      continue;
    }
    out.skipped.push({ path: file.path, ...(excluded ?? { kind: 'no-diff', reason: found.reason }) });
    if (found.kind === 'whole-file') out.scanOnly.push({ file, parsed: parseWholeFile(found.content) });
    // Only removed lines: nothing was added, so nothing is left unscanned.
    else if (file.additions > 0) out.unscanned.push({ path: file.path, kind: 'no-diff', reason: found.reason });
  }
  return { ...out, recovered };
}

type FoundPatch =
  | { readonly kind: 'patch'; readonly patch: string | undefined; readonly recovered: boolean }
  | { readonly kind: 'whole-file'; readonly content: string; readonly reason: string }
  | { readonly kind: 'missing'; readonly reason: string };

/** GitHub's patch, else local git's, else the checked-out file read whole (scanned, not reviewed as a diff). */
async function findPatch(file: ChangedFile, sources: PatchSources): Promise<FoundPatch> {
  if (file.patch !== undefined || file.additions + file.deletions === 0) {
    return { kind: 'patch', patch: file.patch, recovered: false };
  }
  const fromGit = sources.fallback ? await sources.fallback(file) : undefined;
  if (fromGit !== undefined) return { kind: 'patch', patch: fromGit, recovered: true };
  const omitted =
    'GitHub omitted the diff (too large) and the base commit is not in the workspace; check out with fetch-depth: 0 to review it';
  if (file.additions === 0) return { kind: 'missing', reason: omitted };
  const content = sources.readWorkspaceFile ? await sources.readWorkspaceFile(file.path) : undefined;
  if (content === undefined || Buffer.byteLength(content, 'utf8') > MAX_WORKSPACE_SCAN_BYTES) {
    return { kind: 'missing', reason: `${omitted}; the file could not be read from the workspace either` };
  }
  return { kind: 'whole-file', content, reason: `${omitted}; its checked-out version was scanned whole for secrets` };
}

/** Builds a fallback that asks local git for one file's diff between base and head. */
export function gitPatchFallback(
  diff: (base: string, head: string, paths: readonly string[]) => Promise<string | undefined>,
  base: string,
  head: string,
): PatchFallback {
  return async (file) => {
    const paths = file.previousPath ? [file.previousPath, file.path] : [file.path];
    const out = await diff(base, head, paths);
    if (out === undefined) return undefined;
    const match = parseGitDiff(out).find((f) => f.path === file.path);
    return match?.patch;
  };
}
