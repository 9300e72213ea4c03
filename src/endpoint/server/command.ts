import { readFileSync } from 'node:fs';
import { openAuditLog, auditLogOptionsFor, type AuditLog } from '../../audit/index.js';
import type { Logger } from '../../logger.js';
import { createModelReviewer } from '../../reviewers/index.js';
import { CLI_SETTING_NAMES } from '../../settings/setting-names.js';
import { BACKEND_NAMES, RULES_BACKEND, reviewerBackend, type BackendName, type ReviewBackend } from './backend.js';
import { watchPolicyFile, type PolicyHolder } from './policy-file.js';
import { ConfigurationError, describeError } from '../../errors.js';
import { generateLocalToken, startHookServer, type StructuredLog } from './server.js';

/**
 * `codex-hooks hook-server [--port N] [--host ADDR] [--policy FILE] [--tls-cert F --tls-key F] [--audit-log FILE]
 * [--backend rules|openai|codex --model M --base-url URL --model-timeout S]`.
 * Without a policy the one token comes from CODEX_TOKEN only, and the server stays on loopback. The model key
 * comes from OPENAI_API_KEY in the server's environment only: never a flag, never the policy.
 */

export const HOOK_SERVER_USAGE =
  'usage: codex-hooks hook-server [--port N] [--host ADDR] [--policy FILE] [--tls-cert FILE --tls-key FILE] [--audit-log FILE]\n' +
  '                               [--backend rules|openai|codex] [--model NAME] [--base-url URL] [--model-timeout SECONDS]\n' +
  '  --backend: who answers the reviews: rules (offline reference rules, the default), openai (the Responses API)\n' +
  "  or codex (the Codex CLI); overrides the policy's backend key. The model key is OPENAI_API_KEY of the server's\n" +
  '  environment (never a flag); --model or OPENAI_MODEL, --base-url or OPENAI_BASE_URL.\n' +
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
  readonly backend?: BackendName;
  readonly model?: string;
  readonly baseUrl?: string;
  /** Per model call; keep it under the workflow's hook-timeout (default 60 s). */
  readonly modelTimeoutSeconds: number;
}

export const DEFAULT_MODEL_TIMEOUT_SECONDS = 50;

const VALUE_FLAGS: Readonly<Record<string, keyof HookServerArgs>> = {
  '--host': 'host',
  '--audit-log': 'auditLog',
  '--policy': 'policy',
  '--tls-cert': 'tlsCert',
  '--tls-key': 'tlsKey',
  '--backend': 'backend',
  '--model': 'model',
  '--base-url': 'baseUrl',
};

export function parseHookServerArgs(argv: readonly string[]): HookServerArgs {
  const args: Record<string, string | number> = {
    port: DEFAULT_HOOK_SERVER_PORT,
    host: '127.0.0.1',
    modelTimeoutSeconds: DEFAULT_MODEL_TIMEOUT_SECONDS,
  };
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
    } else if (flag === '--model-timeout') {
      const text = value();
      if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 3600)
        throw new ConfigurationError(`must be seconds from 1 to 3600, not ${text}`, "option '--model-timeout'");
      args.modelTimeoutSeconds = Number(text);
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
  if (args.backend !== undefined && !(BACKEND_NAMES as readonly string[]).includes(String(args.backend)))
    throw new ConfigurationError(
      `must be one of ${BACKEND_NAMES.join(', ')}; got '${String(args.backend)}'`,
      "option '--backend'",
    );
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
  let backend: ReviewBackend;
  try {
    const args = parseHookServerArgs(argv);
    let token: string | undefined;
    if (args.policy) {
      policy = watchPolicy(args.policy, env, log);
    } else {
      token = env.CODEX_TOKEN?.trim();
      if (!token) {
        token = generateLocalToken();
        // Printed once, for local use: the caller needs it to call the server.
        stderr.write(`CODEX_TOKEN is not set; this session's token is: ${token}\n`);
      }
    }
    backend = await openBackend(args, policy?.current().policy.backend, env, log);
    const auditLog = openServerAuditLog(args.auditLog, policy, env);
    server = await startHookServer({
      port: args.port,
      host: args.host,
      ...(token ? { token } : {}),
      ...(policy ? { policy } : {}),
      ...(auditLog ? { auditLog } : {}),
      ...(args.tlsCert && args.tlsKey
        ? { tls: { cert: readFileSync(args.tlsCert), key: readFileSync(args.tlsKey) } }
        : {}),
      backend,
      log,
    });
  } catch (error) {
    stderr.write(`${describeError(error)}\n`);
    return error instanceof ConfigurationError ? 2 : 1;
  }
  stdout.write(`${server.url}\n`);
  log('info', 'listening', { url: server.url, policy: Boolean(policy), backend: backend.name, model: backend.model });
  await waitForStop(io.signal, () => {
    policy?.current();
    log('info', 'sighup', {});
  });
  log('info', 'draining', {});
  await server.close();
  log('info', 'stopped', {});
  return 0;
}

