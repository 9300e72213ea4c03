import { redactText } from '../core/findings/redactor.js';
import { ConfigurationError } from '../errors.js';
import type { HooksConfig } from '../config/types.js';
import { renderAnswer, type HookAnswer, type RenderedAnswer } from './answer.js';
import { createSessionAuditRecord, type SessionAuditRecord } from './audit-record.js';
import type { SessionContext, SessionPorts } from './checks.js';
import {
  CodexEventError,
  parseCodexEvent,
  sniffEventName,
  type CodexEvent,
  type CodexEventName,
} from './codex-event.js';
import type { SessionConfig } from './config-cache.js';
import { handlePostToolUse, handlePreToolUse } from './events/tool-use.js';
import type { EventOutcome } from './events/outcome.js';
import { handleSessionStart } from './events/session-start.js';
import { handleStop } from './events/stop.js';
import { handleUserPromptSubmit } from './events/user-prompt-submit.js';
import { CODEX_EVENT_SETUP, defaultFailurePolicy, type FailureMode } from './policy.js';
import type { CodexHookSettings } from './settings.js';

export interface HookDependencies {
  /** The repository root for the session's working directory. */
  readonly findRoot: (cwd: string) => string;
  readonly loadConfig: (root: string, configPath: string) => Promise<SessionConfig>;
  readonly createPorts: (root: string) => SessionPorts;
  readonly now: () => Date;
}

export interface HookRun {
  readonly rendered: RenderedAnswer;
  /** The audit line, and where the config that names the loggers was found; absent when no config was read. */
  readonly audit?: { readonly record: SessionAuditRecord; readonly root: string; readonly config: HooksConfig };
}

/** The hook's own deadline passed before it could answer. */
export class HookDeadlineError extends Error {
  override readonly name = 'HookDeadlineError';
  readonly kind = 'timeout';
}

/**
 * One Codex event in, one answer out. The hook's own failure (stdin it cannot read, a config error, its
 * deadline, a bug) never escapes: the event's failure mode turns it into a block or a pass, said in the
 * answer and the audit line.
 */
export async function answerCodexHook(
  stdin: string,
  settings: CodexHookSettings | ConfigurationError,
  deps: HookDependencies,
): Promise<HookRun> {
  const started = deps.now();
  let event: CodexEvent | undefined;
  let loaded: { config: HooksConfig; root: string } | undefined;
  const audit = (answer: HookAnswer, rest: Partial<EventOutcome> & { failure?: Failure }) =>
    loaded && {
      root: loaded.root,
      config: loaded.config,
      record: createSessionAuditRecord({
        ...(event ? { event } : {}),
        ...(!event && sniffEventName(stdin) ? { eventName: sniffEventName(stdin)! } : {}),
        answer,
        ...(rest.result ? { result: rest.result } : {}),
        ...(rest.content !== undefined ? { content: rest.content } : {}),
        ...(rest.failure ? { failure: rest.failure } : {}),
        timestamp: started.toISOString(),
        durationMs: deps.now().getTime() - started.getTime(),
      }),
    };
  try {
    if (settings instanceof ConfigurationError) throw settings;
    event = parseCodexEvent(stdin);
    const root = deps.findRoot(event.cwd);
    const { config } = await deps.loadConfig(root, settings.configPath);
    loaded = { config, root };
    const ctx: SessionContext = { config, failOn: settings.failOn, root, ports: deps.createPorts(root) };
    const deadline = CODEX_EVENT_SETUP[event.name].deadlineSeconds * 1000;
    const outcome = await withDeadline(dispatch(event, ctx), deadline);
    const rendered = renderAnswer(outcome.answer, event.name);
    const record = audit(outcome.answer, outcome);
    return { rendered, ...(record ? { audit: record } : {}) };
  } catch (error) {
    const name = event?.name ?? (error instanceof CodexEventError ? error.event : undefined) ?? sniffEventName(stdin);
    const policy = settings instanceof ConfigurationError ? defaultFailurePolicy() : settings.failurePolicy;
    // An event the hook cannot name is one it cannot safely let through.
    const mode: FailureMode = name !== undefined ? policy[name] : 'closed';
    const failure = describeFailure(error, mode);
    const answer = failureAnswer(failure, name);
    const rendered = renderAnswer(answer, name);
    const record = audit(answer, { failure });
    const told = mode === 'open' ? { ...rendered, stderr: `codex-hooks: ${failure.message} (fails open)\n` } : rendered;
    return { rendered: told, ...(record ? { audit: record } : {}) };
  }
}

function dispatch(event: CodexEvent, ctx: SessionContext): Promise<EventOutcome> {
  switch (event.name) {
    case 'SessionStart':
      return handleSessionStart(event, ctx);
    case 'UserPromptSubmit':
      return handleUserPromptSubmit(event, ctx);
    case 'PreToolUse':
      return handlePreToolUse(event, ctx);
    case 'PostToolUse':
      return handlePostToolUse(event, ctx);
    case 'Stop':
      return handleStop(event, ctx);
  }
}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HookDeadlineError(`no answer within its deadline of ${ms / 1000}s`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

interface Failure {
  readonly kind: string;
  readonly message: string;
  readonly mode: FailureMode;
}

function describeFailure(error: unknown, mode: FailureMode): Failure {
  const kind =
    error instanceof CodexEventError || error instanceof HookDeadlineError
      ? error.kind
      : error instanceof ConfigurationError
        ? 'config'
        : 'internal';
  // An error may quote what it choked on: never a secret in the answer.
  const message = redactText(error instanceof Error ? error.message : String(error), []);
  return { kind, message, mode };
}

function failureAnswer(failure: Failure, name: CodexEventName | undefined): HookAnswer {
  if (failure.mode === 'open') return { kind: 'allow' };
  const reason =
    `codex-hooks could not check this ${name ?? 'event'} and fails closed (${failure.kind}: ${failure.message}). ` +
    `Fix the cause (docs/codex-hooks.md), or let it pass on failure with --fail-open ${name ?? 'all'}.`;
  return name === 'PreToolUse' ? { kind: 'deny', reason } : { kind: 'block', reason };
}
