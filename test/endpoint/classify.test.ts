import { describe, expect, it } from 'vitest';
import { classifyAttempt, type AttemptResult, type ClassifyContext } from '../../src/endpoint/classify.js';
import { buildHookRequests } from '../../src/endpoint/payload.js';
import { makeFile, makeInput, makePatch } from './fixtures.js';

const ctx: ClassifyContext = {
  host: 'hooks.example.com',
  names: { token: "input 'codex-token'", hookUrl: "input 'hook-url'" },
  timeoutMs: 30_000,
  maxResponseBytes: 5 * 1024 * 1024,
  scrub: (text) => text.replaceAll('cdx_secret_token', '***'),
};
const [request] = buildHookRequests(makeInput({ files: [makeFile('a.ts', makePatch(2, 3))] }), 1_000_000).requests;
const oneHunk = buildHookRequests(makeInput({ files: [makeFile('b.ts', makePatch(1, 3))] }), 1_000_000).requests[0]!;
const facts = { request: request!, attempt: 1, requestBytes: 1234 };

function answer(status: number, body = '', headers: Record<string, string> = {}): AttemptResult {
  return { kind: 'answer', status, headers: new Headers(headers), body };
}

describe('classifyAttempt: one attempt, one decision', () => {
  it.each<[string, AttemptResult, string, string | undefined, string | undefined]>([
    // [case, result, verdict, failure kind, attempt error]
    [
      'a valid 200',
      answer(200, JSON.stringify({ version: '1', summary: 'ok', comments: [] })),
      'ok',
      undefined,
      undefined,
    ],
    ['a 200 that is not JSON', answer(200, '<html>'), 'fail', 'invalid-response', 'invalid-response'],
    ['a body over the cap', { kind: 'too-large-body', status: 200 }, 'fail', 'invalid-response', 'body-too-large'],
    ['401', answer(401, '{"error":"token expired"}'), 'fail', 'auth', undefined],
    ['403', answer(403), 'fail', 'auth', undefined],
    ['413 of a request with two hunks', answer(413), 'split', undefined, undefined],
    ['408', answer(408), 'retry', 'unavailable', undefined],
    ['429', answer(429, '', { 'retry-after': '7' }), 'retry', 'unavailable', undefined],
    ['500', answer(500), 'retry', 'unavailable', undefined],
    ['502', answer(502), 'retry', 'unavailable', undefined],
    ['503', answer(503), 'retry', 'unavailable', undefined],
    ['504', answer(504), 'retry', 'unavailable', undefined],
    ['a timeout', { kind: 'timeout' }, 'retry', 'unavailable', 'timeout'],
    ['a network error', { kind: 'network', reason: 'ECONNREFUSED' }, 'retry', 'unavailable', 'network'],
    ['a redirect', answer(302), 'fail', 'rejected', undefined],
    ['400', answer(400), 'fail', 'rejected', undefined],
    ['422', answer(422), 'fail', 'rejected', undefined],
    ['501 (not retried)', answer(501), 'fail', 'rejected', undefined],
  ])('%s', (_name, result, verdict, failureKind, error) => {
    const v = classifyAttempt(result, facts, ctx);
    expect(v.kind).toBe(verdict);
    if (v.kind === 'retry' || v.kind === 'fail') {
      expect(v.failure.kind).toBe(failureKind);
      expect(v.error).toBe(error);
      expect(v.failure.message).toMatch(/^Codex hook endpoint hooks\.example\.com /);
    }
  });

  it('413 of a request that cannot be halved fails as too large, naming its size', () => {
    const v = classifyAttempt(answer(413), { ...facts, request: oneHunk }, ctx);
    expect(v).toMatchObject({ kind: 'fail', failure: { kind: 'too-large', status: 413 } });
    expect(v.kind === 'fail' && v.failure.message).toContain('1234 bytes, one hunk');
  });

  it('a retry carries Retry-After and the failure it becomes when no retry is left, with the attempts made', () => {
    const v = classifyAttempt(answer(429, '', { 'retry-after': '7' }), { ...facts, attempt: 3 }, ctx);
    expect(v).toMatchObject({ kind: 'retry', what: 'answered 429', retryAfter: '7', failure: { status: 429 } });
    expect(v.kind === 'retry' && v.failure.message).toContain('chunk 1/1 after 3 attempts');
  });

  it('timeouts and network errors carry no status; HTTP failures do', () => {
    const timeout = classifyAttempt({ kind: 'timeout' }, facts, ctx);
    expect(timeout.kind === 'retry' && timeout.failure.status).toBeUndefined();
    expect(timeout.kind === 'retry' && timeout.failure.message).toContain('did not answer within 30 s');
    const rejected = classifyAttempt(answer(400), facts, ctx);
    expect(rejected.kind === 'fail' && rejected.failure.status).toBe(400);
  });

  it("never quotes the token: the endpoint's words and a network reason are scrubbed", () => {
    const auth = classifyAttempt(answer(401, '{"error":"bad token cdx_secret_token"}'), facts, ctx);
    const network = classifyAttempt({ kind: 'network', reason: 'refused for cdx_secret_token' }, facts, ctx);
    for (const v of [auth, network]) {
      expect(JSON.stringify(v)).not.toContain('cdx_secret_token');
    }
    expect(auth.kind === 'fail' && auth.failure.message).toContain('bad token ***');
  });
});
