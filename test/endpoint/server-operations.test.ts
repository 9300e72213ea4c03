import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../src/audit/index.js';
import { formatAccessToken } from '../../src/core/access-token.js';
import { buildHookRequests } from '../../src/endpoint/payload.js';
import { hashToken } from '../../src/endpoint/server/authorize.js';
import type { ReviewBackend } from '../../src/endpoint/server/backend.js';
import { loadPolicy, writePolicyFile, type PolicyHolder } from '../../src/endpoint/server/policy-file.js';
import { runHookServerCommand, startHookServer, type HookServer } from '../../src/endpoint/server/index.js';
import { makeFile, makeInput } from './fixtures.js';

/**
 * The server's operations, in process on loopback: JWTs (HS256 and a JWKS served from loopback), TLS with a
 * certificate made by the test, /healthz, draining, the concurrency limit, the last good policy, and the
 * reviewed content in the audit log only when the policy asks.
 */

const TOKEN = formatAccessToken(new Uint8Array(32).fill(7));
const HS_SECRET = 'a-test-hs256-secret-of-at-least-32-bytes!';
const REQUEST = buildHookRequests(makeInput(), 500_000).requests[0]!;

let servers: { close(): Promise<void> }[] = [];
let dir: string | undefined;
afterEach(async () => {
  for (const s of servers.reverse()) await s.close();
  servers = [];
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function tempDir(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'hook-server-ops-'));
  return dir;
}

function policyText(extra = ''): string {
  return [
    'version: 1',
    extra,
    'access_tokens:',
    `  - { token_id: ci, token_sha256: "${hashToken(TOKEN)}", scopes: [hooks:trigger], expiration: 2099-01-01T00:00:00Z }`,
    '',
  ].join('\n');
}

function holder(text: string, env: Record<string, string> = {}): PolicyHolder {
  const loaded = loadPolicy(text, 'policy.yml', env);
  return { current: () => loaded };
}

async function start(options: Parameters<typeof startHookServer>[0]): Promise<HookServer> {
  const server = await startHookServer(options);
  servers.push(server);
  return server;
}

const post = (url: string, bearer: string | undefined, body: unknown = REQUEST) =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-codex-hook-event': 'prompt.submitted',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify(body),
  });

async function reason(response: Response): Promise<string> {
  return ((await response.json()) as { reason?: string }).reason ?? `status ${response.status}`;
}

/** A backend that holds each review until released: a review "in flight" without any timing. */
function heldBackend(): ReviewBackend & { entered: Promise<void>; release(): void } {
  let entered!: () => void;
  let release!: () => void;
  const enteredP = new Promise<void>((r) => (entered = r));
  const released = new Promise<void>((r) => (release = r));
  return {
    name: 'rules',
    model: 'held',
    entered: enteredP,
    release,
    review: async () => {
      entered();
      await released;
      return { kind: 'answered', response: { comments: [], summary: 'held review done' } };
    },
  };
}

