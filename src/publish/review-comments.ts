import type { Author, ExistingReviewComment, GitHubPort, InlineCommentInput } from '../ports.js';
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
import { isOurAuthor } from '../core/findings/ours.js';
import { gitHubFailureKind, UpstreamError } from '../errors.js';
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
  readonly unposted: {
    readonly finding: Finding;
    /** `not-in-diff`: no line or file of the diff to hold it; `over-budget`: past max-comments. */
    readonly kind: 'not-in-diff' | 'over-budget';
    readonly reason: string;
  }[];
  /** Findings whose comment is already on the pull request. */
  readonly alreadyPosted: number;
  /** Our comments whose finding is gone: edit each to say it was fixed. */
  readonly fixed: { readonly id: number; readonly body: string }[];
  /** Gone findings whose comment a person replied to: left as they are. */
  readonly leftAlone: number;
  /** Our comments marked fixed whose finding is back on a line of the diff: their threads are reopened. */
  readonly reopened: number[];
}

export interface PlanOptions {
  readonly maxComments: number;
  readonly headSha: string;
  readonly aiScope: AiScope;
  /** Whether a comment's author is us (see isOurAuthor): only our comments are skipped, edited or reopened. */
  readonly isOurs: (author: Author | undefined) => boolean;
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
    if (c.inReplyToId !== undefined || !options.isOurs(c.author)) return [];
    const marker = readMarker(c.body);
    return marker ? [{ comment: c, marker }] : [];
  });
  const live = new Set(ours.filter((o) => !isMarkedFixed(o.comment.body)).map((o) => o.marker.fingerprint));
  // A finding that was marked fixed and is back: its old thread is reopened when the comment is still on a line.
  const current = new Set(findings.map((f) => f.fingerprint));
  const reopened: number[] = [];
  for (const { comment, marker } of ours) {
    if (!isMarkedFixed(comment.body) || comment.line === null || !current.has(marker.fingerprint)) continue;
    if (live.has(marker.fingerprint)) continue;
    live.add(marker.fingerprint);
    reopened.push(comment.id);
  }

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
      unposted.push({ finding, kind: 'not-in-diff', reason: placement.reason });
      continue;
    }
    if (budget <= 0) {
      unposted.push({ finding, kind: 'over-budget', reason: `over max-comments (${options.maxComments})` });
      continue;
    }
    budget--;
    const planned = { finding, placement, body: renderReviewComment(finding, placement) };
    (placement.kind === 'inline' ? inline : file).push(planned);
  }

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
  return { inline, file, unposted, alreadyPosted, fixed, leftAlone, reopened };
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
  /** The newer head a push moved the pull request to while this run was posting (GitHub: stale commit). */
  readonly supersededBy?: string;
  readonly notes: string[];
}

/** A comment body at most this long is kept in the sticky summary. */
const STICKY_LIMIT = 60_000;

/** Parses GitHub's patches of the listed files, for the line mapper. */
export function diffFilesOf(files: readonly ChangedFile[]): DiffFile[] {
  return files.map((file) => ({ file, parsed: parsePatch(file.patch) }));
}

/**
 * One review per run with the new inline comments, file-level comments, fixed marks (and resolved threads) on
 * comments whose finding is gone, and the sticky summary comment. Only comments that carry our marker and were
 * written by the token's own login (see isOurAuthor) are skipped, edited, reopened or reused. Permission errors
 * propagate (the caller reports them); a refused comment does not.
 */
