import type { GitHubPort } from '../../ports.js';
import { translateError } from './errors.js';
import { pullParams } from './files.js';
import type { GitHubClient } from './octokit.js';

/** Review requests (`POST /pulls/{n}/requested_reviewers`) and labels (`POST /issues/{n}/labels`). */
export function reviewRequestsResource({ octokit }: GitHubClient): Pick<GitHubPort, 'requestReviewers' | 'addLabels'> {
  return {
    async requestReviewers(pr, people) {
      try {
        await octokit.rest.pulls.requestReviewers({
          ...pullParams(pr),
          reviewers: [...people.users],
          team_reviewers: [...people.teams],
        });
      } catch (error) {
        throw translateError(error, 'request reviewers', 'pull-requests: write');
      }
    },

    async addLabels(pr, labels) {
      try {
        await octokit.rest.issues.addLabels({
          owner: pr.owner,
          repo: pr.repo,
          issue_number: pr.number,
          labels: [...labels],
        });
      } catch (error) {
        throw translateError(error, 'label the pull request', 'pull-requests: write');
      }
    },
  };
}
