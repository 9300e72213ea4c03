import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createGit } from '../adapters/git.js';
import { parseGitDiff } from '../core/diff/parse-git-diff.js';
import { countLines } from '../core/diff/whole-file.js';
import { buildJsonReport } from '../core/findings/finalize.js';
import type { ChangedFile, FailOn } from '../core/types.js';
import { ConfigurationError, describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import { aiReportEntry, runReviewPipeline, type PipelineResult } from '../pipeline/review.js';
import { runCommand } from '../adapters/command-runner.js';
import { loadConfigSource } from '../config/source.js';
import type { PullRequest } from '../core/types.js';
import { runHookServerCommand } from '../endpoint/server/index.js';
import { runAuditCommand } from '../audit/index.js';
import { runTokenCommand } from '../endpoint/server/token-command.js';
import type { AiReviewOptions } from '../pipeline/ai-review.js';
import { preflightHookEndpoint } from '../pipeline/preflight.js';
import path from 'node:path';
import { splitGlobList, checkGlob } from '../core/filter.js';
import { VERSION } from '../core/version.js';
import { renderSarif } from '../core/render/sarif.js';
import { formatGithub, formatText, stripControl } from './format.js';
import { COMMAND_HELP, HOOK_SERVER_HELP, MAIN_HELP, REVIEW_HELP, SCAN_HELP } from './help.js';
import { createProgress, type Progress } from './progress.js';
import { readFilesInOrder } from './read-files.js';
import { resolveInWorkspace } from '../core/workspace-path.js';
import type { Reviewer } from '../ports.js';
import { createEndpointReviewer, createModelReviewer } from '../reviewers/index.js';

/** Where the CLI reads and writes; tests pass buffers. */
export interface CliIo {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export const EXIT = { passed: 0, failed: 1, usage: 2 } as const;

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    // An error can quote a path or a config value: no raw control characters reach the terminal.
    io.stderr.write(`codex-hooks: ${stripControl(describeError(error))}\n`);
    return error instanceof ConfigurationError ? EXIT.usage : EXIT.failed;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    // Without a command it is a usage error: the help goes to stderr so a script's stdout stays clean.
    (command === undefined ? io.stderr : io.stdout).write(MAIN_HELP);
    return command === undefined ? EXIT.usage : EXIT.passed;
  }
  if (command === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout.write(MAIN_HELP);
      return EXIT.passed;
    }
    const help = COMMAND_HELP[topic];
    if (help === undefined) throw new ConfigurationError(`no help for '${topic}'; commands: review, scan, hook-server`);
    io.stdout.write(help);
    return EXIT.passed;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.passed;
  }
  if (command === 'review') return review(rest, io);
  if (command === 'audit') return runAuditCommand(rest, io.env, io.stdout);
  if (command === 'token')
    return runTokenCommand(rest, { stdout: io.stdout, stderr: io.stderr, now: () => new Date() });
  if (command === 'scan') return scan(rest, io);
  if (command === 'hook-server') {
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(HOOK_SERVER_HELP);
      return EXIT.passed;
    }
    return runHookServerCommand(rest, io.env, { stdout: io.stdout, stderr: io.stderr });
  }
  throw new ConfigurationError(`unknown command '${command}'; run 'codex-hooks --help'`);
}

const COMMON_OPTIONS: OptionSpec = {
  format: { type: 'string', default: 'text' },
  'fail-on': { type: 'string', default: 'error' },
  include: { type: 'string', default: '**' },
  exclude: { type: 'string', default: '' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
};

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean }>;

function parse(
  args: readonly string[],
  options: OptionSpec,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    throw new ConfigurationError(error instanceof Error ? error.message : String(error));
  }
}

function commonOptions(values: Record<string, unknown>) {
  const format = String(values.format) as Format;
  if (!FORMATS.includes(format))
    throw new ConfigurationError(`--format must be one of ${FORMATS.join(', ')}; got '${format}'`);
  const failOn = String(values['fail-on']) as FailOn;
  if (!['error', 'warning', 'notice', 'never'].includes(failOn)) {
    throw new ConfigurationError(`--fail-on must be one of error, warning, notice, never; got '${failOn}'`);
  }
  const globs = (name: string) => {
    const list = splitGlobList(String(values[name] ?? ''));
    for (const g of list) {
      const problem = checkGlob(g);
      if (problem) throw new ConfigurationError(`--${name} has an invalid glob '${g}': ${problem}`);
    }
    return list;
  };
  return { format, failOn, include: globs('include'), exclude: globs('exclude') };
}