function watchPolicy(
  file: string,
  env: Readonly<Record<string, string | undefined>>,
  log: StructuredLog,
): PolicyHolder {
  return watchPolicyFile(file, env, (outcome) =>
    outcome.ok
      ? log('info', 'policy-reloaded', { file })
      : log('error', 'policy-rejected', { file, error: describeError(outcome.error), kept: 'the last good policy' }),
  );
}

function openServerAuditLog(
  flag: string | undefined,
  policy: PolicyHolder | undefined,
  env: Readonly<Record<string, string | undefined>>,
): AuditLog | undefined {
  const configured = policy?.current().policy.audit;
  const file = flag ?? configured?.output;
  if (!file) return undefined;
  const logger = {
    type: 'logger' as const,
    output: file,
    ...(configured?.options ? { options: configured.options } : {}),
  };
  return openAuditLog(auditLogOptionsFor(logger, file, env));
}

/**
 * The review backend: --backend, else the policy's `backend`, else the rules. A model backend takes its key
 * from the server's environment; the key never appears in a flag, the policy or a log line.
 */
async function openBackend(
  args: HookServerArgs,
  fromPolicy: BackendName | undefined,
  env: Readonly<Record<string, string | undefined>>,
  log: StructuredLog,
): Promise<ReviewBackend> {
  const name = args.backend ?? fromPolicy ?? 'rules';
  if (name === 'rules') return RULES_BACKEND;
  const apiKey = (env.OPENAI_API_KEY ?? '').trim();
  if (!apiKey)
    throw new ConfigurationError(
      `the ${name} backend needs OPENAI_API_KEY in the server's environment (never a flag or the policy)`,
      args.backend ? "option '--backend'" : "the policy's 'backend'",
    );
  const reviewer = await createModelReviewer(
    {
      kind: name,
      model: args.model ?? (env.OPENAI_MODEL ?? '').trim(),
      apiKey,
      baseUrl: args.baseUrl ?? (env.OPENAI_BASE_URL ?? '').trim(),
      timeoutMs: args.modelTimeoutSeconds * 1000,
      // The action retries 503/504 itself (with our Retry-After): retrying here too would multiply the calls.
      retries: 0,
      maxInputTokens: 100_000,
      maxOutputTokens: 8_000,
    },
    { logger: structuredLogger(log), env },
    // The server's model flags are the CLI's: --model, --base-url, OPENAI_API_KEY.
    CLI_SETTING_NAMES,
  );
  return reviewerBackend(reviewer);
}

/** The reviewers' Logger as structured lines (the Codex install says where the binary came from). */
function structuredLogger(log: StructuredLog): Logger {
  const line = (level: 'info' | 'warning' | 'error') => (message: string) => log(level, 'backend', { message });
  return {
    debug: () => undefined,
    info: line('info'),
    notice: line('info'),
    warning: line('warning'),
    error: line('error'),
  };
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
