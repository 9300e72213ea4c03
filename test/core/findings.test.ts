import { describe, expect, it } from 'vitest';
import {
  buildJsonReport,
  createFindings,
  dedupeFindings,
  keyFingerprints,
  sortFindings,
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
