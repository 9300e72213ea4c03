/**
 * Why a user's pattern (a `pattern` hook or a custom secret rule) did not see all of a run's text. Callers decide by
 * `kind`; {@link describePatternLimit} is the one sentence for notes and warnings.
 */
export type PatternLimit =
  | {
      /** Lines longer than `maxLength`: a `pattern` hook tests their first `maxLength` characters (`cut`), a secret rule skips them (`skipped`). */
      readonly kind: 'long-lines';
      readonly subject: PatternSubject;
      readonly lines: number;
      readonly maxLength: number;
      readonly handling: 'cut' | 'skipped';
    }
  | {
      /** The pattern ran for its whole budget this run and was not run again: the check is incomplete. */
      readonly kind: 'time-budget';
      readonly subject: PatternSubject;
      readonly budgetMs: number;
      /** Added lines left unchecked, when the caller counts lines (a `pattern` hook does). */
      readonly unchecked?: number;
    };

/** Whose pattern: a `pattern` hook's rule id, or a custom secret rule's id. */
export interface PatternSubject {
  readonly type: 'pattern-hook' | 'secret-rule';
  readonly id: string;
}

/** The default time budget of one user pattern over one run (milliseconds). */
export const PATTERN_BUDGET_MS = 10_000;

export function describePatternLimit(limit: PatternLimit): string {
  const who = limit.subject.type === 'secret-rule' ? `secret rule '${limit.subject.id}'` : limit.subject.id;
  if (limit.kind === 'long-lines') {
    const one = limit.lines === 1;
    if (limit.handling === 'cut') {
      return `${who}: ${limit.lines} line${one ? ' was' : 's were'} longer than ${limit.maxLength} characters and checked only in ${one ? 'its' : 'their'} first ${limit.maxLength}`;
    }
    return `${who}: ${limit.lines} line${one ? ' was' : 's were'} longer than ${limit.maxLength} characters and not scanned by this rule`;
  }
  const budget = `${limit.budgetMs / 1000}s`;
  if (limit.subject.type === 'secret-rule') {
    return `${who}: the rule used its time budget (${budget}) and stopped; the secret scan is incomplete for it`;
  }
  return `${who}: the pattern used its time budget (${budget}); ${limit.unchecked ?? 0} added lines were not checked`;
}
