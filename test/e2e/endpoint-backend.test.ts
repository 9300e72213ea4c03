import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addedFile, FakeGitHub } from '../support/fake-github.js';
import { findCodexBinary } from '../support/codex-binary.js';
import { FakeResponsesApi, answerJson, execCommandItem } from '../support/fake-responses-api.js';
import { pullRequestEvent, ROOT, runAction, type ActionRun } from '../support/run-action.js';

/**
 * The action -> the real `codex-hooks hook-server --backend openai` process -> a loopback Responses API as
 * strict as the real one. The model key lives only in the server's environment; CI holds a scoped token.
 */

const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const run = promisify(execFile);
// Synthetic credentials, assembled at run time.
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');
const API_KEY = ['sk-proj-', 'e2eServerSideKey', '0123456789abcdef'].join('');

const appFile = addedFile('src/app.ts', [
  'export function start() {',
  '  console.log("starting");',
  '  return 1;',
  '}',
]);
const keyFile = addedFile('src/keys.ts', [`export const key = "${AWS_KEY}";`]);

const REVIEW = {
  summary: 'The model read the change: one leftover log line.',
  comments: [
    {
      path: 'src/app.ts',
      line: 2,
      start_line: null,
      severity: 'warning',
      title: 'Leftover console.log',
      body: 'Use the logger instead of console.log.',
      suggestion: '  logger.info("starting");',
    },
  ],
};

let dir: string;
let policy: string;
let auditLog: string;
let api: FakeResponsesApi;
let server: ChildProcess;
let serverUrl: string;
let serverLog = '';
let ciToken: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'backend-e2e-'));
  policy = path.join(dir, 'policy.yml');
  auditLog = path.join(dir, 'audit.jsonl');
  // The policy names the backend; the flag below picks the same one (the flag wins when they differ).
  await writeFile(policy, 'version: 1\nbackend: openai\n');
  ciToken = (await run(process.execPath, [CLI, 'token', 'create', '--id', 'ci', '--policy', policy])).stdout.trim();
  api = await new FakeResponsesApi({
    apiKey: API_KEY,
    turns: [answerJson(REVIEW, { input_tokens: 900, output_tokens: 40, cached_tokens: 100 })],
  }).start();
  server = spawn(
    process.execPath,
    [
      CLI,
      'hook-server',
      ...['--policy', policy, '--port', '0', '--audit-log', auditLog],
      ...['--backend', 'openai', '--model', 'gpt-test-model', '--base-url', api.baseUrl],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', OPENAI_API_KEY: API_KEY } },
  );
  server.stderr!.on('data', (d: Buffer) => (serverLog += d.toString()));
  serverUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    server.once('exit', (code) => reject(new Error(`hook-server exited ${code}: ${serverLog}`)));
  });
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await api?.stop();
});

