import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly checkRuns: CheckRunRecord[] = [];
  readonly faults: Fault[] = [];
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
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Number(url.searchParams.get('page') ?? 1);
    // GitHub lists at most 3,000 files.
    const all = this.files.slice(0, 3000);
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
