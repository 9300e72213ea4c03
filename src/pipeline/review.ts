import type { HooksConfig } from '../config/types.js';
import { createFileFilter } from '../core/filter.js';
import { dedupeFindings, keyFingerprints } from '../core/findings/finalize.js';
import { decideGate } from '../core/gate.js';
import { createNotes, type Note, type Notes } from '../core/notes.js';
import { createRedactor, type Redactor } from '../core/findings/redactor.js';
import type {
  AiReportEntry,
  ChangedFile,
  FailOn,
  Finding,
  GateDecision,
  PullRequest,
  ReviewStats,
} from '../core/types.js';
import { FILTER_SKIP_KINDS } from '../core/types.js';
import type { CommandRunner, ReviewFailure, ReviewUsage } from '../ports.js';
import type { HookExchange } from '../endpoint/client.js';
import { inspectToken } from '../endpoint/token.js';
import { runPromptSubmittedHooks, type HookExecution, type HookRunOptions } from '../hooks/index.js';
import type { Logger } from '../logger.js';
import { runAiReview, type AiReviewOptions } from './ai-review.js';
import { writeAuditLogs } from './audit.js';
import { prepareFiles, type PatchFallback, type PreparedFiles } from './prepare-files.js';

export interface PipelineOptions {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly failOn: FailOn;
  readonly config: HooksConfig;
  /** Where command validators run and logger outputs are written. */
  readonly workspace: string;
  /** Absent: the AI review is skipped (no token). */
  readonly ai?: AiReviewOptions;
  /** Why `command` hooks must not run here (pull_request_target), if they must not. */
  readonly commandsRefused?: string;
  /**
   * Earlier AI findings that still stand on files the AI reviewer did not see in this run (given the paths it
   * saw): they count in the gate. Absent: nothing is carried (the CLI, or no AI review).
   */
  readonly carryEarlier?: (reviewedPaths: ReadonlySet<string>) => Promise<Finding[]>;
  /** Keys this run's fingerprints (see keyFingerprints); '' or absent for plain ones. */
  readonly fingerprintKey?: string;
  /** Where an encrypting logger reads its key (CODEX_HOOKS_AUDIT_KEY by default). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface PipelinePorts {
  readonly logger: Logger;
  /** Runs one stage; the action wraps it in a log group. */
  readonly stage: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  /** Called with every raw secret found, before anything is printed (the runner masks it). */
  readonly onSecret: (value: string) => void;
  readonly fallback?: PatchFallback;
  /** Reads a checked-out file of the workspace (never through a link): an omitted diff is scanned whole from it. */
  readonly readWorkspaceFile?: (path: string) => Promise<string | undefined>;
  readonly now: () => number;
  readonly runCommand: CommandRunner;
  /** Reads a repository file at the trusted ref (memory sources, the secret baseline). */
  readonly readRepositoryFile: (path: string) => Promise<string | undefined>;
}

export interface AiOutcome {
  readonly ran: boolean;
  /** Which backend reviewed, and where (for the summary). */
  readonly reviewer?: string;
  readonly failure?: ReviewFailure;
  /** Tokens and model calls of the model reviewers. */
  readonly usage?: ReviewUsage;
  readonly summary?: string;
  readonly exchanges: readonly HookExchange[];
  readonly requests: number;
  /** Paths the endpoint reviewed in this run: its earlier comments elsewhere must not be marked fixed. */
  readonly reviewedPaths: ReadonlySet<string>;
}

export interface PipelineResult {
  readonly prepared: PreparedFiles;
  /** Local and AI findings, deduplicated, all redacted. */
  readonly findings: readonly Finding[];
  /** Count of secrets found in the diff and in the endpoint's answer. */
  readonly secretCount: number;
  readonly gate: GateDecision;
  readonly stats: ReviewStats;
  readonly notes: readonly Note[];
  readonly ai: AiOutcome;
  readonly executions: readonly HookExecution[];
  /** Audit logs written by `logger` actions. */
  readonly auditLogs: readonly string[];
}

/**
 * The stages the action and the CLI share: filter → parse → prompt.submitted hooks → AI review with
 * response.generated hooks → findings → gate. Publishing is the caller's.
 */
