import { describeCounts } from '../core/gate.js';
import { escapeCommandData, escapeCommandProperty } from '../core/render/annotations.js';
import { sortFindings } from '../core/findings/finalize.js';
import type { Finding, GateDecision, SkippedFile } from '../core/types.js';

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
    const where = `${stripControl(f.path)}:${Math.max(1, f.line)}${f.column !== undefined ? `:${f.column}` : ''}`;
    lines.push(
      `${c('bold', where)}: ${c(f.severity, f.severity)} ${c('dim', `[${f.ruleId}]`)} ${stripControl(f.message)}`,
    );
  }
  for (const s of skipped.filter((x) => !/^(excluded|built-in|not matched)/.test(x.reason))) {
    lines.push(`${c('dim', `${stripControl(s.path)}: not reviewed: ${stripControl(s.reason)}`)}`);
  }
  const verdict =
    gate.conclusion === 'failure'
      ? c('error', 'FAILED')
      : gate.conclusion === 'success'
        ? c('success', 'passed')
        : 'neutral';
  lines.push(`${describeCounts(gate.counts)}: gate ${verdict}`);
  return lines.join('\n') + '\n';
}

/** GitHub workflow commands, for running the CLI inside a workflow step. */
export function formatGithub(findings: readonly Finding[]): string {
  return sortFindings(findings)
    .map((f) => {
      const level = f.severity === 'notice' ? 'notice' : f.severity;
      return `::${level} file=${escapeCommandProperty(f.path)},line=${Math.max(1, f.line)},endLine=${Math.max(1, f.endLine)},title=${escapeCommandProperty(f.ruleId)}::${escapeCommandData(f.message)}\n`;
    })
    .join('');
}

/** Terminal output never carries raw control characters from file names or messages. */
export function stripControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?');
}
