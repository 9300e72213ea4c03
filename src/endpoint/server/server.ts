import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { AuditLog } from '../../audit/index.js';
import type { ReviewUsage } from '../../ports.js';
import { authorize, clientAddress, identifyAccessToken, type Caller, type Denial } from './authorize.js';
import type { LoadedPolicy, PolicyHolder } from './policy-file.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_CONCURRENT } from './policy.js';
import { UsageWindows } from './usage-window.js';
import { ConfigurationError } from '../../errors.js';
import { describeSchemaErrors, requestSchemaValidator } from '../schema.js';
import { fingerprintToken, isLoopbackHost } from '../token.js';
import type { HookRequest, HookResponse } from '../types.js';
import { auditPayload } from './audit-payload.js';
import { RULES_BACKEND, type ReviewBackend } from './backend.js';

/**
 * The codex-hooks endpoint (protocol v1): a review backend (the reference rules, or a model) behind a token-governed gateway.
 * Without a policy it is a loopback-only stand-in that checks one token; with a policy it checks access
 * tokens and JWTs, scopes, client addresses and usage limits, may listen beyond loopback, and audits each use.
 */

/** One structured log line; the server never passes a token to it. */
export type StructuredLog = (level: 'info' | 'warning' | 'error', event: string, fields?: object) => void;

export interface HookServerOptions {
  /** 0 or absent: any free port. */
  readonly port?: number;
  /** Default 127.0.0.1; a non-loopback address needs a policy. */
  readonly host?: string;
  /** The one bearer token of the loopback stand-in (no policy). */
  readonly token?: string;
  readonly policy?: PolicyHolder;
  /** JSONL audit log of every request (token id and fingerprint, never the token). */
  readonly auditLog?: AuditLog;
  readonly log?: StructuredLog;
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  /** Without a policy: larger bodies get 413. Default 10 MB. */
  readonly maxBodyBytes?: number;
  readonly now?: () => Date;
  /** What answers the reviews; default the offline reference rules. */
  readonly backend?: ReviewBackend;
}

export interface HookServer {
  /** `http(s)://host:port/`; the endpoint answers POST on any path, GET /healthz. */
  readonly url: string;
  /** Graceful: new requests get 503 + Retry-After, in-flight ones finish, then the socket closes. */
  close(): Promise<void>;
}

export function generateLocalToken(): string {
  return `cdx_local_${randomBytes(24).toString('base64url')}`;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

type PayloadFor = (request: HookRequest, response: HookResponse | undefined) => object;

interface Answer {
  (status: number, body: unknown, extra?: object, headers?: Record<string, string>): void;
}

export async function startHookServer(options: HookServerOptions): Promise<HookServer> {
  const host = options.host ?? '127.0.0.1';
  checkServerOptions(options, host);
  const now = options.now ?? (() => new Date());
  const windows = new UsageWindows();
  const identify = identifier(options, now);
  const backend = options.backend ?? RULES_BACKEND;
  let inFlight = 0;
  let draining = false;
  const idleWaiters: (() => void)[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const checkStarted = performance.now();
    const presented = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    // One look at the policy per request (a stat, and a reload if the file changed).
    const loaded = options.policy?.current();
    const policy = loaded?.policy;
    const client = clientAddress(
      req.socket.remoteAddress ?? '',
      headerValue(req.headers['x-forwarded-for']),
      policy?.trustedProxies ?? [],
    );
    const exchange = startExchange(req, res, { client, presented, now, options, draining: () => draining });
    const answer = exchange.answer;
    if (req.method === 'GET' && pathOf(req.url) === '/healthz') {
      const body = draining ? { status: 'draining' } : { status: 'ok', in_flight: inFlight };
      return void writeJson(res, draining ? 503 : 200, body, draining ? { 'Retry-After': '5' } : {});
    }
    if (draining)
      return refuse(req, answer, 'the server is shutting down; retry shortly', '5', { Connection: 'close' });
    if (req.method !== 'POST') return refuse(req, answer, 'use POST', undefined, { Allow: 'POST' }, 405);
    // Access tokens are checked synchronously; only a JWT (a JWKS fetch, perhaps) waits.
    const found = identify(presented, loaded);
    const identity = found instanceof Promise ? await found : found;
    if ('status' in identity) return deny(req, answer, identity);
    exchange.caller = identity;
    const denial = authorize(identity, client, windows, now());
    exchange.checkMs = performance.now() - checkStarted;
    if (denial) return deny(req, answer, denial);
    const maxConcurrent = policy?.maxConcurrent ?? DEFAULT_MAX_CONCURRENT;
    if (inFlight >= maxConcurrent)
      return refuse(req, answer, `too many reviews in progress (limit ${maxConcurrent})`, '1');
    inFlight++;
    try {
      const payloadFor: PayloadFor | undefined = policy?.audit?.includePayload
        ? (request, response) => auditPayload(request, response, presented)
        : undefined;
      const maxBodyBytes = policy?.maxBodyBytes ?? options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      await serveReview(req, answer, maxBodyBytes, backend, payloadFor);
    } finally {
      inFlight--;
      if (inFlight === 0) for (const wake of idleWaiters.splice(0)) wake();
    }
  };

  const server = await listen(options, host, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log?.('error', 'internal-error', { error: String(error).slice(0, 200) });
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'internal error' }));
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `${options.tls ? 'https' : 'http'}://${urlHost}:${address.port}/`,
    close: async () => {
      draining = true;
      // Still listening while reviews are in flight: a new request gets 503 + Retry-After (the action, or a
      // load balancer, retries later or elsewhere) rather than a refused connection. Then stop listening.
      if (inFlight > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await options.auditLog?.flush().catch(() => undefined);
    },
  };
}

