import os from 'node:os';
import path from 'node:path';
import { runCommand } from './adapters/command-runner.js';
import { createGit } from './adapters/git.js';
import { createGitHubClient, type GitHubClientOptions } from './adapters/github/index.js';
import { createActionsRunner } from './adapters/runner.js';
import type { CommandRunner, GitHubPort, GitPort, RunnerPort } from './ports.js';
import { readInWorkspace, writeInWorkspace, WorkspacePathError } from './workspace-files.js';
import { loadConfigSource } from './config/source.js';
import { buildJsonReport } from './core/findings/finalize.js';
import { createNotes, type Notes } from './core/notes.js';
import { renderSarif } from './core/render/sarif.js';
import { readPullRequestEvent } from './core/pull-request.js';
import type { ChangedFile, PullRequest, ReviewStats } from './core/types.js';
import { ConfigurationError, describeError } from './errors.js';
import { readInputs, type ActionInputs } from './settings/action-inputs.js';
import type { AiReviewOptions } from './pipeline/ai-review.js';
import { preflightHookEndpoint } from './pipeline/preflight.js';
import { validateTokenCharacters } from './endpoint/token.js';
import { changedSinceLastReview } from './pipeline/incremental.js';
import { earlierAiFindings } from './pipeline/carry-earlier.js';
import { gitPatchFallback } from './pipeline/prepare-files.js';
import { aiReportEntry, runReviewPipeline, type PipelineResult } from './pipeline/review.js';
import { publishResults, publishSuperseded } from './publish/results.js';
import type { Reviewer } from './ports.js';
import { createEndpointReviewer, createModelReviewer } from './reviewers/index.js';

/** The outside world, handed in so tests can pass fakes. */
export interface ActionDeps {
  readonly runner: RunnerPort;
  readonly createGitHub: (options: GitHubClientOptions) => GitHubPort;
  readonly git: GitPort;
  readonly runCommand: CommandRunner;
  /** The HTTP client of the hook endpoint (the global fetch in production). */
  readonly fetch: typeof fetch;
  readonly now: () => Date;
  /** Where the JSON report is written. */
  readonly outputDir: string;
  /** The process environment: an encrypting logger's key (CODEX_HOOKS_AUDIT_KEY). */
  readonly env?: NodeJS.ProcessEnv;
}

export function createDefaultDeps(env: NodeJS.ProcessEnv = process.env): ActionDeps {
  const runner = createActionsRunner(env);
  return {
    runner,
    createGitHub: createGitHubClient,
    git: createGit(runner.event.workspace),
    runCommand,
    fetch: globalThis.fetch,
    now: () => new Date(),
    outputDir: env.RUNNER_TEMP || os.tmpdir(),
    env,
  };
}

export interface ActionResult {
  readonly failed: boolean;
  readonly message?: string;
}

/** The action's entry point: runs the pipeline and fails the step when the gate or the action fails. */
export async function run(deps?: ActionDeps): Promise<void> {
  let runner: RunnerPort | undefined;
  try {
    const d = deps ?? createDefaultDeps();
    runner = d.runner;
    const result = await main(d);
    if (result.failed) d.runner.setFailed(result.message ?? 'The codex-hooks gate failed');
  } catch (error) {
    const message = describeError(error);
    if (runner) {
      runner.setFailed(message);
      if (error instanceof Error && error.stack) runner.debug(error.stack);
    } else {
      // The runner adapter itself could not start: say so in the runner's own format.
      process.exitCode = 1;
      process.stdout.write(`::error::${message}\n`);
    }
  }
}

