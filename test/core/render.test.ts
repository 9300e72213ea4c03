import { describe, expect, it } from 'vitest';
import { createFindings } from '../../src/core/findings/finalize.js';
import { decideGate } from '../../src/core/gate.js';
import { batchAnnotations, toAnnotation } from '../../src/core/render/annotations.js';
import { escapeCell, renderSummary } from '../../src/core/render/summary.js';
import { CHECK_TEXT_LIMIT, truncateMarkdown } from '../../src/core/render/truncate.js';

const many = (n: number) =>
  createFindings(
    Array.from({ length: n }, (_, i) => ({
      ruleId: 'rule',
      category: 'validator' as const,
      severity: 'warning' as const,
      path: `src/f${i}.ts`,
      line: i + 1,
      message: `problem ${i}`,
      anchor: String(i),
      source: 'test',
    })),
  );

describe('annotations', () => {
  it.each([
    [0, []],
    [1, [1]],
    [50, [50]],
    [51, [50, 1]],
    [120, [50, 50, 20]],
  ])('%i annotations go in batches %j', (n, sizes) => {
    const batches = batchAnnotations(many(n).map(toAnnotation));
    expect(batches.map((b) => b.length)).toEqual(sizes);
  });

  it('maps severity to level, pins file-level findings to line 1, and keeps columns on one line only', () => {
    const [f] = createFindings([
      { ruleId: 'x', category: 'path', severity: 'error', path: 'a', line: 0, message: 'm', anchor: 'a', source: 't' },
    ]);
    expect(toAnnotation(f!)).toMatchObject({ start_line: 1, end_line: 1, annotation_level: 'failure' });
    const [g] = createFindings([
      {
        ruleId: 'y',
        category: 'ai',
        severity: 'notice',
        path: 'a',
        line: 3,
        endLine: 5,
        column: 4,
        message: 'm',
        anchor: 'b',
        source: 't',
      },
    ]);
    const a = toAnnotation(g!);
    expect(a).toMatchObject({ start_line: 3, end_line: 5, annotation_level: 'notice' });
    expect(a.start_column).toBeUndefined();
  });
});

describe('truncateMarkdown', () => {
  it('leaves short text alone', () => {
    expect(truncateMarkdown('short', 100)).toBe('short');
  });

  it.each([1_000, 65_535, 200_000])('keeps a %i-character limit and says what was cut', (limit) => {
    const text = Array.from({ length: 20_000 }, (_, i) => `| row ${i} | some text |`).join('\n');
    const out = truncateMarkdown(text, limit);
    expect(out.length).toBeLessThanOrEqual(limit);
    expect(out).toMatch(/more characters not shown/);
    // Cut at a line boundary: every kept row is whole.
    const kept = out.split('\n\n…')[0]!;
    expect(kept.split('\n').every((l) => /^\| row \d+ \| some text \|$/.test(l))).toBe(true);
  });

  it('does not split a surrogate pair', () => {
    const out = truncateMarkdown('😀'.repeat(40_000), CHECK_TEXT_LIMIT);
    expect(out.length).toBeLessThanOrEqual(CHECK_TEXT_LIMIT);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('renderSummary', () => {
  it('renders a findings table under the check-run limit even for thousands of findings', () => {
    const findings = many(5_000);
    const md = truncateMarkdown(
      renderSummary({
        title: 'Codex hooks',
        gate: decideGate(findings, 'warning'),
        failOn: 'warning',
        findings,
        stats: { files: 5000, filesScanned: 5000, bytesScanned: 123456, durationMs: 1 },
        skipped: [{ path: 'big.sql', kind: 'no-diff', reason: 'GitHub omitted the diff' }],
        notes: [{ kind: 'ai-skipped', level: 'summary', message: 'AI review skipped' }],
      }),
      CHECK_TEXT_LIMIT,
    );
    expect(md.length).toBeLessThanOrEqual(CHECK_TEXT_LIMIT);
    expect(md).toMatch(/## Codex hooks: ❌ Failed/);
    expect(md).toMatch(/\| 🟠 \| `rule` \| `src\/f0\.ts:1` \| problem 0 \|/);
    expect(md).toMatch(/4800 more findings in the JSON report/);
    expect(md).toMatch(/`big.sql`: GitHub omitted the diff/);
    expect(md).toMatch(/> AI review skipped/);
  });

  it('escapes hostile text in cells', () => {
    expect(escapeCell('a|b\n<script>`x`')).toBe("a\\|b &lt;script&gt;'x'");
    expect(escapeCell('ask @acme/security, not a@b.example')).toBe('ask @\u200Dacme/security, not a@b.example');
  });
});
