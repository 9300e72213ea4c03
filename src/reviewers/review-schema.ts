import type { Severity } from '../core/types.js';

/**
 * The JSON Schema a model answers with (Responses API `text.format`, Codex `--output-schema`). Strict
 * Structured Outputs: every object closed and every property required, so an optional field is `null`.
 * It maps one to one onto protocol v1's answer (docs/hook-protocol.md).
 */
export const REVIEW_SCHEMA_NAME = 'code_review';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

export const REVIEW_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'comments'],
  properties: {
    summary: { type: 'string', description: 'Two to five sentences on the change as a whole.' },
    comments: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'line', 'start_line', 'severity', 'title', 'body', 'suggestion'],
        properties: {
          path: { type: 'string', description: 'A path exactly as given in the diff.' },
          line: { type: 'integer', description: 'The new-file line number the comment is on (last line of a range).' },
          start_line: { type: ['integer', 'null'], description: 'First line of a multi-line range, or null.' },
          severity: { type: 'string', enum: SEVERITIES },
          title: { type: ['string', 'null'] },
          body: { type: 'string' },
          suggestion: {
            type: ['string', 'null'],
            description: 'Replacement text for the lines start_line..line, or null.',
          },
        },
      },
    },
  },
} as const;

/** One comment as the model sends it (nulls for absent optional fields). */
export interface ModelComment {
  readonly path: string;
  readonly line: number;
  readonly start_line: number | null;
  readonly severity: Severity;
  readonly title: string | null;
  readonly body: string;
  readonly suggestion: string | null;
}

export interface ModelAnswer {
  readonly summary: string;
  readonly comments: readonly ModelComment[];
}
