import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCodexBinary } from '../support/codex-binary.js';
import { addedFile, FakeGitHub } from '../support/fake-github.js';
import { FakeResponsesApi, answerJson, execCommandItem, type ResponsesTurn } from '../support/fake-responses-api.js';
import { pullRequestEvent, runAction, type ActionRun } from '../support/run-action.js';

// Synthetic credentials, assembled at run time.
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');
const API_KEY = ['sk-proj-', 'codexE2eFakeKey', 'fedcba9876543210'].join('');

const appFile = addedFile('src/app.ts', [
  'export function start() {',
  '  console.log("starting");',
  '  return 1;',
  '}',
]);
const keysFile = addedFile('src/keys.ts', [`export const key = "${AWS_KEY}";`, 'export const region = "eu-west-1";']);

const REVIEW = {
  summary: 'Codex looked at the change.',
  comments: [
    {
      path: 'src/app.ts',
      line: 2,
      start_line: null,
      severity: 'warning',
      title: 'Leftover console.log',
      body: 'Use the logger.',
      suggestion: '  logger.info("starting");',
    },
  ],
};

const codex = findCodexBinary();

let github: FakeGitHub | undefined;
let api: FakeResponsesApi | undefined;
afterEach(async () => {
  await github?.stop();
  await api?.stop();
  github = api = undefined;
});

/** The checked-out head, as actions/checkout leaves it: the raw secret is in the workspace. */
async function workspaceWithHead(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'codex-workspace-'));
  await mkdir(path.join(dir, 'src'));
  await writeFile(
    path.join(dir, 'src/app.ts'),
    'export function start() {\n  console.log("starting");\n  return 1;\n}\n',
  );
  await writeFile(
    path.join(dir, 'src/keys.ts'),
    `export const key = "${AWS_KEY}";\nexport const region = "eu-west-1";\n`,
  );
  await writeFile(path.join(dir, 'README.md'), 'not part of the change\n');
  return dir;
}

async function reviewWithCodex(baseUrl: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    workspace: await workspaceWithHead(),
    inputs: {
      'github-token': 't',
      reviewer: 'codex',
      model: 'gpt-5.5',
      'openai-base-url': baseUrl,
      'secret-action': 'redact',
      'hook-timeout': '120',
      'hook-retries': '0',
      ...inputs,
    },
    // The key as the README shows it: an environment variable of the step. Codex on PATH.
    env: {
      OPENAI_API_KEY: API_KEY,
      PATH: `${path.dirname(codex.bin!)}${path.delimiter}${process.env.PATH ?? ''}`,
    },
    event: pullRequestEvent(),
    apiUrl: github!.url,
  });
}

describe.skipIf(!codex.bin)(
  `the codex reviewer with the real Codex CLI${codex.skipReason ? ` (${codex.skipReason})` : ''}`,
  () => {
    it('posts the review on the right lines; the agent saw neither the key nor a raw secret', async () => {
      github = await new FakeGitHub({ files: [appFile, keysFile] }).start();
      const turns: ResponsesTurn[] = [
        // The agent looks around: its environment and every file of its folder.
        {
          kind: 'output',
          items: [execCommandItem('env; echo ---FILES---; find . -type f; cat src/keys.ts src/app.ts')],
          usage: { input_tokens: 900, output_tokens: 80, cached_tokens: 100 },
        },
        answerJson(REVIEW, { input_tokens: 900, output_tokens: 80, cached_tokens: 100 }),
      ];
      api = await new FakeResponsesApi({ apiKey: API_KEY, turns }).start();
      const run = await reviewWithCodex(api.baseUrl);

      expect(api.accepted).toHaveLength(2);
      const first = api.accepted[0]!.body!;
      expect(first).toMatchObject({
        stream: true,
        store: false,
        text: { format: { type: 'json_schema', strict: true } },
      });
      // The review's instructions replace the agent's, and only the shell is offered (and apply_patch, which
      // Codex adds for models it knows; the sandbox is read-only): a request carries the change and little
      // else (bytes per byte of diff, measured by BENCH=reviewers).
      const tools = (first.tools as { name?: string; type: string }[]).map((t) => t.name ?? t.type);
      expect(tools).toContain('exec_command');
      expect(tools.filter((t) => !['exec_command', 'write_stdin', 'apply_patch'].includes(t))).toEqual([]);
      const messages = first.input as { role?: string; content?: { text?: string }[] }[];
      const said = (role: string) =>
        messages.filter((m) => m.role === role).flatMap((m) => (m.content ?? []).map((c) => c.text ?? ''));
      expect(said('developer').join('\n')).toContain('You are a senior engineer reviewing a pull request.');
      expect(said('developer').join('\n')).not.toMatch(/coding agent|skills_instructions/);
      expect(said('user').join('\n')).toContain('Pull request #');
      expect(said('user').join('\n')).not.toContain('You are a senior engineer');
      // What the agent's shell printed comes back in the second request.
      const toolOutput = api.accepted[1]!.raw;
      expect(toolOutput).toContain('---FILES---');
      expect(toolOutput).toContain('./src/app.ts');
      expect(toolOutput).toContain('./src/keys.ts');
      // Only the files sent for review: nothing else of the workspace.
      expect(toolOutput).not.toContain('README.md');
      expect(toolOutput).toContain('[REDACTED:');
      expect(toolOutput).not.toContain(AWS_KEY);
      expect(toolOutput).not.toContain(API_KEY);
      expect(toolOutput).not.toContain('GITHUB_');
      for (const request of api.requests) {
        expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
        expect(request.raw).not.toContain(API_KEY);
        expect(request.raw).not.toContain(AWS_KEY);
      }

      // The gate fails on the secret (an error), not on the AI review.
      expect(run.code).toBe(1);
      expect(run.stdout).not.toMatch(/did not run to completion/);
      expect(run.stdout).toMatch(/Codex CLI: .*codex \(on PATH\)/);
      const comment = github.reviews.flatMap((r) => r.comments).find((c) => c.path === 'src/app.ts');
      expect(comment).toMatchObject({ line: 2 });
      expect(String(comment!.body)).toContain('```suggestion\n  logger.info("starting");\n```');
      expect(run.summary).toContain('Codex looked at the change.');
      expect(run.summary).toMatch(
        /AI review by codex .*2 model requests, 1,800 input tokens \(200 cached\), 160 output tokens/,
      );
    });

    it('a provider that refuses connections ends within the timeout with a clear message', async () => {
      github = await new FakeGitHub({ files: [appFile] }).start();
      const port = await closedPort();
      const run = await reviewWithCodex(`http://127.0.0.1:${port}/v1`, { 'hook-timeout': '15' });
      expect(run.code).toBe(0);
      expect(run.summary).toMatch(/AI review did not run to completion/);
      expect(run.stdout).toMatch(
        new RegExp(
          `AI review did not complete: .*model provider at 127\\.0\\.0\\.1:${port} could not be reached \\(ECONNREFUSED\\)`,
        ),
      );
      const logs = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
      expect(logs.join('\n')).not.toContain(API_KEY);
    });

    it('a provider whose answer never ends: the Codex process group is killed at the timeout, with a clear message', async () => {
      github = await new FakeGitHub({ files: [appFile] }).start();
      api = await new FakeResponsesApi({ apiKey: API_KEY, turns: [{ kind: 'never-ending' }] }).start();
      const run = await reviewWithCodex(api.baseUrl, { 'hook-timeout': '10' });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /AI review did not complete: the Codex CLI did not finish within 10 s and was stopped/,
      );
      expect(run.summary).toMatch(/AI review did not run to completion/);
    });
  },
);

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
