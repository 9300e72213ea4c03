import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pickHeaders, recordSnapshot } from './e2e-snapshot.js';
import { parsePatch } from '../../src/core/diff/parse-patch.js';

/**
 * A loopback server that behaves like the parts of the GitHub REST API the action uses: Link-header
 * pagination, the 50-annotation limit (422), read-only tokens (403 "Resource not accessible by integration"),
 * and injected faults. It records every request so tests can assert what the action did.
 */
export interface FakePullFile {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
  previous_filename?: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

export interface CheckRunRecord {
  id: number;
  name: string;
  head_sha: string;
  external_id?: string;
  status: string;
  conclusion: string;
  output: { title: string; summary: string; text?: string };
  annotations: Record<string, unknown>[];
}

export interface Fault {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** How many requests it answers before it stops; Infinity by default. */
  times?: number;
  /** Handle the request first (create the review or check run), then answer with this fault: a 502 after creating. */
  readonly afterHandling?: boolean;
}

export interface FakeGitHubOptions {
  readonly owner?: string;
  readonly repo?: string;
  readonly files?: FakePullFile[];
  /** Tokens that may read but not write, like a fork's GITHUB_TOKEN. */
  readonly readOnlyTokens?: string[];
  /** Repository contents by ref, then path. */
  readonly contents?: Record<string, Record<string, string>>;
  /** The pull request's head on GitHub; the event's head ('a' × 40) unless given. */
  readonly headSha?: string;
  /** Who opened the pull request; GitHub refuses REQUEST_CHANGES from this login. */
  readonly prAuthor?: string;
  /** The login the token acts as (GraphQL `viewer`); `github-actions[bot]` unless given. */
  readonly viewer?: string;
  /** Primary rate limit: requests the token has left this hour (5,000 unless given). */
  readonly rateLimitRemaining?: number;
}

/** A pull request review as created with `POST /pulls/{n}/reviews`. */
export interface ReviewRecord {
  id: number;
  commit_id: string;
  body: string;
  event: string;
  comments: Record<string, unknown>[];
  /** The dismissal message, once dismissed. */
  dismissed?: string;
  /** Who wrote it; our bot unless a test says (a person's review). */
  user?: { login: string; type: string };
}

/** A review comment: inline (`line`, optional `start_line`), file-level (`subject_type: file`) or a reply. */
export interface ReviewCommentRecord {
  id: number;
  pull_request_review_id: number | null;
  commit_id: string;
  path: string;
  body: string;
  line: number | null;
  start_line: number | null;
  side: string | null;
  subject_type: 'line' | 'file';
  in_reply_to_id?: number;
  user: { login: string; type: string };
}

export interface IssueCommentRecord {
  id: number;
  body: string;
  user: { login: string; type: string };
}

/** GitHub's longest comment or review body. */
export const BODY_LIMIT = 65_536;
/** The contents API sends files up to 1 MB in JSON; above that `encoding: "none"` and the raw media type. */
const CONTENTS_JSON_LIMIT = 1024 * 1024;
const CHECK_STATUSES = ['queued', 'in_progress', 'completed'];
const CHECK_CONCLUSIONS = ['action_required', 'cancelled', 'failure', 'neutral', 'success', 'skipped', 'timed_out'];
const ANNOTATION_LEVELS = ['notice', 'warning', 'failure'];

/** What `GET /compare/{base}...{head}` answers; unknown pairs get a 404. */
export interface CompareRecord {
  status: 'ahead' | 'behind' | 'diverged' | 'identical';
  files: FakePullFile[];
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' };

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly checkRuns: CheckRunRecord[] = [];
  readonly faults: Fault[] = [];
  readonly reviews: ReviewRecord[] = [];
  readonly reviewComments: ReviewCommentRecord[] = [];
  readonly issueComments: IssueCommentRecord[] = [];
  /** Comparisons by `base...head`. */
  readonly comparisons: Record<string, CompareRecord> = {};
  /**
   * Fault hook: a review with a comment this returns true for (its `path`, `line`, `body`…) is refused with the
   * same 422 GitHub gives for a line outside the diff.
   */
  rejectReviewComment: ((comment: Record<string, unknown>) => boolean) | undefined;
  files: FakePullFile[];
  /** The pull request's head on GitHub: `GET /pulls/{n}` answers it, reviews on other commits are refused. */
  headSha: string;
  /** Commits of the pull request (a force-push drops the old ones). */
  readonly prCommits = new Set<string>();
  /** GitHub answers "was submitted too quickly" to this many review POSTs. */
  tooQuickly = 0;
  /** Review threads (GraphQL), keyed by their first comment: resolved or not. */
  readonly resolvedThreads = new Map<number, boolean>();
  readonly requestedReviewers: { reviewers: string[]; team_reviewers: string[] }[] = [];
  readonly labels: string[] = [];
  /** Primary rate limit: requests left this hour. */
  rateLimitRemaining: number;
  /** Called as each request arrives, before it is answered: a push or a spent rate limit mid-run. */
  onRequest: ((method: string, path: string) => void) | undefined;
  private server: Server | undefined;
  private nextId = 1000;

