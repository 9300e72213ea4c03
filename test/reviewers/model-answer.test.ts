import { describe, expect, it } from 'vitest';
import { checkCreateResponse } from '../support/fake-responses-api.js';
import { ModelAnswerError, parseModelAnswer } from '../../src/reviewers/model-answer.js';
import { REVIEW_SCHEMA, REVIEW_SCHEMA_NAME } from '../../src/reviewers/review-schema.js';

const comment = {
  path: 'src/a.ts',
  line: 3,
  start_line: null,
  severity: 'warning',
  title: null,
  body: 'Check this',
  suggestion: null,
};

describe('the review schema', () => {
  it('is accepted by the Responses API as a strict Structured Outputs schema', () => {
    const body = {
      model: 'm',
      input: 'i',
      text: { format: { type: 'json_schema', name: REVIEW_SCHEMA_NAME, strict: true, schema: REVIEW_SCHEMA } },
    };
    expect(checkCreateResponse(body as unknown as Record<string, unknown>)).toBeUndefined();
  });
});

describe('parseModelAnswer', () => {
  it('maps an answer onto protocol v1, nulls dropped', () => {
    const answer = parseModelAnswer(
      JSON.stringify({ summary: 'ok', comments: [comment, { ...comment, line: 5, start_line: 4, suggestion: 'x' }] }),
    );
    expect(answer).toEqual({
      summary: 'ok',
      comments: [
        { path: 'src/a.ts', line: 3, severity: 'warning', body: 'Check this' },
        { path: 'src/a.ts', line: 5, start_line: 4, severity: 'warning', body: 'Check this', suggestion: 'x' },
      ],
    });
  });

  it('keeps a comment whose range is reversed, on its line alone', () => {
    const answer = parseModelAnswer(JSON.stringify({ summary: '', comments: [{ ...comment, start_line: 9 }] }));
    expect(answer.comments[0]).not.toHaveProperty('start_line');
  });

  it.each<[string, string, string, RegExp]>([
    ['empty', '', 'empty', /empty/],
    ['blank', '  \n', 'empty', /empty/],
    ['not JSON', 'Looks good to me!', 'not-json', /not JSON; it starts with "Looks good to me!"/],
    ['cut JSON', '{"summary":"The chan', 'not-json', /not JSON/],
    ['missing comments', '{"summary":"x"}', 'schema', /must have the field 'comments'/],
    [
      'a string line',
      JSON.stringify({ summary: '', comments: [{ ...comment, line: 'two' }] }),
      'schema',
      /line must be integer/,
    ],
    [
      'an unknown severity',
      JSON.stringify({ summary: '', comments: [{ ...comment, severity: 'fatal' }] }),
      'schema',
      /severity must be one of/,
    ],
    [
      'an extra field',
      JSON.stringify({ summary: '', comments: [], verdict: 'approve' }),
      'schema',
      /must NOT have additional properties/,
    ],
    ['line 0', JSON.stringify({ summary: '', comments: [{ ...comment, line: 0 }] }), 'schema', /line must be >= 1/],
    ['an array', '[]', 'schema', /must be object/],
  ])('refuses %s with a clear message', (_name, text, kind, message) => {
    let error: unknown;
    try {
      parseModelAnswer(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelAnswerError);
    expect((error as ModelAnswerError).kind).toBe(kind);
    expect((error as Error).message).toMatch(message);
  });

  it('quotes no secret from a bad answer', () => {
    const secret = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');
    expect(() => parseModelAnswer(`key ${secret}`, (t) => t.split(secret).join('[REDACTED]'))).toThrow(/\[REDACTED\]/);
  });
});
