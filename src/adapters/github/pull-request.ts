import type { GitHubPort } from '../../ports.js';
import { translateError } from './errors.js';
import { pullParams } from './files.js';
import type { GitHubClient } from './octokit.js';

/** The pull request itself (`GET /pulls/{n}`): where its head is now. */
export function pullRequestResource({ octokit }: GitHubClient): Pick<GitHubPort, 'getPullRequest'> {
  return {
    async getPullRequest(pr) {
      try {
        const { data } = await octokit.rest.pulls.get(pullParams(pr));
        return {
          headSha: data.head.sha,
          state: data.state,
          ...(typeof data.changed_files === 'number' ? { changedFiles: data.changed_files } : {}),
        };
      } catch (error) {
        throw translateError(error, 'read the pull request', 'pull-requests: read');
      }
    },
  };
}
