// The hook-server gateway's own cost per request: the policy check (the policy file's stat, the token's hash
// looked up, expiry, scope, CIDR allowlist, usage window) plus the audit write, measured inside the server
// while 200 requests at a time arrive from loopback against the `rules` backend. Beside it, the whole request
// as the client sees it, with the gateway and without it (one loopback token, no policy, no audit).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { openAuditLog, type AuditLog } from '../src/audit/index.js';
import { formatAccessToken } from '../src/core/access-token.js';
import { buildHookRequests } from '../src/endpoint/payload.js';
import { hashToken } from '../src/endpoint/server/authorize.js';
import { watchPolicyFile } from '../src/endpoint/server/policy-file.js';
import { startHookServer, type HookServer } from '../src/endpoint/server/index.js';
import { makeFile, makeInput } from '../test/endpoint/fixtures.js';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const TOKENS = 100;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(values: number[]): { p50: string; p99: string } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: `${percentile(sorted, 50).toFixed(3)} ms`, p99: `${percentile(sorted, 99).toFixed(3)} ms` };
}

/** A typical chunk: one added file of 40 lines. */
function requestBody(): string {
  const lines = Array.from({ length: 40 }, (_, i) => `+export const value${i} = compute(${i}); // line ${i}`);
  const input = makeInput({
    files: [makeFile('src/widgets.ts', `@@ -0,0 +1,${lines.length} @@\n${lines.join('\n')}\n`)],
  });
  return JSON.stringify(buildHookRequests(input, 500_000).requests[0]);
}

/** A policy with many tokens; the bench's token has an allowlist and a usage limit, so every check runs. */
function policyText(token: string): string {
  const entry = (id: string, hash: string, extra: string) =>
    `  - { token_id: ${id}, token_sha256: "${hash}", scopes: [hooks:trigger], expiration: 2099-01-01T00:00:00Z${extra} }`;
  const others = Array.from({ length: TOKENS - 1 }, (_, i) =>
    entry(`other-${i}`, hashToken(formatAccessToken(new Uint8Array(32).fill(i + 1))), ''),
  );
  return [
    'version: 1',
    'access_tokens:',
    ...others,
    entry(
      'bench',
      hashToken(token),
      ', ip_restrictions: [127.0.0.0/8, "::1/128"], usage_limits: { max_requests: 100000000, reset_interval: daily }',
    ),
    '',
  ].join('\n');
}

/**
 * The load comes from a child process: the client's own work and garbage stay out of the server's heap and
 * event loop. It sends a warm-up burst, then ROUNDS bursts of CONCURRENCY requests, and prints the latencies.
 */
const CLIENT = `
const http = require('node:http');
const [url, token, concurrency, rounds] = process.argv.slice(1);
const body = require('node:fs').readFileSync(0, 'utf8');
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(concurrency) });
const target = new URL(url);
const one = () => new Promise((resolve, reject) => {
  const started = performance.now();
  const req = http.request({ host: target.hostname, port: target.port, method: 'POST', path: '/', agent, headers: {
    authorization: 'Bearer ' + token, 'content-type': 'application/json',
    'content-length': Buffer.byteLength(body), 'x-codex-hook-event': 'prompt.submitted' } }, (res) => {
    res.resume();
    res.on('end', () => res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error('HTTP ' + res.statusCode)));
  });
  req.on('error', reject);
  req.end(body);
});
const burst = () => Promise.all(Array.from({ length: Number(concurrency) }, one));
(async () => {
  await burst();
  const out = [];
  for (let i = 0; i < Number(rounds); i++) out.push(...(await burst()));
  agent.destroy();
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(String(e)); process.exit(1); });
`;

async function measure(server: HookServer, token: string): Promise<number[]> {
  // The token travels as an argument of a short-lived local child: a synthetic one, made for this run.
  const child = spawn(process.execPath, ['-e', CLIENT, server.url, token, String(CONCURRENCY), String(ROUNDS)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.end(requestBody());
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`the load client exited with ${code}`);
  return JSON.parse(out) as number[];
}

export async function runGatewayBenchmark(): Promise<Record<string, string | number>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gateway-bench-'));
  const token = formatAccessToken(new Uint8Array(32).fill(200));
  const policyFile = path.join(dir, 'policy.yml');
  await writeFile(policyFile, policyText(token));
  const inner = openAuditLog({ path: path.join(dir, 'audit.jsonl') });
  // The audit write's cost on the request path (the record serialized and queued), and its time to disk.
  let lastWriteMs = 0;
  const toDisk: number[] = [];
  const timedAudit: AuditLog = {
    write: (record) => {
      const started = performance.now();
      const written = inner.write(record);
      lastWriteMs = performance.now() - started;
      void written.then(() => toDisk.push(performance.now() - started));
      return written;
    },
    flush: () => inner.flush(),
  };
  const overhead: number[] = [];
  const checks: number[] = [];
  const gateway = await startHookServer({
    policy: watchPolicyFile(policyFile, {}, () => undefined),
    auditLog: timedAudit,
    maxBodyBytes: 1_000_000,
    log: (_level, event, fields) => {
      const checkMs = (fields as { check_ms?: number }).check_ms;
      if (event !== 'request' || checkMs === undefined) return;
      checks.push(checkMs);
      overhead.push(checkMs + lastWriteMs);
    },
  });
  let withGateway: number[];
  try {
    withGateway = await measure(gateway, token);
  } finally {
    await gateway.close();
  }
  const bare = await startHookServer({ token });
  let withoutGateway: number[];
  try {
    withoutGateway = await measure(bare, token);
  } finally {
    await bare.close();
    await rm(dir, { recursive: true, force: true });
  }
  // The warm-up burst is left out of the in-server figures too.
  const measured = (values: number[]) => values.slice(CONCURRENCY);
  const total = summary(measured(overhead));
  const check = summary(measured(checks));
  const disk = summary(measured(toDisk));
  const client = summary(withGateway);
  const plain = summary(withoutGateway);
  return {
    requests: `${ROUNDS} x ${CONCURRENCY} concurrent (after a warm-up burst), loopback, rules backend, ${TOKENS} tokens`,
    'machine load (1 min) at the end': os.loadavg()[0]!.toFixed(1),
    'overhead per request p50 (check + audit)': total.p50,
    'overhead per request p99 (check + audit)': `${total.p99} (target < 5 ms)`,
    'policy check p50 / p99': `${check.p50} / ${check.p99}`,
    'audit line on disk p50 / p99 (async)': `${disk.p50} / ${disk.p99}`,
    'client latency with gateway p50 / p99': `${client.p50} / ${client.p99}`,
    'client latency, bare server p50 / p99': `${plain.p50} / ${plain.p99}`,
  };
}
