import type { CodexEventName } from './codex-event.js';

/**
 * What the hook tells Codex. `block` stops a prompt (UserPromptSubmit), sends the turn back to work (Stop) or
 * tells the model about a tool's output (PostToolUse); `deny` refuses a tool call (PreToolUse); `context`
 * adds text to the model's context (SessionStart).
 */
export type HookAnswer =
  | { readonly kind: 'allow' }
  | { readonly kind: 'block'; readonly reason: string }
  | { readonly kind: 'deny'; readonly reason: string }
  | { readonly kind: 'context'; readonly text: string };

export interface RenderedAnswer {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 2;
}

/** The answer in Codex's wire format for the event (docs/codex-hooks.md). */
export function renderAnswer(answer: HookAnswer, event: CodexEventName | undefined): RenderedAnswer {
  const json = (value: object): RenderedAnswer => ({ stdout: JSON.stringify(value) + '\n', stderr: '', exitCode: 0 });
  switch (answer.kind) {
    case 'allow':
      return { stdout: '', stderr: '', exitCode: 0 };
    case 'context':
      if (event === undefined) return { stdout: '', stderr: '', exitCode: 0 };
      return json({ hookSpecificOutput: { hookEventName: event, additionalContext: answer.text } });
    case 'deny':
      if (event === 'PreToolUse') {
        return json({
          hookSpecificOutput: {
            hookEventName: 'PreToolUse',
            permissionDecision: 'deny',
            permissionDecisionReason: answer.reason,
          },
        });
      }
      return blockAnswer(answer.reason, event);
    case 'block':
      return blockAnswer(answer.reason, event);
  }
}

function blockAnswer(reason: string, event: CodexEventName | undefined): RenderedAnswer {
  // Without a readable event, exit status 2 with the reason on stderr is the one answer every event reads as a block.
  if (event === undefined || event === 'SessionStart') return { stdout: '', stderr: reason + '\n', exitCode: 2 };
  if (event === 'PreToolUse') return renderAnswer({ kind: 'deny', reason }, event);
  return { stdout: JSON.stringify({ decision: 'block', reason }) + '\n', stderr: '', exitCode: 0 };
}
