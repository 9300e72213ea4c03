import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './run-action.js';

/**
 * The real Codex CLI binary for the tests that need it: `CODEX_BIN`, else the pinned version that
 * `scripts/install-codex.sh` puts in `.cache/codex` (`.ci/run` runs it; a user's `npm ci` does not).
 * Outside CI a missing binary skips those tests with `skipReason`; under `CI=true` it is an error, so
 * CI can never pass without running them.
 */
export function findCodexBinary(): { readonly bin?: string; readonly skipReason?: string } {
  const candidates = [process.env.CODEX_BIN, path.join(ROOT, '.cache', 'codex', 'node_modules', '.bin', 'codex')];
  const bin = candidates.find((c): c is string => Boolean(c) && existsSync(c as string));
  if (bin) return { bin };
  const reason =
    'the real Codex CLI is not installed: run `bash scripts/install-codex.sh` (CI does) to run these tests';
  if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
  return { skipReason: reason };
}
