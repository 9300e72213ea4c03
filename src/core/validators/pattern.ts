import type { PatternAction } from './types.js';
import type { FindingDraft } from '../findings/finalize.js';
import type { AddedLine } from '../types.js';
import { describePatternLimit, type PatternLimit } from './pattern-limits.js';
import { MAX_TESTED_LINE_LENGTH } from './regex-guard.js';
import type { ValidatorContext, ValidatorOutput } from './types.js';

/** A time budget for one pattern over one run: a user pattern never holds the job for longer. */
export interface PatternBudget {
  /** Milliseconds (a clock the caller provides: the core reads no time of its own). */
  readonly now: () => number;
  readonly ms: number;
}

export { PATTERN_BUDGET_MS } from './pattern-limits.js';

export interface PatternTarget {
  readonly path: string;
  readonly added: readonly AddedLine[];
}

/**
 * A regex over added lines. `forbid`: each matching line is a finding at the match's column. `require`: a
 * file with added lines none of which match is one file-level finding (a pure rename or deletion is not).
 * The pattern was checked at load time; each line is tested on its first {@link MAX_TESTED_LINE_LENGTH}
 * characters so one enormous line cannot stall the job.
 */
export function runPatternValidator(
  action: PatternAction,
  targets: readonly PatternTarget[],
  context: ValidatorContext,
  budget?: PatternBudget,
): ValidatorOutput {
  const regex = new RegExp(action.pattern, (action.flags ?? '').replace(/[gy]/g, ''));
  const mode = action.mode ?? 'forbid';
  const severity = action.severity ?? 'warning';
  const findings: FindingDraft[] = [];
  let longLines = 0;
  let unchecked = 0;
  const deadline = budget ? budget.now() + budget.ms : Infinity;
  for (const target of targets) {
    let matched = false;
    for (const added of target.added) {
      // Checked between lines (a regex cannot be interrupted); past the budget, the rest is counted, not run.
      if (unchecked > 0 || (budget && budget.now() > deadline)) {
        unchecked++;
        continue;
      }
      let text = added.text;
      if (text.length > MAX_TESTED_LINE_LENGTH) {
        longLines++;
        text = text.slice(0, MAX_TESTED_LINE_LENGTH);
      }
      const m = regex.exec(text);
      if (!m) continue;
      matched = true;
      if (mode === 'require') break;
      findings.push({
        ruleId: context.ruleId,
        category: 'validator',
        severity,
        path: target.path,
        line: added.line,
        column: m.index + 1,
        message: describe(action, `Added line matches the forbidden pattern /${action.pattern}/`),
        anchor: text.trim(),
        source: context.source,
      });
    }
    if (mode === 'require' && !matched && target.added.length > 0 && unchecked === 0) {
      findings.push({
        ruleId: context.ruleId,
        category: 'validator',
        severity,
        path: target.path,
        line: 0,
        message: describe(action, `No added line matches the required pattern /${action.pattern}/`),
        anchor: `require ${action.pattern}`,
        source: context.source,
      });
    }
  }
  const subject = { type: 'pattern-hook', id: context.ruleId } as const;
  const limits: PatternLimit[] = [];
  if (longLines > 0) {
    limits.push({ kind: 'long-lines', subject, lines: longLines, maxLength: MAX_TESTED_LINE_LENGTH, handling: 'cut' });
  }
  if (unchecked > 0) limits.push({ kind: 'time-budget', subject, budgetMs: budget!.ms, unchecked });
  return { findings, notes: limits.map(describePatternLimit), limits };
}

function describe(action: { readonly message?: string; readonly fix?: string }, fallback: string): string {
  const message = action.message ?? fallback;
  return action.fix ? `${message} (fix: ${action.fix})` : message;
}
