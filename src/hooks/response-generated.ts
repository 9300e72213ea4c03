import type { ValidatorContext } from '../core/validators/types.js';
import { runPatternValidator } from '../core/validators/pattern.js';
import { createFindings, type FindingDraft } from '../core/findings/finalize.js';
import { scanSecrets, userRuleLimits, type SecretMatch } from '../core/secrets/index.js';
import type { AddedLine, Finding, HookComment } from '../core/types.js';
import { describeError, hooksFor, pathFilter, reportLimits, ruleIdFor } from './run-actions.js';
import { secretDraft, secretSettings, userRuleBudget } from './secret-scan.js';
import type { HookExecution, HookRunOptions } from './types.js';

export interface ResponseGeneratedResult {
  readonly findings: Finding[];
  readonly secrets: { index: number; match: SecretMatch }[];
  readonly executions: HookExecution[];
  readonly notes: string[];
}

/**
 * Runs the response.generated hooks on the endpoint's comments: the built-in secret scan over bodies and
 * suggestions, then pattern actions over the same text. Findings sit at the comment's path and line.
 */
export async function runResponseGeneratedHooks(
  comments: readonly HookComment[],
  options: HookRunOptions,
): Promise<ResponseGeneratedResult> {
  const { config, ports } = options;
  const drafts: FindingDraft[] = [];
  const secrets: { index: number; match: SecretMatch }[] = [];
  const executions: HookExecution[] = [];
  const notes: string[] = [];
  scanCommentsForSecrets(comments, options, { drafts, secrets, executions, notes });

  for (const hook of hooksFor(config, 'response.generated')) {
    if (!hook.actions.some((a) => a.type === 'pattern')) continue; // nothing of its own to run on comments
    const started = ports.now().getTime();
    const inPaths = pathFilter(hook);
    let count = 0;
    const errors: string[] = [];
    for (const [index, action] of hook.actions.entries()) {
      if (action.type !== 'pattern') continue;
      if ((action.mode ?? 'forbid') === 'require') {
        notes.push(`${hook.name}: a require pattern does not apply to the endpoint's comments and was skipped`);
        continue;
      }
      try {
        const context: ValidatorContext = { ruleId: ruleIdFor(hook, index), source: hook.name };
        comments.forEach((c) => {
          if (!inPaths(c.path)) return;
          const out = runPatternValidator(action, [{ path: c.path, added: textOf(c) }], context);
          notes.push(...out.notes);
          for (const d of out.findings) {
            // The finding belongs at the comment's line; the anchor keeps the matched comment text.
            drafts.push({ ...d, line: c.line, endLine: c.line, message: `${d.message} (in the endpoint's comment)` });
            count++;
          }
        });
      } catch (error) {
        errors.push(`pattern action: ${describeError(error)}`);
      }
    }
    const execution: HookExecution = {
      hook: hook.name,
      event: 'response.generated',
      findings: count,
      durationMs: ports.now().getTime() - started,
      ...(errors.length > 0 ? { error: errors.join('; ') } : {}),
    };
    if (execution.error !== undefined) ports.logger.warning(`Hook '${hook.name}' failed: ${execution.error}`);
    executions.push(execution);
  }
  return { findings: createFindings(drafts), secrets, executions, notes };
}

/** A comment's body and suggestion as lines, for the scans. */
function textOf(c: HookComment): AddedLine[] {
  return [c.body, ...(c.suggestion !== undefined ? [c.suggestion] : [])]
    .join('\n')
    .split('\n')
    .map((text, i) => ({ line: i + 1, text }));
}

/** The built-in secret scan over the comments; the endpoint's own allow marker suppresses nothing. */
function scanCommentsForSecrets(
  comments: readonly HookComment[],
  { config, ports }: HookRunOptions,
  into: {
    drafts: FindingDraft[];
    secrets: { index: number; match: SecretMatch }[];
    executions: HookExecution[];
    notes: string[];
  },
): void {
  const scan = secretSettings(config, 'response.generated');
  if (!scan.enabled) return;
  const started = ports.now().getTime();
  let count = 0;
  const budget = userRuleBudget(scan, ports);
  const options = {
    allow: scan.allow,
    keepInlineAllowed: true,
    ...(scan.rules ? { rules: scan.rules } : {}),
    ...(budget ? { userRuleBudget: budget } : {}),
  };
  comments.forEach((c, index) => {
    if (scan.allowPaths.some((g) => g.match(c.path))) return;
    for (const match of scanSecrets(textOf(c), options)) {
      into.secrets.push({ index, match });
      into.drafts.push(secretDraft(c.path, c.line, match, scan.hook, " in the endpoint's comment"));
      count++;
    }
  });
  into.notes.push(...reportLimits(budget ? userRuleLimits(budget) : [], ports.logger));
  into.executions.push({
    hook: scan.hook,
    event: 'response.generated',
    findings: count,
    durationMs: ports.now().getTime() - started,
  });
}