async function review(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    ...COMMON_OPTIONS,
    base: { type: 'string', default: 'HEAD' },
    head: { type: 'string' },
    'hook-url': { type: 'string', default: '' },
    reviewer: { type: 'string', default: 'endpoint' },
    model: { type: 'string', default: '' },
    'base-url': { type: 'string', default: '' },
  });
  if (values.help) {
    io.stdout.write(REVIEW_HELP);
    return EXIT.passed;
  }
  if (positionals.length > 0) throw new ConfigurationError(`review takes no paths; got '${positionals[0]}'`);
  const options = commonOptions(values);
  const git = createGit(io.cwd);
  const base = String(values.base);
  const head = values.head === undefined ? undefined : String(values.head);
  if (!(await git.hasRevision(base))) throw new ConfigurationError(`--base '${base}' is not a commit in ${io.cwd}`);
  if (head !== undefined && !(await git.hasRevision(head)))
    throw new ConfigurationError(`--head '${head}' is not a commit in ${io.cwd}`);
  // Like a pull request: the changes on head since it left base.
  const from = head === undefined ? base : ((await git.mergeBase(base, head)) ?? base);
  const diff = await git.diff(from, head);
  if (diff === undefined) throw new ConfigurationError(`git diff ${from} ${head ?? ''} failed in ${io.cwd}`);
  const files = parseGitDiff(diff);
  const pr: PullRequest = {
    owner: 'local',
    repo: path.basename(io.cwd),
    number: 0,
    title: `${head ?? 'working tree'} against ${base}`,
    headSha: (head !== undefined ? await git.revParse(head) : undefined) ?? 'working-tree',
    baseSha: (await git.revParse(from)) ?? from,
    headRef: head ?? 'working-tree',
    baseRef: base,
    author: io.env.USER ?? '',
    draft: false,
    action: 'local_review',
  };
  const logger = stderrLogger(io);
  const reviewer = await chooseCliReviewer(values, io, logger);
  const ai: AiReviewOptions | undefined = reviewer
    ? {
        reviewer: reviewer.reviewer,
        token: reviewer.token,
        secretAction: 'block',
        eventType: 'local_review',
        metadata: { triggered_by: 'codex-hooks CLI', timestamp: new Date().toISOString() },
        readHeadFile: (file) => readWorkingTreeFile(io.cwd, file),
      }
    : undefined;
  const result = await runPipeline(pr, files, options, values, io, ai);
  return report(result, options.format, io);
}

/**
 * `--reviewer endpoint` (default) needs --hook-url and CODEX_TOKEN; `openai` and `codex` need --model and
 * OPENAI_API_KEY. Keys and tokens come from the environment only, never a flag: flags end up in shell
 * history and process lists.
 */
async function chooseCliReviewer(
  values: Record<string, unknown>,
  io: CliIo,
  logger: ReturnType<typeof stderrLogger>,
): Promise<{ reviewer: Reviewer; token: string } | undefined> {
  const kind = String(values.reviewer ?? 'endpoint');
  if (kind === 'endpoint') {
    const endpoint = preflightHookEndpoint(
      io.env.CODEX_TOKEN ?? '',
      String(values['hook-url'] ?? ''),
      new Date(),
      logger,
      {
        token: 'CODEX_TOKEN',
        url: '--hook-url',
      },
    );
    if (!endpoint) return undefined;
    const reviewer = createEndpointReviewer({ ...endpoint, timeoutMs: 60_000, retries: 3, maxBytes: 500_000, logger });
    return { reviewer, token: endpoint.token };
  }
  if (kind !== 'openai' && kind !== 'codex') {
    throw new ConfigurationError(`--reviewer must be one of endpoint, openai, codex; got '${kind}'`);
  }
  const apiKey = (io.env.OPENAI_API_KEY ?? '').trim();
  if (!apiKey) {
    logger.notice(`--reviewer ${kind} but OPENAI_API_KEY is not set: the AI review is skipped.`);
    return undefined;
  }
  const reviewer = await createModelReviewer(
    {
      kind,
      model: String(values.model ?? '') || (io.env.OPENAI_MODEL ?? ''),
      apiKey,
      baseUrl: String(values['base-url'] ?? '') || (io.env.OPENAI_BASE_URL ?? ''),
      timeoutMs: kind === 'codex' ? 300_000 : 120_000,
      retries: 3,
      maxInputTokens: 100_000,
      maxOutputTokens: 8_000,
    },
    { logger, env: io.env },
    { model: '--model (or OPENAI_MODEL)', apiKey: 'OPENAI_API_KEY', baseUrl: '--base-url (or OPENAI_BASE_URL)' },
  );
  return { reviewer, token: '' };
}

/** A file of the working tree, or undefined; never outside it. */
async function readWorkingTreeFile(cwd: string, file: string): Promise<string | undefined> {
  const full = resolveInWorkspace(cwd, file);
  return full === undefined ? undefined : readFile(full, 'utf8').catch(() => undefined);
}

