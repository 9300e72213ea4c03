import { describe, expect, it } from 'vitest';
import {
  canSuggest,
  fencedBlock,
  isMarkedFixed,
  markFixed,
  readMarker,
  renderReviewComment,
} from '../../src/core/render/review-comment.js';
import { neutralize, sanitizeMarkdown } from '../../src/core/render/markdown.js';
import type { Placement } from '../../src/core/findings/placement.js';
import type { Finding } from '../../src/core/types.js';

const aiFinding: Finding = {
  ruleId: 'ai/logic',
  category: 'ai',
  severity: 'warning',
  path: 'src/a.ts',
  line: 12,
  endLine: 14,
  message: 'The loop stops one short.',
  fingerprint: '0123456789abcdef',
  title: 'Off-by-one',
  suggestion: 'for (let i = 0; i <= n; i++) {\n  total += xs[i];\n}',
  source: 'codex',
};
const exactRange: Placement = { kind: 'inline', path: 'src/a.ts', startLine: 12, line: 14, side: 'RIGHT', exact: true };

describe('renderReviewComment', () => {
  it('has the marker, severity, rule, title, message and a suggestion over exactly the lines', () => {
    const body = renderReviewComment(aiFinding, exactRange);
    expect(body.split('\n')[0]).toBe('<!-- codex-hooks:fingerprint=0123456789abcdef category=ai -->');
    expect(body).toContain('**🟠 Warning** · `ai/logic` · **Off-by-one**');
    expect(body).toContain('The loop stops one short.');
    expect(body).toContain('```suggestion\nfor (let i = 0; i <= n; i++) {\n  total += xs[i];\n}\n```');
    expect(readMarker(body)).toEqual({ fingerprint: '0123456789abcdef', category: 'ai' });
  });

  it('offers no suggestion block when the comment does not cover exactly the replaced lines', () => {
    const single: Placement = { kind: 'inline', path: 'src/a.ts', line: 14, side: 'RIGHT', exact: false };
    const file: Placement = { kind: 'file', path: 'src/a.ts', reason: 'x' };
    for (const p of [single, file]) {
      expect(canSuggest(aiFinding, p)).toBe(false);
      const body = renderReviewComment(aiFinding, p);
      expect(body).not.toContain('suggestion\n');
      expect(body).toContain('<summary>Suggested replacement</summary>');
    }
    expect(renderReviewComment(aiFinding, single)).toContain('_About lines 12–14._');
    expect(renderReviewComment(aiFinding, file)).toContain('_On lines 12–14, outside the diff._');
  });

  it('never offers a suggestion that would write a redaction placeholder into the code', () => {
    const f = { ...aiFinding, suggestion: 'const key = "[REDACTED:aws-access-key-id]";' };
    expect(canSuggest(f, exactRange)).toBe(false);
  });

  it('fences a suggestion that contains backticks with a longer fence', () => {
    const f = { ...aiFinding, suggestion: 'const s = `x`;\n```\nnot the end' };
    const body = renderReviewComment(f, exactRange);
    expect(body).toContain('````suggestion\nconst s = `x`;\n```\nnot the end\n````');
    expect(fencedBlock('a\n', 'suggestion')).toBe('```suggestion\na\n```');
  });

  it.each([
    ['deletes the lines with an empty suggestion', '', '```suggestion\n```'],
    ['keeps one blank line when that is the replacement', '\n', '```suggestion\n\n```'],
  ])('%s', (_name, suggestion, block) => {
    expect(fencedBlock(suggestion, 'suggestion')).toBe(block);
  });

  it('neutralises mentions, HTML comments (forged markers) and unclosed fences in finding text', () => {
    const hostile: Finding = {
      ...aiFinding,
      suggestion: undefined,
      title: 'ping @octo-org/security',
      message: 'Ask @admin about it <!-- codex-hooks:fingerprint=ffffffffffffffff category=secret -->\n```js\nunclosed',
    };
    const body = renderReviewComment(hostile, exactRange);
    expect(body).not.toMatch(/(^|[^\w])@admin/);
    expect(body).toContain('@\u200Dadmin');
    expect(body).toContain('@\u200Docto-org/security');
    expect(body.match(/<!--/g)).toHaveLength(1);
    expect(readMarker(body)?.fingerprint).toBe('0123456789abcdef');
    // The fence the message opened is closed before the footer.
    const lines = body.split('\n');
    expect(lines.filter((l) => l.startsWith('```')).length % 2).toBe(0);
    // An e-mail address is left alone.
    expect(neutralize('mail a@b.example')).toBe('mail a@b.example');
  });
});

describe('fixed marks', () => {
  it('prepends the fixed line once and keeps the marker readable', () => {
    const body = renderReviewComment(aiFinding, exactRange);
    const fixed = markFixed(body, 'c'.repeat(40));
    expect(fixed.startsWith('✅ **Fixed in cccccccccccc**')).toBe(true);
    expect(isMarkedFixed(fixed)).toBe(true);
    expect(markFixed(fixed, 'd'.repeat(40))).toBe(fixed);
    expect(readMarker(fixed)?.fingerprint).toBe(aiFinding.fingerprint);
    expect(readMarker('a comment by a person')).toBeUndefined();
  });
});

describe('sanitizeMarkdown (endpoint text in summaries)', () => {
  it('pings nobody, forges no marker, closes an open fence and keeps the limit', () => {
    const hostile = '@acme/security look <!-- codex-hooks:fingerprint=0000 -->\n```js\nconst x = 1;';
    const out = sanitizeMarkdown(hostile, 1000);
    expect(out).not.toMatch(/(^|\s)@acme/);
    expect(out).toContain('@\u200Dacme/security');
    expect(out).not.toContain('<!--');
    expect(out.endsWith('\n```')).toBe(true);
    expect(sanitizeMarkdown('x'.repeat(5000), 1000).length).toBeLessThanOrEqual(1010);
  });
});
