import { isMarkedFixed, readHeading, readMarker } from '../render/review-comment.js';
import type { Finding } from '../types.js';

/** One of the pull request's review comments, as the carry step needs it. */
export interface EarlierComment {
  readonly id: number;
  readonly body: string;
  readonly path: string;
  readonly line: number | null;
  readonly inReplyToId?: number;
  /** Whether we wrote it (the token's login, not only the marker: a marker can be copied). */
  readonly ours: boolean;
  /** Whether its thread was resolved by a person. */
  readonly resolved: boolean;
}

export interface CarryScope {
  /** Files the AI reviewer saw in this run: its silence there means the earlier finding is gone. */
  readonly reviewedPaths: ReadonlySet<string>;
  /** Files still in the pull request: an earlier finding on a file no longer changed is not carried. */
  readonly changedPaths: ReadonlySet<string>;
}

/**
 * Earlier AI findings that still stand: our open (not fixed, not resolved) comments of category `ai` on files the
 * AI reviewer did not see again in this run. They count in this run's gate, so a push that touches only another
 * file (an incremental review sends only that file) cannot turn the gate green while an AI error remains.
 */
export function carryEarlierAiFindings(comments: readonly EarlierComment[], scope: CarryScope): Finding[] {
  const carried = new Map<string, Finding>();
  for (const c of comments) {
    if (!c.ours || c.inReplyToId !== undefined || c.resolved || isMarkedFixed(c.body)) continue;
    const marker = readMarker(c.body);
    if (marker?.category !== 'ai' || carried.has(marker.fingerprint)) continue;
    if (scope.reviewedPaths.has(c.path) || !scope.changedPaths.has(c.path)) continue;
    const heading = readHeading(c.body);
    if (!heading) continue;
    const line = c.line ?? 0;
    carried.set(marker.fingerprint, {
      ruleId: heading.ruleId,
      category: 'ai',
      severity: heading.severity,
      path: c.path,
      line,
      endLine: line,
      message: 'Still open from an earlier AI review: this file was not reviewed again in this run (see its comment).',
      fingerprint: marker.fingerprint,
      source: 'codex',
    });
  }
  return [...carried.values()];
}
