export type * from './types.js';
export {
  buildHookRequests,
  describeLostContent,
  splitRequest,
  splitPatchIntoHunks,
  measureRequest,
  formatTruncationMarker,
  MIN_MAX_BYTES,
  type HookPayload,
  type HookPayloadInput,
  type PayloadCut,
  type PayloadCutKind,
  type Hunk,
} from './payload.js';
export {
  parseHookResponse,
  partitionComments,
  quoteExcerpt,
  HookResponseError,
  type ParseHookResponseOptions,
  type PartitionedComments,
} from './response.js';
export {
  inspectToken,
  fingerprintToken,
  validateHookUrl,
  isLoopbackHost,
  HOOK_SCOPES,
  ROTATION_NOTICE_DAYS,
  type TokenInspection,
  type TokenProblem,
  type TokenProblemLevel,
} from './token.js';
export {
  callHookEndpoint,
  computeIdempotencyKey,
  computeBackoff,
  parseRetryAfter,
  DEFAULT_MAX_RESPONSE_BYTES,
  type HookClientOptions,
  type HookCallResult,
  type HookExchange,
  type HookFailure,
  type HookFailureKind,
} from './client.js';
export { createAuditRecord, type AuditContext, type AuditRecord } from './audit.js';
export { requestSchemaValidator, responseSchemaValidator, describeSchemaErrors } from './schema.js';
