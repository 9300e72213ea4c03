import type { UserPromptSubmitEvent } from '../codex-event.js';
import { blockingFindings, checkFiles, describeFindings, onText, textAsFile, type SessionContext } from '../checks.js';
import type { EventOutcome } from './outcome.js';

/** The name a prompt goes by in findings and path globs. */
export const PROMPT_NAME = '<prompt>';

/**
 * UserPromptSubmit → prompt.submitted over the prompt: the secret scan and the `pattern` hooks. A finding at
 * the gate's level blocks the prompt before anything is sent to the model.
 */
export async function handleUserPromptSubmit(event: UserPromptSubmitEvent, ctx: SessionContext): Promise<EventOutcome> {
  const result = await checkFiles([textAsFile(PROMPT_NAME, event.prompt)], onText, ctx);
  const blocking = blockingFindings(result.findings, ctx.failOn);
  const answer =
    blocking.length > 0
      ? {
          kind: 'block' as const,
          reason: describeFindings(
            'codex-hooks blocked this prompt before it reached the model. Edit the prompt and send it again:',
            blocking,
          ),
        }
      : { kind: 'allow' as const };
  return { answer, result, content: event.prompt };
}
