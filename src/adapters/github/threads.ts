import type { GitHubPort, ReviewThread } from '../../ports.js';
import { translateError } from './errors.js';
import type { GitHubClient } from './octokit.js';

const THREADS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
      }
    }
  }
}`;

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { id: string; isResolved: boolean; comments: { nodes: { databaseId: number | null }[] } }[];
      };
    } | null;
  } | null;
}

/** At most this many pages of 100 threads are read: a pull request with more is reviewed, not resolved. */
const MAX_THREAD_PAGES = 10;

/**
 * Review threads, which only GraphQL knows: `reviewThreads` to find the thread of a comment, and
 * `resolveReviewThread` / `unresolveReviewThread` so fixed findings stop blocking "require conversation
 * resolution" and come back when the finding does.
 */
export function threadsResource({
  octokit,
}: GitHubClient): Pick<GitHubPort, 'listReviewThreads' | 'setThreadResolved'> {
  return {
    async listReviewThreads(pr) {
      const threads: ReviewThread[] = [];
      let after: string | null = null;
      try {
        for (let page = 0; page < MAX_THREAD_PAGES; page++) {
          const data: ThreadsPage = await octokit.graphql<ThreadsPage>(THREADS_QUERY, {
            owner: pr.owner,
            repo: pr.repo,
            number: pr.number,
            after,
          });
          const list = data.repository?.pullRequest?.reviewThreads;
          if (!list) break;
          for (const t of list.nodes) {
            const first = t.comments.nodes[0]?.databaseId;
            if (typeof first === 'number') threads.push({ id: t.id, resolved: t.isResolved, firstCommentId: first });
          }
          if (!list.pageInfo.hasNextPage) break;
          after = list.pageInfo.endCursor;
        }
      } catch (error) {
        throw translateError(error, 'list the review threads', 'pull-requests: read');
      }
      return threads;
    },

    async setThreadResolved(threadId, resolved) {
      const mutation = resolved
        ? 'mutation($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id isResolved } } }'
        : 'mutation($id: ID!) { unresolveReviewThread(input: { threadId: $id }) { thread { id isResolved } } }';
      try {
        await octokit.graphql(mutation, { id: threadId });
      } catch (error) {
        throw translateError(error, `${resolved ? 'resolve' : 'unresolve'} review threads`, 'pull-requests: write');
      }
    },
  };
}
