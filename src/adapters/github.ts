import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { ANNOTATIONS_PER_REQUEST, batchAnnotations } from '../core/render/annotations.js';
import type { CheckAnnotation } from '../core/render/annotations.js';
import type { ChangedFile, FileStatus, PullRequest } from '../core/types.js';
import { PermissionError, UpstreamError } from '../errors.js';
import type { Logger } from '../logger.js';
import { PRODUCT, VERSION } from '../core/version.js';
import {
  COMPARE_FILE_CAP,
  PULL_REQUEST_FILE_CAP,
  type ExistingReview,
  type ExistingReviewComment,
  type GitHubPort,
} from '../ports.js';

export interface GitHubClientOptions {
  readonly token: string;
  readonly baseUrl: string;
  readonly logger: Logger;
  /** Base of the retry and rate-limit delays in ms; 1000 in production. */
  readonly retryBaseMs?: number;
}

const ThrottledOctokit = Octokit.plugin(retry, throttling);

export function createGitHubClient(options: GitHubClientOptions): GitHubPort {
  const { logger } = options;
  let requests = 0;
  const octokit = new ThrottledOctokit({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: `${PRODUCT}/${VERSION}`,
    log: {
      debug: () => {},
      info: () => {},
      warn: (m: string) => logger.debug(m),
      error: (m: string) => logger.debug(m),
    },
    retry: { retryAfterBaseValue: options.retryBaseMs ?? 1000 },
    throttle: {
      retryAfterBaseValue: options.retryBaseMs ?? 1000,
      onRateLimit: (retryAfter: number, req: { method: string; url: string }, _o: unknown, retryCount: number) => {
        logger.warning(`GitHub rate limit reached on ${req.method} ${req.url}; retrying in ${retryAfter} s`);
        return retryCount < 2;
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        req: { method: string; url: string },
        _o: unknown,
        retryCount: number,
      ) => {
        logger.warning(`GitHub secondary rate limit on ${req.method} ${req.url}; retrying in ${retryAfter} s`);
        return retryCount < 2;
      },
    },
  });
  octokit.hook.before('request', () => {
    requests++;
  });

  return {
    requestCount: () => requests,

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

    async createCheckRun(pr, input) {
      const batches = batchAnnotations(input.annotations, ANNOTATIONS_PER_REQUEST);
      const output = (annotations: readonly CheckAnnotation[] | undefined) => ({
        title: input.title,
        summary: input.summary,
        ...(input.text ? { text: input.text } : {}),
        ...(annotations ? { annotations: [...annotations] } : {}),
      });
      let id: number;
      try {
        const created = await octokit.rest.checks.create({
          owner: pr.owner,
          repo: pr.repo,
          name: input.name,
          head_sha: input.headSha,
          status: 'completed',
          conclusion: input.conclusion,
          completed_at: new Date().toISOString(),
          ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
          output: output(batches[0]),
        });
        id = created.data.id;
        for (const batch of batches.slice(1)) {
          await octokit.rest.checks.update({ owner: pr.owner, repo: pr.repo, check_run_id: id, output: output(batch) });
        }
      } catch (error) {
        throw translateError(error, 'create check runs', 'checks: write');
      }
      return id;
    },

    async listReviewComments(pr) {
      return collectPages(
        octokit.paginate.iterator(octokit.rest.pulls.listReviewComments, { ...pullParams(pr), per_page: 100 }),
        (c): ExistingReviewComment => ({
          id: c.id,
          body: c.body ?? '',
          path: c.path,
          line: c.line ?? null,
          ...(c.in_reply_to_id ? { inReplyToId: c.in_reply_to_id } : {}),
          ...(c.user?.login ? { author: c.user.login } : {}),
        }),
        { what: 'list the review comments', permission: 'pull-requests: read' },
      );
    },

    async createReview(pr, input) {
      try {
        const res = await octokit.rest.pulls.createReview({
          owner: pr.owner,
          repo: pr.repo,
          pull_number: pr.number,
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
      } catch (error) {
        throw translateError(error, 'create pull request reviews', 'pull-requests: write');
      }
    },

    async listReviews(pr) {
      return collectPages(
        octokit.paginate.iterator(octokit.rest.pulls.listReviews, { ...pullParams(pr), per_page: 100 }),
        (r): ExistingReview => ({ id: r.id, state: r.state, body: r.body ?? '' }),
        { what: 'list the pull request reviews', permission: 'pull-requests: read' },
      );
    },

    async dismissReview(pr, reviewId, message) {
      try {
        await octokit.rest.pulls.dismissReview({
          owner: pr.owner,
          repo: pr.repo,
          pull_number: pr.number,
          review_id: reviewId,
          message,
        });
      } catch (error) {
        throw translateError(error, 'dismiss pull request reviews', 'pull-requests: write');
      }
    },

    async createFileComment(pr, input) {
      try {
        const res = await octokit.rest.pulls.createReviewComment({
          owner: pr.owner,
          repo: pr.repo,
          pull_number: pr.number,
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

    async upsertIssueComment(pr, marker, body, options = {}) {
      let existing: number | undefined;
      try {
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
          owner: pr.owner,
          repo: pr.repo,
          issue_number: pr.number,
          per_page: 100,
        })) {
          // Only a comment that starts with the marker is ours: a person quoting it is left alone.
          const found = page.data.find((c) => (c.body ?? '').startsWith(marker));
          if (found) {
            existing = found.id;
            break;
          }
        }
      } catch (error) {
        throw translateError(error, 'list the pull request comments', 'pull-requests: read');
      }
      try {
        if (existing !== undefined) {
          await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: existing, body });
          return { id: existing, created: false };
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

    async getFileContent(pr, path, ref) {
      try {
        const res = await octokit.rest.repos.getContent({ owner: pr.owner, repo: pr.repo, path, ref });
        const data = res.data as { type?: string; content?: string; encoding?: string };
        if (Array.isArray(res.data) || data.type !== 'file' || typeof data.content !== 'string') return undefined;
        return Buffer.from(data.content, (data.encoding as BufferEncoding) ?? 'base64').toString('utf8');
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw translateError(error, `read ${path} at ${ref.slice(0, 12)}`, 'contents: read');
      }
    },
  };
}

const pullParams = (pr: PullRequest) => ({ owner: pr.owner, repo: pr.repo, pull_number: pr.number });

/**
 * Every item of a paginated list (GitHub's Link headers, followed by octokit), mapped, until `stop` says
 * enough; an error says what could not be listed and which permission a 403 lacks.
 */
async function collectPages<T, R>(
  pages: AsyncIterable<{ data: T[] }>,
  map: (item: T) => R,
  failure: { readonly what: string; readonly permission: string },
  stop: (count: number) => boolean = () => false,
): Promise<R[]> {
  const out: R[] = [];
  try {
    for await (const page of pages) {
      for (const item of page.data) out.push(map(item));
      if (stop(out.length)) break;
    }
  } catch (error) {
    throw translateError(error, failure.what, failure.permission);
  }
  return out;
}

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

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
    ? error.status
    : undefined;
}

/** Turns an octokit error into one that says who must act; 403s name the permission that is missing. */
export function translateError(error: unknown, what: string, permission: string): Error {
  const status = statusOf(error);
  const message = gitHubMessage(error);
  if (status === 403 && /resource not accessible by (integration|personal access token)/i.test(message ?? '')) {
    return new PermissionError(permission, what);
  }
  if (status === 401)
    return new UpstreamError(`could not ${what}: bad credentials`, 'GitHub', 401, 'check the github-token input');
  const reason = message ?? (status !== undefined ? 'no message' : describeFailure(error));
  return new UpstreamError(`could not ${what}: ${reason}`, 'GitHub', status);
}

/**
 * GitHub's own `message` field of a JSON error body, and nothing else: an error's text may quote the raw
 * response (a patch, and so possibly a secret), so it is never used.
 */
function gitHubMessage(error: unknown): string | undefined {
  const data = (error as { response?: { data?: unknown } } | null)?.response?.data;
  const message = typeof data === 'object' && data !== null ? (data as { message?: unknown }).message : undefined;
  if (typeof message !== 'string' || message.length === 0) return undefined;
  // eslint-disable-next-line no-control-regex
  return message.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 200);
}

/** A network or parsing failure, named by its code or class only. */
function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return `network error ${code}`;
  return `unexpected response (${error instanceof Error ? error.name : typeof error})`;
}
