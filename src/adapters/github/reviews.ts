import type { ExistingReview, GitHubPort, ReviewInput } from '../../ports.js';
import type { PullRequest } from '../../core/types.js';
import { classifyError, collectPages, translateError } from './errors.js';
import { pullParams } from './files.js';
import type { GitHubClient } from './octokit.js';

/** How long "was submitted too quickly" is waited out before the one retry (capped by github-max-wait). */
const TOO_QUICKLY_WAIT_MS = 10_000;

/**
 * Pull request reviews (`POST/GET /pulls/{n}/reviews`, `PUT …/dismissals`). A review is created whole or not
 * at all; a 422 is thrown with its kind (see classify.ts). "Submitted too quickly" is waited out and tried once
 * more; a 5xx or no answer is followed by a look for the review the first attempt may have created (the same
 * commit and body) before posting again.
 */
export function reviewsResource(
  client: GitHubClient,
): Pick<GitHubPort, 'createReview' | 'listReviews' | 'dismissReview'> {
  const { octokit, logger } = client;
  const listReviews = (pr: PullRequest) =>
    collectPages(
      octokit.paginate.iterator(octokit.rest.pulls.listReviews, { ...pullParams(pr), per_page: 100 }),
      (r): ExistingReview => ({
        id: r.id,
        state: r.state,
        body: r.body ?? '',
        ...(r.commit_id ? { commitId: r.commit_id } : {}),
        ...(r.user?.login ? { author: { login: r.user.login, type: r.user.type ?? 'User' } } : {}),
      }),
      { what: 'list the pull request reviews', permission: 'pull-requests: read' },
    );

  const post = async (pr: PullRequest, input: ReviewInput) => {
    const res = await octokit.rest.pulls.createReview({
      ...pullParams(pr),
      commit_id: input.commitId,
      body: input.body,
      event: input.event,
      comments: input.comments.map((c) => ({
        path: c.path,
        body: c.body,
        line: c.line,
        side: c.side,
        ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: c.side } : {}),
      })),
    });
    return res.data.id;
  };

  return {
    listReviews,

    async createReview(pr, input) {
      try {
        try {
          return await post(pr, input);
        } catch (error) {
          const failure = classifyError(error);
          if (failure.kind === 'too-quickly') {
            logger.warning(`GitHub: ${failure.reason ?? 'submitted too quickly'}; waiting, then trying once more`);
            await client.sleep(Math.min(TOO_QUICKLY_WAIT_MS, client.maxWaitMs));
            return await post(pr, input);
          }
          if (failure.kind !== 'server' && failure.kind !== 'network') throw error;
          const created = (await listReviews(pr)).find(
            (r) => r.commitId === input.commitId && r.body === input.body && r.state !== 'DISMISSED',
          );
          if (created) {
            logger.warning(
              `GitHub answered ${failure.kind === 'server' ? '5xx' : 'nothing'} but had created review ${created.id}: using it`,
            );
            return created.id;
          }
          return await post(pr, input);
        }
      } catch (error) {
        throw translateError(error, 'create pull request reviews', 'pull-requests: write');
      }
    },

    async dismissReview(pr, reviewId, message) {
      try {
        await octokit.rest.pulls.dismissReview({ ...pullParams(pr), review_id: reviewId, message });
      } catch (error) {
        throw translateError(error, 'dismiss pull request reviews', 'pull-requests: write');
      }
    },
  };
}
