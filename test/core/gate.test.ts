import { describe, expect, it } from 'vitest';
import { createFindings } from '../../src/core/findings/finalize.js';
import { decideGate, describeCounts } from '../../src/core/gate.js';
import type { FailOn, Severity } from '../../src/core/types.js';

const findingsOf = (...severities: Severity[]) =>
  createFindings(
    severities.map((severity, i) => ({
      ruleId: 'r',
      category: 'validator' as const,
      severity,
      path: 'a.ts',
      line: i + 1,
      message: 'm',
      anchor: `line ${i}`,
      source: 'test',
    })),
  );

describe('decideGate', () => {
  const cases: [string, Severity[], FailOn, 'success' | 'failure' | 'neutral', boolean, string][] = [
    ['no findings pass', [], 'error', 'success', false, 'No findings'],
    ['no findings pass even with fail-on notice', [], 'notice', 'success', false, 'No findings'],
    ['no findings pass with fail-on never', [], 'never', 'success', false, 'No findings'],
    ['an error fails fail-on error', ['error'], 'error', 'failure', true, '1 error: 1 at or above error'],
    ['a warning passes fail-on error', ['warning'], 'error', 'success', false, '1 warning, none at or above error'],
    [
      'a warning fails fail-on warning',
      ['warning', 'notice'],
      'warning',
      'failure',
      true,
      '1 warning, 1 notice: 1 at or above warning',
    ],
    ['a notice passes fail-on warning', ['notice'], 'warning', 'success', false, '1 notice, none at or above warning'],
    ['a notice fails fail-on notice', ['notice'], 'notice', 'failure', true, '1 notice: 1 at or above notice'],
    ['fail-on never reports neutral', ['error', 'error'], 'never', 'neutral', false, '2 errors (fail-on: never)'],
  ];
  it.each(cases)('%s', (_name, severities, failOn, conclusion, failed, reason) => {
    const gate = decideGate(findingsOf(...severities), failOn);
    expect(gate.conclusion).toBe(conclusion);
    expect(gate.failed).toBe(failed);
    expect(gate.reason).toBe(reason);
  });

  it('counts by severity and says why', () => {
    const gate = decideGate(findingsOf('error', 'warning', 'warning'), 'warning');
    expect(gate.counts).toEqual({ error: 1, warning: 2, notice: 0 });
    expect(gate.reason).toBe('1 error, 2 warnings: 3 at or above warning');
  });
});

describe('describeCounts', () => {
  const cases: [Record<'error' | 'warning' | 'notice', number>, string][] = [
    [{ error: 0, warning: 0, notice: 0 }, 'No findings'],
    [{ error: 0, warning: 0, notice: 3 }, '3 notices'],
    [{ error: 2, warning: 1, notice: 0 }, '2 errors, 1 warning'],
  ];
  it.each(cases)('%j reads %s', (counts, expected) => {
    expect(describeCounts(counts)).toBe(expected);
  });
});
