import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callHookEndpoint } from '../../src/endpoint/client.js';
import { buildHookRequests } from '../../src/endpoint/payload.js';
import { fingerprintToken } from '../../src/endpoint/token.js';
import {
  reviewRequest,
  runHookServerCommand,
  startHookServer,
  type HookServer,
} from '../../src/endpoint/server/index.js';
import { openAuditLog } from '../../src/audit/index.js';
import { createRecordingLogger } from '../../src/logger.js';
import { makeFile, makeInput } from './fixtures.js';

const TOKEN = 'cdx_local_test_token_9f8e7d6c5b4a';
const PATCH = [
  '@@ -1,2 +1,5 @@',
  ' import { x } from "../hook/x";',
  '+  console.log("debug", x);',
  '+const y = eval(input); // TODO: remove',
  '-old();',
  ' keep();',
  '+export const z = 1;',
  '',
].join('\n');

let server: HookServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-codex-hook-event': 'prompt.submitted', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('reference hook server', () => {
  it('comments on added lines numbered in the head version', () => {
    const comments = reviewRequest({
      ...buildHookRequests(makeInput(), 500_000).requests[0]!,
      files: [{ path: 'a.ts', previous_path: null, status: 'modified', additions: 3, deletions: 0, patch: PATCH }],
    }).comments;
    expect(comments.map((c) => ({ line: c.line, rule: c.rule_id }))).toEqual([
      { line: 2, rule: 'reference/console-log' },
      { line: 3, rule: 'reference/eval' },
      { line: 3, rule: 'reference/todo' },
    ]);
  });

  it('answers 401 without the right token, 422 on an invalid request', async () => {
    server = await startHookServer({ token: TOKEN });
    const request = buildHookRequests(makeInput(), 500_000).requests[0];
    expect((await post(server.url, request)).status).toBe(401);
    const wrong = await post(server.url, request, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');

    const invalid = await post(
      server.url,
      { ...request, pull_request_number: '42', files: [{ path: 'a' }] },
      {
        authorization: `Bearer ${TOKEN}`,
      },
    );
    expect(invalid.status).toBe(422);
    const body = (await invalid.json()) as { errors: string[] };
    expect(body.errors).toEqual(
      expect.arrayContaining([
        'request/pull_request_number must be integer',
        "request/files/0 must have the field 'patch'",
      ]),
    );
    expect((await post(server.url, '{not json', { authorization: `Bearer ${TOKEN}` })).status).toBe(400);
  });

  it('refuses a non-loopback host', async () => {
    await expect(startHookServer({ token: TOKEN, host: '0.0.0.0' })).rejects.toThrow(/must be a loopback address/);
  });

  it('comments on a planted console.log through the real client, with an audit log and no token anywhere', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hook-server-'));
    const auditLog = join(dir, 'server-audit.jsonl');
    const serverLines: string[] = [];
    server = await startHookServer({
      token: TOKEN,
      auditLog: openAuditLog({ path: auditLog }),
      log: (level, event, fields) => serverLines.push(JSON.stringify({ level, event, ...fields })),
    });
    const logger = createRecordingLogger();
    const { requests } = buildHookRequests(makeInput({ files: [makeFile('src/app.ts', PATCH)] }), 500_000);
    const result = await callHookEndpoint(requests, {
      url: server.url,
      token: TOKEN,
      timeoutMs: 5_000,
      retries: 0,
      maxBytes: 500_000,
      logger,
    });
    expect(result.failure).toBeUndefined();
    const { comments, verdict } = result.responses[0]!.response;
    expect(verdict).toBe('request_changes');
    expect(comments.map((c) => [c.rule_id, c.line, c.severity])).toEqual([
      ['reference/console-log', 2, 'warning'],
      ['reference/eval', 3, 'error'],
      ['reference/todo', 3, 'notice'],
    ]);
    expect(comments[0]!.suggestion).toBe('');

    await server.close();
    server = undefined;
    const audit = (await readFile(auditLog, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(audit).toEqual([
      expect.objectContaining({
        status: 200,
        repository: 'acme/widgets',
        comment_count: 3,
        token_fingerprint: fingerprintToken(TOKEN),
        request_bytes: result.exchanges[0]!.requestBytes,
        request_sha256: result.exchanges[0]!.requestSha256,
      }),
    ]);
    const everything = [JSON.stringify(result), ...logger.lines, ...serverLines, await readFile(auditLog, 'utf8')].join(
      '\n',
    );
    expect(everything).not.toContain(TOKEN);
  });

  it('runs as a command: token from CODEX_TOKEN, URL on stdout, stops on signal', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const stop = new AbortController();
    const running = runHookServerCommand(
      ['--port', '0', '--host', '127.0.0.1'],
      { CODEX_TOKEN: TOKEN },
      {
        stdout: { write: (t: string) => out.push(t) },
        stderr: { write: (t: string) => err.push(t) },
        signal: stop.signal,
      },
    );
    await expect.poll(() => out.length).toBe(1);
    const url = out[0]!.trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await post(url, {}, { authorization: `Bearer ${TOKEN}` })).status).toBe(422);
    stop.abort();
    expect(await running).toBe(0);
    expect(err.join('')).not.toContain(TOKEN);
  });

  it('generates and prints a token once when CODEX_TOKEN is unset; refuses --token and bad flags', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const stop = new AbortController();
    const running = runHookServerCommand(
      ['--port=0'],
      {},
      {
        stdout: { write: (t: string) => out.push(t) },
        stderr: { write: (t: string) => err.push(t) },
        signal: stop.signal,
      },
    );
    await expect.poll(() => out.length).toBe(1);
    const token = /token is: (\S+)/.exec(err.join(''))![1]!;
    const request = buildHookRequests(makeInput(), 500_000).requests[0];
    expect((await post(out[0]!.trim(), request, { authorization: `Bearer ${token}` })).status).toBe(200);
    stop.abort();
    expect(await running).toBe(0);
    expect(err.join('').split(token)).toHaveLength(2); // printed exactly once

    const quiet = { stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) } };
    expect(await runHookServerCommand(['--token', 'x'], {}, quiet)).toBe(2);
    expect(await runHookServerCommand(['--host', '192.168.1.10'], { CODEX_TOKEN: TOKEN }, quiet)).toBe(2);
    expect(await runHookServerCommand(['--port', 'abc'], {}, quiet)).toBe(2);
    expect(err.join('')).toContain("option '--token': is not accepted");
  });
});
