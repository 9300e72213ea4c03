import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../src/adapters/github/classify.js';

// GitHub's own texts, as its REST API answers them.
const unprocessable = (...errors: unknown[]) => ({ message: 'Unprocessable Entity', errors });
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');

describe('classifyFailure: what a failed GitHub request means', () => {
  it.each([
    ['no answer at all', undefined, undefined, true, 'network', true],
    ["octokit's 500 without a response (a reset connection)", 500, undefined, false, 'network', true],
    ['502 Bad Gateway', 502, { message: 'Server Error' }, true, 'server', true],
    ['503', 503, {}, true, 'server', true],
    ['401', 401, { message: 'Bad credentials' }, true, 'credentials', false],
    ['403 read-only token', 403, { message: 'Resource not accessible by integration' }, true, 'permission', false],
    [
      '403 primary rate limit',
      403,
      { message: 'API rate limit exceeded for installation ID 1.' },
      true,
      'rate-limited',
      false,
    ],
    [
      '403 secondary rate limit',
      403,
      { message: 'You have exceeded a secondary rate limit.' },
      true,
      'rate-limited',
      false,
    ],
    ['404', 404, { message: 'Not Found' }, true, 'not-found', false],
    ['409 conflict (retried, as plugin-retry does)', 409, { message: 'Conflict' }, true, 'other', true],
    ['410 gone', 410, { message: 'Gone' }, true, 'other', false],
    [
      '422 line could not be resolved',
      422,
      unprocessable('Line could not be resolved'),
      true,
      'line-not-in-diff',
      false,
    ],
    [
      '422 line must be part of the diff',
      422,
      unprocessable('pull_request_review_thread.line must be part of the diff'),
      true,
      'line-not-in-diff',
      false,
    ],
    [
      '422 path not in the diff',
      422,
      { message: 'Validation Failed', errors: ['path is not part of the diff'] },
      true,
      'line-not-in-diff',
      false,
    ],
    [
      '422 own pull request',
      422,
      unprocessable('Review Can not request changes on your own pull request'),
      true,
      'own-pull-request',
      false,
    ],
    [
      '422 stale commit (an error object)',
      422,
      unprocessable({
        resource: 'PullRequestReviewComment',
        field: 'commit_id',
        code: 'invalid',
        message: 'commit_id is not part of the pull request',
      }),
      true,
      'stale-commit',
      false,
    ],
    ['422 submitted too quickly', 422, unprocessable('was submitted too quickly'), true, 'too-quickly', false],
    [
      '422 body too long',
      422,
      {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'IssueComment',
            field: 'body',
            code: 'custom',
            message: 'body is too long (maximum is 65536 characters)',
          },
        ],
      },
      true,
      'body-too-long',
      false,
    ],
    [
      '422 anything else',
      422,
      { message: 'Validation Failed', errors: [{ resource: 'CheckRun', field: 'conclusion', code: 'invalid' }] },
      true,
      'invalid',
      false,
    ],
  ] as const)('%s', (_name, status, body, hasResponse, kind, retryable) => {
    const failure = classifyFailure(status, body, hasResponse);
    expect(failure.kind).toBe(kind);
    expect(failure.retryable).toBe(retryable);
  });

  it("quotes GitHub's message and errors on one line, without control characters or secrets", () => {
    const failure = classifyFailure(422, unprocessable(`Line could not be resolved\n${AWS_KEY}`));
    expect(failure.reason).toMatch(/^Unprocessable Entity: Line could not be resolved /);
    expect(failure.reason).not.toContain(AWS_KEY);
    expect(failure.reason).not.toMatch(/\n/);
  });

  it('says nothing when the body says nothing', () => {
    expect(classifyFailure(502, '<html>bad gateway</html>').reason).toBeUndefined();
  });
});
