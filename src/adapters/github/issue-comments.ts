import type { GitHubPort } from '../../ports.js';
import { translateError } from './errors.js';
import type { GitHubClient } from './octokit.js';

/** Conversation comments (`GET/POST /issues/{n}/comments`, `PATCH /issues/comments/{id}`): the sticky summary. */
export function issueCommentsResource({ octokit }: GitHubClient): Pick<GitHubPort, 'upsertIssueComment'> {
  return {
    async upsertIssueComment(pr, marker, body, options = {}) {
      const isOurs = options.isOurs ?? (() => true);
      let existing: { id: number; body: string } | undefined;
      try {
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
          owner: pr.owner,
          repo: pr.repo,
          issue_number: pr.number,
          per_page: 100,
        })) {
          // Ours starts with the marker and was written by us: a person quoting the marker is left alone.
          const found = page.data.find(
            (c) =>
              (c.body ?? '').startsWith(marker) && isOurs({ login: c.user?.login ?? '', type: c.user?.type ?? 'User' }),
          );
          if (found) {
            existing = { id: found.id, body: found.body ?? '' };
            break;
          }
        }
      } catch (error) {
        throw translateError(error, 'list the pull request comments', 'pull-requests: read');
      }
      try {
        if (existing !== undefined) {
          await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: existing.id, body });
          return { id: existing.id, created: false, previousBody: existing.body };
        }
        if (options.create === false) return undefined;
        const res = await octokit.rest.issues.createComment({
          owner: pr.owner,
          repo: pr.repo,
          issue_number: pr.number,
          body,
        });
        return { id: res.data.id, created: true };
      } catch (error) {
        throw translateError(error, 'comment on the pull request', 'pull-requests: write');
      }
    },
  };
}
