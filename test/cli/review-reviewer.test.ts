import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/main.js';
import { FakeResponsesApi, answerJson } from '../support/fake-responses-api.js';
import { expectAbsentEverywhere } from '../support/leaks.js';
import { hook, hooksYaml } from '../fixtures/hooks-config.js';

// Synthetic credentials, assembled at run time.
const API_KEY = ['sk-proj-', 'cliReviewerFake', '0123456789abcdef'].join('');
const PLANTED = ['AKIA', 'QW7RMZKX4WTJYP3L'].join('');

const dirs: string[] = [];
let api: FakeResponsesApi | undefined;
afterEach(async () => {
  await api?.stop();
  api = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A git repository whose working tree adds a file over its first commit; the config (with an audit log) is committed. */
function repository(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'codex-hooks-cli-reviewer-'));
  dirs.push(dir);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', ...args], { cwd: dir });
  git('init', '-q');
  mkdirSync(path.join(dir, '.github'));
  writeFileSync(
    path.join(dir, '.github', 'codex-hooks.yml'),
    hooksYaml(hook('audit', 'conversation.updated', { type: 'logger', output: 'logs/audit.jsonl' })),
  );
  writeFileSync(path.join(dir, 'README.md'), '# app\n');
  git('add', '.');
  git('commit', '-q', '-m', 'init');
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(path.join(dir, 'src', 'app.ts'), 'export function start() {\n  console.log("starting");\n}\n');
  git('add', 'src/app.ts');
  return dir;
}

function io(cwd: string, env: NodeJS.ProcessEnv) {
  const out = { stdout: '', stderr: '' };
  const value: CliIo = {
    stdout: { write: (s: string) => (out.stdout += s), isTTY: false },
    stderr: { write: (s: string) => (out.stderr += s), isTTY: false },
    env,
    cwd,
  };
  return { io: value, out };
}

/** The model's answer: a comment on the added line whose body quotes a token it made up. */
const ANSWER = {
  summary: `Looks fine; the deploy token is ${PLANTED}.`,
  comments: [
    {
      path: 'src/app.ts',
      line: 2,
      start_line: null,
      severity: 'warning',
      title: 'Leftover console.log',
      body: `Use the logger; and never commit ${PLANTED}.`,
      suggestion: null,
    },
  ],
};

describe('codex-hooks review --reviewer', () => {
  it('openai: reviews through the Responses API with the model and base URL given, the key from the environment', async () => {
    const cwd = repository();
    api = await new FakeResponsesApi({
      apiKey: API_KEY,
      turns: [answerJson(ANSWER, { input_tokens: 500, output_tokens: 60, cached_tokens: 100 })],
    }).start();
    const t = io(cwd, { OPENAI_API_KEY: API_KEY });
    const argv = ['review', '--base', 'HEAD', '--reviewer', 'openai', '--model', 'gpt-cli-test'];
    const code = await runCli([...argv, '--base-url', api.baseUrl, '--format', 'json'], t.io);

    // The token in the answer is a secret finding: the gate fails on it.
    expect(code).toBe(1);
    expect(api.accepted).toHaveLength(1);
    expect(api.accepted[0]!.body).toMatchObject({ model: 'gpt-cli-test' });
    expect(String(api.accepted[0]!.body!.input)).toContain('console.log("starting")');
    const report = JSON.parse(t.out.stdout) as { findings: { path: string; line: number }[]; ai?: unknown };
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'src/app.ts', line: 2, category: 'ai' }),
        expect.objectContaining({ path: 'src/app.ts', category: 'secret', ruleId: 'aws-access-key-id' }),
      ]),
    );
    expect(report.ai).toMatchObject({ usage: { requests: 1, inputTokens: 500, outputTokens: 60, cachedTokens: 100 } });

    // The token the model wrote is redacted before any output: stdout, stderr, the audit log.
    expect(t.out.stdout + t.out.stderr).toContain('[REDACTED');
    await expectAbsentEverywhere([PLANTED, API_KEY], { cli: t.out, files: [path.join(cwd, 'logs')] });
  });

  it('openai: --hook-timeout bounds each model request (an answer that never ends is given up)', async () => {
    const never = { kind: 'never-ending' } as const;
    api = await new FakeResponsesApi({ apiKey: API_KEY, turns: [never, never, never, never] }).start();
    const t = io(repository(), { OPENAI_API_KEY: API_KEY });
    const argv = ['review', '--base', 'HEAD', '--reviewer', 'openai', '--model', 'm', '--base-url', api.baseUrl];
    // Without the flag the CLI would wait 60 s per attempt, and vitest's hang guard would end the test.
    expect(await runCli([...argv, '--hook-timeout', '1'], t.io)).toBe(0);
    expect(t.out.stderr).toContain('did not answer in time');
    // The action's retries (hook-retries, 3): four attempts, each cut at the timeout.
    expect(api.requests).toHaveLength(4);
  });

  it("refuses a --hook-timeout out of range with the action's rule, naming the flag", async () => {
    const t = io(repository(), {});
    expect(await runCli(['review', '--base', 'HEAD', '--hook-timeout', '0'], t.io)).toBe(2);
    expect(t.out.stderr).toContain("--hook-timeout must be a whole number from 1 to 600; got '0'");
  });

  it('refuses an unknown reviewer, naming the choices', async () => {
    const t = io(repository(), {});
    expect(await runCli(['review', '--base', 'HEAD', '--reviewer', 'claude'], t.io)).toBe(2);
    expect(t.out.stderr).toMatch(/--reviewer must be one of endpoint, openai, codex; got 'claude'/);
  });

  it('skips the AI review, and says why, when OPENAI_API_KEY is not set (never a flag)', async () => {
    const t = io(repository(), {});
    const code = await runCli(['review', '--base', 'HEAD', '--reviewer', 'openai', '--model', 'm'], t.io);
    expect(code).toBe(0);
    expect(t.out.stderr).toMatch(/--reviewer openai but OPENAI_API_KEY is not set: the AI review is skipped/);
  });
});
