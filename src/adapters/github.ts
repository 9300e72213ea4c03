import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { CheckAnnotation } from '../core/render/annotations.js';
import { ANNOTATIONS_PER_REQUEST, batchAnnotations } from '../core/render/annotations.js';
import type { ChangedFile, Conclusion, FileStatus, PullRequest } from '../core/types.js';
import { PermissionError, UpstreamError } from '../errors.js';
import type { Logger } from '../logger.js';
import { PRODUCT, VERSION } from '../version.js';

/** GitHub lists at most 3,000 files of a pull request. */
export const PULL_REQUEST_FILE_CAP = 3000;

export interface ListedFiles {
  readonly files: ChangedFile[];
  /** True when GitHub's 3,000-file cap was reached: files past it were never listed. */
  readonly capped: boolean;
}

export interface CheckRunInput {
  readonly name: string;
  readonly headSha: string;
  readonly conclusion: Conclusion;
  readonly title: string;
  readonly summary: string;
  readonly text?: string;
  readonly annotations: readonly CheckAnnotation[];
  readonly detailsUrl?: string;
}

/** What the action asks of GitHub. Tests hand in a fake or point the real one at a loopback server. */
export interface GitHubPort {
  listPullRequestFiles(pr: PullRequest): Promise<ListedFiles>;
  /** Creates a completed check run; annotations past the first 50 are sent in further updates. */
  createCheckRun(pr: PullRequest, input: CheckRunInput): Promise<number>;
  /** A file's text at a ref, or undefined when it does not exist there. */
  getFileContent(pr: PullRequest, path: string, ref: string): Promise<string | undefined>;
  /** Requests made so far (for the benchmark and the log). */
  requestCount(): number;
}

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
      const files: ChangedFile[] = [];
      try {
        for await (const page of octokit.paginate.iterator(octokit.rest.pulls.listFiles, {
          owner: pr.owner,
          repo: pr.repo,
          pull_number: pr.number,
          per_page: 100,
        })) {
          for (const f of page.data) files.push(toChangedFile(f));
          if (files.length >= PULL_REQUEST_FILE_CAP) break;
        }
      } catch (error) {
        throw translateError(error, 'list the pull request files', 'pull-requests: read');
      }
      return { files: files.slice(0, PULL_REQUEST_FILE_CAP), capped: files.length >= PULL_REQUEST_FILE_CAP };
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
  const message = error instanceof Error ? error.message : String(error);
  if (status === 403 && /resource not accessible by (integration|personal access token)/i.test(message)) {
    return new PermissionError(permission, what);
  }
  if (status === 401)
    return new UpstreamError(`could not ${what}: bad credentials`, 'GitHub', 401, 'check the github-token input');
  if (status !== undefined) return new UpstreamError(`could not ${what}: ${firstLine(message)}`, 'GitHub', status);
  return new UpstreamError(`could not ${what}: ${firstLine(message)}`, 'GitHub');
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? '').slice(0, 300);
}
