import type { HooksConfig } from '../config/types.js';
import { createFindings, severityRank, type FindingDraft } from '../core/findings/finalize.js';
import type { FailOn, Finding } from '../core/types.js';
import { userRuleLimits } from '../core/secrets/index.js';
import { hooksFor, pathFilter, reportLimits, runHookActions } from './run-actions.js';
import { readBaseline, scanForSecrets, secretSettings, userRuleBudget, type SecretScanExtra } from './secret-scan.js';
import type { HookExecution, HookPorts, HookRunOptions, MemoryEntry, ReviewFile, SecretHit } from './types.js';

export interface PromptSubmittedResult {
  readonly findings: Finding[];
  readonly secrets: SecretHit[];
  readonly blocked: boolean;
  readonly blockedBy?: string;
  readonly memory: MemoryEntry[];
  readonly executions: HookExecution[];
  readonly notes: string[];
}

function reachesFailOn(drafts: readonly FindingDraft[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return drafts.some((d) => severityRank(d.severity) <= severityRank(failOn));
}

/**
 * Runs the prompt.submitted hooks: the built-in secret scan first, then each hook in file order on the
 * files its `paths` select. A hook that fails (a command not found, a timeout) is recorded and warned
 * about; it never stops the others.
 */
export async function runPromptSubmittedHooks(
  files: readonly ReviewFile[],
  options: HookRunOptions,
  extra: SecretScanExtra = {},
): Promise<PromptSubmittedResult> {
  const { config, ports } = options;
  const drafts: FindingDraft[] = [];
  const secrets: SecretHit[] = [];
  const memory: MemoryEntry[] = [];
  const executions: HookExecution[] = [];
  const notes: string[] = [];
  let blockedBy: string | undefined;
  const executedHooks = hooksFor(config, 'hook.executed');
  const record = (execution: HookExecution) => {
    executions.push(execution);
    if (execution.error !== undefined) ports.logger.warning(`Hook '${execution.hook}' failed: ${execution.error}`);
    // hook.executed hooks only log; the audit stage writes these records to their logger actions.
    if (executedHooks.length > 0)
      ports.logger.debug(`hook.executed: ${execution.hook} (${execution.findings} findings)`);
  };

  const scanned = await scanPromptSecrets(files, config, ports, extra);
  secrets.push(...scanned.secrets);
  drafts.push(...scanned.drafts);
  notes.push(...scanned.notes);
  // Secrets do not stop the whole request: `secret-action` withholds or redacts each file that has one.
  if (scanned.execution) record(scanned.execution);
  else notes.push('The built-in secret scan is turned off (secret-scan enabled: false)');

  const reviewed = new Map(files.map((f) => [f.file.path, f.parsed] as const));
  const sizes = new Map<string, number>();
  for (const f of files) if (f.size !== undefined) sizes.set(f.file.path, f.size);

  for (const hook of hooksFor(config, 'prompt.submitted')) {
    // A hook that only tunes the secret scan is recorded by the scan's own execution.
    if (hook.actions.every((a) => a.type === 'secret-scan')) continue;
    const started = ports.now().getTime();
    const inPaths = pathFilter(hook);
    const { hookDrafts, errors, blocking } = await runHookActions(hook, {
      mine: files.filter((f) => inPaths(f.file.path)),
      all: files,
      reviewed,
      sizes,
      options,
      memory,
      notes,
    });
    drafts.push(...hookDrafts);
    if (blocking && reachesFailOn(hookDrafts, options.failOn)) blockedBy ??= hook.name;
    record({
      hook: hook.name,
      event: 'prompt.submitted',
      findings: hookDrafts.length,
      durationMs: ports.now().getTime() - started,
      ...(errors.length > 0 ? { error: errors.join('; ') } : {}),
    });
  }

  return {
    findings: createFindings(drafts),
    secrets,
    blocked: blockedBy !== undefined,
    ...(blockedBy !== undefined ? { blockedBy } : {}),
    memory,
    executions,
    notes,
  };
}

/** The built-in secret scan of prompt.submitted over every file's added lines; no execution when it is off. */
async function scanPromptSecrets(
  files: readonly ReviewFile[],
  config: HooksConfig,
  ports: HookPorts,
  extra: SecretScanExtra,
): Promise<{ secrets: SecretHit[]; drafts: FindingDraft[]; execution?: HookExecution; notes: string[] }> {
  const scan = secretSettings(config, 'prompt.submitted');
  if (!scan.enabled) return { secrets: [], drafts: [], notes: [] };
  const baseline = await readBaseline(scan.baseline, ports);
  const started = ports.now().getTime();
  const budget = userRuleBudget(scan, ports);
  const found = scanForSecrets([...files, ...(extra.scanOnly ?? [])], extra.pullRequest, scan, baseline, budget);
  const execution: HookExecution = {
    hook: scan.hook,
    event: 'prompt.submitted',
    findings: found.drafts.length,
    durationMs: ports.now().getTime() - started,
  };
  return { ...found, execution, notes: reportLimits(budget ? userRuleLimits(budget) : [], ports.logger) };
}
