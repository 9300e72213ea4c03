import { execFileSync, spawn } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, realpath, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCodexBinary } from '../support/codex-binary.js';
import {
  FakeResponsesApi,
  answerText,
  applyPatchItem,
  execCommandItem,
  type ResponsesTurn,
} from '../support/fake-responses-api.js';
import { ROOT } from '../support/run-action.js';
import { hook, hooksYaml, NO_FORCE_PUSH } from '../fixtures/hooks-config.js';

/**
 * The real Codex CLI with the hooks `codex-hooks init codex` writes, trusted the way a user trusts them (the
 * printed trusted hashes in a private CODEX_HOME config.toml), against a loopback Responses API.
 */

const codex = findCodexBinary();
const API_KEY = 'sk-local-test';
/** Synthetic credentials, assembled so no scanner flags this file. */
const AWS_KEY = ['AKIA', 'ZXCVBNMLKJHGFDSA'].join('');
const MEMORY = 'Always write unit tests with table-driven cases (memory marker 7f3a).';

const CONFIG = hooksYaml(
  NO_FORCE_PUSH,
  hook(
    'todo-lint',
    'prompt.submitted',
    { type: 'command', run: ['node', 'lint.mjs'], format: 'unix', severity: 'error' },
    ['**/*.txt'],
  ),
  hook('standards', 'prompt.submitted', { type: 'memory', sources: ['docs/standards.md'] }),
  hook('audit', 'conversation.updated', { type: 'logger', output: '.codex-hooks/audit.jsonl' }),
);

const LINTER = `import { readFileSync } from 'node:fs';
let failed = false;
for (const file of process.argv.slice(2)) {
  readFileSync(file, 'utf8').split('\\n').forEach((line, i) => {
    if (line.includes('TODO')) { console.log(\`\${file}:\${i + 1}: error: unfinished TODO, finish it\`); failed = true; }
  });
}
process.exit(failed ? 1 : 0);
`;

interface Session {
  readonly repo: string;
  readonly home: string;
  readonly api: FakeResponsesApi;
}

let api: FakeResponsesApi | undefined;
afterEach(async () => {
  await api?.stop();
  api = undefined;
});

async function setUp(turns: ResponsesTurn[]): Promise<Session> {
  api = await new FakeResponsesApi({ apiKey: API_KEY, turns }).start();
  const home = await realpath(await mkdtemp(path.join(os.tmpdir(), 'codex-home-')));
  const repo = await realpath(await mkdtemp(path.join(os.tmpdir(), 'codex-repo-')));
  await mkdir(path.join(repo, '.github'));
  await mkdir(path.join(repo, 'docs'));
  await writeFile(path.join(repo, '.github', 'codex-hooks.yml'), CONFIG);
  await writeFile(path.join(repo, 'docs', 'standards.md'), `# Standards\n\n${MEMORY}\n`);
  await writeFile(path.join(repo, 'lint.mjs'), LINTER);
  await writeFile(path.join(repo, '.gitignore'), '.codex-hooks/\n');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
  git('init', '-q');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'start');
  await writeFile(
    path.join(home, 'config.toml'),
    [
      'model = "gpt-5.5"',
      'model_provider = "local"',
      'check_for_update_on_startup = false',
      '[model_providers.local]',
      'name = "loopback"',
      `base_url = "${api.baseUrl}"`,
      'wire_api = "responses"',
      'env_key = "LOCAL_API_KEY"',
      'request_max_retries = 0',
      'stream_max_retries = 0',
      '',
    ].join('\n'),
  );
  // The hooks as a user installs them, and the trust `init codex` prints for config.toml.
  const command = `"${process.execPath}" "${path.join(ROOT, 'dist', 'codex-hook', 'index.js')}"`;
  const printed = execFileSync(
    process.execPath,
    [path.join(ROOT, 'dist', 'cli', 'index.js'), 'init', 'codex', '--command', command],
    { cwd: repo, env: { PATH: process.env.PATH, HOME: home, CODEX_HOME: home }, encoding: 'utf8' },
  );
  const toml = printed.slice(printed.indexOf('[projects.'), printed.indexOf('A trusted hash'));
  expect(toml).toContain('trusted_hash = "sha256:');
  await appendFile(path.join(home, 'config.toml'), `\n${toml}`);
  return { repo, home, api };
}

