import type { HookRequest } from '../endpoint/types.js';
import type { ReviewContext, ReviewFailure, ReviewFailureKind, ReviewOutcome, ReviewUsage } from '../ports.js';
import { ModelAnswerError, parseModelAnswer } from './model-answer.js';
import { buildReviewPrompt, fitPromptBudget, type ReviewPrompt } from './review-prompt.js';

/**
 * The review loop shared by the model reviewers (`openai`, `codex`): one prompt per chunk, the answer
 * validated, usage summed. A chunk that fails does not stop the others, except a refused key (`auth`):
 * no other chunk is sent with it.
 */

export type ModelReply =
  | { readonly kind: 'text'; readonly text: string; readonly usage: ReviewUsage }
  | { readonly kind: 'refused'; readonly refusal: string; readonly usage: ReviewUsage }
  | { readonly kind: 'truncated'; readonly usage: ReviewUsage }
  | {
      readonly kind: 'failed';
      readonly failure: { readonly kind: ReviewFailureKind; readonly message: string; readonly status?: number };
      readonly usage: ReviewUsage;
    };

export type AskModel = (prompt: ReviewPrompt, request: HookRequest) => Promise<ModelReply>;

export const NO_USAGE: ReviewUsage = Object.freeze({ requests: 0, inputTokens: 0, outputTokens: 0, cachedTokens: 0 });

export function addUsage(a: ReviewUsage, b: ReviewUsage): ReviewUsage {
  return {
    requests: a.requests + b.requests,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cachedTokens: a.cachedTokens + b.cachedTokens,
  };
}

export async function reviewWithModel(
  chunks: readonly HookRequest[],
  context: ReviewContext,
  host: string,
  maxInputTokens: number,
  ask: AskModel,
): Promise<ReviewOutcome> {
  const promptOptions = context.description ? { description: context.description } : {};
  const requests = fitPromptBudget(chunks, maxInputTokens, promptOptions);
  const responses: ReviewOutcome['responses'] = [];
  let usage = NO_USAGE;
  let failed = 0;
  let first: Omit<ReviewFailure, 'failedChunks' | 'totalChunks'> | undefined;
  for (const [index, request] of requests.entries()) {
    const prompt = buildReviewPrompt(request, promptOptions);
    const reply = await ask(prompt, request);
    usage = addUsage(usage, reply.usage);
    const problem = readReply(reply, context.redact);
    if ('response' in problem) {
      responses.push({ request, response: problem.response });
      continue;
    }
    failed++;
    first ??= { ...problem, host };
    if (problem.kind === 'auth') {
      failed += requests.length - index - 1;
      break;
    }
  }
  const failure: ReviewFailure | undefined = first
    ? { ...first, failedChunks: failed, totalChunks: requests.length }
    : undefined;
  return { responses, exchanges: [], usage, ...(failure ? { failure } : {}) };
}

type ReadReply =
  | { readonly response: ReturnType<typeof parseModelAnswer> }
  | { readonly kind: ReviewFailureKind; readonly message: string; readonly status?: number };

function readReply(reply: ModelReply, redact?: (text: string) => string): ReadReply {
  switch (reply.kind) {
    case 'failed':
      return reply.failure;
    case 'refused':
      return { kind: 'refused', message: 'the model refused to review this part of the pull request' };
    case 'truncated':
      return {
        kind: 'truncated',
        message: 'the answer was cut at the output-token limit (max_output_tokens) and cannot be used',
      };
    default:
      try {
        return { response: parseModelAnswer(reply.text, redact) };
      } catch (error) {
        if (error instanceof ModelAnswerError) return { kind: 'invalid-response', message: error.message };
        throw error;
      }
  }
}
