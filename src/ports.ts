import type { CheckAnnotation } from './core/render/annotations.js';
import type { ChangedFile, Conclusion, PullRequest } from './core/types.js';
import type { HookExchange, HookFailure } from './endpoint/client.js';
import type { HookRequest, HookResponse } from './endpoint/types.js';
import type { Logger } from './logger.js';

/*
 * The ports: what the pipeline asks of the outside world. They are declared here, apart from the adapters
 * (src/adapters/) that implement them with octokit, @actions/core, git and child processes, so that the
 * pipeline, the hooks engine and the publishers depend on these types only. Tests hand in fakes or point the
 * real adapters at loopback servers. docs/architecture.md shows who may import what.
 */

// ── GitHub ────────────────────────────────────────────────────────────────────────────────────────────────

/** What the action asks of GitHub. Every method throws an UpstreamError (a GitHubError or PermissionError). */
export interface GitHubPort {
  /** The pull request as GitHub has it now: a push since the event moves its head. */
  getPullRequest(pr: PullRequest): Promise<PullRequestState>;
  listPullRequestFiles(pr: PullRequest): Promise<ListedFiles>;
  /**
   * Creates a completed check run; annotations past the first 50 are sent in further updates. After a 5xx or
   * a network failure it looks for the run the first attempt may have created (its `external_id`) and adopts it.
   */
  createCheckRun(pr: PullRequest, input: CheckRunInput): Promise<CreatedCheckRun>;
  /** Our earlier check runs on a commit (by name), newest first, with their summaries. */
  listCheckRuns(pr: PullRequest, sha: string, name: string): Promise<ExistingCheckRun[]>;
  /**
   * A file's text at a ref, or undefined when it does not exist there. Files over 1 MB are read with the raw
   * media type; past `maxBytes` (1 MiB unless given) the read stops with an error that says so.
   */
  getFileContent(
    pr: PullRequest,
    path: string,
    ref: string,
    options?: { maxBytes?: number },
  ): Promise<string | undefined>;
  /** Every review comment of the pull request (all pages), oldest first. */
  listReviewComments(pr: PullRequest): Promise<ExistingReviewComment[]>;
  /**
   * Creates one submitted review with its inline comments and returns its id. GitHub creates it all or
   * nothing: a 422 is thrown as a GitHubError whose `kind` says why (a line it cannot place, the author's own
   * pull request, a commit no longer in it). "Submitted too quickly" is waited out and retried once; after a
   * 5xx the review the first attempt created (same commit and body) is adopted rather than posted twice.
   */
  createReview(pr: PullRequest, input: ReviewInput): Promise<number>;
  /** Every review of the pull request (all pages), oldest first. */
  listReviews(pr: PullRequest): Promise<ExistingReview[]>;
  /** Dismisses a review with a message (a changes-requested review that no longer applies). */
  dismissReview(pr: PullRequest, reviewId: number, message: string): Promise<void>;
  /** A file-level review comment (`subject_type: file`) on the given commit; returns its id. */
  createFileComment(pr: PullRequest, input: FileCommentInput): Promise<number>;
  /** Replaces the body of a review comment. */
  updateReviewComment(pr: PullRequest, commentId: number, body: string): Promise<void>;
  /**
   * Creates or updates the one conversation comment whose body starts with `marker` and whose author `isOurs`
   * accepts (every page is read). Returns its id, whether it was created and the body it had; undefined when it
   * does not exist and `create` is false.
   */
  upsertIssueComment(
    pr: PullRequest,
    marker: string,
    body: string,
    options?: { readonly create?: boolean; readonly isOurs?: (author: Author) => boolean },
  ): Promise<{ id: number; created: boolean; previousBody?: string } | undefined>;
  /**
   * Files changed between two commits (`base...head`): their status and paths (renamed files under both
   * names). Undefined when GitHub cannot compare them (404, 422): a force-push that dropped `base`.
   */
  compareCommits(pr: PullRequest, base: string, head: string): Promise<CommitComparison | undefined>;
  /** The login this token acts as (`octocat`, `github-actions[bot]`), or undefined when GitHub does not say. */
  identity(): Promise<string | undefined>;
  /** The pull request's review threads (GraphQL): id, resolved or not, and the id of their first comment. */
  listReviewThreads(pr: PullRequest): Promise<ReviewThread[]>;
  /** Resolves or unresolves a review thread (GraphQL `resolveReviewThread` / `unresolveReviewThread`). */
  setThreadResolved(threadId: string, resolved: boolean): Promise<void>;
  /** Requests a review from users and teams (`POST /pulls/{n}/requested_reviewers`). */
  requestReviewers(
    pr: PullRequest,
    people: { readonly users: readonly string[]; readonly teams: readonly string[] },
  ): Promise<void>;
  /** Adds labels to the pull request (`POST /issues/{n}/labels`). */
  addLabels(pr: PullRequest, labels: readonly string[]): Promise<void>;
}

