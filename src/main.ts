import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createGit, type GitPort } from './adapters/git.js';
import { createGitHubClient, type GitHubClientOptions, type GitHubPort } from './adapters/github.js';
import { createActionsRunner, type RunnerPort } from './adapters/runner.js';
import { buildJsonReport } from './core/findings.js';
import { readPullRequestEvent } from './core/pull-request.js';
import type { PullRequest, ReviewStats } from './core/types.js';
import { describeError } from './errors.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { gitPatchFallback } from './pipeline/prepare-files.js';
import { runReviewPipeline } from './pipeline/review.js';
import { publishResults } from './report/publish.js';

/** The outside world, handed in so tests can pass fakes. */
export interface ActionDeps {
  readonly runner: RunnerPort;
  readonly createGitHub: (options: GitHubClientOptions) => GitHubPort;
  readonly git: GitPort;
  readonly now: () => Date;
  /** Where the JSON report is written. */
  readonly outputDir: string;
}

export function createDefaultDeps(env: NodeJS.ProcessEnv = process.env): ActionDeps {
  const runner = createActionsRunner(env);
  return {
    runner,
    createGitHub: createGitHubClient,
    git: createGit(runner.event.workspace),
    now: () => new Date(),
    outputDir: env.RUNNER_TEMP || os.tmpdir(),
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

/** The pipeline: event → diff → filter → hooks → findings → check run, summary, outputs → gate. */
export async function main(deps: ActionDeps): Promise<ActionResult> {
  const { runner } = deps;
  const started = deps.now().getTime();
  const inputs = readInputs((name) => runner.getInput(name));
  // Mask both tokens before anything else can print them.
  if (inputs.githubToken) runner.setSecret(inputs.githubToken);
  if (inputs.codexToken) runner.setSecret(inputs.codexToken);

  const { event } = runner;
  const check = readPullRequestEvent(event.eventName, event.payload, event.repository);
  if (!check.review) {
    runner.notice(check.reason);
    setOutputs(runner, { findings: 0, secrets: 0, conclusion: 'neutral' });
    return { failed: false };
  }
  const { pr } = check;
  runner.info(`Reviewing ${pr.owner}/${pr.repo}#${pr.number} at ${pr.headSha.slice(0, 12)} (${pr.action})`);
  const github = deps.createGitHub({ token: inputs.githubToken, baseUrl: event.apiUrl, logger: runner });
  const notes: string[] = [];

  const listed = await runner.group('Diff', async () => {
    const result = await github.listPullRequestFiles(pr);
    runner.info(`${result.files.length} changed files listed`);
    if (result.capped) {
      const note = `GitHub lists at most 3,000 files of a pull request; files past that were not reviewed. Run \`codex-hooks review\` locally for the rest.`;
      runner.warning(note);
      notes.push(note);
    }
    return result;
  });

  const hasBase = await deps.git.hasRevision(pr.baseSha).catch(() => false);
  const result = await runReviewPipeline(
    listed.files,
    { include: inputs.include, exclude: inputs.exclude, failOn: inputs.failOn },
    {
      logger: runner,
      stage: (name, fn) => runner.group(name, fn),
      // Mask every found value so the runner hides it too, wherever it might surface.
      onSecret: (value) => runner.setSecret(value),
      ...(hasBase ? { fallback: gitPatchFallback(deps.git.diff, pr.baseSha, pr.headSha) } : {}),
      now: () => deps.now().getTime(),
    },
  );
  notes.push(...result.notes);

  if (!inputs.codexToken) {
    const note = 'AI review skipped: the codex-token input is empty. Local hooks ran and the gate applies.';
    runner.notice(note);
    notes.push(note);
  }

  const { findings, gate, prepared } = result;
  const stats: ReviewStats = { ...result.stats, durationMs: deps.now().getTime() - started };

  const reportPath = await writeReport(
    deps.outputDir,
    pr,
    buildJsonReport(findings, stats, gate.conclusion, prepared.skipped),
  );
  const published = await publishResults(runner, github, {
    pr,
    findings,
    gate,
    failOn: inputs.failOn,
    stats,
    skipped: prepared.skipped,
    notes,
    commentMode: inputs.commentMode,
    dryRun: inputs.dryRun,
    // Review comments (issue 5). The lead's hook wiring sets `aiScope` ('all', or the paths sent on an
    // incremental review: see pipeline/incremental.ts); without it AI comments are never marked fixed.
    files: listed.files,
    maxComments: inputs.maxComments,
    serverUrl: event.serverUrl,
    ...(event.runId && event.repository
      ? { runUrl: `${event.serverUrl}/${event.repository.owner}/${event.repository.repo}/actions/runs/${event.runId}` }
      : {}),
  });

  setOutputs(runner, {
    findings: findings.length,
    secrets: result.secrets.length,
    conclusion: gate.conclusion,
    report: reportPath,
    ...(published.checkRunId !== undefined ? { 'check-run-id': published.checkRunId } : {}),
    ...(published.reviewId !== undefined ? { 'review-id': published.reviewId } : {}),
  });
  runner.info(`Gate: ${gate.conclusion} (${gate.reason})`);
  return gate.failed ? { failed: true, message: `Codex hooks gate failed: ${gate.reason}` } : { failed: false };
}

function setOutputs(runner: RunnerPort, outputs: Record<string, string | number>): void {
  for (const [name, value] of Object.entries(outputs)) runner.setOutput(name, value);
}

async function writeReport(dir: string, pr: PullRequest, report: unknown): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `codex-hooks-report-${pr.number}-${pr.headSha.slice(0, 12)}.json`);
  await writeFile(file, JSON.stringify(report, null, 2) + '\n', 'utf8');
  return file;
}

export type { ActionInputs };
