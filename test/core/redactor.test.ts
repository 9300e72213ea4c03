import { describe, expect, it } from 'vitest';
import {
  createRedactor,
  diffView,
  mergeSpans,
  plainView,
  redactText,
  redactView,
  type KnownSecret,
} from '../../src/core/findings/redactor.js';
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

const KEY_LINES = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
  '-----END RSA PRIVATE KEY-----',
];

describe('createRedactor: positions in the text that is sent', () => {
  it.each([
    ['added', '+'],
    ['removed', '-'],
    ['context', ' '],
  ])('a key block on %s lines is redacted whole, every line keeping its marker', (_name, marker) => {
    const patch = `@@ -1,5 +1,5 @@\n ctx\n${KEY_LINES.map((l) => `${marker}${l}`).join('\n')}\n+after`;
    const out = createRedactor().patch(patch);
    for (const l of KEY_LINES.slice(1, 3)) expect(out).not.toContain(l);
    expect(out.split('\n')).toEqual([
      '@@ -1,5 +1,5 @@',
      ' ctx',
      ...KEY_LINES.map(() => `${marker}[REDACTED:private-key]`),
      '+after',
    ]);
  });

  it('a known multi-line secret (found in added lines, joined without markers) is found in the patch', () => {
    const patch = `@@ -0,0 +1,2 @@\n+pw: ${KNOWN.secret}\n+${KNOWN.secret}`;
    const known = { secret: `${KNOWN.secret}\n${KNOWN.secret}`, ruleId: 'two-lines' };
    expect(createRedactor([known]).patch(patch)).toBe(
      '@@ -0,0 +1,2 @@\n+pw: [REDACTED:two-lines]\n+[REDACTED:two-lines]',
    );
  });

  it('replaces the secrets already found and any other in removed or context lines', () => {
    const patch = ['@@ -1,3 +1,3 @@', ' const region = "eu";', `-const old = "${OTHER}";`, `+const key = "${AWS}";`];
    expect(createRedactor([{ secret: AWS, ruleId: 'aws-access-key-id' }]).patch(patch.join('\n'))).toBe(
      [
        '@@ -1,3 +1,3 @@',
        ' const region = "eu";',
        '-const old = "[REDACTED:aws-access-key-id]";',
        '+const key = "[REDACTED:aws-access-key-id]";',
      ].join('\n'),
    );
  });

  it('text: a key block in CRLF text is redacted whole and the line ends stay', () => {
    const out = createRedactor().text(`a\r\n${KEY_LINES.join('\r\n')}\r\nb`);
    expect(out).toBe(`a\r\n${KEY_LINES.map(() => '[REDACTED:private-key]').join('\r\n')}\r\nb`);
  });

  it('an empty known secret redacts nothing (it would match between every two characters)', () => {
    const heard: string[] = [];
    const redactor = createRedactor([{ secret: '', ruleId: 'empty' }], { onLearn: (s) => heard.push(s.ruleId) });
    expect(redactor.text('plain words')).toBe('plain words');
    expect(redactor.known('plain')).toBe('plain');
    expect(redactor.patch('@@ -1 +1 @@\n-a\n+b')).toBe('@@ -1 +1 @@\n-a\n+b');
    expect(heard).toEqual([]);
  });

  it.each([
    [
      'shortest first',
      [
        { secret: 'abcdefgh', ruleId: 'short' },
        { secret: 'abcdefghijkl', ruleId: 'long' },
      ],
    ],
    [
      'longest first',
      [
        { secret: 'abcdefghijkl', ruleId: 'long' },
        { secret: 'abcdefgh', ruleId: 'short' },
      ],
    ],
    [
      'overlapping tails',
      [
        { secret: 'efghijkl', ruleId: 'tail' },
        { secret: 'abcdefghij', ruleId: 'long' },
      ],
    ],
  ])('overlapping known secrets redact as one, named after the longest (%s)', (_name, known) => {
    expect(createRedactor(known).known('x abcdefghijkl y')).toBe('x [REDACTED:long] y');
  });

  it('every occurrence of a known secret, and each secret once when learned twice', () => {
    const heard: string[] = [];
    const redactor = createRedactor([KNOWN, KNOWN], { onLearn: (s) => heard.push(s.ruleId) });
    expect(redactor.known(`${KNOWN.secret}|${KNOWN.secret}`)).toBe('[REDACTED:custom-pw]|[REDACTED:custom-pw]');
    expect(heard).toEqual(['custom-pw']);
  });

  it('finding: a secret only in the message (not the title or suggestion) is redacted', () => {
    const finding = {
      ruleId: 'lint',
      category: 'validator',
      severity: 'warning',
      path: 'a.ts',
      line: 1,
      endLine: 1,
      message: `quoted ${AWS}`,
      title: 'clean',
      fingerprint: 'f',
      source: 'lint',
    } as Finding;
    const out = createRedactor().finding(finding);
    expect(out.message).toBe('quoted [REDACTED:aws-access-key-id]');
    expect(out.title).toBe('clean');
    expect(out.suggestion).toBeUndefined();
    expect(out.fingerprint).toBe('f');
  });
});

