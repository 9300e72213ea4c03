import { resolveInWorkspace, writeInWorkspace, WorkspacePathError } from '../adapters/workspace.js';
import { ConfigurationError } from '../errors.js';
import type { HookEvent, HooksConfig } from '../config/types.js';
import { createAuditRecord, formatAuditLog, type AuditContext } from '../hook/audit.js';
import type { HookExchange } from '../hook/client.js';
import { collectLoggers, type HookExecution } from '../hooks/engine.js';

export interface AuditInput {
  readonly exchanges: readonly HookExchange[];
  readonly executions: readonly HookExecution[];
  /** Absent when the AI review did not run (no token): exchange records need it. */
  readonly context?: AuditContext;
  readonly now: () => Date;
}

/**
 * Writes the `logger` actions' outputs: one JSON line per endpoint exchange for hooks on `conversation.updated`,
 * one per hook run for hooks on the other events. Relative outputs are resolved in the workspace, so a workflow
 * can upload them. Returns the paths written, first the first logger's.
 */
export async function writeAuditLogs(config: HooksConfig, workspace: string, input: AuditInput): Promise<string[]> {
  const byOutput = new Map<string, { gzip: boolean; records: object[] }>();
  const add = (output: string, gzip: boolean, records: object[]) => {
    const entry = byOutput.get(output) ?? { gzip, records: [] };
    entry.records.push(...records);
    byOutput.set(output, entry);
  };
  const events: HookEvent[] = ['conversation.updated', 'prompt.submitted', 'response.generated', 'hook.executed'];
  for (const event of events) {
    for (const logger of collectLoggers(config, event)) {
      if (event === 'conversation.updated') {
        const context = input.context;
        add(
          logger.output,
          logger.gzip === true,
          context ? input.exchanges.map((e) => createAuditRecord(e, context)) : [],
        );
      } else {
        const executions =
          event === 'hook.executed' ? input.executions : input.executions.filter((e) => e.event === event);
        add(
          logger.output,
          logger.gzip === true,
          executions.map((e) => ({
            timestamp: input.now().toISOString(),
            event: event === 'hook.executed' ? 'hook.executed' : e.event,
            hook: e.hook,
            hook_event: e.event,
            findings: e.findings,
            duration_ms: e.durationMs,
            error: e.error ?? null,
          })),
        );
      }
    }
  }
  const written: string[] = [];
  for (const [output, { gzip, records }] of byOutput) {
    // The config may come from the pull request (config-ref: head): never write outside the workspace.
    const file = resolveInWorkspace(workspace, output);
    if (file === undefined) {
      throw new ConfigurationError(`logger output '${output}' is outside the workspace; use a relative path inside it`);
    }
    // The workspace is the pull request's checkout: a link it committed must not redirect the append.
    if (records.length > 0) {
      await writeInWorkspace(workspace, file, formatAuditLog(records, { gzip }), { append: true }).catch((error) => {
        if (error instanceof WorkspacePathError) {
          throw new ConfigurationError(`logger output '${output}' cannot be written: ${error.message}`);
        }
        throw error;
      });
    }
    written.push(file);
  }
  return written;
}
