import type { GitHubPort } from '../../ports.js';
import { checkRunsResource } from './check-runs.js';
import { contentsResource } from './contents.js';
import { filesResource } from './files.js';
import { identityResource } from './identity.js';
import { issueCommentsResource } from './issue-comments.js';
import { createOctokit, type GitHubClientOptions } from './octokit.js';
import { pullRequestResource } from './pull-request.js';
import { reviewCommentsResource } from './review-comments.js';
import { reviewRequestsResource } from './review-requests.js';
import { reviewsResource } from './reviews.js';
import { threadsResource } from './threads.js';

export type { GitHubClientOptions } from './octokit.js';
export { DEFAULT_MAX_WAIT_SECONDS } from './octokit.js';
export { COMPARE_FILE_CAP, PULL_REQUEST_FILE_CAP, toChangedFile } from './files.js';

/** The GitHub adapter: one module per resource over one octokit (rate limits, retries, the request count). */
export function createGitHubClient(options: GitHubClientOptions): GitHubPort {
  const client = createOctokit(options);
  return {
    ...pullRequestResource(client),
    ...filesResource(client),
    ...contentsResource(client),
    ...checkRunsResource(client),
    ...reviewsResource(client),
    ...reviewCommentsResource(client),
    ...issueCommentsResource(client),
    ...threadsResource(client),
    ...identityResource(client),
    ...reviewRequestsResource(client),
  };
}