async function scan(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, COMMON_OPTIONS);
  if (values.help) {
    io.stdout.write(SCAN_HELP);
    return EXIT.passed;
  }
  const options = commonOptions(values);
  if (positionals.length === 0)
    throw new ConfigurationError("scan needs at least one file path; run 'codex-hooks scan --help'");
  const progress = createProgress(io.stderr, io.env);
  let texts: string[];
  try {
    texts = readFilesInOrder(io.cwd, positionals, (done) => progress.update('reading', done, positionals.length));
  } finally {
    progress.done();
  }
  const files = positionals.map((p, i) => wholeFileAsAdded(p, texts[i]!));
  const pr: PullRequest = {
    owner: 'local',
    repo: path.basename(io.cwd),
    number: 0,
    title: 'scan',
    headSha: 'working-tree',
    baseSha: 'none',
    headRef: 'working-tree',
    baseRef: 'none',
    author: '',
    draft: false,
    action: 'local_review',
  };
  const result = await runPipeline(pr, files, options, values, io, undefined);
  return report(result, options.format, io);
}

/** A file whose every line counts as added: its whole text, read without a diff. */
export function wholeFileAsAdded(path: string, text: string): ChangedFile {
  return { path, status: 'added', additions: countLines(text), deletions: 0, content: text };
}

/** Loads the config from the working tree (locally there is no base to trust) and runs the shared pipeline. */
async function runPipeline(
  pr: PullRequest,
  files: ChangedFile[],
  options: ReturnType<typeof commonOptions>,
  values: Record<string, string | boolean | undefined>,
  io: CliIo,
  ai: AiReviewOptions | undefined,
): Promise<PipelineResult> {
  const explicit = typeof values.config === 'string' ? values.config : undefined;
  const configPath = explicit ?? '.github/codex-hooks.yml';
  const readLocal = (file: string) => readFile(path.resolve(io.cwd, file), 'utf8').catch(() => undefined);
  if (explicit !== undefined && (await readLocal(explicit)) === undefined) {
    throw new ConfigurationError(`--config '${explicit}' cannot be read`);
  }
  const config = await loadConfigSource({
    path: configPath,
    ref: 'head',
    refLabel: 'the working tree',
    read: readLocal,
  });
  const progress = createProgress(io.stderr, io.env);
  const logger = withProgress(stderrLogger(io), progress);
  logger.info(`Hooks config: ${config.source}`);
  try {
    return await runReviewPipeline(
      pr,
      files,
      {
        include: options.include,
        exclude: options.exclude,
        failOn: options.failOn,
        config: config.config,
        workspace: io.cwd,
        ...(ai ? { ai } : {}),
        env: io.env,
      },
      {
        logger,
        stage: <T>(name: string, fn: () => Promise<T>) => {
          progress.status(`${name}: ${files.length} files…`);
          return fn();
        },
        onSecret: () => {},
        now: () => Date.now(),
        runCommand,
        readRepositoryFile: readLocal,
      },
    );
  } finally {
    progress.done();
  }
}

/** Clears the progress line before a message, so the two never share a line. */
function withProgress(logger: Logger, progress: Progress): Logger {
  const wrap =
    (f: (m: string) => void) =>
    (m: string): void => {
      progress.done();
      f(m);
    };
  return {
    debug: wrap(logger.debug),
    info: wrap(logger.info),
    notice: wrap(logger.notice),
    warning: wrap(logger.warning),
    error: wrap(logger.error),
  };
}

function report(result: PipelineResult, format: Format, io: CliIo): number {
  const { findings, gate, prepared, stats } = result;
  if (format === 'json') {
    io.stdout.write(
      JSON.stringify(
        buildJsonReport(findings, stats, gate.conclusion, prepared.skipped, aiReportEntry(result.ai)),
        null,
        2,
      ) + '\n',
    );
  } else if (format === 'sarif') {
    io.stdout.write(JSON.stringify(renderSarif(findings), null, 2) + '\n');
  } else if (format === 'github') {
    io.stdout.write(formatGithub(findings));
  } else {
    io.stdout.write(formatText(findings, gate, prepared.skipped, { color: useColor(io.stdout, io.env) }));
  }
  return gate.failed ? EXIT.failed : EXIT.passed;
}

/**
 * Colour on a terminal only. NO_COLOR (any non-empty value) turns it off; FORCE_COLOR (anything but 0 or
 * false) turns it on even when stdout is not a terminal, and wins over NO_COLOR, as in Node itself.
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR) return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

function stderrLogger(io: CliIo): Logger {
  const verbose = Boolean(io.env.CODEX_HOOKS_DEBUG);
  const line = (prefix: string) => (m: string) => void io.stderr.write(`${prefix}${m}\n`);
  return {
    debug: verbose ? line('debug: ') : () => {},
    info: verbose ? line('') : () => {},
    notice: line('notice: '),
    warning: line('warning: '),
    error: line('error: '),
  };
}