describe('JWTs from the identity provider', () => {
  const hs256 = (claims: Record<string, unknown>, secret = HS_SECRET) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ci-bot')
      .sign(new TextEncoder().encode(secret));
  const future = 4_070_908_800; // 2099-01-01
  const past = 1_577_836_800; // 2020-01-01

  it.each<[string, Record<string, unknown>, number, string]>([
    ['scope (space-separated)', { scope: 'hooks:read hooks:trigger', exp: future }, 200, ''],
    ['scp (an array)', { scp: ['hooks:execute'], exp: future }, 200, ''],
    ['a scope without review rights', { scope: 'hooks:read', exp: future }, 403, 'missing-scope'],
    ['no scope at all', { exp: future }, 403, 'missing-scope'],
    ['exp in the past', { scope: 'hooks:trigger', exp: past }, 401, 'expired'],
    ['nbf in the future', { scope: 'hooks:trigger', exp: future, nbf: future - 1000 }, 401, 'not-yet-valid'],
  ])('HS256: %s answers %s', async (_name, claims, status, kind) => {
    const server = await start({
      policy: holder(policyText('jwt: { hs256_secret_env: JWT_SECRET }'), { JWT_SECRET: HS_SECRET }),
    });
    const response = await post(server.url, await hs256(claims));
    expect(response.status).toBe(status);
    if (kind) expect(await reason(response)).toBe(kind);
  });

  it('HS256: a token signed with another secret is refused, and the access tokens still work', async () => {
    const server = await start({
      policy: holder(policyText('jwt: { hs256_secret_env: JWT_SECRET }'), { JWT_SECRET: HS_SECRET }),
    });
    const forged = await hs256({ scope: 'hooks:trigger', exp: future }, 'another-secret-of-at-least-32-bytes!!');
    const response = await post(server.url, forged);
    expect(response.status).toBe(401);
    expect(await reason(response)).toBe('invalid-jwt');
    expect((await post(server.url, TOKEN)).status).toBe(200);
  });

  it('a JWKS served from loopback: a key it lists verifies, any other does not', async () => {
    const signer = await generateKeyPair('ES256');
    const stranger = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(signer.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const jwks: Server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    servers.push({ close: () => new Promise<void>((r) => jwks.close(() => r())) });
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    const server = await start({
      policy: holder(policyText(`jwt: { jwks_url: "${jwksUrl}", issuer: https://idp.test, audience: codex-hooks }`)),
    });
    const sign = (key: Parameters<SignJWT['sign']>[0], claims: Record<string, unknown>) =>
      new SignJWT({ exp: future, ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer('https://idp.test')
        .setAudience('codex-hooks')
        .sign(key);
    expect((await post(server.url, await sign(signer.privateKey, { scp: 'hooks:trigger' }))).status).toBe(200);
    const other = await post(server.url, await sign(stranger.privateKey, { scp: 'hooks:trigger' }));
    expect(other.status).toBe(401);
    expect(await reason(other)).toBe('invalid-jwt');
    const expired = await post(server.url, await sign(signer.privateKey, { scp: 'hooks:trigger', exp: past }));
    expect(await reason(expired)).toBe('expired');
  });
});

describe('TLS', () => {
  it('serves HTTPS with a certificate and key (a self-signed one made by the test)', async () => {
    const folder = await tempDir();
    const [key, cert] = [join(folder, 'key.pem'), join(folder, 'cert.pem')];
    // prettier-ignore
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      { stdio: 'ignore' });
    const ca = await readFile(cert);
    const server = await start({ token: TOKEN, tls: { cert: ca, key: await readFile(key) } });
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const body = JSON.stringify(REQUEST);
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpsRequest(
        server.url,
        {
          method: 'POST',
          ca,
          headers: {
            authorization: `Bearer ${TOKEN}`,
            'content-type': 'application/json',
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
      req.end(body);
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toHaveProperty('comments');
    // A client that does not trust the certificate does not get through: it really is TLS.
    await expect(fetch(`${server.url}healthz`)).rejects.toThrow();
  });
});

describe('health, draining and the concurrency limit', () => {
  it('/healthz answers without a token, and says how many reviews are in flight', async () => {
    const backend = heldBackend();
    const server = await start({ token: TOKEN, backend });
    const idle = await fetch(`${server.url}healthz`);
    expect(idle.status).toBe(200);
    expect(await idle.json()).toEqual({ status: 'ok', in_flight: 0 });
    const inFlight = post(server.url, TOKEN);
    await backend.entered;
    expect(await (await fetch(`${server.url}healthz`)).json()).toEqual({ status: 'ok', in_flight: 1 });
    backend.release();
    expect((await inFlight).status).toBe(200);
  });

  it('close(): the review in flight finishes; new ones get 503 + Retry-After; then it stops listening', async () => {
    const backend = heldBackend();
    const server = await startHookServer({ token: TOKEN, backend });
    const inFlight = post(server.url, TOKEN);
    await backend.entered;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    const refused = await post(server.url, TOKEN);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toEqual({ error: 'the server is shutting down; retry shortly' });
    const health = await fetch(`${server.url}healthz`);
    expect([health.status, health.headers.get('retry-after'), await health.json()]).toEqual([
      503,
      '5',
      { status: 'draining' },
    ]);
    expect(closed).toBe(false);
    backend.release();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ summary: 'held review done' });
    await closing;
    expect(closed).toBe(true);
    await expect(post(server.url, TOKEN)).rejects.toThrow();
  });

  it('past max_concurrent: 503 with Retry-After, the reviews in flight unaffected', async () => {
    const backend = heldBackend();
    const server = await start({ policy: holder(policyText('server: { max_concurrent: 1 }')), backend });
    const first = post(server.url, TOKEN);
    await backend.entered;
    const second = await post(server.url, TOKEN);
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('1');
    expect(await second.json()).toEqual({ error: 'too many reviews in progress (limit 1)' });
    backend.release();
    expect((await first).status).toBe(200);
    expect((await post(server.url, TOKEN)).status).toBe(200);
  });
});

describe('the last good policy', () => {
  it('a broken edit keeps the previous policy in force and says so in the log; a good one takes over', async () => {
    const folder = await tempDir();
    const file = join(folder, 'policy.yml');
    await writeFile(file, policyText());
    const stdout: string[] = [];
    const stderr: string[] = [];
    const stop = new AbortController();
    const running = runHookServerCommand(
      ['--policy', file, '--port', '0'],
      {},
      {
        stdout: { write: (t: string) => stdout.push(t) },
        stderr: { write: (t: string) => stderr.push(t) },
        signal: stop.signal,
      },
    );
    servers.push({ close: () => (stop.abort(), running.then(() => undefined)) });
    while (stdout.length === 0) await new Promise((r) => setImmediate(r));
    const url = stdout[0]!.trim();
    expect((await post(url, TOKEN)).status).toBe(200);

    writePolicyFile(file, `${policyText()}  - token_id: [not, a, string]\n`);
    expect((await post(url, TOKEN)).status).toBe(200);
    const rejected = stderr
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.event === 'policy-rejected');
    expect(rejected).toMatchObject({ level: 'error', kept: 'the last good policy' });
    expect(String(rejected!.error)).toMatch(/policy\.yml:\d+:\d+: access_tokens\[1\]/);

    writePolicyFile(file, policyText().replace('scopes: [hooks:trigger]', 'scopes: [hooks:read]'));
    const refused = await post(url, TOKEN);
    expect(refused.status).toBe(403);
    expect(stderr.join('')).toMatch(/"event":"policy-reloaded"/);
    expect(stderr.join('')).not.toContain(TOKEN);
  });
});

describe('the reviewed content in the audit log', () => {
  // Synthetic credential, assembled at run time.
  const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');
  const secretRequest = buildHookRequests(
    makeInput({
      files: [makeFile('src/keys.ts', `@@ -0,0 +1,2 @@\n+const key = "${AWS_KEY}";\n+console.log(key);\n`)],
    }),
    500_000,
  ).requests[0]!;
  // A careless client that put its own token in the title.
  const leaky = { ...secretRequest, pull_request: { ...secretRequest.pull_request, title: `fix ${TOKEN}` } };

  async function auditOf(includePayload: boolean): Promise<{ audit: Record<string, unknown>[]; log: string }> {
    const folder = await tempDir();
    const auditFile = join(folder, `audit-${randomBytes(3).toString('hex')}.jsonl`);
    const lines: string[] = [];
    const server = await startHookServer({
      policy: holder(policyText(`audit: { output: ${auditFile}, include_payload: ${includePayload} }`)),
      auditLog: openAuditLog({ path: auditFile }),
      log: (level, event, fields) => lines.push(JSON.stringify({ level, event, ...fields })),
    });
    expect((await post(server.url, TOKEN, leaky)).status).toBe(200);
    await server.close();
    const text = await readFile(auditFile, 'utf8');
    return {
      audit: text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
      log: lines.join('\n'),
    };
  }

  it('metadata only by default', async () => {
    const { audit, log } = await auditOf(false);
    expect(audit).toHaveLength(1);
    expect(audit[0]).not.toHaveProperty('payload');
    expect(JSON.stringify(audit) + log).not.toContain('console.log');
  });

  it('with include_payload: patches, title and comments, redacted; never in the server log; never the token', async () => {
    const { audit, log } = await auditOf(true);
    const payload = audit[0]!.payload as {
      title: string;
      files: { path: string; patch: string }[];
      comments: { path: string; line: number; body: string }[];
    };
    expect(payload.files[0]!.path).toBe('src/keys.ts');
    expect(payload.files[0]!.patch).toContain('+console.log(key);');
    expect(payload.files[0]!.patch).toMatch(/\[REDACTED:[\w-]+\]/);
    expect(payload.title).toBe('fix [REDACTED:codex-token]');
    expect(payload.comments).toEqual([expect.objectContaining({ path: 'src/keys.ts', line: 2 })]);
    const everything = JSON.stringify(audit) + log;
    expect(everything).not.toContain(AWS_KEY);
    expect(everything).not.toContain(TOKEN);
    expect(log).not.toContain('payload');
  });
});
