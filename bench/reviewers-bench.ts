// A 300-file pull request through each reviewer, against loopback servers: the endpoint (the hook protocol),
// openai (the Responses API through the `openai` package) and codex (the real Codex CLI, when installed, with
// the same loopback Responses API as its provider). For each: model/endpoint requests, bytes sent per byte of
// redacted diff (target <= 1.2), wall time. The same redacted protocol v1 requests go to all three, built as
// the pipeline builds them, chunked to each reviewer's own request size.
import { makeInput } from '../test/endpoint/fixtures.js';
import { findCodexBinary } from '../test/support/codex-binary.js';
import { FakeEndpoint } from '../test/support/fake-endpoint.js';
import { answerJson, FakeResponsesApi } from '../test/support/fake-responses-api.js';
import { buildHookRequests } from '../src/endpoint/payload.js';
import type { HookRequestFile } from '../src/endpoint/types.js';
import { createRecordingLogger } from '../src/logger.js';
import type { Reviewer } from '../src/ports.js';
import { createCodexReviewer } from '../src/reviewers/codex-reviewer.js';
import { createEndpointReviewer } from '../src/reviewers/index.js';
import { createOpenAiReviewer } from '../src/reviewers/openai-reviewer.js';

const FILES = 300;
const LINES_PER_FILE = 20;
const API_KEY = ['sk-bench-', 'reviewers', '0123456789abcdef'].join('');
// As the action's defaults (action.yml): the budget of one model request, the endpoint's request size.
const MAX_INPUT_TOKENS = 100_000;
const ENDPOINT_MAX_BYTES = 500_000;

function pullRequestFiles(): { files: HookRequestFile[]; heads: Map<string, string> } {
  const heads = new Map<string, string>();
  const files = Array.from({ length: FILES }, (_, i) => {
    const lines = Array.from(
      { length: LINES_PER_FILE },
      (_, j) => `export const value_${i}_${j} = computeSomething(${j}, "label ${i}-${j}");`,
    );
    const path = `packages/pkg-${Math.floor(i / 30)}/src/file-${i}.ts`;
    heads.set(path, `${lines.join('\n')}\n`);
    return {
      path,
      previous_path: null,
      status: 'added' as const,
      additions: LINES_PER_FILE,
      deletions: 0,
      patch: `@@ -0,0 +1,${LINES_PER_FILE} @@\n${lines.map((l) => `+${l}`).join('\n')}`,
    };
  });
  return { files, heads };
}

function requestsFor(reviewer: Reviewer, files: HookRequestFile[]) {
  return buildHookRequests(
    makeInput({ files, metadata: { triggered_by: 'bench', timestamp: new Date(0).toISOString() } }),
    reviewer.maxRequestBytes,
  ).requests;
}

interface Measured {
  readonly requests: number;
  readonly bytesSent: number;
  readonly wallMs: number;
  readonly failure?: string;
}

async function measure(
  reviewer: Reviewer,
  files: HookRequestFile[],
  heads: Map<string, string>,
  sent: () => { requests: number; bytes: number },
): Promise<Measured> {
  const requests = requestsFor(reviewer, files);
  const started = performance.now();
  const outcome = await reviewer.review(requests, { readRedactedHeadFile: async (p) => heads.get(p) });
  const wallMs = performance.now() - started;
  const { requests: count, bytes } = sent();
  return {
    requests: count,
    bytesSent: bytes,
    wallMs,
    ...(outcome.failure ? { failure: outcome.failure.message } : {}),
  };
}

const answer = () => answerJson({ summary: 'ok', comments: [] }, { input_tokens: 1000, output_tokens: 10 });
const bodyBytes = (raws: readonly string[]) => raws.reduce((n, r) => n + Buffer.byteLength(r), 0);

async function viaEndpoint(files: HookRequestFile[], heads: Map<string, string>): Promise<Measured> {
  const endpoint = await new FakeEndpoint([{ review: true }]).start();
  try {
    const reviewer = createEndpointReviewer({
      url: endpoint.url,
      token: 'bench-token',
      timeoutMs: 60_000,
      retries: 0,
      maxBytes: ENDPOINT_MAX_BYTES,
      logger: createRecordingLogger(),
    });
    return await measure(reviewer, files, heads, () => ({
      requests: endpoint.received.length,
      bytes: bodyBytes(endpoint.received.map((r) => r.raw)),
    }));
  } finally {
    await endpoint.stop();
  }
}

async function viaResponsesApi(
  files: HookRequestFile[],
  heads: Map<string, string>,
  create: (baseUrl: string) => Reviewer,
): Promise<Measured> {
  const api = await new FakeResponsesApi({ apiKey: API_KEY, turns: Array.from({ length: 200 }, () => answer) }).start();
  try {
    return await measure(create(api.baseUrl), files, heads, () => ({
      requests: api.requests.length,
      bytes: bodyBytes(api.requests.map((r) => r.raw)),
    }));
  } finally {
    await api.stop();
  }
}

export async function runReviewersBenchmark(): Promise<Record<string, string | number>> {
  const { files, heads } = pullRequestFiles();
  // Nothing here has a secret: the redacted diff is the diff.
  const diffBytes = files.reduce((n, f) => n + Buffer.byteLength(f.patch ?? ''), 0);
  const out: Record<string, string | number> = {
    'reviewers: files': FILES,
    'reviewers: redacted diff (KiB)': Number((diffBytes / 1024).toFixed(1)),
  };
  const runs: [string, () => Promise<Measured>][] = [
    ['endpoint', () => viaEndpoint(files, heads)],
    [
      'openai',
      () =>
        viaResponsesApi(files, heads, (baseUrl) =>
          createOpenAiReviewer({
            apiKey: API_KEY,
            model: 'gpt-bench',
            baseUrl,
            timeoutMs: 120_000,
            retries: 0,
            maxInputTokens: MAX_INPUT_TOKENS,
            maxOutputTokens: 8_000,
          }),
        ),
    ],
  ];
  const codex = findCodexBinary();
  if (codex.bin) {
    const bin = codex.bin;
    runs.push([
      'codex',
      () =>
        viaResponsesApi(files, heads, (baseUrl) =>
          createCodexReviewer({
            binary: bin,
            apiKey: API_KEY,
            model: 'gpt-bench',
            upstreamBaseUrl: baseUrl,
            timeoutMs: 280_000,
            maxInputTokens: MAX_INPUT_TOKENS,
          }),
        ),
    ]);
  } else out['codex'] = `skipped: ${codex.skipReason}`;
  for (const [name, run] of runs) {
    const m = await run();
    const ratio = m.bytesSent / diffBytes;
    out[`${name}: requests`] = m.requests;
    out[`${name}: bytes sent / byte of redacted diff`] =
      `${ratio.toFixed(2)} (target <= 1.2: ${ratio <= 1.2 ? 'met' : 'NOT met'})`;
    out[`${name}: wall time (s)`] = Number((m.wallMs / 1000).toFixed(2));
    if (m.failure) out[`${name}: failure`] = m.failure;
  }
  return out;
}
