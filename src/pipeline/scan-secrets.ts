import { createHash } from 'node:crypto';
import { createFindings, type FindingDraft } from '../core/findings.js';
import { scanSecrets, secretHint, type SecretMatch, type SecretScanOptions } from '../core/secrets/index.js';
import type { Finding } from '../core/types.js';
import type { ReviewFile } from './prepare-files.js';

export interface SecretHit {
  readonly path: string;
  readonly match: SecretMatch;
}

/** Scans the added lines of every reviewed file. The raw secrets stay in the returned hits, in memory only. */
export function scanReviewFiles(
  files: readonly ReviewFile[],
  options: SecretScanOptions = {},
): { findings: Finding[]; secrets: SecretHit[] } {
  const secrets: SecretHit[] = [];
  for (const f of files) {
    if (f.parsed.added.length === 0) continue;
    for (const match of scanSecrets(f.parsed.added, options)) secrets.push({ path: f.file.path, match });
  }
  return { findings: createFindings(secrets.map(secretFindingDraft)), secrets };
}

export function secretFindingDraft(hit: SecretHit): FindingDraft {
  const { match } = hit;
  const hint = secretHint(match.secret);
  return {
    ruleId: match.ruleId,
    category: 'secret',
    severity: match.severity,
    path: hit.path,
    line: match.line,
    endLine: match.endLine,
    column: match.column,
    message: `${match.description} found (${hint}). Remove it, rotate it, and load it from a secret store.`,
    // The fingerprint is keyed on a hash of the secret, never the secret itself.
    anchor: createHash('sha256').update(match.secret).digest('hex'),
    redacted: hint,
    source: 'secret-scan',
  };
}
