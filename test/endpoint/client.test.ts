import { describe, expect, it, vi } from 'vitest';
import {
  callHookEndpoint,
  computeBackoff,
  computeIdempotencyKey,
  parseRetryAfter,
  type HookClientOptions,
} from '../../src/endpoint/client.js';
import { buildHookRequests } from '../../src/endpoint/payload.js';
import { createRecordingLogger } from '../../src/logger.js';
import { VERSION } from '../../src/core/version.js';
import { makeFile, makeInput, makePatch } from './fixtures.js';

const TOKEN = 'cdx_pat_SUPERSECRET_0123456789';

interface Call {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A fetch that answers from a script, one entry per call, and records what it was sent. */
function scriptedFetch(script: ((call: Call) => Response | Promise<Response>)[]) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const call = { url: String(input), headers, body: String(init?.body) };
    calls.push(call);
    const next = script[Math.min(calls.length - 1, script.length - 1)]!;
    return next(call);
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const ok = (comments: unknown[] = []) => json(200, { comments, summary: 's' });

function options(overrides: Partial<HookClientOptions> = {}) {
  const logger = createRecordingLogger();
  const sleeps: number[] = [];
  return {
    logger,
    sleeps,
    options: {
      url: 'https://hooks.example.com/review',
      token: TOKEN,
      timeoutMs: 5_000,
      retries: 3,
      maxBytes: 500_000,
      logger,
      sleep: async (ms: number) => void sleeps.push(ms),
      random: () => 0.5,
      now: () => new Date('2026-11-24T10:00:00Z'),
      ...overrides,
    } satisfies HookClientOptions,
  };
}

const oneRequest = () => buildHookRequests(makeInput(), 500_000).requests;

describe('callHookEndpoint', () => {
  it('sends the protocol headers and returns the parsed response', async () => {
    const { fetch, calls } = scriptedFetch([ok([{ path: 'src/a.ts', line: 1, body: 'hi' }])]);
    const { options: o } = options({ fetch });
    const requests = oneRequest();
    const result = await callHookEndpoint(requests, o);
    expect(result.failure).toBeUndefined();
    expect(result.responses).toEqual([
      { request: requests[0], response: { comments: [{ path: 'src/a.ts', line: 1, body: 'hi' }], summary: 's' } },
    ]);
    expect(calls[0]!.headers).toEqual({
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': `codex-hooks-action/${VERSION}`,
      'idempotency-key': computeIdempotencyKey(requests[0]!),
      'x-codex-hook-event': 'prompt.submitted',
    });
    expect(JSON.parse(calls[0]!.body)).toEqual(requests[0]);
    expect(result.exchanges).toEqual([
      expect.objectContaining({
        attempt: 1,
        status: 200,
        outcome: 'ok',
        commentCount: 1,
        chunk: { index: 0, total: 1 },
      }),
    ]);
    expect(result.exchanges[0]!.requestBytes).toBe(Buffer.byteLength(calls[0]!.body));
    expect(result.exchanges[0]!.requestSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('retries 503 with exponential backoff and full jitter, keeping the idempotency key', async () => {
    const { fetch, calls } = scriptedFetch([json(503, {}), json(503, {}), json(503, {}), ok()]);
    const { options: o, sleeps } = options({ fetch, random: () => 0.5, backoffBaseMs: 1000 });
    const result = await callHookEndpoint(oneRequest(), o);
    expect(result.failure).toBeUndefined();
    expect(sleeps).toEqual([500, 1000, 2000]); // 0.5 × 1 s, 2 s, 4 s
    expect(new Set(calls.map((c) => c.headers['idempotency-key'])).size).toBe(1);
    expect(new Set(calls.map((c) => c.body)).size).toBe(1);
    expect(result.exchanges.map((e) => [e.attempt, e.status, e.outcome])).toEqual([
      [1, 503, 'retry'],
      [2, 503, 'retry'],
      [3, 503, 'retry'],
      [4, 200, 'ok'],
    ]);
  });

  it('honours Retry-After in seconds and as an HTTP-date, capped', async () => {
    const { fetch } = scriptedFetch([
      json(429, {}, { 'retry-after': '2' }),
      json(503, {}, { 'retry-after': 'Tue, 24 Nov 2026 10:00:07 GMT' }),
      json(503, {}, { 'retry-after': '3600' }),
      ok(),
    ]);
    const { options: o, sleeps } = options({ fetch, retryAfterMaxMs: 60_000 });
    const result = await callHookEndpoint(oneRequest(), o);
    expect(result.failure).toBeUndefined();
    expect(sleeps).toEqual([2_000, 7_000, 60_000]);
  });

  it('gives up after the configured retries with one clear sentence', async () => {
    const { fetch, calls } = scriptedFetch([json(502, { error: 'upstream model overloaded' })]);
    const { options: o, logger } = options({ fetch, retries: 2 });
    const result = await callHookEndpoint(oneRequest(), o);
    expect(calls).toHaveLength(3);
    expect(result.responses).toEqual([]);
    expect(result.failure).toEqual({
      kind: 'unavailable',
      status: 502,
      host: 'hooks.example.com',
      failedChunks: 1,
      totalChunks: 1,
      message:
        'Codex hook endpoint hooks.example.com answered 502 for chunk 1/1 after 3 attempts: "upstream model overloaded" (the endpoint is unavailable; try again later or raise hook-retries).',
    });
    // Two retries, then the failure in the detailed log only: the caller warns once, with the chunk count.
    expect(logger.lines.filter((l) => l.startsWith('info:'))).toHaveLength(3);
    expect(logger.lines.filter((l) => l.startsWith('warning:'))).toEqual([]);
  });

  it('stops at once on 401, sending no other chunk', async () => {
    const files = Array.from({ length: 6 }, (_, i) => makeFile(`src/f${i}.ts`, makePatch(1, 40)));
    const { requests } = buildHookRequests(makeInput({ files }), 6_000);
    expect(requests.length).toBeGreaterThan(2);
    const { fetch, calls } = scriptedFetch([json(401, { error: `bad token ${TOKEN}` })]);
    const { options: o, sleeps } = options({ fetch });
    const result = await callHookEndpoint(requests, o);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(result.failure).toMatchObject({ kind: 'auth', status: 401, failedChunks: requests.length });
    expect(result.failure!.message).toContain("invalid, expired or lacks the 'hooks:trigger' scope");
  });

  it('does not retry 422 and reports the endpoint message, redacted and truncated', async () => {
    const long = `field files/0/patch is wrong; leaked AKIAABCDEFGHIJKLMNOP ${'z'.repeat(2_000)}`;
    const { fetch, calls } = scriptedFetch([json(422, { error: long })]);
    const { options: o } = options({ fetch, redact: (s) => s.replaceAll('AKIAABCDEFGHIJKLMNOP', '[REDACTED:aws]') });
    const result = await callHookEndpoint(oneRequest(), o);
    expect(calls).toHaveLength(1);
    expect(result.failure!.kind).toBe('rejected');
    expect(result.failure!.message).toContain(
      'refused chunk 1/1 with 422: "field files/0/patch is wrong; leaked [REDACTED:aws] zzz',
    );
    expect(result.failure!.message).not.toContain('AKIA');
    expect(result.failure!.message.length).toBeLessThan(500);
  });

  it('splits on 413 and sends the halves', async () => {
    const files = [
      makeFile('a.ts', makePatch(1, 3)),
      makeFile('b.ts', makePatch(1, 3)),
      makeFile('c.ts', makePatch(1, 3)),
    ];
    const requests = buildHookRequests(makeInput({ files }), 500_000).requests;
    const { fetch, calls } = scriptedFetch([
      (call) =>
        JSON.parse(call.body).files.length > 1 ? json(413, {})() : ok([{ path: 'a.ts', line: 1, body: 'x' }])(),
    ]);
    const { options: o } = options({ fetch });
    const result = await callHookEndpoint(requests, o);
    expect(result.failure).toBeUndefined();
    const sentFiles = calls.map((c) => (JSON.parse(c.body) as { files: { path: string }[] }).files.map((f) => f.path));
    expect(sentFiles).toEqual([['a.ts', 'b.ts', 'c.ts'], ['a.ts', 'b.ts'], ['a.ts'], ['b.ts'], ['c.ts']]);
    expect(result.responses.map((r) => r.request.metadata.chunk.part)).toEqual(['1.1', '1.2', '2']);
    expect(new Set(calls.map((c) => c.headers['idempotency-key'])).size).toBe(5);
  });

  it('halves a request larger than maxBytes before sending it', async () => {
    const files = [makeFile('a.ts', makePatch(1, 60)), makeFile('b.ts', makePatch(1, 60))];
    const requests = buildHookRequests(makeInput({ files }), 500_000).requests;
    const { fetch, calls } = scriptedFetch([ok()]);
    const { options: o } = options({ fetch, maxBytes: 5_000 });
    const result = await callHookEndpoint(requests, o);
    expect(result.failure).toBeUndefined();
    expect(calls.map((c) => Buffer.byteLength(c.body) <= 5_000)).toEqual([true, true]);
    expect(result.exchanges.map((e) => e.status)).toEqual([200, 200]);
  });

  it('fails on 413 when the request cannot be split further', async () => {
    const { fetch } = scriptedFetch([json(413, {})]);
    const { options: o } = options({ fetch });
    const result = await callHookEndpoint(oneRequest(), o);
    expect(result.failure).toMatchObject({ kind: 'too-large', status: 413 });
  });

  it('treats a 10 MB body as an endpoint error without reading it all', async () => {
    let pulled = 0;
    const big = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 65_536;
        if (pulled > 10 * 1024 * 1024) controller.close();
        else controller.enqueue(new Uint8Array(65_536).fill(0x20));
      },
    });
    const { fetch } = scriptedFetch([() => new Response(big, { status: 200 })]);
    const { options: o } = options({ fetch });
    const result = await callHookEndpoint(oneRequest(), o);
    expect(result.failure).toMatchObject({ kind: 'invalid-response', status: 200 });
    expect(result.failure!.message).toContain('larger than 5 MB');
    expect(pulled).toBeLessThan(6 * 1024 * 1024);
    expect(result.exchanges[0]).toMatchObject({ error: 'body-too-large', outcome: 'failed' });
  });

  it('reports a 200 with an invalid body as an endpoint error, naming the path', async () => {
    const { fetch } = scriptedFetch([
      json(200, { comments: [{ path: 'a', line: 'x', body: 'b' }] }),
      () => new Response('<html>oops</html>'),
    ]);
    const { options: o } = options({ fetch });
    const first = await callHookEndpoint(oneRequest(), o);
    expect(first.failure!.message).toContain('response/comments/0/line must be integer');
    const second = await callHookEndpoint(oneRequest(), o);
    expect(second.failure!.message).toContain('not valid JSON; it starts with "<html>oops</html>"');
  });

  it('continues with the other chunks after one is refused, and reports partial success', async () => {
    const files = Array.from({ length: 6 }, (_, i) => makeFile(`src/f${i}.ts`, makePatch(1, 40)));
    const { requests } = buildHookRequests(makeInput({ files }), 6_000);
    const { fetch } = scriptedFetch([json(400, { error: 'nope' }), ok()]);
    const { options: o } = options({ fetch });
    const result = await callHookEndpoint(requests, o);
    expect(result.responses).toHaveLength(requests.length - 1);
    expect(result.failure!.message).toMatch(/\); 1 of \d+ chunks were not reviewed\.$/);
    expect(result.failure!.failedChunks).toBe(1);
  });

  it('after a chunk used up its retries on a dead endpoint, tries the others once each', async () => {
    const files = Array.from({ length: 6 }, (_, i) => makeFile(`src/f${i}.ts`, makePatch(1, 40)));
    const { requests } = buildHookRequests(makeInput({ files }), 6_000);
    const { fetch, calls } = scriptedFetch([
      () => {
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
      },
    ]);
    const { options: o } = options({ fetch, retries: 2 });
    const result = await callHookEndpoint(requests, o);
    expect(calls).toHaveLength(3 + (requests.length - 1));
    expect(result.failure).toMatchObject({ kind: 'unavailable', failedChunks: requests.length });
    expect(result.failure!.message).toContain('could not be reached for chunk 1/');
    expect(result.failure!.message).toContain('ECONNREFUSED');
  });

  it('does not follow redirects', async () => {
    const { fetch } = scriptedFetch([
      () => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }),
    ]);
    const { options: o } = options({ fetch });
    const result = await callHookEndpoint(oneRequest(), o);
    expect(result.failure).toMatchObject({ kind: 'rejected', status: 302 });
  });
});

