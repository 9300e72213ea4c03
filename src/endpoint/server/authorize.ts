import { createHash } from 'node:crypto';
import { matchesAny, parseAddress, type CidrRange } from './cidr.js';
import type { AccessTokenPolicy, Policy } from './policy.js';
import type { UsageLimit, UsageWindows } from './usage-window.js';

/**
 * Who is calling and whether they may: the token (401), its scopes and the client address (403), its usage
 * limit (429). Every denial has a `kind` and a message naming the cause and the token id, never the token.
 */

/** A scope that lets a token have a pull request reviewed. */
export const REVIEW_SCOPES: readonly string[] = ['hooks:trigger', 'hooks:execute'];

export interface Caller {
  readonly kind: 'access-token' | 'jwt';
  /** The policy's token_id, or `jwt:<sub>`. */
  readonly tokenId: string;
  readonly scopes: readonly string[];
  readonly ipRestrictions: readonly CidrRange[];
  readonly usageLimit?: UsageLimit;
  readonly auditEnabled: boolean;
  /** Set while a rotated-out value is used in its grace period. */
  readonly graceUntil?: Date;
}

export type DenialKind =
  | 'missing-token'
  | 'unknown-token'
  | 'expired'
  | 'not-yet-valid'
  | 'revoked'
  | 'grace-ended'
  | 'invalid-jwt'
  | 'missing-scope'
  | 'address-not-allowed'
  | 'usage-limit';

export interface Denial {
  readonly status: 401 | 403 | 429;
  readonly kind: DenialKind;
  readonly message: string;
  readonly tokenId?: string;
  readonly retryAfterSeconds?: number;
}

interface IndexedValue {
  readonly entry: AccessTokenPolicy;
  /** For a rotated-out value: the end of its grace. */
  readonly graceUntil?: Date;
}

/** token SHA-256 → entry, current and rotated-out values alike; built once per policy load. */
export function indexTokens(policy: Policy): ReadonlyMap<string, IndexedValue> {
  const index = new Map<string, IndexedValue>();
  for (const entry of policy.tokens) {
    index.set(entry.sha256, { entry });
    for (const p of entry.previous) index.set(p.sha256, { entry, graceUntil: p.validUntil });
  }
  return index;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** An opaque access token, looked up by its hash and checked for time validity. */
export function identifyAccessToken(
  token: string,
  index: ReadonlyMap<string, IndexedValue>,
  now: Date,
): Caller | Denial {
  const found = index.get(hashToken(token));
  if (!found) return deny401('unknown-token', 'the token is not known to this endpoint');
  const { entry, graceUntil } = found;
  const id = entry.tokenId;
  if (entry.revoked && entry.revoked <= now)
    return deny401('revoked', `token '${id}' was revoked at ${entry.revoked.toISOString()}`, id);
  if (graceUntil && graceUntil <= now)
    return deny401(
      'grace-ended',
      `token '${id}' was rotated and this value's grace period ended at ${graceUntil.toISOString()}; use the new token`,
      id,
    );
  if (entry.expiration <= now)
    return deny401('expired', `token '${id}' expired at ${entry.expiration.toISOString()}`, id);
  if (entry.notBefore && entry.notBefore > now)
    return deny401('not-yet-valid', `token '${id}' is not valid before ${entry.notBefore.toISOString()}`, id);
  return {
    kind: 'access-token',
    tokenId: id,
    scopes: entry.scopes,
    ipRestrictions: entry.ipRestrictions,
    ...(entry.usageLimit ? { usageLimit: entry.usageLimit } : {}),
    auditEnabled: entry.auditEnabled,
    ...(graceUntil ? { graceUntil } : {}),
  };
}

/** Scope, then address, then usage: a request refused for scope or address does not count against the limit. */
export function authorize(caller: Caller, clientAddress: string, windows: UsageWindows, now: Date): Denial | undefined {
  const id = caller.tokenId;
  if (!caller.scopes.some((s) => REVIEW_SCOPES.includes(s))) {
    return {
      status: 403,
      kind: 'missing-scope',
      tokenId: id,
      message: `token '${id}' lacks the scope hooks:trigger (or hooks:execute); it has [${caller.scopes.join(', ')}]`,
    };
  }
  if (caller.ipRestrictions.length > 0 && !matchesAny(clientAddress, caller.ipRestrictions)) {
    return {
      status: 403,
      kind: 'address-not-allowed',
      tokenId: id,
      message: `the client address ${printable(clientAddress)} is outside the IP restrictions of token '${id}'`,
    };
  }
  if (caller.usageLimit) {
    const decision = windows.take(id, caller.usageLimit, now.getTime());
    if (!decision.allowed) {
      return {
        status: 429,
        kind: 'usage-limit',
        tokenId: id,
        retryAfterSeconds: decision.retryAfterSeconds,
        message: `token '${id}' reached its usage limit of ${caller.usageLimit.maxRequests} requests; retry after ${decision.retryAfterSeconds} s`,
      };
    }
  }
  return undefined;
}

/**
 * The client: the socket's peer, or, when that peer is a proxy the operator named, the right-most address
 * of X-Forwarded-For that is not itself a named proxy. Anyone else's X-Forwarded-For is ignored: it is
 * only a claim.
 */
export function clientAddress(
  peer: string,
  forwardedFor: string | undefined,
  trustedProxies: readonly CidrRange[],
): string {
  if (!forwardedFor || trustedProxies.length === 0 || !matchesAny(peer, trustedProxies)) return peer;
  const hops = forwardedFor
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!parseAddress(hop)) return hop;
    if (!matchesAny(hop, trustedProxies)) return hop;
  }
  return hops[0] ?? peer;
}

function deny401(kind: DenialKind, message: string, tokenId?: string): Denial {
  return { status: 401, kind, message, ...(tokenId ? { tokenId } : {}) };
}

/** An address from a header may be anything: keep it short and printable. */
function printable(text: string): string {
  return text.replace(/[^\w.:[\]%-]/g, '?').slice(0, 64);
}
