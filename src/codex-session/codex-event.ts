/**
 * The events the Codex CLI sends its command hooks on stdin, as Codex 0.171 sends them (docs/codex-hooks.md).
 * Every event has `session_id`, `cwd` and `hook_event_name`; the fields below are the ones this product reads.
 */

export const CODEX_EVENTS = ['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'Stop'] as const;
export type CodexEventName = (typeof CODEX_EVENTS)[number];

interface CommonFields {
  readonly sessionId: string;
  readonly turnId?: string;
  /** The session's working directory: the repository whose config governs it. */
  readonly cwd: string;
  readonly model?: string;
}

export interface SessionStartEvent extends CommonFields {
  readonly name: 'SessionStart';
  /** `startup`, `resume`, `clear`… */
  readonly source?: string;
}

export interface UserPromptSubmitEvent extends CommonFields {
  readonly name: 'UserPromptSubmit';
  readonly prompt: string;
}

export interface ToolUseFields {
  /** `Bash` for shell commands, `apply_patch` for patches; other tools pass through. */
  readonly toolName: string;
  /** The shell command, or the whole patch text for `apply_patch`. */
  readonly command: string;
  readonly toolUseId?: string;
}

export interface PreToolUseEvent extends CommonFields, ToolUseFields {
  readonly name: 'PreToolUse';
}

export interface PostToolUseEvent extends CommonFields, ToolUseFields {
  readonly name: 'PostToolUse';
  /** What the tool printed (exit code, wall time and output, as one string). */
  readonly toolResponse: string;
}

export interface StopEvent extends CommonFields {
  readonly name: 'Stop';
  /** True when this turn already continued once because a Stop hook blocked: never block again. */
  readonly stopHookActive: boolean;
  readonly lastAssistantMessage: string;
}

export type CodexEvent = SessionStartEvent | UserPromptSubmitEvent | PreToolUseEvent | PostToolUseEvent | StopEvent;

/** Why stdin could not be read as a Codex event; `event` is set when at least the event's name was readable. */
export class CodexEventError extends Error {
  override readonly name = 'CodexEventError';
  readonly kind = 'bad-stdin';
  constructor(
    message: string,
    readonly event?: CodexEventName,
  ) {
    super(message);
  }
}

function isEventName(value: unknown): value is CodexEventName {
  return typeof value === 'string' && (CODEX_EVENTS as readonly string[]).includes(value);
}

/**
 * Reads one event. Unknown events and missing fields are errors (the caller applies the failure policy);
 * extra fields are ignored, so a newer Codex that adds some keeps working.
 */
export function parseCodexEvent(text: string): CodexEvent {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CodexEventError(`stdin is not JSON (${text.length} characters)`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new CodexEventError('stdin is not a JSON object');
  const o = data as Record<string, unknown>;
  const name = o.hook_event_name;
  if (!isEventName(name)) {
    throw new CodexEventError(
      `hook_event_name must be one of ${CODEX_EVENTS.join(', ')}; got ${typeof name === 'string' ? `'${name.slice(0, 40)}'` : typeof name}`,
    );
  }
  const field = (key: string, required = true): string | undefined => {
    const v = o[key];
    if (typeof v === 'string') return v;
    if (v === undefined || v === null) {
      if (required) throw new CodexEventError(`${name}: the field '${key}' is missing`, name);
      return undefined;
    }
    throw new CodexEventError(`${name}: the field '${key}' must be a string; got ${typeof v}`, name);
  };
  const turnId = field('turn_id', false);
  const model = field('model', false);
  const common: CommonFields = {
    sessionId: field('session_id')!,
    cwd: field('cwd')!,
    ...(turnId !== undefined ? { turnId } : {}),
    ...(model !== undefined ? { model } : {}),
  };
  switch (name) {
    case 'SessionStart': {
      const source = field('source', false);
      return { name, ...common, ...(source !== undefined ? { source } : {}) };
    }
    case 'UserPromptSubmit':
      return { name, ...common, prompt: field('prompt')! };
    case 'PreToolUse':
      return { name, ...common, ...toolFields(o, name) };
    case 'PostToolUse':
      return { name, ...common, ...toolFields(o, name), toolResponse: stringify(o.tool_response) };
    case 'Stop':
      return {
        name,
        ...common,
        stopHookActive: o.stop_hook_active === true,
        lastAssistantMessage: field('last_assistant_message', false) ?? '',
      };
  }
}

function toolFields(o: Record<string, unknown>, name: CodexEventName): ToolUseFields {
  const toolName = o.tool_name;
  if (typeof toolName !== 'string') throw new CodexEventError(`${name}: the field 'tool_name' is missing`, name);
  const input = o.tool_input;
  // Codex sends `{command}` for shell commands and for apply_patch; other tools' inputs are read as text.
  const command =
    typeof input === 'object' && input !== null && typeof (input as { command?: unknown }).command === 'string'
      ? (input as { command: string }).command
      : stringify(input);
  const toolUseId = typeof o.tool_use_id === 'string' ? o.tool_use_id : undefined;
  return { toolName, command, ...(toolUseId !== undefined ? { toolUseId } : {}) };
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return JSON.stringify(value);
}

/** The event's name from stdin that is otherwise unreadable, to pick the failure policy. */
export function sniffEventName(text: string): CodexEventName | undefined {
  const m = /"hook_event_name"\s*:\s*"([A-Za-z]+)"/.exec(text);
  return m && isEventName(m[1]) ? m[1] : undefined;
}
