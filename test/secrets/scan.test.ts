import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.js';
import { toSecretRules } from '../../src/hooks/secret-scan.js';
import {
  BUILTIN_RULES,
  compileCustomRules,
  createUserRuleBudget,
  InvalidSecretRuleError,
  userRuleLimits,
  createBaseline,
  parseBaseline,
  scanSecrets,
  scanText,
  secretFingerprint,
  secretHint,
  type SecretRule,
} from '../../src/core/secrets/index.js';
import { withBase62Checksum } from '../../src/core/secrets/checksum.js';
import { describePatternLimit } from '../../src/core/validators/pattern-limits.js';

const GH = withBase62Checksum('ghp_', 'Q7rK2mZp9LwVb7Rc1Qn5Hd8Gf3Js6Y');
const GH2 = withBase62Checksum('ghp_', 'Zt4Nw8Yc2Hs6Dk9Mv3Lq7Rb5Xf1Jg0');
const AWS = 'AKIAZ3MSJV4WWNKWW3D2';
const PEM = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
  '-----END RSA PRIVATE KEY-----',
];

describe('scanSecrets', () => {
  it('maps offsets to non-contiguous line numbers and columns', () => {
    const found = scanSecrets([
      { line: 3, text: 'const a = 1;' },
      { line: 17, text: `  token: ${GH}` },
      { line: 40, text: `key=${AWS}` },
    ]);
    expect(found.map((m) => [m.ruleId, m.line, m.endLine, m.column])).toEqual([
      ['github-token', 17, 17, 10],
      ['aws-access-key-id', 40, 40, 5],
    ]);
  });

  it('finds a PEM block across added lines and reports first and last line', () => {
    const lines = PEM.map((text, i) => ({ line: 100 + i * 2, text }));
    const [m, ...rest] = scanSecrets(lines);
    expect(rest).toHaveLength(0);
    expect([m!.ruleId, m!.line, m!.endLine, m!.column]).toEqual(['private-key', 100, 106, 1]);
  });

  it('reports one finding per secret when several rules match it', () => {
    const found = scanText(`GITHUB_TOKEN="${GH}"\napi_token = "${GH}"`);
    expect(found.map((m) => m.ruleId)).toEqual(['github-token', 'github-token']);
  });

  it('drops GitHub tokens whose CRC32 checksum is wrong', () => {
    const bad = GH.slice(0, -1) + (GH.endsWith('A') ? 'B' : 'A');
    expect(scanText(`token: ${bad}`, { rules: undefined }).filter((m) => m.ruleId === 'github-token')).toEqual([]);
  });

  it.each(['codex-hooks:allow', 'gitleaks:allow', 'pragma: allowlist secret', 'secretlint-disable-line'])(
    'honours the inline marker %s',
    (marker) => {
      expect(scanText(`token: ${GH} # ${marker}`)).toEqual([]);
      expect(scanText(`token: ${GH}`)).toHaveLength(1);
    },
  );

  it('suppresses a multi-line secret by a marker on its first line only', () => {
    const first = [PEM[0] + ' # codex-hooks:allow', ...PEM.slice(1)].join('\n');
    const last = [...PEM.slice(0, 3), PEM[3] + ' # codex-hooks:allow'].join('\n');
    expect(scanText(first)).toEqual([]);
    expect(scanText(last)).toHaveLength(1);
  });

  it('skips values matched by the allowlist', () => {
    expect(scanText(`k=${AWS}`, { allow: ['^AKIAZ3MS'] })).toEqual([]);
    expect(scanText(`k=${AWS}`, { allow: ['^AKIAQQQQ'] })).toHaveLength(1);
  });

  it('baseline ignores an accepted secret wherever it moves, never a different one', () => {
    const before = scanText(`a\ntoken: ${GH}`);
    const baseline = parseBaseline(JSON.stringify(createBaseline(before)));
    expect(scanText(`x\ny\nz\n  other: ${GH} // moved`, { baseline })).toEqual([]);
    const other = scanText(`token: ${GH2}`, { baseline });
    expect(other.map((m) => m.ruleId)).toEqual(['github-token']);
  });

  it('baseline files are versioned and fingerprints carry no line or secret', () => {
    const file = createBaseline(scanText(`token: ${GH}`));
    expect(file.version).toBe(1);
    expect(JSON.stringify(file)).not.toContain(GH);
    expect(file.fingerprints[0]!.fingerprint).toBe(secretFingerprint('github-token', GH));
    expect(() => parseBaseline('{"version":2,"fingerprints":[]}')).toThrow(/version/);
    expect(() => parseBaseline('{"version":1,"fingerprints":[{"fingerprint":"abc"}]}')).toThrow(/64 hex/);
  });

  it('ignores placeholders, templates, hashes, UUIDs and SRI strings', () => {
    const text = [
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      'token: ${{ secrets.GITHUB_TOKEN }}',
      'api_key = "${API_KEY}"',
      'password: "{{ db_password }}"',
      'const key = process.env.API_KEY',
      'api_key: <your-api-key>',
      'secret = "xxxxxxxxxxxxxxxxxxxxxxxx"',
      'token = "d41d8cd98f00b204e9800998ecf8427e"',
      'secret_token = "3f9a1c7e-5b2d-4a4f-8c0e-9b1d7a3f5c8e"',
      'integrity: "sha512-Zk3Q9vT7mX2pL8rW4nB6yC1hJ5sD0fG3aK9eU7iO2tR5wY8qE4zM6xN1cV3bH7gF2jP0lS5dA9kT4u=="',
      'commit 3f9a1c7e5b2d8a4f6c0e9b1d7a3f5c8e2b6d4a0f',
    ].join('\n');
    expect(scanText(text).map((m) => m.ruleId)).toEqual([]);
  });
});

