import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { findCodexBinary } from './codex-binary.js';
import {
  FakeResponsesApi,
  answerJson,
  answerText,
  checkCreateResponse,
  execCommandItem,
  type ResponsesTurn,
} from './fake-responses-api.js';

const KEY = 'sk-fake-test-key-0001';
const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['summary'],
  properties: { summary: { type: 'string' } },
};

let api: FakeResponsesApi | undefined;
afterEach(async () => {
  await api?.stop();
  api = undefined;
});

async function start(turns: ResponsesTurn[]): Promise<FakeResponsesApi> {
  api = await new FakeResponsesApi({ apiKey: KEY, turns }).start();
  return api;
}

function client(key = KEY): OpenAI {
  return new OpenAI({ apiKey: key, baseURL: api!.baseUrl, maxRetries: 0, timeout: 5_000 });
}

const structured = { format: { type: 'json_schema' as const, name: 'review', strict: true, schema: SCHEMA } };

describe('FakeResponsesApi with the official openai package', () => {
  it('answers a structured-output request with a completed Response and records it', async () => {
    await start([answerJson({ summary: 'ok' }, { input_tokens: 10, output_tokens: 3, cached_tokens: 4 })]);
    const response = await client().responses.create({
      model: 'gpt-test',
      input: 'hello',
      text: structured,
      store: false,
    });
    expect(response.status).toBe('completed');
    expect(JSON.parse(response.output_text)).toEqual({ summary: 'ok' });
    expect(response.usage).toMatchObject({
      input_tokens: 10,
      output_tokens: 3,
      input_tokens_details: { cached_tokens: 4 },
    });
    expect(api!.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(api!.requests[0]!.body).toMatchObject({ model: 'gpt-test', input: 'hello', store: false });
  });

  it('refuses a wrong key with 401 and never echoes it', async () => {
    await start([answerText('x')]);
    const error = await client('sk-wrong-key')
      .responses.create({ model: 'm', input: 'i' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(String((error as Error).message)).not.toContain('sk-wrong-key');
    expect(api!.accepted).toHaveLength(0);
  });

  it.each([
    [{ model: 'm', input: 'i', bogus: 1 }, 'unknown_parameter', 'bogus'],
    [{ input: 'i' }, 'missing_required_parameter', 'model'],
    [{ model: 'm', input: 'i', stream: 'yes' }, 'invalid_type', 'stream'],
    [{ model: 'm', input: 'i', temperature: 3 }, 'invalid_value', 'temperature'],
    [{ model: 'm', input: 'i', max_output_tokens: 1.5 }, 'invalid_type', 'max_output_tokens'],
    [{ model: 'm', input: [{ role: 'robot', content: 'x' }] }, 'invalid_value', 'input[0].role'],
    [
      { model: 'm', input: 'i', text: { format: { type: 'json_schema', name: 'bad name!', schema: SCHEMA } } },
      'invalid_value',
      'text.format.name',
    ],
    [
      {
        model: 'm',
        input: 'i',
        text: {
          format: {
            type: 'json_schema',
            name: 'n',
            strict: true,
            schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
          },
        },
      },
      'invalid_json_schema',
      'text.format.schema',
    ],
    [
      {
        model: 'm',
        input: 'i',
        text: {
          format: {
            type: 'json_schema',
            name: 'n',
            strict: true,
            schema: {
              type: 'object',
              additionalProperties: false,
              properties: { a: { type: 'string' } },
              required: [],
            },
          },
        },
      },
      'invalid_json_schema',
      'text.format.schema',
    ],
    [
      { model: 'm', input: 'i', text: { format: { type: 'json_schema', name: 'n', strict: true } } },
      'missing_required_parameter',
      'text.format.schema',
    ],
    [
      {
        model: 'm',
        input: 'i',
        text: { format: { type: 'json_schema', name: 'n', strict: true, schema: SCHEMA }, colour: 'red' },
      },
      'unknown_parameter',
      'text.colour',
    ],
  ])('refuses an ill-formed request with 400 (%j → %s)', async (body, code, param) => {
    expect(checkCreateResponse(body as Record<string, unknown>)).toMatchObject({ code, param });
    await start([answerText('x')]);
    const error = await client()
      .post('/responses', { body })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(api!.requests[0]!.refused).toMatchObject({ status: 400, code });
  });

  it('scripts faults: 429 with Retry-After, 500, invalid JSON, a truncated answer and a refusal', async () => {
    await start([
      { kind: 'rate-limited', retryAfterSeconds: 7 },
      { kind: 'server-error' },
      { kind: 'invalid-json' },
      { kind: 'truncated', partialText: '{"summary":"cut' },
      { kind: 'refusal', refusal: 'I cannot help with that.' },
    ]);
    const rateLimited = await client()
      .responses.create({ model: 'm', input: 'i' })
      .catch((e: unknown) => e);
    expect(rateLimited).toBeInstanceOf(OpenAI.RateLimitError);
    expect((rateLimited as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('7');
    expect(
      await client()
        .responses.create({ model: 'm', input: 'i' })
        .catch((e: unknown) => e),
    ).toBeInstanceOf(OpenAI.InternalServerError);
    expect(
      await client()
        .responses.create({ model: 'm', input: 'i' })
        .catch((e: unknown) => e),
    ).toBeInstanceOf(Error);
    const truncated = await client().responses.create({ model: 'm', input: 'i' });
    expect(truncated).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
    const refused = await client().responses.create({ model: 'm', input: 'i' });
    expect(refused.output[0]).toMatchObject({
      type: 'message',
      content: [{ type: 'refusal', refusal: 'I cannot help with that.' }],
    });
    expect(
      await client()
        .responses.create({ model: 'm', input: 'i' })
        .catch((e: unknown) => e),
    ).toBeInstanceOf(OpenAI.InternalServerError);
  });

  it('a body that never ends is cut only by the caller: the client timeout stops at the headers', async () => {
    await start([{ kind: 'never-ending' }]);
    const signal = AbortSignal.timeout(200);
    const error = await client()
      .responses.create({ model: 'm', input: 'i' }, { signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(api!.accepted).toHaveLength(1);
  });

  it('streams Server-Sent Events when the request asks for them', async () => {
    await start([answerText('streamed')]);
    const stream = await client().responses.create({ model: 'm', input: 'i', stream: true });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toEqual(['response.created', 'response.output_item.done', 'response.completed']);
  });
});

const codex = findCodexBinary();

describe.skipIf(!codex.bin)(
  `FakeResponsesApi with the real Codex CLI${codex.skipReason ? ` (${codex.skipReason})` : ''}`,
  () => {
    it('serves a Codex turn: a shell call, its output, then the final message', async () => {
      await start([{ kind: 'output', items: [execCommandItem('echo fake-api-ok')] }, answerText('all done')]);
      const home = await mkdtemp(path.join(os.tmpdir(), 'codex-home-'));
      const work = await mkdtemp(path.join(os.tmpdir(), 'codex-work-'));
      await writeFile(
        path.join(home, 'config.toml'),
        [
          'model = "gpt-5.5"',
          'model_provider = "local"',
          'check_for_update_on_startup = false',
          '[model_providers.local]',
          'name = "loopback"',
          `base_url = "${api!.baseUrl}"`,
          'wire_api = "responses"',
          'env_key = "LOCAL_API_KEY"',
          'request_max_retries = 0',
          'stream_max_retries = 0',
        ].join('\n'),
      );
      const child = spawn(codex.bin!, ['exec', '--skip-git-repo-check', '--sandbox', 'read-only', '--ephemeral', '-'], {
        cwd: work,
        env: { PATH: process.env.PATH, HOME: home, CODEX_HOME: home, LOCAL_API_KEY: KEY },
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
      });
      child.stdin.end('Please run the check and report.');
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 120_000);
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      clearTimeout(timer);
      if (code !== 0) console.error(stderr, JSON.stringify(api!.requests.map((r) => r.refused ?? 'ok')));
      expect(code).toBe(0);
      expect(stdout).toContain('all done');
      expect(api!.accepted).toHaveLength(2);
      expect(api!.accepted[0]!.body).toMatchObject({ stream: true, store: false });
      expect(api!.accepted[1]!.raw).toContain('fake-api-ok');
    });
  },
);
