import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/cli/format.js';
import { decideGate } from '../../src/core/gate.js';
import type { FailOn, Finding } from '../../src/core/types.js';

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'no-console',
    category: 'validator',
    severity: 'warning',
    path: 'src/app.ts',
    line: 5,
    endLine: 5,
    message: 'Use the logger',
    fingerprint: 'f1',
    source: 'no-console',
    ...overrides,
  };
}

describe('formatText', () => {
  const local = finding({});
  const ai = finding({ ruleId: 'console-log', category: 'ai', source: 'codex', fingerprint: 'f2', message: 'Drop it' });

  it('marks the AI review’s findings, so they read apart from the repository’s own rules', () => {
    const text = formatText([local, ai], decideGate([local, ai], 'error'), [], { color: false });
    expect(text).toContain('src/app.ts:5: warning [no-console] Use the logger\n');
    expect(text).toContain('src/app.ts:5: warning [AI console-log] Drop it\n');
  });

  it.each<[FailOn, string]>([
    ['error', '2 warnings: gate passed (none at or above --fail-on error)'],
    ['warning', '2 warnings: gate FAILED (2 at or above --fail-on warning)'],
    ['never', '2 warnings: gate neutral (--fail-on never: findings are reported, nothing blocks)'],
  ])('states the threshold the gate applied: --fail-on %s', (failOn, last) => {
    const text = formatText([local, ai], decideGate([local, ai], failOn), [], { color: false });
    expect(text.trimEnd().split('\n').at(-1)).toBe(last);
  });
});
