import { Ajv } from 'ajv';
import * as ajvFormats from 'ajv-formats';
import type { LoggerOptions } from '../../config/types.js';
import { assertSchema, formatKeyPath, parseLocatedYaml, type Segment } from '../../config/located-yaml.js';
import { ConfigurationError } from '../../errors.js';
import type { BackendName } from './backend.js';
import { parseCidr, type CidrRange } from './cidr.js';
import { POLICY_SCHEMA } from './policy-schema.js';
import { parseInterval, type UsageLimit } from './usage-window.js';

/** The endpoint's policy file: who may call, from where, how often, and what is logged. */

export interface AccessTokenPolicy {
  readonly tokenId: string;
  readonly sha256: string;
  readonly scopes: readonly string[];
  readonly expiration: Date;
  readonly notBefore?: Date;
  readonly revoked?: Date;
  readonly ipRestrictions: readonly CidrRange[];
  readonly usageLimit?: UsageLimit;
  readonly auditEnabled: boolean;
  /** Values replaced by a rotation, each valid until its grace ends. */
  readonly previous: readonly { readonly sha256: string; readonly validUntil: Date }[];
}

export interface JwtPolicy {
  readonly jwksUrl?: string;
  readonly hs256SecretEnv?: string;
  readonly issuer?: string;
  readonly audience?: string;
  readonly ipRestrictions: readonly CidrRange[];
  readonly usageLimit?: UsageLimit;
  readonly auditEnabled: boolean;
}

export interface AuditPolicy {
  readonly output: string;
  readonly options?: LoggerOptions;
  /** Log the reviewed content (redacted) as well as the metadata. */
  readonly includePayload: boolean;
}

export interface Policy {
  readonly backend?: BackendName;
  readonly trustedProxies: readonly CidrRange[];
  readonly maxBodyBytes: number;
  readonly maxConcurrent: number;
  readonly jwt?: JwtPolicy;
  readonly audit?: AuditPolicy;
  readonly tokens: readonly AccessTokenPolicy[];
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_CONCURRENT = 32;

/** The file as written (snake_case), for the token commands that edit it. */
export interface RawAccessToken {
  token_id: string;
  description?: string;
  token_sha256: string;
  scopes: string[];
  created?: string;
  expiration: string;
  not_before?: string;
  revoked?: string;
  ip_restrictions?: string[];
  usage_limits?: { max_requests: number; reset_interval: string };
  audit_enabled?: boolean;
  previous_tokens?: { token_sha256: string; valid_until: string }[];
}

interface RawLimits {
  ip_restrictions?: string[];
  usage_limits?: { max_requests: number; reset_interval: string };
  audit_enabled?: boolean;
}

interface RawPolicy {
  version: 1;
  backend?: BackendName;
  server?: { trusted_proxies?: string[]; max_body_bytes?: number; max_concurrent?: number };
  jwt?: RawLimits & { jwks_url?: string; hs256_secret_env?: string; issuer?: string; audience?: string };
  audit?: { output: string; options?: LoggerOptions; include_payload?: boolean };
  access_tokens?: RawAccessToken[];
}

let compiled: ReturnType<Ajv['compile']> | undefined;
function policyValidator(): ReturnType<Ajv['compile']> {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
    // ajv-formats is CommonJS: seen from ESM its function is the module's `default`.
    const addFormats = ajvFormats.default as unknown as (a: Ajv, formats: string[]) => Ajv;
    addFormats(ajv, ['date-time', 'uri']);
    compiled = ajv.compile(POLICY_SCHEMA);
  }
  return compiled;
}

