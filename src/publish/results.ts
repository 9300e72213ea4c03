import { selectWorkflowAnnotations, toAnnotation, type CheckAnnotation } from '../core/render/annotations.js';
import { renderSummary } from '../core/render/summary.js';
import { CHECK_TEXT_LIMIT, truncateMarkdown } from '../core/render/truncate.js';
import { sortFindings } from '../core/findings/finalize.js';
import { createNotes, type Note, type Notes } from '../core/notes.js';
import type { ChangedFile, Finding, GateDecision, PullRequest, ReviewStats, SkippedFile } from '../core/types.js';
import type { GitHubPort, RunnerPort } from '../ports.js';
import { PermissionError, UpstreamError } from '../errors.js';
import type { CommentMode, Escalation } from '../settings/action-inputs.js';
import { ESCALATED_MARKER, escalate } from './escalate.js';
import { diffFilesOf, planReview, publishReview, type AiScope } from './review-comments.js';

/** The name of the check run branch protection requires. */
export const CHECK_NAME = 'codex-hooks';
/** Annotations sent to the Checks API at most (20 requests); the rest are in the summary and the report. */
export const MAX_CHECK_ANNOTATIONS = 1000;
/** The job summary may hold 1 MiB; stay well under it. */
const JOB_SUMMARY_LIMIT = 900_000;

export interface PublishInput {
  readonly pr: PullRequest;
  readonly findings: readonly Finding[];
  readonly gate: GateDecision;
  readonly failOn: string;
  readonly stats: ReviewStats;
  readonly skipped: readonly SkippedFile[];
  readonly notes: readonly Note[];
  readonly aiSummary?: string;
  /** The `request-changes` input. */
  readonly requestChanges?: boolean;
  readonly commentMode: CommentMode;
  readonly dryRun: boolean;
  /** Every file of the pull request as GitHub listed it, for placing review comments. */
  readonly files: readonly ChangedFile[];
  /** Inline and file-level review comments per run (the `max-comments` input). */
  readonly maxComments: number;
  /** Which files the endpoint reviewed this run; `none` when it did not run. Defaults to `none`. */
  readonly aiScope?: AiScope;
  readonly serverUrl: string;
  readonly runUrl?: string;
  /** Who to ask when the gate fails (the escalate-* inputs); nobody when absent. */
  readonly escalation?: Escalation;
}

export interface PublishResult {
  readonly checkRunId?: number;
  /** The review created this run (comment-mode `review`), if it had new inline comments. */
  readonly reviewId?: number;
  /** Notes added while publishing (a missing permission), also shown in the summary. */
  readonly notes: readonly Note[];
  /** GitHub failed to create the check run for a reason other than a permission: the step must fail. */
  readonly checkRunError?: UpstreamError;
}

/**
 * Posts the check run with its annotations, then writes the job summary. When GitHub refuses the write
 * (a fork's read-only token), the findings still reach the user as workflow-command annotations.
 */
