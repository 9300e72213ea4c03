import { describe, expect, it } from 'vitest';
import { CodexEventError, parseCodexEvent, sniffEventName } from '../../src/codex-session/codex-event.js';
import { postToolUse, preToolUse, sessionStart, stop, userPromptSubmit } from './payloads.js';

describe('parseCodexEvent', () => {
  it.each([
    ['SessionStart', sessionStart('/repo'), { name: 'SessionStart', source: 'startup', cwd: '/repo' }],
    [
      'UserPromptSubmit',
      userPromptSubmit('/repo', 'hello'),
      { name: 'UserPromptSubmit', prompt: 'hello', turnId: 'turn-1' },
    ],
    [
      'PreToolUse (shell)',
      preToolUse('/repo', 'Bash', 'ls -la'),
      { name: 'PreToolUse', toolName: 'Bash', command: 'ls -la', toolUseId: 'call_1' },
    ],
    [
      'PreToolUse (patch)',
      preToolUse('/repo', 'apply_patch', '*** Begin Patch\n*** End Patch\n'),
      { name: 'PreToolUse', toolName: 'apply_patch', command: '*** Begin Patch\n*** End Patch\n' },
    ],
    [
      'PostToolUse',
      postToolUse('/repo', 'echo hi', 'hi\n'),
      { name: 'PostToolUse', toolName: 'Bash', command: 'echo hi', toolResponse: 'hi\n' },
    ],
    ['Stop', stop('/repo', 'done', true), { name: 'Stop', stopHookActive: true, lastAssistantMessage: 'done' }],
  ])('reads %s', (_, text, expected) => {
    expect(parseCodexEvent(text)).toMatchObject({ sessionId: '01a2298d-4300-7eb2-8b2e-3c3250420d96', ...expected });
  });

  it.each([
    ['not JSON', 'nope', undefined],
    ['an array', '[]', undefined],
    ['an unknown event', JSON.stringify({ hook_event_name: 'Elsewhere', session_id: 's', cwd: '/' }), undefined],
    [
      'a prompt event without its prompt',
      JSON.stringify({ hook_event_name: 'UserPromptSubmit', session_id: 's', cwd: '/' }),
      'UserPromptSubmit',
    ],
    [
      'a tool event without a tool name',
      JSON.stringify({ hook_event_name: 'PreToolUse', session_id: 's', cwd: '/' }),
      'PreToolUse',
    ],
  ])('refuses %s, naming the event when it could read it', (_, text, event) => {
    let error: unknown;
    try {
      parseCodexEvent(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CodexEventError);
    expect((error as CodexEventError).kind).toBe('bad-stdin');
    expect((error as CodexEventError).event).toBe(event);
  });

  it('finds the event name in stdin that is not JSON', () => {
    expect(sniffEventName('{"hook_event_name": "PreToolUse", "cwd": ')).toBe('PreToolUse');
    expect(sniffEventName('garbage')).toBeUndefined();
  });
});