/** The pipeline: event → diff → config → hooks → AI review → findings → check run, summary, outputs → gate. */
export async function main(deps: ActionDeps): Promise<ActionResult> {
  const { runner } = deps;
  const started = deps.now().getTime();
  maskSecretInputs(runner);
  const inputs = readInputs((name) => runner.getInput(name), process.env);
  // A token goes into a header; a bad character would make the HTTP client quote it in its error.
  if (inputs.githubToken) validateTokenCharacters(inputs.githubToken, 'github-token');

  const { event } = runner;
  const check = readPullRequestEvent(event.eventName, event.payload, event.repository);
  if (!check.review) {
    runner.notice(check.reason);
    setOutputs(runner, { findings: 0, secrets: 0, conclusion: 'neutral' });
    return { failed: false };
  }
  const { pr } = check;
  runner.info(`Reviewing ${pr.owner}/${pr.repo}#${pr.number} at ${pr.headSha.slice(0, 12)} (${pr.action})`);
  // Fail fast on a bad endpoint URL or an expired token, before any work.
  const endpoint =
    inputs.reviewer === 'endpoint'
      ? preflightHookEndpoint(inputs.codexToken, inputs.hookUrl, deps.now(), runner)
      : undefined;
  const reviewer = await chooseReviewer(inputs, endpoint, deps, runner);
  const github = deps.createGitHub({
    token: inputs.githubToken,
    baseUrl: event.apiUrl,
    logger: runner,
    maxWaitSeconds: inputs.githubMaxWaitSeconds,
  });
  const runUrl =
    event.runId && event.repository
      ? `${event.serverUrl}/${event.repository.owner}/${event.repository.repo}/actions/runs/${event.runId}`
      : undefined;
  // The head is read once: a push since the event means a newer run reviews it; this one stops neutral.
  const current = await github.getPullRequest(pr);
  if (current.headSha !== pr.headSha) {
    await publishSuperseded(runner, github, pr, current.headSha, {
      write: !inputs.dryRun && inputs.commentMode !== 'none',
      ...(runUrl ? { runUrl } : {}),
    });
    setOutputs(runner, { findings: 0, secrets: 0, conclusion: 'neutral' });
    return { failed: false };
  }
  const run: PullRequestRun = { deps, inputs, pr, github, notes: createNotes(runner) };
  const listed = await listChangedFiles(run);
  const result = await reviewPullRequest(run, listed.files, reviewer, endpoint);
  if (!reviewer && inputs.reviewer === 'endpoint')
    runner.notice('AI review skipped: the codex-token input is empty. Local hooks ran and the gate applies.');
  const stats: ReviewStats = { ...result.stats, durationMs: deps.now().getTime() - started };
  await writeLocalOutputs(run, result, stats);
  const published = await publishResults(runner, github, {
    pr,
    findings: result.findings,
    gate: result.gate,
    failOn: inputs.failOn,
    stats,
    skipped: result.prepared.skipped,
    notes: run.notes.list(),
    ...(result.ai.summary ? { aiSummary: result.ai.summary } : {}),
    commentMode: inputs.commentMode,
    requestChanges: inputs.requestChanges,
    dryRun: inputs.dryRun,
    // Earlier AI comments are marked fixed only where the endpoint reviewed again in this run.
    aiScope: result.ai.ran ? result.ai.reviewedPaths : 'none',
    files: listed.files,
    maxComments: inputs.maxComments,
    serverUrl: event.serverUrl,
    escalation: inputs.escalation,
    ...(runUrl ? { runUrl } : {}),
  });
  setOutputs(runner, {
    ...(published.checkRunId !== undefined ? { 'check-run-id': published.checkRunId } : {}),
    ...(published.reviewId !== undefined ? { 'review-id': published.reviewId } : {}),
  });
  return decideStepResult(run, result, published);
}

/** What one review of a pull request carries from stage to stage. */
interface PullRequestRun {
  readonly deps: ActionDeps;
  readonly inputs: ActionInputs;
  readonly pr: PullRequest;
  readonly github: GitHubPort;
  readonly notes: Notes;
}

/** Masks every secret input first, before validation or anything else could print one. */
function maskSecretInputs(runner: RunnerPort): void {
  for (const name of ['github-token', 'codex-token', 'openai-api-key', 'fingerprint-key']) {
    const token = runner.getInput(name).trim();
    if (token) runner.setSecret(token);
  }
  if (process.env.OPENAI_API_KEY?.trim()) runner.setSecret(process.env.OPENAI_API_KEY.trim());
}

function listChangedFiles({ deps, github, pr, notes }: PullRequestRun): ReturnType<GitHubPort['listPullRequestFiles']> {
  const { runner } = deps;
  return runner.group('Diff', async () => {
    const result = await github.listPullRequestFiles(pr);
    runner.info(`${result.files.length} changed files listed`);
    if (result.capped) {
      notes.add(
        'files-capped',
        'GitHub lists at most 3,000 files of a pull request; files past that were not reviewed. Run `codex-hooks review` locally for the rest.',
        'warning',
      );
    }
    return result;
  });
}

