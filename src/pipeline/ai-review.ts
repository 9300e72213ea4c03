import { patchOf } from '../core/diff/index.js';
import { createFindings, type FindingDraft } from '../core/findings/finalize.js';
import { redactSecrets, redactText } from '../core/secrets/index.js';
import type { Finding, PullRequest, Severity } from '../core/types.js';
import { buildHookRequests, describeLostContent, partitionComments } from '../endpoint/index.js';
import type { HookExchange } from '../endpoint/client.js';
import type { Reviewer, ReviewFailure, ReviewUsage } from '../ports.js';
import type { HookComment, HookRequestFile } from '../endpoint/types.js';
import type { HookRunOptions, MemoryEntry, ReviewFile, SecretHit } from '../hooks/engine.js';
import { runResponseGeneratedHooks } from '../hooks/engine.js';
import type { Logger } from '../logger.js';

export interface AiReviewOptions {
  /** The backend: the hook endpoint, the Responses API or the Codex CLI. */
  readonly reviewer: Reviewer;
  /** The hook endpoint's token, for the audit log's fingerprint; '' for the model reviewers. */
  readonly token: string;
  readonly secretAction: 'block' | 'redact';
  /** `pull_request_<action>` or `local_review`. */
  readonly eventType: string;
  readonly metadata: {
    triggered_by: string;
    timestamp: string;
    run_id?: string;
    run_attempt?: string;
    workflow?: string;
    actor?: string;
  };
  /** Paths changed since the last reviewed head (incremental review); undefined sends every reviewed file. */
  readonly onlyPaths?: ReadonlySet<string>;
  /** How messages name the request-size setting (the action's input by default). */
  readonly limitName?: string;
  /** Reads a file of the checked-out head (the `codex` reviewer's folder gets the redacted versions). */
  readonly readHeadFile?: (path: string) => Promise<string | undefined>;
}

export interface AiReviewInput {
  readonly pr: PullRequest;
  readonly files: readonly ReviewFile[];
  readonly localFindings: readonly Finding[];
  readonly secrets: readonly SecretHit[];
  readonly memory: readonly MemoryEntry[];
}

export interface AiReviewResult {
  /** The endpoint's comments as findings (redacted), plus findings of the response.generated hooks. */
  readonly findings: Finding[];
  /** Secrets found in the endpoint's answer; raw, in memory only. */
  readonly secrets: { readonly secret: string; readonly ruleId: string }[];
  readonly summary?: string;
  readonly exchanges: HookExchange[];
  readonly failure?: ReviewFailure;
  /** Tokens and model calls, from the model reviewers. */
  readonly usage?: ReviewUsage;
  readonly notes: string[];
  /** Paths of the files in requests the endpoint answered: where its silence means "nothing to say". */
  readonly reviewedPaths: ReadonlySet<string>;
  /** Files sent, withheld for secrets, and requests made. */
  readonly sent: number;
  readonly withheld: number;
  readonly requests: number;
}

export interface AiReviewPorts {
  readonly logger: Logger;
  readonly hooks: HookRunOptions;
  /** Called with every raw secret found in the endpoint's answer, before anything is printed. */
  readonly onSecret: (value: string) => void;
}

/**
 * Sends the filtered, redacted diff to the Codex hook endpoint and turns its answer into findings.
 * No raw secret leaves the runner: files with a secret are withheld (`block`) or sent with each secret
 * replaced (`redact`), and every patch is scanned once more whole (removed and context lines included).
 */
