import { createHash } from 'node:crypto';
import type { Logger } from '../logger.js';
import { PRODUCT, VERSION } from '../core/version.js';
import { splitRequest } from './payload.js';
import {
  classifyAttempt,
  describeChunk,
  type AttemptError,
  type AttemptResult,
  type ClassifyContext,
  type FailureReport,
  type HookFailureKind,
} from './classify.js';
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
  readonly error?: AttemptError;
  readonly latencyMs: number;
  readonly requestBytes: number;
  readonly requestSha256: string;
  readonly idempotencyKey: string;
  /** Comments in a valid 200 answer; 0 otherwise. */
  readonly commentCount: number;
  /** Seconds waited before the next attempt, when retrying. */
  readonly retryInMs?: number;
}

export type { HookFailureKind };

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

/** One request as it goes on the wire, the same on every attempt. */
interface Outgoing {
  readonly request: HookRequest;
  readonly body: string;
  readonly headers: Record<string, string>;
  readonly requestBytes: number;
  readonly requestSha256: string;
  readonly idempotencyKey: string;
  readonly label: string;
}

/** Attempts until an answer, a split or a failure; classifyAttempt (classify.ts) decides each step. */
async function sendWithRetries(request: HookRequest, retries: number, ctx: CallContext): Promise<SendOutcome> {
  const out = prepareOutgoing(request, ctx.options);
  if (out.requestBytes > ctx.options.maxBytes) {
    const halves = splitRequest(request);
    if (halves) {
      ctx.options.logger.debug(
        `Codex hook: ${out.label} is ${out.requestBytes} bytes, over hook-max-bytes; halving it`,
      );
      return { kind: 'split', halves };
    }
  }
  const classifying: ClassifyContext = {
    host: ctx.host,
    names: ctx.names,
    timeoutMs: ctx.options.timeoutMs,
    maxResponseBytes: ctx.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    scrub: ctx.scrub,
  };
  for (let attempt = 1; ; attempt++) {
    const startedAt = ctx.now();
    const started = performance.now();
    const result = await attemptOnce(out.body, out.headers, ctx);
    const status = result.kind === 'answer' || result.kind === 'too-large-body' ? result.status : null;
    const attemptFacts = { attempt, startedAt, latencyMs: Math.round(performance.now() - started), status };
    const record = (outcome: HookExchange['outcome'], extra: ExchangeExtra = {}) =>
      recordExchange(ctx, out, attemptFacts, outcome, extra);
    const verdict = classifyAttempt(result, { request, attempt, requestBytes: out.requestBytes }, classifying);
    switch (verdict.kind) {
      case 'ok':
        record('ok', { commentCount: verdict.response.comments.length });
        return { kind: 'ok', response: verdict.response };
      case 'split':
        record('split');
        ctx.options.logger.info(
          `Codex hook endpoint ${ctx.host} answered 413 for ${out.label}; halving it and sending the halves`,
        );
        return { kind: 'split', halves: verdict.halves };
      case 'fail':
        record('failed', verdict.error ? { error: verdict.error } : {});
        return failedWith(verdict.failure, ctx);
      case 'retry': {
        if (attempt > retries) {
          record('failed', verdict.error ? { error: verdict.error } : {});
          return failedWith(verdict.failure, ctx);
        }
        const wait = retryWait(verdict.retryAfter, attempt, ctx);
        record('retry', { ...(verdict.error ? { error: verdict.error } : {}), retryInMs: wait });
        ctx.options.logger.info(
          `Codex hook endpoint ${ctx.host} ${verdict.what} for ${out.label} (attempt ${attempt} of ${retries + 1}); retrying in ${(wait / 1000).toFixed(1)} s`,
        );
        await ctx.sleep(wait);
      }
    }
  }
}

function prepareOutgoing(request: HookRequest, options: HookClientOptions): Outgoing {
  const body = JSON.stringify(request);
  const idempotencyKey = computeIdempotencyKey(request);
  return {
    request,
    body,
    requestBytes: Buffer.byteLength(body, 'utf8'),
    requestSha256: sha256(body),
    idempotencyKey,
    label: describeChunk(request.metadata.chunk),
    headers: {
      Authorization: `Bearer ${options.token}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'User-Agent': options.userAgent ?? `${PRODUCT}/${VERSION}`,
      'Idempotency-Key': idempotencyKey,
      [HOOK_EVENT_HEADER]: 'prompt.submitted',
    },
  };
}

function failedWith(failure: FailureReport, ctx: CallContext): SendOutcome {
  return {
    kind: 'failed',
    failure: {
      kind: failure.kind,
      message: failure.message,
      host: ctx.host,
      ...(failure.status !== undefined ? { status: failure.status } : {}),
    },
  };
}

/** The wait before the next attempt: what `Retry-After` asks (capped), else backoff with full jitter. */
function retryWait(retryAfter: string | null, attempt: number, ctx: CallContext): number {
  const asked = parseRetryAfter(retryAfter, ctx.now());
  if (asked !== undefined) return Math.min(asked, ctx.options.retryAfterMaxMs ?? 60_000);
  return computeBackoff(attempt, ctx.random, ctx.options.backoffBaseMs, ctx.options.backoffMaxMs);
}

type ExchangeExtra = Partial<Pick<HookExchange, 'error' | 'commentCount' | 'retryInMs'>>;

function recordExchange(
  ctx: CallContext,
  out: Outgoing,
  attempt: { attempt: number; startedAt: Date; latencyMs: number; status: number | null },
  outcome: HookExchange['outcome'],
  extra: ExchangeExtra,
): void {
  const exchange: HookExchange = {
    timestamp: attempt.startedAt.toISOString(),
    chunk: out.request.metadata.chunk,
    attempt: attempt.attempt,
    status: attempt.status,
    outcome,
    latencyMs: attempt.latencyMs,
    requestBytes: out.requestBytes,
    requestSha256: out.requestSha256,
    idempotencyKey: out.idempotencyKey,
    commentCount: 0,
    ...extra,
  };
  ctx.exchanges.push(exchange);
  ctx.options.onExchange?.(exchange);
  ctx.options.logger.debug(
    `Codex hook: ${out.label} attempt ${attempt.attempt} → ${exchange.status ?? exchange.error} in ${attempt.latencyMs} ms (${out.requestBytes} bytes sent, ${exchange.commentCount} comments)`,
  );
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

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
