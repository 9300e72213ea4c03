import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReviewUsage } from '../ports.js';

/**
 * A loopback Responses-API proxy that holds the API key, as openai/codex-action runs Codex: Codex's provider
 * points here with a one-run token, so the agent's own commands (a shell can print its environment) never see
 * the key. Forwards `POST …/responses` upstream with the real key, streams the answer back, and counts the
 * requests and the usage of `response.completed` events on the way.
 */
export interface ResponsesProxy {
  /** `http://127.0.0.1:<port>/v1`. */
  readonly baseUrl: string;
  /** What Codex sends as Bearer: valid for this proxy only. */
  readonly token: string;
  readonly usage: () => ReviewUsage;
  /** The last upstream failure (unreachable, HTTP error), for the message when Codex gives up or hangs. */
  readonly lastProblem: () => string | undefined;
  close(): Promise<void>;
}

export interface ResponsesProxyOptions {
  readonly upstreamBaseUrl: string;
  readonly apiKey: string;
  readonly fetch?: typeof fetch;
}

/** What the proxy keeps across requests. */
interface ProxyState {
  readonly token: string;
  readonly apiKey: string;
  readonly upstream: string;
  readonly upstreamHost: string;
  readonly fetch: typeof fetch;
  readonly usage: { requests: number; inputTokens: number; outputTokens: number; cachedTokens: number };
  lastProblem: string | undefined;
  readonly open: Set<ServerResponse>;
  // Closing the proxy also ends its upstream calls: a body that never ends must not keep the process alive.
  readonly upstreamCalls: AbortController;
}

export async function startResponsesProxy(options: ResponsesProxyOptions): Promise<ResponsesProxy> {
  const upstream = options.upstreamBaseUrl.replace(/\/+$/, '');
  const state: ProxyState = {
    token: `codex-hooks-proxy-${randomBytes(16).toString('hex')}`,
    apiKey: options.apiKey,
    upstream,
    upstreamHost: new URL(upstream).host,
    fetch: options.fetch ?? globalThis.fetch,
    usage: { requests: 0, inputTokens: 0, outputTokens: 0, cachedTokens: 0 },
    lastProblem: undefined,
    open: new Set<ServerResponse>(),
    upstreamCalls: new AbortController(),
  };
  const server: Server = createServer((req, res) => void forward(state, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    token: state.token,
    usage: () => ({ ...state.usage }),
    lastProblem: () => state.lastProblem,
    close: async () => {
      state.upstreamCalls.abort();
      for (const res of state.open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One Codex request: checked against the one-run token, sent upstream with the real key, answered as it streams. */
async function forward(state: ProxyState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const path = (req.url ?? '').split('?')[0] ?? '';
  const authorized = req.headers.authorization === `Bearer ${state.token}`;
  if (!authorized || req.method !== 'POST' || !path.endsWith('/responses')) {
    answerError(res, authorized ? 404 : 401, 'not allowed by the codex-hooks proxy', 'invalid_request_error');
    return;
  }
  state.usage.requests++;
  let answer: Response;
  try {
    answer = await state.fetch(`${state.upstream}/responses`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${state.apiKey}`,
        'content-type': 'application/json',
        accept: String(req.headers.accept ?? 'text/event-stream'),
      },
      body: Buffer.concat(chunks),
      signal: state.upstreamCalls.signal,
    });
  } catch (error) {
    state.lastProblem = `the model provider at ${state.upstreamHost} could not be reached (${describeCause(error)})`;
    answerError(res, 502, state.lastProblem, 'server_error');
    return;
  }
  if (!answer.ok) state.lastProblem = `the model provider at ${state.upstreamHost} answered HTTP ${answer.status}`;
  await relay(state, answer, res);
}

function answerError(res: ServerResponse, status: number, message: string, type: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message, type, code: null, param: null } }));
}

/** Streams the upstream answer back to Codex, counting the usage it reports on the way. */
async function relay(state: ProxyState, answer: Response, res: ServerResponse): Promise<void> {
  res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
  state.open.add(res);
  const tap = createUsageTap((u) => {
    state.usage.inputTokens += u.inputTokens;
    state.usage.outputTokens += u.outputTokens;
    state.usage.cachedTokens += u.cachedTokens;
  });
  try {
    if (answer.body) {
      for await (const chunk of Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream<Uint8Array>)) {
        tap(chunk as Buffer);
        res.write(chunk);
      }
    }
  } catch (error) {
    state.lastProblem = `the model provider at ${state.upstreamHost} broke off its answer (${describeCause(error)})`;
  } finally {
    state.open.delete(res);
    res.end();
  }
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Reads `usage` from the `response.completed` / `response.incomplete` events (or a JSON answer) passing by. */
function createUsageTap(onUsage: (usage: Omit<ReviewUsage, 'requests'>) => void): (chunk: Buffer) => void {
  let pending = '';
  const readLine = (line: string): void => {
    const data = line.startsWith('data:') ? line.slice(5).trim() : line.startsWith('{') ? line : '';
    if (!data.includes('"usage"')) return;
    try {
      const event = JSON.parse(data) as { response?: { usage?: RawUsage }; usage?: RawUsage };
      const raw = event.response?.usage ?? event.usage;
      if (raw) {
        onUsage({
          inputTokens: raw.input_tokens ?? 0,
          outputTokens: raw.output_tokens ?? 0,
          cachedTokens: raw.input_tokens_details?.cached_tokens ?? 0,
        });
      }
    } catch {
      // Not an event with usage (a partial or foreign line): nothing to count.
    }
  };
  return (chunk) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) readLine(line);
  };
}

interface RawUsage {
  readonly input_tokens?: number;
  readonly output_tokens?: number;
  readonly input_tokens_details?: { readonly cached_tokens?: number };
}
