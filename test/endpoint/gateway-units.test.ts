import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAccessToken, isWellFormedAccessToken, withAccessTokenChecksum } from '../../src/core/access-token.js';
import { scanSecrets } from '../../src/core/secrets/index.js';
import {
  authorize,
  clientAddress,
  hashToken,
  identifyAccessToken,
  indexTokens,
  type Caller,
} from '../../src/endpoint/server/authorize.js';
import { matchesAny, parseCidr, type CidrRange } from '../../src/endpoint/server/cidr.js';
import { parsePolicy } from '../../src/endpoint/server/policy.js';
import { runTokenCommand } from '../../src/endpoint/server/token-command.js';
import { parseInterval, UsageWindows } from '../../src/endpoint/server/usage-window.js';
import { ConfigurationError } from '../../src/errors.js';

const HASH = 'a'.repeat(64);
const ranges = (...texts: string[]) => texts.map((t) => parseCidr(t) as CidrRange);

describe('access token format', () => {
  it('is the prefix, 43 base62 characters of 256 bits and a 6-character CRC32', () => {
    const token = formatAccessToken(randomBytes(32));
    expect(token).toMatch(/^cdxhk_[0-9A-Za-z]{49}$/);
    expect(isWellFormedAccessToken(token)).toBe(true);
    expect(formatAccessToken(Buffer.alloc(32, 0xff))).toMatch(/^cdxhk_/);
    expect(formatAccessToken(Buffer.alloc(32))).toBe(withAccessTokenChecksum('0'.repeat(43)));
  });

  it('a changed character breaks the checksum', () => {
    const token = formatAccessToken(randomBytes(32));
    const flipped = token.slice(0, 10) + (token[10] === 'a' ? 'b' : 'a') + token.slice(11);
    expect(isWellFormedAccessToken(flipped)).toBe(false);
    expect(isWellFormedAccessToken(token.slice(0, -1))).toBe(false);
    expect(isWellFormedAccessToken(`ghp_${token.slice(6)}`)).toBe(false);
  });

  it('our secret scanner finds an issued token and ignores a look-alike', () => {
    const token = formatAccessToken(randomBytes(32));
    const found = scanSecrets([{ line: 1, text: `CODEX_TOKEN=${token}` }]);
    expect(found.map((m) => m.ruleId)).toEqual(['codex-hooks-access-token']);
    const fake = `cdxhk_${'Ab3'.repeat(16)}x`;
    expect(scanSecrets([{ line: 1, text: `CODEX_TOKEN=${fake}` }]).map((m) => m.ruleId)).not.toContain(
      'codex-hooks-access-token',
    );
  });
});

describe('CIDR matching', () => {
  it.each([
    ['10.1.2.3', ['10.0.0.0/8'], true],
    ['11.1.2.3', ['10.0.0.0/8'], false],
    ['192.168.1.7', ['192.168.1.7'], true],
    ['192.168.1.8', ['192.168.1.7/32'], false],
    ['0.0.0.1', ['0.0.0.0/0'], true],
    ['2001:db8::1', ['2001:db8::/32'], true],
    ['2001:db9::1', ['2001:db8::/32'], false],
    ['::1', ['::1/128'], true],
    ['fe80::1%eth0', ['fe80::/10'], true],
    ['::ffff:10.1.2.3', ['10.0.0.0/8'], true],
    ['::ffff:11.1.2.3', ['10.0.0.0/8'], false],
    ['10.1.2.3', ['::ffff:10.0.0.0/104'], true],
    ['10.1.2.3', ['2001:db8::/32'], false],
    ['2001:db8::1', ['0.0.0.0/0'], false],
    ['not-an-ip', ['0.0.0.0/0'], false],
  ])('%s in %j: %s', (address, list, expected) => {
    expect(matchesAny(address, ranges(...list))).toBe(expected);
  });

  it.each([
    ['10.0.0.0/33', /out of range/],
    ['10.0.0/8', /not an IPv4 or IPv6 address/],
    ['2001:db8::/129', /out of range/],
    ['10.0.0.0/8/1', /not an address or CIDR/],
    ['10.0.0.0/x', /not a prefix length/],
  ])('refuses %s', (text, reason) => {
    expect(parseCidr(text)).toMatch(reason);
  });
});

