import { ConfigurationError } from '../errors.js';
import { inspectToken, validateHookUrl, validateTokenCharacters } from '../endpoint/token.js';
import type { Logger } from '../logger.js';
import { ACTION_SETTING_NAMES, type SettingNames } from '../settings/setting-names.js';

/**
 * Checks the endpoint settings before any work: the URL (https, or http on loopback), and the token's own
 * claims when it is a JWT (expired or not yet valid fails at once; a missing scope warns; near expiry, a notice).
 * Returns undefined when the AI review is off (no token).
 */
export function preflightHookEndpoint(
  token: string,
  url: string,
  now: Date,
  logger: Logger,
  names: Pick<SettingNames, 'token' | 'hookUrl'> = ACTION_SETTING_NAMES,
): { url: string; token: string } | undefined {
  if (!token) {
    if (url) logger.notice(`${names.hookUrl} is set but ${names.token} is empty: the AI review is skipped.`);
    return undefined;
  }
  if (!url) throw new ConfigurationError(`${names.hookUrl} is required when ${names.token} is set`);
  validateTokenCharacters(token, names.token);
  const parsed = validateHookUrl(url, names);
  const inspection = inspectToken(token, now, names.token);
  for (const problem of inspection.problems) {
    if (problem.level === 'fatal') throw new ConfigurationError(problem.message);
    if (problem.level === 'warning') logger.warning(problem.message);
    else logger.notice(problem.message);
  }
  logger.info(
    `Hook endpoint ${parsed.host}, token ${inspection.fingerprint}${inspection.scopes ? ` (scopes: ${inspection.scopes.join(' ')})` : ''}`,
  );
  return { url: parsed.toString(), token };
}