export async function publishReview(
  github: GitHubPort,
  logger: Logger,
  input: ReviewPublishInput,
): Promise<ReviewPublishResult> {
  const { pr } = input;
  const notes: string[] = [];
  const identity = await github.identity();
  const isOurs = (author: Author | undefined) => isOurAuthor(identity, author);
  const existing = await github.listReviewComments(pr);
  const plan = planReview(input.findings, diffFilesOf(input.files), existing, {
    maxComments: input.maxComments,
    headSha: pr.headSha,
    aiScope: input.aiScope,
    isOurs,
  });
  logger.info(
    `Review: ${plan.inline.length} new inline and ${plan.file.length} file-level comments, ${plan.alreadyPosted} already posted, ${plan.fixed.length} fixed, ${plan.unposted.length} in annotations and the summary only`,
  );

  const posted = await postInlineComments(github, logger, input, plan.inline, notes);
  if (posted.reviewIds.length > 0) logger.info(`Created review ${posted.reviewIds.join(', ')}`);
  const refused = posted.refused;
  const filePosted = posted.supersededBy ? 0 : await postFileComments(github, logger, pr, plan.file, refused);
  if (refused.length > 0) {
    notes.push(
      `GitHub refused ${refused.length} review comment${refused.length === 1 ? '' : 's'}; ${refused.length === 1 ? 'it is' : 'they are'} in the annotations and the table below.`,
    );
  }

  const fixedIds = await markFixedComments(github, logger, pr, plan.fixed);
  const threads = await settleThreads(github, logger, pr, fixedIds, plan.reopened, notes);
  if (plan.leftAlone > 0)
    logger.info(`${plan.leftAlone} fixed findings have replies; their comments are left as they are`);

  const inlinePosted = posted.supersededBy
    ? 0
    : plan.inline.length - refused.filter((r) => r.placement.kind === 'inline').length;
  notes.push(...placementNotes(plan, input.maxComments));
  if (input.requestChanges && !posted.supersededBy) {
    const gate = { ...input.requestChanges, ownPullRequest: posted.ownPullRequest };
    await settleChangeRequest(github, logger, pr, gate, posted.reviewIds, notes, isOurs);
  }

  // The sticky summary: created when there is something to say, kept up to date once it exists.
  const stickyNotes = [
    `Review comments: ${inlinePosted + filePosted} new, ${plan.alreadyPosted} already posted, ${fixedIds.length} marked fixed${threads}.`,
    ...notes,
  ];
  let sticky: { id: number } | undefined;
  try {
    sticky = await github.upsertIssueComment(
      pr,
      SUMMARY_MARKER,
      `${SUMMARY_MARKER}\n${truncateMarkdown(input.summary(stickyNotes), STICKY_LIMIT)}`,
      { create: input.findings.length > 0, isOurs },
    );
  } catch (error) {
    // The review already landed: report the summary comment's failure without losing what was posted.
    if (!(error instanceof UpstreamError)) throw error;
    const note = `The summary comment could not be written: ${error.message}`;
    logger.warning(note);
    notes.push(note);
  }

  const notPosted = posted.supersededBy ? [...plan.inline, ...plan.file] : refused;
  return {
    ...(posted.reviewIds[0] !== undefined ? { reviewId: posted.reviewIds[0] } : {}),
    reviewIds: posted.reviewIds,
    inlinePosted,
    filePosted,
    alreadyPosted: plan.alreadyPosted,
    fixed: fixedIds.length,
    unposted: [...plan.unposted.map((u) => u.finding), ...notPosted.map((r) => r.finding)],
    ...(sticky ? { summaryCommentId: sticky.id } : {}),
    ...(posted.supersededBy ? { supersededBy: posted.supersededBy } : {}),
    notes,
  };
}

interface InlineOutcome {
  readonly reviewIds: number[];
  readonly refused: PlannedComment[];
  /** GitHub refused REQUEST_CHANGES: the token's user opened this pull request. */
  ownPullRequest: boolean;
  supersededBy: string | undefined;
}

/**
 * Posts the inline comments as one review, acting on why GitHub refuses it (GitHub's `errors[]`, classified):
 * a line it cannot place splits the batch in halves until every good comment has landed; the author's own pull
 * request turns the change request into a comment; a commit no longer in the pull request (a push meanwhile)
 * stops posting and says which head superseded this run. Anything else propagates.
 */