export async function publishResults(
  runner: RunnerPort,
  github: GitHubPort,
  input: PublishInput,
): Promise<PublishResult> {
  const notes = createNotes(runner);
  const findings = sortFindings(input.findings);
  const annotations = findings.slice(0, MAX_CHECK_ANNOTATIONS).map(toAnnotation);
  if (findings.length > MAX_CHECK_ANNOTATIONS) {
    notes.add(
      'publish',
      `${findings.length - MAX_CHECK_ANNOTATIONS} findings beyond the first ${MAX_CHECK_ANNOTATIONS} are not annotated; all are in the summary and the JSON report.`,
    );
  }
  const blobUrl = `${input.serverUrl}/${input.pr.owner}/${input.pr.repo}/blob/${input.pr.headSha}`;
  const publishing: Publishing = {
    runner,
    github,
    input,
    findings,
    annotations,
    notes,
    // When the findings only reach people as workflow commands (GitHub shows 10 per level), the job summary lists all.
    everyRow: false,
    // `extra`: the review comments' own notes, while they are being posted.
    summaryOf: (limit, extra = []) =>
      truncateMarkdown(
        renderSummary({
          ...(publishing.everyRow ? { maxRows: Infinity } : {}),
          title: 'Codex hooks',
          gate: input.gate,
          failOn: input.failOn,
          findings,
          stats: input.stats,
          skipped: input.skipped,
          notes: [
            ...input.notes,
            ...notes.list(),
            ...extra.map((message): Note => ({ kind: 'publish', level: 'summary', message })),
          ],
          blobUrl,
          ...(input.aiSummary ? { aiSummary: input.aiSummary } : {}),
        }),
        limit,
      ),
  };
  const reviewId = await publishReviewComments(publishing);
  // Escalation needs a check run to remember it by, so it happens only where one is written.
  let escalated = false;
  if (input.escalation && !input.dryRun && input.commentMode !== 'none') {
    const outcome = await escalate(github, runner, input.pr, input.escalation, input.gate, findings, CHECK_NAME);
    for (const n of outcome.notes) notes.add('publish', n);
    escalated = outcome.escalated;
  }
  const checkRun = await publishCheckRun(publishing, escalated);
  await runner.appendSummary(publishing.summaryOf(JOB_SUMMARY_LIMIT));
  return {
    ...(checkRun.id !== undefined ? { checkRunId: checkRun.id } : {}),
    ...(reviewId !== undefined ? { reviewId } : {}),
    ...(checkRun.error ? { checkRunError: checkRun.error } : {}),
    notes: notes.list(),
  };
}

/** One publication in progress: what it publishes, its notes, and how the summary is rendered now. */
interface Publishing {
  readonly runner: RunnerPort;
  readonly github: GitHubPort;
  readonly input: PublishInput;
  readonly findings: readonly Finding[];
  readonly annotations: readonly CheckAnnotation[];
  readonly notes: Notes;
  everyRow: boolean;
  readonly summaryOf: (limit: number, extra?: readonly string[]) => string;
}

/** Review comments (comment-mode `review`); returns the review created, if any. A refusal only becomes a note. */
async function publishReviewComments(publishing: Publishing): Promise<number | undefined> {
  const { runner, github, input, findings, notes } = publishing;
  if (input.commentMode !== 'review') return undefined;
  if (input.dryRun) {
    const plan = planReview(findings, diffFilesOf(input.files), [], {
      maxComments: input.maxComments,
      headSha: input.pr.headSha,
      aiScope: input.aiScope ?? 'none',
      isOurs: () => false,
    });
    notes.add(
      'publish',
      `Dry run: up to ${plan.inline.length} inline and ${plan.file.length} file-level review comments would have been posted.`,
    );
    return undefined;
  }
  try {
    const review = await runner.group('Review comments', () =>
      publishReview(github, runner, {
        pr: input.pr,
        findings,
        files: input.files,
        maxComments: input.maxComments,
        aiScope: input.aiScope ?? 'none',
        ...(input.requestChanges
          ? { requestChanges: { gateFailed: input.gate.failed, reason: input.gate.reason } }
          : {}),
        ...(input.aiSummary ? { aiSummary: input.aiSummary } : {}),
        summary: (extra) => publishing.summaryOf(JOB_SUMMARY_LIMIT, extra),
      }),
    );
    for (const n of review.notes) notes.add('publish', n);
    return review.reviewId;
  } catch (error) {
    // The review is a convenience; the check run and the gate still report every finding.
    if (!(error instanceof UpstreamError)) throw error;
    const note =
      error instanceof PermissionError
        ? `Review comments could not be posted: ${error.message}. The findings are in the annotations and this summary.`
        : `Review comments could not be posted (${error.message}). The findings are in the annotations and this summary.`;
    notes.add('publish', note, 'warning');
    return undefined;
  }
}

/**
 * The check run, or workflow annotations where none is written (dry run, comment-mode `none`) or GitHub refused
 * it. A refusal other than a missing permission (an outage, a rate limit that did not lift) is returned: it
 * fails the step, so the run is retried.
 */
