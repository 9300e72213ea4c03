import { describe, expect, it } from 'vitest';
import {
  buildJsonReport,
  createFindings,
  dedupeFindings,
  keyFingerprints,
  shortHash,
  sortFindings,
  toReportFinding,
  type FindingDraft,
} from '../../src/core/findings/finalize.js';

const draft = (over: Partial<FindingDraft>): FindingDraft => ({
  ruleId: 'no-console',
  category: 'validator',
  severity: 'warning',
  path: 'src/a.ts',
  line: 10,
  message: 'no console',
  anchor: 'console.log(x)',
  source: 'test',
  ...over,
});

describe('fingerprints', () => {
  it('survive line shifts and whitespace changes', () => {
    const [before] = createFindings([draft({ line: 10 })]);
    const [after] = createFindings([draft({ line: 42, anchor: '   console.log(x)  ' })]);
    expect(after!.fingerprint).toBe(before!.fingerprint);
  });

  it('differ by rule, path and content', () => {
    const base = createFindings([draft({})])[0]!.fingerprint;
    expect(createFindings([draft({ ruleId: 'other' })])[0]!.fingerprint).not.toBe(base);
    expect(createFindings([draft({ path: 'src/b.ts' })])[0]!.fingerprint).not.toBe(base);
    expect(createFindings([draft({ anchor: 'console.log(y)' })])[0]!.fingerprint).not.toBe(base);
  });

  it('keep two identical lines apart, each stable', () => {
    const first = createFindings([draft({ line: 1 }), draft({ line: 5 })]);
    expect(first[0]!.fingerprint).not.toBe(first[1]!.fingerprint);
    const shifted = createFindings([draft({ line: 3 }), draft({ line: 9 })]);
    expect(shifted.map((f) => f.fingerprint)).toEqual(first.map((f) => f.fingerprint));
  });
});

describe('dedupe and order', () => {
  it('keeps the first finding of each fingerprint', () => {
    const [a] = createFindings([draft({ source: 'local' })]);
    const [b] = createFindings([draft({ source: 'codex' })]);
    expect(dedupeFindings([a!, b!]).map((f) => f.source)).toEqual(['local']);
  });

  it('sorts by severity, then path and line', () => {
    const f = createFindings([
      draft({ severity: 'notice', path: 'a', anchor: '1' }),
      draft({ severity: 'error', path: 'b', line: 2, anchor: '2' }),
      draft({ severity: 'error', path: 'b', line: 1, anchor: '3' }),
      draft({ severity: 'warning', path: 'a', anchor: '4' }),
    ]);
    expect(sortFindings(f).map((x) => `${x.severity}:${x.path}:${x.line}`)).toEqual([
      'error:b:1',
      'error:b:2',
      'warning:a:10',
      'notice:a:10',
    ]);
  });
});

describe('buildJsonReport', () => {
  it('has the JSON report shape of docs/architecture.md and no internal fields', () => {
    const findings = createFindings([draft({ category: 'secret', redacted: 'AKIA…', severity: 'error' })]);
    const report = buildJsonReport(
      findings,
      { files: 2, filesScanned: 1, bytesScanned: 100, durationMs: 3 },
      'failure',
    );
    expect(report).toEqual({
      version: 1,
      findings: [
        {
          ruleId: 'no-console',
          category: 'secret',
          severity: 'error',
          path: 'src/a.ts',
          line: 10,
          endLine: 10,
          message: 'no console',
          fingerprint: findings[0]!.fingerprint,
          redacted: 'AKIA…',
        },
      ],
      stats: { files: 2, filesScanned: 1, bytesScanned: 100, durationMs: 3 },
      conclusion: 'failure',
    });
  });
});

