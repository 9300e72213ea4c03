import { describe, expect, it } from 'vitest';
import { createFindings } from '../../src/core/findings/finalize.js';
import { decideGate } from '../../src/core/gate.js';
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
  const cases: [string, Severity[], FailOn, 'success' | 'failure' | 'neutral', boolean][] = [
    ['no findings pass', [], 'error', 'success', false],
    ['no findings pass even with fail-on notice', [], 'notice', 'success', false],
    ['an error fails fail-on error', ['error'], 'error', 'failure', true],
    ['a warning passes fail-on error', ['warning'], 'error', 'success', false],
    ['a warning fails fail-on warning', ['warning', 'notice'], 'warning', 'failure', true],
    ['a notice passes fail-on warning', ['notice'], 'warning', 'success', false],
    ['a notice fails fail-on notice', ['notice'], 'notice', 'failure', true],
    ['fail-on never reports neutral', ['error', 'error'], 'never', 'neutral', false],
  ];
  it.each(cases)('%s', (_name, severities, failOn, conclusion, failed) => {
    const gate = decideGate(findingsOf(...severities), failOn);
    expect(gate.conclusion).toBe(conclusion);
    expect(gate.failed).toBe(failed);
  });

  it('counts by severity and says why', () => {
    const gate = decideGate(findingsOf('error', 'warning', 'warning'), 'warning');
    expect(gate.counts).toEqual({ error: 1, warning: 2, notice: 0 });
    expect(gate.reason).toBe('1 error, 2 warnings: 3 at or above warning');
  });
});
