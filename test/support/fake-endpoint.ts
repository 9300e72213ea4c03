import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pickHeaders, recordSnapshot } from './e2e-snapshot.js';
import { reviewRequest } from '../../src/endpoint/server/rules.js';
import type { HookRequest, HookResponse } from '../../src/endpoint/types.js';

/**
 * One scripted answer: a status with headers and a body, `hang` (never answers), `review` (a real answer),
 * `stream` (a body sent in pieces, `delayMs` apart, without Content-Length), or `reset` (the connection is
 * destroyed before any answer).
 */
export type EndpointStep =
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body?: string }
  | { readonly hang: true }
  | { readonly reset: true }
  | {
      readonly stream: {
        readonly status: number;
        readonly chunks: readonly string[];
        readonly delayMs: number;
        readonly headers?: Record<string, string>;
      };
    }
  | { readonly review: true; readonly extend?: (request: HookRequest, response: HookResponse) => HookResponse };

export interface ReceivedRequest {
  readonly headers: IncomingMessage['headers'];
  readonly raw: string;
  readonly body: HookRequest;
  readonly at: number;
}

/**
 * A loopback Codex hook endpoint whose answers are scripted step by step (the last step repeats).
 * It records every request, raw, so tests can assert what left the runner.
 */
export class FakeEndpoint {
  readonly received: ReceivedRequest[] = [];
  private server: Server | undefined;
  private readonly open = new Set<ServerResponse>();

  constructor(private readonly steps: EndpointStep[] = [{ review: true }]) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('FakeEndpoint is not listening');
    return `http://127.0.0.1:${address.port}/codex/hooks/review`;
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
      'endpoint',
      this.received.map((r) => ({ headers: pickHeaders(r.headers), raw: r.raw })),
    );
    for (const res of this.open) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = JSON.parse(raw) as HookRequest;
    const index = this.received.length;
    this.received.push({ headers: req.headers, raw, body, at: Date.now() });
    const step = this.steps[Math.min(index, this.steps.length - 1)]!;
    if ('hang' in step) {
      this.open.add(res);
      return;
    }
    if ('reset' in step) {
      req.socket.destroy();
      return;
    }
    if ('stream' in step) {
      const { status, chunks, delayMs, headers } = step.stream;
      this.open.add(res);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.flushHeaders();
      for (const chunk of chunks) {
        if (res.destroyed) return;
        res.write(chunk);
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
      if (!res.destroyed) res.end();
      this.open.delete(res);
      return;
    }
    if ('review' in step) {
      const response = reviewRequest(body);
      const answer = step.extend ? step.extend(body, response) : response;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
      return;
    }
    res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
    res.end(step.body ?? JSON.stringify({ message: `scripted ${step.status}` }));
  }
}
