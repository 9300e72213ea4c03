import { parseArgs } from 'node:util';
import { createGit } from '../adapters/git.js';
import { parseGitDiff } from '../core/diff/parse-git-diff.js';
import { countLines } from '../core/diff/whole-file.js';
import { buildJsonReport } from '../core/findings/finalize.js';
import type { ChangedFile, FailOn } from '../core/types.js';
import type { Note, NoteKind } from '../core/notes.js';
import { ConfigurationError, UsageError, describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import { aiReportEntry, runReviewPipeline, type PipelineResult } from '../pipeline/review.js';
import { runCommand } from '../adapters/command-runner.js';
import { loadConfigSource } from '../config/source.js';
import { readInWorkspace } from '../workspace-files.js';
import type { PullRequest } from '../core/types.js';
import { runHookServerCommand } from '../endpoint/server/index.js';
import { runAuditCommand } from '../audit/index.js';
import { runTokenCommand } from '../endpoint/server/token-command.js';
import type { AiReviewOptions } from '../pipeline/ai-review.js';
import { preflightHookEndpoint } from '../pipeline/preflight.js';
import path from 'node:path';
import { splitGlobList, checkGlob, createFileFilter } from '../core/filter.js';
import { VERSION } from '../core/version.js';
import { renderSarif } from '../core/render/sarif.js';
import { renderGitlabCodeQuality } from '../core/render/gitlab.js';
import { formatGithub, formatText, stripControl } from './format.js';
import { COMMAND_HELP, HOOK_SERVER_HELP, MAIN_HELP, REVIEW_HELP, SCAN_HELP, USAGE } from './help.js';
import { codexHook, initCommand } from './codex.js';
import { createProgress, type Progress } from './progress.js';
import { readFiles } from './read-files.js';
import { collectPaths, splitPathList } from './collect-paths.js';
import { describePathProblem, summarizePathProblems } from './path-problems.js';
import type { GitPort, Reviewer } from '../ports.js';
import type { ActionInputs } from '../settings/action-inputs.js';
import { readReviewFlags } from '../settings/review-flags.js';
import { CLI_SETTING_NAMES } from '../settings/setting-names.js';
import { createEndpointReviewer, createModelReviewer } from '../reviewers/index.js';

/** Where the CLI reads and writes; tests pass buffers. */
export interface CliIo {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** The whole of stdin, for `scan -`; absent when there is none. */
  readonly readStdin?: () => string;
  /** Read by `codex-hook` only: the Codex event. */
  readonly stdin?: AsyncIterable<Buffer | string>;
}

export const EXIT = { passed: 0, failed: 1, usage: 2 } as const;

const FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab'] as const;
type Format = (typeof FORMATS)[number];

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    // An error can quote a path or a config value: no raw control characters reach the terminal.
    io.stderr.write(`codex-hooks: ${stripControl(describeError(error))}\n`);
    return error instanceof ConfigurationError || error instanceof UsageError ? EXIT.usage : EXIT.failed;
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
    if (help === undefined)
      throw new UsageError(`no help for '${topic}'; commands: ${Object.keys(COMMAND_HELP).join(', ')}`, USAGE.main);
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
  if (command === 'init') return initCommand(rest, io);
  if (command === 'codex-hook') return codexHook(rest, io);
  throw new UsageError(`unknown command '${command}'`, USAGE.main);
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
  command: keyof typeof USAGE,
  args: readonly string[],
  options: OptionSpec,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(describeParseError(error, command), USAGE[command]);
  }
}

/** Node's parseArgs messages, reworded: the option, what is wrong, and what to do. */
function describeParseError(error: unknown, command: string): string {
  const e = error as NodeJS.ErrnoException;
  const option = /'(-[^' ]*)/.exec(e.message ?? '')?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return `unknown option '${option}' (a path that starts with '-' goes after '--': codex-hooks ${command} -- ${option})`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(e.message)
      ? `option '${option}' needs a value`
      : `option '${option}' takes no value`;
  }
  return e.message ?? String(error);
}

