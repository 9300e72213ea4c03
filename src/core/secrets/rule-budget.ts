import type { PatternLimit } from '../validators/pattern-limits.js';
import { PATTERN_BUDGET_MS } from '../validators/pattern-limits.js';
import { MAX_TESTED_LINE_LENGTH } from '../validators/regex-guard.js';

/**
 * One run's limits on the config's own secret rules (`SecretRule.userPattern`), shared by every scan of the run: a
 * line longer than `maxLineLength` is never given to such a rule, and a rule that has run for `ms` in total is not
 * run again. The scanner adds to `spent`, `longLines` and `exhausted`; {@link userRuleLimits} reports them.
 */
export interface UserRuleBudget {
  /** Milliseconds (a clock the caller provides: the core reads no time of its own). */
  readonly now: () => number;
  readonly ms: number;
  readonly maxLineLength: number;
  /** Per rule id: milliseconds it has run this run. */
  readonly spent: Map<string, number>;
  /** Per rule id: lines it skipped for their length. */
  readonly longLines: Map<string, number>;
  /** Rule ids that used their budget, in the order they did. */
  readonly exhausted: Set<string>;
}

export function createUserRuleBudget(
  now: () => number,
  ms = PATTERN_BUDGET_MS,
  maxLineLength = MAX_TESTED_LINE_LENGTH,
): UserRuleBudget {
  return { now, ms, maxLineLength, spent: new Map(), longLines: new Map(), exhausted: new Set() };
}

/** What the run's custom secret rules did not see, by rule id: long lines first, then spent budgets. */
export function userRuleLimits(budget: UserRuleBudget): PatternLimit[] {
  const subject = (id: string) => ({ type: 'secret-rule', id }) as const;
  const limits: PatternLimit[] = [...budget.longLines].map(([id, lines]) => ({
    kind: 'long-lines',
    subject: subject(id),
    lines,
    maxLength: budget.maxLineLength,
    handling: 'skipped',
  }));
  for (const id of budget.exhausted) limits.push({ kind: 'time-budget', subject: subject(id), budgetMs: budget.ms });
  return limits;
}
