/**
 * GitHub's 2021 token format (ghp_, gho_, ghu_, ghs_, ghr_) and npm's (npm_) end in 6 characters that
 * are the CRC32 of the 30-character random body, base62-encoded (0-9A-Za-z) and left-padded with `0`.
 * A wrong checksum means the string is not a token GitHub or npm issued, so the match is dropped.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function encodeBase62(value: number, width: number): string {
  let out = '';
  let n = value;
  while (n > 0) {
    out = BASE62[n % 62]! + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, '0');
}

/** True when `token` is `<prefix>_<30 chars><crc32 base62, 6 chars>`. */
export function hasValidBase62Checksum(token: string): boolean {
  const underscore = token.indexOf('_');
  const body = token.slice(underscore + 1);
  if (body.length !== 36) return false;
  return encodeBase62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}

/** Builds a well-formed synthetic token (for examples and tests): `prefix` + body + its checksum. */
export function withBase62Checksum(prefix: string, body30: string): string {
  return prefix + body30 + encodeBase62(crc32(body30), 6);
}

/**
 * Atlassian API tokens (`ATATT3…`) end in `=` and 8 hex digits: the CRC32 of everything before those 8
 * digits, `=` included, as big-endian hex. Not documented by Atlassian; the samples in Datadog's
 * sensitive-data-scanner tests and in gitleaks' rule verify, and Datadog's scanner checks it the same way.
 */
export function hasValidHexCrc32Suffix(token: string): boolean {
  const suffix = token.slice(-8);
  if (!/^[0-9A-Fa-f]{8}$/.test(suffix)) return false;
  return crc32(token.slice(0, -8)) === parseInt(suffix, 16);
}

/** Builds a well-formed synthetic token: `head` followed by the upper-case hex CRC32 of `head`. */
export function withHexCrc32Suffix(head: string): string {
  return head + crc32(head).toString(16).toUpperCase().padStart(8, '0');
}
