import type { FindingDraft } from '../findings/finalize.js';
import type { Severity } from '../types.js';
import type { PatternLimit } from './pattern-limits.js';

/** Who a validator reports as: the rule id of its findings and the hook they come from. */
export interface ValidatorContext {
  readonly ruleId: string;
  readonly source: string;
}

/** What every validator returns: drafts (the engine fingerprints them all at once) and notes for the summary. */
export interface ValidatorOutput {
  readonly findings: FindingDraft[];
  readonly notes: string[];
  /** Where a user pattern did not see all the text (its notes say it too): the engine also warns about each. */
  readonly limits?: readonly PatternLimit[];
}

// The config's validator actions (.github/codex-hooks.yml): declared here, beside the validators that run them,
// so the pure core needs nothing from src/config; src/config/types.ts re-exports them.

export interface PatternAction {
  readonly type: 'pattern';
  readonly pattern: string;
  /** `forbid` (default): a matching added line is a finding. `require`: a file without a match is. */
  readonly mode?: 'forbid' | 'require';
  readonly flags?: string;
  readonly severity?: Severity;
  readonly message?: string;
  readonly fix?: string;
}

export interface PathAction {
  readonly type: 'path';
  /** Globs of paths that may not be added or changed. */
  readonly forbid?: readonly string[];
  /** Largest allowed size of an added or changed file, in bytes. */
  readonly max_bytes?: number;
  /** A companion file that must change too, e.g. `{ when: "src/**\/*.ts", require: "test/**\/{name}.test.ts" }`. */
  readonly companion?: { readonly when: string; readonly require: string };
  readonly severity?: Severity;
  readonly message?: string;
}

export interface CommandAction {
  readonly type: 'command';
  /** argv, never a shell string. `{files}` is replaced by the changed files; otherwise they are appended. */
  readonly run: readonly string[];
  readonly format?: 'unix' | 'sarif' | 'json' | 'exit-code';
  readonly severity?: Severity;
  /** Seconds. */
  readonly timeout?: number;
  readonly message?: string;
}

/** The seed's inline-script validator: the event as JSON, `event` bound for Python; failure blocks. */
export interface ScriptValidatorAction {
  readonly type: 'validator';
  readonly script: string;
  /** The interpreter (python3, node, bash…); default the script's shebang, else python3. */
  readonly runtime?: string;
  readonly severity?: Severity;
  /** Seconds. */
  readonly timeout?: number;
  /** Prefix of the finding message (the script's own message follows). */
  readonly message?: string;
}
