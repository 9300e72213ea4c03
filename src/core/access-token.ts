import { crc32, encodeBase62 } from './secrets/checksum.js';

/**
 * The endpoint's programmatic access tokens: `cdxhk_`, 256 random bits in base62 (43 characters), then the
 * CRC32 of those 43 characters in base62 (6), like GitHub's tokens. The prefix lets secret scanners (ours
 * included) find a leaked token; the checksum lets them tell a real one from a look-alike without a lookup.
 * Pure: the random bytes come from the caller.
 */

export const ACCESS_TOKEN_PREFIX = 'cdxhk_';
const BODY_LENGTH = 43;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `random` must be 32 bytes from a CSPRNG. */
export function formatAccessToken(random: Uint8Array): string {
  if (random.length !== 32) throw new Error('an access token needs 32 random bytes');
  let n = 0n;
  for (const byte of random) n = (n << 8n) | BigInt(byte);
  let body = '';
  while (n > 0n) {
    body = BASE62[Number(n % 62n)]! + body;
    n /= 62n;
  }
  body = body.padStart(BODY_LENGTH, '0');
  return `${ACCESS_TOKEN_PREFIX}${body}${encodeBase62(crc32(body), 6)}`;
}

/** The shape and the checksum; says nothing about whether the token is issued or valid. */
export function isWellFormedAccessToken(token: string): boolean {
  if (!token.startsWith(ACCESS_TOKEN_PREFIX)) return false;
  const rest = token.slice(ACCESS_TOKEN_PREFIX.length);
  if (!/^[0-9A-Za-z]{49}$/.test(rest)) return false;
  return encodeBase62(crc32(rest.slice(0, BODY_LENGTH)), 6) === rest.slice(BODY_LENGTH);
}

/** A well-formed token from a 43-character body (synthetic examples and tests). */
export function withAccessTokenChecksum(body43: string): string {
  return `${ACCESS_TOKEN_PREFIX}${body43}${encodeBase62(crc32(body43), 6)}`;
}
