import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { HookRequest } from '../endpoint/types.js';
import type { ReviewContext, Reviewer } from '../ports.js';
import { NO_USAGE, reviewWithModel, type ModelReply } from './model-review.js';
import { startResponsesProxy, type ResponsesProxy } from './responses-proxy.js';
import type { ReviewPrompt } from './review-prompt.js';
import { REVIEW_SCHEMA } from './review-schema.js';
import { maxRequestBytesFor } from './openai-reviewer.js';

/**
 * The `codex` reviewer: the Codex CLI as openai/codex-action runs it. `codex exec` with the prompt on stdin,
 * `--output-schema`, `--sandbox read-only`, `--skip-git-repo-check`, `--ephemeral`, the last message to a
 * file, a private CODEX_HOME. Decisions:
 * - Codex works in a temporary folder holding only the redacted head versions of the files sent, never the
 *   workspace (it holds the raw secrets).
 * - The API key stays in this process: Codex talks to a loopback proxy (responses-proxy.ts) with a one-run
 *   token, and its environment holds nothing else of the runner's (no GITHUB_TOKEN, no key).
 * - Codex neither checks its answer against the schema nor gives up when its provider is unreachable: the
 *   answer is validated (model-answer.ts) and the whole process group is killed at the timeout.
 * - Codex's own agent instructions (about 17 KB), its skills list and the tools a review has no use for
 *   (sub-agents, goals, images, web search, questions to the user: about 16 KB more) go with every model
 *   request. The review instructions replace the agent's (`model_instructions_file`) and those tools are off,
 *   so a request carries the diff and little else; the shell stays, to read the files for context.
 */

export interface CodexReviewerOptions {
  /** The Codex binary (codex-install.ts finds or installs it). */
  readonly binary: string;
  readonly apiKey: string;
  readonly model: string;
  /** The Responses API Codex's requests go to, through the proxy. */
  readonly upstreamBaseUrl: string;
  /** For one `codex exec` run, start to end. */
  readonly timeoutMs: number;
  readonly maxInputTokens: number;
  readonly fetch?: typeof fetch;
}

