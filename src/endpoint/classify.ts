import { splitRequest } from './payload.js';
import { HookResponseError, parseHookResponse, quoteExcerpt } from './response.js';
import type { HookChunk, HookRequest, HookResponse } from './types.js';

/**
 * What to do after one attempt at the hook endpoint, decided from its result alone (as octokit's
 * plugin-retry classifies errors): use the answer, halve the request, retry, or fail. The client's loop
 * (client.ts) does the waiting, the recording and the logging.
 */

/** The result of one HTTP attempt. */
export type AttemptResult =
  | { kind: 'answer'; status: number; headers: Headers; body: string }
  | { kind: 'too-large-body'; status: number }
  | { kind: 'timeout' }
  | { kind: 'network'; reason: string };

export type HookFailureKind = 'auth' | 'rejected' | 'too-large' | 'unavailable' | 'invalid-response';

/** Why an attempt failed, as the audit log records it. */
export type AttemptError = 'timeout' | 'network' | 'body-too-large' | 'invalid-response';

/** A chunk's failure: what answered, how, and what to do. */
export interface FailureReport {
  readonly kind: HookFailureKind;
  readonly message: string;
  readonly status?: number;
}

export type Verdict =
  | { readonly kind: 'ok'; readonly response: HookResponse }
  | { readonly kind: 'split'; readonly halves: [HookRequest, HookRequest] }
  /** Retryable: `what` for the retry's log line, `failure` when no retry is left. */
  | {
      readonly kind: 'retry';
      readonly what: string;
      readonly error?: AttemptError;
      readonly retryAfter: string | null;
      readonly failure: FailureReport;
    }
  | { readonly kind: 'fail'; readonly error?: AttemptError; readonly failure: FailureReport };

export interface ClassifyContext {
  readonly host: string;
  readonly names: { readonly token: string; readonly hookUrl: string };
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  /** Scrubs the token (and redacts) any text that came from the endpoint. */
  readonly scrub: (text: string) => string;
}

export interface AttemptFacts {
  readonly request: HookRequest;
  readonly attempt: number;
  readonly requestBytes: number;
}

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);
const ENDPOINT_MESSAGE_CHARS = 300;

export function classifyAttempt(result: AttemptResult, facts: AttemptFacts, ctx: ClassifyContext): Verdict {
  const label = describeChunk(facts.request.metadata.chunk);
  const attemptsNote = facts.attempt > 1 ? ` after ${facts.attempt} attempts` : '';
  const endpoint = `Codex hook endpoint ${ctx.host}`;
  if (result.kind === 'timeout') {
    const within = `did not answer within ${formatSeconds(ctx.timeoutMs)}`;
    return retry(within, 'timeout', null, {
      kind: 'unavailable',
      message: `${endpoint} ${within} for ${label}${attemptsNote} (check that the endpoint is up, or raise hook-timeout).`,
    });
  }
  if (result.kind === 'network') {
    // Scrubbed whole, then cut: a cut token would no longer match the scrub.
    const reason = cut(ctx.scrub(result.reason), 120);
    return retry(`could not be reached (${reason})`, 'network', null, {
      kind: 'unavailable',
      message: `${endpoint} could not be reached for ${label}${attemptsNote}: ${reason} (check ${ctx.names.hookUrl} and the runner's network).`,
    });
  }
  const { status } = result;
  if (result.kind === 'too-large-body') {
    return fail('invalid-response', status, 'body-too-large', {
      message: `${endpoint} answered ${status} for ${label} with a body larger than ${formatBytes(ctx.maxResponseBytes)}; it was not read (an endpoint error).`,
    });
  }
  if (status >= 200 && status < 300) return classifyAnswer(result.body, status, label, ctx);
  const said = describeEndpointMessage(result.body, ctx.scrub);
  if (status === 401 || status === 403) {
    return fail('auth', status, undefined, {
      // The endpoint's own reason (expired, revoked, missing scope, address not allowed) says what to fix.
      message: `${endpoint} answered ${status}${said}. The token in ${ctx.names.token} is invalid, expired or lacks the 'hooks:trigger' scope, or this address is not allowed; no further requests were sent (create or rotate the token and check its scopes and IP allowlist).`,
    });
  }
  if (status === 413) {
    const halves = splitRequest(facts.request);
    if (halves) return { kind: 'split', halves };
    return fail('too-large', status, undefined, {
      message: `${endpoint} answered 413 for ${label}, which cannot be split further (${facts.requestBytes} bytes, one hunk; raise the endpoint's limit).`,
    });
  }
  if (RETRYABLE.has(status)) {
    return retry(`answered ${status}`, undefined, result.headers.get('retry-after'), {
      kind: 'unavailable',
      status,
      message: `${endpoint} answered ${status} for ${label}${attemptsNote}${said} (the endpoint is unavailable; try again later or raise hook-retries).`,
    });
  }
  if (status >= 300 && status < 400) {
    return fail('rejected', status, undefined, {
      message: `${endpoint} answered ${status}, a redirect, which is not followed so the token stays with the configured host (set ${ctx.names.hookUrl} to the final address).`,
    });
  }
  return fail('rejected', status, undefined, {
    message: `${endpoint} refused ${label} with ${status}${said} (not retried; check the request against docs/hook-protocol.md).`,
  });
}

function classifyAnswer(body: string, status: number, label: string, ctx: ClassifyContext): Verdict {
  try {
    return { kind: 'ok', response: parseHookResponse(body, { redact: ctx.scrub }) };
  } catch (error) {
    if (!(error instanceof HookResponseError)) throw error;
    return fail('invalid-response', status, 'invalid-response', {
      message: `Codex hook endpoint ${ctx.host} answered ${status} for ${label} but ${ctx.scrub(error.message)} (an endpoint error; see docs/hook-protocol.md).`,
    });
  }
}

function retry(
  what: string,
  error: AttemptError | undefined,
  retryAfter: string | null,
  failure: FailureReport,
): Verdict {
  return { kind: 'retry', what, ...(error ? { error } : {}), retryAfter, failure };
}

function fail(
  kind: HookFailureKind,
  status: number,
  error: AttemptError | undefined,
  report: { message: string },
): Verdict {
  return { kind: 'fail', ...(error ? { error } : {}), failure: { kind, message: report.message, status } };
}

/** `: "message"` from an error body: its `error`/`message` field if JSON, else its text; short and redacted. */
function describeEndpointMessage(body: string, scrub: (text: string) => string): string {
  if (body.trim() === '') return '';
  let text = body;
  try {
    const data: unknown = JSON.parse(body);
    if (typeof data === 'object' && data !== null) {
      const fields = data as { error?: unknown; message?: unknown; errors?: unknown };
      const main = [fields.error, fields.message].find((v) => typeof v === 'string') as string | undefined;
      const details = Array.isArray(fields.errors) ? fields.errors.filter((e) => typeof e === 'string') : [];
      if (main !== undefined || details.length > 0) text = [main, ...details].filter(Boolean).join('; ');
    }
  } catch {
    // Not JSON: quote the text.
  }
  return `: ${quoteExcerpt(text, scrub, ENDPOINT_MESSAGE_CHARS)}`;
}

export function describeChunk(chunk: HookChunk): string {
  return `chunk ${chunk.index + 1}/${chunk.total}${chunk.part ? ` (part ${chunk.part})` : ''}`;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${bytes} bytes`;
}
