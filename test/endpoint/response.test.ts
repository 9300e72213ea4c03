import { describe, expect, it } from 'vitest';
import { HookResponseError, parseHookResponse, partitionComments } from '../../src/endpoint/response.js';

const errorOf = (fn: () => unknown): HookResponseError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof HookResponseError) return error;
    throw error;
  }
  throw new Error('expected a HookResponseError');
};

describe('parseHookResponse', () => {
  it('reads a valid response and ignores unknown fields', () => {
    const body = JSON.stringify({
      comments: [{ path: 'src/a.ts', line: 14, start_line: 12, severity: 'warning', body: 'b', extra: 1 }],
      summary: 'ok',
      verdict: 'comment',
      model: 'unknown-field',
    });
    expect(parseHookResponse(body)).toEqual({
      comments: [{ path: 'src/a.ts', line: 14, start_line: 12, severity: 'warning', body: 'b' }],
      summary: 'ok',
      verdict: 'comment',
    });
    expect(parseHookResponse('{}')).toEqual({ comments: [] });
  });

  it('rejects a body that is not JSON with a short, redacted excerpt', () => {
    const body = `<html>secret-token-abc ${'x'.repeat(10_000)}</html>`;
    const error = errorOf(() => parseHookResponse(body, { redact: (s) => s.replaceAll('secret-token-abc', '***') }));
    expect(error.message).toMatch(/^the response is not valid JSON/);
    expect(error.message).toContain('"<html>*** xxx');
    expect(error.message).not.toContain('secret-token-abc');
    expect(error.message.length).toBeLessThan(300);
  });

  it('rejects wrong types, naming the JSON path and the expectation', () => {
    const error = errorOf(() =>
      parseHookResponse(
        JSON.stringify({
          comments: [
            { path: 'a', line: '12', body: 'b' },
            { path: 'a', line: 1 },
          ],
          verdict: 'merge',
        }),
      ),
    );
    expect(error.problems).toEqual(
      expect.arrayContaining([
        'response/comments/0/line must be integer',
        "response/comments/1 must have the field 'body'",
        'response/verdict must be one of "approve", "comment", "request_changes"',
      ]),
    );
    expect(errorOf(() => parseHookResponse('[]')).problems).toEqual(['response must be object']);
    expect(errorOf(() => parseHookResponse('{"comments":{}}')).problems).toEqual(['response/comments must be array']);
  });

  it('rejects a range that ends before it starts', () => {
    const body = JSON.stringify({ comments: [{ path: 'a', line: 3, start_line: 9, body: 'b' }] });
    expect(errorOf(() => parseHookResponse(body)).problems).toEqual([
      'response/comments/0/start_line must be at most line (9 > 3)',
    ]);
  });

  it('does not echo a huge wrong body', () => {
    const body = JSON.stringify({ comments: [{ path: 'a', line: 1, body: 'y'.repeat(1_000_000), severity: 'fatal' }] });
    const error = errorOf(() => parseHookResponse(body));
    expect(error.message.length).toBeLessThan(300);
  });
});

describe('partitionComments', () => {
  it('separates comments on files that are not in the pull request', () => {
    const response = parseHookResponse(
      JSON.stringify({
        comments: [
          { path: 'src/a.ts', line: 1, body: 'in' },
          { path: 'src/elsewhere.ts', line: 2, body: 'out' },
        ],
      }),
    );
    const { inPullRequest, outsidePullRequest } = partitionComments(response, new Set(['src/a.ts']));
    expect(inPullRequest.map((c) => c.body)).toEqual(['in']);
    expect(outsidePullRequest.map((c) => c.body)).toEqual(['out']);
  });
});
