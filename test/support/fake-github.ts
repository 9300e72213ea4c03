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
}

export interface FakeGitHubOptions {
  readonly owner?: string;
  readonly repo?: string;
  readonly files?: FakePullFile[];
  /** Tokens that may read but not write, like a fork's GITHUB_TOKEN. */
  readonly readOnlyTokens?: string[];
  /** Repository contents by ref, then path. */
  readonly contents?: Record<string, Record<string, string>>;
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
  private server: Server | undefined;
  private nextId = 1000;

  constructor(readonly options: FakeGitHubOptions = {}) {
    this.files = options.files ?? [];
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('FakeGitHub is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
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

    const fault = this.faults.find(
      (f) => f.method === method && f.path.test(url.pathname) && (f.times ?? Infinity) > 0,
    );
    if (fault) {
      if (fault.times !== undefined) fault.times--;
      return send(res, fault.status, fault.body ?? { message: `injected ${fault.status}` }, fault.headers);
    }

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
    if (this.handleReview(method, url, base, body, readOnly, res)) return;
    if (method === 'POST' && url.pathname === `${base}/check-runs`) {
      if (readOnly) return forbidden(res);
      const b = body as {
        name: string;
        head_sha: string;
        status: string;
        conclusion: string;
        output?: CheckRunRecord['output'] & { annotations?: Record<string, unknown>[] };
      };
      const problem = validateOutput(b.output);
      if (problem) return send(res, 422, { message: 'Validation Failed', errors: [problem] });
      const run: CheckRunRecord = {
        id: this.nextId++,
        name: b.name,
        head_sha: b.head_sha,
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
      return send(res, 201, {
        id: run.id,
        name: run.name,
        head_sha: run.head_sha,
        status: run.status,
        conclusion: run.conclusion,
      });
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
      return send(res, 200, {
        type: 'file',
        path,
        encoding: 'base64',
        content: Buffer.from(content).toString('base64'),
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
      comment.body = String((body as { body?: unknown }).body ?? '');
      return reply(200, comment);
    }
    if (method === 'GET' && new RegExp(`^${base}/issues/\\d+/comments$`).test(path)) {
      return (this.paginate(url, res, this.issueComments), true);
    }
    if (method === 'POST' && new RegExp(`^${base}/issues/\\d+/comments$`).test(path)) {
      if (readOnly) return deny();
      const comment = { id: this.nextId++, body: String((body as { body?: unknown }).body ?? ''), user: BOT };
      this.issueComments.push(comment);
      return reply(201, comment);
    }
    if (method === 'PATCH' && (m = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(path))) {
      if (readOnly) return deny();
      const comment = this.issueComments.find((c) => c.id === Number(m![1]));
      if (!comment) return reply(404, { message: 'Not Found' });
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