export async function runAiReview(
  input: AiReviewInput,
  options: AiReviewOptions,
  ports: AiReviewPorts,
): Promise<AiReviewResult> {
  const { logger } = ports;
  const notes: string[] = [];
  const secretsByPath = new Map<string, SecretHit[]>();
  for (const hit of input.secrets) secretsByPath.set(hit.path, [...(secretsByPath.get(hit.path) ?? []), hit]);
  const allSecrets = input.secrets.map((s) => ({ secret: s.match.secret, ruleId: s.match.ruleId }));

  const files: HookRequestFile[] = [];
  let withheld = 0;
  for (const f of input.files) {
    if (options.onlyPaths && !options.onlyPaths.has(f.file.path)) continue;
    const patch = patchOf(f.file);
    if (patch === undefined) continue;
    if (secretsByPath.has(f.file.path) && options.secretAction === 'block') {
      withheld++;
      continue;
    }
    files.push({
      path: f.file.path,
      previous_path: f.file.previousPath ?? null,
      status: f.file.status,
      additions: f.file.additions,
      deletions: f.file.deletions,
      patch: redactPatch(patch, allSecrets),
    });
  }
  if (withheld > 0) {
    notes.push(`${withheld} files with secrets were not sent to the AI review (secret-action: block).`);
  }
  if (files.length === 0) {
    notes.push('AI review: no file to send (every reviewed file was withheld, excluded or unchanged).');
    return {
      findings: [],
      secrets: [],
      exchanges: [],
      notes,
      reviewedPaths: new Set(),
      sent: 0,
      withheld,
      requests: 0,
    };
  }

  const payload = buildHookRequests(
    {
      event_type: options.eventType,
      repository: `${input.pr.owner}/${input.pr.repo}`,
      pull_request_number: input.pr.number,
      pull_request: {
        // The title is PR content too: scanned, not only cleared of the diff's secrets.
        title: redactPatch(input.pr.title, allSecrets, false),
        head_sha: input.pr.headSha,
        base_sha: input.pr.baseSha,
        head_ref: input.pr.headRef,
        base_ref: input.pr.baseRef,
        author: input.pr.author,
        draft: input.pr.draft,
      },
      files,
      findings: input.localFindings.map((f) => ({
        rule_id: f.ruleId,
        path: f.path,
        line: f.line,
        severity: f.severity,
        message: f.message,
      })),
      memory: input.memory.map((m) => ({ source: m.source, content: redactPatch(m.content, allSecrets, false) })),
      metadata: options.metadata,
    },
    options.reviewer.maxRequestBytes,
  );
  for (const cut of payload.cuts) notes.push(`AI review: ${cut.path}: ${cut.detail}`);
  const lost = describeLostContent(
    payload.cuts,
    options.limitName ?? "input 'hook-max-bytes'",
    options.reviewer.maxRequestBytes,
  );
  if (lost) logger.warning(lost);
  const { reviewer } = options;
  logger.info(
    `Sending ${files.length} files in ${payload.requests.length} requests to ${reviewer.target} (${reviewer.kind} reviewer)`,
  );

  const readHead = options.readHeadFile;
  const called = await reviewer.review(payload.requests, {
    redact: (text) => redactSecrets(text, allSecrets),
    // Whole head files are PR content: scanned again whole, not only cleared of the diff's secrets.
    ...(readHead
      ? {
          readRedactedHeadFile: async (p: string) =>
            mapDefined(await readHead(p), (t) => redactPatch(t, allSecrets, false)),
        }
      : {}),
  });
  if (called.usage) {
    const u = called.usage;
    logger.info(
      `AI review usage: ${u.requests} model requests, ${u.inputTokens} input tokens (${u.cachedTokens} cached), ${u.outputTokens} output tokens`,
    );
  }

  const comments: HookComment[] = [];
  const summaries: string[] = [];
  const reviewedPaths = new Set<string>();
  for (const { request, response } of called.responses) {
    const sentPaths = new Set(request.files.map((f) => f.path));
    for (const p of sentPaths) reviewedPaths.add(p);
    const { inPullRequest, outsidePullRequest } = partitionComments(response, sentPaths);
    comments.push(...inPullRequest);
    if (outsidePullRequest.length > 0) {
      notes.push(
        `AI review: ${outsidePullRequest.length} comments on files that were not sent were dropped (${[...new Set(outsidePullRequest.map((c) => c.path))].slice(0, 5).join(', ')}).`,
      );
    }
    if (response.summary) summaries.push(response.summary);
  }

  // The endpoint's answer is hostile input too: scan bodies and suggestions before anything is posted.
  const checked = await runResponseGeneratedHooks(
    comments.map((c) => ({
      path: c.path,
      line: c.line,
      body: c.body,
      ...(c.suggestion !== undefined ? { suggestion: c.suggestion } : {}),
    })),
    ports.hooks,
  );
  notes.push(...checked.notes);
  const responseSecrets = checked.secrets.map((s) => ({ secret: s.match.secret, ruleId: s.match.ruleId }));
  for (const s of responseSecrets) ports.onSecret(s.secret);
  const known = [...allSecrets, ...responseSecrets];
  const withSecret = new Set(checked.secrets.map((s) => s.index));

  const drafts: FindingDraft[] = comments.map((c, index) => toAiFindingDraft(c, known, withSecret.has(index)));
  const summary = summaries.length > 0 ? redactText(summaries.join('\n\n'), known) : undefined;
  if (called.failure) logger.warning(`AI review did not complete: ${called.failure.message}`);
  logger.info(`AI review: ${comments.length} comments, ${checked.findings.length} findings on the answer itself`);
  return {
    findings: [...createFindings(drafts), ...checked.findings],
    secrets: responseSecrets,
    ...(summary ? { summary } : {}),
    exchanges: called.exchanges,
    ...(called.failure ? { failure: called.failure } : {}),
    ...(called.usage ? { usage: called.usage } : {}),
    notes,
    reviewedPaths,
    sent: files.length,
    withheld,
    requests: payload.requests.length,
  };
}

function mapDefined<T, U>(value: T | undefined, fn: (value: T) => U): U | undefined {
  return value === undefined ? undefined : fn(value);
}

function toAiFindingDraft(
  c: HookComment,
  known: readonly { secret: string; ruleId: string }[],
  hadSecret: boolean,
): FindingDraft {
  const severity: Severity = c.severity ?? 'warning';
  const body = redactText(c.body, known);
  const title = c.title !== undefined ? redactText(c.title, known) : undefined;
  const start = c.start_line ?? c.line;
  return {
    ruleId: c.rule_id ? redactText(c.rule_id, known).slice(0, 100) : 'codex/review',
    category: 'ai',
    severity,
    path: c.path,
    line: Math.min(start, c.line),
    endLine: c.line,
    message: body,
    // What the comment is about, not where it is: the same remark on a moved line keeps its fingerprint.
    anchor: `${c.rule_id ?? ''}\n${title ?? body}`,
    ...(title !== undefined ? { title } : {}),
    // A suggestion that pasted a secret is dropped whole: a redacted suggestion would break the code.
    ...(c.suggestion !== undefined && !hadSecret ? { suggestion: redactText(c.suggestion, known) } : {}),
    source: 'codex',
  };
}

/**
 * Redacts a patch before it leaves the runner: the secrets already found, then a scan of every line of the
 * patch (removed and context lines were never scanned as added lines, and may hold a secret too).
 */
export function redactPatch(
  patch: string,
  known: readonly { secret: string; ruleId: string }[],
  isDiff = true,
): string {
  return redactText(patch, known, isDiff ? patch.replace(/^[+\- ]/gm, ' ') : patch);
}
