import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { ConfigurationError } from '../../errors.js';
import type { Caller, Denial } from './authorize.js';
import type { JwtPolicy } from './policy.js';

/**
 * JWTs from the team's identity provider, verified with jose: the signature (JWKS or HS256 secret), `exp`,
 * `nbf`, and `iss`/`aud` when the policy names them. Scopes come from `scope` (space-separated) or `scp`.
 */

export type JwtVerifier = (token: string) => Promise<Caller | Denial>;

const CLOCK_TOLERANCE_S = 60;

export function createJwtVerifier(policy: JwtPolicy, env: Readonly<Record<string, string | undefined>>): JwtVerifier {
  const key = keyFor(policy, env);
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
        ...(policy.issuer ? { issuer: policy.issuer } : {}),
        ...(policy.audience ? { audience: policy.audience } : {}),
        clockTolerance: CLOCK_TOLERANCE_S,
        algorithms: policy.jwksUrl ? ['RS256', 'ES256', 'PS256', 'EdDSA', 'RS384', 'ES384'] : ['HS256'],
      }));
    } catch (error) {
      return describeJwtError(error);
    }
    const sub = typeof payload.sub === 'string' ? payload.sub.replace(/[^\w.@:-]/g, '?').slice(0, 64) : 'unknown';
    return {
      kind: 'jwt',
      tokenId: `jwt:${sub}`,
      scopes: readScopes(payload),
      ipRestrictions: policy.ipRestrictions,
      ...(policy.usageLimit ? { usageLimit: policy.usageLimit } : {}),
      auditEnabled: policy.auditEnabled,
    };
  };
}

function keyFor(policy: JwtPolicy, env: Readonly<Record<string, string | undefined>>) {
  if (policy.jwksUrl) return createRemoteJWKSet(new URL(policy.jwksUrl));
  const name = policy.hs256SecretEnv!;
  const secret = env[name];
  if (!secret || Buffer.byteLength(secret) < 32) {
    throw new ConfigurationError(`jwt.hs256_secret_env names ${name}, which must hold a secret of at least 32 bytes`);
  }
  return new TextEncoder().encode(secret);
}

function readScopes(payload: JWTPayload): string[] {
  const out: string[] = [];
  for (const value of [payload.scope, payload.scp]) {
    if (typeof value === 'string') out.push(...value.split(/\s+/).filter(Boolean));
    else if (Array.isArray(value)) out.push(...value.filter((v): v is string => typeof v === 'string'));
  }
  return [...new Set(out)];
}

function describeJwtError(error: unknown): Denial {
  if (error instanceof errors.JWTExpired)
    return { status: 401, kind: 'expired', message: 'the JWT has expired (exp is in the past)' };
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf')
      return { status: 401, kind: 'not-yet-valid', message: 'the JWT is not valid yet (nbf is in the future)' };
    return {
      status: 401,
      kind: 'invalid-jwt',
      message: `the JWT's ${error.claim} claim is not accepted (${error.reason})`,
    };
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return { status: 401, kind: 'invalid-jwt', message: 'the JWT signature does not verify' };
  const code = (error as { code?: unknown }).code;
  return {
    status: 401,
    kind: 'invalid-jwt',
    message: `the JWT is not accepted (${typeof code === 'string' ? code : 'invalid'})`,
  };
}
