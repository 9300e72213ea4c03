import { readFileSync } from 'node:fs';
import { openAuditLog, auditLogOptionsFor } from '../../audit/index.js';
import { watchPolicyFile, type PolicyHolder } from './policy-file.js';
import { ConfigurationError, describeError } from '../../errors.js';
import { generateLocalToken, startHookServer, type StructuredLog } from './server.js';

/**
 * `codex-hooks hook-server [--port N] [--host ADDR] [--policy FILE] [--tls-cert F --tls-key F] [--audit-log FILE]`.
 * Without a policy the one token comes from CODEX_TOKEN only, and the server stays on loopback.
 */

export const HOOK_SERVER_USAGE =
  'usage: codex-hooks hook-server [--port N] [--host ADDR] [--policy FILE] [--tls-cert FILE --tls-key FILE] [--audit-log FILE]\n' +
  '  With --policy: access tokens, JWTs, scopes, IP allowlists and usage limits from the policy file (reloaded\n' +
  '  when it changes, or on SIGHUP); any --host. Without: one token from CODEX_TOKEN (generated and printed\n' +
  '  once if unset), loopback only. Logs are JSON lines on stderr; SIGTERM drains in-flight reviews.';

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
  readonly policy?: string;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
}

const VALUE_FLAGS: Readonly<Record<string, keyof HookServerArgs>> = {
  '--host': 'host',
  '--audit-log': 'auditLog',
  '--policy': 'policy',
  '--tls-cert': 'tlsCert',
  '--tls-key': 'tlsKey',
};

export function parseHookServerArgs(argv: readonly string[]): HookServerArgs {
  const args: Record<string, string | number> = { port: DEFAULT_HOOK_SERVER_PORT, host: '127.0.0.1' };
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
      if (!/^\d+$/.test(text) || Number(text) > 65_535)
        throw new ConfigurationError(`must be a port number 0–65535, not ${text}`, "option '--port'");
      args.port = Number(text);
    } else if (VALUE_FLAGS[flag] !== undefined) {
      args[VALUE_FLAGS[flag]] = value();
    } else if (flag === '--token') {
      throw new ConfigurationError(
        'is not accepted: a token on the command line ends up in shell history and process lists; set CODEX_TOKEN or use --policy',
        "option '--token'",
      );
    } else {
      throw new ConfigurationError(`unknown option\n${HOOK_SERVER_USAGE}`, `'${arg}'`);
    }
  }
  if ((args.tlsCert === undefined) !== (args.tlsKey === undefined))
    throw new ConfigurationError('--tls-cert and --tls-key go together');
  return args as unknown as HookServerArgs;
}

/** Runs until SIGINT/SIGTERM (or `io.signal`). Returns the exit status: 0, or 2 on a usage error. */
export async function runHookServerCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: HookServerCommandIo = {},
): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const log: StructuredLog = (level, event, fields = {}) =>
    void stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
  let server;
  let policy: PolicyHolder | undefined;
  try {
    const args = parseHookServerArgs(argv);
    let token: string | undefined;
    if (args.policy) {
      const file = args.policy;
      policy = watchPolicyFile(file, env, (outcome) =>
        outcome.ok
          ? log('info', 'policy-reloaded', { file })
          : log('error', 'policy-rejected', {
              file,
              error: describeError(outcome.error),
              kept: 'the last good policy',
            }),
      );
    } else {
      token = env.CODEX_TOKEN?.trim();
      if (!token) {
        token = generateLocalToken();
        // Printed once, for local use: the caller needs it to call the server.
        stderr.write(`CODEX_TOKEN is not set; this session's token is: ${token}\n`);
      }
    }
    const auditPath = args.auditLog ?? policy?.current().policy.audit?.output;
    const auditOptions = policy?.current().policy.audit;
    server = await startHookServer({
      port: args.port,
      host: args.host,
      ...(token ? { token } : {}),
      ...(policy ? { policy } : {}),
      ...(auditPath
        ? {
            auditLog: openAuditLog(
              auditLogOptionsFor(
                {
                  type: 'logger',
                  output: auditPath,
                  ...(auditOptions?.options ? { options: auditOptions.options } : {}),
                },
                auditPath,
                env,
              ),
            ),
          }
        : {}),
      ...(args.tlsCert && args.tlsKey
        ? { tls: { cert: readFileSync(args.tlsCert), key: readFileSync(args.tlsKey) } }
        : {}),
      log,
    });
  } catch (error) {
    stderr.write(`${describeError(error)}\n`);
    return error instanceof ConfigurationError ? 2 : 1;
  }
  stdout.write(`${server.url}\n`);
  log('info', 'listening', { url: server.url, policy: Boolean(policy) });
  await waitForStop(io.signal, () => {
    policy?.current();
    log('info', 'sighup', {});
  });
  log('info', 'draining', {});
  await server.close();
  log('info', 'stopped', {});
  return 0;
}

function waitForStop(signal: AbortSignal | undefined, onHangup: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    process.on('SIGHUP', onHangup);
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      process.off('SIGHUP', onHangup);
      resolve();
    };
    if (signal) {
      if (signal.aborted) return done();
      signal.addEventListener('abort', done, { once: true });
      return;
    }
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
