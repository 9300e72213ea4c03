import { toAnnotation, type CheckAnnotation } from '../core/render/annotations.js';
import { renderSummary } from '../core/render/summary.js';
import { CHECK_TEXT_LIMIT, truncateMarkdown } from '../core/render/truncate.js';
import { sortFindings } from '../core/findings/finalize.js';
import type { ChangedFile, Finding, GateDecision, PullRequest, ReviewStats, SkippedFile } from '../core/types.js';
import type { GitHubPort, RunnerPort } from '../ports.js';
import { PermissionError, UpstreamError } from '../errors.js';
import type { CommentMode } from '../settings/action-inputs.js';
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
  readonly notes: readonly string[];
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
}

export interface PublishResult {
  readonly checkRunId?: number;
  /** The review created this run (comment-mode `review`), if it had new inline comments. */
  readonly reviewId?: number;
  /** Notes added while publishing (a missing permission), also shown in the summary. */
  readonly notes: string[];
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
  const notes: string[] = [];
  const findings = sortFindings(input.findings);
  const annotations = findings.slice(0, MAX_CHECK_ANNOTATIONS).map(toAnnotation);
  if (findings.length > MAX_CHECK_ANNOTATIONS) {
    notes.push(
      `${findings.length - MAX_CHECK_ANNOTATIONS} findings beyond the first ${MAX_CHECK_ANNOTATIONS} are not annotated; all are in the summary and the JSON report.`,
    );
  }
  const blobUrl = `${input.serverUrl}/${input.pr.owner}/${input.pr.repo}/blob/${input.pr.headSha}`;
  const summaryOf = (extra: readonly string[], limit: number) =>
    truncateMarkdown(
      renderSummary({
        title: 'Codex hooks',
        gate: input.gate,
        failOn: input.failOn,
        findings,
        stats: input.stats,
        skipped: input.skipped,
        notes: [...input.notes, ...extra],
        blobUrl,
        ...(input.aiSummary ? { aiSummary: input.aiSummary } : {}),
      }),
      limit,
    );

  let reviewId: number | undefined;
  if (input.commentMode === 'review' && input.dryRun) {
    const plan = planReview(findings, diffFilesOf(input.files), [], {
      maxComments: input.maxComments,
      headSha: input.pr.headSha,
      aiScope: input.aiScope ?? 'none',
    });
    notes.push(
      `Dry run: up to ${plan.inline.length} inline and ${plan.file.length} file-level review comments would have been posted.`,
    );
  } else if (input.commentMode === 'review') {
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
          summary: (extra) => summaryOf([...notes, ...extra], JOB_SUMMARY_LIMIT),
        }),
      );
      reviewId = review.reviewId;
      notes.push(...review.notes);
    } catch (error) {
      // The review is a convenience; the check run and the gate still report every finding.
      if (!(error instanceof UpstreamError)) throw error;
      const note =
        error instanceof PermissionError
          ? `Review comments could not be posted: ${error.message}. The findings are in the annotations and this summary.`
          : `Review comments could not be posted (${error.message}). The findings are in the annotations and this summary.`;
      runner.warning(note);
      notes.push(note);
    }
  }

  let checkRunId: number | undefined;
  let checkRunError: UpstreamError | undefined;
  if (input.dryRun) {
    notes.push(
      `Dry run: nothing was written to GitHub (a check run with ${annotations.length} annotations would have been created).`,
    );
    emitWorkflowAnnotations(runner, annotations);
  } else if (input.commentMode === 'none') {
    emitWorkflowAnnotations(runner, annotations);
  } else {
    try {
      checkRunId = await runner.group('Check run', async () => {
        const id = await github.createCheckRun(input.pr, {
          name: CHECK_NAME,
          headSha: input.pr.headSha,
          conclusion: input.gate.conclusion,
          title: input.gate.reason,
          summary: summaryOf(notes, CHECK_TEXT_LIMIT),
          annotations,
          ...(input.runUrl ? { detailsUrl: input.runUrl } : {}),
        });
        runner.info(`Created check run ${id} with ${annotations.length} annotations`);
        return id;
      });
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      // Whatever GitHub refused, the findings still reach the user; a failure other than a missing
      // permission (an outage, a rate limit that did not lift) also fails the step, so the run is retried.
      const note = `The check run could not be created: ${error.message}. The findings are reported as workflow annotations instead.`;
      runner.warning(note);
      notes.push(note);
      emitWorkflowAnnotations(runner, annotations);
      if (!(error instanceof PermissionError)) checkRunError = error;
    }
  }
  await runner.appendSummary(summaryOf(notes, JOB_SUMMARY_LIMIT));
  return {
    ...(checkRunId !== undefined ? { checkRunId } : {}),
    ...(reviewId !== undefined ? { reviewId } : {}),
    ...(checkRunError ? { checkRunError } : {}),
    notes,
  };
}

/** `::error file=…,line=…::message`: visible on the PR without any write permission. */
function emitWorkflowAnnotations(runner: RunnerPort, annotations: readonly CheckAnnotation[]): void {
  for (const a of annotations) {
    const level = a.annotation_level === 'failure' ? 'error' : a.annotation_level;
    runner.annotate(level, a.message, {
      title: a.title,
      file: a.path,
      startLine: a.start_line,
      endLine: a.end_line,
      ...(a.start_column !== undefined ? { startColumn: a.start_column } : {}),
    });
  }
}
