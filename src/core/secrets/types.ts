import type { Severity } from '../types.js';
import type { UserRuleBudget } from './rule-budget.js';

/** A credential format. Every rule carries its own examples, which a test runs. */
export interface SecretRule {
  /** Stable kebab-case id; it appears in findings, baselines and `[REDACTED:<id>]`. */
  readonly id: string;
  readonly description: string;
  /** Who issues the credential (e.g. `GitHub`); used to count coverage, not for matching. */
  readonly provider?: string;
  /** Lower-case literals; the rule's regex runs only in a window around a hit of one of them. */
  readonly keywords: readonly string[];
  /** Must not use nested or overlapping quantifiers. Compiled with the `g` flag by the scanner. */
  readonly pattern: RegExp;
  /** The capture group that holds the secret; 0 (the whole match) by default. */
  readonly secretGroup?: number;
  /** Shannon entropy floor (bits per character) of the secret. */
  readonly entropy?: number;
  readonly severity?: Severity;
  /** Structure or checksum check on the secret (and the whole match, for context); false drops it. */
  readonly validate?: (secret: string, match: string) => boolean;
  /** False for formats whose real values trip the placeholder filter (e.g. runs of `A`). Default true. */
  readonly placeholderFilter?: boolean;
  /** Characters searched before and after a keyword hit. Defaults: 80 before, 320 after. */
  readonly window?: { readonly before: number; readonly after: number };
  /**
   * When rules match overlapping text, the highest wins (one finding per secret).
   * 3: a provider's own prefix or checksum; 2: a provider named near the value; 1: generic.
   */
  readonly specificity?: number;
  readonly examples: { readonly positive: readonly string[]; readonly negative: readonly string[] };
  /** A pattern from the config: held to the run's per-line cap and time budget (`SecretScanOptions.userRuleBudget`). */
  readonly userPattern?: true;
}

/** A secret found in text. `secret` is the raw value: it stays in memory and never reaches an output. */
export interface SecretMatch {
  readonly ruleId: string;
  readonly description: string;
  readonly severity: Severity;
  /** 1-based line number as given by the caller's AddedLine. */
  readonly line: number;
  readonly endLine: number;
  /** 1-based column of the first character of the secret on `line`. */
  readonly column: number;
  /** 0-based offset of the secret's first character in the text that was scanned (lines joined with `\n`). */
  readonly offset: number;
  readonly secret: string;
  /** `secretFingerprint(ruleId, secret)`: stable across edits, used by baselines. */
  readonly fingerprint: string;
  /** The line carries an inline allow marker (only with `keepInlineAllowed`; such matches are dropped otherwise). */
  readonly inlineAllowed?: true;
}

export interface SecretScanOptions {
  /** Replaces the built-in rules. */
  readonly rules?: readonly SecretRule[];
  /** Added to `rules` (or the built-in rules): custom rules from the config. */
  readonly extraRules?: readonly SecretRule[];
  /** Values or regexes (as strings) that are never secrets. */
  readonly allow?: readonly string[];
  /** Fingerprints (see `secretFingerprint`) of accepted secrets, from a baseline file. */
  readonly baseline?: ReadonlySet<string>;
  /**
   * Return matches on a line with an inline allow marker (flagged `inlineAllowed`) instead of dropping them: in a
   * diff the marker is the change's own, and the secret must still be withheld from what is sent.
   */
  readonly keepInlineAllowed?: boolean;
  /** The run's per-line cap and time budget for the config's own rules (`userPattern`); unlimited without it. */
  readonly userRuleBudget?: UserRuleBudget;
}

/** A baseline file: accepted secrets by fingerprint, never by value or line. */
export interface BaselineFile {
  readonly version: 1;
  readonly fingerprints: readonly { readonly ruleId: string; readonly fingerprint: string }[];
}

/** A custom secret rule of the hooks config (`secret-scan.rules`); re-exported by src/config/types.ts. */
export interface CustomSecretRuleConfig {
  readonly id: string;
  readonly description?: string;
  readonly pattern: string;
  readonly keywords?: readonly string[];
  readonly severity?: Severity;
  readonly entropy?: number;
}
