import type * as Crypto from 'node:crypto';
import { deferBuiltin } from '../lazy-builtin.js';
import type {
  AiReportEntry,
  Finding,
  FindingCategory,
  JsonReport,
  ReportFinding,
  ReviewStats,
  Severity,
  SkippedFile,
  Conclusion,
} from '../types.js';
import { SEVERITIES } from '../types.js';

export interface FindingDraft {
  readonly ruleId: string;
  readonly category: FindingCategory;
  readonly severity: Severity;
  readonly path: string;
  readonly line: number;
  readonly endLine?: number;
  readonly column?: number;
  readonly message: string;
  /**
   * What identifies this finding apart from where it is: the trimmed line text for a validator, a hash of the
   * secret for a secret, the comment title for the endpoint. Never a line number, so the fingerprint survives
   * edits above it. Never the raw secret: callers hash it first.
   */
  readonly anchor: string;
  readonly redacted?: string;
  readonly title?: string;
  readonly suggestion?: string;
  readonly source: string;
}

const crypto = deferBuiltin<typeof Crypto>('node:crypto');

/** Short, stable hash used in fingerprints and hidden comment markers. */
export function shortHash(...parts: readonly string[]): string {
  const h = crypto().createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 16);
}

/**
 * Keys every fingerprint with a secret only the workflow holds (`fingerprint-key`): an HMAC of the plain
 * fingerprint, the same length. A pull request's author can compute a plain fingerprint offline (the rule, the
 * path and their own line or secret are all they need); a keyed one they cannot, so they cannot post a comment
 * that passes for one of ours. An empty key leaves the findings as they are.
 */
export function keyFingerprints(findings: readonly Finding[], key: string): Finding[] {
  if (key === '') return [...findings];
  return findings.map((f) => ({
    ...f,
    fingerprint: crypto().createHmac('sha256', key).update(f.fingerprint).digest('hex').slice(0, f.fingerprint.length),
  }));
}

/**
 * Turns drafts into findings with fingerprints. Identical anchors in one file (the same line pasted twice)
 * get an occurrence counter, so both are kept and each keeps its identity across runs.
 */
export function createFindings(drafts: readonly FindingDraft[]): Finding[] {
  const seen = new Map<string, number>();
  const ordered = [...drafts].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
  return ordered.map((d) => {
    const key = shortHash(d.ruleId, d.path, normalizeAnchor(d.anchor));
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const fingerprint = n === 0 ? key : shortHash(key, String(n));
    return {
      ruleId: d.ruleId,
      category: d.category,
      severity: d.severity,
      path: d.path,
      line: d.line,
      endLine: d.endLine ?? d.line,
      ...(d.column !== undefined ? { column: d.column } : {}),
      message: d.message,
      fingerprint,
      ...(d.redacted !== undefined ? { redacted: d.redacted } : {}),
      ...(d.title !== undefined ? { title: d.title } : {}),
      ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
      source: d.source,
    };
  });
}

function normalizeAnchor(anchor: string): string {
  return anchor.trim().replace(/\s+/g, ' ');
}

/** Keeps the first finding of each fingerprint (local findings are listed before the endpoint's). */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    out.push(f);
  }
  return out;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Most severe first, then by path and line: the order of every report. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      a.path.localeCompare(b.path) ||
      a.line - b.line ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function toReportFinding(f: Finding): ReportFinding {
  return {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    path: f.path,
    line: f.line,
    endLine: f.endLine,
    ...(f.column !== undefined ? { column: f.column } : {}),
    message: f.message,
    fingerprint: f.fingerprint,
    ...(f.redacted !== undefined ? { redacted: f.redacted } : {}),
  };
}

export function buildJsonReport(
  findings: readonly Finding[],
  stats: ReviewStats,
  conclusion: Conclusion,
  skipped: readonly SkippedFile[] = [],
  ai?: AiReportEntry,
): JsonReport {
  return {
    version: 1,
    findings: sortFindings(findings).map(toReportFinding),
    stats,
    conclusion,
    ...(skipped.length > 0 ? { skipped } : {}),
    ...(ai ? { ai } : {}),
  };
}
