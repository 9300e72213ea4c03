import { parseArgs } from 'node:util';
import type { FailOn } from '../core/types.js';
import { ConfigurationError } from '../errors.js';
import { CODEX_EVENTS, type CodexEventName } from './codex-event.js';
import { defaultCacheDir } from './config-cache.js';
import { defaultFailurePolicy, type FailureMode, type FailurePolicy } from './policy.js';

/** The hook command's flags, read once. */
export interface CodexHookSettings {
  /** The hooks config, relative to the repository root. */
  readonly configPath: string;
  readonly failOn: FailOn;
  readonly failurePolicy: FailurePolicy;
  readonly cacheDir: string;
}

export const DEFAULT_CONFIG_PATH = '.github/codex-hooks.yml';
const FAIL_ON = ['error', 'warning', 'notice', 'never'] as const;

export function parseCodexHookSettings(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  home: string,
): CodexHookSettings {
  let values: Record<string, string | undefined> = {};
  // No flags is the common case (the command `init codex` writes): parseArgs would load two modules for nothing.
  if (argv.length > 0)
    try {
      ({ values } = parseArgs({
        args: [...argv],
        options: {
          config: { type: 'string' },
          'fail-on': { type: 'string' },
          'fail-open': { type: 'string' },
          'fail-closed': { type: 'string' },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      throw new ConfigurationError(`codex-hook: ${(error as Error).message}`);
    }
  const failOn = values['fail-on'] ?? 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn))
    throw new ConfigurationError(`--fail-on must be one of ${FAIL_ON.join(', ')}; got '${failOn}'`);
  const policy: Record<CodexEventName, FailureMode> = { ...defaultFailurePolicy() };
  for (const [flag, mode] of [
    ['fail-open', 'open'],
    ['fail-closed', 'closed'],
  ] as const) {
    for (const name of eventList(values[flag], flag)) policy[name] = mode;
  }
  return Object.freeze({
    configPath: values.config ?? DEFAULT_CONFIG_PATH,
    failOn: failOn as FailOn,
    failurePolicy: Object.freeze(policy),
    cacheDir: defaultCacheDir(env, home),
  });
}

/** `Stop,PostToolUse` or `all`. */
function eventList(value: string | undefined, flag: string): CodexEventName[] {
  if (value === undefined) return [];
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 1 && names[0] === 'all') return [...CODEX_EVENTS];
  for (const n of names) {
    if (!(CODEX_EVENTS as readonly string[]).includes(n))
      throw new ConfigurationError(`--${flag} takes Codex events (${CODEX_EVENTS.join(', ')}) or 'all'; got '${n}'`);
  }
  return names as CodexEventName[];
}
