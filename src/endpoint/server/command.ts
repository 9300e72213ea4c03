import { ConfigurationError, describeError } from '../../errors.js';
import { generateLocalToken, startHookServer } from './server.js';

/** `codex-hooks hook-server [--port N] [--host ADDR] [--audit-log FILE]`. The token comes from CODEX_TOKEN only. */

export const HOOK_SERVER_USAGE =
  'usage: codex-hooks hook-server [--port N] [--host 127.0.0.1] [--audit-log FILE]\n' +
  '  The expected token is read from the CODEX_TOKEN environment variable; if unset, one is generated and printed once.';

export const DEFAULT_HOOK_SERVER_PORT = 8787;

export interface HookServerCommandIo {
  readonly stdout?: { write(text: string): unknown };
  readonly stderr?: { write(text: string): unknown };
  /** Stops the server when aborted; default: SIGINT or SIGTERM. */
  readonly signal?: AbortSignal;
}

export interface HookServerArgs {
  readonly port: number;
  readonly host: string;
  readonly auditLog?: string;
}

export function parseHookServerArgs(argv: readonly string[]): HookServerArgs {
  let port = DEFAULT_HOOK_SERVER_PORT;
  let host = '127.0.0.1';
  let auditLog: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new ConfigurationError('needs a value', `option '${flag}'`);
      return v;
    };
    if (flag === '--port') {
      const text = value();
      port = Number(text);
      if (!/^\d+$/.test(text) || port > 65_535)
        throw new ConfigurationError(`must be a port number 0–65535, not ${text}`, "option '--port'");
    } else if (flag === '--host') {
      host = value();
    } else if (flag === '--audit-log') {
      auditLog = value();
    } else if (flag === '--token') {
      throw new ConfigurationError(
        'is not accepted: a token on the command line ends up in shell history and process lists; set CODEX_TOKEN instead',
        "option '--token'",
      );
    } else {
      throw new ConfigurationError(`unknown option\n${HOOK_SERVER_USAGE}`, `'${arg}'`);
    }
  }
  return { port, host, ...(auditLog ? { auditLog } : {}) };
}

/** Runs until SIGINT/SIGTERM (or `io.signal`). Returns the exit status: 0, or 2 on a usage error. */
export async function runHookServerCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: HookServerCommandIo = {},
): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let args: HookServerArgs;
  try {
    args = parseHookServerArgs(argv);
  } catch (error) {
    stderr.write(`${describeError(error)}\n`);
    return 2;
  }
  let token = env.CODEX_TOKEN?.trim();
  if (!token) {
    token = generateLocalToken();
    // Printed once, for local use: the caller needs it to call the server.
    stderr.write(`CODEX_TOKEN is not set; this session's token is: ${token}\n`);
  }
  let server;
  try {
    server = await startHookServer({
      port: args.port,
      host: args.host,
      token,
      ...(args.auditLog ? { auditLog: args.auditLog } : {}),
      logger: {
        debug: () => undefined,
        info: (m) => void stderr.write(`${m}\n`),
        notice: (m) => void stderr.write(`${m}\n`),
        warning: (m) => void stderr.write(`warning: ${m}\n`),
        error: (m) => void stderr.write(`error: ${m}\n`),
      },
    });
  } catch (error) {
    stderr.write(`${describeError(error)}\n`);
    return error instanceof ConfigurationError ? 2 : 1;
  }
  stdout.write(`${server.url}\n`);
  await new Promise<void>((resolve) => {
    if (io.signal) {
      if (io.signal.aborted) return resolve();
      io.signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
