import { afterEach, describe, expect, it } from 'vitest';
import { buildHookRequests } from '../../src/endpoint/payload.js';
import type { HookRequest } from '../../src/endpoint/types.js';
import { createOpenAiReviewer } from '../../src/reviewers/openai-reviewer.js';
import { makeInput } from '../endpoint/fixtures.js';
import { FakeResponsesApi, answerJson } from '../support/fake-responses-api.js';

const API_KEY = ['azure-', 'e2eFakeKey', '0123456789abcdef'].join('');

/** One protocol v1 request, built as the pipeline builds it. */
const REQUEST: HookRequest = buildHookRequests(
  makeInput({
    files: [
      {
        path: 'src/app.ts',
        previous_path: null,
        status: 'added',
        additions: 2,
        deletions: 0,
        patch: '@@ -0,0 +1,2 @@\n+export const a = 1;\n+console.log(a);',
      },
    ],
  }),
  500_000,
).requests[0]!;

const ANSWER = {
  summary: 'Adds a constant; one leftover log line.',
  comments: [
    {
      path: 'src/app.ts',
      line: 2,
      start_line: null,
      severity: 'warning',
      title: 'Leftover console.log',
      body: 'Use the logger.',
      suggestion: null,
    },
  ],
};

/** The AzureOpenAI client at `{resource}/openai/v1`, as docs/ai-review.md says to configure it. */
function azureReviewer(api: FakeResponsesApi) {
  return createOpenAiReviewer({
    apiKey: API_KEY,
    model: 'review-deployment',
    baseUrl: api.baseUrl.replace(/\/v1$/, '/openai/v1'),
    azureApiVersion: '2025-04-01-preview',
    timeoutMs: 30_000,
    retries: 0,
    maxInputTokens: 50_000,
    maxOutputTokens: 4_000,
  });
}

let api: FakeResponsesApi | undefined;
afterEach(async () => {
  await api?.stop();
  api = undefined;
});

describe('the openai reviewer with Azure OpenAI (the AzureOpenAI client class)', () => {
  it('posts to the resource v1 path with api-version, the key in api-key only, the deployment as the model', async () => {
    api = await new FakeResponsesApi({
      apiKey: API_KEY,
      azure: true,
      turns: [answerJson(ANSWER, { input_tokens: 300, output_tokens: 40, cached_tokens: 0 })],
    }).start();
    const reviewer = azureReviewer(api);
    const outcome = await reviewer.review([REQUEST], {});

    expect(outcome.failure).toBeUndefined();
    expect(outcome.responses[0]!.response.comments).toEqual([expect.objectContaining({ path: 'src/app.ts', line: 2 })]);
    expect(outcome.usage).toMatchObject({ requests: 1, inputTokens: 300, outputTokens: 40 });
    const [request] = api.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/openai/v1/responses' });
    expect(new URLSearchParams(request!.query).get('api-version')).toBe('2025-04-01-preview');
    expect(request!.body).toMatchObject({ model: 'review-deployment', store: false });
    // Azure's header, not a bearer token; and the key nowhere else.
    expect(request!.headers['api-key']).toBe(API_KEY);
    expect(request!.headers.authorization).toBeUndefined();
    const elsewhere = Object.entries(request!.headers).filter(([name]) => name !== 'api-key');
    expect(JSON.stringify(elsewhere) + request!.raw + request!.query).not.toContain(API_KEY);
  });

  it('is refused by a server that wants a bearer token, and says so without the key', async () => {
    api = await new FakeResponsesApi({ apiKey: API_KEY, turns: [answerJson(ANSWER)] }).start();
    const reviewer = azureReviewer(api);
    const outcome = await reviewer.review([REQUEST], {});
    expect(outcome.failure?.kind).toBe('auth');
    expect(JSON.stringify(outcome)).not.toContain(API_KEY);
  });
});
