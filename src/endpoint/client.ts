import { createHash } from 'node:crypto';
import type { Logger } from '../logger.js';
import { PRODUCT, VERSION } from '../core/version.js';
import { splitRequest } from './payload.js';
import { HookResponseError, parseHookResponse, quoteExcerpt } from './response.js';
import { validateHookUrl, validateTokenCharacters } from './token.js';
import type { HookChunk, HookRequest, HookResponse } from './types.js';
import { ACTION_SETTING_NAMES } from '../settings/setting-names.js';

/**
 * The HTTP client of protocol v1 (docs/hook-protocol.md). The token appears in the Authorization
 * header and nowhere else: every text that came from the endpoint is scrubbed of it before it is
 * logged or returned.
 *
 * Decisions:
 * - 401/403 stop everything at once: no other chunk is sent with a token the endpoint refuses.
 * - Any other final failure of a chunk does not stop the others: the result keeps the chunks that
 *   were reviewed and says how many were not. After a chunk used up its retries on an unavailable
 *   endpoint, the following chunks get one attempt each (no retries) until one succeeds, so a dead
 *   endpoint costs about (retries + chunks) timeouts, not retries × chunks.
 * - 413, or a request larger than maxBytes, halves the request (payload.splitRequest) and sends the
 *   halves; that is not counted as a retry.
 */

export interface HookClientOptions {
  readonly url: string | URL;
  readonly token: string;
  /** Per attempt, covering the connection, the answer and its body. */
  readonly timeoutMs: number;
  /** Retries of a retryable failure (408, 429, 5xx, network error, timeout), per request. */
  readonly retries: number;
  /** A request larger than this is halved before it is sent. */
  readonly maxBytes: number;
  readonly logger: Logger;
  /** How messages name the token and URL settings (the action's inputs by default). */
  readonly names?: { readonly token: string; readonly hookUrl: string };
  /** Default `codex-hooks-action/<VERSION>`. */
  readonly userAgent?: string;
  /** Applied to every text of the endpoint that is logged or reported (after the token is scrubbed). */
  readonly redact?: (text: string) => string;
  /** Called after each HTTP attempt, e.g. to fire `conversation.updated`. */
  readonly onExchange?: (exchange: HookExchange) => void;
  /** Largest response body read; a larger one is an endpoint error. Default 5 MB. */
  readonly maxResponseBytes?: number;
  /** Backoff: full jitter over min(backoffMaxMs, backoffBaseMs × 2^(attempt−1)). Defaults 1 s and 30 s. */
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
  /** Longest wait a `Retry-After` may ask for. Default 60 s. */
  readonly retryAfterMaxMs?: number;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => Date;
}

/** One HTTP attempt, for the audit log and the `conversation.updated` event. Never holds the token. */
export interface HookExchange {
  /** When the attempt started, ISO 8601. */
  readonly timestamp: string;
  readonly chunk: HookChunk;
  /** 1 for the first attempt of a request. */
  readonly attempt: number;
  /** The HTTP status, or null when no answer came. */
  readonly status: number | null;
  /** What the client did next. */
  readonly outcome: 'ok' | 'retry' | 'split' | 'failed';
  readonly error?: 'timeout' | 'network' | 'body-too-large' | 'invalid-response';
  readonly latencyMs: number;
  readonly requestBytes: number;
  readonly requestSha256: string;
  readonly idempotencyKey: string;
  /** Comments in a valid 200 answer; 0 otherwise. */
  readonly commentCount: number;
  /** Seconds waited before the next attempt, when retrying. */
  readonly retryInMs?: number;
}

export type HookFailureKind = 'auth' | 'rejected' | 'too-large' | 'unavailable' | 'invalid-response';

export interface HookFailure {
  readonly kind: HookFailureKind;
  /** One sentence: what answered, how, and what to do. Never the token. */
  readonly message: string;
  readonly status?: number;
  readonly host: string;
  /** Chunks (of the requests given) that were not reviewed, wholly or in part. */
  readonly failedChunks: number;
  readonly totalChunks: number;
}

export interface HookCallResult {
  /** One per request that was answered; halves of a split request appear separately. */
  readonly responses: { readonly request: HookRequest; readonly response: HookResponse }[];
  readonly exchanges: HookExchange[];
  /** Set when at least one chunk was not reviewed. Responses of the other chunks are kept. */
  readonly failure?: HookFailure;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
export const HOOK_EVENT_HEADER = 'X-Codex-Hook-Event';
const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);
const ENDPOINT_MESSAGE_CHARS = 300;

