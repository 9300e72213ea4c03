/**
 * The only way a secret is ever shown: a fixed-width hint that is never enough to use.
 * Four characters for normal secrets (a provider prefix such as `AKIA` or `ghp_`); shorter secrets
 * get fewer, so the hint is always well under half of the value.
 */
export function secretHint(secret: string): string {
  // A key block's header is public and says what kind of key it is; the body is never shown.
  const pem = /^-----BEGIN [A-Z0-9 ]{1,40}-----/.exec(secret);
  if (pem) return `${pem[0]}…`;
  const shown = secret.length >= 12 ? 4 : secret.length >= 8 ? 2 : secret.length >= 4 ? 1 : 0;
  return `${secret.slice(0, shown)}…`;
}

import type { Finding } from '../types.js';
import { scanText } from './scan.js';

/**
 * The last step before any output: each finding's text (a linter may quote the line it flags; an endpoint may
 * quote a key) is cleared of the secrets already found and of any other the scanner recognises.
 */
export function redactFindings(
  findings: readonly Finding[],
  known: readonly { readonly secret: string; readonly ruleId: string }[],
): Finding[] {
  const clean = (text: string): string => redactText(text, known);
  return findings.map((f) => {
    const message = clean(f.message);
    const title = f.title !== undefined ? clean(f.title) : undefined;
    const suggestion = f.suggestion !== undefined ? clean(f.suggestion) : undefined;
    if (message === f.message && title === f.title && suggestion === f.suggestion) return f;
    return {
      ...f,
      message,
      ...(title !== undefined ? { title } : {}),
      ...(suggestion !== undefined ? { suggestion } : {}),
    };
  });
}

/**
 * Clears text of the secrets already found, then of any other the scanner recognises in it. `view` is what
 * the scanner reads when it differs from the text (a diff without its +/- markers); offsets must match.
 */
export function redactText(
  text: string,
  known: readonly { readonly secret: string; readonly ruleId: string }[],
  view: string = text,
): string {
  const once = redactSecrets(text, known);
  const seen = view === text ? once : redactSecrets(view, known);
  // An allow marker keeps a secret out of the gate at most; it never makes it sendable or printable.
  const more = scanText(seen, { keepInlineAllowed: true }).map((m) => ({ secret: m.secret, ruleId: m.ruleId }));
  return more.length > 0 ? redactSecrets(once, more) : once;
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