  constructor(readonly options: FakeGitHubOptions = {}) {
    this.files = options.files ?? [];
    this.headSha = options.headSha ?? 'a'.repeat(40);
    this.prCommits.add(this.headSha);
    this.rateLimitRemaining = options.rateLimitRemaining ?? 5000;
  }

  /**
   * A push to the pull request: the head moves and, as on GitHub, comments whose line is no longer in the diff
   * become outdated (`line: null`). A force-push drops the earlier commits from the pull request.
   */
  push(sha: string, options: { files?: FakePullFile[]; force?: boolean } = {}): void {
    if (options.files) this.files = options.files;
    if (options.force) this.prCommits.clear();
    this.prCommits.add(sha);
    this.headSha = sha;
    for (const c of this.reviewComments) {
      if (c.line === null || c.subject_type === 'file') continue;
      if (!this.rightLines(c.path)?.has(c.line)) c.line = null;
    }
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('FakeGitHub is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    // Node closes an idle keep-alive connection after 5 s; on a loaded machine the action may reuse it just as it
    // closes, and a request is lost that the real service would have answered (a flake, not the product's
    // behaviour). A stopped fake still closes its idle connections at once.
    this.server.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    recordSnapshot(
      'github',
      this.requests.map((r) => ({
        method: r.method,
        path: r.path,
        query: r.query.toString(),
        headers: pickHeaders(r.headers),
        body: r.body,
      })),
    );
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Requests whose path matches, for assertions. */
  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const raw = await readBody(req);
    let body: unknown = undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, 400, { message: 'Problems parsing JSON' });
      }
    }
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body });
    this.onRequest?.(method, url.pathname);

    // GitHub's primary rate limit: every answer says what is left; none left is a 403 until the hour resets.
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    if (this.rateLimitRemaining <= 0) {
      return send(
        res,
        403,
        {
          message: 'API rate limit exceeded for installation ID 1.',
          documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
        },
        rateHeaders(0, reset),
      );
    }
    this.rateLimitRemaining--;
    const limits = rateHeaders(this.rateLimitRemaining, reset);

    const fault = this.faults.find(
      (f) => f.method === method && f.path.test(url.pathname) && (f.times ?? Infinity) > 0,
    );
    if (fault) {
      if (fault.times !== undefined) fault.times--;
      // A fault after handling: GitHub did the work (created the review), then answered 5xx.
      if (fault.afterHandling) await this.route(req, url, method, body, discard());
      return send(res, fault.status, fault.body ?? { message: `injected ${fault.status}` }, {
        ...limits,
        ...fault.headers,
      });
    }
    return this.route(req, url, method, body, withHeaders(res, limits));
  }

  private async route(
    req: IncomingMessage,
    url: URL,
    method: string,
    body: unknown,
    res: ServerResponse,
  ): Promise<void> {
    const token = (req.headers.authorization ?? '').replace(/^(token|bearer) /i, '');
    if (!token) return send(res, 401, { message: 'Requires authentication' });
    const readOnly = this.options.readOnlyTokens?.includes(token) ?? false;
    const owner = this.options.owner ?? 'acme';
    const repo = this.options.repo ?? 'widgets';
    const base = `/repos/${owner}/${repo}`;

    let m: RegExpExecArray | null;
    if (method === 'GET' && (m = new RegExp(`^${base}/pulls/(\\d+)/files$`).exec(url.pathname))) {
      return this.listFiles(url, res);
    }
    if (method === 'GET' && (m = new RegExp(`^${base}/pulls/(\\d+)$`).exec(url.pathname))) {
      return send(res, 200, {
        number: Number(m[1]),
        state: 'open',
        user: { login: this.options.prAuthor ?? 'octocat', type: 'User' },
        head: { sha: this.headSha, ref: 'feature' },
        changed_files: this.files.length,
      });
    }
    if (method === 'POST' && url.pathname === '/graphql') return this.graphql(body, readOnly, res);
    if (this.handlePeople(method, url.pathname, base, body, readOnly, res)) return;
    if (this.handleReview(method, url, base, body, readOnly, res)) return;
    if (method === 'GET' && (m = new RegExp(`^${base}/commits/([^/]+)/check-runs$`).exec(url.pathname))) {
      const name = url.searchParams.get('check_name');
      const runs = this.checkRuns
        .filter((r) => r.head_sha === m![1] && (!name || r.name === name))
        .map((r) => ({ ...checkRunJson(r), output: { ...r.output } }));
      return send(res, 200, { total_count: runs.length, check_runs: runs });
    }
    if (method === 'POST' && url.pathname === `${base}/check-runs`) {
      if (readOnly) return forbidden(res);
      const b = body as {
        name: string;
        head_sha: string;
        external_id?: string;
        status: string;
        conclusion: string;
        output?: CheckRunRecord['output'] & { annotations?: Record<string, unknown>[] };
      };
      const problem = validateCheckRun(b) ?? validateOutput(b.output);
      if (problem) return send(res, 422, { message: 'Validation Failed', errors: [problem] });
      const run: CheckRunRecord = {
        id: this.nextId++,
        name: b.name,
        head_sha: b.head_sha,
        ...(b.external_id ? { external_id: b.external_id } : {}),
        status: b.status,
        conclusion: b.conclusion,
        output: {
          title: b.output?.title ?? '',
          summary: b.output?.summary ?? '',
          ...(b.output?.text ? { text: b.output.text } : {}),
        },
        annotations: [...(b.output?.annotations ?? [])],
      };
      this.checkRuns.push(run);
      return send(res, 201, checkRunJson(run));
    }
    if (method === 'PATCH' && (m = new RegExp(`^${base}/check-runs/(\\d+)$`).exec(url.pathname))) {
      if (readOnly) return forbidden(res);
      const run = this.checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return send(res, 404, { message: 'Not Found' });
      const b = body as { output?: CheckRunRecord['output'] & { annotations?: Record<string, unknown>[] } };
      const problem = validateOutput(b.output);
      if (problem) return send(res, 422, { message: 'Validation Failed', errors: [problem] });
      if (b.output) {
        run.output = {
          title: b.output.title,
          summary: b.output.summary,
          ...(b.output.text ? { text: b.output.text } : {}),
        };
        run.annotations.push(...(b.output.annotations ?? []));
      }
      return send(res, 200, { id: run.id });
    }
    if (method === 'GET' && (m = new RegExp(`^${base}/contents/(.+)$`).exec(url.pathname))) {
      const ref = url.searchParams.get('ref') ?? 'HEAD';
      const path = decodeURIComponent(m[1]!);
      const content = this.options.contents?.[ref]?.[path];
      if (content === undefined) return send(res, 404, { message: 'Not Found' });
      const size = Buffer.byteLength(content);
      if (/\.raw\b/.test(String(req.headers.accept ?? ''))) {
        res.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
        return void res.end(content);
      }
      // Above 1 MB GitHub sends no content in JSON: the raw media type must be asked for.
      const big = size > CONTENTS_JSON_LIMIT;
      return send(res, 200, {
        type: 'file',
        path,
        size,
        encoding: big ? 'none' : 'base64',
        content: big ? '' : Buffer.from(content).toString('base64'),
      });
    }
    return send(res, 404, { message: `Not Found: ${method} ${url.pathname}` });
  }

  private listFiles(url: URL, res: ServerResponse): void {
    // GitHub lists at most 3,000 files.
    this.paginate(url, res, this.files.slice(0, 3000));
  }

  /** Lines of a file's diff GitHub accepts a RIGHT-side comment on; undefined when the file is not in the diff. */
  private rightLines(path: string): { has(line: number): boolean } | undefined {
    const file = this.files.find((f) => f.filename === path);
    return file ? parsePatch(file.patch).commentable.right : undefined;
  }

  /** Review comments, reviews, conversation comments and commit comparisons; false when no route matched. */
  private handleReview(
    method: string,
    url: URL,
    base: string,
    body: unknown,
    readOnly: boolean,
    res: ServerResponse,
  ): boolean {
    const path = url.pathname;
    const reply = (status: number, answer: unknown) => (send(res, status, answer), true);
    const deny = () => (forbidden(res), true);
    let m: RegExpExecArray | null;
    if (method === 'GET' && new RegExp(`^${base}/pulls/\\d+/comments$`).test(path)) {
      return (this.paginate(url, res, this.reviewComments), true);
    }
    if (method === 'GET' && new RegExp(`^${base}/pulls/\\d+/reviews$`).test(path)) {
      const states: Record<string, string> = {
        COMMENT: 'COMMENTED',
        REQUEST_CHANGES: 'CHANGES_REQUESTED',
        APPROVE: 'APPROVED',
      };
      const listed = this.reviews.map((r) => ({
        id: r.id,
        body: r.body,
        state: r.dismissed ? 'DISMISSED' : (states[r.event] ?? r.event),
        commit_id: r.commit_id,
        user: r.user ?? BOT,
      }));
      return (this.paginate(url, res, listed), true);
    }
    let dismissal: RegExpExecArray | null;
    if (method === 'PUT' && (dismissal = new RegExp(`^${base}/pulls/\\d+/reviews/(\\d+)/dismissals$`).exec(path))) {
      if (readOnly) return deny();
      const review = this.reviews.find((r) => r.id === Number(dismissal![1]));
      if (!review) return reply(404, { message: 'Not Found' });
      if (review.event !== 'REQUEST_CHANGES' && review.event !== 'APPROVE') {
        return reply(422, { message: 'Can not dismiss a commented pull request review' });
      }
      review.dismissed = (body as { message?: string }).message ?? '';
      return reply(200, { id: review.id, state: 'DISMISSED' });
    }
    if (method === 'POST' && new RegExp(`^${base}/pulls/\\d+/reviews$`).test(path)) {
      if (readOnly) return deny();
      const b = body as { commit_id?: string; body?: string; event?: string; comments?: Record<string, unknown>[] };
      const comments = b.comments ?? [];
      const refusal = this.refuseReview(b, comments);
      if (refusal) return reply(422, refusal);
      for (const c of comments) {
        const right = this.rightLines(String(c.path));
        const lines = [c.line, c.start_line].filter((l) => l !== undefined) as number[];
        const badLine = !right || lines.some((l) => !right.has(l)) || (c.side !== undefined && c.side !== 'RIGHT');
        const rejected = this.rejectReviewComment?.(c) ?? false;
        if (badLine || rejected) {
          return reply(422, {
            message: 'Unprocessable Entity',
            errors: ['Line could not be resolved'],
            documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
            status: '422',
          });
        }
      }
      const record: ReviewRecord = {
        id: this.nextId++,
        commit_id: b.commit_id ?? '',
        body: b.body ?? '',
        event: b.event ?? 'PENDING',
        comments,
      };
      this.reviews.push(record);
      for (const c of comments) {
        this.reviewComments.push({
          id: this.nextId++,
          pull_request_review_id: record.id,
          commit_id: record.commit_id,
          path: String(c.path),
          body: String(c.body),
          line: Number(c.line),
          start_line: c.start_line === undefined ? null : Number(c.start_line),
          side: String(c.side ?? 'RIGHT'),
          subject_type: 'line',
          user: BOT,
        });
      }
      return reply(200, { id: record.id, state: record.event === 'COMMENT' ? 'COMMENTED' : record.event });
    }
    if (method === 'POST' && new RegExp(`^${base}/pulls/\\d+/comments$`).test(path)) {
      if (readOnly) return deny();
      const b = body as Record<string, unknown>;
      const replyTo = typeof b.in_reply_to === 'number' ? b.in_reply_to : undefined;
      const parent = replyTo !== undefined ? this.reviewComments.find((c) => c.id === replyTo) : undefined;
      if (replyTo !== undefined && !parent) return reply(404, { message: 'Not Found' });
      if (String(b.body ?? '').length > BODY_LIMIT) return reply(422, tooLong('PullRequestReviewComment'));
      if (!parent && (b.subject_type !== 'file' || !this.rightLines(String(b.path)))) {
        return reply(422, { message: 'Validation Failed', errors: ['path is not part of the diff'] });
      }
      const comment: ReviewCommentRecord = {
        id: this.nextId++,
        pull_request_review_id: null,
        commit_id: String(b.commit_id ?? parent?.commit_id ?? ''),
        path: parent?.path ?? String(b.path),
        body: String(b.body ?? ''),
        line: parent?.line ?? null,
        start_line: null,
        side: parent?.side ?? null,
        subject_type: parent?.subject_type ?? 'file',
        ...(parent ? { in_reply_to_id: parent.id } : {}),
        user: parent ? { login: 'reviewer', type: 'User' } : BOT,
      };
      this.reviewComments.push(comment);
      return reply(201, comment);
    }
    if (method === 'PATCH' && (m = new RegExp(`^${base}/pulls/comments/(\\d+)$`).exec(path))) {
      if (readOnly) return deny();
      const comment = this.reviewComments.find((c) => c.id === Number(m![1]));
      if (!comment) return reply(404, { message: 'Not Found' });
      if (String((body as { body?: unknown }).body ?? '').length > BODY_LIMIT) {
        return reply(422, tooLong('PullRequestReviewComment'));
      }
      comment.body = String((body as { body?: unknown }).body ?? '');
      return reply(200, comment);
    }
    if (method === 'GET' && new RegExp(`^${base}/issues/\\d+/comments$`).test(path)) {
      return (this.paginate(url, res, this.issueComments), true);
    }
    if (method === 'POST' && new RegExp(`^${base}/issues/\\d+/comments$`).test(path)) {
      if (readOnly) return deny();
      if (String((body as { body?: unknown }).body ?? '').length > BODY_LIMIT)
        return reply(422, tooLong('IssueComment'));
      const comment = { id: this.nextId++, body: String((body as { body?: unknown }).body ?? ''), user: BOT };
      this.issueComments.push(comment);
      return reply(201, comment);
    }
    if (method === 'PATCH' && (m = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(path))) {
      if (readOnly) return deny();
      const comment = this.issueComments.find((c) => c.id === Number(m![1]));
      if (!comment) return reply(404, { message: 'Not Found' });
      if (String((body as { body?: unknown }).body ?? '').length > BODY_LIMIT)
        return reply(422, tooLong('IssueComment'));
      comment.body = String((body as { body?: unknown }).body ?? '');
      return reply(200, comment);
    }
    if (method === 'GET' && (m = new RegExp(`^${base}/compare/(.+)$`).exec(path))) {
      const basehead = decodeURIComponent(m[1]!);
      const comparison = this.comparisons[basehead];
      if (!comparison) return reply(404, { message: 'Not Found' });
      return reply(200, { status: comparison.status, files: comparison.files.slice(0, 300) });
    }
    return false;
  }

  /** GitHub's 422s on a whole review, with its own `errors[]` texts; undefined when the review is acceptable. */
  private refuseReview(
    b: { commit_id?: string; body?: string; event?: string },
    comments: Record<string, unknown>[],
  ): unknown {
    const unprocessable = (text: string) => ({
      message: 'Unprocessable Entity',
      errors: [text],
      documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
      status: '422',
    });
    if (this.tooQuickly > 0) {
      this.tooQuickly--;
      return unprocessable('was submitted too quickly');
    }
    if (b.commit_id !== undefined && !this.prCommits.has(b.commit_id)) {
      return unprocessable('commit_id is not part of the pull request');
    }
    if (b.event === 'REQUEST_CHANGES' && (this.options.prAuthor ?? 'octocat') === this.viewer) {
      return unprocessable('Review Can not request changes on your own pull request');
    }
    if ((b.body ?? '').length > BODY_LIMIT || comments.some((c) => String(c.body ?? '').length > BODY_LIMIT)) {
      return tooLong('PullRequestReview');
    }
    return undefined;
  }

  get viewer(): string {
    return this.options.viewer ?? BOT.login;
  }

  /**
   * GitHub's GraphQL endpoint, for what only it serves: `viewer`, a pull request's `reviewThreads` (each
   * top-level review comment starts one) and `resolveReviewThread` / `unresolveReviewThread`.
   */
  private graphql(body: unknown, readOnly: boolean, res: ServerResponse): void {
    const { query = '', variables = {} } = (body ?? {}) as { query?: string; variables?: Record<string, unknown> };
    const mutation = /\b(un)?resolveReviewThread\b/.exec(query);
    if (mutation) {
      const id = Number(String(variables.id ?? '').replace(/^PRRT_/, ''));
      if (!this.reviewComments.some((c) => c.id === id && c.in_reply_to_id === undefined)) {
        return send(res, 200, {
          data: null,
          errors: [
            {
              type: 'NOT_FOUND',
              message: `Could not resolve to a node with the global id of '${String(variables.id)}'`,
            },
          ],
        });
      }
      if (readOnly) {
        return send(res, 200, {
          data: null,
          errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }],
        });
      }
      this.resolvedThreads.set(id, mutation[1] === undefined);
      const thread = { id: `PRRT_${id}`, isResolved: mutation[1] === undefined };
      return send(res, 200, { data: { [mutation[0]]: { thread } } });
    }
    if (/\bviewer\b/.test(query)) return send(res, 200, { data: { viewer: { login: this.viewer } } });
    if (/\breviewThreads\b/.test(query)) {
      const nodes = this.reviewComments
        .filter((c) => c.in_reply_to_id === undefined)
        .map((c) => ({
          id: `PRRT_${c.id}`,
          isResolved: this.resolvedThreads.get(c.id) ?? false,
          comments: { nodes: [{ databaseId: c.id }] },
        }));
      const reviewThreads = { pageInfo: { hasNextPage: false, endCursor: null }, nodes };
      return send(res, 200, { data: { repository: { pullRequest: { reviewThreads } } } });
    }
    return send(res, 200, { errors: [{ message: `the fake does not serve this query: ${query.slice(0, 60)}` }] });
  }

  /** Review requests and labels; false when no route matched. */
  private handlePeople(
    method: string,
    path: string,
    base: string,
    body: unknown,
    readOnly: boolean,
    res: ServerResponse,
  ): boolean {
    if (method !== 'POST') return false;
    if (new RegExp(`^${base}/pulls/\\d+/requested_reviewers$`).test(path)) {
      if (readOnly) return (forbidden(res), true);
      const b = body as { reviewers?: string[]; team_reviewers?: string[] };
      if ((b.reviewers ?? []).includes(this.options.prAuthor ?? 'octocat')) {
        return (send(res, 422, { message: 'Review cannot be requested from pull request author.' }), true);
      }
      this.requestedReviewers.push({ reviewers: b.reviewers ?? [], team_reviewers: b.team_reviewers ?? [] });
      return (send(res, 201, { number: 42 }), true);
    }
    if (new RegExp(`^${base}/issues/\\d+/labels$`).test(path)) {
      if (readOnly) return (forbidden(res), true);
      for (const l of (body as { labels?: string[] }).labels ?? []) if (!this.labels.includes(l)) this.labels.push(l);
      return (
        send(
          res,
          200,
          this.labels.map((name) => ({ name })),
        ),
        true
      );
    }
    return false;
  }

  /** Answers one page of `items` with GitHub's Link header. */
  private paginate(url: URL, res: ServerResponse, all: readonly unknown[]): void {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const slice = all.slice((page - 1) * perPage, page * perPage);
    const link = (p: number, rel: string) => {
      const u = new URL(url.toString());
      u.searchParams.set('page', String(p));
      u.searchParams.set('per_page', String(perPage));
      return `<${this.url}${u.pathname}${u.search}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    send(res, 200, slice, links.length > 0 ? { link: links.join(', ') } : {});
  }
}

function validateOutput(
  output: { annotations?: unknown[]; summary?: string; text?: string } | undefined,
): string | undefined {
  if (!output) return undefined;
  if ((output.annotations?.length ?? 0) > 50) return 'Only 50 annotations are allowed per request';
  if ((output.summary?.length ?? 0) > 65535) return 'summary is too long (maximum is 65535 characters)';
  if ((output.text?.length ?? 0) > 65535) return 'text is too long (maximum is 65535 characters)';
  return undefined;
}

/** The check run as GitHub answers it; a GITHUB_TOKEN's runs belong to the `github-actions` app. */
function checkRunJson(run: CheckRunRecord) {
  return {
    id: run.id,
    name: run.name,
    head_sha: run.head_sha,
    external_id: run.external_id ?? '',
    status: run.status,
    conclusion: run.conclusion,
    app: { slug: 'github-actions' },
  };
}

/** GitHub's required fields and enums of `POST /check-runs`. */
function validateCheckRun(b: {
  name?: unknown;
  head_sha?: unknown;
  status?: unknown;
  conclusion?: unknown;
  output?: { title?: unknown; summary?: unknown; annotations?: Record<string, unknown>[] };
}): unknown {
  const invalid = (field: string, code = 'invalid') => ({ resource: 'CheckRun', field, code });
  if (typeof b.name !== 'string' || b.name === '') return invalid('name', 'missing_field');
  if (typeof b.head_sha !== 'string' || b.head_sha === '') return invalid('head_sha', 'missing_field');
  if (b.status !== undefined && !CHECK_STATUSES.includes(String(b.status))) return invalid('status');
  if (b.conclusion !== undefined && !CHECK_CONCLUSIONS.includes(String(b.conclusion))) return invalid('conclusion');
  if (b.status === 'completed' && b.conclusion === undefined) return invalid('conclusion', 'missing_field');
  if (b.output && (typeof b.output.title !== 'string' || typeof b.output.summary !== 'string')) {
    return invalid('output', 'missing_field');
  }
  for (const a of b.output?.annotations ?? []) {
    const ok =
      typeof a.path === 'string' &&
      typeof a.start_line === 'number' &&
      typeof a.end_line === 'number' &&
      typeof a.message === 'string' &&
      ANNOTATION_LEVELS.includes(String(a.annotation_level));
    if (!ok) return invalid('annotations');
  }
  return undefined;
}

function tooLong(resource: string) {
  return {
    message: 'Validation Failed',
    errors: [
      { resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${BODY_LIMIT} characters)` },
    ],
  };
}

function rateHeaders(remaining: number, reset: string): Record<string, string> {
  return {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-used': String(5000 - remaining),
    'x-ratelimit-reset': reset,
    'x-ratelimit-resource': 'core',
  };
}

/** The response a handler writes into when its answer is replaced by an injected fault. */
function discard(): ServerResponse {
  return { setHeader() {}, writeHead() {}, end() {} } as unknown as ServerResponse;
}

function withHeaders(res: ServerResponse, headers: Record<string, string>): ServerResponse {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  return res;
}

function forbidden(res: ServerResponse): void {
  send(res, 403, {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A `pulls.listFiles` entry for an added text file. */
export function addedFile(filename: string, lines: string[]): FakePullFile {
  return {
    filename,
    status: 'added',
    additions: lines.length,
    deletions: 0,
    changes: lines.length,
    patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`,
  };
}
