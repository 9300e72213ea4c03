import type { StopEvent } from '../codex-event.js';
import {
  blockingFindings,
  checkFiles,
  checkOutput,
  describeFindings,
  mergeResults,
  onFiles,
  type SessionContext,
} from '../checks.js';
import type { EventOutcome } from './outcome.js';

export const ASSISTANT_MESSAGE_NAME = '<assistant message>';

/**
 * Stop → response.generated over the last assistant message, plus the secret scan and the `command` hooks
 * (linters) over the files changed since the session started. Findings at the gate's level send Codex back to
 * work with the reason, once: when Codex says this turn already went back (`stop_hook_active`), the findings
 * are logged and the turn ends, so a hook can never loop forever.
 */
export async function handleStop(event: StopEvent, ctx: SessionContext): Promise<EventOutcome> {
  const message = await checkOutput(ASSISTANT_MESSAGE_NAME, event.lastAssistantMessage, ctx);
  const changes = await ctx.ports.sessionChanges(event.sessionId);
  const result = mergeResults(message, await checkFiles(changes, onFiles('secret-scan', 'command'), ctx));
  const blocking = blockingFindings(result.findings, ctx.failOn);
  const content = event.lastAssistantMessage;
  if (blocking.length === 0) return { answer: { kind: 'allow' }, result, content };
  if (event.stopHookActive) {
    const note = `stop_hook_active: the turn already went back once; ${blocking.length} finding(s) remain and are only logged`;
    return { answer: { kind: 'allow' }, result: { ...result, notes: [...result.notes, note] }, content };
  }
  const reason = describeFindings(
    "codex-hooks: the session's changes do not pass the repository's checks (.github/codex-hooks.yml) yet. Fix these, then finish:",
    blocking,
  );
  return { answer: { kind: 'block', reason }, result, content };
}