describe('keyword prefilter', () => {
  const rule = (id: string, keywords: string[], pattern: RegExp, specificity = 3): SecretRule => ({
    id,
    description: id,
    keywords,
    pattern,
    specificity,
    examples: { positive: [], negative: [] },
  });

  it('reports overlapping keywords, each opening its own rule (a longer keyword does not hide a shorter)', () => {
    const rules = [
      rule('long', ['abcq_'], /abcq_[0-9]{8}/),
      rule('short', ['cq_z'], /cq_z[0-9]{8}/),
      rule('inner', ['bcq'], /xbcq[0-9]{8}/),
    ];
    const found = scanText('abcq_19283746 and xabcq_zz cq_z56473829 xbcq13572468', { rules });
    expect(found.map((m) => m.ruleId).sort()).toEqual(['inner', 'long', 'short']);
  });

  it('folds ASCII case, and falls back to a case-insensitive regex for keywords outside ASCII', () => {
    const rules = [rule('ascii', ['mykey-'], /MyKey-[0-9]{8}/), rule('accent', ['clé-'], /Clé-[0-9]{8}/)];
    expect(scanText('x = MYKEY-1 MyKey-19283746 Clé-56473829', { rules }).map((m) => m.ruleId)).toEqual([
      'ascii',
      'accent',
    ]);
  });

  it('gives the same positions for LF and CRLF text', () => {
    const text = ['a', `token: ${GH}`, `key=${AWS}`].join('\n');
    const where = (t: string) => scanText(t).map((m) => [m.ruleId, m.line, m.column]);
    expect(where(text.replace(/\n/g, '\r\n'))).toEqual(where(text));
    expect(where(text)).toEqual([
      ['github-token', 2, 8],
      ['aws-access-key-id', 3, 5],
    ]);
  });

  it('finds a legacy (UUID) npm token after _authToken in .npmrc', () => {
    const found = scanText('//registry.npmjs.org/:_authToken=3f9a1c7e-5b2d-4a4f-8c0e-9b1d7a3f5c8e');
    expect(found.map((m) => m.ruleId)).toEqual(['npmrc-auth-token']);
  });

  it("leaves a key that names a provider to that provider's rule, not the generic ones", () => {
    const generic = rule('gen', ['token'], /token\w*=([A-Za-z0-9]{16,})/i, 1);
    const acme = rule('acme', ['acme'], /acme\w*=(acme_[a-z0-9]{20})/i, 2);
    const rules = [acme, generic];
    const scan = (t: string) => scanText(t, { rules }).map((m) => m.ruleId);
    expect(scan('ACME_TOKEN=Q7rK2mZp9LwVb7Rc1Qn5')).toEqual([]);
    expect(scan('ACMETOKEN=Q7rK2mZp9LwVb7Rc1Qn5')).toEqual([]);
    expect(scan('OTHER_TOKEN=Q7rK2mZp9LwVb7Rc1Qn5 # acme')).toEqual(['gen']);
    expect(scan('ACME_X = 1; SERVICE_TOKEN=Q7rK2mZp9LwVb7Rc1Qn5')).toEqual(['gen']);
  });
});

