import { patchOf } from '../core/diff/index.js';
import { createFindings, type FindingDraft } from '../core/findings/finalize.js';
import type { Redactor } from '../core/findings/redactor.js';
import type { Finding, PullRequest, Severity } from '../core/types.js';
import { buildHookRequests, describeLostContent, partitionComments } from '../endpoint/index.js';
import type { HookExchange } from '../endpoint/client.js';
import type { Reviewer, ReviewFailure, ReviewOutcome, ReviewUsage } from '../ports.js';
import type { HookComment, HookRequestFile } from '../endpoint/types.js';
import type { HookRunOptions, MemoryEntry, ReviewFile, SecretHit } from '../hooks/index.js';
import { runResponseGeneratedHooks } from '../hooks/index.js';
import type { Logger } from '../logger.js';
import { ACTION_SETTING_NAMES } from '../settings/setting-names.js';

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
  /**
   * The run's one redactor: every byte of the request passes it before the request is built, and every byte of
   * the answer before it is used. It learns (and so masks) the secrets found in the answer.
   */
  readonly redactor: Redactor;
  readonly hooks: HookRunOptions;
}

/**
 * Sends the filtered, redacted diff to the Codex hook endpoint and turns its answer into findings.
 * No raw secret leaves the runner: files with a secret are withheld (`block`) or sent with each secret
 * replaced (`redact`), and every byte of the request passes the run's redactor before the request is built.
 */
export async function runAiReview(
  input: AiReviewInput,
  options: AiReviewOptions,
  ports: AiReviewPorts,
): Promise<AiReviewResult> {
  const { logger, redactor } = ports;
  const notes: string[] = [];
  const { files, withheld, realPaths } = selectFiles(input, options, redactor);
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
  const payload = buildHookRequests(requestInput(input, options, files, redactor), options.reviewer.maxRequestBytes);
  for (const cut of payload.cuts) notes.push(`AI review: ${redactor.path(cut.path)}: ${redactor.text(cut.detail)}`);
  const lost = describeLostContent(
    payload.cuts,
    options.limitName ?? ACTION_SETTING_NAMES.hookMaxBytes,
    options.reviewer.maxRequestBytes,
  );
  if (lost) logger.warning(lost);
  const { reviewer } = options;
  logger.info(
    `Sending ${files.length} files in ${payload.requests.length} requests to ${reviewer.target} (${reviewer.kind} reviewer)`,
  );

  const readHead = options.readHeadFile;
  const called = await reviewer.review(payload.requests, {
    redact: redactor.known,
    // Whole head files are PR content: scanned again whole, not only cleared of the diff's secrets.
    ...(readHead
      ? {
          readRedactedHeadFile: async (p: string) =>
            mapDefined(await readHead(realPaths.get(p) ?? p), (t) => redactor.text(t)),
        }
      : {}),
  });
  if (called.usage) {
    const u = called.usage;
    logger.info(
      `AI review usage: ${u.requests} model requests, ${u.inputTokens} input tokens (${u.cachedTokens} cached), ${u.outputTokens} output tokens`,
    );
  }
  const answers = collectAnswers(called.responses, realPaths, redactor);
  notes.push(...answers.notes);
  const checked = await checkAnswers(answers.comments, ports);
  notes.push(...checked.notes);
  const summary = answers.summaries.length > 0 ? redactor.text(answers.summaries.join('\n\n')) : undefined;
  if (called.failure) logger.warning(`AI review did not complete: ${called.failure.message}`);
  logger.info(
    `AI review: ${answers.comments.length} comments, ${checked.findings.length} findings on the answer itself`,
  );
  return {
    findings: checked.findings,
    secrets: checked.secrets,
    ...(summary ? { summary } : {}),
    exchanges: called.exchanges,
    ...(called.failure ? { failure: called.failure } : {}),
    ...(called.usage ? { usage: called.usage } : {}),
    notes,
    reviewedPaths: answers.reviewedPaths,
    sent: files.length,
    withheld,
    requests: payload.requests.length,
  };
}

/** The files to send, redacted: withheld when they hold a secret and `secret-action` is `block`. */
function selectFiles(
  input: AiReviewInput,
  options: AiReviewOptions,
  redactor: Redactor,
): { files: HookRequestFile[]; withheld: number; realPaths: Map<string, string> } {
  const withSecret = new Set(input.secrets.map((hit) => hit.path));
  // A path is PR content too: it is sent redacted, and the endpoint's comments name the path it was sent as.
  const realPaths = new Map<string, string>();
  const files: HookRequestFile[] = [];
  let withheld = 0;
  for (const f of input.files) {
    if (options.onlyPaths && !options.onlyPaths.has(f.file.path)) continue;
    const patch = patchOf(f.file);
    if (patch === undefined) continue;
    if (withSecret.has(f.file.path) && options.secretAction === 'block') {
      withheld++;
      continue;
    }
    const sentPath = redactor.path(f.file.path);
    realPaths.set(sentPath, f.file.path);
    files.push({
      path: sentPath,
      previous_path: f.file.previousPath !== undefined ? redactor.path(f.file.previousPath) : null,
      status: f.file.status,
      additions: f.file.additions,
      deletions: f.file.deletions,
      patch: redactor.patch(patch),
    });
  }
  return { files, withheld, realPaths };
}

