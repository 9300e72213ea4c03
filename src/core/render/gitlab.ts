import { sortFindings } from '../findings/finalize.js';
import type { Finding, Severity } from '../types.js';

/**
 * One issue of GitLab's Code Quality report (the Code Climate subset GitLab reads), which GitLab shows in
 * a merge request's widget and diff when a job uploads it as `artifacts:reports:codequality`.
 */
export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  readonly categories: readonly string[];
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end?: number } };
}

const SEVERITY: Record<Severity, CodeQualityIssue['severity']> = {
  error: 'critical',
  warning: 'major',
  notice: 'info',
};

/**
 * The findings as a Code Quality report. Pure. GitLab keys an issue by its fingerprint across pipelines, so
 * each must be unique in one report: a repeated one (the same content twice in a file) gets a suffix.
 */
export function renderGitlabCodeQuality(findings: readonly Finding[]): CodeQualityIssue[] {
  const seen = new Map<string, number>();
  return sortFindings(findings).map((f) => {
    const n = seen.get(f.fingerprint) ?? 0;
    seen.set(f.fingerprint, n + 1);
    // A finding about the whole file (line 0) points at its first line: GitLab needs a line to show it.
    const begin = Math.max(1, f.line);
    const end = Math.max(begin, f.endLine);
    return {
      description: f.message.trim() === '' ? f.ruleId : f.message,
      check_name: f.ruleId,
      fingerprint: n === 0 ? f.fingerprint : `${f.fingerprint}-${n}`,
      severity: SEVERITY[f.severity],
      categories: [f.category === 'secret' ? 'Security' : 'Bug Risk'],
      location: { path: f.path, lines: end > begin ? { begin, end } : { begin } },
    };
  });
}
