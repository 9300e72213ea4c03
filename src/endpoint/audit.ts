import type { HookExchange } from './client.js';
import type { HookChunk } from './types.js';

/** The audit log of the `logger` action: one JSON line per exchange with the endpoint. Never the token. */

export interface AuditContext {
  /** The hooks-config event the record is written for. Default `conversation.updated`. */
  readonly event?: string;
  readonly repository: string;
  readonly pullRequestNumber: number;
  readonly headSha: string;
  /** `inspectToken(...).fingerprint`: a short hash, never the token. */
  readonly tokenFingerprint: string;
  readonly tokenScopes?: readonly string[];
}

export interface AuditRecord {
  readonly timestamp: string;
  readonly event: string;
  readonly repository: string;
  readonly pull_request_number: number;
  readonly head_sha: string;
  readonly token_fingerprint: string;
  readonly token_scopes: readonly string[] | null;
  readonly chunk: HookChunk;
  readonly attempt: number;
  readonly status: number | null;
  readonly outcome: HookExchange['outcome'];
  readonly error: string | null;
  readonly latency_ms: number;
  readonly request_bytes: number;
  readonly request_sha256: string;
  readonly idempotency_key: string;
  readonly comment_count: number;
}

/** Without metadata (`include_metadata: false`): what happened, not who or what was sent. */
export type AuditRecordCore = Pick<
  AuditRecord,
  'timestamp' | 'event' | 'status' | 'outcome' | 'error' | 'comment_count'
>;

/** Pure: built field by field from known values, so nothing else can slip in. */
export function createAuditRecord(exchange: HookExchange, context: AuditContext): AuditRecord;
export function createAuditRecord(
  exchange: HookExchange,
  context: AuditContext,
  includeMetadata: boolean,
): AuditRecord | AuditRecordCore;
export function createAuditRecord(
  exchange: HookExchange,
  context: AuditContext,
  includeMetadata = true,
): AuditRecord | AuditRecordCore {
  if (!includeMetadata) {
    return {
      timestamp: exchange.timestamp,
      event: context.event ?? 'conversation.updated',
      status: exchange.status,
      outcome: exchange.outcome,
      error: exchange.error ?? null,
      comment_count: exchange.commentCount,
    };
  }
  return {
    timestamp: exchange.timestamp,
    event: context.event ?? 'conversation.updated',
    repository: context.repository,
    pull_request_number: context.pullRequestNumber,
    head_sha: context.headSha,
    token_fingerprint: context.tokenFingerprint,
    token_scopes: context.tokenScopes ? [...context.tokenScopes] : null,
    chunk: exchange.chunk,
    attempt: exchange.attempt,
    status: exchange.status,
    outcome: exchange.outcome,
    error: exchange.error ?? null,
    latency_ms: exchange.latencyMs,
    request_bytes: exchange.requestBytes,
    request_sha256: exchange.requestSha256,
    idempotency_key: exchange.idempotencyKey,
    comment_count: exchange.commentCount,
  };
}
