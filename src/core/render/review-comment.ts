import { closeDetails, closeFences, neutralize } from './markdown.js';
import type { Placement } from '../findings/placement.js';
import type { Finding, FindingCategory, Severity } from '../types.js';

/**
 * Review comment bodies. Every body carries a hidden marker with the finding's fingerprint and category, so a
 * later run finds what it already posted and what has since been fixed. Bodies are built from already-redacted
 * finding text only; the text is neutralised so it cannot forge a marker, ping people or break the layout:
 * - `<!--` becomes `&lt;!--`: no HTML comment (and so no forged marker) can come from finding text;
 * - `@name` becomes `@\u200Dname` (a zero-width joiner after the `@`): it reads the same but mentions nobody.
 *   Backticks were the alternative, but they change how the text reads and break inside existing code spans;
 * - an unclosed code fence in the message is closed, so it cannot swallow the rest of the comment;
 * - a suggestion is fenced with more backticks than it contains, so it cannot close its own block.
 */

const MARKER = /<!-- codex-hooks:fingerprint=([0-9a-f]{1,64})(?: category=([a-z]+))? -->/;
/** Marks the sticky summary comment on the pull request's conversation. */
export const SUMMARY_MARKER = '<!-- codex-hooks:summary -->';
/** GitHub refuses comment bodies over 65,536 characters. */
export const COMMENT_BODY_LIMIT = 65_536;
const MESSAGE_LIMIT = 20_000;
const SUGGESTION_LIMIT = 30_000;
const FIXED_PREFIX = '✅ **Fixed in';

const LABEL: Record<Severity, string> = { error: '🔴 Error', warning: '🟠 Warning', notice: '🔵 Notice' };

/** The severity and rule id a comment of ours was posted with (its first line), or undefined when it has none. */
export function readHeading(body: string): { readonly severity: Severity; readonly ruleId: string } | undefined {
  // The line right after the marker: finding text further down could imitate it.
  const lines = body.split('\n');
  const heading = lines[lines.findIndex((l) => MARKER.test(l)) + 1] ?? '';
  for (const [severity, label] of Object.entries(LABEL) as [Severity, string][]) {
    const m = new RegExp(`^\\*\\*${label}\\*\\* · \`([^\`]{1,200})\``).exec(heading);
    if (m) return { severity, ruleId: m[1]! };
  }
  return undefined;
}

export function fingerprintMarker(finding: Pick<Finding, 'fingerprint' | 'category'>): string {
  return `<!-- codex-hooks:fingerprint=${finding.fingerprint} category=${finding.category} -->`;
}

export interface CommentMarker {
  readonly fingerprint: string;
  readonly category?: FindingCategory;
}

/** The marker of a body this action posted, or undefined for anyone else's comment. */
export function readMarker(body: string | null | undefined): CommentMarker | undefined {
  const m = MARKER.exec(body ?? '');
  if (!m) return undefined;
  return { fingerprint: m[1]!, ...(m[2] ? { category: m[2] as FindingCategory } : {}) };
}

export function isMarkedFixed(body: string): boolean {
  return body.startsWith(FIXED_PREFIX);
}

/** Prepends the fixed line; the original text stays so the discussion keeps its context. */
export function markFixed(body: string, sha: string): string {
  if (isMarkedFixed(body)) return body;
  return `${FIXED_PREFIX} ${sha.slice(0, 12)}**: this finding is gone from the latest push.\n\n${body}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Whether a finding's suggestion can be offered as a one-click ```suggestion block at this placement. */
export function canSuggest(finding: Finding, placement: Placement): boolean {
  if (finding.suggestion === undefined || placement.kind !== 'inline' || !placement.exact) return false;
  // A suggestion with a redaction placeholder would write the placeholder into the code.
  if (/\[REDACTED:[^\]]*\]/.test(finding.suggestion)) return false;
  return finding.suggestion.length <= SUGGESTION_LIMIT;
}

/** A fenced block that its own text cannot close: the fence is longer than any run of backticks inside. */
export function fencedBlock(content: string, info = ''): string {
  const text = content.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  // An empty suggestion deletes the lines: nothing at all between the fences. Otherwise the replacement is
  // the text without one trailing newline, so '\n' is one blank line.
  return content === '' ? `${fence}${info}\n${fence}` : `${fence}${info}\n${text}\n${fence}`;
}

/** The markdown of one review comment (inline or file-level). */
export function renderReviewComment(finding: Finding, placement: Placement): string {
  const parts: string[] = [];
  parts.push(fingerprintMarker(finding));
  const title = finding.title ? ` · **${neutralize(oneLine(truncate(finding.title, 200)))}**` : '';
  parts.push(`**${LABEL[finding.severity]}** · \`${oneLine(finding.ruleId).replace(/`/g, "'")}\`${title}`, '');
  if (placement.kind !== 'inline' && finding.line > 0) {
    const lines = finding.endLine > finding.line ? `lines ${finding.line}–${finding.endLine}` : `line ${finding.line}`;
    parts.push(`_On ${lines}, outside the diff._`, '');
  } else if (placement.kind === 'inline' && !placement.exact) {
    parts.push(`_About lines ${finding.line}–${finding.endLine}._`, '');
  }
  parts.push(closeDetails(closeFences(neutralize(truncate(finding.message, MESSAGE_LIMIT)))), '');
  if (canSuggest(finding, placement)) {
    parts.push(fencedBlock(finding.suggestion!, 'suggestion'), '');
  } else if (finding.suggestion !== undefined) {
    parts.push('<details><summary>Suggested replacement</summary>', '');
    parts.push(fencedBlock(truncate(finding.suggestion, SUGGESTION_LIMIT)), '', '</details>', '');
  }
  parts.push(`<sub>codex-hooks · ${neutralize(oneLine(finding.source))}</sub>`);
  return truncate(parts.join('\n'), COMMENT_BODY_LIMIT);
}
