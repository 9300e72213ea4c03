import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationError } from '../errors.js';
import { openAuditLog } from '../audit/index.js';
import { describeSchemaErrors, requestSchemaValidator } from '../hook/schema.js';
import { fingerprintToken, isLoopbackHost } from '../hook/token.js';
import type { HookRequest } from '../hook/types.js';
import type { Logger } from '../logger.js';
import { reviewRequest } from './rules.js';

/**
 * A reference Codex hook endpoint (protocol v1) on loopback, for trying the action locally and for
 * endpoint authors to compare against. Not meant to face a network: it refuses non-loopback hosts.
 */

export interface HookServerOptions {
  /** 0 or absent: any free port. */
  readonly port?: number;
  /** A loopback address; default 127.0.0.1. */
  readonly host?: string;
  /** The bearer token it expects. */
  readonly token: string;
  /** JSONL audit log of every request (the token's fingerprint, never the token). */
  readonly auditLog?: string;
  readonly logger?: Logger;
  /** Larger request bodies get 413. Default 10 MB. */
  readonly maxBodyBytes?: number;
}

export interface HookServer {
  /** `http://127.0.0.1:<port>/`; the endpoint answers POST on any path. */
  readonly url: string;
  close(): Promise<void>;
}

export function generateLocalToken(): string {
  return `cdx_local_${randomBytes(24).toString('base64url')}`;
}

export async function startHookServer(options: HookServerOptions): Promise<HookServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new ConfigurationError(
      `must be a loopback address (127.0.0.1, ::1, localhost), not ${host}: the reference endpoint is for local use`,
      "option '--host'",
    );
  }
  if (!options.token) throw new ConfigurationError('a token is required', 'hook-server');
  const expected = createHash('sha256').update(options.token).digest();
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const fingerprintOf = (token: string | undefined) => (token ? fingerprintToken(token) : null);
  const log = options.auditLog ? openAuditLog({ path: options.auditLog }) : undefined;
  const audit = (record: object) => {
    log
      ?.write(record)
      .catch((error: unknown) => options.logger?.warning(`hook-server: cannot write the audit log: ${String(error)}`));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const presented = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    const base = {
      timestamp: new Date(started).toISOString(),
      event: 'prompt.submitted',
      idempotency_key: headerValue(req.headers['idempotency-key']),
      token_fingerprint: fingerprintOf(presented),
    };
    const answer = (status: number, body: unknown, extra: object = {}) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(text),
        ...(status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}),
      });
      res.end(text);
      audit({ ...base, status, latency_ms: Date.now() - started, ...extra });
      options.logger?.info(`hook-server: ${req.method ?? '?'} ${req.url ?? ''} → ${status}`);
    };

    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return answer(405, { error: 'use POST' });
    }
    const digest = createHash('sha256')
      .update(presented ?? '')
      .digest();
    if (!presented || !timingSafeEqual(digest, expected)) {
      req.resume();
      return answer(401, { error: 'missing or invalid bearer token' });
    }
    const event = headerValue(req.headers['x-codex-hook-event']);
    if (event !== 'prompt.submitted') {
      req.resume();
      return answer(400, {
        error: `X-Codex-Hook-Event must be prompt.submitted, not ${JSON.stringify(event ?? null)}`,
      });
    }
    const raw = await readBody(req, maxBodyBytes);
    if (raw === undefined) return answer(413, { error: `request body larger than ${maxBodyBytes} bytes` });
    const requestInfo = {
      request_bytes: raw.length,
      request_sha256: createHash('sha256').update(raw).digest('hex'),
    };
    let data: unknown;
    try {
      data = JSON.parse(raw.toString('utf8'));
    } catch {
      return answer(400, { error: 'request body is not valid JSON' }, requestInfo);
    }
    const validateRequest = requestSchemaValidator();
    if (!validateRequest(data)) {
      const errors = describeSchemaErrors(validateRequest.errors, 'request', 20);
      return answer(422, { error: 'request does not match protocol v1', errors }, requestInfo);
    }
    const request = data as HookRequest;
    const response = reviewRequest(request);
    answer(200, response, {
      ...requestInfo,
      repository: request.repository,
      pull_request_number: request.pull_request_number,
      head_sha: request.pull_request.head_sha,
      chunk: request.metadata.chunk,
      comment_count: response.comments.length,
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logger?.error(`hook-server: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'internal error' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await log?.flush().catch(() => undefined);
    },
  };
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
