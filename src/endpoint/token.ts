import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { ConfigurationError } from '../errors.js';
import { ACTION_SETTING_NAMES, type SettingNames } from '../settings/setting-names.js';

/**
 * Preflight of the codex-token and hook-url. Pure: nothing here sends the token anywhere, and no
 * message ever contains it. A JWT's claims are read WITHOUT verifying the signature: the endpoint
 * verifies; we only want to fail fast and explain.
 */

export type TokenProblemLevel = 'fatal' | 'warning' | 'notice';

export interface TokenProblem {
  readonly level: TokenProblemLevel;
  readonly message: string;
}

export interface TokenInspection {
  readonly kind: 'jwt' | 'opaque';
  /** First 12 hex of the token's SHA-256: identifies it in logs and the audit log, never enough to use. */
  readonly fingerprint: string;
  /** From `scope`/`scp` when the token says; undefined when unknown. */
  readonly scopes?: readonly string[];
  readonly expiresAt?: Date;
  readonly notBefore?: Date;
  readonly problems: readonly TokenProblem[];
}

/** A scope that lets the token call the hook endpoint. */
export const HOOK_SCOPES: readonly string[] = ['hooks:trigger', 'hooks:execute'];

export const ROTATION_NOTICE_DAYS = 7;

/** Tolerated clock skew between the runner and the token issuer, for `nbf` only. */
const NOT_BEFORE_LEEWAY_MS = 60_000;

const DAY_MS = 86_400_000;

/**
 * A token goes into the Authorization header: only visible ASCII may be in it. Anything else (a newline from a
 * pasted secret, a space, a non-ASCII letter) would make the HTTP client throw an error that quotes the header,
 * token and all. The error says where the bad character is, never what the token is.
 */
export function validateTokenCharacters(token: string, name = 'codex-token'): void {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) {
      const what =
        c === 10 || c === 13
          ? 'a line break'
          : c === 32 || c === 9
            ? 'a space or tab'
            : 'a character that is not visible ASCII';
      throw new ConfigurationError(
        `${name} holds ${what} at position ${i + 1} of ${token.length}; a token may hold only visible ASCII characters (check how the secret was pasted)`,
      );
    }
  }
}

export function fingerprintToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 12);
}

export function inspectToken(token: string, now: Date, tokenName = ACTION_SETTING_NAMES.token): TokenInspection {
  const fingerprint = fingerprintToken(token);
  const claims = readJwtClaims(token);
  if (!claims) return { kind: 'opaque', fingerprint, problems: [] };

  const problems: TokenProblem[] = [];
  const expiresAt = numericDate(claims.exp);
  const notBefore = numericDate(claims.nbf);
  const scopes = readScopes(claims);
  const nowMs = now.getTime();
  const name = `the token in ${tokenName} (fingerprint ${fingerprint})`;

  if (expiresAt && expiresAt.getTime() <= nowMs) {
    problems.push({
      level: 'fatal',
      message: `${name} expired at ${expiresAt.toISOString()} (${describeSpan(nowMs - expiresAt.getTime())} ago); create a new programmatic access token and update the secret`,
    });
  } else if (expiresAt && expiresAt.getTime() - nowMs <= ROTATION_NOTICE_DAYS * DAY_MS) {
    problems.push({
      level: 'notice',
      message: `${name} expires at ${expiresAt.toISOString()} (in ${describeSpan(expiresAt.getTime() - nowMs)}); rotate it soon`,
    });
  }
  if (notBefore && notBefore.getTime() - NOT_BEFORE_LEEWAY_MS > nowMs) {
    problems.push({
      level: 'fatal',
      message: `${name} is not valid before ${notBefore.toISOString()} (in ${describeSpan(notBefore.getTime() - nowMs)}); check the token's issue time or the runner's clock`,
    });
  }
  if (scopes && !scopes.some((s) => HOOK_SCOPES.includes(s))) {
    problems.push({
      level: 'warning',
      message: `${name} has the scopes [${scopes.map(cleanScope).join(', ')}] but neither 'hooks:trigger' nor 'hooks:execute'; the endpoint will likely answer 403`,
    });
  }
  return {
    kind: 'jwt',
    fingerprint,
    ...(scopes ? { scopes } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    ...(notBefore ? { notBefore } : {}),
    problems,
  };
}

/**
 * The hook URL, parsed: https, or http on loopback only (the token would travel in clear text).
 * Credentials in the URL are refused: they would end up in logs.
 */
export function validateHookUrl(
  url: string,
  names: Pick<SettingNames, 'hookUrl' | 'token'> = ACTION_SETTING_NAMES,
): URL {
  const where = names.hookUrl;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new ConfigurationError('is not a valid URL; expected https://host/path', where);
  }
  if (parsed.username || parsed.password) {
    throw new ConfigurationError(
      `must not contain credentials; the token goes in ${names.token}, sent as a Bearer header`,
      where,
    );
  }
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:') {
    if (isLoopbackHost(parsed.hostname)) return parsed;
    throw new ConfigurationError(
      `must use https: http:// is allowed only for loopback (localhost, 127.0.0.0/8, ::1), not ${parsed.hostname}`,
      where,
    );
  }
  throw new ConfigurationError(`must use https, not ${parsed.protocol.replace(/:$/, '')}`, where);
}

/** localhost, 127.0.0.0/8 and ::1. `hostname` as URL gives it (IPv6 in brackets) or bare. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === 'localhost.') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host);
  return false;
}

function readJwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p))) return undefined;
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    const claims: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    if (!isObject(header) || !isObject(claims)) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numericDate(value: unknown): Date | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000) : undefined;
}

function readScopes(claims: Record<string, unknown>): string[] | undefined {
  const found: string[] = [];
  let present = false;
  for (const key of ['scope', 'scp']) {
    const value = claims[key];
    if (typeof value === 'string') {
      present = true;
      found.push(...value.split(/[\s,]+/).filter(Boolean));
    } else if (Array.isArray(value)) {
      present = true;
      found.push(...value.filter((v): v is string => typeof v === 'string'));
    }
  }
  return present ? [...new Set(found)] : undefined;
}

/** Scopes come from the token's claims: keep them short and printable in a log. */
function cleanScope(scope: string): string {
  return scope.replace(/[^\w:.\-/*]/g, '?').slice(0, 40);
}

function describeSpan(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(ms / 3_600_000);
  if (hours < 48) return `${hours} hours`;
  return `${Math.round(ms / DAY_MS)} days`;
}
