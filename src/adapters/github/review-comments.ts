import type { ExistingReviewComment, GitHubPort } from '../../ports.js';
import { collectPages, translateError } from './errors.js';
import { pullParams } from './files.js';
import type { GitHubClient } from './octokit.js';

/** Review comments (`GET/POST /pulls/{n}/comments`, `PATCH /pulls/comments/{id}`). */
export function reviewCommentsResource({
  octokit,
}: GitHubClient): Pick<GitHubPort, 'listReviewComments' | 'createFileComment' | 'updateReviewComment'> {
  return {
    async listReviewComments(pr) {
      return collectPages(
        octokit.paginate.iterator(octokit.rest.pulls.listReviewComments, { ...pullParams(pr), per_page: 100 }),
        (c): ExistingReviewComment => ({
          id: c.id,
          body: c.body ?? '',
          path: c.path,
          line: c.line ?? null,
          ...(c.in_reply_to_id ? { inReplyToId: c.in_reply_to_id } : {}),
          ...(c.user?.login ? { author: { login: c.user.login, type: c.user.type ?? 'User' } } : {}),
        }),
        { what: 'list the review comments', permission: 'pull-requests: read' },
      );
    },

    async createFileComment(pr, input) {
      try {
        const res = await octokit.rest.pulls.createReviewComment({
          ...pullParams(pr),
          commit_id: input.commitId,
          path: input.path,
          body: input.body,
          subject_type: 'file',
        });
        return res.data.id;
      } catch (error) {
        throw translateError(error, 'create review comments', 'pull-requests: write');
      }
    },

    async updateReviewComment(pr, commentId, body) {
      try {
        await octokit.rest.pulls.updateReviewComment({ owner: pr.owner, repo: pr.repo, comment_id: commentId, body });
      } catch (error) {
        throw translateError(error, 'edit review comments', 'pull-requests: write');
      }
    },
  };
}
