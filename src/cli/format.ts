import { describeCounts } from '../core/gate.js';
import { escapeCommandData, escapeCommandProperty } from '../core/render/annotations.js';
import { sortFindings } from '../core/findings/finalize.js';
import type { Finding, GateDecision, SkipKind, SkippedFile } from '../core/types.js';

export interface TextStyle {
  readonly color: boolean;
}

const COLORS = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  notice: '\u001b[36m',
  success: '\u001b[32m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
  reset: '\u001b[0m',
};

/** `path:line:col: severity [rule] message`, one finding a line, as editors and terminals link it. */
export function formatText(
  findings: readonly Finding[],
  gate: GateDecision,
  skipped: readonly SkippedFile[],
  style: TextStyle,
): string {
  const c = (code: keyof typeof COLORS, s: string) => (style.color ? `${COLORS[code]}${s}${COLORS.reset}` : s);
  const lines: string[] = [];
  for (const f of sortFindings(findings)) {
    // A finding about the whole file (line 0), as in an empty file, names the file alone.
    const line = f.line > 0 ? `:${f.line}${f.column !== undefined ? `:${f.column}` : ''}` : '';
    // The AI review's findings are marked, so a reader tells them from the repository's own rules at a glance.
    const rule = f.category === 'ai' ? `[AI ${f.ruleId}]` : `[${f.ruleId}]`;
    lines.push(
      `${c('bold', `${stripControl(f.path)}${line}`)}: ${c(f.severity, f.severity)} ${c('dim', rule)} ${stripControl(f.message)}`,
    );
  }
  const counted = new Map<string, number>();
  for (const s of skipped) {
    const group = SKIP_GROUPS[s.kind];
    if (group === undefined) lines.push(c('dim', `${stripControl(s.path)}: not reviewed: ${stripControl(s.reason)}`));
    else counted.set(group, (counted.get(group) ?? 0) + 1);
  }
  if (counted.size > 0) {
    const parts = [...counted].map(([group, n]) => `${n} ${group}`);
    lines.push(c('dim', `skipped: ${parts.join(', ')}`));
  }
  const verdict =
    gate.conclusion === 'failure'
      ? c('error', 'FAILED')
      : gate.conclusion === 'success'
        ? c('success', 'passed')
        : 'neutral';
  lines.push(`${describeCounts(gate.counts)}: gate ${verdict} ${c('dim', `(${describeThreshold(gate)})`)}`);
  return lines.join('\n') + '\n';
}

/** The threshold, as the flag that sets it: `2 at or above --fail-on warning`. */
function describeThreshold(gate: GateDecision): string {
  if (gate.failOn === 'never') return '--fail-on never: findings are reported, nothing blocks';
  if (gate.blocking === 0) return `none at or above --fail-on ${gate.failOn}`;
  return `${gate.blocking} at or above --fail-on ${gate.failOn}`;
}

/** Skips that are counted, not listed: by a filter, or binary. Absent for one worth a line of its own. */
const SKIP_GROUPS: Partial<Record<SkipKind, string>> = {
  binary: 'binary',
  'built-in-exclude': 'by the built-in excludes (archives, images, lock files, generated)',
  excluded: 'by --exclude',
  'not-included': 'not matched by --include',
};

/** GitHub workflow commands, for running the CLI inside a workflow step. */
export function formatGithub(findings: readonly Finding[]): string {
  return sortFindings(findings)
    .map((f) => {
      const level = f.severity === 'notice' ? 'notice' : f.severity;
      const lines = f.line > 0 ? `,line=${f.line},endLine=${Math.max(f.line, f.endLine)}` : '';
      return `::${level} file=${escapeCommandProperty(f.path)}${lines},title=${escapeCommandProperty(f.ruleId)}::${escapeCommandData(f.message)}\n`;
    })
    .join('');
}

/** Terminal output never carries raw control characters from file names or messages. */
export function stripControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?');
}