describe('fingerprint shape', () => {
  it('is 16 hex characters, and inner whitespace runs count as one space', () => {
    const [a] = createFindings([draft({ anchor: 'console.log( x )' })]);
    expect(a!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const [b] = createFindings([draft({ anchor: '  console.log(\t x  )\n' })]);
    expect(b!.fingerprint).toBe(a!.fingerprint);
    const [c] = createFindings([draft({ anchor: 'console.log(x)' })]);
    expect(c!.fingerprint).not.toBe(a!.fingerprint);
  });
});

describe('keyFingerprints', () => {
  const plain = createFindings([draft({}), draft({ anchor: 'other line' })]);

  it('replaces each fingerprint by a keyed one of the same length, stable for a key, different across keys', () => {
    const a = keyFingerprints(plain, 'k'.repeat(32));
    expect(a.map((f) => f.fingerprint.length)).toEqual(plain.map((f) => f.fingerprint.length));
    expect(a.map((f) => f.fingerprint)).not.toEqual(plain.map((f) => f.fingerprint));
    expect(keyFingerprints(plain, 'k'.repeat(32))).toEqual(a);
    expect(keyFingerprints(plain, 'j'.repeat(32))[0]!.fingerprint).not.toBe(a[0]!.fingerprint);
    expect(a[0]!.fingerprint).not.toBe(a[1]!.fingerprint);
    expect(a[0]!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('an empty key leaves the fingerprints as they are', () => {
    expect(keyFingerprints(plain, '')).toEqual(plain);
  });
});

describe('shortHash', () => {
  it('separates its parts: moving a character between parts changes the hash', () => {
    expect(shortHash('ab', 'c')).not.toBe(shortHash('a', 'bc'));
    expect(shortHash('ab', 'c')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('createFindings: fingerprints and occurrence counters', () => {
  it('a finding fingerprints as shortHash(rule, path, anchor with whitespace runs as one space, trimmed)', () => {
    const [f] = createFindings([draft({ anchor: ' console.log(\t x )\n' })]);
    expect(f!.fingerprint).toBe(shortHash('no-console', 'src/a.ts', 'console.log( x )'));
  });

  it('the first occurrence in a file keeps the plain key, the n-th gets shortHash(key, n), whatever the input order', () => {
    const key = shortHash('no-console', 'src/a.ts', 'console.log(x)');
    const found = createFindings([draft({ line: 9 }), draft({ line: 1 }), draft({ line: 5 })]);
    expect(found.map((f) => [f.line, f.fingerprint])).toEqual([
      [1, key],
      [5, shortHash(key, '1')],
      [9, shortHash(key, '2')],
    ]);
  });

  it('orders by path, then line', () => {
    const found = createFindings([
      draft({ path: 'b.ts', line: 2, anchor: '1' }),
      draft({ path: 'a.ts', line: 7, anchor: '2' }),
      draft({ path: 'a.ts', line: 3, anchor: '3' }),
      draft({ path: 'a.ts', line: 5, anchor: '4' }),
    ]);
    expect(found.map((f) => `${f.path}:${f.line}`)).toEqual(['a.ts:3', 'a.ts:5', 'a.ts:7', 'b.ts:2']);
  });

  const optional = ['column', 'redacted', 'title', 'suggestion'] as const;
  it('carries each optional field when the draft has it, and has no key for it when not', () => {
    const [bare] = createFindings([draft({})]);
    for (const key of optional) expect(Object.keys(bare!)).not.toContain(key);
    expect(bare!.endLine).toBe(10);
    const [full] = createFindings([
      draft({ column: 4, redacted: 'ab…', title: 'T', suggestion: 'fixed()', endLine: 12 }),
    ]);
    expect(full).toMatchObject({ column: 4, redacted: 'ab…', title: 'T', suggestion: 'fixed()', endLine: 12 });
  });
});

describe('toReportFinding and buildJsonReport: optional fields', () => {
  it('a report finding has column and redacted only when the finding does', () => {
    const [bare] = createFindings([draft({})]);
    expect(Object.keys(toReportFinding(bare!))).not.toContain('column');
    expect(Object.keys(toReportFinding(bare!))).not.toContain('redacted');
    const [full] = createFindings([draft({ column: 4, redacted: 'ab…' })]);
    expect(toReportFinding(full!)).toMatchObject({ column: 4, redacted: 'ab…' });
  });

  it('skipped files and the AI entry appear only when there are some', () => {
    const stats = { files: 1, filesScanned: 1, bytesScanned: 1, durationMs: 1 };
    const bare = buildJsonReport([], stats, 'success');
    expect(Object.keys(bare)).toEqual(['version', 'findings', 'stats', 'conclusion']);
    expect(Object.keys(buildJsonReport([], stats, 'success', []))).not.toContain('skipped');
    const skipped = [{ path: 'big.bin', kind: 'binary', reason: 'binary file' }] as const;
    const full = buildJsonReport([], stats, 'success', skipped, { reviewer: 'endpoint: example.test' });
    expect(full.skipped).toEqual(skipped);
    expect(full.ai).toEqual({ reviewer: 'endpoint: example.test' });
  });
});

describe('sortFindings: ties', () => {
  it('same severity and path: by line, then by rule', () => {
    const found = createFindings([
      draft({ line: 3, anchor: '1' }),
      draft({ line: 1, anchor: '2', ruleId: 'z-rule' }),
      draft({ line: 2, anchor: '3' }),
      draft({ line: 1, anchor: '4', ruleId: 'a-rule' }),
    ]);
    expect(sortFindings(found).map((f) => `${f.line}:${f.ruleId}`)).toEqual([
      '1:a-rule',
      '1:z-rule',
      '2:no-console',
      '3:no-console',
    ]);
  });
});
