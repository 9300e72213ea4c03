import OpenAI, { AzureOpenAI } from 'openai';
import type { Response as ModelResponse } from 'openai/resources/responses/responses';
import type { Reviewer, ReviewUsage } from '../ports.js';
import { NO_USAGE, reviewWithModel, type ModelReply } from './model-review.js';
import { CHARS_PER_TOKEN } from './review-prompt.js';
import { REVIEW_SCHEMA, REVIEW_SCHEMA_NAME } from './review-schema.js';

/**
 * The `openai` reviewer: the Responses API (`POST {baseUrl}/responses`) with structured output, through the
 * official `openai` package (its retries honour `Retry-After`). Any server that implements the Responses API
 * works by base URL; Azure OpenAI goes through the package's AzureOpenAI client (`api-key` header).
 * The key goes in the auth header and nowhere else: every error text is scrubbed of it.
 */

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_MODEL = 'gpt-5-mini';
/** Largest answer body read; a larger one is an error. */
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

export interface OpenAiReviewerOptions {
  readonly apiKey: string;
  readonly model: string;
  /** Default {@link DEFAULT_OPENAI_BASE_URL}. */
  readonly baseUrl?: string;
  /** Set for Azure OpenAI: the `api-version` the AzureOpenAI client sends. */
  readonly azureApiVersion?: string;
  /** Per attempt, covering the connection, the answer and its whole body. */
  readonly timeoutMs: number;
  readonly retries: number;
  /** The input-token budget of one request (estimated from characters). */
  readonly maxInputTokens: number;
  readonly maxOutputTokens: number;
  readonly fetch?: typeof fetch;
}

/** Share of the token budget given to the protocol v1 request the prompt is built from (line numbers and fences add the rest). */
const REQUEST_SHARE = 0.8;

/** Bytes of a protocol v1 request whose prompt fits the token budget, the instructions included. */
export function maxRequestBytesFor(maxInputTokens: number): number {
  return Math.max(4096, Math.floor(maxInputTokens * CHARS_PER_TOKEN * REQUEST_SHARE) - 2048);
}

export function createOpenAiReviewer(options: OpenAiReviewerOptions): Reviewer {
  const baseUrl = options.baseUrl || DEFAULT_OPENAI_BASE_URL;
  const host = new URL(baseUrl).host;
  let attempts = 0;
  const countingFetch = wholeBodyFetch(options.fetch ?? globalThis.fetch, options.timeoutMs, () => attempts++);
  const common = {
    apiKey: options.apiKey,
    maxRetries: options.retries,
    timeout: options.timeoutMs,
    fetch: countingFetch,
  };
  const client = options.azureApiVersion
    ? new AzureOpenAI({ ...common, baseURL: baseUrl, apiVersion: options.azureApiVersion })
    : new OpenAI({ ...common, baseURL: baseUrl });
  const scrub = (text: string): string => (options.apiKey ? text.split(options.apiKey).join('***') : text);

  return {
    kind: 'openai',
    target: `${options.model} at ${host}`,
    maxRequestBytes: maxRequestBytesFor(options.maxInputTokens),
    review: (requests, context) =>
      reviewWithModel(requests, context, host, options.maxInputTokens, async (prompt) => {
        const before = attempts;
        const counted = (usage: ReviewUsage): ReviewUsage => ({ ...usage, requests: attempts - before });
        try {
          const response = await client.responses.create({
            model: options.model,
            instructions: prompt.instructions,
            input: prompt.input,
            text: { format: { type: 'json_schema', name: REVIEW_SCHEMA_NAME, strict: true, schema: REVIEW_SCHEMA } },
            max_output_tokens: options.maxOutputTokens,
            store: false,
          });
          return readResponse(response, counted);
        } catch (error) {
          const failure = describeError(error, host, scrub);
          return { kind: 'failed', failure, usage: counted(NO_USAGE) };
        }
      }),
  };
}

function readResponse(response: ModelResponse, counted: (usage: ReviewUsage) => ReviewUsage): ModelReply {
  const usage = counted({
    requests: 0,
    inputTokens: response.usage?.input_tokens ?? 0,
    outputTokens: response.usage?.output_tokens ?? 0,
    cachedTokens: response.usage?.input_tokens_details?.cached_tokens ?? 0,
  });
  const parts = response.output.flatMap((item) => (item.type === 'message' ? item.content : []));
  const refusal = parts.find((p) => p.type === 'refusal');
  if (refusal) return { kind: 'refused', refusal: refusal.refusal, usage };
  if (response.status === 'incomplete') {
    if (response.incomplete_details?.reason === 'content_filter') return { kind: 'refused', refusal: '', usage };
    return { kind: 'truncated', usage };
  }
  const text = parts.map((p) => (p.type === 'output_text' ? p.text : '')).join('');
  return { kind: 'text', text, usage };
}

function describeError(
  error: unknown,
  host: string,
  scrub: (text: string) => string,
): { kind: 'auth' | 'rejected' | 'unavailable' | 'invalid-response' | 'timeout'; message: string; status?: number } {
  if (error instanceof OpenAI.APIConnectionTimeoutError || isAbort(error)) {
    return { kind: 'timeout', message: `${host} did not answer in time (after retries)` };
  }
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    const status = error.status as number;
    if (status === 401 || status === 403) {
      // The API's own message may quote part of the key: not repeated.
      return {
        kind: 'auth',
        status,
        message: `${host} refused the API key (HTTP ${status}); check the key and its project`,
      };
    }
    const said = scrub(String((error.error as { message?: unknown } | undefined)?.message ?? '')).slice(0, 300);
    const kind = status === 429 || status >= 500 ? 'unavailable' : 'rejected';
    return { kind, status, message: `${host} answered HTTP ${status}${said ? `: ${said}` : ''}` };
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return {
      kind: 'unavailable',
      message: `could not reach ${host}: ${scrub(String(error.cause ?? error.message)).slice(0, 200)}`,
    };
  }
  if (error instanceof SyntaxError)
    return { kind: 'invalid-response', message: `${host} answered with a body that is not JSON` };
  return {
    kind: 'invalid-response',
    message: `${host}: ${scrub(error instanceof Error ? error.message : String(error)).slice(0, 200)}`,
  };
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/**
 * A fetch that reads the whole answer within the attempt's timeout: the package's own timeout stops at the
 * headers, so a body that never ends would hang the review. Counts every attempt.
 */
function wholeBodyFetch(base: typeof fetch, timeoutMs: number, onAttempt: () => void): typeof fetch {
  return async (input, init) => {
    onAttempt();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), timeoutMs);
    const outer = init?.signal;
    const relay = (): void => controller.abort(outer?.reason);
    outer?.addEventListener('abort', relay, { once: true });
    try {
      const response = await base(input, { ...init, signal: controller.signal });
      const body = await readCapped(response, MAX_RESPONSE_BYTES);
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', relay);
    }
  };
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new Error(`the answer is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
