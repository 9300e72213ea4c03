import type { GitHubPort } from '../ports.js';
import type { PullRequest } from '../core/types.js';
import type { Logger } from '../logger.js';

/**
 * The paths changed since the head that was last reviewed, for an incremental review on `synchronize`: only
 * these files need to go to the endpoint again. Undefined means "review the whole pull request": not a
 * `synchronize`, a force-push (`before` is no ancestor of the new head: status `diverged` or `behind`, or GitHub
 * no longer knows `before`), or a comparison too large to list completely. The published fingerprints keep a
 * whole-PR review from posting anything twice.
 */
export async function changedSinceLastReview(
  pr: PullRequest,
  github: Pick<GitHubPort, 'compareCommits'>,
  logger?: Logger,
): Promise<ReadonlySet<string> | undefined> {
  if (pr.action !== 'synchronize' || !pr.beforeSha || /^0+$/.test(pr.beforeSha)) return undefined;
  if (pr.beforeSha === pr.headSha) return new Set();
  const before = pr.beforeSha.slice(0, 12);
  let comparison;
  try {
    comparison = await github.compareCommits(pr, pr.beforeSha, pr.headSha);
  } catch (error) {
    logger?.warning(
      `Could not compare ${before}…${pr.headSha.slice(0, 12)}; reviewing the whole pull request: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  if (!comparison) {
    logger?.info(`${before} is unknown to GitHub (a force-push?); reviewing the whole pull request`);
    return undefined;
  }
  if (comparison.status === 'diverged' || comparison.status === 'behind') {
    logger?.info(`The branch was rewritten since ${before} (${comparison.status}); reviewing the whole pull request`);
    return undefined;
  }
  if (comparison.truncated) {
    logger?.info(`More files changed since ${before} than GitHub lists; reviewing the whole pull request`);
    return undefined;
  }
  logger?.info(`${comparison.files.length} files changed since the last reviewed head ${before}`);
  return new Set(comparison.files);
}