/** Config, then the shared pipeline (hooks, AI review, findings, gate) with the action's ports. */
async function reviewPullRequest(
  run: PullRequestRun,
  files: readonly ChangedFile[],
  reviewer: Reviewer | undefined,
  endpoint: { url: string; token: string } | undefined,
): Promise<PipelineResult> {
  const { deps, inputs, pr, github, notes } = run;
  const { runner } = deps;
  const { event } = runner;
  const readAtBase = (file: string) => github.getFileContent(pr, file, pr.baseSha);
  const config = await runner.group('Config', async () => {
    const loaded = await loadConfigSource({
      path: inputs.config,
      ref: inputs.configRef,
      refLabel: inputs.configRef === 'base' ? `base ${pr.baseSha.slice(0, 7)}` : `head ${pr.headSha.slice(0, 7)}`,
      read: inputs.configRef === 'base' ? readAtBase : (file) => readInWorkspace(event.workspace, file),
      changedFiles: files,
    });
    runner.info(`Hooks config: ${loaded.source}, ${loaded.config.hooks.length} hooks`);
    for (const n of loaded.notes) notes.add('config', n, 'notice');
    return loaded;
  });
  const hasBase = await deps.git.hasRevision(pr.baseSha).catch(() => false);
  const ai = reviewer ? await aiReviewOptions(run, reviewer, endpoint) : undefined;
  const result = await runReviewPipeline(
    pr,
    files,
    {
      include: inputs.include,
      exclude: inputs.exclude,
      failOn: inputs.failOn,
      config: config.config,
      workspace: event.workspace,
      fingerprintKey: inputs.fingerprintKey,
      // A push that sends only some files keeps the AI's earlier findings on the others in the gate.
      ...(reviewer ? { carryEarlier: earlierAiFindings(github, pr, files, runner) } : {}),
      ...(ai ? { ai } : {}),
      ...(deps.env ? { env: deps.env } : {}),
      // With secrets in the job, running a linter on the workspace would run whatever code it holds.
      ...(event.eventName === 'pull_request_target'
        ? {
            commandsRefused:
              'command hooks do not run on pull_request_target, where the job holds secrets; run them in a pull_request workflow (see docs/security.md)',
          }
        : {}),
    },
    {
      logger: runner,
      stage: (name, fn) => runner.group(name, fn),
      // Mask every found value so the runner hides it too, wherever it might surface.
      onSecret: (value) => maskSecret(runner, value),
      ...(hasBase ? { fallback: gitPatchFallback(deps.git.diff, pr.baseSha, pr.headSha) } : {}),
      readWorkspaceFile: (file) => readInWorkspace(event.workspace, file),
      now: () => deps.now().getTime(),
      runCommand: deps.runCommand,
      // Memory sources and the secret baseline are read at the base commit: a PR cannot plant its own.
      readRepositoryFile: readAtBase,
    },
  );
  notes.include(result.notes);
  return result;
}

/** The AI review's options: on a push to the PR, only what changed since the last reviewed head is sent again. */
async function aiReviewOptions(
  { deps, inputs, pr, github }: PullRequestRun,
  reviewer: Reviewer,
  endpoint: { url: string; token: string } | undefined,
): Promise<AiReviewOptions> {
  const { runner } = deps;
  const { event } = runner;
  const onlyPaths = await changedSinceLastReview(pr, github, runner);
  if (onlyPaths) runner.info(`Incremental review: ${onlyPaths.size} files changed since ${pr.beforeSha?.slice(0, 12)}`);
  return {
    reviewer,
    token: endpoint?.token ?? '',
    secretAction: inputs.secretAction,
    eventType: `pull_request_${pr.action}`,
    ...(onlyPaths ? { onlyPaths } : {}),
    readHeadFile: (file) => readInWorkspace(event.workspace, file),
    metadata: {
      triggered_by: 'GitHub Actions',
      timestamp: deps.now().toISOString(),
      ...(event.runId ? { run_id: event.runId } : {}),
      ...(event.runAttempt ? { run_attempt: event.runAttempt } : {}),
      ...(event.workflow ? { workflow: event.workflow } : {}),
      ...(event.actor ? { actor: event.actor } : {}),
    },
  };
}

/**
 * The JSON report, the SARIF file and the outputs that do not depend on GitHub: written before anything is
 * published, so a GitHub failure cannot lose them.
 */
async function writeLocalOutputs(
  { deps, inputs, pr }: PullRequestRun,
  result: PipelineResult,
  stats: ReviewStats,
): Promise<void> {
  const { runner } = deps;
  const { findings, gate, prepared } = result;
  const reportPath = await writeReport(
    deps.outputDir,
    pr,
    buildJsonReport(findings, stats, gate.conclusion, prepared.skipped, aiReportEntry(result.ai)),
  );
  const sarifPath = inputs.sarifFile ? await writeSarif(runner.event.workspace, inputs.sarifFile, findings) : undefined;
  if (sarifPath) runner.info(`SARIF report: ${sarifPath} (${findings.length} results)`);
  setOutputs(runner, {
    findings: findings.length,
    secrets: result.secretCount,
    conclusion: gate.conclusion,
    report: reportPath,
    ...(result.auditLogs[0] !== undefined ? { 'audit-log': result.auditLogs[0] } : {}),
  });
}

