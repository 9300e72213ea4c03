/** The only way a secret is ever shown: a fixed-width hint that is never enough to use. */
export function secretHint(secret: string): string {
  return `${secret.slice(0, 4)}…`;
}

/** Replaces every occurrence of each secret with `[REDACTED:<rule-id>]`. Longest first, so overlaps redact whole. */
export function redactSecrets(
  text: string,
  secrets: readonly { readonly secret: string; readonly ruleId: string }[],
): string {
  const ordered = [...secrets].sort((a, b) => b.secret.length - a.secret.length);
  let out = text;
  for (const s of ordered) {
    if (s.secret.length === 0) continue;
    out = out.split(s.secret).join(`[REDACTED:${s.ruleId}]`);
  }
  return out;
}