describe('custom rules', () => {
  it('compile into rules the scanner runs, with keywords and a capture group', () => {
    const rules = compileCustomRules([
      { id: 'acme-key', pattern: 'acme_([a-z0-9]{20})', keywords: ['ACME_'], severity: 'warning' },
    ]);
    const found = scanText('key: acme_q7rk2lm9vw3zpt6ybn4h', { extraRules: rules });
    expect(found.map((m) => [m.ruleId, m.severity, m.secret.length])).toEqual([['acme-key', 'warning', 20]]);
  });

  it('run over the whole text when they have no keywords, and accept (?i)', () => {
    const rules = compileCustomRules([{ id: 'internal', pattern: '(?i)INT-[0-9]{6}' }]);
    expect(scanText('ref int-482913', { rules }).map((m) => m.ruleId)).toEqual(['internal']);
  });

  it.each([
    ['bad', '([a-z]+', /bad.*does not compile/],
    ['nested', '(a+)+b', /nested.*backtrack catastrophically.*'a\+' is nested inside the repeated/],
    ['nested2', '(?:\\w*x){2,9}', /nested2.*nested inside the repeated/],
    ['adjacent', '\\w+\\w+@', /adjacent.*overlapping/],
    ['dotstar', 'k=.*.*;', /dotstar.*overlapping/],
  ])('reject %s patterns with an InvalidSecretRuleError naming the rule', (id, pattern, message) => {
    let error: unknown;
    try {
      compileCustomRules([{ id, pattern }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidSecretRuleError);
    expect(String((error as Error).message)).toMatch(message);
  });

  it('reject ids that are not kebab-case', () => {
    expect(() => compileCustomRules([{ id: 'Bad Id', pattern: 'x' }])).toThrow(InvalidSecretRuleError);
  });

  it('reach the user as a configuration error with the same sentence', () => {
    expect(() => toSecretRules([{ id: 'bad', pattern: '([a-z]+' }])).toThrow(ConfigurationError);
    expect(() => toSecretRules([{ id: 'bad', pattern: '([a-z]+' }])).toThrow(
      /secret rule 'bad': pattern does not compile/,
    );
  });
});

describe('redaction', () => {
  it('hints are fixed-width and never most of a short secret', () => {
    expect(secretHint(GH)).toBe('ghp_…');
    expect(secretHint('x'.repeat(500))).toHaveLength(5);
    expect(secretHint('hunter22')).toBe('hu…');
    expect(secretHint('abcdef')).toBe('a…');
    expect(secretHint('abc')).toBe('…');
  });

  it('hints a key block by its public header only', () => {
    const block = [
      '-----BEGIN OPENSSH PRIVATE KEY-----',
      'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ',
      '-----END OPENSSH PRIVATE KEY-----',
    ].join('\n');
    expect(secretHint(block)).toBe('-----BEGIN OPENSSH PRIVATE KEY-----…');
  });
});

describe('custom rules: the per-line cap and the time budget of a run', () => {
  // A clock that moves 4 ms each time it is read: a rule's budget is spent after a known number of spans.
  const ticking = () => {
    let t = 0;
    return () => (t += 4);
  };
  const ACME = ['acme', 'q7rk2lm9vw3zpt6ybn4h'].join('_');
  const keyed = compileCustomRules([{ id: 'acme-key', pattern: 'acme_([a-z0-9]{20})', keywords: ['acme_'] }]);
  const everywhere = compileCustomRules([{ id: 'internal', pattern: 'INT-[0-9]{6}' }]);

  it('a line longer than the cap is not given to a config rule, and that is counted by rule', () => {
    const long = `x = "${'a'.repeat(60)} ${ACME}"`;
    const text = ['short ' + ACME, long, 'also ' + ACME, long].join('\n');
    const budget = createUserRuleBudget(() => 0, 10_000, 40);
    const found = scanText(text, { extraRules: keyed, userRuleBudget: budget });
    expect(found.map((m) => [m.ruleId, m.line])).toEqual([
      ['acme-key', 1],
      ['acme-key', 3],
    ]);
    expect(userRuleLimits(budget)).toEqual([
      {
        kind: 'long-lines',
        subject: { type: 'secret-rule', id: 'acme-key' },
        lines: 2,
        maxLength: 40,
        handling: 'skipped',
      },
    ]);
    // Without a budget (a caller that sets none) the rule sees every line; built-in rules never have a cap.
    expect(scanText(text, { extraRules: keyed }).map((m) => m.line)).toEqual([1, 2, 3, 4]);
    const builtIn = scanText(`${'a'.repeat(60)} ${GH}`, { extraRules: keyed, userRuleBudget: budget });
    expect(builtIn.map((m) => m.ruleId)).toEqual(['github-token']);
  });

  it('a rule without keywords skips long lines too, and the lines around them are still scanned', () => {
    const text = ['INT-482913', 'INT-739164 ' + 'b'.repeat(50), 'INT-582047'].join('\n');
    const budget = createUserRuleBudget(() => 0, 10_000, 40);
    expect(scanText(text, { rules: everywhere, userRuleBudget: budget }).map((m) => m.line)).toEqual([1, 3]);
    expect(budget.longLines).toEqual(new Map([['internal', 1]]));
  });

  it('a rule stops when its budget is spent, for the rest of the run, and says so by kind', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `INT-${String(100000 + i)}`).join('\n');
    const budget = createUserRuleBudget(ticking(), 10);
    // 4 ms a line: after three lines (12 ms) the rule is past its 10 ms.
    expect(scanText(lines, { rules: everywhere, userRuleBudget: budget })).toHaveLength(3);
    expect(scanText('INT-999999', { rules: everywhere, userRuleBudget: budget })).toEqual([]);
    expect(userRuleLimits(budget)).toEqual([
      { kind: 'time-budget', subject: { type: 'secret-rule', id: 'internal' }, budgetMs: 10 },
    ]);
    expect(describePatternLimit(userRuleLimits(budget)[0]!)).toBe(
      "secret rule 'internal': the rule used its time budget (0.01s) and stopped; the secret scan is incomplete for it",
    );
  });

  it('the budget is per rule, and built-in rules never use it', () => {
    const rules = [...everywhere, ...keyed];
    const text = [...Array.from({ length: 6 }, (_, i) => `INT-${482910 + i}`), `${ACME} ${GH}`].join('\n');
    const budget = createUserRuleBudget(ticking(), 10);
    const found = scanText(text, { rules: [...rules, ...BUILTIN_RULES], userRuleBudget: budget });
    expect(found.filter((m) => m.ruleId === 'internal')).toHaveLength(3);
    expect(found.filter((m) => m.ruleId !== 'internal').map((m) => m.ruleId)).toEqual(['acme-key', 'github-token']);
    expect([...budget.exhausted]).toEqual(['internal']);
  });

  it('within the budget every line is scanned and nothing is reported', () => {
    const budget = createUserRuleBudget(() => 0, 10);
    const lines = Array.from({ length: 10 }, (_, i) => `INT-${482910 + i}`).join('\n');
    expect(scanText(lines, { rules: everywhere, userRuleBudget: budget })).toHaveLength(10);
    expect(userRuleLimits(budget)).toEqual([]);
  });

  it('a long line reads the same in a note whether one or several were skipped', () => {
    const subject = { type: 'secret-rule', id: 'acme-key' } as const;
    const limit = { kind: 'long-lines', subject, maxLength: 4096, handling: 'skipped' } as const;
    expect(describePatternLimit({ ...limit, lines: 1 })).toBe(
      "secret rule 'acme-key': 1 line was longer than 4096 characters and not scanned by this rule",
    );
    expect(describePatternLimit({ ...limit, lines: 3 })).toBe(
      "secret rule 'acme-key': 3 lines were longer than 4096 characters and not scanned by this rule",
    );
  });
});

