import { checkGlob, splitGlobList } from '../core/filter.js';
import type { FailOn } from '../core/types.js';
import { ConfigurationError } from '../errors.js';

export type CommentMode = 'review' | 'check' | 'none';
export type SecretAction = 'block' | 'redact';
export type OnHookError = 'warn' | 'fail';
export type ConfigRef = 'base' | 'head';
export type ReviewerChoice = 'endpoint' | 'openai' | 'codex';

/** Every input of action.yml, validated. Read once; never mutated. */
export interface ActionInputs {
  readonly githubToken: string;
  readonly codexToken: string;
  readonly hookUrl: string;
  /** Which backend writes the AI review. */
  readonly reviewer: ReviewerChoice;
  /** The model of the `openai` and `codex` reviewers. */
  readonly model: string;
  /** The Responses API key (`openai-api-key`, else OPENAI_API_KEY of the step); masked before anything runs. */
  readonly openaiApiKey: string;
  /** '' means the reviewer's default (https://api.openai.com/v1). */
  readonly openaiBaseUrl: string;
  /** Set for Azure OpenAI. */
  readonly azureApiVersion: string;
  /** Input-token budget of one model request (estimated: docs/ai-review.md). */
  readonly maxInputTokens: number;
  readonly maxOutputTokens: number;
  readonly config: string;
  readonly configRef: ConfigRef;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly failOn: FailOn;
  readonly secretAction: SecretAction;
  /** Keys the findings' fingerprints (an HMAC) so a pull request cannot forge our markers; '' for plain ones. */
  readonly fingerprintKey: string;
  readonly commentMode: CommentMode;
  readonly onHookError: OnHookError;
  /** Milliseconds. */
  readonly hookTimeoutMs: number;
  readonly hookRetries: number;
  readonly hookMaxBytes: number;
  readonly maxComments: number;
  /** A failed gate requests changes in the review; a passing one dismisses that request. */
  readonly requestChanges: boolean;
  readonly sarifFile: string;
  readonly dryRun: boolean;
  /** Seconds: the longest the action waits for GitHub before retrying (rate limits, server errors). */
  readonly githubMaxWaitSeconds: number;
  /** Who is asked to review when the gate fails (see escalation in the README). */
  readonly escalation: Escalation;
}

export type EscalateOn = 'failure' | 'secrets';

export interface Escalation {
  /** Users (`octocat`) to request a review from. */
  readonly users: readonly string[];
  /** Team slugs (`org/security` given, `security` kept) to request a review from. */
  readonly teams: readonly string[];
  /** A label to add; '' for none. */
  readonly label: string;
  /** `failure`: whenever the gate fails; `secrets`: only when it fails with a secret among the findings. */
  readonly on: EscalateOn;
}

/** Reads one raw input; '' when unset (as @actions/core does). */
export type InputReader = (name: string) => string;

export const INPUT_DEFAULTS = {
  config: '.github/codex-hooks.yml',
  'config-ref': 'base',
  include: '**',
  'fail-on': 'error',
  'secret-action': 'block',
  'comment-mode': 'review',
  'on-hook-error': 'warn',
  reviewer: 'endpoint',
  'max-input-tokens': '100000',
  'max-output-tokens': '8000',
  'hook-timeout': '60',
  'hook-retries': '3',
  'hook-max-bytes': '500000',
  'max-comments': '30',
  'request-changes': 'false',
  'dry-run': 'false',
  'github-max-wait': '120',
  'escalate-on': 'failure',
} as const;

/** How a message names a setting: the action's input; the CLI names its flag (`--hook-timeout`). */
export type SettingLabel = (input: string) => string;

const INPUT_LABEL: SettingLabel = (input) => `Input '${input}'`;

/**
 * `env`: the step's environment, for OPENAI_API_KEY (a key given to the step rather than as an input).
 * `label`: how a bad value's message names the setting (the CLI reads its flags through here too).
 */
