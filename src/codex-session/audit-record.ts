import { redactText } from '../core/findings/redactor.js';
import type { CodexEvent, CodexEventName } from './codex-event.js';
import type { HookAnswer } from './answer.js';
import type { CheckResult } from './checks.js';
import type { FailureMode } from './policy.js';

/** Longest content kept in one audit line, in characters; the rest is counted, not kept. */
const MAX_CONTENT = 8000;

export interface SessionAuditInput {
  readonly event?: CodexEvent;
  /** Set when only the name could be read (bad stdin). */
  readonly eventName?: CodexEventName;
  readonly answer: HookAnswer;
  readonly result?: CheckResult;
  readonly content?: string;
  /** The hook's own failure, with the failure mode that decided the answer. */
  readonly failure?: { readonly kind: string; readonly message: string; readonly mode: FailureMode };
  readonly timestamp: string;
  readonly durationMs: number;
}

/**
 * One JSON line per Codex event for the `logger` hooks (conversation.updated and hook.executed): what was
 * checked, what was found, what Codex was told. Built field by field; every text is redacted, so a secret
 * found in the prompt, a patch or a tool's output is never written, only its rule and hint.
 */
export function createSessionAuditRecord(input: SessionAuditInput) {
  const { event, result } = input;
  const known = result?.secrets ?? [];
  const clean = (text: string) => redactText(text, known);
  const content = input.content ?? '';
  const reason = input.answer.kind === 'block' || input.answer.kind === 'deny' ? input.answer.reason : null;
  return {
    timestamp: input.timestamp,
    event: 'conversation.updated',
    source: 'codex',
    codex_event: event?.name ?? input.eventName ?? null,
    session_id: event?.sessionId ?? null,
    turn_id: event?.turnId ?? null,
    tool_name: event && 'toolName' in event ? event.toolName : null,
    tool_use_id: event && 'toolName' in event ? (event.toolUseId ?? null) : null,
    decision: input.answer.kind,
    reason: reason !== null ? clean(reason) : null,
    // Redacted whole, then cut: a cut could split a secret and hide it from the redactor.
    content: clean(content).slice(0, MAX_CONTENT),
    content_chars: content.length,
    findings: (result?.findings ?? []).map((f) => ({
      rule_id: f.ruleId,
      severity: f.severity,
      path: f.path,
      line: f.line,
      message: clean(f.message),
      ...(f.redacted !== undefined ? { hint: f.redacted } : {}),
    })),
    hooks: (result?.executions ?? []).map((e) => ({
      hook: e.hook,
      event: e.event,
      findings: e.findings,
      duration_ms: e.durationMs,
      error: e.error !== undefined ? clean(e.error) : null,
    })),
    notes: (result?.notes ?? []).map(clean),
    failure: input.failure ? { ...input.failure, message: clean(input.failure.message) } : null,
    duration_ms: input.durationMs,
  };
}

export type SessionAuditRecord = ReturnType<typeof createSessionAuditRecord>;

/** What a line keeps without metadata: what happened and why, not which session, turn or call, nor what was sent. */
const WITHOUT_METADATA = [
  'timestamp',
  'event',
  'source',
  'codex_event',
  'tool_name',
  'decision',
  'reason',
  'findings',
  'failure',
] as const satisfies readonly (keyof SessionAuditRecord)[];

/** The line for a logger with `include_metadata: false` (the default is true: the whole record). */
export function withoutMetadata(
  record: SessionAuditRecord,
): Pick<SessionAuditRecord, (typeof WITHOUT_METADATA)[number]> {
  return Object.fromEntries(WITHOUT_METADATA.map((k) => [k, record[k]])) as Pick<
    SessionAuditRecord,
    (typeof WITHOUT_METADATA)[number]
  >;
}
