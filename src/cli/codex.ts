import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCodexHook } from '../codex-session/hook-command.js';
import { findRepositoryRoot } from '../codex-session/repository-root.js';
import { DEFAULT_HOOK_COMMAND, describeInit, initCodexHooks } from '../codex-session/init-codex.js';
import { ConfigurationError } from '../errors.js';
import { CODEX_HOOK_HELP, INIT_HELP } from './help.js';
import type { CliIo } from './main.js';

/** `codex-hooks init codex [--user] [--command CMD]` */
export async function initCommand(args: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        user: { type: 'boolean', default: false },
        command: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new ConfigurationError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(INIT_HELP);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'codex')
    throw new ConfigurationError(`init takes one target, 'codex'; got '${positionals.join(' ')}'`);
  const command = values.command ?? DEFAULT_HOOK_COMMAND;
  if (command.trim() === '' || /[\r\n]/.test(command))
    throw new ConfigurationError('--command must be one line that runs the hook, e.g. codex-hooks-codex-hook');
  const codexHome = io.env.CODEX_HOME ? path.resolve(io.cwd, io.env.CODEX_HOME) : path.join(os.homedir(), '.codex');
  const result = initCodexHooks({
    repository: findRepositoryRoot(io.cwd),
    codexHome,
    user: values.user,
    command,
  });
  io.stdout.write(describeInit(result, values.user));
  return 0;
}

/** `codex-hooks codex-hook`: the hook itself, for those who run it through the main CLI. */
export async function codexHook(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(CODEX_HOOK_HELP);
    return 0;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin ?? []) chunks.push(Buffer.from(chunk));
  return runCodexHook(args, {
    stdin: Buffer.concat(chunks).toString('utf8'),
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env,
  });
}
