import type { Severity } from '../types.js';

/** A credential format. Every rule carries its own examples, which a test runs. */
export interface SecretRule {
  readonly id: string;
  readonly description: string;
  /** Lower-case literals; the rule's regex runs only on text that contains one of them. */
  readonly keywords: readonly string[];
  /** Must not use nested or overlapping quantifiers. Compiled with the `g` flag by the scanner. */
  readonly pattern: RegExp;
  /** The capture group that holds the secret; 0 (the whole match) by default. */
  readonly secretGroup?: number;
  /** Shannon entropy floor (bits per character) of the secret. */
  readonly entropy?: number;
  readonly severity?: Severity;
  /** Structure or checksum check on the secret; false drops the match. */
  readonly validate?: (secret: string) => boolean;
  readonly examples: { readonly positive: readonly string[]; readonly negative: readonly string[] };
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
  readonly secret: string;
}

export interface SecretScanOptions {
  readonly rules?: readonly SecretRule[];
  /** Values or regexes (as strings) that are never secrets. */
  readonly allow?: readonly string[];
}
