import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { callHookEndpoint } from '../../src/endpoint/client.js';
import { buildHookRequests } from '../../src/endpoint/payload.js';
import { createRecordingLogger } from '../../src/logger.js';
import { makeFile, makeInput, makePatch } from './fixtures.js';

const TOKEN = 'eyJhbGciOiJub25lIn0.eyJzY29wZSI6Imhvb2tzOnRyaWdnZXIifQ.c2lnbmF0dXJlLXNlY3JldA';

interface Received {
  rawHeaders: string[];
  body: string;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A real node:http endpoint on loopback that answers from a script and records what it received. */
async function listen(handler: (req: IncomingMessage, res: ServerResponse, n: number) => void) {
  const received: Received[] = [];
  server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      received.push({ rawHeaders: req.rawHeaders, body: Buffer.concat(parts).toString('utf8') });
      handler(req, res, received.length);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/codex/hooks/review`, received };
}

describe('client against a loopback endpoint', () => {
  it('retries 503 twice honouring Retry-After: 1, then gets the comments', async () => {
    const { url, received } = await listen((_req, res, n) => {
      if (n <= 2) {
        res.writeHead(503, { 'retry-after': '1', 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'warming up' }));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ comments: [{ path: 'src/a.ts', line: 2, body: 'look' }], summary: 'done' }));
      }
    });
    const logger = createRecordingLogger();
    const started = Date.now();
    const result = await callHookEndpoint(buildHookRequests(makeInput(), 500_000).requests, {
      url,
      token: TOKEN,
      timeoutMs: 5_000,
      retries: 3,
      maxBytes: 500_000,
      logger,
    });
    const elapsed = Date.now() - started;
    expect(result.failure).toBeUndefined();
    expect(result.responses[0]!.response.comments).toEqual([{ path: 'src/a.ts', line: 2, body: 'look' }]);
    expect(received).toHaveLength(3);
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
    expect(result.exchanges.map((e) => [e.status, e.retryInMs])).toEqual([
      [503, 1000],
      [503, 1000],
      [200, undefined],
    ]);

    // The token: in the Authorization header of every request, and nowhere else.
    for (const r of received) {
      const withToken = [];
      for (let i = 0; i < r.rawHeaders.length; i += 2) {
        if (r.rawHeaders[i + 1]!.includes(TOKEN)) withToken.push(r.rawHeaders[i]!.toLowerCase());
      }
      expect(withToken).toEqual(['authorization']);
      expect(r.rawHeaders[r.rawHeaders.findIndex((h) => h.toLowerCase() === 'authorization') + 1]).toBe(
        `Bearer ${TOKEN}`,
      );
      expect(r.body).not.toContain(TOKEN);
    }
    expect([...logger.lines, JSON.stringify(result)].join('\n')).not.toContain(TOKEN);
  });

  it('ends within its timeouts when the endpoint never answers', async () => {
    const { url, received } = await listen(() => {
      /* never answers */
    });
    const logger = createRecordingLogger();
    const started = Date.now();
    const result = await callHookEndpoint(buildHookRequests(makeInput(), 500_000).requests, {
      url,
      token: TOKEN,
      timeoutMs: 300,
      retries: 2,
      maxBytes: 500_000,
      backoffBaseMs: 50,
      logger,
    });
    const elapsed = Date.now() - started;
    // At least 3 attempts × 300 ms, less the backoff jitter; no upper bound: a loaded machine is slow.
    expect(elapsed).toBeGreaterThanOrEqual(3 * 300 - 50);
    expect(received).toHaveLength(3);
    expect(result.exchanges.map((e) => [e.status, e.error])).toEqual([
      [null, 'timeout'],
      [null, 'timeout'],
      [null, 'timeout'],
    ]);
    expect(result.failure).toMatchObject({ kind: 'unavailable', host: url.split('/')[2] });
    expect(result.failure!.message).toBe(
      `Codex hook endpoint ${url.split('/')[2]} did not answer within 0.3 s for chunk 1/1 after 3 attempts (check that the endpoint is up, or raise hook-timeout).`,
    );
    expect(logger.lines.join('\n')).not.toContain(TOKEN);
  });

  it('times out on a body that starts and never ends', async () => {
    const { url } = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"comments": [');
    });
    const result = await callHookEndpoint(buildHookRequests(makeInput(), 500_000).requests, {
      url,
      token: TOKEN,
      timeoutMs: 300,
      retries: 0,
      maxBytes: 500_000,
      logger: createRecordingLogger(),
    });
    expect(result.exchanges.map((e) => [e.status, e.error])).toEqual([[null, 'timeout']]);
    expect(result.failure).toMatchObject({ kind: 'unavailable' });
  });

  it('splits on a real 413 and reviews every file', async () => {
    const { url, received } = await listen((req, res, n) => {
      const body = JSON.parse(received[n - 1]!.body) as { files: { path: string }[] };
      if (Buffer.byteLength(received[n - 1]!.body) > 4_000) {
        res.writeHead(413).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ comments: body.files.map((f) => ({ path: f.path, line: 1, body: 'seen' })) }));
    });
    const files = Array.from({ length: 4 }, (_, i) => makeFile(`src/f${i}.ts`, makePatch(1, 20)));
    const result = await callHookEndpoint(buildHookRequests(makeInput({ files }), 500_000).requests, {
      url,
      token: TOKEN,
      timeoutMs: 5_000,
      retries: 0,
      maxBytes: 500_000,
      logger: createRecordingLogger(),
    });
    expect(result.failure).toBeUndefined();
    expect(result.responses.flatMap((r) => r.response.comments.map((c) => c.path)).sort()).toEqual(
      files.map((f) => f.path),
    );
    expect(result.exchanges.filter((e) => e.status === 413).length).toBeGreaterThan(0);
  });
});
