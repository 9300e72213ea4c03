import type { Finding, Severity } from '../types.js';

/** One annotation of the Checks API (`output.annotations[]`). */
export interface CheckAnnotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly start_column?: number;
  readonly end_column?: number;
  readonly annotation_level: 'failure' | 'warning' | 'notice';
  readonly message: string;
  readonly title: string;
}

/** The Checks API accepts at most 50 annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50;

const LEVEL: Record<Severity, CheckAnnotation['annotation_level']> = {
  error: 'failure',
  warning: 'warning',
  notice: 'notice',
};

export function toAnnotation(f: Finding): CheckAnnotation {
  // A file-level finding (line 0) is pinned to line 1: the API needs a line.
  const start = Math.max(1, f.line);
  const end = Math.max(start, f.endLine);
  return {
    path: f.path,
    start_line: start,
    end_line: end,
    // Columns are only allowed on single-line annotations.
    ...(f.column !== undefined && start === end ? { start_column: f.column, end_column: f.column } : {}),
    annotation_level: LEVEL[f.severity],
    message: truncate(f.message, 64_000),
    title: truncate(f.title ? `${f.ruleId}: ${f.title}` : f.ruleId, 255),
  };
}

export function batchAnnotations(
  annotations: readonly CheckAnnotation[],
  size = ANNOTATIONS_PER_REQUEST,
): CheckAnnotation[][] {
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += size) batches.push(annotations.slice(i, i + size));
  return batches;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Escapes a value for a workflow command (`::error file=…::message`), as @actions/core does. */
export function escapeCommandData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property of a workflow command (`file=…`, `title=…`), where `:` and `,` are separators too. */
export function escapeCommandProperty(value: string): string {
  return escapeCommandData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub shows at most 10 error, 10 warning and 10 notice annotations of each step's workflow commands. */
export const WORKFLOW_ANNOTATIONS_PER_LEVEL = 10;

/**
 * The workflow-command annotations GitHub will show, most severe first (the input is sorted so): at most
 * `perLevel` of each level. `hidden` counts the rest, which only the job summary lists.
 */
export function selectWorkflowAnnotations(
  annotations: readonly CheckAnnotation[],
  perLevel = WORKFLOW_ANNOTATIONS_PER_LEVEL,
): { readonly shown: CheckAnnotation[]; readonly hidden: number } {
  const count: Record<CheckAnnotation['annotation_level'], number> = { failure: 0, warning: 0, notice: 0 };
  const shown = annotations.filter((a) => ++count[a.annotation_level] <= perLevel);
  return { shown, hidden: annotations.length - shown.length };
}
