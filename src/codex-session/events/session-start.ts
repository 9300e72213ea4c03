import { redactText } from '../../core/findings/redactor.js';
import type { SessionStartEvent } from '../codex-event.js';
import { checkFiles, onFiles, type SessionContext } from '../checks.js';
import type { EventOutcome } from './outcome.js';

/**
 * SessionStart → the `memory` hooks: their sources (coding standards, architecture notes), within their byte
 * budget, become the session's additional context. The session's starting point is recorded for Stop.
 */
export async function handleSessionStart(event: SessionStartEvent, ctx: SessionContext): Promise<EventOutcome> {
  await ctx.ports.recordSessionStart(event.sessionId);
  const result = await checkFiles([], onFiles('memory'), ctx);
  if (result.memory.length === 0) return { answer: { kind: 'allow' }, result, content: '' };
  const sections = result.memory.map((m) => `## ${m.source}\n\n${m.content.trimEnd()}`).join('\n\n');
  // A memory file is sent to the model: a key pasted into one must not go with it.
  const text = redactText(`Repository memory from codex-hooks (.github/codex-hooks.yml):\n\n${sections}`, []);
  return {
    answer: { kind: 'context', text },
    result,
    content: `memory: ${result.memory.map((m) => m.source).join(', ')}`,
  };
}
