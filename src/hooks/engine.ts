import type * as Crypto from 'node:crypto';
import { Minimatch } from 'minimatch';
import type { CommandRunner } from '../ports.js';
import type {
  HookAction,
  HookDefinition,
  HookEvent,
  HooksConfig,
  LoggerAction,
  SecretScanAction,
} from '../config/types.js';
import type { ParsedPatch } from '../core/diff/index.js';
import { patchOf } from '../core/diff/whole-file.js';
import { createFindings, severityRank, type FindingDraft } from '../core/findings/finalize.js';
import {
  BUILTIN_RULES,
  parseBaseline,
  scanJoinedLines,
  scanSecrets,
  secretHint,
  type SecretMatch,
  type SecretRule,
  createUserRuleBudget,
  userRuleLimits,
  type UserRuleBudget,
} from '../core/secrets/index.js';
import type { AddedLine, ChangedFile, FailOn, Finding, PullRequest } from '../core/types.js';
import { toCommandFindings } from '../core/validators/command-output.js';
import { planScript, promptSubmittedEvent, toScriptFindings } from '../core/validators/script.js';
import { runPathValidator } from '../core/validators/path.js';
import { PATTERN_BUDGET_MS, runPatternValidator } from '../core/validators/pattern.js';
import { describePatternLimit, type PatternLimit } from '../core/validators/pattern-limits.js';
import type { ScriptValidatorAction, ValidatorContext, ValidatorOutput } from '../core/validators/types.js';
import type { Logger } from '../logger.js';
import { toSecretRules } from './secret-rules.js';
import { deferBuiltin } from '../core/lazy-builtin.js';

const crypto = deferBuiltin<typeof Crypto>('node:crypto');

export interface ReviewFile {
  readonly file: ChangedFile;
  readonly parsed: ParsedPatch;
  /** Size in bytes of the head version, for `max_bytes`. */
  readonly size?: number;
}

export interface HookPorts {
  readonly runCommand: CommandRunner;
  /** Reads a repository file at the trusted ref (base commit in the action); undefined when missing. */
  readonly readRepositoryFile: (path: string) => Promise<string | undefined>;
  readonly logger: Logger;
  readonly now: () => Date;
}

export interface HookRunOptions {
  readonly config: HooksConfig;
  readonly failOn: FailOn;
  readonly workspace: string;
  readonly ports: HookPorts;
  /**
   * Why `command` actions must not run in this job, if they must not: on `pull_request_target` the job holds
   * secrets, and a linter runs the code it is given (the PR's config and plugins).
   */
  readonly commandsRefused?: string;
}

/** A secret found by the scan. The raw value stays in memory: for redaction and blocking, never for output. */
export interface SecretHit {
  readonly path: string;
  readonly match: SecretMatch;
}

export interface HookExecution {
  readonly hook: string;
  readonly event: HookEvent;
  readonly findings: number;
  readonly durationMs: number;
  readonly error?: string;
}

export interface MemoryEntry {
  readonly source: string;
  readonly content: string;
}

export interface PromptSubmittedResult {
  readonly findings: Finding[];
  readonly secrets: SecretHit[];
  readonly blocked: boolean;
  readonly blockedBy?: string;
  readonly memory: MemoryEntry[];
  readonly executions: HookExecution[];
  /** Logger actions subscribed to prompt.submitted or hook.executed; the audit stage writes them. */
  readonly loggers: LoggerAction[];
  readonly notes: string[];
}

export interface ReviewComment {
  readonly path: string;
  readonly line: number;
  readonly body: string;
  readonly suggestion?: string;
}

export interface ResponseGeneratedResult {
  readonly findings: Finding[];
  readonly secrets: { index: number; match: SecretMatch }[];
  readonly executions: HookExecution[];
  readonly notes: string[];
}

/** Name of the execution record of the built-in secret scan when no hook configures it. */
export const BUILTIN_SECRET_SCAN = 'secret-scan';
const DEFAULT_MEMORY_BYTES = 16_000;
const DEFAULT_TIMEOUT_SECONDS = 60;

function hooksFor(config: HooksConfig, event: HookEvent): HookDefinition[] {
  return config.hooks.filter((h) => h.events.includes(event));
}

/** Logger actions of hooks subscribed to `event`, one per output. */
export function collectLoggers(config: HooksConfig, event: HookEvent): LoggerAction[] {
  const out = new Map<string, LoggerAction>();
  for (const hook of hooksFor(config, event)) {
    for (const a of hook.actions) if (a.type === 'logger' && !out.has(a.output)) out.set(a.output, a);
  }
  return [...out.values()];
}

/** The lead's conversation stage writes each exchange to these. */
export function collectConversationLoggers(config: HooksConfig): LoggerAction[] {
  return collectLoggers(config, 'conversation.updated');
}

