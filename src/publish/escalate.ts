import type { Finding, GateDecision, PullRequest } from '../core/types.js';
import { UpstreamError } from '../errors.js';
import type { Escalation } from '../settings/action-inputs.js';
import type { Logger } from '../logger.js';
import type { GitHubPort } from '../ports.js';

/** Hidden in our check run's summary: this head commit was escalated to people already. */
export const ESCALATED_MARKER = '<!-- codex-hooks:escalated -->';

export interface EscalationOutcome {
  /** Said in the summary. */
  readonly notes: string[];
  /** The check run must carry ESCALATED_MARKER: people were asked on this commit (now or before). */
  readonly escalated: boolean;
}

/**
 * Sends what fails the automated gate to people: requests a review from the configured users and teams and
 * adds the configured label, once per head commit (our earlier check runs on the commit carry the marker).
 * A refusal (no `pull-requests: write`, a team the token cannot see) is a note; the gate fails as it would.
 */
export async function escalate(
  github: GitHubPort,
  logger: Logger,
  pr: PullRequest,
  escalation: Escalation,
  gate: GateDecision,
  findings: readonly Finding[],
  checkName: string,
): Promise<EscalationOutcome> {
  const none = { notes: [], escalated: false };
  const people = escalation.users.length + escalation.teams.length > 0;
  if (!gate.failed || (!people && !escalation.label)) return none;
  if (escalation.on === 'secrets' && !findings.some((f) => f.category === 'secret')) return none;
  const earlier = await github.listCheckRuns(pr, pr.headSha, checkName).catch(() => []);
  if (earlier.some((run) => run.summary.includes(ESCALATED_MARKER))) {
    return { notes: [`Escalated on ${pr.headSha.slice(0, 12)} by an earlier run; not asked again.`], escalated: true };
  }
  const notes: string[] = [];
  let escalated = false;
  const attempt = async (what: string, act: () => Promise<void>, done: string) => {
    try {
      await act();
      notes.push(done);
      escalated = true;
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const note = `Could not ${what}: ${error.message}`;
      logger.warning(note);
      notes.push(note);
    }
  };
  if (people) {
    const names = [...escalation.users.map((u) => `@\u200d${u}`), ...escalation.teams.map((t) => `team ${t}`)];
    await attempt(
      'request reviewers',
      () => github.requestReviewers(pr, { users: escalation.users, teams: escalation.teams }),
      `The gate failed: a review was requested from ${names.join(', ')}.`,
    );
  }
  if (escalation.label) {
    await attempt(
      `add the label '${escalation.label}'`,
      () => github.addLabels(pr, [escalation.label]),
      `The gate failed: the label '${escalation.label}' was added.`,
    );
  }
  for (const n of notes) logger.info(n);
  return { notes, escalated };
}
