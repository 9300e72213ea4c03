import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, scanText } from '../../src/core/secrets/index.js';
import { checkUserRegex } from '../../src/core/validators/regex-guard.js';

describe('built-in rules', () => {
  it('have unique kebab-case ids, lower-case keywords and examples', () => {
    const ids = new Set<string>();
    for (const rule of BUILTIN_RULES) {
      expect(rule.id, rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(ids.has(rule.id), rule.id).toBe(false);
      ids.add(rule.id);
      expect(rule.keywords.length, rule.id).toBeGreaterThan(0);
      for (const k of rule.keywords) expect(k, rule.id).toBe(k.toLowerCase());
      expect(rule.examples.positive.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.negative.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('cover at least 150 distinct providers (generic rules not counted)', () => {
    const providers = new Set(
      BUILTIN_RULES.map((r) => r.provider).filter(
        (p): p is string =>
          !!p &&
          ![
            'generic',
            'URL credentials',
            'Connection strings',
            'JSON Web Token',
            'PEM / OpenSSH / PGP',
            'PuTTY',
          ].includes(p),
      ),
    );
    console.log(`rules: ${BUILTIN_RULES.length}, providers: ${providers.size}`);
    expect(providers.size).toBeGreaterThanOrEqual(150);
  });

  it('have patterns without nested or overlapping unbounded quantifiers', () => {
    for (const rule of BUILTIN_RULES) {
      // The same guard that user patterns pass; g, d and y are the scanner's own flags.
      expect(checkUserRegex(rule.pattern.source, rule.pattern.flags.replace(/[gdy]/g, '')), rule.id).toBeUndefined();
    }
  });

  describe.each(BUILTIN_RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    it('finds each positive example, reported as this rule', () => {
      rule.examples.positive.forEach((example, i) => {
        const ids = scanText(example).map((m) => m.ruleId);
        expect(ids, `${rule.id} positive #${i}`).toContain(rule.id);
      });
    });
    it('finds nothing in each negative example', () => {
      rule.examples.negative.forEach((example, i) => {
        expect(scanText(example, { rules: [rule] }).length, `${rule.id} negative #${i}`).toBe(0);
      });
    });
  });
});