/** Everything the request carries, each text through the redactor before the request exists. */
function requestInput(
  input: AiReviewInput,
  options: AiReviewOptions,
  files: HookRequestFile[],
  redactor: Redactor,
): Parameters<typeof buildHookRequests>[0] {
  const clean = redactor.text;
  const { pr } = input;
  return {
    event_type: options.eventType,
    repository: `${pr.owner}/${pr.repo}`,
    pull_request_number: pr.number,
    // Title, refs and author are PR content: scanned, not only cleared of the diff's secrets.
    pull_request: {
      title: clean(pr.title),
      head_sha: pr.headSha,
      base_sha: pr.baseSha,
      head_ref: redactor.path(pr.headRef),
      base_ref: redactor.path(pr.baseRef),
      author: redactor.path(pr.author),
      draft: pr.draft,
    },
    files,
    // A linter may quote the line it flags, secret and all.
    findings: input.localFindings.map((f) => ({
      rule_id: clean(f.ruleId),
      path: redactor.path(f.path),
      line: f.line,
      severity: f.severity,
      message: clean(f.message),
    })),
    memory: input.memory.map((m) => ({ source: redactor.path(m.source), content: clean(m.content) })),
    metadata: options.metadata,
  };
}

/**
 * The answers' comments on files that were sent (on the real path), their summaries, and a note for the rest.
 * The dropped comments' paths are the endpoint's text: they are redacted before the note quotes them.
 */
function collectAnswers(
  responses: ReviewOutcome['responses'],
  realPaths: ReadonlyMap<string, string>,
  redactor: Redactor,
): { comments: HookComment[]; summaries: string[]; reviewedPaths: Set<string>; notes: string[] } {
  const comments: HookComment[] = [];
  const summaries: string[] = [];
  const notes: string[] = [];
  const reviewedPaths = new Set<string>();
  for (const { request, response } of responses) {
    const sentPaths = new Set(request.files.map((f) => f.path));
    for (const p of sentPaths) reviewedPaths.add(realPaths.get(p) ?? p);
    const { inPullRequest, outsidePullRequest } = partitionComments(response, sentPaths);
    comments.push(...inPullRequest.map((c) => ({ ...c, path: realPaths.get(c.path) ?? c.path })));
    if (outsidePullRequest.length > 0) {
      const paths = [...new Set(outsidePullRequest.map((c) => redactor.path(c.path)))].slice(0, 5);
      notes.push(
        `AI review: ${outsidePullRequest.length} comments on files that were not sent were dropped (${paths.join(', ')}).`,
      );
    }
    if (response.summary) summaries.push(response.summary);
  }
  return { comments, summaries, reviewedPaths, notes };
}

/**
 * The endpoint's answer is hostile input: the response.generated hooks scan bodies and suggestions for secrets
 * (the redactor learns each, and the runner masks it), then every text is redacted before it becomes a finding.
 */
async function checkAnswers(
  comments: readonly HookComment[],
  ports: AiReviewPorts,
): Promise<{ findings: Finding[]; secrets: { secret: string; ruleId: string }[]; notes: string[] }> {
  const checked = await runResponseGeneratedHooks(comments, ports.hooks);
  const secrets = checked.secrets.map((s) => ({ secret: s.match.secret, ruleId: s.match.ruleId }));
  // Learned before anything is printed: the redactor's listener masks each in the log.
  ports.redactor.learn(secrets);
  const withSecret = new Set(checked.secrets.map((s) => s.index));
  const drafts = comments.map((c, index) => toAiFindingDraft(c, ports.redactor, withSecret.has(index)));
  return { findings: [...createFindings(drafts), ...checked.findings], secrets, notes: checked.notes };
}

function mapDefined<T, U>(value: T | undefined, fn: (value: T) => U): U | undefined {
  return value === undefined ? undefined : fn(value);
}

function toAiFindingDraft(c: HookComment, redactor: Redactor, hadSecret: boolean): FindingDraft {
  const severity: Severity = c.severity ?? 'warning';
  const body = redactor.text(c.body);
  const title = c.title !== undefined ? redactor.text(c.title) : undefined;
  const ruleId = c.rule_id !== undefined ? redactor.text(c.rule_id) : undefined;
  const start = c.start_line ?? c.line;
  return {
    ruleId: ruleId ? ruleId.slice(0, 100) : 'codex/review',
    category: 'ai',
    severity,
    path: c.path,
    line: Math.min(start, c.line),
    endLine: c.line,
    message: body,
    // What the comment is about, not where it is: the same remark on a moved line keeps its fingerprint.
    anchor: `${ruleId ?? ''}\n${title ?? body}`,
    ...(title !== undefined ? { title } : {}),
    // A suggestion that pasted a secret is dropped whole: a redacted suggestion would break the code.
    ...(c.suggestion !== undefined && !hadSecret ? { suggestion: redactor.text(c.suggestion) } : {}),
    source: 'codex',
  };
}