export async function callHookEndpoint(requests: HookRequest[], options: HookClientOptions): Promise<HookCallResult> {
  // Checked again here, so no caller can send the token in clear text to a remote host.
  const names = options.names ?? ACTION_SETTING_NAMES;
  const url = validateHookUrl(String(options.url), names);
  if (options.token) validateTokenCharacters(options.token);
  const ctx: CallContext = {
    options,
    url,
    host: url.host,
    names,
    fetch: options.fetch ?? globalThis.fetch,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    now: options.now ?? (() => new Date()),
    scrub: (text) => {
      const withoutToken = options.token ? text.split(options.token).join('***') : text;
      return options.redact ? options.redact(withoutToken) : withoutToken;
    },
    exchanges: [],
  };
  const responses: HookCallResult['responses'] = [];
  const failed = new Set<number>();
  let first: Omit<HookFailure, 'failedChunks' | 'totalChunks'> | undefined;
  let degraded = false;
  const queue = [...requests];

  while (queue.length > 0) {
    const request = queue.shift()!;
    const outcome = await sendWithRetries(request, degraded ? 0 : Math.max(0, Math.floor(options.retries)), ctx);
    if (outcome.kind === 'ok') {
      responses.push({ request, response: outcome.response });
      degraded = false;
      continue;
    }
    if (outcome.kind === 'split') {
      queue.unshift(...outcome.halves);
      continue;
    }
    failed.add(request.metadata.chunk.index);
    first ??= outcome.failure;
    // Said once, by the caller, with the count of chunks that failed; here only in the detailed log.
    options.logger.info(outcome.failure.message);
    if (outcome.failure.kind === 'auth') {
      for (const rest of queue) failed.add(rest.metadata.chunk.index);
      break;
    }
    if (outcome.failure.kind === 'unavailable') degraded = true;
  }

  const totalChunks = new Set(requests.map((r) => r.metadata.chunk.index)).size;
  if (!first) return { responses, exchanges: ctx.exchanges };
  const message =
    totalChunks > 1
      ? `${first.message.replace(/\.$/, '')}; ${failed.size} of ${totalChunks} chunks were not reviewed.`
      : first.message;
  return {
    responses,
    exchanges: ctx.exchanges,
    failure: { ...first, message, failedChunks: failed.size, totalChunks },
  };
}

/** Stable for the same repository, pull request, head SHA, chunk and content; the same on every retry. */
export function computeIdempotencyKey(request: HookRequest): string {
  // The content, not the metadata: a re-run of the same job (new timestamp, run_attempt) keeps the key.
  const content = sha256(JSON.stringify([request.files, request.findings, request.memory]));
  const { index, total, part } = request.metadata.chunk;
  return sha256(
    JSON.stringify([
      'codex-hooks/1',
      request.repository,
      request.pull_request_number,
      request.pull_request.head_sha,
      index,
      total,
      part ?? '',
      content,
    ]),
  );
}

/** Milliseconds from a `Retry-After` header: delta-seconds or an HTTP-date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** Full jitter: a uniform draw in [0, min(max, base × 2^(attempt−1))). `attempt` is 1 for the first retry. */
export function computeBackoff(attempt: number, random: () => number, baseMs = 1000, maxMs = 30_000): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
}

interface CallContext {
  readonly names: { readonly token: string; readonly hookUrl: string };
  readonly options: HookClientOptions;
  readonly url: URL;
  readonly host: string;
  readonly fetch: typeof fetch;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly now: () => Date;
  readonly scrub: (text: string) => string;
  readonly exchanges: HookExchange[];
}

type SendOutcome =
  | { kind: 'ok'; response: HookResponse }
  | { kind: 'split'; halves: [HookRequest, HookRequest] }
  | { kind: 'failed'; failure: Omit<HookFailure, 'failedChunks' | 'totalChunks'> };

type AttemptResult =
  | { kind: 'answer'; status: number; headers: Headers; body: string }
  | { kind: 'too-large-body'; status: number }
  | { kind: 'timeout' }
  | { kind: 'network'; reason: string };

