import type * as Crypto from 'node:crypto';
import { deferBuiltin } from '../lazy-builtin.js';
import type { BaselineFile, SecretMatch } from './types.js';

const crypto = deferBuiltin<typeof Crypto>('node:crypto');

/** sha256 of rule id and secret: no line, no path, so it survives edits and moves; never reveals the value. */
export function secretFingerprint(ruleId: string, secret: string): string {
  return crypto().createHash('sha256').update(ruleId).update('\0').update(secret).digest('hex');
}

export function createBaseline(matches: readonly Pick<SecretMatch, 'ruleId' | 'secret'>[]): BaselineFile {
  const seen = new Map<string, string>();
  for (const m of matches) seen.set(secretFingerprint(m.ruleId, m.secret), m.ruleId);
  const fingerprints = [...seen]
    .map(([fingerprint, ruleId]) => ({ ruleId, fingerprint }))
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  return { version: 1, fingerprints };
}

/** Parses a baseline file; throws on anything but version 1 with sha256 hex fingerprints. */
export function parseBaseline(json: string): Set<string> {
  const data = JSON.parse(json) as Partial<BaselineFile> | null;
  if (!data || data.version !== 1 || !Array.isArray(data.fingerprints)) {
    throw new Error('baseline: expected {"version": 1, "fingerprints": [...]}');
  }
  const out = new Set<string>();
  for (const entry of data.fingerprints) {
    const fp = (entry as { fingerprint?: unknown } | null)?.fingerprint;
    if (typeof fp !== 'string' || !/^[a-f0-9]{64}$/.test(fp))
      throw new Error('baseline: each fingerprint must be 64 hex characters');
    out.add(fp);
  }
  return out;
}