export function readInputs(
  read: InputReader,
  env: Readonly<Record<string, string | undefined>> = {},
  label: SettingLabel = INPUT_LABEL,
): ActionInputs {
  const get = (name: string): string => {
    const value = read(name).trim();
    if (value !== '') return value;
    return (INPUT_DEFAULTS as Record<string, string>)[name] ?? '';
  };
  const hookUrl = get('hook-url');
  const codexToken = read('codex-token').trim();
  return Object.freeze({
    githubToken: get('github-token'),
    codexToken,
    hookUrl,
    reviewer: oneOf(get('reviewer'), label('reviewer'), ['endpoint', 'openai', 'codex'] as const),
    model: get('model'),
    openaiApiKey: read('openai-api-key').trim() || (env.OPENAI_API_KEY ?? '').trim(),
    openaiBaseUrl: httpUrl(get('openai-base-url'), label('openai-base-url')),
    azureApiVersion: get('azure-api-version'),
    maxInputTokens: integer(get('max-input-tokens'), label('max-input-tokens'), 2_000, 2_000_000),
    maxOutputTokens: integer(get('max-output-tokens'), label('max-output-tokens'), 256, 200_000),
    config: get('config'),
    configRef: oneOf(get('config-ref'), label('config-ref'), ['base', 'head'] as const),
    include: globs(get('include'), label('include')),
    exclude: globs(get('exclude'), label('exclude')),
    failOn: oneOf(get('fail-on'), label('fail-on'), ['error', 'warning', 'notice', 'never'] as const),
    secretAction: oneOf(get('secret-action'), label('secret-action'), ['block', 'redact'] as const),
    fingerprintKey: fingerprintKey(read('fingerprint-key').trim(), label('fingerprint-key')),
    commentMode: oneOf(get('comment-mode'), label('comment-mode'), ['review', 'check', 'none'] as const),
    onHookError: oneOf(get('on-hook-error'), label('on-hook-error'), ['warn', 'fail'] as const),
    hookTimeoutMs: integer(get('hook-timeout'), label('hook-timeout'), 1, 600) * 1000,
    hookRetries: integer(get('hook-retries'), label('hook-retries'), 0, 10),
    hookMaxBytes: integer(get('hook-max-bytes'), label('hook-max-bytes'), 10_000, 50_000_000),
    maxComments: integer(get('max-comments'), label('max-comments'), 0, 1000),
    requestChanges: boolean(get('request-changes'), label('request-changes')),
    sarifFile: get('sarif-file'),
    dryRun: boolean(get('dry-run'), label('dry-run')),
    githubMaxWaitSeconds: integer(get('github-max-wait'), label('github-max-wait'), 0, 3600),
    escalation: escalation(get('escalate-reviewers'), get('escalate-label'), get('escalate-on'), label),
  });
}

/** GitHub logins and `org/team` slugs, as GitHub spells them. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const TEAM = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;

function escalation(reviewers: string, label: string, on: string, nameOf: SettingLabel): Escalation {
  const users: string[] = [];
  const teams: string[] = [];
  for (const name of reviewers.split(/[\s,]+/).filter((n) => n.length > 0)) {
    const who = name.replace(/^@/, '');
    if (TEAM.test(who)) teams.push(who.slice(who.indexOf('/') + 1));
    else if (LOGIN.test(who)) users.push(who);
    else {
      throw new ConfigurationError(
        `${nameOf('escalate-reviewers')} must list GitHub logins or org/team slugs; got '${name.slice(0, 80)}'`,
      );
    }
  }
  // eslint-disable-next-line no-control-regex
  if (label.length > 50 || /[\u0000-\u001f,]/.test(label)) {
    throw new ConfigurationError(
      `${nameOf('escalate-label')} must be one label name of at most 50 characters; got '${label.slice(0, 80)}'`,
    );
  }
  return { users, teams, label, on: oneOf(on, nameOf('escalate-on'), ['failure', 'secrets'] as const) };
}

function oneOf<T extends string>(value: string, name: string, allowed: readonly T[]): T {
  const v = value.toLowerCase();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new ConfigurationError(`${name} must be one of ${allowed.join(', ')}; got '${value}'`);
}

/** A key is a secret: the message says how long it is, never what it holds. */
function fingerprintKey(value: string, name: string): string {
  if (value !== '' && value.length < 16) {
    throw new ConfigurationError(
      `${name} must be at least 16 characters (a random repository secret); got ${value.length}`,
    );
  }
  return value;
}

function integer(value: string, name: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) {
    throw new ConfigurationError(`${name} must be a whole number from ${min} to ${max}; got '${value}'`);
  }
  const n = Number(value);
  if (n < min || n > max) {
    throw new ConfigurationError(`${name} must be a whole number from ${min} to ${max}; got '${value}'`);
  }
  return n;
}

function boolean(value: string, name: string): boolean {
  const v = value.toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'off', '0'].includes(v)) return false;
  throw new ConfigurationError(`${name} must be true or false; got '${value}'`);
}

function httpUrl(value: string, name: string): string {
  if (value === '') return '';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`${name} must be an http(s) URL; got '${value}'`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(`${name} must be an http(s) URL; got '${value}'`);
  }
  return value.replace(/\/+$/, '');
}

function globs(value: string, name: string): string[] {
  const list = splitGlobList(value);
  for (const g of list) {
    const problem = checkGlob(g);
    if (problem) throw new ConfigurationError(`${name} has an invalid glob '${g}': ${problem}`);
  }
  return list;
}
