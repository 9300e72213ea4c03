import { spawn } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHookRequests } from '../../src/endpoint/payload.js';
import { makeInput } from '../endpoint/fixtures.js';
import { ROOT } from '../support/run-action.js';

/**
 * SIGTERM on the real `codex-hooks hook-server` process: a review in flight (its body half sent) finishes
 * with 200, a new request gets 503 with Retry-After, and the process exits 0 once the review is answered.
 */

const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const TOKEN = 'cdx_local_e2e_shutdown_token_5b1f9a';

describe('hook-server on SIGTERM', () => {
  it('drains: the review in flight completes, new requests get 503 + Retry-After, then it exits 0', async () => {
    const server = spawn(process.execPath, [CLI, 'hook-server', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', CODEX_TOKEN: TOKEN },
    });
    let log = '';
    server.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const exited = new Promise<number | null>((r) => server.once('exit', r));
    const url = await new Promise<string>((resolve) => {
      let out = '';
      server.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
    });
    const says = async (pattern: RegExp) => {
      while (!pattern.test(log)) await new Promise((r) => setTimeout(r, 20));
    };

    const body = Buffer.from(JSON.stringify(buildHookRequests(makeInput(), 500_000).requests[0]));
    const half = Math.floor(body.length / 2);
    let drain!: () => void;
    const drained = new Promise<void>((r) => (drain = r));
    const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${TOKEN}`,
            'content-type': 'application/json',
            'content-length': String(body.length),
            'x-codex-hook-event': 'prompt.submitted',
          },
        },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.subarray(0, half));
      // The rest is sent only once the server drains (below).
      void drained.then(() => req.end(body.subarray(half)));
    });
    // Healthy until the signal, with the review in flight (polled until the server has it: no timing).
    let health: unknown;
    do health = await (await fetch(`${url}healthz`)).json();
    while ((health as { in_flight: number }).in_flight !== 1);
    expect(health).toEqual({ status: 'ok', in_flight: 1 });

    server.kill('SIGTERM');
    await says(/"event":"draining"/);
    const late = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '{}' });
    expect(late.status).toBe(503);
    expect(late.headers.get('retry-after')).toBe('5');
    expect(server.exitCode).toBeNull();

    drain();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toHaveProperty('comments');
    expect(await exited).toBe(0);
    expect(log).toMatch(/"event":"stopped"/);
    expect(log).not.toContain(TOKEN);
  });
});
