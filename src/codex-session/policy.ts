import type { CodexEventName } from './codex-event.js';

/**
 * What happens when the hook itself fails (unreadable stdin, a config error, its own deadline):
 * `closed` blocks the prompt or denies the tool call, `open` lets Codex go on. Codex treats a hook that
 * crashes or times out as no opinion, so a closed event must answer before Codex's timeout does.
 */
export type FailureMode = 'open' | 'closed';

export interface CodexEventSetup {
  /** The failure mode when nothing is configured. */
  readonly onFailure: FailureMode;
  /** Codex's timeout for the hook (hooks.json `timeout`), seconds. */
  readonly timeoutSeconds: number;
  /** The hook's own deadline, seconds: before Codex's timeout, so the failure mode decides, not Codex. */
  readonly deadlineSeconds: number;
  /** hooks.json matcher: the shell and patch tools for tool events; none where Codex ignores it. */
  readonly matcher?: string;
}

/** The shell tool (`Bash`) and the patch tool (`apply_patch`, which Codex also matches as Edit and Write). */
export const TOOL_MATCHER = 'Bash|apply_patch';

export const CODEX_EVENT_SETUP: Readonly<Record<CodexEventName, CodexEventSetup>> = {
  SessionStart: { onFailure: 'open', timeoutSeconds: 30, deadlineSeconds: 25 },
  UserPromptSubmit: { onFailure: 'closed', timeoutSeconds: 30, deadlineSeconds: 25 },
  PreToolUse: { onFailure: 'closed', timeoutSeconds: 30, deadlineSeconds: 25, matcher: TOOL_MATCHER },
  PostToolUse: { onFailure: 'open', timeoutSeconds: 30, deadlineSeconds: 25, matcher: TOOL_MATCHER },
  // Linters run here: a longer budget.
  Stop: { onFailure: 'open', timeoutSeconds: 300, deadlineSeconds: 280 },
};

export type FailurePolicy = Readonly<Record<CodexEventName, FailureMode>>;

export function defaultFailurePolicy(): FailurePolicy {
  const entries = Object.entries(CODEX_EVENT_SETUP).map(([name, setup]) => [name, setup.onFailure]);
  return Object.fromEntries(entries) as Record<CodexEventName, FailureMode>;
}