interface SecretSettings {
  readonly enabled: boolean;
  readonly hook: string;
  readonly allow: string[];
  readonly allowPaths: Minimatch[];
  readonly rules: readonly SecretRule[] | undefined;
  /** Path of a baseline file of accepted secrets, read at the trusted ref. */
  readonly baseline: string | undefined;
  /** The config lets inline allow markers on changed lines keep a secret out of the gate. */
  readonly inlineAllow: boolean;
}

/** The accepted secrets of a baseline file; a missing or unreadable baseline is a warning, never a crash. */
async function readBaseline(path: string | undefined, ports: HookPorts): Promise<ReadonlySet<string> | undefined> {
  if (path === undefined) return undefined;
  const text = await ports.readRepositoryFile(path);
  if (text === undefined) {
    ports.logger.warning(`secret-scan: the baseline file '${path}' does not exist; no secret is baselined`);
    return undefined;
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    ports.logger.warning(
      `secret-scan: the baseline file '${path}' is not valid (${error instanceof Error ? error.message : String(error)}); no secret is baselined`,
    );
    return undefined;
  }
}

/** The built-in scan, tuned by every `secret-scan` action of the event's hooks. */
function secretSettings(config: HooksConfig, event: HookEvent): SecretSettings {
  const actions: { hook: string; action: SecretScanAction }[] = [];
  for (const hook of hooksFor(config, event)) {
    for (const a of hook.actions) if (a.type === 'secret-scan') actions.push({ hook: hook.name, action: a });
  }
  const custom = actions.flatMap((a) => a.action.rules ?? []);
  return {
    enabled: !actions.some((a) => a.action.enabled === false),
    hook: actions[0]?.hook ?? BUILTIN_SECRET_SCAN,
    allow: actions.flatMap((a) => [...(a.action.allow ?? [])]),
    allowPaths: actions.flatMap((a) => (a.action.allow_paths ?? []).map((g) => new Minimatch(g, { dot: true }))),
    rules: custom.length > 0 ? [...BUILTIN_RULES, ...toSecretRules(custom)] : undefined,
    baseline: actions.find((a) => a.action.baseline !== undefined)?.action.baseline,
    inlineAllow: actions.some((a) => a.action.inline_allow === true),
  };
}

function secretDraft(path: string, line: number, match: SecretMatch, source: string, where = ''): FindingDraft {
  const hint = secretHint(match.secret);
  return {
    ruleId: match.ruleId,
    category: 'secret',
    severity: match.severity,
    path,
    line,
    endLine: line === match.line ? match.endLine : line,
    column: match.column,
    message: `${match.description} found${where} (${hint})`,
    // A hash, so the fingerprint follows the secret without carrying it.
    anchor: crypto().createHash('sha256').update(match.secret).digest('hex'),
    redacted: hint,
    source,
  };
}

