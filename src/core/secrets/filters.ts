/**
 * Precision filters shared by every rule: a value that looks like a placeholder, a template reference
 * or a run of repeated or sequential characters is documentation, not a credential.
 */
const PLACEHOLDER_WORDS =
  /example|dummy|sample|placeholder|redacted|changeme|change_me|replace[-_]?me|insert[-_]?your|your[-_]?(?:api|access|secret|auth|key|token|pass|client)|fake[-_]?(?:key|token|secret)|not[-_]?a[-_]?real|xxxx|\*\*\*\*|\.\.\.|…/i;

/** `${VAR}`, `${{ secrets.X }}`, `{{ x }}`, `<your-key>`, `process.env.X`, `%VAR%`, `$(cmd)`, a whole `{name}`. */
const TEMPLATE_REFERENCE =
  /\$\{|\{\{|\}\}|<[^>\s]{1,60}>|process\.env|os\.environ|getenv|secrets\.|%[A-Z_]{3,}%|\$\(|^\$[A-Za-z_]|^\{[\w.-]{0,40}\}$/;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER_WORDS.test(value) || TEMPLATE_REFERENCE.test(value) || hasLowVariety(value);
}

/**
 * The value is mostly made of runs: at least half of its characters sit in runs of four or more equal
 * or consecutive characters (`aaaa`, `abcd`, `4321`), or it has three or fewer distinct
 * characters. A real key may contain a short run (`…abc123456…`) by chance; a placeholder is made of them.
 */
export function hasLowVariety(value: string): boolean {
  if (value.length >= 8 && new Set(value).size <= 3) return true;
  const v = value;
  let inRuns = 0;
  let runStart = 0;
  let step = 0;
  const close = (end: number) => {
    if (end - runStart >= 4) inRuns += end - runStart;
  };
  for (let i = 1; i <= v.length; i++) {
    const d = i < v.length ? v.charCodeAt(i) - v.charCodeAt(i - 1) : 99;
    const continues = (d === 0 || d === 1 || d === -1) && (i - runStart === 1 || d === step);
    if (continues) {
      step = d;
      continue;
    }
    close(i);
    runStart = i;
    step = 0;
  }
  return inRuns * 2 >= value.length;
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
