import { lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../errors.js';
import { mergeHooksFile, trustEntries, trustToml, type TrustEntry } from './hooks-file.js';

/** The command hooks.json runs when none is given: the hook's own lean bin, found on PATH. */
export const DEFAULT_HOOK_COMMAND = 'codex-hooks-codex-hook';

export interface InitCodexOptions {
  /** The repository root (for `.codex/hooks.json`), or undefined with `codexHome` for the user's hooks. */
  readonly repository?: string;
  /** `$CODEX_HOME` (default `~/.codex`): the user's hooks.json with `--user`. */
  readonly codexHome: string;
  readonly user: boolean;
  readonly command: string;
}

export interface InitCodexResult {
  readonly hooksPath: string;
  readonly changed: boolean;
  readonly trust: readonly TrustEntry[];
  /** The lines to add to `$CODEX_HOME/config.toml` so Codex runs the hooks without asking. */
  readonly trustToml: string;
}

/**
 * Writes (or merges into) Codex's hooks.json: the repository's `.codex/hooks.json`, or the user's
 * `$CODEX_HOME/hooks.json`. An existing file is merged, never clobbered, and left alone when nothing changes.
 * A symlink in the way is refused: a cloned repository must not make this write somewhere else.
 */
export function initCodexHooks(options: InitCodexOptions): InitCodexResult {
  const dir = options.user ? options.codexHome : path.join(options.repository ?? '.', '.codex');
  const hooksPath = path.join(dir, 'hooks.json');
  refuseSymlink(dir);
  refuseSymlink(hooksPath);
  let existing: unknown;
  let text: string | undefined;
  try {
    text = readFileSync(hooksPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== undefined) {
    try {
      existing = JSON.parse(text);
    } catch (error) {
      throw new ConfigurationError(
        `${hooksPath} is not valid JSON (${(error as Error).message}); fix it or move it away`,
      );
    }
  }
  let merged;
  try {
    merged = mergeHooksFile(existing, options.command);
  } catch (error) {
    throw new ConfigurationError(`${hooksPath}: ${(error as Error).message}`);
  }
  if (merged.changed) {
    mkdirSync(dir, { recursive: true });
    const temp = `${hooksPath}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(merged.file, null, 2) + '\n');
    renameSync(temp, hooksPath); // replaces the file itself, never a target it points to
  }
  // Codex keys trust by the real path of the file.
  const real = realpathSync(hooksPath);
  const trust = trustEntries(real, options.command, merged.positions);
  const project = options.user ? undefined : realpathSync(options.repository ?? '.');
  return { hooksPath, changed: merged.changed, trust, trustToml: trustToml(trust, project) };
}

function refuseSymlink(file: string): void {
  try {
    if (lstatSync(file).isSymbolicLink())
      throw new ConfigurationError(`${file} is a symbolic link; codex-hooks does not write through one`);
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
  }
}

/** What `init codex` prints: what was written, how Codex comes to trust it, and the lines that trust it. */
export function describeInit(result: InitCodexResult, user: boolean): string {
  const where = user ? 'your Codex hooks' : "the repository's Codex hooks";
  const trust = user
    ? 'Codex runs a hook only once it is trusted: run `codex`, open /hooks and trust them, or add these lines to\n$CODEX_HOME/config.toml (~/.codex/config.toml):'
    : 'Codex loads .codex/hooks.json only in a trusted project, and runs a hook only once it is trusted: run\n`codex` here, trust the project and then the hooks in /hooks, or add these lines to $CODEX_HOME/config.toml\n(~/.codex/config.toml):';
  return [
    `${result.changed ? 'Wrote' : 'Unchanged:'} ${result.hooksPath} (${where}: SessionStart, UserPromptSubmit, PreToolUse and PostToolUse on Bash|apply_patch, Stop).`,
    '',
    trust,
    '',
    result.trustToml.trimEnd(),
    '',
    'A trusted hash covers the command and its timeout: change either and trust it again (run this command again).',
    '',
  ].join('\n');
}
