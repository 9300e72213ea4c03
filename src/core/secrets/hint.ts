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
