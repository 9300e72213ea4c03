import { afterEach, describe, expect, it } from 'vitest';
import { addedFile, FakeGitHub, type FakePullFile } from '../support/fake-github.js';
import { FakeResponsesApi, answerJson, type ResponsesTurn } from '../support/fake-responses-api.js';
import { pullRequestEvent, runAction, type ActionRun } from '../support/run-action.js';

// Synthetic credentials, assembled at run time.
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');
const API_KEY = ['sk-proj-', 'e2eFakeResponsesKey', '0123456789abcdef'].join('');

const appFile = addedFile('src/app.ts', [
  'export function start() {',
  '  console.log("starting");',
  '  return 1;',
  '}',
]);
const keysFile = addedFile('src/keys.ts', [`export const key = "${AWS_KEY}";`, 'export const region = "eu-west-1";']);

const REVIEW = {
  summary: 'The change adds a start function; one leftover log line.',
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

let github: FakeGitHub | undefined;
let api: FakeResponsesApi | undefined;
afterEach(async () => {
  await github?.stop();
  await api?.stop();
  github = api = undefined;
});

async function review(
  turns: ResponsesTurn[],
  inputs: Record<string, string> = {},
  files: FakePullFile[] = [appFile, keysFile],
): Promise<ActionRun> {
  github = await new FakeGitHub({ files }).start();
  api = await new FakeResponsesApi({ apiKey: API_KEY, turns }).start();
  return runAction({
    inputs: {
      'github-token': 't',
      reviewer: 'openai',
      model: 'gpt-test-model',
      'openai-api-key': API_KEY,
      'openai-base-url': api.baseUrl,
      'secret-action': 'redact',
      'hook-retries': '1',
      ...inputs,
    },
    event: pullRequestEvent(),
    apiUrl: github.url,
  });
}

/** What a person could see: logs (without the runner's add-mask commands), summary, outputs. */
function visible(run: ActionRun): string {
  const stdout = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  return [stdout, run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n');
}

function expectKeyOnlyInAuthorization(): void {
  for (const request of api!.requests) {
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.raw).not.toContain(API_KEY);
    const otherHeaders = Object.entries(request.headers).filter(([name]) => name !== 'authorization');
    expect(JSON.stringify(otherHeaders)).not.toContain(API_KEY);
  }
}

describe('the openai reviewer (Responses API), through dist/ against a loopback Responses API', () => {
  it('posts the model comments inline with suggestions, the summary and the usage; no raw secret and the key only in Authorization', async () => {
    const run = await review([answerJson(REVIEW, { input_tokens: 1234, output_tokens: 56, cached_tokens: 1000 })]);
    // The gate fails on the secret in src/keys.ts (an error), not on the AI review.
    expect(run.code).toBe(1);
    expect(visible(run)).not.toMatch(/did not run to completion/);
    expect(api!.accepted).toHaveLength(1);
    const body = api!.accepted[0]!.body!;
    expect(body).toMatchObject({
      model: 'gpt-test-model',
      store: false,
      text: { format: { type: 'json_schema', strict: true, name: 'code_review' } },
    });
    // The prompt: new-file line numbers, the untrusted diff fenced, the redacted secret.
    expect(String(body.input)).toContain('2|+  console.log("starting");');
    expect(String(body.input)).toContain('[REDACTED:');
    for (const request of api!.requests) expect(request.raw).not.toContain(AWS_KEY);
    expectKeyOnlyInAuthorization();

    const posted = github!.reviews.flatMap((r) => r.comments);
    const comment = posted.find((c) => c.path === 'src/app.ts');
    expect(comment).toMatchObject({ line: 2 });
    expect(String(comment!.body)).toContain('```suggestion\n  logger.info("starting");\n```');
    expect(run.summary).toContain('The change adds a start function');
    expect(run.summary).toMatch(
      /AI review by openai .*1 model requests, 1,234 input tokens \(1,000 cached\), 56 output tokens/,
    );
    expect(visible(run)).not.toContain(API_KEY);
    expect(visible(run)).not.toContain(AWS_KEY);
  });

  it('waits as Retry-After says on 429, then completes; both requests counted', async () => {
    const run = await review([{ kind: 'rate-limited', retryAfterSeconds: 1 }, answerJson(REVIEW)], {}, [appFile]);
    expect(run.code).toBe(0);
    expect(api!.accepted).toHaveLength(2);
    expect(run.summary).toMatch(/2 model requests/);
    expect(github!.reviews.flatMap((r) => r.comments).some((c) => c.path === 'src/app.ts')).toBe(true);
    expectKeyOnlyInAuthorization();
  });

  it.each<[string, ResponsesTurn[], Record<string, string>, RegExp]>([
    ['500 on every attempt', [{ kind: 'server-error' }, { kind: 'server-error' }], {}, /answered HTTP 500/],
    [
      'a body that never ends',
      [{ kind: 'never-ending' }, { kind: 'never-ending' }],
      { 'hook-timeout': '2' },
      /did not answer in time/,
    ],
    ['invalid JSON', [{ kind: 'invalid-json' }, { kind: 'invalid-json' }], {}, /not JSON/],
    [
      'a schema-violating answer',
      [answerJson({ comments: [{ path: 'src/app.ts', line: 'two' }] })],
      {},
      /does not match the review schema/,
    ],
    [
      'an answer cut at max_output_tokens',
      [{ kind: 'truncated', partialText: '{"summary":"The chan' }],
      {},
      /output-token limit/,
    ],
    ['a refusal', [{ kind: 'refusal', refusal: 'I cannot help with that.' }], {}, /refused/],
  ])('%s: a clear message, the local findings and the gate intact', async (_name, turns, inputs, message) => {
    const run = await review(turns, inputs);
    expect(run.code).toBe(1); // the secret in src/keys.ts is an error: the gate fails on it, as without AI
    expect(visible(run)).toMatch(message);
    expect(visible(run)).toMatch(/AI review did not run to completion/);
    const annotations = github!.checkRuns[0]!.annotations;
    expect(annotations.some((a) => a.path === 'src/keys.ts')).toBe(true);
    expect(github!.reviews.flatMap((r) => r.comments).some((c) => c.path === 'src/app.ts')).toBe(false);
    expect(visible(run)).not.toContain(API_KEY);
    expectKeyOnlyInAuthorization();
  });

  it('with on-hook-error: fail, a model failure fails the step even when the gate passes', async () => {
    const run = await review([{ kind: 'invalid-json' }, { kind: 'invalid-json' }], { 'on-hook-error': 'fail' }, [
      appFile,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::AI review did not run \(on-hook-error: fail\)/);
  });
});
