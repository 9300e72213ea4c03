import { describe, expect, it } from 'vitest';
import { createFindings } from '../../src/core/findings/finalize.js';
import { redactFindings } from '../../src/core/secrets/index.js';

// Synthetic credentials, assembled at run time.
const FOUND = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');
const OTHER = ['AKIA', 'Y7TRJX2PLMQVB6C4'].join('');

describe('redactFindings', () => {
  const [quoting] = createFindings([
    {
      ruleId: 'lint/no-hardcoded-keys',
      category: 'validator',
      severity: 'error',
      path: 'src/a.ts',
      line: 3,
      message: `hard-coded key "${FOUND}" (also seen: ${OTHER})`,
      title: `key ${FOUND}`,
      suggestion: `const key = "${OTHER}";`,
      anchor: 'x',
      source: 'lint',
    },
  ]);

  it('clears the secrets already found and any other the scanner sees, in message, title and suggestion', () => {
    const [out] = redactFindings([quoting!], [{ secret: FOUND, ruleId: 'aws-access-key-id' }]);
    expect(out!.message).toBe(
      'hard-coded key "[REDACTED:aws-access-key-id]" (also seen: [REDACTED:aws-access-key-id])',
    );
    expect(out!.title).toBe('key [REDACTED:aws-access-key-id]');
    expect(out!.suggestion).toBe('const key = "[REDACTED:aws-access-key-id]";');
    expect(out!.fingerprint).toBe(quoting!.fingerprint);
  });

  it('returns a clean finding as it is', () => {
    const [clean] = createFindings([
      {
        ruleId: 'r',
        category: 'validator',
        severity: 'notice',
        path: 'a',
        line: 1,
        message: 'fine',
        anchor: 'a',
        source: 's',
      },
    ]);
    expect(redactFindings([clean!], [{ secret: FOUND, ruleId: 'x' }])[0]).toBe(clean);
  });
});
