import { countBySeverity, severityRank } from './findings/finalize.js';
import type { FailOn, Finding, GateDecision } from './types.js';

/**
 * The pass/fail decision branch protection relies on. `fail-on` is the lowest severity that fails;
 * `never` reports findings as neutral and never fails.
 */
export function decideGate(findings: readonly Finding[], failOn: FailOn): GateDecision {
  const counts = countBySeverity(findings);
  const total = findings.length;
  if (total === 0) return { conclusion: 'success', failed: false, counts, failOn, blocking: 0, reason: 'No findings' };
  const summary = describeCounts(counts);
  if (failOn === 'never') {
    return { conclusion: 'neutral', failed: false, counts, failOn, blocking: 0, reason: `${summary} (fail-on: never)` };
  }
  const blocking = findings.filter((f) => severityRank(f.severity) <= severityRank(failOn)).length;
  const decided = { counts, failOn, blocking };
  if (blocking > 0) {
    return { conclusion: 'failure', failed: true, ...decided, reason: `${summary}: ${blocking} at or above ${failOn}` };
  }
  return { conclusion: 'success', failed: false, ...decided, reason: `${summary}, none at or above ${failOn}` };
}

export function describeCounts(counts: Readonly<Record<'error' | 'warning' | 'notice', number>>): string {
  const parts = (['error', 'warning', 'notice'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(', ') : 'No findings';
}