describe('computeIdempotencyKey', () => {
  it('is stable for the same chunk across runs and distinct across chunks', () => {
    const files = Array.from({ length: 6 }, (_, i) => makeFile(`src/f${i}.ts`, makePatch(1, 40)));
    const a = buildHookRequests(makeInput({ files }), 6_000).requests;
    const rerun = buildHookRequests(
      makeInput({
        files,
        metadata: { triggered_by: 'GitHub Actions', timestamp: '2026-11-25T00:00:00Z', run_attempt: '2' },
      }),
      6_000,
    ).requests;
    expect(a.map(computeIdempotencyKey)).toEqual(rerun.map(computeIdempotencyKey));
    expect(new Set(a.map(computeIdempotencyKey)).size).toBe(a.length);
    const otherHead = buildHookRequests(
      makeInput({ files, pull_request: { ...makeInput().pull_request, head_sha: 'c'.repeat(40) } }),
      6_000,
    ).requests;
    expect(computeIdempotencyKey(otherHead[0]!)).not.toBe(computeIdempotencyKey(a[0]!));
  });
});

describe('backoff and Retry-After', () => {
  it('computes full-jitter exponential backoff, capped', () => {
    expect([1, 2, 3, 4, 10].map((n) => computeBackoff(n, () => 0.999999, 1000, 30_000))).toEqual([
      999, 1999, 3999, 7999, 29_999,
    ]);
    expect(computeBackoff(3, () => 0, 1000, 30_000)).toBe(0);
  });

  it('parses delta-seconds and HTTP-dates', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('waits with real timers only as long as asked (fake timers)', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-24T10:00:00Z') });
    try {
      const { fetch, calls } = scriptedFetch([
        json(503, {}, { 'retry-after': '1' }),
        json(503, {}, { 'retry-after': '1' }),
        ok(),
      ]);
      const { options: base } = options({ fetch });
      const { sleep: _sleep, now: _now, ...rest } = base;
      const promise = callHookEndpoint(oneRequest(), { ...rest, now: () => new Date(Date.now()) });
      await vi.advanceTimersByTimeAsync(999);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1000);
      expect(calls).toHaveLength(3);
      const result = await promise;
      expect(result.failure).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('callHookEndpoint preflight', () => {
  it('refuses to send the token over http to a remote host', async () => {
    const { fetch, calls } = scriptedFetch([ok()]);
    const { options: o } = options({ fetch, url: 'http://hooks.example.com/review' });
    await expect(callHookEndpoint(oneRequest(), o)).rejects.toThrow(/^input 'hook-url': must use https/);
    expect(calls).toHaveLength(0);
  });
});

describe('a network error that quotes the token', () => {
  it('is scrubbed whole before it is cut, so no part of a long token survives', async () => {
    const long = `cdx_${'Ab9'.repeat(50)}`;
    const { fetch } = scriptedFetch([
      () => {
        throw new TypeError('fetch failed', {
          cause: new Error(`Headers.append: "Bearer ${long}" is an invalid header value.`),
        });
      },
    ]);
    const o = options({ token: long, fetch, retries: 0 });
    const result = await callHookEndpoint(oneRequest(), o.options);
    const text = JSON.stringify([result.failure, o.logger.lines]);
    expect(text).toContain('Headers.append: \\"Bearer ***\\" is an invalid header value.');
    expect(text).not.toContain(long.slice(0, 20));
  });

  it('refuses a token with a line break before any request', async () => {
    const { fetch, calls } = scriptedFetch([ok()]);
    const o = options({ token: `${TOKEN}\nmore`, fetch });
    await expect(callHookEndpoint(oneRequest(), o.options)).rejects.toThrow(/a line break at position 31/);
    expect(calls).toHaveLength(0);
  });
});
