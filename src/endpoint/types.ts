import type { HookComment, Severity } from '../core/types.js';

/** The protocol's comment is declared in core: the response.generated hooks read it too. */
export type { HookComment };

/** Protocol v1 (docs/hook-protocol.md): what the action POSTs to the Codex hook endpoint. */
export interface HookRequest {
  readonly version: '1';
  readonly event: 'prompt.submitted';
  /** `pull_request_<action>` or `local_review`. */
  readonly event_type: string;
  readonly repository: string;
  readonly pull_request_number: number;
  readonly pull_request: {
    readonly title: string;
    readonly head_sha: string;
    readonly base_sha: string;
    readonly head_ref: string;
    readonly base_ref: string;
    readonly author: string;
    readonly draft: boolean;
  };
  readonly files: readonly HookRequestFile[];
  readonly findings: readonly HookRequestFinding[];
  readonly memory: readonly { readonly source: string; readonly content: string }[];
  readonly metadata: HookRequestMetadata;
}

export interface HookRequestFile {
  readonly path: string;
  readonly previous_path: string | null;
  readonly status: string;
  readonly additions: number;
  readonly deletions: number;
  /** Redacted: each secret replaced by `[REDACTED:<rule-id>]`. */
  readonly patch: string;
}

export interface HookRequestFinding {
  readonly rule_id: string;
  readonly path: string;
  readonly line: number;
  readonly severity: Severity;
  readonly message: string;
}

export interface HookRequestMetadata {
  readonly triggered_by: string;
  readonly timestamp: string;
  readonly run_id?: string;
  readonly run_attempt?: string;
  readonly workflow?: string;
  readonly actor?: string;
  readonly chunk: HookChunk;
}

/** Where a request sits in a pull request split into several requests. */
export interface HookChunk {
  readonly index: number;
  readonly total: number;
  /** Set when a 413 made the action halve the chunk: `1`/`2` for the halves, `1.2` for the second half of the first half. */
  readonly part?: string;
}

/** Protocol v1: the endpoint's answer, after schema validation. */
export interface HookResponse {
  readonly comments: readonly HookComment[];
  readonly summary?: string;
  readonly verdict?: 'approve' | 'comment' | 'request_changes';
}
