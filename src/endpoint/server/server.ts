import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { AuditLog } from '../../audit/index.js';
import { authorize, clientAddress, identifyAccessToken, type Caller, type Denial } from './authorize.js';
import type { PolicyHolder } from './policy-file.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_CONCURRENT } from './policy.js';
import { UsageWindows } from './usage-window.js';
import { ConfigurationError } from '../../errors.js';
import { describeSchemaErrors, requestSchemaValidator } from '../schema.js';
import { fingerprintToken, isLoopbackHost } from '../token.js';
import type { HookRequest, HookResponse } from '../types.js';
import { reviewRequest } from './rules.js';

/**
 * The codex-hooks endpoint (protocol v1): the reference rules reviewer behind a token-governed gateway.
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
  /** The reviewer; default the reference rules. */
  readonly review?: (request: HookRequest) => Promise<HookResponse> | HookResponse;
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

interface Answer {
  (status: number, body: unknown, extra?: object, headers?: Record<string, string>): void;
}

export async function startHookServer(options: HookServerOptions): Promise<HookServer> {
  const host = options.host ?? '127.0.0.1';
  if (!options.policy && !isLoopbackHost(host)) {
    throw new ConfigurationError(
      `must be a loopback address (127.0.0.1, ::1, localhost) without a policy, not ${host}: listening beyond loopback needs --policy FILE`,
      "option '--host'",
    );
  }
  if (!options.policy && !options.token) throw new ConfigurationError('a token or a policy is required', 'hook-server');
  const now = options.now ?? (() => new Date());
  const windows = new UsageWindows();
  const expected = options.token ? createHash('sha256').update(options.token).digest() : undefined;
  const review = options.review ?? reviewRequest;
  let inFlight = 0;
  let draining = false;

  /** Who calls: a Caller, or the 401 to answer. */
  const identify = async (presented: string | undefined): Promise<Caller | Denial> => {
    if (!presented) return { status: 401, kind: 'missing-token', message: 'missing bearer token' };
    if (!options.policy) {
      const digest = createHash('sha256').update(presented).digest();
      return expected && timingSafeEqual(digest, expected)
        ? { kind: 'access-token', tokenId: 'local', scopes: ['hooks:trigger'], ipRestrictions: [], auditEnabled: true }
        : { status: 401, kind: 'unknown-token', message: 'invalid bearer token' };
    }
    const loaded = options.policy.current();
    if (loaded.verifyJwt && JWT_SHAPE.test(presented)) return loaded.verifyJwt(presented);
    return identifyAccessToken(presented, loaded.index, now());
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const presented = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    const policy = options.policy?.current().policy;
    const client = clientAddress(
      req.socket.remoteAddress ?? '',
      headerValue(req.headers['x-forwarded-for']),
      policy?.trustedProxies ?? [],
    );
    let caller: Caller | undefined = undefined;
    const base = {
      timestamp: now().toISOString(),
      event: 'prompt.submitted',
      client_address: client,
      idempotency_key: headerValue(req.headers['idempotency-key']) ?? null,
      token_fingerprint: presented ? fingerprintToken(presented) : null,
    };
    const answer: Answer = (status, body, extra = {}, headers = {}) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(text),
        ...(status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}),
        ...headers,
      });
      res.end(text);
      const record = {
        ...base,
        token_id: caller?.tokenId ?? (extra as { token_id?: string }).token_id ?? null,
        scopes: caller?.scopes ?? null,
        status,
        latency_ms: Math.round((performance.now() - started) * 100) / 100,
        ...extra,
      };
      if (caller?.auditEnabled !== false) void options.auditLog?.write(record).catch(auditFailed);
      options.log?.('info', 'request', { method: req.method, path: pathOf(req.url), ...record });
    };
    const auditFailed = (error: unknown) =>
      options.log?.('error', 'audit-write-failed', { error: String(error).slice(0, 200) });

    if (req.method === 'GET' && pathOf(req.url) === '/healthz') {
      const body = draining ? { status: 'draining' } : { status: 'ok', in_flight: inFlight };
      return void writeJson(res, draining ? 503 : 200, body, draining ? { 'Retry-After': '5' } : {});
    }
    if (draining) {
      req.resume();
      return answer(
        503,
        { error: 'the server is shutting down; retry shortly' },
        {},
        { 'Retry-After': '5', Connection: 'close' },
      );
    }
    if (req.method !== 'POST') {
      req.resume();
      return answer(405, { error: 'use POST' }, {}, { Allow: 'POST' });
    }
    const identity = await identify(presented);
    if ('status' in identity) return deny(req, answer, identity);
    caller = identity;
    const denial = authorize(caller, client, windows, now());
    if (denial) return deny(req, answer, denial);
    const maxConcurrent = policy?.maxConcurrent ?? DEFAULT_MAX_CONCURRENT;
    if (inFlight >= maxConcurrent) {
      req.resume();
      return answer(
        503,
        { error: `too many reviews in progress (limit ${maxConcurrent})` },
        {},
        { 'Retry-After': '1' },
      );
    }
    inFlight++;
    try {
      await serveReview(req, answer, policy?.maxBodyBytes ?? options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, review);
    } finally {
      inFlight--;
    }
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      options.log?.('error', 'internal-error', { error: String(error).slice(0, 200) });
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'internal error' }));
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : createHttpServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(describeListenError(error, host, options.port ?? 0)));
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `${options.tls ? 'https' : 'http'}://${urlHost}:${address.port}/`,
    close: async () => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await options.auditLog?.flush().catch(() => undefined);
    },
  };
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
  review: (request: HookRequest) => Promise<HookResponse> | HookResponse,
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
  const response = await review(request);
  answer(200, response, {
    ...info,
    repository: request.repository,
    pull_request_number: request.pull_request_number,
    head_sha: request.pull_request.head_sha,
    event_type: request.event_type,
    chunk: request.metadata.chunk,
    comment_count: response.comments.length,
    model: 'rules',
  });
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
