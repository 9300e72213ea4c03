import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, scanText } from '../../src/core/secrets/index.js';

const MB = 1 << 20;

/** Inputs built to hurt a backtracking regex: keyword prefixes repeated with near-miss bodies, no newlines. */
function adversarialInputs(keyword: string): string[] {
  const k = keyword;
  return [
    (k + 'A').repeat(Math.ceil(MB / (k.length + 1))).slice(0, MB),
    (k + '0123456789abcdefABCDEF_-'.repeat(3) + ' ').repeat(Math.ceil(MB / (k.length + 73))).slice(0, MB),
    (k + '=').repeat(Math.ceil(MB / (k.length + 1))).slice(0, MB),
  ];
}

describe('adversarial 1 MB inputs', () => {
  // Linear patterns scan 1 MB in milliseconds; catastrophic backtracking would take minutes.
  it.each(BUILTIN_RULES.map((r) => [r.id, r] as const))('%s stays within budget', (_id, rule) => {
    const started = performance.now();
    for (const input of adversarialInputs(rule.keywords[0]!)) scanText(input, { rules: [rule] });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('all rules together on a 1 MB line of mixed keywords stay within budget', () => {
    const unit = BUILTIN_RULES.flatMap((r) => r.keywords).join('Zq8');
    const input = unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
    const started = performance.now();
    expect(Array.isArray(scanText(input))).toBe(true);
    expect(performance.now() - started).toBeLessThan(10000);
  });
});
