import { describe, expect, it } from 'vitest';
import { failureStatus, mergeResponses, reviewerBackend, RULES_BACKEND } from '../../src/endpoint/server/backend.js';
import { parseHookServerArgs } from '../../src/endpoint/server/command.js';
import type { HookRequest, HookResponse } from '../../src/endpoint/types.js';
import type { Reviewer, ReviewFailureKind, ReviewOutcome } from '../../src/ports.js';

const request = {
  files: [{ path: 'a.ts', patch: '@@ -0,0 +1 @@\n+console.log(1);' }],
  metadata: { chunk: { index: 0, total: 1 } },
} as unknown as HookRequest;

const usage = { requests: 1, inputTokens: 10, outputTokens: 2, cachedTokens: 0 };

function stubReviewer(outcome: Omit<ReviewOutcome, 'exchanges'>): Reviewer & { seen: HookRequest[][] } {
  const seen: HookRequest[][] = [];
  return {
    kind: 'openai',
    target: 'gpt-test at 127.0.0.1',
    maxRequestBytes: 100_000,
    seen,
    review: (requests) => {
      seen.push([...requests]);
      return Promise.resolve({ exchanges: [], ...outcome });
    },
  };
}

const comment = (path: string, line: number) => ({ path, line, body: 'b' });

describe('review backends of the hook server', () => {
  it('rules: the offline reference rules', async () => {
    const answer = await RULES_BACKEND.review(request);
    expect(answer).toMatchObject({ kind: 'answered', response: { comments: [{ path: 'a.ts', line: 1 }] } });
    expect(RULES_BACKEND.model).toBe('rules');
  });

  it('a model reviewer gets the protocol v1 request as the port input; its answers are merged with the usage', async () => {
    const reviewer = stubReviewer({
      responses: [
        { request, response: { comments: [comment('a.ts', 1)], summary: 'one', verdict: 'comment' } },
        { request, response: { comments: [comment('b.ts', 2)], summary: 'two', verdict: 'request_changes' } },
      ],
      usage,
    });
    const backend = reviewerBackend(reviewer);
    expect(backend).toMatchObject({ name: 'openai', model: 'gpt-test at 127.0.0.1' });
    const answer = await backend.review(request);
    expect(reviewer.seen).toEqual([[request]]);
    expect(answer).toEqual({
      kind: 'answered',
      response: {
        comments: [comment('a.ts', 1), comment('b.ts', 2)],
        summary: 'one\n\ntwo',
        verdict: 'request_changes',
      },
      usage,
    });
  });

  it('a failed review is a typed failure with the status the action retries or reports', async () => {
    const reviewer = stubReviewer({
      responses: [{ request, response: { comments: [comment('a.ts', 1)] } }],
      usage,
      failure: {
        kind: 'unavailable',
        message: '127.0.0.1 answered HTTP 500',
        host: 'h',
        failedChunks: 1,
        totalChunks: 2,
      },
    });
    const answer = await reviewerBackend(reviewer).review(request);
    // A partial answer is no answer: the action would take it for the whole chunk.
    expect(answer).toEqual({
      kind: 'failed',
      status: 503,
      reason: 'unavailable',
      message: 'the openai backend could not review this request: 127.0.0.1 answered HTTP 500',
      usage,
    });
  });

  it.each<[ReviewFailureKind, number]>([
    ['timeout', 504],
    ['unavailable', 503],
    ['auth', 502],
    ['invalid-response', 502],
    ['refused', 502],
    ['truncated', 502],
    ['rejected', 502],
  ])('failure %s answers %i', (kind, status) => {
    expect(failureStatus(kind)).toBe(status);
  });

  it.each<[string, HookResponse[], HookResponse]>([
    ['nothing', [], { comments: [] }],
    [
      'all approve',
      [
        { comments: [], verdict: 'approve' },
        { comments: [], verdict: 'approve' },
      ],
      { comments: [], verdict: 'approve' },
    ],
    [
      'a comment without verdict',
      [{ comments: [comment('a', 1)] }],
      { comments: [comment('a', 1)], verdict: 'comment' },
    ],
    [
      'approve and comment',
      [
        { comments: [], verdict: 'approve' },
        { comments: [], verdict: 'comment' },
      ],
      { comments: [], verdict: 'comment' },
    ],
  ])('merges %s', (_name, responses, merged) => {
    expect(mergeResponses(responses)).toEqual(merged);
  });
});

describe('hook-server backend flags', () => {
  it('reads --backend, --model, --base-url and --model-timeout', () => {
    expect(
      parseHookServerArgs([
        '--backend',
        'openai',
        '--model',
        'm',
        '--base-url=http://127.0.0.1:1/v1',
        '--model-timeout',
        '30',
      ]),
    ).toMatchObject({ backend: 'openai', model: 'm', baseUrl: 'http://127.0.0.1:1/v1', modelTimeoutSeconds: 30 });
    expect(parseHookServerArgs([])).toMatchObject({ modelTimeoutSeconds: 50 });
    expect(parseHookServerArgs([]).backend).toBeUndefined();
  });

  it.each([
    [['--backend', 'gpt'], /option '--backend': must be one of rules, openai, codex; got 'gpt'/],
    [['--model-timeout', '0'], /option '--model-timeout': must be seconds from 1 to 3600, not 0/],
    [['--openai-api-key', 'x'], /unknown option/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseHookServerArgs(argv)).toThrow(message);
  });
});