function reachesFailOn(drafts: readonly FindingDraft[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return drafts.some((d) => severityRank(d.severity) <= severityRank(failOn));
}

function ruleIdFor(hook: HookDefinition, index: number): string {
  return hook.actions.length === 1 ? hook.name : `${hook.name}/${index + 1}`;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function pathFilter(hook: HookDefinition): (path: string) => boolean {
  if (!hook.paths || hook.paths.length === 0) return () => true;
  const globs = hook.paths.map((g) => new Minimatch(g, { dot: true }));
  return (path) => globs.some((g) => g.match(path));
}

/** What the secret scan reads besides the reviewed files. */
export interface SecretScanExtra {
  /** Changed files that are not reviewed (filtered out, or read whole from the workspace) but still scanned. */
  readonly scanOnly?: readonly ReviewFile[];
  /** Its title, refs and author are scanned too: they go to the endpoint and are PR content. */
  readonly pullRequest?: Pick<PullRequest, 'title' | 'headRef' | 'baseRef' | 'author' | 'description'>;
}

/**
 * The built-in scan over every changed file's added lines, every file name (and old name), and the pull
 * request's title, refs and author. A secret in a name is a finding on that file (line 0); one in the pull
 * request's fields is a finding on its first changed file, saying where it is.
 */
function scanForSecrets(
  files: readonly ReviewFile[],
  pr: SecretScanExtra['pullRequest'],
  scan: SecretSettings,
  baseline: ReadonlySet<string> | undefined,
  budget: UserRuleBudget | undefined,
): { secrets: SecretHit[]; drafts: FindingDraft[] } {
  const secrets: SecretHit[] = [];
  const drafts: FindingDraft[] = [];
  const options = {
    allow: scan.allow,
    ...(scan.rules ? { rules: scan.rules } : {}),
    ...(baseline ? { baseline } : {}),
    ...(budget ? { userRuleBudget: budget } : {}),
    keepInlineAllowed: true,
  };
  const add = (path: string, line: number, match: SecretMatch, where = '', hitPath = path) => {
    // Withheld or redacted whatever the marker says: a marker never makes a secret sendable.
    secrets.push({ path: hitPath, match });
    if (match.inlineAllowed && scan.inlineAllow && where === '') return;
    const ignored =
      match.inlineAllowed && where === '' ? ' (its inline allow marker is ignored: see inline_allow)' : '';
    drafts.push(secretDraft(path, line, match, scan.hook, `${where}${ignored}`));
  };
  const inName = (text: string) => scanJoinedLines(text.replace(/[/\\\r\n]/g, ' '), () => 0, options);
  for (const f of files) {
    const { path, previousPath } = f.file;
    if (scan.allowPaths.some((g) => g.match(path))) continue;
    const { parsed } = f;
    for (const match of scanJoinedLines(parsed.addedText, (i) => parsed.addedLineNumber(i), options)) {
      add(path, match.line, match);
    }
    for (const match of inName(path)) add(path, 0, match, ' in the file name');
    if (previousPath !== undefined) {
      for (const match of inName(previousPath)) add(path, 0, match, " in the file's previous name");
    }
  }
  const first = files[0]?.file.path;
  if (pr && first !== undefined) {
    const fields = [
      ['title', pr.title],
      ['head branch', pr.headRef],
      ['base branch', pr.baseRef],
      ['author', pr.author],
      ['description', pr.description ?? ''],
    ] as const;
    for (const [name, text] of fields) {
      // No file holds it: the hit withholds no file, the redactor clears the field wherever it is sent.
      for (const match of inName(text)) add(first, 0, match, ` in the pull request's ${name}`, '');
    }
  }
  return { secrets, drafts };
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
    // hook.executed hooks only log; their logger actions receive these records (see `loggers`).
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

  const loggers = new Map<string, LoggerAction>();
  for (const l of [...collectLoggers(config, 'prompt.submitted'), ...collectLoggers(config, 'hook.executed')]) {
    if (!loggers.has(l.output)) loggers.set(l.output, l);
  }
  return {
    findings: createFindings(drafts),
    secrets,
    blocked: blockedBy !== undefined,
    ...(blockedBy !== undefined ? { blockedBy } : {}),
    memory,
    executions,
    loggers: [...loggers.values()],
    notes,
  };
}

/** One prompt.submitted hook's actions in order; a failing action is an error of the hook, not a stop. */
async function runHookActions(
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

/** The run's budget for the config's own secret rules; none when the config has none. */
function userRuleBudget(scan: SecretSettings, ports: HookPorts): UserRuleBudget | undefined {
  if (!scan.rules?.some((r) => r.userPattern)) return undefined;
  return createUserRuleBudget(() => ports.now().getTime());
}

/**
 * Each place a user pattern did not see all the text, as a note for the summary; a spent time budget (the check is
 * incomplete) is a warning in the log too, so a passing gate never hides it.
 */
function reportLimits(limits: readonly PatternLimit[], logger: Logger): string[] {
  for (const limit of limits) if (limit.kind === 'time-budget') logger.warning(describePatternLimit(limit));
  return limits.map(describePatternLimit);
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
 * Runs the response.generated hooks on the endpoint's comments: the built-in secret scan over bodies and
 * suggestions, then pattern actions over the same text. Findings sit at the comment's path and line.
 */
export async function runResponseGeneratedHooks(
  comments: readonly ReviewComment[],
  options: HookRunOptions,
): Promise<ResponseGeneratedResult> {
  const { config, ports } = options;
  const drafts: FindingDraft[] = [];
  const secrets: { index: number; match: SecretMatch }[] = [];
  const executions: HookExecution[] = [];
  const notes: string[] = [];
  const textOf = (c: ReviewComment): AddedLine[] =>
    [c.body, ...(c.suggestion !== undefined ? [c.suggestion] : [])]
      .join('\n')
      .split('\n')
      .map((text, i) => ({ line: i + 1, text }));

  const scan = secretSettings(config, 'response.generated');
  if (scan.enabled) {
    const started = ports.now().getTime();
    let count = 0;
    const budget = userRuleBudget(scan, ports);
    comments.forEach((c, index) => {
      if (scan.allowPaths.some((g) => g.match(c.path))) return;
      // The endpoint's own allow marker suppresses nothing.
      const options = {
        allow: scan.allow,
        keepInlineAllowed: true,
        ...(scan.rules ? { rules: scan.rules } : {}),
        ...(budget ? { userRuleBudget: budget } : {}),
      };
      for (const match of scanSecrets(textOf(c), options)) {
        secrets.push({ index, match });
        drafts.push(secretDraft(c.path, c.line, match, scan.hook, " in the endpoint's comment"));
        count++;
      }
    });
    notes.push(...reportLimits(budget ? userRuleLimits(budget) : [], ports.logger));
    executions.push({
      hook: scan.hook,
      event: 'response.generated',
      findings: count,
      durationMs: ports.now().getTime() - started,
    });
  }

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
