import type { ExistingReviewComment, GitHubPort, InlineCommentInput } from '../ports.js';
import { parsePatch } from '../core/diff/index.js';
import { sortFindings } from '../core/findings/finalize.js';
import {
  isMarkedFixed,
  markFixed,
  readMarker,
  renderReviewComment,
  SUMMARY_MARKER,
} from '../core/render/review-comment.js';
import { sanitizeMarkdown } from '../core/render/markdown.js';
import { truncateMarkdown } from '../core/render/truncate.js';
import { indexDiffFiles, placeFinding, type DiffFile, type Placement } from '../core/findings/placement.js';
import type { ChangedFile, Finding, PullRequest } from '../core/types.js';
import { UpstreamError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * Which files the endpoint reviewed this run: `all`, some paths (an incremental review), or `none` (no token,
 * or the endpoint failed). An AI comment is only marked fixed when its file was reviewed again.
 */
export type AiScope = 'all' | 'none' | ReadonlySet<string>;

export interface PlannedComment {
  readonly finding: Finding;
  readonly placement: Extract<Placement, { kind: 'inline' } | { kind: 'file' }>;
  readonly body: string;
}

export interface ReviewPlan {
  /** New inline comments, most severe first. */
  readonly inline: PlannedComment[];
  /** New file-level comments (`subject_type: file`). */
  readonly file: PlannedComment[];
  /** Findings without a comment of their own (not in the diff, or over max-comments): annotations and the summary. */
  readonly unposted: { readonly finding: Finding; readonly reason: string }[];
  /** Findings whose comment is already on the pull request. */
  readonly alreadyPosted: number;
  /** Our comments whose finding is gone: edit each to say it was fixed. */
  readonly fixed: { readonly id: number; readonly body: string }[];
  /** Gone findings whose comment a person replied to: left as they are. */
  readonly leftAlone: number;
}

export interface PlanOptions {
  readonly maxComments: number;
  readonly headSha: string;
  readonly aiScope: AiScope;
}

/**
 * Decides, without any I/O, what a run posts and edits: each finding goes inline, to a file-level comment, or
 * to the annotations and summary; a finding whose fingerprint is already posted is skipped; a posted finding
 * that is gone is marked fixed unless someone replied to it.
 */
export function planReview(
  findings: readonly Finding[],
  files: readonly DiffFile[],
  existing: readonly ExistingReviewComment[],
  options: PlanOptions,
): ReviewPlan {
  const repliedTo = new Set<number>();
  for (const c of existing) if (c.inReplyToId !== undefined) repliedTo.add(c.inReplyToId);
  const ours = existing.flatMap((c) => {
    if (c.inReplyToId !== undefined) return [];
    const marker = readMarker(c.body);
    return marker ? [{ comment: c, marker }] : [];
  });
  const live = new Set(ours.filter((o) => !isMarkedFixed(o.comment.body)).map((o) => o.marker.fingerprint));

  const lookup = indexDiffFiles(files);
  const inline: PlannedComment[] = [];
  const file: PlannedComment[] = [];
  const unposted: ReviewPlan['unposted'] = [];
  let alreadyPosted = 0;
  let budget = options.maxComments;
  for (const finding of sortFindings(findings)) {
    if (live.has(finding.fingerprint)) {
      alreadyPosted++;
      continue;
    }
    const placement = placeFinding(finding, lookup(finding.path));
    if (placement.kind === 'summary') {
      unposted.push({ finding, reason: placement.reason });
      continue;
    }
    if (budget <= 0) {
      unposted.push({ finding, reason: `over max-comments (${options.maxComments})` });
      continue;
    }
    budget--;
    const planned = { finding, placement, body: renderReviewComment(finding, placement) };
    (placement.kind === 'inline' ? inline : file).push(planned);
  }

  const current = new Set(findings.map((f) => f.fingerprint));
  const fixed: ReviewPlan['fixed'] = [];
  let leftAlone = 0;
  for (const { comment, marker } of ours) {
    if (current.has(marker.fingerprint) || isMarkedFixed(comment.body)) continue;
    if (!wasReviewedAgain(marker.category, comment.path, options.aiScope)) continue;
    if (repliedTo.has(comment.id)) {
      leftAlone++;
      continue;
    }
    fixed.push({ id: comment.id, body: markFixed(comment.body, options.headSha) });
  }
  return { inline, file, unposted, alreadyPosted, fixed, leftAlone };
}

/** Local hooks review the whole pull request every run; the endpoint may have seen only some files. */
function wasReviewedAgain(category: string | undefined, path: string, scope: AiScope): boolean {
  if (category !== 'ai') return true;
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  return scope.has(path);
}

export interface ReviewPublishInput {
  readonly pr: PullRequest;
  readonly findings: readonly Finding[];
  /** Every file of the pull request as GitHub listed it: only GitHub's own patches say what it accepts. */
  readonly files: readonly ChangedFile[];
  readonly maxComments: number;
  readonly aiScope: AiScope;
  /** The endpoint's summary (redacted markdown), shown in the review body. */
  readonly aiSummary?: string;
  /** The sticky summary comment's markdown, given the notes of this stage. */
  readonly summary: (notes: readonly string[]) => string;
  /**
   * The `request-changes` input: when the gate fails, the review requests changes (posted even without new
   * comments, unless one of ours already stands); when it passes, our standing change requests are dismissed.
   * Otherwise every review is a COMMENT. The action never approves.
   */
  readonly requestChanges?: { readonly gateFailed: boolean; readonly reason: string };
}

export interface ReviewPublishResult {
  /** The first review created this run, if any. */
  readonly reviewId?: number;
  readonly reviewIds: number[];
  readonly inlinePosted: number;
  readonly filePosted: number;
  readonly alreadyPosted: number;
  readonly fixed: number;
  /** Findings without a comment of their own; they are in the annotations and the summary. */
  readonly unposted: Finding[];
  readonly summaryCommentId?: number;
  readonly notes: string[];
}

/** A comment body at most this long is kept in the sticky summary. */
const STICKY_LIMIT = 60_000;

/** Parses GitHub's patches of the listed files, for the line mapper. */
export function diffFilesOf(files: readonly ChangedFile[]): DiffFile[] {
  return files.map((file) => ({ file, parsed: parsePatch(file.patch) }));
}

/**
 * One review per run with the new inline comments (split in halves when GitHub still refuses a batch with 422,
 * so the good comments land), file-level comments, fixed marks on comments whose finding is gone, and the
 * sticky summary comment. Permission errors propagate (the caller reports them); a refused comment does not.
 */
export async function publishReview(
  github: GitHubPort,
  logger: Logger,
  input: ReviewPublishInput,
): Promise<ReviewPublishResult> {
  const { pr } = input;
  const notes: string[] = [];
  const existing = await github.listReviewComments(pr);
  const plan = planReview(input.findings, diffFilesOf(input.files), existing, {
    maxComments: input.maxComments,
    headSha: pr.headSha,
    aiScope: input.aiScope,
  });
  const unposted = plan.unposted.map((u) => u.finding);
  logger.info(
    `Review: ${plan.inline.length} new inline and ${plan.file.length} file-level comments, ${plan.alreadyPosted} already posted, ${plan.fixed.length} fixed, ${plan.unposted.length} in annotations and the summary only`,
  );

  // Inline comments: one review, halved on 422 until every good comment has landed.
  const reviewIds: number[] = [];
  const refused: PlannedComment[] = [];
  const event = input.requestChanges?.gateFailed ? 'REQUEST_CHANGES' : 'COMMENT';
  const reviewBody = (first: boolean) => {
    const count = plan.inline.length;
    const head = `${REVIEW_MARKER}\n**Codex hooks** · ${count} new finding${count === 1 ? '' : 's'} on ${pr.headSha.slice(0, 12)}. The summary comment has every finding.`;
    if (!first) return `${head}\n\n_(continued)_`;
    return input.aiSummary ? `${head}\n\n${sanitizeMarkdown(input.aiSummary, 20_000)}` : head;
  };
  const post = async (batch: PlannedComment[]): Promise<void> => {
    if (batch.length === 0) return;
    try {
      const id = await github.createReview(pr, {
        commitId: pr.headSha,
        body: reviewBody(reviewIds.length === 0),
        event,
        comments: batch.map(toInlineInput),
      });
      reviewIds.push(id);
    } catch (error) {
      if (!isUnprocessable(error)) throw error;
      if (batch.length === 1) {
        logger.warning(
          `GitHub refused the comment on ${batch[0]!.finding.path}:${batch[0]!.placement.kind === 'inline' ? batch[0]!.placement.line : 0}: ${(error as Error).message}`,
        );
        refused.push(batch[0]!);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await post(batch.slice(0, half));
      await post(batch.slice(half));
    }
  };
  await post(plan.inline);
  if (reviewIds.length > 0) logger.info(`Created review ${reviewIds.join(', ')}`);

  let filePosted = 0;
  for (const c of plan.file) {
    try {
      await github.createFileComment(pr, { commitId: pr.headSha, path: c.placement.path, body: c.body });
      filePosted++;
    } catch (error) {
      if (!isUnprocessable(error)) throw error;
      logger.warning(`GitHub refused the file-level comment on ${c.finding.path}: ${(error as Error).message}`);
      refused.push(c);
    }
  }
  if (refused.length > 0) {
    notes.push(
      `GitHub refused ${refused.length} review comment${refused.length === 1 ? '' : 's'}; ${refused.length === 1 ? 'it is' : 'they are'} in the annotations and the table below.`,
    );
  }

  let fixed = 0;
  for (const f of plan.fixed) {
    try {
      await github.updateReviewComment(pr, f.id, f.body);
      fixed++;
    } catch (error) {
      // Someone else's comment, or one deleted meanwhile: leave it.
      if (!(error instanceof UpstreamError) || error.status === undefined || error.status >= 500) throw error;
      logger.warning(`Could not mark review comment ${f.id} as fixed: ${error.message}`);
    }
  }
  if (plan.leftAlone > 0)
    logger.info(`${plan.leftAlone} fixed findings have replies; their comments are left as they are`);

  const inlinePosted = plan.inline.length - refused.filter((r) => r.placement.kind === 'inline').length;
  const outside = plan.unposted.filter((u) => !u.reason.startsWith('over max-comments')).length;
  const over = plan.unposted.length - outside;
  if (over > 0) {
    notes.push(
      `${over} finding${over === 1 ? '' : 's'} past max-comments (${input.maxComments}) ${over === 1 ? 'is' : 'are'} in the annotations and the table below.`,
    );
  }
  if (outside > 0) {
    notes.push(
      `${outside} finding${outside === 1 ? ' is' : 's are'} on files outside this pull request's diff; see the table below.`,
    );
  }

  if (input.requestChanges) await settleChangeRequest(github, logger, pr, input.requestChanges, reviewIds, notes);

  // The sticky summary: created when there is something to say, kept up to date once it exists.
  const stickyNotes = [
    `Review comments: ${inlinePosted + filePosted} new, ${plan.alreadyPosted} already posted, ${fixed} marked fixed.`,
    ...notes,
  ];
  let sticky: { id: number } | undefined;
  try {
    sticky = await github.upsertIssueComment(
      pr,
      SUMMARY_MARKER,
      `${SUMMARY_MARKER}\n${truncateMarkdown(input.summary(stickyNotes), STICKY_LIMIT)}`,
      { create: input.findings.length > 0 },
    );
  } catch (error) {
    // The review already landed: report the summary comment's failure without losing what was posted.
    if (!(error instanceof UpstreamError)) throw error;
    const note = `The summary comment could not be written: ${error.message}`;
    logger.warning(note);
    notes.push(note);
  }

  return {
    ...(reviewIds[0] !== undefined ? { reviewId: reviewIds[0] } : {}),
    reviewIds,
    inlinePosted,
    filePosted,
    alreadyPosted: plan.alreadyPosted,
    fixed,
    unposted: [...unposted, ...refused.map((r) => r.finding)],
    ...(sticky ? { summaryCommentId: sticky.id } : {}),
    notes,
  };
}

function toInlineInput(c: PlannedComment): InlineCommentInput {
  const p = c.placement as Extract<Placement, { kind: 'inline' }>;
  return {
    path: p.path,
    body: c.body,
    line: p.line,
    side: p.side,
    ...(p.startLine !== undefined ? { startLine: p.startLine } : {}),
  };
}

function isUnprocessable(error: unknown): boolean {
  return error instanceof UpstreamError && error.status === 422;
}

/** Marks the reviews this action posts, so a later run can find its own change requests. */
export const REVIEW_MARKER = '<!-- codex-hooks:review -->';

/**
 * Keeps the pull request's review state in step with the gate: a failed gate leaves one change request of
 * ours standing; a passing gate dismisses the ones that stand. A person's reviews are never touched.
 */
async function settleChangeRequest(
  github: GitHubPort,
  logger: Logger,
  pr: PullRequest,
  gate: { readonly gateFailed: boolean; readonly reason: string },
  postedThisRun: number[],
  notes: string[],
): Promise<void> {
  try {
    const standing = (await github.listReviews(pr)).filter(
      (r) => r.state === 'CHANGES_REQUESTED' && r.body.startsWith(REVIEW_MARKER),
    );
    if (gate.gateFailed) {
      if (postedThisRun.length > 0 || standing.length > 0) return;
      const id = await github.createReview(pr, {
        commitId: pr.headSha,
        body: `${REVIEW_MARKER}\n**Codex hooks** · the gate fails on ${pr.headSha.slice(0, 12)}: ${gate.reason}. The summary comment has every finding.`,
        event: 'REQUEST_CHANGES',
        comments: [],
      });
      postedThisRun.push(id);
      return;
    }
    for (const review of standing) {
      await github.dismissReview(pr, review.id, `The codex-hooks gate passes on ${pr.headSha.slice(0, 12)}.`);
      logger.info(`Dismissed change request ${review.id}: the gate passes`);
    }
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    const note = `The review state could not be updated: ${error.message}`;
    logger.warning(note);
    notes.push(note);
  }
}
