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
    /** Every problem found, when a file had several (the message lists them). */
    readonly problems: readonly LocatedProblem[] = location ? [{ message, location }] : [],
  ) {
    super(location ? `${location}: ${message}` : message);
  }
}

/** One problem in a file, at `file:line:column`. */
export interface LocatedProblem {
  readonly message: string;
  readonly location: string;
}

const MAX_PROBLEMS_SHOWN = 20;

/** All the problems of one file in one error, so one edit fixes them all rather than one run per mistake. */
export function configurationErrorOf(problems: readonly LocatedProblem[], file: string): ConfigurationError {
  const [first] = problems;
  if (first === undefined) throw new Error('configurationErrorOf needs at least one problem');
  if (problems.length === 1) return new ConfigurationError(first.message, first.location);
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `  ${p.location}: ${p.message}`);
  if (problems.length > MAX_PROBLEMS_SHOWN) shown.push(`  and ${problems.length - MAX_PROBLEMS_SHOWN} more`);
  return new ConfigurationError(`${problems.length} problems in ${file}:\n${shown.join('\n')}`, undefined, problems);
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
