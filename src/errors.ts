/**
 * Errors say who must act. main.ts turns each into one clear sentence and the right exit status.
 */

/** The user must fix something: an input, the config file, a permission. Exit status 2 in the CLI. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(
    message: string,
    /** Where: `.github/codex-hooks.yml:12:5` or `input 'fail-on'`. */
    readonly location?: string,
  ) {
    super(location ? `${location}: ${message}` : message);
  }
}

/** A command line the CLI cannot take: a bad flag or argument. Shown with the command's usage line; exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The one-line synopsis of the command, e.g. `codex-hooks scan PATH... [options]`. */
    readonly usage: string,
  ) {
    super(message);
  }
}

/** An outside system failed: GitHub or the hook endpoint. Says what answered, how, and what to do. */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  constructor(
    message: string,
    readonly service: string,
    readonly status?: number,
    readonly hint?: string,
  ) {
    super(
      `${service}${status !== undefined ? ` answered ${status}` : ' failed'}: ${message}${hint ? ` (${hint})` : ''}`,
    );
  }
}

/**
 * Why GitHub refused or failed a request, read from its status and its `errors[]` (see
 * src/adapters/github/classify.ts): the pipeline decides by this kind, never by GitHub's English.
 */
export type GitHubFailureKind =
  | 'line-not-in-diff'
  | 'own-pull-request'
  | 'stale-commit'
  | 'too-quickly'
  | 'body-too-long'
  | 'invalid'
  | 'permission'
  | 'rate-limited'
  | 'credentials'
  | 'not-found'
  | 'server'
  | 'network'
  | 'other';

/** GitHub refused or failed a request; `kind` says why, the message quotes GitHub's reason (redacted). */
export class GitHubError extends UpstreamError {
  override readonly name = 'GitHubError' as 'UpstreamError';
  constructor(
    message: string,
    readonly kind: GitHubFailureKind,
    status?: number,
    hint?: string,
  ) {
    super(message, 'GitHub', status, hint);
  }
}

/** The kind of a GitHub failure; undefined for anything else. */
export function gitHubFailureKind(error: unknown): GitHubFailureKind | undefined {
  if (error instanceof PermissionError) return 'permission';
  return error instanceof GitHubError ? error.kind : undefined;
}

/** A write GitHub refused for lack of a workflow permission; the run goes on and reports another way. */
export class PermissionError extends UpstreamError {
  override readonly name = 'PermissionError' as 'UpstreamError';
  constructor(
    readonly permission: string,
    what: string,
  ) {
    super(
      `the token may not ${what}`,
      'GitHub',
      403,
      `grant \`permissions: ${permission}\` to the job; on pull requests from forks the token is read-only`,
    );
  }
}

/** One sentence for the log, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof UsageError) return `Usage error: ${error.message}\nUsage: ${error.usage}`;
  if (error instanceof ConfigurationError) return `Configuration error: ${error.message}`;
  if (error instanceof UpstreamError) return error.message;
  if (error instanceof Error) return `Internal error (please report it): ${error.message}`;
  return `Internal error (please report it): ${String(error)}`;
}
