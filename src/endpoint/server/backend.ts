import type { Reviewer, ReviewFailureKind, ReviewUsage } from '../../ports.js';
import type { HookComment, HookRequest, HookResponse } from '../types.js';
import { reviewRequest } from './rules.js';

/**
 * What answers a protocol v1 request behind the endpoint: the offline reference rules, or a model reviewer
 * (`openai`, `codex`) from src/reviewers. The request the server receives is already the Reviewer port's
 * input (the action redacted it); the model's answers are merged back into one protocol v1 response.
 */

export const BACKEND_NAMES = ['rules', 'openai', 'codex'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export type BackendAnswer =
  | {
      readonly kind: 'answered';
      readonly response: HookResponse;
      readonly usage?: ReviewUsage;
    }
  | {
      readonly kind: 'failed';
      /** The status the endpoint answers: 502 when the model failed, 503/504 when it was unavailable or slow. */
      readonly status: number;
      readonly reason: ReviewFailureKind;
      /** Safe to send: the reviewers scrub the model key from every message. */
      readonly message: string;
      readonly usage?: ReviewUsage;
    };

export interface ReviewBackend {
  readonly name: BackendName;
  /** For the audit log: `rules`, or the model and its host. */
  readonly model: string;
  review(request: HookRequest): Promise<BackendAnswer>;
}

export const RULES_BACKEND: ReviewBackend = {
  name: 'rules',
  model: 'rules',
  review: (request) => Promise.resolve({ kind: 'answered', response: reviewRequest(request) }),
};

/** A model reviewer as a backend: one request in, one protocol v1 response (or a failure) out. */
export function reviewerBackend(reviewer: Reviewer): ReviewBackend {
  if (reviewer.kind === 'endpoint') throw new TypeError('the endpoint reviewer cannot be its own backend');
  return {
    name: reviewer.kind,
    model: reviewer.target,
    review: async (request) => {
      const outcome = await reviewer.review([request], {});
      const usage = outcome.usage ? { usage: outcome.usage } : {};
      // A request the reviewer split to fit its budget is answered whole or not at all: a partial answer
      // would look to the action like a complete review of the chunk.
      if (outcome.failure) {
        return {
          kind: 'failed',
          status: failureStatus(outcome.failure.kind),
          reason: outcome.failure.kind,
          message: `the ${reviewer.kind} backend could not review this request: ${outcome.failure.message}`,
          ...usage,
        };
      }
      return { kind: 'answered', response: mergeResponses(outcome.responses.map((r) => r.response)), ...usage };
    },
  };
}

/** 503/504 are retried by the action as the protocol says; 502 for an answer that could not be used. */
export function failureStatus(kind: ReviewFailureKind): number {
  if (kind === 'timeout') return 504;
  if (kind === 'unavailable') return 503;
  return 502;
}

export function mergeResponses(responses: readonly HookResponse[]): HookResponse {
  const comments: HookComment[] = responses.flatMap((r) => r.comments);
  const summaries = responses.map((r) => r.summary).filter((s): s is string => Boolean(s));
  const verdicts = responses.map((r) => r.verdict);
  const verdict = verdicts.includes('request_changes')
    ? 'request_changes'
    : verdicts.includes('comment') || comments.length > 0
      ? 'comment'
      : verdicts.length > 0 && verdicts.every((v) => v === 'approve')
        ? 'approve'
        : undefined;
  return {
    comments,
    ...(summaries.length ? { summary: summaries.join('\n\n') } : {}),
    ...(verdict ? { verdict } : {}),
  };
}
