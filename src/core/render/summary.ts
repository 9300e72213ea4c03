import { describeCounts } from '../gate.js';
import { sortFindings } from '../findings/finalize.js';
import { dropImages, sanitizeMarkdown } from './markdown.js';

/** The endpoint's summary, at most, in the job summary and the check run. */
const AI_SUMMARY_LIMIT = 20_000;
import type { Note } from '../notes.js';
import type { Finding, GateDecision, SkippedFile, ReviewStats } from '../types.js';

export interface SummaryInput {
  readonly title: string;
  readonly gate: GateDecision;
  readonly failOn: string;
  readonly findings: readonly Finding[];
  readonly stats: ReviewStats;
  readonly skipped: readonly SkippedFile[];
  /** Lines said once at the top: AI review skipped, config changed by the PR, permissions missing… */
  readonly notes: readonly Note[];
  /** The endpoint's own summary, already redacted. */
  readonly aiSummary?: string;
  /** Link base for `path#Lnn` links, e.g. `https://github.com/o/r/blob/<sha>`. */
  readonly blobUrl?: string;
  /** Most rows in the findings table; the rest are counted. */
  readonly maxRows?: number;
}

const ICON = { error: '🔴', warning: '🟠', notice: '🔵' } as const;
const CONCLUSION = { success: '✅ Passed', failure: '❌ Failed', neutral: '⚪ Neutral' } as const;

/** The markdown of the job summary and the check run summary. */
export function renderSummary(input: SummaryInput): string {
  const { gate, stats } = input;
  const out: string[] = [];
  out.push(`## ${input.title}: ${CONCLUSION[gate.conclusion]}`, '');
  out.push(
    `${describeCounts(gate.counts)} · fail-on: \`${input.failOn}\` · ${stats.filesScanned} of ${stats.files} files reviewed · ${formatBytes(stats.bytesScanned)} scanned`,
    '',
  );
  for (const n of input.notes) out.push(`> ${escapeCell(n.message)}`, '');
  if (input.aiSummary) out.push('### AI review', '', sanitizeMarkdown(input.aiSummary, AI_SUMMARY_LIMIT), '');
  if (input.findings.length > 0) {
    const max = input.maxRows ?? 200;
    const rows = sortFindings(input.findings);
    out.push('### Findings', '', '| | Rule | Location | Message |', '|---|---|---|---|');
    for (const f of rows.slice(0, max)) {
      out.push(
        `| ${ICON[f.severity]} | \`${escapeCell(f.ruleId)}\` | ${location(f, input.blobUrl)} | ${escapeCell(f.message)} |`,
      );
    }
    if (rows.length > max) out.push('', `… and ${rows.length - max} more findings in the JSON report.`);
    out.push('');
  }
  if (input.skipped.length > 0) {
    out.push('<details><summary>Files not reviewed (' + input.skipped.length + ')</summary>', '');
    for (const s of input.skipped.slice(0, 500)) out.push(`- \`${escapeCell(s.path)}\`: ${escapeCell(s.reason)}`);
    if (input.skipped.length > 500) out.push(`- … and ${input.skipped.length - 500} more`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
}

function location(f: Finding, blobUrl: string | undefined): string {
  const where = f.line > 0 ? `${f.path}:${f.line}` : f.path;
  const text = `\`${escapeCell(where)}\``;
  if (!blobUrl) return text;
  const anchor = f.line > 0 ? `#L${f.line}${f.endLine > f.line ? `-L${f.endLine}` : ''}` : '';
  return `[${text}](${blobUrl}/${f.path.split('/').map(encodeURIComponent).join('/')}${anchor})`;
}

/** Keeps hostile text from breaking the table or injecting markup: pipes, newlines, HTML. */
export function escapeCell(text: string): string {
  return (
    dropImages(text)
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/`/g, "'")
      .replace(/\r?\n/g, ' ')
      // The summary is also posted as a PR comment, where a mention would notify.
      .replace(/(^|[^A-Za-z0-9])@(?=[A-Za-z0-9])/g, '$1@\u200D')
  );
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
