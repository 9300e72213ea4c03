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
}

/** Fetches a file's diff from local history when GitHub omitted it; undefined when the history is not there. */
export type PatchFallback = (file: ChangedFile) => Promise<string | undefined>;

/**
 * Applies the filters and parses each diff. A file is either reviewed or listed as skipped with a reason:
 * nothing is dropped silently.
 */
export async function prepareFiles(
  files: readonly ChangedFile[],
  filter: FileFilter,
  fallback?: PatchFallback,
): Promise<PreparedFiles> {
  const reviewed: ReviewFile[] = [];
  const skipped: SkippedFile[] = [];
  let recovered = 0;
  for (const file of files) {
    const excluded = filter.exclusion(file.path);
    if (excluded) {
      skipped.push({ path: file.path, ...excluded });
      continue;
    }
    if (file.status === 'removed') {
      // Nothing was added: there is nothing to scan, and nothing is lost.
      reviewed.push({ file, parsed: parsePatch(undefined) });
      continue;
    }
    if (file.binary) {
      skipped.push({ path: file.path, kind: 'binary', reason: 'binary file' });
      continue;
    }
    if (file.content !== undefined) {
      reviewed.push({ file, parsed: parseWholeFile(file.content) });
      continue;
    }
    let patch = file.patch;
    if (patch === undefined && file.additions + file.deletions > 0) {
      patch = fallback ? await fallback(file) : undefined;
      if (patch === undefined) {
        skipped.push({
          path: file.path,
          kind: 'no-diff',
          reason:
            'GitHub omitted the diff (too large) and the base commit is not in the workspace; check out with fetch-depth: 0 to review it',
        });
        continue;
      }
      recovered++;
    }
    const withPatch = patch === file.patch ? file : { ...file, patch };
    reviewed.push({ file: withPatch, parsed: parsePatch(patch) });
  }
  return { reviewed, skipped, recovered };
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
