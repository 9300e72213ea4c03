import type { ChangedFile } from '../core/types.js';
import { defaultHooksConfig, parseHooksConfig } from './load.js';
import type { LoadedConfig } from './types.js';

export interface ConfigSourceOptions {
  /** Path of the config file in the repository, e.g. `.github/codex-hooks.yml`. */
  readonly path: string;
  /** `base`: the PR's base commit (trusted); `head`: the PR's own version. */
  readonly ref: 'base' | 'head';
  /** Short description of the ref for messages, e.g. `base 1a2b3c4`. */
  readonly refLabel: string;
  readonly read: (path: string) => Promise<string | undefined>;
  /** The PR's files, to say when the PR changes its own config. */
  readonly changedFiles?: readonly ChangedFile[];
}

export interface ConfigSource extends LoadedConfig {
  /** Said in the summary: the PR changes the config, or the built-in defaults apply. */
  readonly notes: string[];
}

/**
 * Loads the hooks config. With `ref: base` the file comes from the base commit, so a pull request cannot
 * switch its own gate off; a change it makes to the config takes effect after merge, and the summary says so.
 */
export async function loadConfigSource(options: ConfigSourceOptions): Promise<ConfigSource> {
  const notes: string[] = [];
  const changed = options.changedFiles?.some((f) => f.path === options.path || f.previousPath === options.path);
  if (changed && options.ref === 'base') {
    notes.push(
      `This pull request changes ${options.path}; the gate uses the version at the base commit. The change takes effect once merged.`,
    );
  } else if (changed) {
    notes.push(
      `This pull request changes ${options.path}, and config-ref is head: the gate uses the pull request's own version.`,
    );
  }
  const text = await options.read(options.path);
  if (text === undefined) {
    return {
      config: defaultHooksConfig(),
      source: `built-in defaults (no ${options.path} at ${options.refLabel})`,
      notes,
    };
  }
  // A config error throws ConfigurationError naming file, line, column and key.
  return { config: parseHooksConfig(text, options.path), source: `${options.path} at ${options.refLabel}`, notes };
}