/** Who wrote a comment or review. */
export interface Author {
  readonly login: string;
  /** `User` or `Bot`. */
  readonly type: string;
}

export interface PullRequestState {
  readonly headSha: string;
  readonly state: string;
  readonly changedFiles?: number;
}

export interface ListedFiles {
  readonly files: ChangedFile[];
  /** True when GitHub's 3,000-file cap was reached: files past it were never listed. */
  readonly capped: boolean;
}

export interface CheckRunInput {
  readonly name: string;
  readonly headSha: string;
  readonly conclusion: Conclusion;
  readonly title: string;
  readonly summary: string;
  readonly text?: string;
  readonly annotations: readonly CheckAnnotation[];
  readonly detailsUrl?: string;
}

export interface CreatedCheckRun {
  readonly id: number;
  /** The GitHub App that owns it (`github-actions` for a GITHUB_TOKEN): its check suite, and our bot's login. */
  readonly appSlug?: string;
  /** True when a 5xx hid a run that had been created, and this is that run. */
  readonly adopted: boolean;
}

export interface ExistingCheckRun {
  readonly id: number;
  readonly summary: string;
  readonly appSlug?: string;
}

/** A submitted review, as listed by `GET /pulls/{n}/reviews`. */
export interface ExistingReview {
  readonly id: number;
  /** `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`, `DISMISSED`, `PENDING`. */
  readonly state: string;
  readonly body: string;
  readonly commitId?: string;
  readonly author?: Author;
}

/** A review comment already on the pull request. */
export interface ExistingReviewComment {
  readonly id: number;
  readonly body: string;
  readonly path: string;
  /** The comment's line on the current diff; null when outdated (a push moved it) or file-level. */
  readonly line: number | null;
  /** Set on replies: the id of the comment that starts the thread. */
  readonly inReplyToId?: number;
  readonly author?: Author;
}

export interface ReviewThread {
  /** The GraphQL node id. */
  readonly id: string;
  readonly resolved: boolean;
  /** The REST id (`databaseId`) of the thread's first comment. */
  readonly firstCommentId: number;
}

export interface InlineCommentInput {
  readonly path: string;
  readonly body: string;
  readonly line: number;
  readonly startLine?: number;
  readonly side: 'RIGHT' | 'LEFT';
}

export interface ReviewInput {
  readonly commitId: string;
  readonly body: string;
  readonly event: 'COMMENT' | 'REQUEST_CHANGES';
  readonly comments: readonly InlineCommentInput[];
}

export interface FileCommentInput {
  readonly commitId: string;
  readonly path: string;
  readonly body: string;
}

export interface CommitComparison {
  readonly status: 'ahead' | 'behind' | 'diverged' | 'identical';
  readonly files: readonly string[];
  /** GitHub lists at most 300 files of a comparison: past that the list is incomplete. */
  readonly truncated: boolean;
}

// ── The GitHub Actions runner ─────────────────────────────────────────────────────────────────────────────

export interface AnnotationProperties {
  readonly title?: string;
  readonly file?: string;
  readonly startLine?: number;
  readonly endLine?: number;
  readonly startColumn?: number;
}

/** The GitHub Actions runner: inputs, outputs, masking, logs, the job summary and the event. */
export interface RunnerPort extends Logger {
  getInput(name: string): string;
  setSecret(value: string): void;
  setOutput(name: string, value: string | number): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** A workflow-command annotation (`::error file=…::`), shown on the PR even when the token cannot write checks. */
  annotate(level: 'error' | 'warning' | 'notice', message: string, properties: AnnotationProperties): void;
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
  readonly event: RunnerEvent;
}

export interface RunnerEvent {
  readonly eventName: string;
  readonly payload: Record<string, unknown>;
  readonly repository: { readonly owner: string; readonly repo: string } | undefined;
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly runId: string;
  readonly runAttempt: string;
  readonly workflow: string;
  readonly actor: string;
  readonly workspace: string;
}

// ── Local git ─────────────────────────────────────────────────────────────────────────────────────────────

