import { Minimatch } from 'minimatch';
import type { HookAction, HookDefinition, HookEvent, HooksConfig } from '../config/types.js';
import type { ParsedPatch } from '../core/diff/index.js';
import { patchOf } from '../core/diff/whole-file.js';
import type { FindingDraft } from '../core/findings/finalize.js';
import { toCommandFindings } from '../core/validators/command-output.js';
import { planScript, promptSubmittedEvent, toScriptFindings } from '../core/validators/script.js';
import { runPathValidator } from '../core/validators/path.js';
import { PATTERN_BUDGET_MS, runPatternValidator } from '../core/validators/pattern.js';
import { describePatternLimit, type PatternLimit } from '../core/validators/pattern-limits.js';
import type { ScriptValidatorAction, ValidatorContext, ValidatorOutput } from '../core/validators/types.js';
import type { Logger } from '../logger.js';
import type { HookRunOptions, MemoryEntry, ReviewFile } from './types.js';

/*
 * Shared by every event: which hooks an event runs and on which files, and each action of a hook handed to
 * its validator (pattern, path, command, validator script, memory).
 */

const DEFAULT_MEMORY_BYTES = 16_000;
const DEFAULT_TIMEOUT_SECONDS = 60;

export function hooksFor(config: HooksConfig, event: HookEvent): HookDefinition[] {
  return config.hooks.filter((h) => h.events.includes(event));
}