export function createCodexReviewer(options: CodexReviewerOptions): Reviewer {
  const host = new URL(options.upstreamBaseUrl).host;
  return {
    kind: 'codex',
    target: `Codex CLI, ${options.model} at ${host}`,
    maxRequestBytes: maxRequestBytesFor(options.maxInputTokens),
    review: async (requests, context) => {
      const proxy = await startResponsesProxy({
        upstreamBaseUrl: options.upstreamBaseUrl,
        apiKey: options.apiKey,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      try {
        return await reviewWithModel(requests, context, host, options.maxInputTokens, (prompt, request) =>
          runCodexTurn(prompt, request, context, proxy, options),
        );
      } finally {
        await proxy.close();
      }
    },
  };
}

async function runCodexTurn(
  prompt: ReviewPrompt,
  request: HookRequest,
  context: ReviewContext,
  proxy: ResponsesProxy,
  options: CodexReviewerOptions,
): Promise<ModelReply> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-review-'));
  const home = path.join(root, 'home');
  const work = path.join(root, 'work');
  try {
    await mkdir(home);
    await mkdir(work);
    await writeRedactedHeadFiles(work, request, context);
    const instructionsFile = path.join(home, 'review-instructions.md');
    await writeFile(instructionsFile, reviewerInstructions(prompt));
    await writeFile(path.join(home, 'config.toml'), codexConfig(options.model, proxy.baseUrl, instructionsFile));
    const schemaFile = path.join(home, 'review-schema.json');
    const answerFile = path.join(home, 'last-message.txt');
    await writeFile(schemaFile, JSON.stringify(REVIEW_SCHEMA));
    const before = proxy.usage();
    const run = await runCodex(
      options.binary,
      work,
      home,
      proxy.token,
      schemaFile,
      answerFile,
      prompt.input,
      options.timeoutMs,
    );
    const after = proxy.usage();
    const usage = {
      requests: after.requests - before.requests,
      inputTokens: after.inputTokens - before.inputTokens,
      outputTokens: after.outputTokens - before.outputTokens,
      cachedTokens: after.cachedTokens - before.cachedTokens,
    };
    const why = proxy.lastProblem();
    if (run.timedOut) {
      const seconds = Math.round(options.timeoutMs / 1000);
      return failed(
        'timeout',
        `the Codex CLI did not finish within ${seconds} s and was stopped${why ? `: ${why}` : ''}`,
        usage,
      );
    }
    if (run.code !== 0) {
      const said = context.redact ? context.redact(run.stderrTail) : run.stderrTail;
      return failed(
        'unavailable',
        `the Codex CLI exited with ${run.code}${why ? `: ${why}` : ''}${said ? ` (${said})` : ''}`,
        usage,
      );
    }
    const text = await readFile(answerFile, 'utf8').catch(() => '');
    return { kind: 'text', text, usage };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function failed(kind: 'timeout' | 'unavailable', message: string, usage = NO_USAGE): ModelReply {
  return { kind: 'failed', failure: { kind, message }, usage };
}

/** The agent's instructions: the review's, and where the files are. The pull request goes in the prompt. */
function reviewerInstructions(prompt: ReviewPrompt): string {
  return [
    prompt.instructions,
    '',
    'You run in the Codex CLI with a read-only sandbox. The current folder holds the new versions of the files of this change (secrets redacted); you may read them with shell commands for context. Do not modify anything.',
    '',
  ].join('\n');
}

function codexConfig(model: string, baseUrl: string, instructionsFile: string): string {
  return [
    `model = ${JSON.stringify(model)}`,
    'model_provider = "codex_hooks_proxy"',
    'check_for_update_on_startup = false',
    `model_instructions_file = ${JSON.stringify(instructionsFile)}`,
    'web_search = "disabled"',
    '[features]',
    'multi_agent = false',
    'goals = false',
    'view_image = false',
    '[tools.experimental_request_user_input]',
    'enabled = false',
    '[skills]',
    'include_instructions = false',
    '[skills.bundled]',
    'enabled = false',
    '[model_providers.codex_hooks_proxy]',
    'name = "codex-hooks loopback proxy"',
    `base_url = ${JSON.stringify(baseUrl)}`,
    'wire_api = "responses"',
    'env_key = "CODEX_HOOKS_PROXY_TOKEN"',
    'request_max_retries = 0',
    'stream_max_retries = 0',
    '',
  ].join('\n');
}

/** Only paths that stay inside the folder: a PR controls its file names. */
async function writeRedactedHeadFiles(work: string, request: HookRequest, context: ReviewContext): Promise<void> {
  const read = context.readRedactedHeadFile;
  if (!read) return;
  for (const file of request.files) {
    if (file.status === 'removed') continue;
    const target = path.resolve(work, file.path);
    if (!target.startsWith(work + path.sep)) continue;
    const text = await read(file.path);
    if (text === undefined) continue;
    await mkdir(path.dirname(target), { recursive: true });
    // `wx`: never through a file or link that is already there.
    await writeFile(target, text, { flag: 'wx' }).catch(() => undefined);
  }
}

interface CodexRun {
  readonly code: number | null;
  readonly timedOut: boolean;
  readonly stderrTail: string;
}

function runCodex(
  binary: string,
  work: string,
  home: string,
  proxyToken: string,
  schemaFile: string,
  answerFile: string,
  prompt: string,
  timeoutMs: number,
): Promise<CodexRun> {
  const args = ['exec', '--skip-git-repo-check', '--sandbox', 'read-only', '--ephemeral', '--color', 'never'];
  args.push('--output-schema', schemaFile, '--output-last-message', answerFile, '-');
  // A fresh environment: nothing of the runner's (tokens, keys) reaches the agent's commands.
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    CODEX_HOME: home,
    CODEX_HOOKS_PROXY_TOKEN: proxyToken,
    LANG: 'C.UTF-8',
  };
  return new Promise((resolve) => {
    const child = spawn(binary, args, { cwd: work, env, stdio: ['pipe', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    const killGroup = (): void => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, timedOut: false, stderrTail: error.message });
    });
    // 'exit', not 'close': a sandbox helper left behind may hold the stderr pipe open.
    child.on('exit', (code) => {
      clearTimeout(timer);
      killGroup();
      child.stderr.destroy();
      const tail = stderr
        .split('\n')
        .filter((l) => /error/i.test(l))
        .slice(-2)
        .join(' ')
        .slice(0, 300);
      resolve({ code, timedOut, stderrTail: tail });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(prompt);
  });
}