describe('the keyword search of short texts', () => {
  // Up to 32 KB of text in all, a rule set is searched keyword by keyword (a Codex hook never builds the
  // automaton); after that, by the automaton. Both must find the same: every rule's examples, in chunks.
  const positives = BUILTIN_RULES.flatMap((r) => r.examples.positive);
  const chunks: string[] = [];
  for (let at = 0, chunk = ''; at <= positives.length; at++) {
    const next = positives[at];
    if (next === undefined || chunk.length + next.length > 20_000) {
      chunks.push(chunk);
      chunk = '';
    }
    if (next !== undefined) chunk += `${next}\n`;
  }

  it.each(chunks.map((c, i) => [i, c] as const))('chunk %i: the same findings either way', (_i, chunk) => {
    const probed = scanText(chunk, { rules: [...BUILTIN_RULES] });
    const rules = [...BUILTIN_RULES];
    scanText('x'.repeat(40_000), { rules });
    const automaton = scanText(chunk, { rules });
    expect(probed.length).toBeGreaterThan(0);
    expect(probed).toEqual(automaton);
  });

  it('finds a keyword at the very start and end of the text, in any case', () => {
    const rule = {
      id: 'edge',
      description: 'edge',
      keywords: ['edgekey'],
      pattern: /EDGEKEY=(\d{6})|(\d{6})EdgeKey/i,
      examples: { positive: [], negative: [] },
    };
    expect(scanText('EDGEKEY=482913', { rules: [rule] })).toHaveLength(1);
    expect(scanText('prefix 482913EdgeKey', { rules: [rule] })).toHaveLength(1);
  });

  it('reads pairs at odd and even places, next to characters beyond ASCII, and none across them', () => {
    const rule = {
      id: 'pairs',
      description: 'pairs',
      keywords: ['qzkey'],
      pattern: /qzkey=(\d{6})/i,
      examples: { positive: [], negative: [] },
    };
    const found = (text: string) => scanText(text, { rules: [rule] }).length;
    expect(found('QZKEY=482913')).toBe(1);
    expect(found(' QZKEY=482913')).toBe(1);
    expect(found('é€QZKEY=482913')).toBe(1);
    expect(found('€ qzkey=482913 😀')).toBe(1);
    // The first or last pair broken by a character beyond ASCII: the keyword is not there.
    expect(found('qéz€key=482913 qzkéy=482913')).toBe(0);
  });
});