async function review(codexToken: string): Promise<{ run: ActionRun; github: FakeGitHub }> {
  const github = await new FakeGitHub({ files: [appFile, keyFile] }).start();
  try {
    const result = await runAction({
      inputs: { 'github-token': 't', 'codex-token': codexToken, 'hook-url': serverUrl, 'hook-retries': '1' },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    return { run: result, github };
  } finally {
    await github.stop();
  }
}

describe('hook-server --backend openai, end to end', () => {
  it("the model's comments land on the pull request; no key or token in either process's logs", async () => {
    const { run: r, github } = await review(ciToken);

    // The model answered through the server: its comment is posted inline with the suggestion.
    const posted = github.reviews.flatMap((rv) => rv.comments);
    const comment = posted.find((c) => c.path === 'src/app.ts');
    expect(comment).toMatchObject({ line: 2 });
    expect(String(comment!.body)).toContain('```suggestion\n  logger.info("starting");\n```');
    expect(r.summary).toContain('The model read the change');
    expect(r.summary).not.toMatch(/did not run to completion/);
    // The local secret finding still fails the gate.
    expect(github.checkRuns[0]!.annotations.some((a) => a.path === 'src/keys.ts')).toBe(true);
    expect(r.outputs.conclusion).toBe('failure');

    // The Responses API saw the server's key in Authorization only, the model named, no raw secret.
    expect(api.accepted).toHaveLength(1);
    for (const request of api.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(request.raw).not.toContain(API_KEY);
      expect(request.raw).not.toContain(AWS_KEY);
      expect(request.raw).not.toContain(ciToken);
    }
    expect(api.accepted[0]!.body).toMatchObject({ model: 'gpt-test-model', store: false });
    expect(String(api.accepted[0]!.body!.input)).toContain('2|+  console.log("starting");');

    // The audit line names the backend, the model and its usage, never the token.
    const lines = (await readFile(auditLog, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          token_id: 'ci',
          status: 200,
          backend: 'openai',
          model: expect.stringContaining('gpt-test-model') as unknown,
          input_tokens: 900,
          output_tokens: 40,
          cached_tokens: 100,
          model_requests: 1,
          comment_count: 1,
        }),
      ]),
    );

    const actionOutput = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::')) // the runner's own mask commands, never shown
      .join('\n');
    for (const secret of [ciToken, API_KEY]) {
      expect(actionOutput + r.stderr + r.summary).not.toContain(secret);
      expect(serverLog).not.toContain(secret);
      expect(await readFile(auditLog, 'utf8')).not.toContain(secret);
    }
    expect(serverLog).toMatch(/"event":"listening".*"backend":"openai"/);
  });

  it('refuses to start a model backend without OPENAI_API_KEY in its environment (exit 2, no key flag)', async () => {
    const failed = await run(process.execPath, [CLI, 'hook-server', '--policy', policy, '--port', '0'], {
      env: { PATH: process.env.PATH ?? '' },
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(/the openai backend needs OPENAI_API_KEY in the server's environment/);
  });
});

const codex = findCodexBinary();

describe.skipIf(!codex.bin)(
  `hook-server --backend codex, with the real Codex CLI${codex.skipReason ? ` (${codex.skipReason})` : ''}`,
  () => {
    it("the review comes from Codex through the server; the agent's shell sees neither the key nor the CI token", async () => {
      const codexApi = await new FakeResponsesApi({
        apiKey: API_KEY,
        turns: [
          { kind: 'output', items: [execCommandItem('env; echo ---END---')] },
          answerJson(REVIEW, { input_tokens: 500, output_tokens: 30 }),
        ],
      }).start();
      const codexServer = spawn(
        process.execPath,
        [
          CLI,
          'hook-server',
          ...['--policy', policy, '--port', '0'],
          ...['--backend', 'codex', '--model', 'gpt-5.5', '--base-url', codexApi.baseUrl, '--model-timeout', '120'],
        ],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: {
            PATH: `${path.dirname(codex.bin!)}${path.delimiter}${process.env.PATH ?? ''}`,
            OPENAI_API_KEY: API_KEY,
          },
        },
      );
      let codexLog = '';
      codexServer.stderr!.on('data', (d: Buffer) => (codexLog += d.toString()));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let out = '';
          codexServer.stdout!.on('data', (d: Buffer) => {
            out += d.toString();
            if (out.includes('\n')) resolve(out.trim());
          });
          codexServer.once('exit', (code) => reject(new Error(`hook-server exited ${code}: ${codexLog}`)));
        });
        const github = await new FakeGitHub({ files: [appFile, keyFile] }).start();
        let r: ActionRun;
        try {
          r = await runAction({
            inputs: {
              'github-token': 't',
              'codex-token': ciToken,
              'hook-url': url,
              'hook-timeout': '150',
              'hook-retries': '0',
            },
            event: pullRequestEvent(),
            apiUrl: github.url,
          });
        } finally {
          await github.stop();
        }
        const posted = github.reviews.flatMap((rv) => rv.comments);
        expect(posted.find((c) => c.path === 'src/app.ts')).toMatchObject({ line: 2 });
        expect(r.summary).toContain('The model read the change');
        // What the agent's shell printed went back to the model in the second request.
        expect(codexApi.accepted).toHaveLength(2);
        const shellOutput = codexApi.accepted[1]!.raw;
        expect(shellOutput).toContain('---END---');
        for (const secret of [API_KEY, ciToken, AWS_KEY]) {
          expect(shellOutput).not.toContain(secret);
          expect(codexLog).not.toContain(secret);
        }
        expect(codexLog).toMatch(/"event":"listening".*"backend":"codex"/);
      } finally {
        if (codexServer.exitCode === null) {
          const exited = new Promise((resolve) => codexServer.once('exit', resolve));
          codexServer.kill('SIGTERM');
          await exited;
        }
        await codexApi.stop();
      }
    });
  },
);
