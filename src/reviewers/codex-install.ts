import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../logger.js';

/**
 * Finds the Codex CLI: `codex` on PATH, else the pinned `@openai/codex` in the runner's tool cache
 * (`$RUNNER_TOOL_CACHE/codex/<version>/x64`, the @actions/tool-cache layout with its `.complete` marker),
 * installed there with npm when missing. Every step is logged.
 */

/** The version the action pins (package.json `config.codexVersion` of this repository). */
export const PINNED_CODEX_VERSION = '0.171.0';

export interface FindCodexOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly logger: Logger;
  readonly version?: string;
}

export async function findOrInstallCodex(options: FindCodexOptions): Promise<string> {
  const { env, logger } = options;
  const onPath = await findOnPath('codex', env.PATH ?? '');
  if (onPath) {
    logger.info(`Codex CLI: ${onPath} (on PATH)`);
    return onPath;
  }
  const version = options.version ?? PINNED_CODEX_VERSION;
  const cacheRoot = env.RUNNER_TOOL_CACHE;
  if (!cacheRoot)
    throw new Error('the Codex CLI is not on PATH and RUNNER_TOOL_CACHE is not set: install @openai/codex first');
  const dir = path.join(cacheRoot, 'codex', version, 'x64');
  const binary = path.join(dir, 'node_modules', '.bin', 'codex');
  if (await exists(`${dir}.complete`)) {
    logger.info(`Codex CLI: ${binary} (tool cache, @openai/codex ${version})`);
    return binary;
  }
  logger.info(`Codex CLI: not on PATH; installing @openai/codex@${version} into the tool cache (${dir})`);
  await mkdir(dir, { recursive: true });
  // No shell: fixed arguments. --ignore-scripts is not used: the binary arrives as an optional dependency.
  await promisify(execFile)(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefix', dir, `@openai/codex@${version}`],
    {
      env: { ...installEnv(env), npm_config_loglevel: 'error' },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  await writeFile(`${dir}.complete`, '');
  logger.info(`Codex CLI: installed @openai/codex@${version} at ${binary}`);
  return binary;
}

/**
 * What npm must not pass to an install script: the action's inputs (the API key among them), the runner's and
 * GitHub's tokens, the model keys. npm's own settings (registry, proxy, cache, NODE_AUTH_TOKEN for an .npmrc
 * that names it) stay.
 */
const NOT_FOR_NPM =
  /^(INPUT_.*|GITHUB_TOKEN|GH_TOKEN|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN_REQUEST_TOKEN|CODEX_TOKEN|OPENAI_API_KEY|AZURE_OPENAI_API_KEY|CODEX_HOOKS_AUDIT_KEY)$/i;

function installEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && !NOT_FOR_NPM.test(name)) out[name] = value;
  return out;
}

async function findOnPath(name: string, pathList: string): Promise<string | undefined> {
  for (const dir of pathList.split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, name);
    if (await exists(candidate, constants.X_OK)) return candidate;
  }
  return undefined;
}

async function exists(file: string, mode = constants.F_OK): Promise<boolean> {
  return access(file, mode).then(
    () => true,
    () => false,
  );
}
