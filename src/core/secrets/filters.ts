/**
 * Precision filters shared by every rule: a value that looks like a placeholder, a template reference
 * or a run of repeated or sequential characters is documentation, not a credential.
 */
const PLACEHOLDER_WORDS =
  /example|dummy|sample|placeholder|redacted|changeme|change_me|replace[-_]?me|insert[-_]?your|your[-_]?(?:api|access|secret|auth|key|token|pass|client)|fake[-_]?(?:key|token|secret)|not[-_]?a[-_]?real|xxxx|\*\*\*\*|\.\.\./i;

/** `${VAR}`, `${{ secrets.X }}`, `{{ x }}`, `<your-key>`, `process.env.X`, `%VAR%`, `$(cmd)`, a whole `{name}`. */
const TEMPLATE_REFERENCE =
  /\$\{|\{\{|\}\}|<[^>\s]{1,60}>|process\.env|os\.environ|getenv|secrets\.|%[A-Z_]{3,}%|\$\(|^\$[A-Za-z_]|^\{[\w.-]{0,40}\}$/;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER_WORDS.test(value) || TEMPLATE_REFERENCE.test(value) || hasLowVariety(value);
}

/** Six or more equal characters in a row, or six ascending/descending neighbours (`abcdef`, `654321`). */
export function hasLowVariety(value: string): boolean {
  let same = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    same = d === 0 ? same + 1 : 1;
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (same >= 6 || up >= 6 || down >= 6) return true;
  }
  if (value.length >= 8 && new Set(value).size <= 3) return true;
  return false;
}

/** Hex digests (md5, sha1, sha256, sha512): on their own they are content hashes and commit ids. */
export const HEX_DIGEST =
  /^(?:[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128}|[A-F0-9]{32}|[A-F0-9]{40}|[A-F0-9]{64})$/;
export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Subresource-integrity and lockfile `integrity` values. */
export const SRI = /^sha(?:1|256|384|512)-[A-Za-z0-9+/]{20,}={0,2}$/;

/** Values that are hashes, ids or integrity strings rather than credentials. */
export function isDigestLike(value: string): boolean {
  return HEX_DIGEST.test(value) || UUID.test(value) || SRI.test(value);
}

const SUPPRESSION = /codex-hooks:allow|gitleaks:allow|pragma: allowlist secret|secretlint-disable-line/;

export function isSuppressedLine(text: string): boolean {
  return SUPPRESSION.test(text);
}