async function sendWithRetries(request: HookRequest, retries: number, ctx: CallContext): Promise<SendOutcome> {
  const { options } = ctx;
  const body = JSON.stringify(request);
  const requestBytes = Buffer.byteLength(body, 'utf8');
  const requestSha256 = sha256(body);
  const idempotencyKey = computeIdempotencyKey(request);
  const chunk = request.metadata.chunk;
  const label = describeChunk(chunk);

  if (requestBytes > options.maxBytes) {
    const halves = splitRequest(request);
    if (halves) {
      options.logger.debug(`Codex hook: ${label} is ${requestBytes} bytes, over hook-max-bytes; halving it`);
      return { kind: 'split', halves };
    }
  }

  const headers = {
    Authorization: `Bearer ${options.token}`,
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'User-Agent': options.userAgent ?? `${PRODUCT}/${VERSION}`,
    'Idempotency-Key': idempotencyKey,
    [HOOK_EVENT_HEADER]: 'prompt.submitted',
  };
  const fail = (kind: HookFailureKind, message: string, status?: number): SendOutcome => ({
    kind: 'failed',
    failure: { kind, message, host: ctx.host, ...(status !== undefined ? { status } : {}) },
  });

  for (let attempt = 1; ; attempt++) {
    const startedAt = ctx.now();
    const started = performance.now();
    const result = await attemptOnce(body, headers, ctx);
    const latencyMs = Math.round(performance.now() - started);
    const record = (
      outcome: HookExchange['outcome'],
      extra: Partial<Pick<HookExchange, 'error' | 'commentCount' | 'retryInMs'>> = {},
    ) => {
      const exchange: HookExchange = {
        timestamp: startedAt.toISOString(),
        chunk,
        attempt,
        status: result.kind === 'answer' || result.kind === 'too-large-body' ? result.status : null,
        outcome,
        latencyMs,
        requestBytes,
        requestSha256,
        idempotencyKey,
        commentCount: 0,
        ...extra,
      };
      ctx.exchanges.push(exchange);
      options.onExchange?.(exchange);
      options.logger.debug(
        `Codex hook: ${label} attempt ${attempt} → ${exchange.status ?? exchange.error} in ${latencyMs} ms (${requestBytes} bytes sent, ${exchange.commentCount} comments)`,
      );
    };

    const attemptsNote = attempt > 1 ? ` after ${attempt} attempts` : '';
    const canRetry = attempt <= retries;
    const retryWait = (retryAfter: string | null) => {
      const asked = parseRetryAfter(retryAfter, ctx.now());
      if (asked !== undefined) return Math.min(asked, options.retryAfterMaxMs ?? 60_000);
      return computeBackoff(attempt, ctx.random, options.backoffBaseMs, options.backoffMaxMs);
    };
    const retryOrFail = async (
      what: string,
      error: HookExchange['error'] | undefined,
      retryAfter: string | null,
      failure: () => SendOutcome,
    ): Promise<SendOutcome | undefined> => {
      if (!canRetry) {
        record('failed', error ? { error } : {});
        return failure();
      }
      const wait = retryWait(retryAfter);
      record('retry', { ...(error ? { error } : {}), retryInMs: wait });
      options.logger.info(
        `Codex hook endpoint ${ctx.host} ${what} for ${label} (attempt ${attempt} of ${retries + 1}); retrying in ${(wait / 1000).toFixed(1)} s`,
      );
      await ctx.sleep(wait);
      return undefined;
    };

    if (result.kind === 'timeout') {
      const done = await retryOrFail(`did not answer within ${formatSeconds(options.timeoutMs)}`, 'timeout', null, () =>
        fail(
          'unavailable',
          `Codex hook endpoint ${ctx.host} did not answer within ${formatSeconds(options.timeoutMs)} for ${label}${attemptsNote} (check that the endpoint is up, or raise hook-timeout).`,
        ),
      );
      if (done) return done;
      continue;
    }
    if (result.kind === 'network') {
      // Scrubbed whole, then cut: a cut token would no longer match the scrub.
      const reason = cut(ctx.scrub(result.reason), 120);
      const done = await retryOrFail(`could not be reached (${reason})`, 'network', null, () =>
        fail(
          'unavailable',
          `Codex hook endpoint ${ctx.host} could not be reached for ${label}${attemptsNote}: ${reason} (check ${ctx.names.hookUrl} and the runner's network).`,
        ),
      );
      if (done) return done;
      continue;
    }
    if (result.kind === 'too-large-body') {
      record('failed', { error: 'body-too-large' });
      return fail(
        'invalid-response',
        `Codex hook endpoint ${ctx.host} answered ${result.status} for ${label} with a body larger than ${formatBytes(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES)}; it was not read (an endpoint error).`,
        result.status,
      );
    }

    const { status } = result;
    if (status >= 200 && status < 300) {
      try {
        const response = parseHookResponse(result.body, { redact: ctx.scrub });
        record('ok', { commentCount: response.comments.length });
        return { kind: 'ok', response };
      } catch (error) {
        if (!(error instanceof HookResponseError)) throw error;
        record('failed', { error: 'invalid-response' });
        return fail(
          'invalid-response',
          `Codex hook endpoint ${ctx.host} answered ${status} for ${label} but ${ctx.scrub(error.message)} (an endpoint error; see docs/hook-protocol.md).`,
          status,
        );
      }
    }
    if (status === 401 || status === 403) {
      record('failed');
      return fail(
        'auth',
        // The endpoint's own reason (expired, revoked, missing scope, address not allowed) says what to fix.
        `Codex hook endpoint ${ctx.host} answered ${status}${describeEndpointMessage(result.body, ctx)}. The token in ${ctx.names.token} is invalid, expired or lacks the 'hooks:trigger' scope, or this address is not allowed; no further requests were sent (create or rotate the token and check its scopes and IP allowlist).`,
        status,
      );
    }
    if (status === 413) {
      const halves = splitRequest(request);
      if (halves) {
        record('split');
        options.logger.info(
          `Codex hook endpoint ${ctx.host} answered 413 for ${label}; halving it and sending the halves`,
        );
        return { kind: 'split', halves };
      }
      record('failed');
      return fail(
        'too-large',
        `Codex hook endpoint ${ctx.host} answered 413 for ${label}, which cannot be split further (${requestBytes} bytes, one hunk; raise the endpoint's limit).`,
        status,
      );
    }
    if (RETRYABLE.has(status)) {
      const done = await retryOrFail(`answered ${status}`, undefined, result.headers.get('retry-after'), () =>
        fail(
          'unavailable',
          `Codex hook endpoint ${ctx.host} answered ${status} for ${label}${attemptsNote}${describeEndpointMessage(result.body, ctx)} (the endpoint is unavailable; try again later or raise hook-retries).`,
          status,
        ),
      );
      if (done) return done;
      continue;
    }
    record('failed');
    if (status >= 300 && status < 400) {
      return fail(
        'rejected',
        `Codex hook endpoint ${ctx.host} answered ${status}, a redirect, which is not followed so the token stays with the configured host (set ${ctx.names.hookUrl} to the final address).`,
        status,
      );
    }
    return fail(
      'rejected',
      `Codex hook endpoint ${ctx.host} refused ${label} with ${status}${describeEndpointMessage(result.body, ctx)} (not retried; check the request against docs/hook-protocol.md).`,
      status,
    );
  }
}

