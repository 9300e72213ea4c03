import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, type HooksConfig } from '../config/types.js';
import { VERSION } from '../core/version.js';

export interface SessionConfig {
  readonly config: HooksConfig;
  /** `built-in defaults` or the file's path. */
  readonly source: string;
}

/**
 * The hooks config for a Codex hook, which runs on every prompt and tool call. Parsing YAML and compiling
 * the schema cost more than the rest of the hook, so a validated config is cached as JSON under a key made
 * of the file's content and this version: an edit, or an upgrade, is a new key. Only a miss loads the
 * parser, and a config error is never cached.
 */
export async function loadSessionConfig(root: string, configPath: string, cacheDir: string): Promise<SessionConfig> {
  const file = path.resolve(root, configPath);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { config: DEFAULT_CONFIG, source: `built-in defaults (no ${configPath})` };
    throw error;
  }
  const key = createHash('sha256').update(`${VERSION}\0${configPath}\0${text}`).digest('hex').slice(0, 32);
  const cached = path.join(cacheDir, `config-${key}.json`);
  try {
    return { config: JSON.parse(readFileSync(cached, 'utf8')) as HooksConfig, source: configPath };
  } catch {
    // not cached yet
  }
  const { parseHooksConfig } = await import('../config/load.js');
  const config = parseHooksConfig(text, configPath);
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    const temp = `${cached}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(config), { mode: 0o600 });
    renameSync(temp, cached);
  } catch {
    // A cache that cannot be written only costs the next hook the parse.
  }
  return { config, source: configPath };
}

/** The user's cache folder for codex-hooks: `$XDG_CACHE_HOME/codex-hooks`, else `~/.cache/codex-hooks`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv, home: string): string {
  const base =
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache');
  return path.join(base, 'codex-hooks');
}
