import { redactText } from '../../core/findings/redactor.js';
import type { GitHubFailureKind } from '../../errors.js';

/** What a failed GitHub request means: its kind, whether repeating it can help, and GitHub's own reason. */
export interface FailureClass {
  readonly kind: GitHubFailureKind;
  /** A GET (or another idempotent request) may be sent again after a pause. */
  readonly retryable: boolean;
  /** GitHub's `message` and `errors[]`, one line, redacted; undefined when the body said nothing. */
  readonly reason?: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/** Statuses octokit's plugin-retry never retries: the request itself is wrong, repeating it cannot help. */
const DO_NOT_RETRY = new Set([400, 401, 403, 404, 410, 422, 451]);

/**
 * GitHub's 422 texts (in `errors[]`, as strings or `{ message }` objects) by what they mean. Order matters:
 * "commit_id is not part of the pull request" is about the commit, "path is not part of the diff" about a line.
 */
const UNPROCESSABLE: readonly (readonly [GitHubFailureKind, RegExp])[] = [
  ['own-pull-request', /can ?not (request changes on|approve) your own pull request/i],
  ['too-quickly', /submitted too quickly/i],
  ['stale-commit', /commit(_id|_sha|oid| id| sha)? is not part of the pull request|no commit found for/i],
  ['body-too-long', /is too long \(maximum is \d+ characters\)/i],
  [
    'line-not-in-diff',
    /line could not be resolved|must be part of the diff|is not part of the diff|position is invalid|start_line|could not be resolved/i,
  ],
];

/**
 * Classifies a failed request from its status (undefined: no answer at all) and its JSON body, as octokit's
 * plugin-retry does for retries and by `errors[]` for 422s. Pure: the adapter acts on the result.
 */
export function classifyFailure(status: number | undefined, body: unknown, hasResponse = true): FailureClass {
  const reason = readReason(body);
  const at = (kind: GitHubFailureKind, retryable: boolean): FailureClass => ({
    kind,
    retryable,
    ...(reason ? { reason } : {}),
  });
  // octokit's fetch wrapper reports a network failure as a 500 without a response.
  if (status === undefined || (status === 500 && !hasResponse)) return at('network', true);
  if (status === 401) return at('credentials', false);
  if (status === 403 || status === 429) {
    if (/rate limit/i.test(reason ?? '')) return at('rate-limited', false);
    if (/resource not accessible by (integration|personal access token)/i.test(reason ?? '')) {
      return at('permission', false);
    }
    return at('other', status === 429);
  }
  if (status === 404) return at('not-found', false);
  if (status === 422) {
    const texts = errorTexts(body).join('\n');
    const match = UNPROCESSABLE.find(([, pattern]) => pattern.test(texts));
    return at(match ? match[0] : 'invalid', false);
  }
  if (status >= 500) return at('server', true);
  return at('other', status >= 400 && !DO_NOT_RETRY.has(status));
}

/** The texts of GitHub's `errors[]`: plain strings, or `message`/`code` of `{ resource, field, code }` objects. */
export function errorTexts(body: unknown): string[] {
  const errors = typeof body === 'object' && body !== null ? (body as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((e): string[] => {
    if (typeof e === 'string') return [e];
    if (typeof e !== 'object' || e === null) return [];
    const o = e as { message?: unknown; field?: unknown; code?: unknown };
    if (typeof o.message === 'string') return [o.message];
    return typeof o.field === 'string' && typeof o.code === 'string' ? [`${o.field} ${o.code}`] : [];
  });
}

/**
 * GitHub's `message` and `errors[]` as one line for the log: control characters removed, at most 300
 * characters, and any secret a refused body echoed redacted. Nothing else of a response is ever quoted: an
 * error's text may hold a raw patch.
 */
function readReason(body: unknown): string | undefined {
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  const parts = [typeof message === 'string' ? message : '', ...errorTexts(body)].filter((t) => t.length > 0);
  if (parts.length === 0) return undefined;
  const line = parts.join(': ').replace(CONTROL, ' ').slice(0, 300);
  return redactText(line, []);
}
