import type { PullRequest } from './types.js';

export const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'] as const;
export const REVIEWED_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review'] as const;

export type EventCheck =
  { readonly review: true; readonly pr: PullRequest } | { readonly review: false; readonly reason: string };

/**
 * Decides from the webhook event whether to review, and reads the pull request from its payload.
 * The head SHA is the PR head's, never GITHUB_SHA (which is the merge commit on `pull_request`).
 */
export function readPullRequestEvent(
  eventName: string,
  payload: Record<string, unknown>,
  repository: { owner: string; repo: string } | undefined,
): EventCheck {
  if (!(PULL_REQUEST_EVENTS as readonly string[]).includes(eventName)) {
    return {
      review: false,
      reason: `codex-hooks reviews pull requests; this run was triggered by '${eventName || 'an unknown event'}', so there is nothing to review. Trigger it on pull_request or pull_request_target.`,
    };
  }
  const action = typeof payload.action === 'string' ? payload.action : '';
  if (!(REVIEWED_ACTIONS as readonly string[]).includes(action)) {
    return {
      review: false,
      reason: `The '${eventName}' event with action '${action}' changes no code; only ${REVIEWED_ACTIONS.join(', ')} are reviewed.`,
    };
  }
  const pr = payload.pull_request as Record<string, unknown> | undefined;
  const head = pr?.head as Record<string, unknown> | undefined;
  const base = pr?.base as Record<string, unknown> | undefined;
  if (!pr || typeof pr.number !== 'number' || typeof head?.sha !== 'string' || typeof base?.sha !== 'string') {
    return {
      review: false,
      reason: `The '${eventName}' event payload has no pull request with head and base commits.`,
    };
  }
  const baseRepo = base.repo as Record<string, unknown> | undefined;
  const fullName = typeof baseRepo?.full_name === 'string' ? baseRepo.full_name : undefined;
  const [owner, repo] = fullName ? fullName.split('/') : [repository?.owner, repository?.repo];
  if (!owner || !repo)
    return { review: false, reason: 'The repository of the pull request is unknown (GITHUB_REPOSITORY is not set).' };
  const user = pr.user as Record<string, unknown> | undefined;
  return {
    review: true,
    pr: {
      owner,
      repo,
      number: pr.number,
      title: typeof pr.title === 'string' ? pr.title : '',
      headSha: head.sha,
      baseSha: base.sha,
      headRef: typeof head.ref === 'string' ? head.ref : '',
      baseRef: typeof base.ref === 'string' ? base.ref : '',
      author: typeof user?.login === 'string' ? user.login : '',
      ...(typeof pr.body === 'string' && pr.body !== '' ? { description: pr.body } : {}),
      draft: pr.draft === true,
      action,
      ...(action === 'synchronize' && typeof payload.before === 'string' ? { beforeSha: payload.before } : {}),
      ...(typeof pr.changed_files === 'number' ? { changedFiles: pr.changed_files } : {}),
    },
  };
}
