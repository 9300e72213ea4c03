import { describe, expect, it } from 'vitest';
import { readPullRequestEvent } from '../../src/core/pull-request.js';

const payload = (action: string, extra: Record<string, unknown> = {}) => ({
  action,
  pull_request: {
    number: 7,
    title: 'Add feature',
    draft: false,
    user: { login: 'octocat' },
    head: { sha: 'h'.repeat(40), ref: 'feature' },
    base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'acme/widgets' } },
  },
  ...extra,
});

describe('readPullRequestEvent', () => {
  it.each(['opened', 'synchronize', 'reopened', 'ready_for_review'])('reviews pull_request %s', (action) => {
    const r = readPullRequestEvent('pull_request', payload(action), undefined);
    expect(r.review).toBe(true);
    if (r.review)
      expect(r.pr).toMatchObject({ owner: 'acme', repo: 'widgets', number: 7, headSha: 'h'.repeat(40), action });
  });

  it('reviews pull_request_target and keeps the pre-push head of synchronize', () => {
    const r = readPullRequestEvent(
      'pull_request_target',
      payload('synchronize', { before: 'c'.repeat(40) }),
      undefined,
    );
    expect(r.review && r.pr.beforeSha).toBe('c'.repeat(40));
  });

  it.each([
    ['push', 'opened', /triggered by 'push'/],
    ['pull_request', 'closed', /action 'closed' changes no code/],
    ['pull_request', 'labeled', /action 'labeled'/],
  ])('skips %s/%s with a reason', (event, action, reason) => {
    const r = readPullRequestEvent(event, payload(action), undefined);
    expect(r.review).toBe(false);
    if (!r.review) expect(r.reason).toMatch(reason);
  });

  it("reads the PR's own count of changed files", () => {
    const event = payload('opened');
    const r = readPullRequestEvent(
      'pull_request',
      { ...event, pull_request: { ...event.pull_request, changed_files: 3000 } },
      undefined,
    );
    expect(r.review && r.pr.changedFiles).toBe(3000);
  });

  it('explains a payload without a pull request', () => {
    const r = readPullRequestEvent('pull_request', { action: 'opened' }, undefined);
    expect(r.review).toBe(false);
  });
});
