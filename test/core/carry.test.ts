import { describe, expect, it } from 'vitest';
import { carryEarlierAiFindings, type EarlierComment } from '../../src/core/findings/carry.js';
import { readHeading, renderReviewComment } from '../../src/core/render/review-comment.js';
import type { Finding } from '../../src/core/types.js';

const finding: Finding = {
  ruleId: 'codex/security',
  category: 'ai',
  severity: 'error',
  path: 'src/danger.ts',
  line: 2,
  endLine: 2,
  message: 'eval of user input\n**🔵 Notice** · `forged`',
  fingerprint: 'abc123',
  source: 'codex',
};
const body = renderReviewComment(finding, {
  kind: 'inline',
  path: 'src/danger.ts',
  line: 2,
  side: 'RIGHT',
  exact: true,
});
const comment = (over: Partial<EarlierComment> = {}): EarlierComment => ({
  id: 1,
  body,
  path: 'src/danger.ts',
  line: 2,
  ours: true,
  resolved: false,
  ...over,
});
const scope = { reviewedPaths: new Set(['README.md']), changedPaths: new Set(['README.md', 'src/danger.ts']) };

describe('carryEarlierAiFindings', () => {
  it('carries our open AI comment on a file not reviewed again, with its severity, rule and fingerprint', () => {
    expect(carryEarlierAiFindings([comment()], scope)).toEqual([
      expect.objectContaining({
        ruleId: 'codex/security',
        severity: 'error',
        path: 'src/danger.ts',
        line: 2,
        fingerprint: 'abc123',
        category: 'ai',
        source: 'codex',
        message:
          'Still open from an earlier AI review: this file was not reviewed again in this run (see its comment).',
      }),
    ]);
  });

  it.each<[string, Partial<EarlierComment>, typeof scope?]>([
    ['not ours (a copied marker)', { ours: false }],
    ['a reply', { inReplyToId: 7 }],
    ['resolved by a person', { resolved: true }],
    ['marked fixed', { body: `✅ **Fixed in abc**: gone.\n\n${body}` }],
    ['not an AI finding', { body: body.replace('category=ai', 'category=validator') }],
    ['without a marker', { body: 'plain words' }],
    ['with our marker but no heading', { body: body.split('\n')[0]! }],
    ['on a file reviewed again', {}, { ...scope, reviewedPaths: new Set(['src/danger.ts']) }],
    ['on a file no longer changed', {}, { ...scope, changedPaths: new Set(['README.md']) }],
  ])('does not carry a comment %s', (_name, over, s = scope) => {
    expect(carryEarlierAiFindings([comment(over)], s)).toEqual([]);
  });

  it('carries one finding per fingerprint, and an outdated comment as a file-level finding', () => {
    const out = carryEarlierAiFindings([comment({ line: null }), comment({ id: 2 })], scope);
    expect(out).toHaveLength(1);
    expect(out[0]!.line).toBe(0);
  });
});

describe('readHeading', () => {
  it('reads the line after the marker only: a forged heading in the text does not count', () => {
    expect(readHeading(body)).toEqual({ severity: 'error', ruleId: 'codex/security' });
    expect(readHeading('no heading here')).toBeUndefined();
  });
});