async function publishCheckRun(
  publishing: Publishing,
  escalated: boolean,
): Promise<{ id?: number; error?: UpstreamError }> {
  const { runner, github, input, annotations, notes } = publishing;
  if (input.dryRun) {
    notes.add(
      'publish',
      `Dry run: nothing was written to GitHub (a check run with ${annotations.length} annotations would have been created).`,
    );
    publishing.everyRow = emitWorkflowAnnotations(runner, annotations, notes);
    return {};
  }
  if (input.commentMode === 'none') {
    publishing.everyRow = emitWorkflowAnnotations(runner, annotations, notes);
    return {};
  }
  try {
    const id = await runner.group('Check run', async () => {
      const created = await github.createCheckRun(input.pr, {
        name: CHECK_NAME,
        headSha: input.pr.headSha,
        conclusion: input.gate.conclusion,
        title: input.gate.reason,
        summary: escalated
          ? `${publishing.summaryOf(CHECK_TEXT_LIMIT - ESCALATED_MARKER.length - 1)}\n${ESCALATED_MARKER}`
          : publishing.summaryOf(CHECK_TEXT_LIMIT),
        annotations: [...annotations],
        ...(input.runUrl ? { detailsUrl: input.runUrl } : {}),
      });
      runner.info(
        `${created.adopted ? 'Adopted' : 'Created'} check run ${created.id} with ${annotations.length} annotations`,
      );
      return created.id;
    });
    return { id };
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    // Whatever GitHub refused, the findings still reach the user.
    const note = `The check run could not be created: ${error.message}. The findings are reported as workflow annotations instead.`;
    notes.add('publish', note, 'warning');
    publishing.everyRow = emitWorkflowAnnotations(runner, annotations, notes);
    return error instanceof PermissionError ? {} : { error };
  }
}

/**
 * `::error file=…,line=…::message`: visible on the PR without any write permission, but GitHub shows only 10
 * of each level per step. The most severe are emitted; a note says how many more the job summary lists.
 * Returns true when the summary must list every finding.
 */
function emitWorkflowAnnotations(runner: RunnerPort, annotations: readonly CheckAnnotation[], notes: Notes): boolean {
  const { shown, hidden } = selectWorkflowAnnotations(annotations);
  if (hidden > 0) {
    const note = `GitHub shows at most 10 error and 10 warning annotations per step: the ${shown.length} most severe are annotated, ${hidden} more are in the job summary.`;
    notes.add('publish', note, 'notice');
  }
  for (const a of shown) {
    const level = a.annotation_level === 'failure' ? 'error' : a.annotation_level;
    runner.annotate(level, a.message, {
      title: a.title,
      file: a.path,
      startLine: a.start_line,
      endLine: a.end_line,
      ...(a.start_column !== undefined ? { startColumn: a.start_column } : {}),
    });
  }
  return true;
}

/**
 * A push moved the pull request's head after the event: this run stops, and says so with a neutral check run
 * on the commit it was started for (the newer push has its own run, which reviews it).
 */
export async function publishSuperseded(
  runner: RunnerPort,
  github: GitHubPort,
  pr: PullRequest,
  newHead: string,
  options: { readonly write: boolean; readonly runUrl?: string },
): Promise<void> {
  const title = `Superseded by ${newHead.slice(0, 12)}`;
  const summary = `This run was started for ${pr.headSha.slice(0, 12)}, but the pull request's head is now ${newHead.slice(0, 12)}: a newer push superseded it, and the run for that push reviews it.`;
  runner.notice(summary);
  if (options.write) {
    try {
      await github.createCheckRun(pr, {
        name: CHECK_NAME,
        headSha: pr.headSha,
        conclusion: 'neutral',
        title,
        summary,
        annotations: [],
        ...(options.runUrl ? { detailsUrl: options.runUrl } : {}),
      });
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      runner.warning(`The neutral check run could not be created: ${error.message}`);
    }
  }
  await runner.appendSummary(`## Codex hooks: ⚪ ${title}\n\n${summary}\n`);
}