function commonOptions(command: keyof typeof USAGE, values: Record<string, unknown>) {
  const usage = USAGE[command];
  const format = String(values.format) as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got '${format}'`, usage);
  const failOn = String(values['fail-on']) as FailOn;
  if (!['error', 'warning', 'notice', 'never'].includes(failOn)) {
    throw new UsageError(`--fail-on must be one of error, warning, notice, never; got '${failOn}'`, usage);
  }
  const globs = (name: string) => {
    const list = splitGlobList(String(values[name] ?? ''));
    for (const g of list) {
      const problem = checkGlob(g);
      if (problem) throw new UsageError(`--${name} has an invalid glob '${g}': ${problem}`, usage);
    }
    return list;
  };
  return { format, failOn, include: globs('include'), exclude: globs('exclude') };
}

async function review(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('review', args, {
    ...COMMON_OPTIONS,
    base: { type: 'string', default: 'HEAD' },
    head: { type: 'string' },
    'hook-url': { type: 'string', default: '' },
    'config-ref': { type: 'string', default: 'base' },
    reviewer: { type: 'string', default: 'endpoint' },
    model: { type: 'string', default: '' },
    'base-url': { type: 'string', default: '' },
    'hook-timeout': { type: 'string', default: '' },
  });
  if (values.help) {
    io.stdout.write(REVIEW_HELP);
    return EXIT.passed;
  }
  if (positionals.length > 0) throw new UsageError(`review takes no paths; got '${positionals[0]}'`, USAGE.review);
  const options = commonOptions('review', values);
  const settings = readReviewFlags(values);
  const configRef = String(values['config-ref']);
  if (configRef !== 'base' && configRef !== 'head') {
    throw new UsageError(`--config-ref must be base or head; got '${configRef}'`, USAGE.review);
  }
  const git = createGit(io.cwd);
  const head = values.head === undefined ? undefined : String(values.head);
  const base = await resolveBase(git, String(values.base), head, io.cwd);
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
    baseRef: base === String(values.base) ? base : 'the empty tree (first commit)',
    author: io.env.USER ?? '',
    draft: false,
    action: 'local_review',
  };
  const logger = stderrLogger(io);
  const reviewer = await chooseCliReviewer(values, settings, io, logger);
  const ai: AiReviewOptions | undefined = reviewer
    ? {
        reviewer: reviewer.reviewer,
        token: reviewer.token,
        secretAction: 'block',
        limitName: CLI_SETTING_NAMES.hookMaxBytes,
        eventType: 'local_review',
        metadata: { triggered_by: 'codex-hooks CLI', timestamp: new Date().toISOString() },
        readHeadFile: (file) => readWorkingTreeFile(io.cwd, file),
      }
    : undefined;
  // As in the action: the branch under review must not choose its own hooks (a `command` hook runs programs).
  const trusted =
    configRef === 'base'
      ? { read: (file: string) => git.show(pr.baseSha, file), label: `base ${pr.baseSha.slice(0, 7)}` }
      : undefined;
  const result = await runPipeline(pr, files, options, values, io, ai, trusted);
  return report(result, options.format, io);
}

/**
 * The revision to compare with. Before a repository's first commit there is no HEAD: a pre-commit hook's
 * `--base HEAD` then means the files about to be committed, against the empty tree.
 */
async function resolveBase(git: GitPort, base: string, head: string | undefined, cwd: string): Promise<string> {
  if (await git.hasRevision(base)) return base;
  if (!(await git.isWorkTree()))
    throw new ConfigurationError(
      `${cwd} is not in a git repository: review compares git revisions; use 'codex-hooks scan PATH' for plain files`,
    );
  if (base === 'HEAD' && head === undefined && (await git.revParse('HEAD')) === undefined) {
    const empty = await git.emptyTree();
    if (empty !== undefined) return empty;
  }
  throw new ConfigurationError(`--base '${base}' is not a commit in ${cwd}`);
}

/**
 * `--reviewer endpoint` (default) needs --hook-url and CODEX_TOKEN; `openai` and `codex` need --model and
 * OPENAI_API_KEY. Keys and tokens come from the environment only, never a flag: flags end up in shell
 * history and process lists.
 */
async function chooseCliReviewer(
  values: Record<string, unknown>,
  settings: ActionInputs,
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
      CLI_SETTING_NAMES,
    );
    if (!endpoint) return undefined;
    const reviewer = createEndpointReviewer({
      ...endpoint,
      timeoutMs: settings.hookTimeoutMs,
      retries: settings.hookRetries,
      maxBytes: settings.hookMaxBytes,
      logger,
      names: CLI_SETTING_NAMES,
    });
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
      timeoutMs: settings.hookTimeoutMs,
      retries: settings.hookRetries,
      maxInputTokens: settings.maxInputTokens,
      maxOutputTokens: settings.maxOutputTokens,
    },
    { logger, env: io.env },
    CLI_SETTING_NAMES,
  );
  return { reviewer, token: '' };
}

/** A file of the working tree, or undefined; never outside it, never through a link. */
function readWorkingTreeFile(cwd: string, file: string): Promise<string | undefined> {
  return readInWorkspace(cwd, file);
}

async function scan(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('scan', args, {
    ...COMMON_OPTIONS,
    null: { type: 'boolean', short: 'z', default: false },
    strict: { type: 'boolean', default: false },
  });
  if (values.help) {
    io.stdout.write(SCAN_HELP);
    return EXIT.passed;
  }
  const options = commonOptions('scan', values);
  if (positionals.length === 0)
    throw new UsageError('scan needs at least one path, or - to read paths from stdin', USAGE.scan);
  const args_ = expandStdin(positionals, Boolean(values.null), io);
  const collected = collectPaths(io.cwd, args_);
  const filter = createFileFilter({ include: options.include, exclude: options.exclude });
  // Filtered out before reading: a walk of a large tree should not read what the filters leave out.
  const wanted = collected.files.filter((f) => filter.matches(f));
  const progress = createProgress(io.stderr, io.env);
  let read: ReturnType<typeof readFiles>;
  try {
    read = readFiles(io.cwd, wanted, collected.walked, (done) => progress.update('reading', done, wanted.length));
  } finally {
    progress.done();
  }
  const problems = [...collected.problems, ...read.problems];
  for (const p of problems) io.stderr.write(`codex-hooks: warning: skipped ${describePathProblem(p)}\n`);
  const filteredOut = collected.files.filter((f) => !filter.matches(f));
  const files = [
    ...read.files.map((f) => ('text' in f ? wholeFileAsAdded(f.path, f.text) : binaryFile(f.path))),
    // Listed so the report counts them; the pipeline's filter says why each is left out.
    ...filteredOut.map((f) => wholeFileAsAdded(f, '')),
  ];
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
  const status = report(result, options.format, io);
  if (problems.length > 0) io.stderr.write(`codex-hooks: ${summarizePathProblems(problems)}\n`);
  if (files.length === 0 && problems.length === 0) io.stderr.write('codex-hooks: warning: no files to scan\n');
  return values.strict && problems.length > 0 ? EXIT.usage : status;
}

/** `-` stands for the list of paths on stdin (one a line, or NUL-separated with --null). */
function expandStdin(positionals: readonly string[], nul: boolean, io: CliIo): string[] {
  if (!positionals.includes('-')) return [...positionals];
  const list = splitPathList(io.readStdin?.() ?? '', nul);
  return positionals.flatMap((p) => (p === '-' ? list : [p]));
}

function binaryFile(path: string): ChangedFile {
  return { path, status: 'added', additions: 0, deletions: 0, binary: true };
}

/** A file whose every line counts as added: its whole text, read without a diff. */
export function wholeFileAsAdded(path: string, text: string): ChangedFile {
  return { path, status: 'added', additions: countLines(text), deletions: 0, content: text };
}

/**
 * Loads the config (from `trusted`, the base commit in `review`, or else the working tree) and runs the shared
 * pipeline. Memory sources and the baseline come from the same place, never from outside the repository.
 */
async function runPipeline(
  pr: PullRequest,
  files: ChangedFile[],
  options: ReturnType<typeof commonOptions>,
  values: Record<string, string | boolean | undefined>,
  io: CliIo,
  ai: AiReviewOptions | undefined,
  trusted?: { readonly read: (file: string) => Promise<string | undefined>; readonly label: string },
): Promise<PipelineResult> {
  const explicit = typeof values.config === 'string' ? values.config : undefined;
  const configPath = explicit ?? '.github/codex-hooks.yml';
  // Confined to the repository, and no link followed: `../notes.txt` or `/etc/passwd` is never read and sent.
  const readLocal = trusted?.read ?? ((file: string) => readInWorkspace(io.cwd, file));
  if (explicit !== undefined && (await readLocal(explicit)) === undefined) {
    throw new ConfigurationError(
      `--config '${explicit}' cannot be read${trusted ? ` at ${trusted.label} (--config-ref head reads the working tree)` : ' inside the repository'}`,
    );
  }
  const config = await loadConfigSource({
    path: configPath,
    ref: trusted ? 'base' : 'head',
    refLabel: trusted?.label ?? 'the working tree',
    read: readLocal,
  });
  const progress = createProgress(io.stderr, io.env);
  const logger = withProgress(stderrLogger(io), progress);
  logger.info(
    `Hooks config: ${config.source}${trusted ? ` (read at ${trusted.label}, as the action does; --config-ref head uses the working tree)` : ''}`,
  );
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
  } else if (format === 'gitlab') {
    io.stdout.write(JSON.stringify(renderGitlabCodeQuality(findings), null, 2) + '\n');
  } else {
    io.stdout.write(formatText(findings, gate, prepared.skipped, { color: useColor(io.stdout, io.env) }));
  }
  printNotes(result.notes, io);
  return gate.failed ? EXIT.failed : EXIT.passed;
}

/** At most this many notes of one kind: a file cut to the request limit can leave out a hundred hunks. */
const NOTES_PER_KIND = 10;

function printNotes(notes: readonly Note[], io: CliIo): void {
  const shown = new Map<NoteKind, number>();
  const said = saidOn(io);
  for (const n of notes) {
    // A hook's remark that was a warning as it happened (a memory source cut, a pattern's time spent) is not
    // said a second time.
    if (!NOTES_AFTER_REPORT.has(n.kind) || said.has(n.message)) continue;
    const count = (shown.get(n.kind) ?? 0) + 1;
    shown.set(n.kind, count);
    if (count <= NOTES_PER_KIND) io.stderr.write(`note: ${n.message}\n`);
  }
  for (const count of shown.values())
    if (count > NOTES_PER_KIND) io.stderr.write(`note: … and ${count - NOTES_PER_KIND} more like these\n`);
}

/**
 * The notes the action shows in its job summary that the CLI says after its report, on stderr (the report's
 * format stays clean). The others were said as they happened (warnings, the AI review's failure) or do not
 * apply to a local run (publishing, "no token": the CLI's AI review is asked for by flag).
 */
const NOTES_AFTER_REPORT: ReadonlySet<NoteKind> = new Set(['hooks', 'ai-review', 'ai-usage', 'findings-carried']);

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

/** The warnings and notices already written to an io's stderr, so the notes after the report skip them. */
const saidLines = new WeakMap<CliIo, Set<string>>();
function saidOn(io: CliIo): Set<string> {
  let said = saidLines.get(io);
  if (!said) saidLines.set(io, (said = new Set()));
  return said;
}

function stderrLogger(io: CliIo): Logger {
  const verbose = Boolean(io.env.CODEX_HOOKS_DEBUG);
  const line = (prefix: string) => (m: string) => void io.stderr.write(`${prefix}${m}\n`);
  const said = (prefix: string) => (m: string) => {
    saidOn(io).add(m);
    line(prefix)(m);
  };
  return {
    debug: verbose ? line('debug: ') : () => {},
    info: verbose ? line('') : () => {},
    notice: said('notice: '),
    warning: said('warning: '),
    error: line('error: '),
  };
}