export async function runReviewPipeline(
  pr: PullRequest,
  files: readonly ChangedFile[],
  options: PipelineOptions,
  ports: PipelinePorts,
): Promise<PipelineResult> {
  const started = ports.now();
  const notes = createNotes(ports.logger);
  // The run's one redactor. It knows the endpoint's token from the start (an endpoint that echoes it gets it
  // scrubbed), learns each secret the scans find, and masks each in the log before anything could print it.
  const redactor = createRedactor(options.ai?.token ? [{ secret: options.ai.token, ruleId: 'codex-token' }] : [], {
    onLearn: (s) => ports.onSecret(s.secret),
  });
  const prepared = await ports.stage('Filter', () => filterFiles(files, options, ports, notes));
  const hookOptions = hookRunOptions(options, ports);
  const local = await ports.stage('Local hooks (prompt.submitted)', async () => {
    const result = await runPromptSubmittedHooks(prepared.reviewed, hookOptions, {
      scanOnly: prepared.scanOnly,
      pullRequest: pr,
    });
    redactor.learn(result.secrets.map((s) => ({ secret: s.match.secret, ruleId: s.match.ruleId })));
    for (const e of result.executions)
      ports.logger.info(`${e.hook}: ${e.findings} findings${e.error ? ` (failed: ${e.error})` : ''}`);
    for (const n of result.notes) notes.add('hooks', n);
    return result;
  });
  const ai = await reviewWithAi(pr, prepared, local, options, ports, { hookOptions, redactor, notes });
  // Read from our markers, their fingerprints are keyed already.
  const carried = options.ai && options.carryEarlier ? await options.carryEarlier(ai.outcome.reviewedPaths) : [];
  if (carried.length > 0) {
    notes.add(
      'findings-carried',
      `${carried.length} earlier AI findings on files not reviewed again in this run still stand and count in the gate.`,
    );
  }
  const executions = [...local.executions];
  const auditLogs = await writeRunAuditLogs(pr, options, ports, ai.outcome, executions);
  // The same redactor, over every finding's text, before any output sees it.
  const keyed = keyFingerprints([...local.findings, ...ai.findings], options.fingerprintKey ?? '');
  const findings = redactor.findings(dedupeFindings([...keyed, ...carried]));
  return {
    prepared,
    findings,
    secretCount: local.secrets.length + ai.secretCount,
    gate: decideGate(findings, options.failOn),
    stats: statsOf(files, prepared, Math.max(0, Math.round(ports.now() - started))),
    notes: notes.list(),
    ai: ai.outcome,
    executions,
    auditLogs,
  };
}

/** The filter and the parse: what is reviewed, what is only scanned, what is left out and why. */
async function filterFiles(
  files: readonly ChangedFile[],
  options: PipelineOptions,
  ports: PipelinePorts,
  notes: Notes,
): Promise<PreparedFiles> {
  const { logger } = ports;
  const filter = createFileFilter({ include: options.include, exclude: options.exclude });
  const result = await prepareFiles(files, filter, {
    ...(ports.fallback ? { fallback: ports.fallback } : {}),
    ...(ports.readWorkspaceFile ? { readWorkspaceFile: ports.readWorkspaceFile } : {}),
  });
  logger.info(`${files.length} changed files: ${result.reviewed.length} to review, ${result.skipped.length} left out`);
  for (const s of result.skipped) logger.debug(`left out ${s.path}: ${s.reason}`);
  if (result.recovered > 0) logger.info(`${result.recovered} diffs GitHub omitted were read from local git history`);
  const unreviewable = result.skipped.filter((s) => !FILTER_SKIP_KINDS.has(s.kind));
  if (unreviewable.length > 0) {
    notes.add(
      'files-unreviewable',
      `${unreviewable.length} files could not be reviewed (binary, or no diff available); they are listed below.`,
      'warning',
    );
  }
  if (result.unscanned.length > 0) {
    const listed = result.unscanned
      .map((s) => s.path)
      .slice(0, 10)
      .join(', ');
    notes.add(
      'files-unscanned',
      `${result.unscanned.length} changed files were NOT scanned for secrets (no diff, and not readable from the workspace): ${listed}. Check out the pull request head with fetch-depth: 0.`,
      'warning',
    );
  }
  return result;
}

function hookRunOptions(options: PipelineOptions, ports: PipelinePorts): HookRunOptions {
  return {
    config: options.config,
    failOn: options.failOn,
    workspace: options.workspace,
    ...(options.commandsRefused !== undefined ? { commandsRefused: options.commandsRefused } : {}),
    ports: {
      runCommand: ports.runCommand,
      readRepositoryFile: ports.readRepositoryFile,
      logger: ports.logger,
      now: () => new Date(ports.now()),
    },
  };
}

type LocalHooksResult = Awaited<ReturnType<typeof runPromptSubmittedHooks>>;

interface AiStageResult {
  readonly outcome: AiOutcome;
  readonly findings: readonly Finding[];
  readonly secretCount: number;
}