describe('diffView', () => {
  it('drops each line marker and maps every character back to its place in the patch', () => {
    const patch = '@@ -1 +1 @@\n-ab\n\n+cd';
    const { view, toText } = diffView(patch);
    expect(view).toBe('@ -1 +1 @@\nab\n\ncd');
    for (let i = 0; i < view.length; i++) if (view[i] !== '\n') expect(patch[toText(i)]).toBe(view[i]);
  });
});

describe('mergeSpans', () => {
  it('keeps apart spans that only touch, and joins overlapping ones', () => {
    expect(
      mergeSpans([
        { start: 5, end: 9, ruleId: 'b' },
        { start: 0, end: 5, ruleId: 'a' },
        { start: 7, end: 12, ruleId: 'c' },
      ]),
    ).toEqual([
      { start: 0, end: 5, ruleId: 'a' },
      { start: 5, end: 12, ruleId: 'c' },
    ]);
  });
});

describe('createRedactor: the cases mutation testing asked for', () => {
  const base = {
    ruleId: 'lint',
    category: 'validator',
    severity: 'warning',
    path: 'a.ts',
    line: 1,
    endLine: 1,
    message: 'clean',
    fingerprint: 'f',
    source: 'lint',
  } as Finding;

  it.each([
    ['only the title', { title: `t ${AWS}` }, 'title', 't [REDACTED:aws-access-key-id]'],
    ['only the suggestion', { suggestion: `s ${AWS}` }, 'suggestion', 's [REDACTED:aws-access-key-id]'],
  ] as const)('finding: a secret in %s is redacted', (_name, over, field, expected) => {
    const out = createRedactor().finding({ ...base, ...over });
    expect(out[field]).toBe(expected);
    expect(out.message).toBe('clean');
  });

  it('finding: fields a finding does not have stay absent', () => {
    const out = createRedactor().finding({ ...base, message: `m ${AWS}` });
    expect(out.message).toBe('m [REDACTED:aws-access-key-id]');
    expect(Object.keys(out)).not.toContain('title');
    expect(Object.keys(out)).not.toContain('suggestion');
  });

  it.each([
    ['after a slash', `config/${AWS}.txt`, 'config/[REDACTED:aws-access-key-id].txt'],
    ['after a backslash', `config\\${AWS}.txt`, 'config\\[REDACTED:aws-access-key-id].txt'],
    ['in a branch name', `fix/${AWS}`, 'fix/[REDACTED:aws-access-key-id]'],
  ])('path: a key %s is redacted', (_name, input, expected) => {
    expect(createRedactor().path(input)).toBe(expected);
  });

  it('an inline allow marker never makes a secret sendable', () => {
    expect(createRedactor().text(`k = "${AWS}" // codex-hooks:allow`)).toBe(
      'k = "[REDACTED:aws-access-key-id]" // codex-hooks:allow',
    );
  });

  it('patch: CRLF lines keep their offsets (a carriage return is read as a space)', () => {
    const patch = `@@ -1,2 +1,2 @@\r\n-old line\r\n+k = "${AWS}"\r\n ctx`;
    expect(createRedactor().patch(patch)).toBe(
      '@@ -1,2 +1,2 @@\r\n-old line\r\n+k = "[REDACTED:aws-access-key-id]"\r\n ctx',
    );
  });

  it('redactView: an empty known value is skipped, not searched', () => {
    expect(redactView('abc', plainView('abc'), [{ secret: '', ruleId: 'e' }], undefined)).toBe('abc');
  });
});

describe('mergeSpans: which rule names a joined span', () => {
  it.each([
    [
      'the first of two equally long',
      [
        { start: 0, end: 6, ruleId: 'a' },
        { start: 3, end: 9, ruleId: 'b' },
      ],
      'a',
    ],
    [
      'the longest, not the last longer than a short middle one',
      [
        { start: 0, end: 10, ruleId: 'a' },
        { start: 2, end: 6, ruleId: 'b' },
        { start: 5, end: 12, ruleId: 'c' },
      ],
      'a',
    ],
    [
      'a longer later one',
      [
        { start: 0, end: 4, ruleId: 'a' },
        { start: 2, end: 12, ruleId: 'b' },
      ],
      'b',
    ],
    [
      'lengths, not offsets: a later part longer than the first beats a short middle one',
      [
        { start: 20, end: 24, ruleId: 'a' },
        { start: 21, end: 23, ruleId: 'b' },
        { start: 22, end: 27, ruleId: 'c' },
      ],
      'c',
    ],
  ])('%s', (_name, spans, ruleId) => {
    const merged = mergeSpans(spans);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.ruleId).toBe(ruleId);
  });
});

describe('redactText and the secrets a redactor knows', () => {
  it('redactText clears what the scanner finds, and the known values given', () => {
    expect(redactText(`key=${AWS}`)).toBe('key=[REDACTED:aws-access-key-id]');
    expect(redactText(`pw ${KNOWN.secret}`, [KNOWN])).toBe('pw [REDACTED:custom-pw]');
  });

  it('lists each secret it was taught or learned, once', () => {
    const redactor = createRedactor([KNOWN]);
    redactor.learn([{ secret: AWS, ruleId: 'aws-access-key-id' }, KNOWN]);
    expect(redactor.secrets.map((s) => s.ruleId)).toEqual(['custom-pw', 'aws-access-key-id']);
  });
});
