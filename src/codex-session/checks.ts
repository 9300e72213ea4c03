import type { CommandRunner } from '../ports.js';
import type { HookAction, HooksConfig } from '../config/types.js';
import { parsePatch } from '../core/diff/parse-patch.js';
import { parseWholeFile } from '../core/diff/whole-file.js';
import { severityRank } from '../core/findings/finalize.js';
import { createRedactor } from '../core/findings/redactor.js';
import type { SecretMatch } from '../core/secrets/types.js';
import type { ChangedFile, FailOn, Finding } from '../core/types.js';
import {
  runPromptSubmittedHooks,
  runResponseGeneratedHooks,
  type HookExecution,
  type MemoryEntry,
  type ReviewFile,
} from '../hooks/index.js';
import type { Logger } from '../logger.js';

/** What a Codex session's hook needs from the outside world. */
export interface SessionPorts {
  readonly runCommand: CommandRunner;
  /** A file of the repository's working tree, relative to its root; undefined when missing or outside it. */
  readonly readRepositoryFile: (path: string) => Promise<string | undefined>;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Remembers where the session started (the commit checked out), for the Stop event's diff. */
  readonly recordSessionStart: (sessionId: string) => Promise<void>;
  /** The files changed in the working tree since the session started (committed or not, tracked or new). */
  readonly sessionChanges: (sessionId: string) => Promise<ChangedFile[]>;
}

export interface SessionContext {
  readonly config: HooksConfig;
  readonly failOn: FailOn;
  /** The repository root: config paths, memory sources, linters and logger outputs are relative to it. */
  readonly root: string;
  readonly ports: SessionPorts;
}

/** What the checks of one event found. Secrets keep their raw value in memory only, for redaction. */
export interface CheckResult {
  readonly findings: Finding[];
  readonly secrets: { readonly secret: string; readonly ruleId: string }[];
  readonly executions: HookExecution[];
  readonly memory: MemoryEntry[];
  readonly notes: string[];
}

/** Which of the config's actions apply to what an event checks. */
export type ActionFilter = (action: HookAction) => boolean;

/** On files (a patch, a here-document, the session's changes): these kinds of action. */
export const onFiles =
  (...types: HookAction['type'][]): ActionFilter =>
  (a) =>
    types.includes(a.type);

/**
 * On text that is not a file (a prompt, a shell command): the secret scan and the `forbid` patterns. A
 * `require` pattern (a licence header, say) is about files and would flag every prompt.
 */
export const onText: ActionFilter = (a) => a.type === 'secret-scan' || (a.type === 'pattern' && a.mode !== 'require');

/** The config with only the actions that apply: the rest does not fit what this event checks. */
export function withActions(config: HooksConfig, keep: ActionFilter): HooksConfig {
  const hooks = config.hooks
    .map((h) => ({ ...h, actions: h.actions.filter(keep) }))
    .filter((h) => h.actions.length > 0);
  return { version: config.version, hooks };
}

export function toReviewFile(file: ChangedFile): ReviewFile {
  return { file, parsed: file.content !== undefined ? parseWholeFile(file.content) : parsePatch(file.patch) };
}

/** A piece of text (a prompt, a command) checked as if it were a new file named `name`. */
export function textAsFile(name: string, text: string): ChangedFile {
  return { path: name, status: 'added', additions: 1, deletions: 0, content: text };
}

/** The prompt.submitted hooks, limited to the `actions` that apply, over `files`: the same engine the pull-request gate runs. */
export async function checkFiles(
  files: readonly ChangedFile[],
  actions: ActionFilter,
  ctx: SessionContext,
): Promise<CheckResult> {
  const result = await runPromptSubmittedHooks(files.map(toReviewFile), {
    config: withActions(ctx.config, actions),
    failOn: ctx.failOn,
    workspace: ctx.root,
    ports: ctx.ports,
  });
  return toCheckResult(result, result.memory);
}

/** The response.generated hooks (the secret scan and `pattern`) over text the model or a tool produced. */
export async function checkOutput(name: string, text: string, ctx: SessionContext): Promise<CheckResult> {
  const result = await runResponseGeneratedHooks([{ path: name, line: 1, body: text }], {
    config: ctx.config,
    failOn: ctx.failOn,
    workspace: ctx.root,
    ports: ctx.ports,
  });
  return toCheckResult(result, []);
}

/** The engine's result with each finding's text cleared of the secrets found: nothing downstream sees a value. */
function toCheckResult(
  result: {
    readonly findings: Finding[];
    readonly secrets: readonly { readonly match: SecretMatch }[];
    readonly executions: HookExecution[];
    readonly notes: string[];
  },
  memory: MemoryEntry[],
): CheckResult {
  const matches = result.secrets.map((s) => s.match);
  return {
    findings: createRedactor(matches).findings(result.findings),
    secrets: matches.map((m) => ({ secret: m.secret, ruleId: m.ruleId })),
    executions: result.executions,
    memory,
    notes: result.notes,
  };
}

export function mergeResults(a: CheckResult, b: CheckResult): CheckResult {
  return {
    findings: [...a.findings, ...b.findings],
    secrets: [...a.secrets, ...b.secrets],
    executions: [...a.executions, ...b.executions],
    memory: [...a.memory, ...b.memory],
    notes: [...a.notes, ...b.notes],
  };
}

/** Findings at or above the gate's level: the ones that block. */
export function blockingFindings(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'never') return [];
  return findings.filter((f) => severityRank(f.severity) <= severityRank(failOn));
}

const MAX_LISTED = 10;

/**
 * A reason the model can act on: each finding's place, what it is, its rule, and how to fix it. Messages
 * are already redacted: a secret shows only its hint.
 */
export function describeFindings(intro: string, findings: readonly Finding[]): string {
  const lines = findings.slice(0, MAX_LISTED).map((f) => {
    const where = f.line > 0 ? `${f.path}:${f.line}` : f.path;
    const fix =
      f.category === 'secret'
        ? ' Remove the value; read it from an environment variable or a secret store instead, and never repeat it.'
        : '';
    return `- ${where}: ${f.message} [${f.ruleId}].${fix}`;
  });
  if (findings.length > MAX_LISTED) lines.push(`- …and ${findings.length - MAX_LISTED} more`);
  return `${intro}\n${lines.join('\n')}`;
}