async function runCodex(
  session: Session,
  prompt: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(codex.bin!, ['exec', '--sandbox', 'workspace-write', '--ephemeral', '-'], {
    cwd: session.repo,
    env: {
      PATH: process.env.PATH,
      HOME: session.home,
      CODEX_HOME: session.home,
      LOCAL_API_KEY: API_KEY,
      SHELL: '/bin/sh',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdin.end(prompt);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  // Codex waits for minutes on a provider that does not answer: the whole process group goes on a hang.
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 240_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

interface AuditLine {
  codex_event: string;
  decision: string;
  reason: string | null;
  content: string;
  findings: { rule_id: string; path: string; line: number }[];
  notes: string[];
}

async function auditLines(session: Session): Promise<{ raw: string; lines: AuditLine[] }> {
  const raw = await readFile(path.join(session.repo, '.codex-hooks', 'audit.jsonl'), 'utf8');
  return {
    raw,
    lines: raw
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditLine),
  };
}

describe.skipIf(!codex.bin)(
  `codex-hooks as the real Codex CLI's hooks${codex.skipReason ? ` (${codex.skipReason})` : ''}`,
  () => {
    it('blocks a prompt holding a cloud key: the model server receives no request', async () => {
      const session = await setUp([answerText('should never be asked')]);
      const run = await runCodex(session, `Deploy with the key ${AWS_KEY} to production.`);
      expect(run.code).toBe(0); // Codex says nothing of the block: the hook's audit line does
      expect(session.api.requests).toHaveLength(0);
      const { raw, lines } = await auditLines(session);
      expect(lines.map((l) => [l.codex_event, l.decision])).toEqual([
        ['SessionStart', 'context'],
        ['UserPromptSubmit', 'block'],
      ]);
      expect(lines[1]!.findings).toMatchObject([{ rule_id: 'aws-access-key-id', path: '<prompt>', line: 1 }]);
      expect(lines[1]!.content).toContain('[REDACTED:aws-access-key-id]');
      expect(raw).not.toContain(AWS_KEY);
    });

    it('denies a patch that writes a key and a forbidden command; the file is never written; memory reached the model', async () => {
      const patch = `*** Begin Patch\n*** Add File: config/prod.env\n+REGION=eu-west-1\n+AWS_ACCESS_KEY_ID=${AWS_KEY}\n*** End Patch\n`;
      const session = await setUp([
        { kind: 'output', items: [applyPatchItem(patch, 'call_patch')] },
        { kind: 'output', items: [execCommandItem('git push --force origin main', 'call_push')] },
        answerText('I could not do either; stopping here.'),
      ]);
      const run = await runCodex(session, 'Add the production settings and push them.');
      expect(run.code).toBe(0);
      expect(existsSync(path.join(session.repo, 'config', 'prod.env'))).toBe(false);
      const requests = session.api.accepted;
      expect(requests).toHaveLength(3);
      // SessionStart's memory is in the model's context from the first request.
      expect(requests[0]!.raw).toContain('memory marker 7f3a');
      expect(requests[1]!.raw).toContain('Command blocked by PreToolUse hook');
      expect(requests[1]!.raw).toContain('config/prod.env:2: AWS access key ID found (AKIA…) [aws-access-key-id]');
      expect(requests[2]!.raw).toContain('Command blocked by PreToolUse hook');
      expect(requests[2]!.raw).toContain('[no-force-push]');
      // The model wrote the key itself, so the history it gets back holds it; the hook's reason never does.
      const reason = requests[1]!.raw.slice(requests[1]!.raw.indexOf('Command blocked by PreToolUse hook'));
      expect(reason.slice(0, reason.indexOf('. Command:'))).not.toContain(AWS_KEY);
      const { raw, lines } = await auditLines(session);
      expect(lines.map((l) => [l.codex_event, l.decision])).toEqual([
        ['SessionStart', 'context'],
        ['UserPromptSubmit', 'allow'],
        ['PreToolUse', 'deny'],
        ['PreToolUse', 'deny'],
        ['Stop', 'allow'],
      ]);
      expect(raw).not.toContain(AWS_KEY);
    });

    it('sends a turn that stops with a failing linter back once with the finding, then ends', async () => {
      const patch = '*** Begin Patch\n*** Add File: notes.txt\n+first line\n+TODO: the rest\n*** End Patch\n';
      const session = await setUp([
        { kind: 'output', items: [applyPatchItem(patch, 'call_notes')] },
        answerText('Notes written.'),
        answerText('The TODO stays for now.'),
      ]);
      const run = await runCodex(session, 'Write the release notes file please.');
      expect(run.code).toBe(0);
      expect(existsSync(path.join(session.repo, 'notes.txt'))).toBe(true);
      const requests = session.api.accepted;
      expect(requests).toHaveLength(3);
      expect(requests[2]!.raw).toContain('notes.txt:2: unfinished TODO, finish it [todo-lint]');
      const { lines } = await auditLines(session);
      const stops = lines.filter((l) => l.codex_event === 'Stop');
      expect(stops.map((l) => l.decision)).toEqual(['block', 'allow']);
      expect(stops[1]!.notes.join(' ')).toContain('stop_hook_active');
    });
  },
);
