import type { HookEvent, HooksConfig, LoggerAction } from '../config/types.js';
import { hooksFor } from './run-actions.js';

/*
 * conversation.updated and hook.executed hooks only log: their `logger` actions are written by the audit stage
 * (src/pipeline/audit.ts) and by the Codex session hook, never run as validators.
 */

/** Logger actions of hooks subscribed to `event`, one per output. */
export function collectLoggers(config: HooksConfig, event: HookEvent): LoggerAction[] {
  const out = new Map<string, LoggerAction>();
  for (const hook of hooksFor(config, event)) {
    for (const a of hook.actions) if (a.type === 'logger' && !out.has(a.output)) out.set(a.output, a);
  }
  return [...out.values()];
}
