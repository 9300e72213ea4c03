import { Ajv, type ValidateFunction } from 'ajv';
import { describeSchemaErrors } from '../endpoint/schema.js';
import { HookResponseError, parseHookResponse, quoteExcerpt } from '../endpoint/response.js';
import type { HookResponse } from '../endpoint/types.js';
import { REVIEW_SCHEMA, type ModelAnswer } from './review-schema.js';

/**
 * Pure: a model's final text → a protocol v1 answer. Nothing is trusted: neither the Responses API nor the
 * Codex CLI guarantees the schema (Codex does not check it at all), so the text is parsed and validated
 * here, then read through the same protocol v1 checks as an endpoint's answer.
 */

/** Why a model's answer could not be used. */
export type ModelAnswerProblem = 'empty' | 'not-json' | 'schema' | 'refused' | 'truncated';

export class ModelAnswerError extends Error {
  override readonly name = 'ModelAnswerError';
  constructor(
    readonly kind: ModelAnswerProblem,
    message: string,
  ) {
    super(message);
  }
}

let validate: ValidateFunction | undefined;
function answerValidator(): ValidateFunction {
  validate ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(REVIEW_SCHEMA);
  return validate;
}

/** `redact` is applied to every excerpt of the answer quoted in an error. */
export function parseModelAnswer(text: string, redact?: (text: string) => string): HookResponse {
  if (text.trim() === '') throw new ModelAnswerError('empty', 'the model answered with an empty message');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ModelAnswerError(
      'not-json',
      `the model's answer is not JSON; it starts with ${quoteExcerpt(text, redact)}`,
    );
  }
  const check = answerValidator();
  if (!check(data)) {
    const problems = describeSchemaErrors(check.errors, 'answer');
    throw new ModelAnswerError('schema', `the model's answer does not match the review schema: ${problems.join('; ')}`);
  }
  const answer = data as ModelAnswer;
  const comments = answer.comments.map((c) => ({
    path: c.path,
    line: c.line,
    // A reversed range is the model's slip, not a reason to lose the comment: keep the line alone.
    ...(c.start_line !== null && c.start_line < c.line ? { start_line: c.start_line } : {}),
    severity: c.severity,
    ...(c.title !== null && c.title !== '' ? { title: c.title } : {}),
    body: c.body,
    ...(c.suggestion !== null ? { suggestion: c.suggestion } : {}),
  }));
  try {
    return parseHookResponse(JSON.stringify({ comments, ...(answer.summary ? { summary: answer.summary } : {}) }), {
      ...(redact ? { redact } : {}),
    });
  } catch (error) {
    if (error instanceof HookResponseError) throw new ModelAnswerError('schema', error.message);
    throw error;
  }
}
