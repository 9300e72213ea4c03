/** Stdin payloads in the shapes Codex 0.171 sends its command hooks (recorded from the real binary). */
export const SESSION = {
  session_id: '01a2298d-4300-7eb2-8b2e-3c3250420d96',
  transcript_path: '/home/dev/.codex/sessions/rollout.jsonl',
  model: 'gpt-5.5',
  permission_mode: 'default',
};

export function sessionStart(cwd: string) {
  return JSON.stringify({ ...SESSION, cwd, hook_event_name: 'SessionStart', source: 'startup' });
}

export function userPromptSubmit(cwd: string, prompt: string) {
  return JSON.stringify({ ...SESSION, turn_id: 'turn-1', cwd, hook_event_name: 'UserPromptSubmit', prompt });
}

export function preToolUse(cwd: string, toolName: 'Bash' | 'apply_patch', command: string) {
  return JSON.stringify({
    ...SESSION,
    turn_id: 'turn-1',
    cwd,
    hook_event_name: 'PreToolUse',
    tool_name: toolName,
    tool_input: { command },
    tool_use_id: 'call_1',
  });
}

export function postToolUse(cwd: string, command: string, response: string) {
  return JSON.stringify({
    ...SESSION,
    turn_id: 'turn-1',
    cwd,
    hook_event_name: 'PostToolUse',
    tool_name: 'Bash',
    tool_input: { command },
    tool_response: response,
    tool_use_id: 'call_1',
  });
}

export function stop(cwd: string, message: string, active = false) {
  return JSON.stringify({
    ...SESSION,
    turn_id: 'turn-1',
    cwd,
    hook_event_name: 'Stop',
    stop_hook_active: active,
    last_assistant_message: message,
  });
}

/** Synthetic credentials, assembled so no scanner flags this file. */
export const AWS_KEY = ['AKIA', 'QWERTYUIOPASDFGH'].join('');
