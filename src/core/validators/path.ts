import { posix } from 'node:path';
import { Minimatch, escape } from 'minimatch';
import type { PathAction } from './types.js';
import type { FindingDraft } from '../findings/finalize.js';
import type { FileStatus } from '../types.js';
import type { ValidatorContext, ValidatorOutput } from './types.js';

export interface PathTarget {
  readonly path: string;
  readonly status: FileStatus;
}

export interface PathValidatorInput {
  /** The files the hook sees (after its `paths`). */
  readonly files: readonly PathTarget[];
  /** Every reviewed file: where a companion may be found. Defaults to `files`. */
  readonly allFiles?: readonly PathTarget[];
  /** Sizes in bytes of the head versions, supplied by the engine; a missing entry means unknown. */
  readonly sizes?: ReadonlyMap<string, number>;
}

const PRESENT: ReadonlySet<FileStatus> = new Set(['added', 'modified', 'renamed', 'copied', 'changed']);

/** Forbidden paths, a maximum file size, and a companion file that must change too. */
export function runPathValidator(
  action: PathAction,
  input: PathValidatorInput,
  context: ValidatorContext,
): ValidatorOutput {
  const severity = action.severity ?? 'warning';
  const present = input.files.filter((f) => PRESENT.has(f.status));
  const findings: FindingDraft[] = [];
  const notes: string[] = [];
  const draft = (path: string, fallback: string, anchor: string): FindingDraft => ({
    ruleId: context.ruleId,
    category: 'path',
    severity,
    path,
    line: 0,
    message: action.message ?? fallback,
    anchor,
    source: context.source,
  });

  for (const glob of action.forbid ?? []) {
    const mm = new Minimatch(glob, { dot: true });
    for (const f of present.filter((p) => mm.match(p.path))) {
      findings.push(draft(f.path, `Changes to paths matching '${glob}' are not allowed`, `forbid ${glob}`));
    }
  }

  if (action.max_bytes !== undefined) {
    let unknown = 0;
    for (const f of present) {
      const size = input.sizes?.get(f.path);
      if (size === undefined) unknown++;
      else if (size > action.max_bytes) {
        findings.push(
          draft(
            f.path,
            `File is ${size} bytes, over the limit of ${action.max_bytes} bytes`,
            `max_bytes ${action.max_bytes}`,
          ),
        );
      }
    }
    if (unknown > 0)
      notes.push(
        `${context.ruleId}: the size of ${unknown} file${unknown === 1 ? ' is' : 's are'} unknown; max_bytes was not checked for ${unknown === 1 ? 'it' : 'them'}`,
      );
  }

  if (action.companion) {
    const when = new Minimatch(action.companion.when, { dot: true });
    const candidates = (input.allFiles ?? input.files).filter((f) => PRESENT.has(f.status));
    for (const f of present.filter((p) => when.match(p.path))) {
      const wanted = expandCompanion(action.companion.require, f.path);
      const mm = new Minimatch(wanted, { dot: true });
      if (candidates.some((c) => c.path !== f.path && mm.match(c.path))) continue;
      findings.push(
        draft(
          f.path,
          `${f.path} changed without a companion file matching '${wanted}'`,
          `companion ${action.companion.require}`,
        ),
      );
    }
  }
  return { findings, notes };
}

/**
 * `{name}` → the base name without its last extension, `{dir}` → the directory ('' at the root). Both are
 * escaped, so a file such as `app/[id]/page.tsx` does not turn into a glob class, and braces in a path the pull
 * request chose (`src/{a,b}/{a,b}…`) do not expand into thousands of patterns.
 */
export function expandCompanion(template: string, path: string): string {
  const dir = posix.dirname(path);
  const base = posix.basename(path);
  const dot = base.lastIndexOf('.');
  const name = dot > 0 ? base.slice(0, dot) : base;
  let out = template.replaceAll('{name}', escapeGlob(name));
  if (dir === '.') out = out.replaceAll('{dir}/', '').replaceAll('{dir}', '');
  else out = out.replaceAll('{dir}', escapeGlob(dir));
  return out;
}

/** minimatch's escape, plus braces: brace expansion runs before any other glob syntax. */
export function escapeGlob(text: string): string {
  return escape(text).replace(/[{}]/g, '\\$&');
}
