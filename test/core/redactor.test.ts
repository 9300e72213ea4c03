import { describe, expect, it } from 'vitest';
import { createRedactor, type KnownSecret } from '../../src/core/findings/redactor.js';
import type { Finding } from '../../src/core/types.js';

// Synthetic credentials, made up for these tests.
const AWS = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');
const OTHER = ['AKIA', 'Z3MSJV4WRSNKW3D2'].join('');
const KNOWN: KnownSecret = { secret: 'hunter2-not-a-pattern-value', ruleId: 'custom-pw' };

describe('createRedactor', () => {
  it.each([
    ['text: a known secret', `pw=${KNOWN.secret}`, 'pw=[REDACTED:custom-pw]'],
    ['text: a secret only the scanner sees', `key ${AWS}`, 'key [REDACTED:aws-access-key-id]'],
    ['text: nothing to hide', 'plain words', 'plain words'],
  ])('%s', (_name, input, expected) => {
    expect(createRedactor([KNOWN]).text(input)).toBe(expected);
  });

  it('patch: scans removed and context lines too, keeping the markers', () => {
    const patch = `@@ -1,2 +1,2 @@\n-old ${OTHER}\n+new line\n ctx ${KNOWN.secret}`;
    expect(createRedactor([KNOWN]).patch(patch)).toBe(
      '@@ -1,2 +1,2 @@\n-old [REDACTED:aws-access-key-id]\n+new line\n ctx [REDACTED:custom-pw]',
    );
  });

  it('known: replaces only what it was taught', () => {
    expect(createRedactor([KNOWN]).known(`${KNOWN.secret} ${AWS}`)).toBe(`[REDACTED:custom-pw] ${AWS}`);
  });

  it('learn: later secrets are redacted from then on, and onLearn hears each first', () => {
    const heard: string[] = [];
    const redactor = createRedactor([], { onLearn: (s) => heard.push(s.ruleId) });
    expect(redactor.known(KNOWN.secret)).toBe(KNOWN.secret);
    redactor.learn([KNOWN]);
    expect(redactor.known(KNOWN.secret)).toBe('[REDACTED:custom-pw]');
    expect(heard).toEqual(['custom-pw']);
  });

  it('finding: clears message, title and suggestion, and keeps a clean finding as it is', () => {
    const finding: Finding = {
      ruleId: 'lint',
      category: 'validator',
      severity: 'warning',
      path: 'a.ts',
      line: 1,
      endLine: 1,
      message: `quoted ${KNOWN.secret}`,
      title: `t ${AWS}`,
      suggestion: `s ${KNOWN.secret}`,
      fingerprint: 'f',
      source: 'lint',
    } as Finding;
    const redactor = createRedactor([KNOWN]);
    const out = redactor.finding(finding);
    expect([out.message, out.title, out.suggestion]).toEqual([
      'quoted [REDACTED:custom-pw]',
      't [REDACTED:aws-access-key-id]',
      's [REDACTED:custom-pw]',
    ]);
    const clean = { ...finding, message: 'm', title: 't', suggestion: 's' };
    expect(redactor.finding(clean)).toBe(clean);
  });
});