/** Parses and checks a policy; every problem is a ConfigurationError at `file:line:column` naming the key. */
export function parsePolicy(text: string, fileName: string): Policy {
  const parsed = parseLocatedYaml(text, fileName, 'a mapping with `version: 1` and `access_tokens`');
  assertSchema(parsed, policyValidator());
  const raw = parsed.data as RawPolicy;
  const read = policyReader(parsed.where);
  const jwt = raw.jwt;
  if (jwt && !jwt.jwks_url && !jwt.hs256_secret_env) read.fail(['jwt'], 'needs jwks_url or hs256_secret_env');
  if (jwt?.jwks_url && !/^https:\/\/|^http:\/\/(127\.|localhost[:/]|\[::1\])/.test(jwt.jwks_url))
    read.fail(['jwt', 'jwks_url'], `must be https (http only on loopback); got '${jwt.jwks_url}'`);
  const tokens = readAccessTokens(raw.access_tokens ?? [], read);
  return {
    ...(raw.backend ? { backend: raw.backend } : {}),
    trustedProxies: read.cidrs(['server', 'trusted_proxies'], raw.server?.trusted_proxies),
    maxBodyBytes: raw.server?.max_body_bytes ?? DEFAULT_MAX_BODY_BYTES,
    maxConcurrent: raw.server?.max_concurrent ?? DEFAULT_MAX_CONCURRENT,
    ...(jwt
      ? {
          jwt: {
            ...(jwt.jwks_url ? { jwksUrl: jwt.jwks_url } : {}),
            ...(jwt.hs256_secret_env ? { hs256SecretEnv: jwt.hs256_secret_env } : {}),
            ...(jwt.issuer ? { issuer: jwt.issuer } : {}),
            ...(jwt.audience ? { audience: jwt.audience } : {}),
            ipRestrictions: read.cidrs(['jwt', 'ip_restrictions'], jwt.ip_restrictions),
            ...optionalLimit(read.limit(['jwt', 'usage_limits'], jwt.usage_limits)),
            auditEnabled: jwt.audit_enabled !== false,
          },
        }
      : {}),
    ...(raw.audit
      ? {
          audit: {
            output: raw.audit.output,
            ...(raw.audit.options ? { options: raw.audit.options } : {}),
            includePayload: raw.audit.include_payload === true,
          },
        }
      : {}),
    tokens,
  };
}

/** Reads the parts a policy shares (CIDR lists, usage limits), failing at the key's location. */
interface PolicyReader {
  fail(path: readonly Segment[], message: string): never;
  cidrs(path: Segment[], list: readonly string[] | undefined): CidrRange[];
  limit(path: Segment[], raw: RawLimits['usage_limits']): UsageLimit | undefined;
}

function policyReader(where: (path: readonly Segment[]) => string): PolicyReader {
  const fail = (path: readonly Segment[], message: string): never => {
    throw new ConfigurationError(`${formatKeyPath(path)} ${message}`, where(path));
  };
  return {
    fail,
    cidrs: (path, list) =>
      (list ?? []).map((text, i) => {
        const range = parseCidr(text);
        return typeof range === 'string' ? fail([...path, i], `is not a CIDR range: ${range}`) : range;
      }),
    limit: (path, raw) => {
      if (!raw) return undefined;
      const intervalMs = parseInterval(raw.reset_interval);
      if (intervalMs === undefined)
        fail(
          [...path, 'reset_interval'],
          `must be hourly, daily, weekly, monthly or a duration such as 15m, 1h, 7d; got '${raw.reset_interval}'`,
        );
      return { maxRequests: raw.max_requests, intervalMs: intervalMs! };
    },
  };
}

/** The access tokens; a token id or a token value used twice is an error at the second use. */
function readAccessTokens(list: NonNullable<RawPolicy['access_tokens']>, read: PolicyReader): AccessTokenPolicy[] {
  const ids = new Map<string, number>();
  const hashes = new Map<string, string>();
  return list.map((t, i): AccessTokenPolicy => {
    const base: Segment[] = ['access_tokens', i];
    const first = ids.get(t.token_id);
    if (first !== undefined)
      read.fail([...base, 'token_id'], `'${t.token_id}' is already used by access_tokens[${first}]`);
    ids.set(t.token_id, i);
    const values = [t.token_sha256, ...(t.previous_tokens ?? []).map((p) => p.token_sha256)];
    values.forEach((hash, k) => {
      const other = hashes.get(hash);
      const where = k === 0 ? [...base, 'token_sha256'] : [...base, 'previous_tokens', k - 1, 'token_sha256'];
      if (other !== undefined) read.fail(where, `is the same token as one of '${other}'; each token value is unique`);
      hashes.set(hash, t.token_id);
    });
    return {
      tokenId: t.token_id,
      sha256: t.token_sha256,
      scopes: t.scopes,
      expiration: new Date(t.expiration),
      ...(t.not_before ? { notBefore: new Date(t.not_before) } : {}),
      ...(t.revoked ? { revoked: new Date(t.revoked) } : {}),
      ipRestrictions: read.cidrs([...base, 'ip_restrictions'], t.ip_restrictions),
      ...optionalLimit(read.limit([...base, 'usage_limits'], t.usage_limits)),
      auditEnabled: t.audit_enabled !== false,
      previous: (t.previous_tokens ?? []).map((p) => ({ sha256: p.token_sha256, validUntil: new Date(p.valid_until) })),
    };
  });
}

function optionalLimit(usageLimit: UsageLimit | undefined): { usageLimit?: UsageLimit } {
  return usageLimit ? { usageLimit } : {};
}