describe('usage windows', () => {
  const limit = { maxRequests: 2, intervalMs: 3_600_000 };
  it('allows max_requests per window, then says how long until it resets', () => {
    const w = new UsageWindows();
    const start = Date.UTC(2026, 10, 24, 10, 0, 0);
    expect(w.take('ci', limit, start)).toEqual({ allowed: true });
    expect(w.take('ci', limit, start + 2000)).toEqual({ allowed: true });
    expect(w.take('ci', limit, start + 1_800_000)).toEqual({ allowed: false, retryAfterSeconds: 1800 });
    expect(w.take('ci', limit, start + 3_599_500)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(w.take('other', limit, start + 1_800_000)).toEqual({ allowed: true });
    expect(w.take('ci', limit, start + 3_600_000)).toEqual({ allowed: true });
    expect(w.take('ci', limit, start + 3_600_001)).toEqual({ allowed: true });
    expect(w.take('ci', limit, start + 3_600_002)).toEqual({ allowed: false, retryAfterSeconds: 3600 });
  });

  it.each([
    ['hourly', 3_600_000],
    ['daily', 86_400_000],
    ['weekly', 604_800_000],
    ['monthly', 2_592_000_000],
    ['15m', 900_000],
    ['30s', 30_000],
    ['7d', 604_800_000],
    ['0h', undefined],
    ['soon', undefined],
  ])('reset_interval %s', (text, ms) => {
    expect(parseInterval(text)).toBe(ms);
  });
});

const POLICY = `# the endpoint's policy
version: 1
backend: rules
server:
  trusted_proxies: [10.0.0.5/32]
  max_body_bytes: 2000000
  max_concurrent: 8
jwt:
  hs256_secret_env: JWT_SECRET
  issuer: https://idp.example
  audience: codex-hooks
audit:
  output: /var/log/codex-hooks/audit.jsonl
  format: json
  options:
    rotate: { enabled: true, max_size_mb: 100, max_files: 10 }
    encrypt: true
    compression: gzip
    include_metadata: true
  include_payload: true
access_tokens:
  - token_id: ci-main
    description: CI of acme/widgets
    token_sha256: ${HASH}
    scopes: [hooks:trigger, hooks:read, conversations:read]
    created: 2026-11-01T00:00:00Z
    expiration: 2027-02-01T00:00:00Z
    not_before: 2026-11-01T00:00:00Z
    ip_restrictions: [192.0.2.0/24, "2001:db8::/32"]
    usage_limits: { max_requests: 1000, reset_interval: daily }
    audit_enabled: true
    previous_tokens:
      - { token_sha256: "${'b'.repeat(64)}", valid_until: 2026-11-25T00:00:00Z }
`;

describe('the policy file', () => {
  it('reads every field', () => {
    const p = parsePolicy(POLICY, 'policy.yml');
    expect(p.backend).toBe('rules');
    expect(p.maxBodyBytes).toBe(2_000_000);
    expect(p.maxConcurrent).toBe(8);
    expect(p.trustedProxies.map((r) => r.text)).toEqual(['10.0.0.5/32']);
    expect(p.jwt).toMatchObject({
      hs256SecretEnv: 'JWT_SECRET',
      issuer: 'https://idp.example',
      audience: 'codex-hooks',
    });
    expect(p.audit).toEqual({
      output: '/var/log/codex-hooks/audit.jsonl',
      options: {
        rotate: { enabled: true, max_size_mb: 100, max_files: 10 },
        encrypt: true,
        compression: 'gzip',
        include_metadata: true,
      },
      includePayload: true,
    });
    const t = p.tokens[0]!;
    expect(t).toMatchObject({
      tokenId: 'ci-main',
      sha256: HASH,
      scopes: ['hooks:trigger', 'hooks:read', 'conversations:read'],
      expiration: new Date('2027-02-01T00:00:00Z'),
      notBefore: new Date('2026-11-01T00:00:00Z'),
      usageLimit: { maxRequests: 1000, intervalMs: 86_400_000 },
      auditEnabled: true,
      previous: [{ sha256: 'b'.repeat(64), validUntil: new Date('2026-11-25T00:00:00Z') }],
    });
    expect(t.ipRestrictions.map((r) => r.text)).toEqual(['192.0.2.0/24', '2001:db8::/32']);
  });

  const replace = (from: string, to: string) => POLICY.replace(from, to);
  it.each([
    ['a bad version', replace('version: 1', 'version: 2'), /policy.yml:2:1: version must be 1; got 2/],
    [
      'an unknown key',
      replace('backend: rules', 'backend: rules\nbackedn: x'),
      /policy.yml:4:1: backedn is not a known key/,
    ],
    [
      'a raw token',
      replace(`token_sha256: ${HASH}`, 'token_sha256: cdxhk_abc'),
      /:24:5: access_tokens\[0\]\.token_sha256 must be a SHA-256/,
    ],
    [
      'a bad date',
      replace('expiration: 2027-02-01T00:00:00Z', 'expiration: next year'),
      /:27:5: access_tokens\[0\]\.expiration must be a date and time/,
    ],
    [
      'a bad CIDR',
      replace('192.0.2.0/24', '192.0.2.0/40'),
      /:29:23: access_tokens\[0\]\.ip_restrictions\[0\] is not a CIDR range: the prefix length/,
    ],
    [
      'a bad interval',
      replace('reset_interval: daily', 'reset_interval: sometimes'),
      /access_tokens\[0\]\.usage_limits\.reset_interval must be hourly, daily/,
    ],
    [
      'a bad scope',
      replace('hooks:read', 'Hooks Read'),
      /access_tokens\[0\]\.scopes\[1\] must be a scope such as 'hooks:trigger'/,
    ],
    [
      'a missing key',
      replace('    expiration: 2027-02-01T00:00:00Z\n', ''),
      /access_tokens\[0\] is missing the required key 'expiration'/,
    ],
    [
      'a bad max_concurrent',
      replace('max_concurrent: 8', 'max_concurrent: 0'),
      /:7:3: server\.max_concurrent must be >= 1; got 0/,
    ],
    [
      'jwt without a key',
      replace('  hs256_secret_env: JWT_SECRET\n', ''),
      /:8:1: jwt needs jwks_url or hs256_secret_env/,
    ],
    [
      'an http JWKS',
      replace('  hs256_secret_env: JWT_SECRET', '  jwks_url: http://idp.example/jwks'),
      /jwt\.jwks_url must be https/,
    ],
    [
      'a bad audit option',
      replace('compression: gzip', 'compression: zip'),
      /audit\.options\.compression must be one of gzip, none/,
    ],
    [
      'a duplicate key',
      replace('backend: rules', 'backend: rules\nbackend: x'),
      /policy.yml:4:1: the key 'backend' appears twice/,
    ],
    ['an empty file', '', /policy.yml:1:1: the file is empty/],
    [
      'an unknown backend',
      replace('backend: rules', 'backend: gpt'),
      /policy.yml:3:1: backend must be one of rules, openai, codex/,
    ],
    [
      'a non-boolean include_payload',
      replace('include_payload: true', 'include_payload: sometimes'),
      /:20:3: audit\.include_payload must be/,
    ],
    [
      'a duplicate token id',
      `${POLICY}  - { token_id: ci-main, token_sha256: "${'c'.repeat(64)}", scopes: [], expiration: 2027-01-01T00:00:00Z }\n`,
      /access_tokens\[1\]\.token_id 'ci-main' is already used by access_tokens\[0\]/,
    ],
    [
      'a token value used twice',
      `${POLICY}  - { token_id: other, token_sha256: "${HASH}", scopes: [], expiration: 2027-01-01T00:00:00Z }\n`,
      /access_tokens\[1\]\.token_sha256 is the same token as one of 'ci-main'/,
    ],
  ])('names file, line and key for %s', (_name, text, message) => {
    expect(() => parsePolicy(text, 'policy.yml')).toThrow(ConfigurationError);
    expect(() => parsePolicy(text, 'policy.yml')).toThrow(message);
  });
});

describe('identify and authorize', () => {
  const token = formatAccessToken(Buffer.alloc(32, 1));
  const policyWith = (extra: string) =>
    parsePolicy(
      `version: 1\naccess_tokens:\n  - token_id: ci\n    token_sha256: ${hashToken(token)}\n    scopes: [hooks:trigger]\n    expiration: 2027-01-01T00:00:00Z\n${extra}`,
      'p.yml',
    );
  const at = new Date('2026-11-24T10:00:00Z');

  it.each([
    ['an unknown token', '', 'cdxhk_other', at, 'unknown-token'],
    ['an expired token', '', token, new Date('2027-01-01T00:00:00Z'), 'expired'],
    ['a token not yet valid', '    not_before: 2026-12-01T00:00:00Z\n', token, at, 'not-yet-valid'],
    ['a revoked token', '    revoked: 2026-11-20T00:00:00Z\n', token, at, 'revoked'],
  ])('401 for %s', (_name, extra, presented, now, kind) => {
    const result = identifyAccessToken(presented, indexTokens(policyWith(extra)), now);
    expect(result).toMatchObject({ status: 401, kind });
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it('a rotated-out value works until its grace ends, then gets 401', () => {
    const old = formatAccessToken(Buffer.alloc(32, 2));
    const policy = policyWith(
      `    previous_tokens:\n      - { token_sha256: ${hashToken(old)}, valid_until: 2026-11-24T12:00:00Z }\n`,
    );
    const index = indexTokens(policy);
    expect(identifyAccessToken(old, index, at)).toMatchObject({
      tokenId: 'ci',
      graceUntil: new Date('2026-11-24T12:00:00Z'),
    });
    expect(identifyAccessToken(token, index, at)).toMatchObject({ tokenId: 'ci' });
    expect(identifyAccessToken(old, index, new Date('2026-11-24T12:00:00Z'))).toMatchObject({
      status: 401,
      kind: 'grace-ended',
    });
  });

  const caller = (over: Partial<Caller> = {}): Caller => ({
    kind: 'access-token',
    tokenId: 'ci',
    scopes: ['hooks:trigger'],
    ipRestrictions: ranges('192.0.2.0/24'),
    usageLimit: { maxRequests: 1, intervalMs: 60_000 },
    auditEnabled: true,
    ...over,
  });
  it('403 for a missing scope, before the address and the limit', () => {
    expect(authorize(caller({ scopes: ['hooks:read'] }), '198.51.100.1', new UsageWindows(), at)).toMatchObject({
      status: 403,
      kind: 'missing-scope',
    });
  });
  it('403 for an address outside the allowlist; hooks:execute is enough scope', () => {
    expect(authorize(caller({ scopes: ['hooks:execute'] }), '198.51.100.1', new UsageWindows(), at)).toMatchObject({
      status: 403,
      kind: 'address-not-allowed',
    });
  });
  it('429 with Retry-After past the limit', () => {
    const w = new UsageWindows();
    expect(authorize(caller(), '192.0.2.9', w, at)).toBeUndefined();
    expect(authorize(caller(), '192.0.2.9', w, at)).toMatchObject({ status: 429, retryAfterSeconds: 60 });
  });

  it('trusts X-Forwarded-For only from a named proxy', () => {
    const proxies = ranges('10.0.0.5/32', '10.0.0.6/32');
    expect(clientAddress('203.0.113.9', '192.0.2.1', proxies)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', '192.0.2.1', proxies)).toBe('192.0.2.1');
    expect(clientAddress('::ffff:10.0.0.5', '198.51.100.7, 192.0.2.1, 10.0.0.6', proxies)).toBe('192.0.2.1');
    expect(clientAddress('10.0.0.5', '192.0.2.1', [])).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', undefined, proxies)).toBe('10.0.0.5');
  });
});

describe('codex-hooks token', () => {
  const io = (now: Date) => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: {
        stdout: { write: (t: string) => (out.stdout += t) },
        stderr: { write: (t: string) => (out.stderr += t) },
        now: () => now,
      },
    };
  };

  it('create prints the token once and writes only its hash; rotate keeps the old one for the grace; revoke; list', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'token-cmd-'));
    const file = join(dir, 'policy.yml');
    await writeFile(file, '# team policy: keep this comment\nversion: 1\n');
    const t0 = new Date('2026-11-24T10:00:00Z');
    const a = io(t0);
    expect(
      await runTokenCommand(
        [
          'create',
          '--policy',
          file,
          '--id',
          'ci',
          '--ip',
          '192.0.2.0/24',
          '--max-requests',
          '100',
          '--reset-interval',
          'hourly',
        ],
        a.io,
      ),
    ).toBe(0);
    const token = a.out.stdout.trim();
    expect(isWellFormedAccessToken(token)).toBe(true);
    expect(a.out.stderr).not.toContain(token);
    let text = await readFile(file, 'utf8');
    expect(text).toContain('# team policy: keep this comment');
    expect(text).not.toContain(token);
    let policy = parsePolicy(text, file);
    expect(policy.tokens[0]).toMatchObject({
      tokenId: 'ci',
      sha256: hashToken(token),
      scopes: ['hooks:trigger'],
      expiration: new Date('2027-02-22T10:00:00Z'),
      usageLimit: { maxRequests: 100, intervalMs: 3_600_000 },
    });

    const b = io(new Date('2026-11-25T10:00:00Z'));
    await runTokenCommand(['rotate', '--policy', file, '--id', 'ci', '--grace', '2h'], b.io);
    const next = b.out.stdout.trim();
    expect(next).not.toBe(token);
    policy = parsePolicy(await readFile(file, 'utf8'), file);
    const index = indexTokens(policy);
    expect(identifyAccessToken(token, index, new Date('2026-11-25T11:59:00Z'))).toMatchObject({ tokenId: 'ci' });
    expect(identifyAccessToken(token, index, new Date('2026-11-25T12:00:00Z'))).toMatchObject({ kind: 'grace-ended' });
    expect(identifyAccessToken(next, index, new Date('2026-11-25T12:00:00Z'))).toMatchObject({ tokenId: 'ci' });

    await runTokenCommand(['revoke', '--policy', file, '--id', 'ci'], io(new Date('2026-11-25T11:00:00Z')).io);
    text = await readFile(file, 'utf8');
    const revoked = indexTokens(parsePolicy(text, file));
    expect(identifyAccessToken(next, revoked, new Date('2026-11-25T11:00:01Z'))).toMatchObject({ kind: 'revoked' });
    expect(identifyAccessToken(token, revoked, new Date('2026-11-25T11:00:01Z'))).toMatchObject({ status: 401 });

    const l = io(new Date('2026-11-25T11:00:01Z'));
    await runTokenCommand(['list', '--policy', file, '--format', 'json'], l.io);
    expect(JSON.parse(l.out.stdout)).toEqual([
      expect.objectContaining({ token_id: 'ci', status: 'revoked', scopes: ['hooks:trigger'], can_review: true }),
    ]);
    expect(l.out.stdout).not.toContain(token);
    expect(l.out.stdout).not.toContain(next);
  });

  it('refuses a duplicate id and an unknown one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'token-cmd-'));
    const file = join(dir, 'policy.yml');
    await writeFile(file, 'version: 1\n');
    await runTokenCommand(['create', '--policy', file, '--id', 'ci'], io(new Date()).io);
    await expect(runTokenCommand(['create', '--policy', file, '--id', 'ci'], io(new Date()).io)).rejects.toThrow(
      /already exists/,
    );
    await expect(runTokenCommand(['revoke', '--policy', file, '--id', 'nope'], io(new Date()).io)).rejects.toThrow(
      /no access token with token_id 'nope'/,
    );
  });
});