/** The step fails on the gate, on a check run GitHub refused for a reason other than permission, or as on-hook-error says. */
function decideStepResult(
  { deps, inputs }: PullRequestRun,
  result: PipelineResult,
  published: Awaited<ReturnType<typeof publishResults>>,
): ActionResult {
  const { gate } = result;
  deps.runner.info(`Gate: ${gate.conclusion} (${gate.reason})`);
  if (gate.failed) return { failed: true, message: `Codex hooks gate failed: ${gate.reason}` };
  if (published.checkRunError) {
    return {
      failed: true,
      message: `${published.checkRunError.message}; the findings are in the job summary and annotations`,
    };
  }
  if (result.ai.failure && inputs.onHookError === 'fail') {
    return { failed: true, message: `AI review did not run (on-hook-error: fail): ${result.ai.failure.message}` };
  }
  return { failed: false };
}

/**
 * Masks a found value in the runner's log. A multi-line value (a key block) is masked line by line, as the
 * runner only masks whole registered strings; the public BEGIN/END lines need no mask.
 */
export function maskSecret(runner: Pick<RunnerPort, 'setSecret'>, value: string): void {
  runner.setSecret(value);
  if (!value.includes('\n')) return;
  for (const line of value.split(/\r?\n/)) {
    const text = line.trim();
    if (text.length >= 8 && !/^-----(BEGIN|END) /.test(text)) runner.setSecret(text);
  }
}

function setOutputs(runner: RunnerPort, outputs: Record<string, string | number>): void {
  for (const [name, value] of Object.entries(outputs)) runner.setOutput(name, value);
}

async function writeReport(dir: string, pr: PullRequest, report: unknown): Promise<string> {
  const name = `codex-hooks-report-${pr.number}-${pr.headSha.slice(0, 12)}.json`;
  return writeInWorkspace(dir, name, JSON.stringify(report, null, 2) + '\n');
}

/** Writes the SARIF log; a relative path is resolved in the workspace, where upload-sarif looks for it. */
async function writeSarif(
  workspace: string,
  file: string,
  findings: Parameters<typeof renderSarif>[0],
): Promise<string> {
  // An input is the workflow author's, not the PR's: an absolute path such as ${{ runner.temp }} is fine.
  // Inside the workspace no link the PR committed is followed.
  const full = path.resolve(workspace, file);
  try {
    return await writeInWorkspace(workspace, full, JSON.stringify(renderSarif(findings), null, 2) + '\n');
  } catch (error) {
    const why =
      error instanceof WorkspacePathError ? error.message : ((error as NodeJS.ErrnoException).code ?? String(error));
    throw new ConfigurationError(`Input 'sarif-file' names a file that cannot be written (${why}): ${full}`);
  }
}

/** The AI review's backend from the inputs; undefined when it is off (no token or key). */
async function chooseReviewer(
  inputs: ActionInputs,
  endpoint: { url: string; token: string } | undefined,
  deps: ActionDeps,
  runner: RunnerPort,
): Promise<Reviewer | undefined> {
  if (inputs.reviewer === 'endpoint') {
    return endpoint
      ? createEndpointReviewer({
          ...endpoint,
          timeoutMs: inputs.hookTimeoutMs,
          retries: inputs.hookRetries,
          maxBytes: inputs.hookMaxBytes,
          logger: runner,
          fetch: deps.fetch,
        })
      : undefined;
  }
  if (!inputs.openaiApiKey) {
    runner.notice(
      `reviewer: ${inputs.reviewer} but no API key (openai-api-key or OPENAI_API_KEY): the AI review is skipped.`,
    );
    return undefined;
  }
  return createModelReviewer(
    {
      kind: inputs.reviewer,
      model: inputs.model,
      apiKey: inputs.openaiApiKey,
      baseUrl: inputs.openaiBaseUrl,
      ...(inputs.azureApiVersion ? { azureApiVersion: inputs.azureApiVersion } : {}),
      timeoutMs: inputs.hookTimeoutMs,
      retries: inputs.hookRetries,
      maxInputTokens: inputs.maxInputTokens,
      maxOutputTokens: inputs.maxOutputTokens,
    },
    { logger: runner, env: process.env, fetch: deps.fetch },
  );
}

export type { ActionInputs };
