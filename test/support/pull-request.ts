import type { PullRequest } from '../../src/core/types.js';

/** The pull request the tests talk about (acme/widgets, as the fake GitHub serves it), with any field changed. */
export function samplePullRequest(overrides: Partial<PullRequest> = {}): PullRequest {
  return {
    owner: 'acme',
    repo: 'widgets',
    number: 42,
    title: 'Add the widget',
    headSha: 'a'.repeat(40),
    baseSha: 'b'.repeat(40),
    headRef: 'feature',
    baseRef: 'main',
    author: 'octocat',
    draft: false,
    action: 'opened',
    ...overrides,
  };
}