export function ruleIdFor(hook: HookDefinition, index: number): string {
  return hook.actions.length === 1 ? hook.name : `${hook.name}/${index + 1}`;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function pathFilter(hook: HookDefinition): (path: string) => boolean {
  if (!hook.paths || hook.paths.length === 0) return () => true;
  const globs = hook.paths.map((g) => new Minimatch(g, { dot: true }));
  return (path) => globs.some((g) => g.match(path));
}

/** One prompt.submitted hook's actions in order; a failing action is an error of the hook, not a stop. */
export async function runHookActions(
  hook: HookDefinition,
  input: Omit<ActionInput, 'hook' | 'context'>,
): Promise<{ hookDrafts: FindingDraft[]; errors: string[]; blocking: boolean }> {
  const hookDrafts: FindingDraft[] = [];
  const errors: string[] = [];
  let blocking = hook.block === true;
  for (const [index, action] of hook.actions.entries()) {
    const context: ValidatorContext = { ruleId: ruleIdFor(hook, index), source: hook.name };
    try {
      const out = await runAction(action, { ...input, hook, context });
      hookDrafts.push(...out.findings);
      input.notes.push(...out.notes);
      reportLimits(out.limits ?? [], input.options.ports.logger);
      if (out.error !== undefined) errors.push(out.error);
      if (out.blocks) blocking = true;
    } catch (error) {
      errors.push(`${action.type} action: ${describeError(error)}`);
    }
  }
  return { hookDrafts, errors, blocking };
}

interface ActionInput {
  readonly hook: HookDefinition;
  readonly mine: readonly ReviewFile[];
  readonly all: readonly ReviewFile[];
  readonly reviewed: ReadonlyMap<string, ParsedPatch>;
  readonly sizes: ReadonlyMap<string, number>;
  readonly context: ValidatorContext;
  readonly options: HookRunOptions;
  readonly memory: MemoryEntry[];
  readonly notes: string[];
}

const NONE: ValidatorOutput = { findings: [], notes: [] };

/** `blocks`: the action stops the request whatever the hook's `block` says (a failed validator script). */
type ActionOutput = ValidatorOutput & { readonly error?: string; readonly blocks?: boolean };

async function runAction(action: HookAction, input: ActionInput): Promise<ActionOutput> {
  const { mine, context } = input;
  const present = mine.filter((f) => f.file.status !== 'removed');
  switch (action.type) {
    case 'pattern':
      return runPatternValidator(
        action,
        present.map((f) => ({ path: f.file.path, added: f.parsed.added })),
        context,
        { now: () => input.options.ports.now().getTime(), ms: PATTERN_BUDGET_MS },
      );
    case 'path': {
      const target = (f: ReviewFile) => ({ path: f.file.path, status: f.file.status });
      return runPathValidator(
        action,
        { files: mine.map(target), allFiles: input.all.map(target), sizes: input.sizes },
        context,
      );
    }
    case 'command':
      return runCommandAction(action, present, input);
    case 'validator':
      return runScriptValidator(action, present, input);
    case 'memory':
      return readMemory(action, input);
    case 'secret-scan':
    case 'logger':
      return NONE; // the scan ran first; loggers are written by the audit stage
  }
}

async function runCommandAction(
  action: Extract<HookAction, { type: 'command' }>,
  present: readonly ReviewFile[],
  input: ActionInput,
): Promise<ValidatorOutput & { readonly error?: string }> {
  const paths = present.filter((f) => !f.file.binary).map((f) => f.file.path);
  if (paths.length === 0) return NONE;
  const refused = input.options.commandsRefused;
  if (refused !== undefined) return { ...NONE, error: `'${action.run.join(' ')}' was not run: ${refused}` };
  // `{files}` stands for the files, each its own argv entry; without it they are appended.
  const argv = action.run.includes('{files}')
    ? action.run.flatMap((a) => (a === '{files}' ? paths : [a]))
    : [...action.run, ...paths];
  const { ports, workspace } = input.options;
  const timeout = action.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  const result = await ports.runCommand(argv, { cwd: workspace, timeoutMs: timeout * 1000 });
  const program = action.run.join(' ');
  if (result.error !== undefined) return { ...NONE, error: `'${program}' could not run: ${result.error}` };
  if (result.timedOut) return { ...NONE, error: `'${program}' timed out after ${timeout}s and was killed` };
  const notes: string[] = [];
  if (result.truncated)
    notes.push(`${input.context.ruleId}: the output was cut at the size limit; later findings may be missing`);
  if (result.exitCode === null) return { ...NONE, notes, error: `'${program}' was killed by a signal` };
  const out = toCommandFindings(
    { action, output: result, files: input.reviewed, passed: paths, workspace },
    input.context,
  );
  return {
    findings: out.findings,
    notes: [...notes, ...out.notes],
    ...(out.error !== undefined ? { error: out.error } : {}),
  };
}

/** The seed's inline script: run with the event on stdin; a failure is a finding that blocks the request. */
async function runScriptValidator(
  action: ScriptValidatorAction,
  present: readonly ReviewFile[],
  input: ActionInput,
): Promise<ActionOutput> {
  const refused = input.options.commandsRefused;
  if (refused !== undefined) return { ...NONE, error: `the validator script was not run: ${refused}` };
  const event = promptSubmittedEvent(
    input.hook.name,
    present.map((f) => ({
      path: f.file.path,
      status: f.file.status,
      patch: patchOf(f.file) ?? '',
      added: f.parsed.added,
    })),
  );
  const plan = planScript(action, event);
  const timeout = action.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  const result = await input.options.ports.runCommand(plan.argv, {
    cwd: input.options.workspace,
    timeoutMs: timeout * 1000,
    stdin: plan.stdin,
  });
  const program = `${plan.argv[0]} script`;
  if (result.error !== undefined)
    return { ...NONE, error: `the validator's ${program} could not run: ${result.error}` };
  if (result.timedOut)
    return { ...NONE, error: `the validator's ${program} timed out after ${timeout}s and was killed` };
  if (result.exitCode === null) return { ...NONE, error: `the validator's ${program} was killed by a signal` };
  const out = toScriptFindings(action, result, present[0]?.file.path ?? '', input.context);
  return { ...out, blocks: out.findings.length > 0 };
}

async function readMemory(
  action: Extract<HookAction, { type: 'memory' }>,
  input: ActionInput,
): Promise<ValidatorOutput> {
  const { ports } = input.options;
  const budget = action.max_bytes ?? DEFAULT_MEMORY_BYTES;
  let used = 0;
  const notes: string[] = [];
  for (const source of action.sources) {
    const content = await ports.readRepositoryFile(source);
    if (content === undefined) {
      const message = `${input.hook.name}: memory source '${source}' does not exist at the trusted ref; it was left out`;
      ports.logger.warning(message);
      notes.push(message);
      continue;
    }
    const bytes = Buffer.byteLength(content, 'utf8');
    if (used + bytes <= budget) {
      input.memory.push({ source, content });
      used += bytes;
      continue;
    }
    const room = budget - used;
    const message = `${input.hook.name}: memory source '${source}' (${bytes} bytes) ${room > 0 ? `was cut to ${room} bytes` : 'was left out'} to stay within max_bytes ${budget}`;
    ports.logger.warning(message);
    notes.push(message);
    if (room > 0) {
      input.memory.push({ source, content: truncateUtf8(content, room) });
      used = budget;
    }
  }
  return { findings: [], notes };
}

/** The longest prefix of `text` that fits in `bytes` UTF-8 bytes without splitting a character. */
function truncateUtf8(text: string, bytes: number): string {
  const buf = Buffer.from(text, 'utf8').subarray(0, bytes);
  return buf.toString('utf8').replace(/\uFFFD$/, '');
}

/**
 * Each place a user pattern did not see all the text, as a note for the summary; a spent time budget (the check is
 * incomplete) is a warning in the log too, so a passing gate never hides it.
 */
export function reportLimits(limits: readonly PatternLimit[], logger: Logger): string[] {
  for (const limit of limits) if (limit.kind === 'time-budget') logger.warning(describePatternLimit(limit));
  return limits.map(describePatternLimit);
}
