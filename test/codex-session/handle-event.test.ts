import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandRunner } from '../../src/ports.js';
import type { HooksConfig } from '../../src/config/types.js';
import type { ChangedFile } from '../../src/core/types.js';
import { ConfigurationError } from '../../src/errors.js';
import { createRecordingLogger } from '../../src/logger.js';
import { answerCodexHook, type HookDependencies } from '../../src/codex-session/handle-event.js';
import { parseCodexHookSettings } from '../../src/codex-session/settings.js';
import { hook, hooksConfig, NO_FORCE_PUSH } from '../fixtures/hooks-config.js';
import { AWS_KEY, postToolUse, preToolUse, sessionStart, stop, userPromptSubmit } from './payloads.js';

const CONFIG = hooksConfig(
  NO_FORCE_PUSH,
  hook('license', 'prompt.submitted', { type: 'pattern', pattern: 'SPDX', mode: 'require' }),
  hook('protected', 'prompt.submitted', { type: 'path', forbid: ['.github/workflows/**'], severity: 'error' }),
  hook('lint', 'prompt.submitted', { type: 'command', run: ['lint'], format: 'unix', severity: 'error' }, ['**/*.txt']),
  hook('standards', 'prompt.submitted', { type: 'memory', sources: ['STANDARDS.md'] }),
  hook('audit', 'conversation.updated', { type: 'logger', output: 'audit.jsonl' }),
);

interface Fixture {
  readonly config?: HooksConfig | Error;
  readonly files?: Record<string, string>;
  readonly changes?: ChangedFile[];
  readonly lint?: string;
}

function deps(fixture: Fixture = {}): HookDependencies & { commands: string[][]; started: string[] } {
  const commands: string[][] = [];
  const started: string[] = [];
  const runCommand: CommandRunner = async (argv) => {
    commands.push([...argv]);
    return {
      exitCode: fixture.lint ? 1 : 0,
      stdout: fixture.lint ?? '',
      stderr: '',
      timedOut: false,
      truncated: false,
    };
  };
  return {
    commands,
    started,
    findRoot: (cwd) => cwd,
    loadConfig: async () => {
      if (fixture.config instanceof Error) throw fixture.config;
      return { config: fixture.config ?? CONFIG, source: 'test' };
    },
    createPorts: () => ({
      runCommand,
      readRepositoryFile: async (p) => fixture.files?.[p],
      logger: createRecordingLogger(),
      now: () => new Date(0),
      recordSessionStart: async (id) => void started.push(id),
      sessionChanges: async () => fixture.changes ?? [],
    }),
    now: () => new Date(0),
  };
}

const settings = (...argv: string[]) => parseCodexHookSettings(argv, {}, '/home/dev');

function answer(stdout: string) {
  return JSON.parse(stdout) as Record<string, unknown> & {
    reason?: string;
    hookSpecificOutput?: Record<string, string>;
  };
}