async function postInlineComments(
  github: GitHubPort,
  logger: Logger,
  input: ReviewPublishInput,
  inline: readonly PlannedComment[],
  notes: string[],
): Promise<InlineOutcome> {
  const { pr } = input;
  const outcome: InlineOutcome = { reviewIds: [], refused: [], ownPullRequest: false, supersededBy: undefined };
  let event: 'COMMENT' | 'REQUEST_CHANGES' = input.requestChanges?.gateFailed ? 'REQUEST_CHANGES' : 'COMMENT';
  const reviewBody = (first: boolean) => {
    const head = `${REVIEW_MARKER}\n**Codex hooks** · ${inline.length} new finding${inline.length === 1 ? '' : 's'} on ${pr.headSha.slice(0, 12)}. The summary comment has every finding.`;
    if (!first) return `${head}\n\n_(continued)_`;
    return input.aiSummary ? `${head}\n\n${sanitizeMarkdown(input.aiSummary, 20_000)}` : head;
  };
  const post = async (batch: readonly PlannedComment[]): Promise<void> => {
    if (batch.length === 0 || outcome.supersededBy) return;
    try {
      const id = await github.createReview(pr, {
        commitId: pr.headSha,
        body: reviewBody(outcome.reviewIds.length === 0),
        event,
        comments: batch.map(toInlineInput),
      });
      outcome.reviewIds.push(id);
    } catch (error) {
      const kind = gitHubFailureKind(error);
      if (kind === 'own-pull-request' && event === 'REQUEST_CHANGES') {
        event = 'COMMENT';
        outcome.ownPullRequest = true;
        notes.push(ownPullRequestNote(error as Error, logger));
        return post(batch);
      }
      if (kind === 'stale-commit') {
        outcome.supersededBy = await supersedingHead(github, logger, pr, error as Error, notes);
        return;
      }
      if (kind !== 'line-not-in-diff') throw error;
      if (batch.length === 1) {
        const c = batch[0]!;
        const line = c.placement.kind === 'inline' ? c.placement.line : 0;
        logger.warning(`GitHub refused the comment on ${c.finding.path}:${line}: ${(error as Error).message}`);
        outcome.refused.push(c);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await post(batch.slice(0, half));
      await post(batch.slice(half));
    }
  };
  await post(inline);
  return outcome;
}

/** File-level comments, one request each; one GitHub cannot place joins `refused`. Returns how many landed. */
async function postFileComments(
  github: GitHubPort,
  logger: Logger,
  pr: PullRequest,
  file: readonly PlannedComment[],
  refused: PlannedComment[],
): Promise<number> {
  let posted = 0;
  for (const c of file) {
    try {
      await github.createFileComment(pr, { commitId: pr.headSha, path: c.placement.path, body: c.body });
      posted++;
    } catch (error) {
      if (gitHubFailureKind(error) !== 'line-not-in-diff') throw error;
      logger.warning(`GitHub refused the file-level comment on ${c.finding.path}: ${(error as Error).message}`);
      refused.push(c);
    }
  }
  return posted;
}

function ownPullRequestNote(error: Error, logger: Logger): string {
  const note = `GitHub does not let a pull request's author request changes on it, and the token's user opened this one (${error.message}): the review is posted as a comment instead. The check run still fails the gate.`;
  logger.warning(note);
  return note;
}

/**
 * GitHub refused our commit as no longer part of the pull request: a push moved the head while this run was
 * posting. Reads the head again and says which push superseded this run (its own run reviews it).
 */
async function supersedingHead(
  github: GitHubPort,
  logger: Logger,
  pr: PullRequest,
  error: Error,
  notes: string[],
): Promise<string> {
  const head = await github
    .getPullRequest(pr)
    .then((state) => state.headSha)
    .catch(() => 'a newer push');
  const sha = head.slice(0, 12);
  const note = `A push (${sha}) superseded ${pr.headSha.slice(0, 12)} while this run was posting (${error.message}): its review comments were not posted; the run for ${sha} reviews that push. Every finding is in the annotations and the table below.`;
  logger.warning(note);
  notes.push(note);
  return head;
}

/** Edits our comments whose finding is gone to say so; returns the ids edited. */
async function markFixedComments(
  github: GitHubPort,
  logger: Logger,
  pr: PullRequest,
  fixed: ReviewPlan['fixed'],
): Promise<number[]> {
  const edited: number[] = [];
  for (const f of fixed) {
    try {
      await github.updateReviewComment(pr, f.id, f.body);
      edited.push(f.id);
    } catch (error) {
      // A comment deleted meanwhile: leave it.
      if (!(error instanceof UpstreamError) || error.status === undefined || error.status >= 500) throw error;
      logger.warning(`Could not mark review comment ${f.id} as fixed: ${error.message}`);
    }
  }
  return edited;
}

/**
 * Resolves the threads of comments just marked fixed (so "require conversation resolution" does not block the
 * merge on findings that are gone) and reopens those whose finding came back. The "Fixed in" text stays.
 * Returns a clause for the summary; a failure is a note, never the end of the run.
 */
async function settleThreads(
  github: GitHubPort,
  logger: Logger,
  pr: PullRequest,
  resolve: readonly number[],
  reopen: readonly number[],
  notes: string[],
): Promise<string> {
  if (resolve.length === 0 && reopen.length === 0) return '';
  let resolved = 0;
  let reopened = 0;
  try {
    const byComment = new Map((await github.listReviewThreads(pr)).map((t) => [t.firstCommentId, t]));
    for (const id of resolve) {
      const thread = byComment.get(id);
      if (!thread || thread.resolved) continue;
      await github.setThreadResolved(thread.id, true);
      resolved++;
    }
    for (const id of reopen) {
      const thread = byComment.get(id);
      if (!thread || !thread.resolved) continue;
      await github.setThreadResolved(thread.id, false);
      reopened++;
    }
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    const note = `Review threads could not be resolved or reopened: ${error.message}`;
    logger.warning(note);
    notes.push(note);
  }
  if (resolved + reopened > 0) logger.info(`Review threads: ${resolved} resolved, ${reopened} reopened`);
  return `, ${resolved} thread${resolved === 1 ? '' : 's'} resolved, ${reopened} reopened`;
}

/** Notes for findings that got no comment of their own: past max-comments, or outside the diff. */
function placementNotes(plan: ReviewPlan, maxComments: number): string[] {
  const notes: string[] = [];
  const outside = plan.unposted.filter((u) => u.kind === 'not-in-diff').length;
  const over = plan.unposted.length - outside;
  if (over > 0) {
    notes.push(
      `${over} finding${over === 1 ? '' : 's'} past max-comments (${maxComments}) ${over === 1 ? 'is' : 'are'} in the annotations and the table below.`,
    );
  }
  if (outside > 0) {
    notes.push(
      `${outside} finding${outside === 1 ? ' is' : 's are'} on files outside this pull request's diff; see the table below.`,
    );
  }
  return notes;
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

/** Marks the reviews this action posts, so a later run can find its own change requests. */
export const REVIEW_MARKER = '<!-- codex-hooks:review -->';

/**
 * Keeps the pull request's review state in step with the gate: a failed gate leaves one change request of
 * ours standing; a passing gate dismisses the ones that stand. Ours means our marker and our author: a
 * person's reviews are never touched.
 */
async function settleChangeRequest(
  github: GitHubPort,
  logger: Logger,
  pr: PullRequest,
  gate: { readonly gateFailed: boolean; readonly reason: string; readonly ownPullRequest: boolean },
  postedThisRun: number[],
  notes: string[],
  isOurs: (author: Author | undefined) => boolean,
): Promise<void> {
  try {
    const standing = (await github.listReviews(pr)).filter(
      (r) => r.state === 'CHANGES_REQUESTED' && r.body.startsWith(REVIEW_MARKER) && isOurs(r.author),
    );
    if (gate.gateFailed) {
      if (postedThisRun.length > 0 || standing.length > 0 || gate.ownPullRequest) return;
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
    if (gitHubFailureKind(error) === 'own-pull-request') {
      notes.push(ownPullRequestNote(error, logger));
      return;
    }
    const note = `The review state could not be updated: ${error.message}`;
    logger.warning(note);
    notes.push(note);
  }
}
