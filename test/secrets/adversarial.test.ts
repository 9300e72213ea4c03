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

/**
 * Linear patterns scan 1 MB in milliseconds; catastrophic backtracking would take hours and hit the test
 * timeout. No wall-clock budget here: the suite runs on loaded machines, and speed is `npm run bench`'s job
 * (the static check of the patterns' quantifiers is in rules.test.ts).
 */
describe('adversarial 1 MB inputs', () => {
  it.each(BUILTIN_RULES.map((r) => [r.id, r] as const))('%s ends', (_id, rule) => {
    for (const input of adversarialInputs(rule.keywords[0]!))
      expect(Array.isArray(scanText(input, { rules: [rule] }))).toBe(true);
  });

  it('all rules together on a 1 MB line of mixed keywords end', () => {
    const unit = BUILTIN_RULES.flatMap((r) => r.keywords).join('Zq8');
    const input = unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
    expect(Array.isArray(scanText(input))).toBe(true);
  });
});
