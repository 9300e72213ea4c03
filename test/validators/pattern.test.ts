import { describe, expect, it } from 'vitest';
import type { PatternAction } from '../../src/config/types.js';
import { MAX_TESTED_LINE_LENGTH } from '../../src/core/validators/regex-guard.js';
import { runPatternValidator } from '../../src/core/validators/pattern.js';

const context = { ruleId: 'no-console', source: 'no-console' };
const files = [
  {
    path: 'src/a.ts',
    added: [
      { line: 3, text: '  console.log(x);' },
      { line: 4, text: 'const y = 1;' },
    ],
  },
  { path: 'src/b.ts', added: [{ line: 10, text: 'logger.info(x);' }] },
  { path: 'src/renamed.ts', added: [] },
];

describe('runPatternValidator', () => {
  it('forbid (default): each matching added line is a finding with its column, default severity warning', () => {
    const action: PatternAction = { type: 'pattern', pattern: 'console\\.log\\(' };
    const { findings, notes } = runPatternValidator(action, files, context);
    expect(notes).toEqual([]);
    expect(findings).toEqual([
      {
        ruleId: 'no-console',
        category: 'validator',
        severity: 'warning',
        path: 'src/a.ts',
        line: 3,
        column: 3,
        message: 'Added line matches the forbidden pattern /console\\.log\\(/',
        anchor: 'console.log(x);',
        source: 'no-console',
      },
    ]);
  });

  it('uses message, severity, flags and appends the fix hint', () => {
    const action: PatternAction = {
      type: 'pattern',
      pattern: 'CONSOLE',
      flags: 'i',
      severity: 'error',
      message: 'No console output',
      fix: 'use the logger',
    };
    const [finding] = runPatternValidator(action, files, context).findings;
    expect(finding).toMatchObject({
      severity: 'error',
      message: 'No console output (fix: use the logger)',
      line: 3,
      column: 3,
    });
  });

  it('require: a file with added lines none of which match is one file-level finding; a pure rename is not', () => {
    const action: PatternAction = {
      type: 'pattern',
      pattern: '^// SPDX-License-Identifier:',
      mode: 'require',
      message: 'Add an SPDX header',
    };
    const { findings } = runPatternValidator(action, files, context);
    expect(findings.map((f) => [f.path, f.line, f.message])).toEqual([
      ['src/a.ts', 0, 'Add an SPDX header'],
      ['src/b.ts', 0, 'Add an SPDX header'],
    ]);
    const ok = runPatternValidator(
      action,
      [{ path: 'c.ts', added: [{ line: 1, text: '// SPDX-License-Identifier: MIT' }] }],
      context,
    );
    expect(ok.findings).toEqual([]);
  });

  it('tests a 10 MB line only on its first characters, quickly, and says so', () => {
    const huge = `${'a'.repeat(10 * 1024 * 1024)} console.log(`;
    const { findings, notes } = runPatternValidator(
      { type: 'pattern', pattern: '\\d+\\.\\d+x' },
      [{ path: 'big.js', added: [{ line: 1, text: huge }] }],
      context,
    );
    expect(findings).toEqual([]);
    expect(notes).toEqual([
      `no-console: 1 line was longer than ${MAX_TESTED_LINE_LENGTH} characters and checked only in its first ${MAX_TESTED_LINE_LENGTH}`,
    ]);
  });
});

describe('runPatternValidator: the time budget', () => {
  // A clock that moves 4 ms each time it is read: the budget is spent after a known number of lines.
  const ticking = () => {
    let t = 0;
    return () => (t += 4);
  };
  const many = [
    { path: 'src/m.ts', added: Array.from({ length: 10 }, (_, i) => ({ line: i + 1, text: 'console.log(1)' })) },
  ];

  it('stops testing lines once the budget is spent, and says how many were not checked', () => {
    const action: PatternAction = { type: 'pattern', pattern: 'console' };
    const { findings, notes, limits } = runPatternValidator(action, many, context, { now: ticking(), ms: 10 });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.length).toBeLessThan(10);
    expect(limits).toEqual([
      {
        kind: 'time-budget',
        subject: { type: 'pattern-hook', id: 'no-console' },
        budgetMs: 10,
        unchecked: 10 - findings.length,
      },
    ]);
    expect(notes).toEqual([
      `no-console: the pattern used its time budget (0.01s); ${10 - findings.length} added lines were not checked`,
    ]);
  });

  it('a require pattern whose lines were not all checked reports no missing match', () => {
    const action: PatternAction = { type: 'pattern', pattern: 'never-there', mode: 'require' };
    const { findings } = runPatternValidator(action, many, context, { now: ticking(), ms: 10 });
    expect(findings).toEqual([]);
  });

  it('within the budget every line is checked', () => {
    const action: PatternAction = { type: 'pattern', pattern: 'console' };
    const { findings, notes } = runPatternValidator(action, many, context, { now: () => 0, ms: 10 });
    expect(findings).toHaveLength(10);
    expect(notes).toEqual([]);
  });
});
