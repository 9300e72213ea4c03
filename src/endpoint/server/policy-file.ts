import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { indexTokens, type Caller, type Denial } from './authorize.js';
import { createJwtVerifier, type JwtVerifier } from './jwt.js';
import { parsePolicy, type Policy } from './policy.js';

/**
 * The policy as the server uses it, reloaded when the file changes. The file is checked (one stat) before
 * each request, so a revocation takes effect at once; a file that does not parse leaves the last good
 * policy in force. Writers replace the file atomically (writePolicyFile), so no request ever sees half of one.
 */

export interface LoadedPolicy {
  readonly policy: Policy;
  readonly index: ReturnType<typeof indexTokens>;
  readonly verifyJwt?: JwtVerifier;
}

export interface PolicyHolder {
  /** The policy in force, reloaded first if the file changed. */
  current(): LoadedPolicy;
}

export function loadPolicy(
  text: string,
  file: string,
  env: Readonly<Record<string, string | undefined>>,
): LoadedPolicy {
  const policy = parsePolicy(text, file);
  return {
    policy,
    index: indexTokens(policy),
    ...(policy.jwt ? { verifyJwt: createJwtVerifier(policy.jwt, env) } : {}),
  };
}

export function watchPolicyFile(
  file: string,
  env: Readonly<Record<string, string | undefined>>,
  onReload: (outcome: { ok: true } | { ok: false; error: unknown }) => void,
): PolicyHolder {
  let stamp = stampOf(file);
  let loaded = loadPolicy(readFileSync(file, 'utf8'), file, env);
  return {
    current() {
      const now = stampOf(file);
      if (now !== stamp) {
        stamp = now;
        try {
          loaded = loadPolicy(readFileSync(file, 'utf8'), file, env);
          onReload({ ok: true });
        } catch (error) {
          onReload({ ok: false, error });
        }
      }
      return loaded;
    },
  };
}

function stampOf(file: string): string {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return 'missing';
  }
}

/** Writes to a temporary file beside it, flushes it, then renames it over the old one. */
export function writePolicyFile(file: string, text: string): void {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export type Identity = Caller | Denial;