/** Without a policy, the server is the loopback stand-in with one token; anything wider needs a policy. */
function checkServerOptions(options: HookServerOptions, host: string): void {
  if (!options.policy && !isLoopbackHost(host)) {
    throw new ConfigurationError(
      `must be a loopback address (127.0.0.1, ::1, localhost) without a policy, not ${host}: listening beyond loopback needs --policy FILE`,
      "option '--host'",
    );
  }
  if (!options.policy && !options.token) throw new ConfigurationError('a token or a policy is required', 'hook-server');
}

/** Who calls: a Caller, or the 401 to answer. Without a policy, the one token of the loopback stand-in. */
function identifier(
  options: HookServerOptions,
  now: () => Date,
): (presented: string | undefined, loaded: LoadedPolicy | undefined) => Caller | Denial | Promise<Caller | Denial> {
  const expected = options.token ? createHash('sha256').update(options.token).digest() : undefined;
  return (presented, loaded) => {
    if (!presented) return { status: 401, kind: 'missing-token', message: 'missing bearer token' };
    if (!loaded) {
      const digest = createHash('sha256').update(presented).digest();
      return expected && timingSafeEqual(digest, expected)
        ? { kind: 'access-token', tokenId: 'local', scopes: ['hooks:trigger'], ipRestrictions: [], auditEnabled: true }
        : { status: 401, kind: 'unknown-token', message: 'invalid bearer token' };
    }
    if (loaded.verifyJwt && JWT_SHAPE.test(presented)) return loaded.verifyJwt(presented);
    return identifyAccessToken(presented, loaded.index, now());
  };
}

interface Exchange {
  readonly answer: Answer;
  caller?: Caller;
  /** Time spent identifying and authorizing the caller (the policy check), for the log and the bench. */
  checkMs?: number;
}

/** One request's answer: the response, then one audit line (unless the token opts out) and one log line. */
function startExchange(
  req: IncomingMessage,
  res: ServerResponse,
  context: {
    client: string;
    presented: string | undefined;
    now: () => Date;
    options: HookServerOptions;
    /** Once the server drains, every answer closes its connection, so close() need not wait for idle ones. */
    draining: () => boolean;
  },
): Exchange {
  const { options, presented } = context;
  const started = performance.now();
  const base = {
    timestamp: context.now().toISOString(),
    event: 'prompt.submitted',
    client_address: context.client,
    idempotency_key: headerValue(req.headers['idempotency-key']) ?? null,
    token_fingerprint: presented ? fingerprintToken(presented) : null,
  };
  const auditFailed = (error: unknown) =>
    options.log?.('error', 'audit-write-failed', { error: String(error).slice(0, 200) });
  const exchange: Exchange = {
    answer: (status, body, extra = {}, headers = {}) => {
      writeJson(res, status, body, {
        ...(status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}),
        ...(context.draining() ? { Connection: 'close' } : {}),
        ...headers,
      });
      // The reviewed content goes to the audit log only (when the policy asks), never to the server's log.
      const { payload, ...fields } = extra as { payload?: object; token_id?: string };
      const record = {
        ...base,
        token_id: exchange.caller?.tokenId ?? fields.token_id ?? null,
        scopes: exchange.caller?.scopes ?? null,
        status,
        latency_ms: roundMs(performance.now() - started),
        ...(exchange.checkMs !== undefined ? { check_ms: roundMs(exchange.checkMs) } : {}),
        ...fields,
      };
      if (exchange.caller?.auditEnabled !== false)
        void options.auditLog?.write(payload ? { ...record, payload } : record).catch(auditFailed);
      options.log?.('info', 'request', { method: req.method, path: pathOf(req.url), ...record });
    },
  };
  return exchange;
}

