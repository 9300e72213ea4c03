import { Octokit } from '@octokit/rest';
import { throttling } from '@octokit/plugin-throttling';
import { GitHubError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { PRODUCT, VERSION } from '../../core/version.js';
import { classifyError } from './errors.js';

export interface GitHubClientOptions {
  readonly token: string;
  readonly baseUrl: string;
  readonly logger: Logger;
  /**
   * The longest the action waits before sending a request again, in seconds (the `github-max-wait` input):
   * a rate limit that lifts later ends the run instead of stalling it. 120 unless given.
   */
  readonly maxWaitSeconds?: number;
  /** Base of the retry delays in ms (1 s, 4 s, 9 s after server errors); 1000 in production. */
  readonly retryBaseMs?: number;
  /** How a retry waits; tests pass one that records instead of waiting. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The clock, for rate-limit reset times. */
  readonly now?: () => number;
}

/** Server errors and network failures are retried this many times (octokit's plugin-retry does the same). */
const RETRIES = 3;
export const DEFAULT_MAX_WAIT_SECONDS = 120;

const ThrottledOctokit = Octokit.plugin(throttling);
export type GitHubOctokit = InstanceType<typeof ThrottledOctokit>;

export interface GitHubClient {
  readonly octokit: GitHubOctokit;
  readonly logger: Logger;
  readonly sleep: (ms: number) => Promise<void>;
  /** The wait cap in ms. */
  readonly maxWaitMs: number;
}

/**
 * Octokit as the action uses it: rate limits waited out only up to `maxWaitSeconds` (past that the run stops
 * at once, and every later request fails fast rather than stalling), server errors and network failures
 * retried for reads and idempotent writes only. A POST that creates something is never sent twice here: its
 * adapter looks for what the first attempt created (see check-runs.ts, reviews.ts).
 */
export function createOctokit(options: GitHubClientOptions): GitHubClient {
  const { logger } = options;
  const maxWaitMs = (options.maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS) * 1000;
  const base = options.retryBaseMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  /** When a primary rate limit was not waited out: until when the token's quota is used up. */
  let exhaustedUntil: number | undefined;

  const giveUp = (retryAfter: number, req: { method: string; url: string }, what: string): false => {
    if (what === 'rate limit') exhaustedUntil = now() + retryAfter * 1000;
    logger.warning(
      `GitHub ${what} on ${req.method} ${req.url} lifts in ${retryAfter} s, longer than github-max-wait (${maxWaitMs / 1000} s): not waiting. What was not posted is in the job summary and the annotations.`,
    );
    return false;
  };
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
    throttle: {
      retryAfterBaseValue: base,
      onRateLimit: (retryAfter: number, req: { method: string; url: string }, _o: unknown, retryCount: number) => {
        if (retryAfter * 1000 > maxWaitMs) return giveUp(retryAfter, req, 'rate limit');
        logger.warning(`GitHub rate limit reached on ${req.method} ${req.url}; retrying in ${retryAfter} s`);
        return retryCount < 2;
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        req: { method: string; url: string },
        _o: unknown,
        retryCount: number,
      ) => {
        if (retryAfter * 1000 > maxWaitMs) return giveUp(retryAfter, req, 'secondary rate limit');
        logger.warning(`GitHub secondary rate limit on ${req.method} ${req.url}; retrying in ${retryAfter} s`);
        return retryCount < 2;
      },
    },
  });
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      if (exhaustedUntil !== undefined && now() < exhaustedUntil) {
        throw new GitHubError(
          `the token's rate limit is used up until ${new Date(exhaustedUntil).toISOString().slice(11, 16)} UTC`,
          'rate-limited',
          403,
          `raise github-max-wait to wait for it, or re-run the job later`,
        );
      }
      try {
        return await request(requestOptions);
      } catch (error) {
        const failure = classifyError(error);
        if (!failure.retryable || attempt >= RETRIES || !isIdempotent(requestOptions)) throw error;
        const delay = Math.min(base * (attempt + 1) ** 2, maxWaitMs);
        logger.debug(`GitHub ${failure.kind} on ${requestOptions.method} ${requestOptions.url}; retry ${attempt + 1}`);
        await sleep(delay);
      }
    }
  });
  return { octokit, logger, sleep, maxWaitMs };
}

/** Reads, edits and GraphQL may be repeated; a POST that creates something may not (it could exist already). */
function isIdempotent(options: { method?: string; url?: string }): boolean {
  if (options.method !== 'POST') return true;
  return /\/graphql$/.test(options.url ?? '') || /\/(labels|requested_reviewers)$/.test(options.url ?? '');
}
