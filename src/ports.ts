import type { HookExchange, HookFailure } from './hook/client.js';
import type { HookRequest, HookResponse } from './hook/types.js';

/**
 * Ports: what the pipeline needs from the outside world, declared apart from the adapters that implement
 * them. Only adapters and the composition root import adapters.
 */

/** Which backend produces the AI review. */
export type ReviewerKind = 'endpoint' | 'openai' | 'codex';

/** Tokens a model reported and the calls made, for the audit log, the JSON report and the job summary. */
export interface ReviewUsage {
  readonly requests: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cachedTokens: number;
}

/** Why a chunk was not reviewed: the endpoint's reasons, and a model's. */
export type ReviewFailureKind =
  | HookFailure['kind']
  /** The model declined to answer. */
  | 'refused'
  /** The answer stopped at the output-token limit. */
  | 'truncated'
  /** No answer within the timeout (the Codex process group is killed). */
  | 'timeout';

export interface ReviewFailure extends Omit<HookFailure, 'kind'> {
  readonly kind: ReviewFailureKind;
}

export interface ReviewOutcome {
  /** One per request that was answered. */
  readonly responses: { readonly request: HookRequest; readonly response: HookResponse }[];
  /** HTTP attempts of the endpoint reviewer (the model reviewers record none). */
  readonly exchanges: HookExchange[];
  /** Set when at least one request was not reviewed; the answers of the others are kept. */
  readonly failure?: ReviewFailure;
  /** Set by the model reviewers. */
  readonly usage?: ReviewUsage;
}

/** What a reviewer may read besides the requests: the redacted head version of a file sent for review. */
export interface ReviewContext {
  readonly readRedactedHeadFile?: (path: string) => Promise<string | undefined>;
  /** The pull request's description, redacted (untrusted). */
  readonly description?: string;
  /** Applied to every text of an answer quoted in a message. */
  readonly redact?: (text: string) => string;
}

/**
 * The AI review backend: redacted protocol v1 requests in (PR, patches, local findings, memories), protocol
 * v1 answers out. Implementations: src/reviewers/ (endpoint, openai, codex).
 */
export interface Reviewer {
  readonly kind: ReviewerKind;
  /** Where the review goes, for logs and the summary: a host, or the model and its host. */
  readonly target: string;
  /** The largest protocol v1 request (serialized bytes) one call takes; larger pull requests are chunked. */
  readonly maxRequestBytes: number;
  review(requests: readonly HookRequest[], context: ReviewContext): Promise<ReviewOutcome>;
}