function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Answers without reading the body: 503 (draining, too busy) with Retry-After, or another status. */
function refuse(
  req: IncomingMessage,
  answer: Answer,
  error: string,
  retryAfter: string | undefined,
  headers: Record<string, string> = {},
  status = 503,
): void {
  req.resume();
  answer(status, { error }, {}, { ...(retryAfter ? { 'Retry-After': retryAfter } : {}), ...headers });
}

async function listen(
  options: HookServerOptions,
  host: string,
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Server> {
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : createHttpServer(listener);
  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => reject(describeListenError(error, host, options.port ?? 0));
    server.once('error', failed);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  return server;
}

function deny(req: IncomingMessage, answer: Answer, denial: Denial): void {
  req.resume();
  answer(
    denial.status,
    { error: denial.message, reason: denial.kind },
    { denied: denial.kind, ...(denial.tokenId ? { token_id: denial.tokenId } : {}) },
    denial.retryAfterSeconds !== undefined ? { 'Retry-After': String(denial.retryAfterSeconds) } : {},
  );
}

async function serveReview(
  req: IncomingMessage,
  answer: Answer,
  maxBodyBytes: number,
  backend: ReviewBackend,
  payloadFor: PayloadFor | undefined,
): Promise<void> {
  const event = headerValue(req.headers['x-codex-hook-event']);
  if (event !== 'prompt.submitted') {
    req.resume();
    return answer(400, { error: `X-Codex-Hook-Event must be prompt.submitted, not ${JSON.stringify(event ?? null)}` });
  }
  const raw = await readBody(req, maxBodyBytes);
  if (raw === undefined) return answer(413, { error: `request body larger than ${maxBodyBytes} bytes` });
  const info = { request_bytes: raw.length, request_sha256: createHash('sha256').update(raw).digest('hex') };
  let data: unknown;
  try {
    data = JSON.parse(raw.toString('utf8'));
  } catch {
    return answer(400, { error: 'request body is not valid JSON' }, info);
  }
  const validate = requestSchemaValidator();
  if (!validate(data)) {
    const errors = describeSchemaErrors(validate.errors, 'request', 20);
    return answer(422, { error: 'request does not match protocol v1', errors }, info);
  }
  const request = data as HookRequest;
  const outcome = await backend.review(request);
  const details = {
    ...info,
    repository: request.repository,
    pull_request_number: request.pull_request_number,
    head_sha: request.pull_request.head_sha,
    event_type: request.event_type,
    chunk: request.metadata.chunk,
    backend: backend.name,
    model: backend.model,
    ...usageFields(outcome.usage),
  };
  if (outcome.kind === 'failed') {
    return answer(
      outcome.status,
      { error: outcome.message, reason: outcome.reason },
      { ...details, failed: outcome.reason, ...(payloadFor ? { payload: payloadFor(request, undefined) } : {}) },
      outcome.status === 502 ? {} : { 'Retry-After': '5' },
    );
  }
  answer(200, outcome.response, {
    ...details,
    comment_count: outcome.response.comments.length,
    ...(payloadFor ? { payload: payloadFor(request, outcome.response) } : {}),
  });
}

/** The model's token usage, for the audit log (absent for the rules). */
function usageFields(usage: ReviewUsage | undefined): object {
  return usage
    ? {
        model_requests: usage.requests,
        input_tokens: usage.inputTokens,
        output_tokens: usage.outputTokens,
        cached_tokens: usage.cachedTokens,
      }
    : {};
}

function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?')[0]!.slice(0, 200);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The body, or undefined once it passes `max` bytes (the rest is drained, not kept). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (part: Buffer) => {
      size += part.length;
      if (size > max) tooLarge = true;
      if (!tooLarge) parts.push(part);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/** The operator must act on these (another process, a privileged port, an address this host lacks): say so. */
function describeListenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `${host}:${port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new ConfigurationError(`${where} is already in use by another process; choose another --port`);
    case 'EACCES':
      return new ConfigurationError(`not allowed to listen on ${where}; ports below 1024 need privileges`);
    case 'EADDRNOTAVAIL':
      return new ConfigurationError(`${host} is not an address of this host; choose another --host`);
    default:
      return error;
  }
}
