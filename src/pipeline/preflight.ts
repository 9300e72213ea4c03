import { ConfigurationError } from '../errors.js';
import { inspectToken, validateHookUrl, validateTokenCharacters } from '../endpoint/token.js';
import type { Logger } from '../logger.js';

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
  names = { token: 'codex-token', url: 'hook-url' },
): { url: string; token: string } | undefined {
  if (!token) {
    if (url) logger.notice(`${names.url} is set but ${names.token} is empty: the AI review is skipped.`);
    return undefined;
  }
  if (!url) throw new ConfigurationError(`Input '${names.url}' is required when ${names.token} is set`);
  validateTokenCharacters(token, names.token);
  const parsed = validateHookUrl(url);
  const inspection = inspectToken(token, now);
  for (const problem of inspection.problems) {
    if (problem.level === 'fatal') throw new ConfigurationError(`${names.token}: ${problem.message}`);
    if (problem.level === 'warning') logger.warning(`${names.token}: ${problem.message}`);
    else logger.notice(`${names.token}: ${problem.message}`);
  }
  logger.info(
    `Hook endpoint ${parsed.host}, token ${inspection.fingerprint}${inspection.scopes ? ` (scopes: ${inspection.scopes.join(' ')})` : ''}`,
  );
  return { url: parsed.toString(), token };
}
