import os from 'node:os';
import { runCommand } from '../adapters/command-runner.js';
import { deferBuiltin } from '../core/lazy-builtin.js';
import { createSessionChanges } from '../adapters/session-changes.js';
import { resolveInWorkspace } from '../core/workspace-path.js';
import type { HooksConfig, LoggerAction } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import { auditLogOptionsFor, includesMetadata } from '../audit/logger-options.js';
import { appendAuditRecords } from '../audit/writer.js';
import { collectLoggers } from '../hooks/index.js';
import { createRecordingLogger } from '../logger.js';
import { withoutMetadata, type SessionAuditRecord } from './audit-record.js';
import type { SessionPorts } from './checks.js';
import { loadSessionConfig } from './config-cache.js';
import { answerCodexHook } from './handle-event.js';
import { findRepositoryRoot } from './repository-root.js';
import { parseCodexHookSettings } from './settings.js';

// Memory sources are read on SessionStart only: fs/promises is loaded then, not on every hook.
const fsp = deferBuiltin<typeof import('node:fs/promises')>('node:fs/promises');

export interface HookIo {
  readonly stdin: string;
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
  readonly env: NodeJS.ProcessEnv;
}

/**
 * `codex-hooks codex-hook`: the command Codex runs for each hook event. Reads the event from stdin, answers
 * on stdout (or exit status 2 with the reason on stderr), appends one audit line per `logger` output, and
 * returns the exit status. The composition root of the hook: the only place that picks its adapters.
 */
export async function runCodexHook(argv: readonly string[], io: HookIo): Promise<number> {
  let settings;
  try {
    settings = parseCodexHookSettings(argv, io.env, os.homedir());
  } catch (error) {
    settings = error instanceof ConfigurationError ? error : new ConfigurationError(String(error));
  }
  const cacheDir = settings instanceof ConfigurationError ? os.tmpdir() : settings.cacheDir;
  const run = await answerCodexHook(io.stdin, settings, {
    findRoot: findRepositoryRoot,
    loadConfig: (root, configPath) => loadSessionConfig(root, configPath, cacheDir),
    createPorts: (root) => createSessionPorts(root, cacheDir, io.env),
    now: () => new Date(),
  });
  if (run.audit) {
    try {
      await writeAuditRecord(run.audit.config, run.audit.root, run.audit.record, io.env);
    } catch (error) {
      io.stderr.write(`codex-hooks: the audit log could not be written: ${(error as Error).message}\n`);
    }
  }
  io.stdout.write(run.rendered.stdout);
  io.stderr.write(run.rendered.stderr);
  return run.rendered.exitCode;
}

function createSessionPorts(root: string, cacheDir: string, env: NodeJS.ProcessEnv): SessionPorts {
  const logger = createRecordingLogger();
  const changes = createSessionChanges(root, cacheDir, runCommand);
  return {
    runCommand,
    readRepositoryFile: async (file) => {
      // Paths come from the model (a patch) or the config: read inside the repository only.
      const full = resolveInWorkspace(root, file);
      return full === undefined
        ? undefined
        : fsp()
            .readFile(full, 'utf8')
            .catch(() => undefined);
    },
    logger: env.CODEX_HOOKS_DEBUG ? stderrLogger() : logger,
    now: () => new Date(),
    recordSessionStart: changes.recordSessionStart,
    sessionChanges: changes.sessionChanges,
  };
}

function stderrLogger() {
  const line = (level: string) => (m: string) => void process.stderr.write(`codex-hooks ${level}: ${m}\n`);
  return {
    debug: line('debug'),
    info: line('info'),
    notice: line('notice'),
    warning: line('warning'),
    error: line('error'),
  };
}

/** The `logger` hooks of the conversation: one line each, once per output. */
async function writeAuditRecord(
  config: HooksConfig,
  root: string,
  record: SessionAuditRecord,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const outputs = new Map<string, LoggerAction>();
  for (const l of [...collectLoggers(config, 'conversation.updated'), ...collectLoggers(config, 'hook.executed')])
    if (!outputs.has(l.output)) outputs.set(l.output, l);
  for (const logger of outputs.values()) {
    const file = resolveInWorkspace(root, logger.output);
    if (file === undefined) throw new ConfigurationError(`logger output '${logger.output}' is outside the repository`);
    // The same writer as the action's loggers: rotation, gzip and encryption as the logger's options say.
    const line = includesMetadata(logger) ? record : withoutMetadata(record);
    await appendAuditRecords(auditLogOptionsFor(logger, file, env), [line]);
  }
}
