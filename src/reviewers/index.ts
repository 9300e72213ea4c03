import { ACTION_SETTING_NAMES, type SettingNames } from '../settings/setting-names.js';
import { ConfigurationError } from '../errors.js';
import { isLoopbackHost } from '../endpoint/token.js';
import type { Logger } from '../logger.js';
import type { Reviewer, ReviewerKind } from '../ports.js';
import { createCodexReviewer } from './codex-reviewer.js';
import { findOrInstallCodex } from './codex-install.js';
import { createOpenAiReviewer, DEFAULT_OPENAI_BASE_URL } from './openai-reviewer.js';

export { createEndpointReviewer } from './endpoint-reviewer.js';

/** What the model reviewers need, from action inputs, CLI flags or the hook server's options. */
export interface ModelReviewerSettings {
  readonly kind: Exclude<ReviewerKind, 'endpoint'>;
  readonly model: string;
  readonly apiKey: string;
  /** '' for https://api.openai.com/v1. */
  readonly baseUrl: string;
  readonly azureApiVersion?: string;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly maxInputTokens: number;
  readonly maxOutputTokens: number;
}

export interface ModelReviewerDeps {
  readonly logger: Logger;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch?: typeof fetch;
}

export async function createModelReviewer(
  settings: ModelReviewerSettings,
  deps: ModelReviewerDeps,
  names: SettingNames = ACTION_SETTING_NAMES,
): Promise<Reviewer> {
  if (!settings.model) throw new ConfigurationError(`${names.model} is required with the ${settings.kind} reviewer`);
  const baseUrl = settings.baseUrl || DEFAULT_OPENAI_BASE_URL;
  const url = new URL(baseUrl);
  // The key travels in a header: never in clear text to another machine.
  if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigurationError(
      `${names.baseUrl} must use https (http only on loopback); got ${url.protocol}//${url.host}`,
    );
  }
  const common = {
    apiKey: settings.apiKey,
    model: settings.model,
    maxInputTokens: settings.maxInputTokens,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  };
  if (settings.kind === 'openai') {
    return createOpenAiReviewer({
      ...common,
      baseUrl,
      timeoutMs: settings.timeoutMs,
      retries: settings.retries,
      maxOutputTokens: settings.maxOutputTokens,
      ...(settings.azureApiVersion ? { azureApiVersion: settings.azureApiVersion } : {}),
    });
  }
  const binary = await findOrInstallCodex({ env: deps.env, logger: deps.logger });
  return createCodexReviewer({ ...common, binary, upstreamBaseUrl: baseUrl, timeoutMs: settings.timeoutMs });
}