async function attemptOnce(body: string, headers: Record<string, string>, ctx: CallContext): Promise<AttemptResult> {
  const cap = ctx.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  try {
    const response = await ctx.fetch(ctx.url, {
      method: 'POST',
      headers,
      body,
      // Never follow: a redirect would carry the token to an address the user did not configure.
      redirect: 'manual',
      signal: AbortSignal.timeout(ctx.options.timeoutMs),
    });
    const text = await readBodyCapped(response, cap);
    if (text === undefined) return { kind: 'too-large-body', status: response.status };
    return { kind: 'answer', status: response.status, headers: response.headers, body: text };
  } catch (error) {
    if (isTimeout(error)) return { kind: 'timeout' };
    return { kind: 'network', reason: describeNetworkError(error) };
  }
}

/** The body as text, or undefined when it is larger than `cap` (read no further than that). */
async function readBodyCapped(response: Response, cap: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > cap) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  const causeName = (error as { cause?: { name?: unknown } } | null)?.cause?.name;
  return name === 'TimeoutError' || causeName === 'TimeoutError' || causeName === 'HeadersTimeoutError';
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `: "message"` from an error body: its `error`/`message` field if JSON, else its text; short and redacted. */
function describeEndpointMessage(body: string, ctx: CallContext): string {
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
  return `: ${quoteExcerpt(text, ctx.scrub, ENDPOINT_MESSAGE_CHARS)}`;
}

function describeChunk(chunk: HookChunk): string {
  return `chunk ${chunk.index + 1}/${chunk.total}${chunk.part ? ` (part ${chunk.part})` : ''}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${bytes} bytes`;
}
