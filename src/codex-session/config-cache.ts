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
 * parser, and a config error is never cached. The entry holds the text it was parsed from and is used only
 * when that text is the file's, so the key can be a fast hash (loading `crypto` cost more than the hit).
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
  const keyed = `${VERSION}\0${configPath}\0${text}`;
  const cached = path.join(cacheDir, `config-${hashKey(keyed)}.json`);
  try {
    const entry = JSON.parse(readFileSync(cached, 'utf8')) as Partial<CacheEntry>;
    if (entry.keyed === keyed && entry.config) return { config: entry.config, source: configPath };
  } catch {
    // not cached yet
  }
  const { parseHooksConfig } = await import('../config/load.js');
  const config = parseHooksConfig(text, configPath);
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    const temp = `${cached}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ keyed, config } satisfies CacheEntry), { mode: 0o600 });
    renameSync(temp, cached);
  } catch {
    // A cache that cannot be written only costs the next hook the parse.
  }
  return { config, source: configPath };
}

interface CacheEntry {
  readonly keyed: string;
  readonly config: HooksConfig;
}

/** 2 × 53 bits of a fast string hash (cyrb53, two seeds): a file name, not a proof; the entry is checked. */
export function hashKey(text: string): string {
  const lane = (seed: number) => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
  };
  return lane(1) + lane(2);
}

/** The user's cache folder for codex-hooks: `$XDG_CACHE_HOME/codex-hooks`, else `~/.cache/codex-hooks`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv, home: string): string {
  const base =
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache');
  return path.join(base, 'codex-hooks');
}
