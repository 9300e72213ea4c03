import type { ChangedFile, FileStatus, PullRequest } from '../../core/types.js';
import type { GitHubPort } from '../../ports.js';
import { collectPages, statusOf, translateError } from './errors.js';
import type { GitHubClient } from './octokit.js';

/** GitHub lists at most 3,000 files of a pull request. */
export const PULL_REQUEST_FILE_CAP = 3000;
/** GitHub lists at most 300 files of a commit comparison. */
export const COMPARE_FILE_CAP = 300;

/** The pull request's files (`GET /pulls/{n}/files`) and commit comparisons (`GET /compare/{base}...{head}`). */
export function filesResource({ octokit }: GitHubClient): Pick<GitHubPort, 'listPullRequestFiles' | 'compareCommits'> {
  return {
    async listPullRequestFiles(pr) {
      const files = await collectPages(
        octokit.paginate.iterator(octokit.rest.pulls.listFiles, { ...pullParams(pr), per_page: 100 }),
        toChangedFile,
        { what: 'list the pull request files', permission: 'pull-requests: read' },
        (count) => count >= PULL_REQUEST_FILE_CAP,
      );
      // Exactly 3,000 files is not capped; the PR's own count tells the two apart when the event carries it.
      const capped = files.length >= PULL_REQUEST_FILE_CAP && (pr.changedFiles ?? Infinity) > PULL_REQUEST_FILE_CAP;
      return { files: files.slice(0, PULL_REQUEST_FILE_CAP), capped };
    },

    async compareCommits(pr, base, head) {
      try {
        const res = await octokit.rest.repos.compareCommitsWithBasehead({
          owner: pr.owner,
          repo: pr.repo,
          basehead: `${base}...${head}`,
        });
        const files = new Set<string>();
        for (const f of res.data.files ?? []) {
          files.add(f.filename);
          if (f.previous_filename) files.add(f.previous_filename);
        }
        return {
          status: res.data.status,
          files: [...files],
          truncated: (res.data.files?.length ?? 0) >= COMPARE_FILE_CAP,
        };
      } catch (error) {
        const status = statusOf(error);
        if (status === 404 || status === 422) return undefined;
        throw translateError(error, 'compare commits', 'contents: read');
      }
    },
  };
}

export const pullParams = (pr: PullRequest) => ({ owner: pr.owner, repo: pr.repo, pull_number: pr.number });

interface GitHubFile {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
  previous_filename?: string;
}

export function toChangedFile(f: GitHubFile): ChangedFile {
  // GitHub omits `patch` for binary files (no line changes) and for diffs too large to show (line changes > 0).
  const binary = f.patch === undefined && f.changes === 0 && f.status !== 'removed' && f.status !== 'renamed';
  return {
    path: f.filename,
    ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
    status: f.status as FileStatus,
    additions: f.additions,
    deletions: f.deletions,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
    ...(binary ? { binary } : {}),
  };
}