/** The AI review, when one was asked for and no hook blocks it; the reasons it did not run become notes. */
async function reviewWithAi(
  pr: PullRequest,
  prepared: PreparedFiles,
  local: LocalHooksResult,
  options: PipelineOptions,
  ports: PipelinePorts,
  run: { hookOptions: HookRunOptions; redactor: Redactor; notes: Notes },
): Promise<AiStageResult> {
  const { notes } = run;
  const none: AiStageResult = {
    outcome: { ran: false, exchanges: [], requests: 0, reviewedPaths: new Set() },
    findings: [],
    secretCount: 0,
  };
  if (!options.ai) {
    notes.add('ai-skipped', 'AI review skipped: no token or API key was given. Local hooks ran and the gate applies.');
    return none;
  }
  if (local.blocked) {
    notes.add(
      'ai-blocked',
      `AI review not requested: hook '${local.blockedBy}' blocks the request (block: true, or a failed validator script) and reported findings at or above fail-on.`,
      'warning',
    );
    return none;
  }
  const aiOptions = options.ai;
  const stageName = { endpoint: 'Codex hook endpoint', openai: 'Responses API', codex: 'Codex CLI' }[
    aiOptions.reviewer.kind
  ];
  const result = await ports.stage(`AI review (${stageName})`, () =>
    runAiReview(
      { pr, files: prepared.reviewed, localFindings: local.findings, secrets: local.secrets, memory: local.memory },
      aiOptions,
      { logger: ports.logger, hooks: run.hookOptions, redactor: run.redactor },
    ),
  );
  for (const n of result.notes) notes.add('ai-review', n);
  if (result.failure) {
    notes.add(
      'ai-incomplete',
      `AI review did not run to completion: ${result.failure.message} Local findings and the gate are intact.`,
    );
  }
  if (result.usage)
    notes.add('ai-usage', describeUsage(`${aiOptions.reviewer.kind} (${aiOptions.reviewer.target})`, result.usage));
  return {
    outcome: {
      ran: result.requests > 0,
      reviewer: `${aiOptions.reviewer.kind}: ${aiOptions.reviewer.target}`,
      ...(result.failure ? { failure: result.failure } : {}),
      ...(result.usage ? { usage: result.usage } : {}),
      ...(result.summary ? { summary: result.summary } : {}),
      exchanges: result.exchanges,
      requests: result.requests,
      reviewedPaths: result.reviewedPaths,
    },
    findings: result.findings,
    secretCount: result.secrets.length,
  };
}

/** The `logger` hooks' lines for this run: the exchanges, the hook executions, the model's cost. */
function writeRunAuditLogs(
  pr: PullRequest,
  options: PipelineOptions,
  ports: PipelinePorts,
  ai: AiOutcome,
  executions: readonly HookExecution[],
): Promise<string[]> {
  const token = options.ai?.token ? inspectToken(options.ai.token, new Date(ports.now())) : undefined;
  const where = { repository: `${pr.owner}/${pr.repo}`, pullRequestNumber: pr.number, headSha: pr.headSha };
  return writeAuditLogs(options.config, options.workspace, {
    exchanges: ai.exchanges,
    executions,
    ...(ai.usage && ai.reviewer
      ? {
          modelReview: {
            reviewer: ai.reviewer,
            usage: ai.usage,
            ...(ai.failure ? { failure: ai.failure } : {}),
            ...where,
          },
        }
      : {}),
    ...(token
      ? {
          context: {
            ...where,
            tokenFingerprint: token.fingerprint,
            ...(token.scopes ? { tokenScopes: token.scopes } : {}),
          },
        }
      : {}),
    now: () => new Date(ports.now()),
    ...(options.env ? { env: options.env } : {}),
  });
}

function statsOf(files: readonly ChangedFile[], prepared: PreparedFiles, durationMs: number): ReviewStats {
  return {
    files: files.length,
    filesScanned: prepared.reviewed.length,
    // Each added line and its newline, as the scanner read them.
    bytesScanned: prepared.reviewed.reduce(
      (n, f) => n + f.parsed.addedText.length + (f.parsed.addedText.length > 0 || f.parsed.addedCount > 0 ? 1 : 0),
      0,
    ),
    durationMs,
  };
}

/** The AI part of the JSON report: which reviewer, and the usage of a model reviewer. */
export function aiReportEntry(ai: AiOutcome): AiReportEntry | undefined {
  if (!ai.reviewer) return undefined;
  return { reviewer: ai.reviewer, ...(ai.usage ? { usage: ai.usage } : {}) };
}

/** One line for the summary: tokens and model requests, so the cost of a run is visible. */
export function describeUsage(reviewer: string, usage: ReviewUsage): string {
  const n = (value: number): string => value.toLocaleString('en-US');
  return `AI review by ${reviewer}: ${n(usage.requests)} model requests, ${n(usage.inputTokens)} input tokens (${n(usage.cachedTokens)} cached), ${n(usage.outputTokens)} output tokens.`;
}
