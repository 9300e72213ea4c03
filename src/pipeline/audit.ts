import { resolveInWorkspace } from '../core/workspace-path.js';
import { checkWritableInWorkspace, WorkspacePathError } from '../workspace-files.js';
import { appendAuditRecords, auditLogOptionsFor, includesMetadata } from '../audit/index.js';
import { ConfigurationError } from '../errors.js';
import type { HookEvent, HooksConfig, LoggerAction } from '../config/types.js';
import { createAuditRecord, type AuditContext } from '../endpoint/audit.js';
import type { HookExchange } from '../endpoint/client.js';
import { collectLoggers, type HookExecution } from '../hooks/index.js';
import type { ReviewFailure, ReviewUsage } from '../ports.js';

export interface AuditInput {
  readonly exchanges: readonly HookExchange[];
  readonly executions: readonly HookExecution[];
  /** Absent when the AI review did not run (no token): exchange records need it. */
  readonly context?: AuditContext;
  readonly now: () => Date;
  /** The model reviewer's run (openai, codex): its cost, as one line per run. */
  readonly modelReview?: ModelReviewAudit;
  /** Where an encrypting logger reads its key (CODEX_HOOKS_AUDIT_KEY or its `key_env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface ModelReviewAudit {
  /** `openai: gpt-… at host`, `codex: …`: the model and the server, never a key. */
  readonly reviewer: string;
  readonly usage: ReviewUsage;
  readonly failure?: ReviewFailure;
  readonly repository: string;
  readonly pullRequestNumber: number;
  readonly headSha: string;
}

/**
 * One line per model review: the requests and tokens it cost (input, output, cached) and how it ended. Without
 * metadata (`include_metadata: false`) the pull request is left out, the cost is kept.
 */
export function createModelReviewRecord(review: ModelReviewAudit, timestamp: string, includeMetadata: boolean) {
  return {
    timestamp,
    event: 'conversation.updated',
    source: 'model-review',
    reviewer: review.reviewer,
    outcome: review.failure ? review.failure.kind : 'completed',
    requests: review.usage.requests,
    input_tokens: review.usage.inputTokens,
    output_tokens: review.usage.outputTokens,
    cached_tokens: review.usage.cachedTokens,
    ...(includeMetadata
      ? { repository: review.repository, pull_request_number: review.pullRequestNumber, head_sha: review.headSha }
      : {}),
  };
}

/**
 * Writes the `logger` actions' outputs: one JSON line per endpoint exchange, and one per model review with its
 * token usage, for hooks on `conversation.updated`,
 * one per hook run for hooks on the other events. Relative outputs are resolved in the workspace, so a workflow
 * can upload them. Returns the paths written, first the first logger's.
 */
export async function writeAuditLogs(config: HooksConfig, workspace: string, input: AuditInput): Promise<string[]> {
  const byOutput = new Map<string, { logger: LoggerAction; records: object[] }>();
  const add = (logger: LoggerAction, records: object[]) => {
    const entry = byOutput.get(logger.output) ?? { logger, records: [] };
    entry.records.push(...records);
    byOutput.set(logger.output, entry);
  };
  const events: HookEvent[] = ['conversation.updated', 'prompt.submitted', 'response.generated', 'hook.executed'];
  for (const event of events) {
    for (const logger of collectLoggers(config, event)) {
      const metadata = includesMetadata(logger);
      if (event === 'conversation.updated') {
        const context = input.context;
        add(logger, context ? input.exchanges.map((e) => createAuditRecord(e, context, metadata)) : []);
        if (input.modelReview)
          add(logger, [createModelReviewRecord(input.modelReview, input.now().toISOString(), metadata)]);
      } else {
        const executions =
          event === 'hook.executed' ? input.executions : input.executions.filter((e) => e.event === event);
        add(
          logger,
          executions.map((e) => ({
            timestamp: input.now().toISOString(),
            event: event === 'hook.executed' ? 'hook.executed' : e.event,
            hook: e.hook,
            ...(metadata ? { hook_event: e.event, findings: e.findings, duration_ms: e.durationMs } : {}),
            error: e.error ?? null,
          })),
        );
      }
    }
  }
  const written: string[] = [];
  for (const [output, { logger, records }] of byOutput) {
    // The config may come from the pull request (config-ref: head): never write outside the workspace.
    const file = resolveInWorkspace(workspace, output);
    if (file === undefined) {
      throw new ConfigurationError(`logger output '${output}' is outside the workspace; use a relative path inside it`);
    }
    // The workspace is the pull request's checkout: a link it committed (the log, or a folder on the way)
    // must not redirect the append outside it.
    await checkWritableInWorkspace(workspace, file).catch((error) => {
      if (error instanceof WorkspacePathError) {
        throw new ConfigurationError(`logger output '${output}' cannot be written: ${error.message}`);
      }
      throw error;
    });
    await appendAuditRecords(auditLogOptionsFor(logger, file, input.env ?? {}), records);
    written.push(file);
  }
  return written;
}