/** Local git, for the CLI and for patches GitHub omitted. Arguments are always an array: no shell, ever. */
export interface GitPort {
  /** `git diff` between two revisions, optionally limited to paths. Undefined when git cannot answer. */
  diff(base: string, head: string | undefined, paths?: readonly string[]): Promise<string | undefined>;
  /** The best common ancestor, for a pull request's three-dot diff. */
  mergeBase(a: string, b: string): Promise<string | undefined>;
  /** True when the revision exists locally (the workspace has enough history). */
  hasRevision(rev: string): Promise<boolean>;
  /** A file's content at a revision, or undefined. */
  show(rev: string, path: string): Promise<string | undefined>;
  /** Resolves a revision to a commit SHA. */
  revParse(rev: string): Promise<string | undefined>;
  /** True inside a git work tree (false outside a repository, or without git). */
  isWorkTree(): Promise<boolean>;
  /** The empty tree's id in this repository's hash (SHA-1 or SHA-256): the base of a first commit. */
  emptyTree(): Promise<string | undefined>;
}

// ── Child processes (validators, linters) ─────────────────────────────────────────────────────────────────

export interface CommandOptions {
  readonly cwd: string;
  readonly timeoutMs: number;
  /** Per stream; the rest is read and dropped so the child never blocks on a full pipe. Default 5 MB. */
  readonly maxOutputBytes?: number;
  /** The child's whole environment. Default: this process's, without tokens (see {@link createCommandEnv}). */
  readonly env?: NodeJS.ProcessEnv;
  /** Written to the child's standard input, which is then closed; without it stdin is empty. */
  readonly stdin?: string;
}

export interface CommandResult {
  /** null when the process was killed (timeout, signal) or never started. */
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly truncated: boolean;
  /** Why the process could not run at all, e.g. `spawn eslintt ENOENT`. */
  readonly error?: string;
}

export type CommandRunner = (argv: readonly string[], options: CommandOptions) => Promise<CommandResult>;

// ── Time and HTTP ─────────────────────────────────────────────────────────────────────────────────────────

/** The time now; injected so tests run on a fixed date or fake timers. */
export type Clock = () => Date;

/** Waits `ms`; injected so retries do not really wait in tests. */
export type Sleep = (ms: number) => Promise<void>;

/** The WHATWG fetch the endpoint client sends with; injected to reach loopback servers or record requests. */
export type Fetch = typeof fetch;

// ── The AI reviewer ───────────────────────────────────────────────────────────────────────────────────────

/** Which backend produces the AI review. */
export type ReviewerKind = 'endpoint' | 'openai' | 'codex';

/** Tokens a model reported and the calls made, for the audit log, the JSON report and the job summary. */
export interface ReviewUsage {
  readonly requests: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cachedTokens: number;
}

/** Why a chunk was not reviewed: the endpoint's reasons, and a model's. */
export type ReviewFailureKind =
  | HookFailure['kind']
  /** The model declined to answer. */
  | 'refused'
  /** The answer stopped at the output-token limit. */
  | 'truncated'
  /** No answer within the timeout (the Codex process group is killed). */
  | 'timeout';

export interface ReviewFailure extends Omit<HookFailure, 'kind'> {
  readonly kind: ReviewFailureKind;
}

export interface ReviewOutcome {
  /** One per request that was answered. */
  readonly responses: { readonly request: HookRequest; readonly response: HookResponse }[];
  /** HTTP attempts of the endpoint reviewer (the model reviewers record none). */
  readonly exchanges: HookExchange[];
  /** Set when at least one request was not reviewed; the answers of the others are kept. */
  readonly failure?: ReviewFailure;
  /** Set by the model reviewers. */
  readonly usage?: ReviewUsage;
}

/** What a reviewer may read besides the requests: the redacted head version of a file sent for review. */
export interface ReviewContext {
  readonly readRedactedHeadFile?: (path: string) => Promise<string | undefined>;
  /** The pull request's description, redacted (untrusted). */
  readonly description?: string;
  /** Applied to every text of an answer quoted in a message. */
  readonly redact?: (text: string) => string;
}

/**
 * The AI review backend: redacted protocol v1 requests in (PR, patches, local findings, memories), protocol
 * v1 answers out. Implementations: src/reviewers/ (endpoint, openai, codex).
 */
export interface Reviewer {
  readonly kind: ReviewerKind;
  /** Where the review goes, for logs and the summary: a host, or the model and its host. */
  readonly target: string;
  /** The largest protocol v1 request (serialized bytes) one call takes; larger pull requests are chunked. */
  readonly maxRequestBytes: number;
  review(requests: readonly HookRequest[], context: ReviewContext): Promise<ReviewOutcome>;
}
