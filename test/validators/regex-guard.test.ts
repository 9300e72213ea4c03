import { describe, expect, it } from 'vitest';
import { checkUserRegex } from '../../src/core/validators/regex-guard.js';

describe('checkUserRegex', () => {
  it.each([
    ['(a+)+', /the quantifier 'a\+' is nested inside the repeated '\(a\+\)\+'/],
    ['(a|a)*', /the alternatives 'a' and 'a' inside the repeated '\(a\|a\)\*'/],
    ['(\\w+\\s?)*', /the quantifier '\\w\+' is nested/],
    ['^(a*)*$', /nested/],
    ['(x+x+)+y', /nested/],
    ['(\\w|\\d)+$', /the alternatives '\\w' and '\\d'/],
    ['(?:foo|f)+bar', /the alternatives 'foo' and 'f'/],
    ['(?:a|[abc])*', /alternatives/],
    ['(?:A|a)*', /alternatives/, 'i'],
    ['(.*,){3}', /nested/],
    ['\\w{1,2000}\\w{1,2000}!', /adjacent unbounded \(or widely bounded\) quantifiers/],
    ['.{0,100}.{0,100}x', /adjacent/],
    ['(\\w{1,100}x){2,9}', /nested/],
  ])('refuses %s', (pattern, reason, flags = '') => {
    const result = checkUserRegex(pattern, flags);
    expect(result?.kind).toBe('catastrophic-backtracking');
    expect(result?.reason).toMatch(/^it can backtrack catastrophically: /);
    expect(result?.reason).toMatch(reason);
  });

  it.each([
    'console\\.log\\(',
    '\\bTODO\\b',
    '^import .* from',
    '\\s*=\\s*',
    '[a-z]+\\d+',
    '\\d{1,3}\\.\\d{1,3}',
    '\\w{1,32}\\w{1,32}',
    '[a-z]{2,100}[0-9]{2,100}',
    '\\d+\\.\\d+',
    '(?:foo|bar)+',
    '(?:\\s|,)+',
    '(\\d{3}-)+',
    '(ab?)+',
    '(?<=@)\\w+',
    '(?<name>x)\\k<name>',
    '\\p{Lu}+',
    '\\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b',
    'password\\s*[:=]\\s*["\'][^"\']{8,}["\']',
  ])('accepts %s', (pattern) => {
    expect(checkUserRegex(pattern, pattern.includes('\\p') ? 'u' : '')).toBeUndefined();
  });

  it('reports syntax errors and unsupported flags', () => {
    expect(checkUserRegex('(a')).toMatchObject({
      kind: 'invalid-syntax',
      detail: expect.stringMatching(/Unterminated group/),
    });
    expect(checkUserRegex('a', 'g')).toEqual({
      kind: 'unsupported-flag',
      flag: 'g',
      reason: "the flag 'g' is not supported; use any of imsu",
    });
  });
});
