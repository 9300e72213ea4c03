import { carryEarlierAiFindings } from '../core/findings/carry.js';
import { isOurAuthor } from '../core/findings/ours.js';
import type { ChangedFile, Finding, PullRequest } from '../core/types.js';
import type { Logger } from '../logger.js';
import type { GitHubPort } from '../ports.js';

/**
 * Reads our earlier AI comments on the pull request once the AI review has run, and returns the findings that
 * still stand on files it did not see again (see carryEarlierAiFindings). Reading them may fail (permissions):
 * then nothing is carried, and the log says so.
 */
export function earlierAiFindings(
  github: Pick<GitHubPort, 'listReviewComments' | 'listReviewThreads' | 'identity'>,
  pr: PullRequest,
  files: readonly ChangedFile[],
  logger: Logger,
): (reviewedPaths: ReadonlySet<string>) => Promise<Finding[]> {
  return async (reviewedPaths) => {
    try {
      const [comments, threads, identity] = await Promise.all([
        github.listReviewComments(pr),
        github.listReviewThreads(pr),
        github.identity(),
      ]);
      const resolved = new Set(threads.filter((t) => t.resolved).map((t) => t.firstCommentId));
      return carryEarlierAiFindings(
        comments.map((c) => ({
          id: c.id,
          body: c.body,
          path: c.path,
          line: c.line,
          ...(c.inReplyToId !== undefined ? { inReplyToId: c.inReplyToId } : {}),
          ours: isOurAuthor(identity, c.author),
          resolved: resolved.has(c.id),
        })),
        { reviewedPaths, changedPaths: new Set(files.map((f) => f.path)) },
      );
    } catch (error) {
      logger.warning(
        `Earlier AI findings could not be read, so none is carried into this run's gate: ${error instanceof Error ? error.message : String(error)}`,
      );
      return [];
    }
  };
}
