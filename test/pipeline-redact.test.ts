import { describe, expect, it } from 'vitest';
import { redactPatch } from '../src/pipeline/ai-review.js';

// Synthetic credentials, assembled at run time.
const ADDED = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');
const REMOVED = ['AKIA', 'Y7TRJX2PLMQVB6C4'].join('');

describe('redactPatch: what leaves the runner', () => {
  it('replaces the secrets already found and any other in removed or context lines', () => {
    const patch = [
      '@@ -1,3 +1,3 @@',
      ` const region = "eu";`,
      `-const old = "${REMOVED}";`,
      `+const key = "${ADDED}";`,
    ].join('\n');
    const out = redactPatch(patch, [{ secret: ADDED, ruleId: 'aws-access-key-id' }]);
    expect(out).not.toContain(ADDED);
    expect(out).not.toContain(REMOVED);
    expect(out).toBe(
      [
        '@@ -1,3 +1,3 @@',
        ' const region = "eu";',
        '-const old = "[REDACTED:aws-access-key-id]";',
        '+const key = "[REDACTED:aws-access-key-id]";',
      ].join('\n'),
    );
  });

  it('scans plain text such as a pull request title', () => {
    expect(redactPatch(`Rotate ${ADDED} today`, [], false)).toBe('Rotate [REDACTED:aws-access-key-id] today');
  });

  it('leaves text without secrets unchanged', () => {
    expect(redactPatch('@@ -1 +1 @@\n-a\n+b', [])).toBe('@@ -1 +1 @@\n-a\n+b');
  });
});