describe('UserPromptSubmit → prompt.submitted over the prompt', () => {
  it('blocks a prompt with a cloud key, naming the rule and the hint, never the value', async () => {
    const run = await answerCodexHook(userPromptSubmit('/repo', `deploy with ${AWS_KEY} please`), settings(), deps());
    expect(run.rendered.exitCode).toBe(0);
    const out = answer(run.rendered.stdout);
    expect(out.decision).toBe('block');
    expect(out.reason).toContain('<prompt>:1: AWS access key ID found (AKIA…) [aws-access-key-id]');
    expect(JSON.stringify(run)).not.toContain(AWS_KEY);
  });

  it('blocks an error-level pattern, lets a clean prompt through, and never applies a require pattern to a prompt', async () => {
    const forced = await answerCodexHook(userPromptSubmit('/repo', 'then git push --force'), settings(), deps());
    expect(answer(forced.rendered.stdout).reason).toMatch(/\[no-force-push\].*/);
    expect(answer(forced.rendered.stdout).reason).toContain('push without --force');
    const clean = await answerCodexHook(userPromptSubmit('/repo', 'rename the helper'), settings(), deps());
    expect(clean.rendered).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('lets a warning through unless --fail-on warning', async () => {
    const warn = hooksConfig(hook('todo', 'prompt.submitted', { type: 'pattern', pattern: 'TODO' }));
    const prompt = userPromptSubmit('/repo', 'add a TODO');
    expect((await answerCodexHook(prompt, settings(), deps({ config: warn }))).rendered.stdout).toBe('');
    const strict = await answerCodexHook(prompt, settings('--fail-on', 'warning'), deps({ config: warn }));
    expect(answer(strict.rendered.stdout).decision).toBe('block');
  });
});

describe('PreToolUse → prompt.submitted over what the tool writes or runs', () => {
  it('denies a patch that adds a key, with the file and line', async () => {
    const patch = `*** Begin Patch\n*** Add File: src/config.ts\n+// settings\n+export const awsKeyId = "${AWS_KEY}";\n*** End Patch\n`;
    const run = await answerCodexHook(preToolUse('/repo', 'apply_patch', patch), settings(), deps());
    const out = answer(run.rendered.stdout).hookSpecificOutput!;
    expect(out.hookEventName).toBe('PreToolUse');
    expect(out.permissionDecision).toBe('deny');
    expect(out.permissionDecisionReason).toContain('src/config.ts:2: ');
    expect(out.permissionDecisionReason).toContain('AKIA…');
    expect(JSON.stringify(run)).not.toContain(AWS_KEY);
  });

  it('denies a patch to a forbidden path and a forbidden command; allows the rest', async () => {
    const workflow = '*** Begin Patch\n*** Add File: .github/workflows/ci.yml\n+on: push\n*** End Patch\n';
    const denied = await answerCodexHook(preToolUse('/repo', 'apply_patch', workflow), settings(), deps());
    expect(answer(denied.rendered.stdout).hookSpecificOutput!.permissionDecisionReason).toContain(
      '.github/workflows/ci.yml',
    );
    const push = await answerCodexHook(preToolUse('/repo', 'Bash', 'git push --force origin main'), settings(), deps());
    expect(answer(push.rendered.stdout).hookSpecificOutput!.permissionDecisionReason).toContain('<command>:1');
    const ok = await answerCodexHook(preToolUse('/repo', 'Bash', 'npm test'), settings(), deps());
    expect(ok.rendered.stdout).toBe('');
  });

  it('reads a heredoc as the file it writes: the key is found at its line in that file', async () => {
    const command = `cat > deploy/.env <<'EOF'\nREGION=eu-west-1\nAWS_ACCESS_KEY_ID=${AWS_KEY}\nEOF\necho ok`;
    const run = await answerCodexHook(preToolUse('/repo', 'Bash', command), settings(), deps());
    const reason = answer(run.rendered.stdout).hookSpecificOutput!.permissionDecisionReason!;
    expect(reason).toContain('deploy/.env:2: AWS access key ID found (AKIA…)');
    expect(reason).not.toContain('<command>'); // found once, in the file
  });
});

describe('PostToolUse → response.generated over the output', () => {
  it('tells the model a command printed a secret, masked', async () => {
    const run = await answerCodexHook(
      postToolUse('/repo', 'env', `HOME=/root\nAWS_ACCESS_KEY_ID=${AWS_KEY}\n`),
      settings(),
      deps(),
    );
    const out = answer(run.rendered.stdout);
    expect(out.decision).toBe('block');
    expect(out.reason).toContain('Do not repeat');
    expect(out.reason).toContain('AKIA…');
    expect(JSON.stringify(run)).not.toContain(AWS_KEY);
  });
});

describe('Stop → the last message and the linters on the session’s changes', () => {
  const changes: ChangedFile[] = [
    { path: 'notes.txt', status: 'added', additions: 1, deletions: 0, content: 'TODO\n' },
  ];

  it('sends Codex back once with the linter’s finding, then lets it stop', async () => {
    const fixture = { changes, lint: 'notes.txt:1: error: unfinished TODO\n' };
    const d = deps(fixture);
    const first = await answerCodexHook(stop('/repo', 'All done.'), settings(), d);
    expect(d.commands).toEqual([['lint', 'notes.txt']]);
    const out = answer(first.rendered.stdout);
    expect(out.decision).toBe('block');
    expect(out.reason).toContain('notes.txt:1: unfinished TODO [lint]');
    const again = await answerCodexHook(stop('/repo', 'Still done.', true), settings(), deps(fixture));
    expect(again.rendered.stdout).toBe('');
    expect(JSON.stringify(again.audit?.record)).toContain('stop_hook_active');
  });

  it('stops when the linter passes', async () => {
    const run = await answerCodexHook(stop('/repo', 'All done.'), settings(), deps({ changes }));
    expect(run.rendered.stdout).toBe('');
  });
});

describe('SessionStart → memory', () => {
  it('adds the memory sources as context, and records where the session started', async () => {
    const d = deps({ files: { 'STANDARDS.md': '# Standards\nUse the logger.\n' } });
    const run = await answerCodexHook(sessionStart('/repo'), settings(), d);
    const out = answer(run.rendered.stdout).hookSpecificOutput!;
    expect(out.hookEventName).toBe('SessionStart');
    expect(out.additionalContext).toContain('## STANDARDS.md');
    expect(out.additionalContext).toContain('Use the logger.');
    expect(d.started).toEqual(['01a2298d-4300-7eb2-8b2e-3c3250420d96']);
  });
});

describe('the hook’s own failure', () => {
  afterEach(() => void vi.useRealTimers());

  it('fails closed on stdin it cannot read: exit 2 and a reason when the event is unknown', async () => {
    const run = await answerCodexHook('{"hook_event_name": "UserPrompt', settings(), deps());
    expect(run.rendered.exitCode).toBe(2);
    expect(run.rendered.stderr).toContain('codex-hooks could not check this event and fails closed (bad-stdin');
  });

  it('fails closed for prompts and tool calls, open for the rest, on a config error', async () => {
    const broken = {
      config: new ConfigurationError('hooks[0].events[0] must be one of …', '.github/codex-hooks.yml:4:14'),
    };
    const prompt = await answerCodexHook(userPromptSubmit('/repo', 'hi'), settings(), deps(broken));
    expect(answer(prompt.rendered.stdout).reason).toContain('(config: .github/codex-hooks.yml:4:14');
    const tool = await answerCodexHook(preToolUse('/repo', 'Bash', 'ls'), settings(), deps(broken));
    expect(answer(tool.rendered.stdout).hookSpecificOutput!.permissionDecision).toBe('deny');
    const post = await answerCodexHook(postToolUse('/repo', 'ls', 'a'), settings(), deps(broken));
    expect(post.rendered.stdout).toBe('');
    expect(post.rendered.stderr).toContain('fails open');
  });

  it('follows --fail-open and --fail-closed', async () => {
    const broken = { config: new ConfigurationError('bad') };
    const open = await answerCodexHook(
      userPromptSubmit('/repo', 'hi'),
      settings('--fail-open', 'UserPromptSubmit'),
      deps(broken),
    );
    expect(open.rendered.stdout).toBe('');
    const closed = await answerCodexHook(stop('/repo', 'x'), settings('--fail-closed', 'all'), deps(broken));
    expect(answer(closed.rendered.stdout).decision).toBe('block');
    expect(() => settings('--fail-open', 'Sometimes')).toThrow(/takes Codex events .* got 'Sometimes'/);
  });

  it('answers by the failure mode when its deadline passes', async () => {
    vi.useFakeTimers();
    const d = deps({ changes: [{ path: 'a.txt', status: 'added', additions: 1, deletions: 0, content: 'x\n' }] });
    const slow: HookDependencies = {
      ...d,
      createPorts: (root) => ({ ...d.createPorts(root), runCommand: () => new Promise(() => {}) }),
    };
    const pending = answerCodexHook(stop('/repo', 'done'), settings('--fail-closed', 'Stop'), slow);
    await vi.advanceTimersByTimeAsync(300_000);
    const run = await pending;
    expect(answer(run.rendered.stdout).reason).toContain('(timeout: no answer within its deadline');
  });
});

describe('the audit record', () => {
  it('is one redacted line: the content with the key replaced, the finding with its hint', async () => {
    const run = await answerCodexHook(userPromptSubmit('/repo', `key ${AWS_KEY}`), settings(), deps());
    const record = run.audit!.record as Record<string, unknown>;
    expect(record).toMatchObject({
      event: 'conversation.updated',
      codex_event: 'UserPromptSubmit',
      decision: 'block',
      content: 'key [REDACTED:aws-access-key-id]',
      findings: [{ rule_id: 'aws-access-key-id', path: '<prompt>', line: 1, hint: 'AKIA…' }],
    });
    expect(JSON.stringify(record)).not.toContain(AWS_KEY);
  });
});
