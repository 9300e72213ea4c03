import type { CustomSecretRuleConfig } from '../core/secrets/types.js';
import type { CommandAction, PathAction, PatternAction, ScriptValidatorAction } from '../core/validators/types.js';

export type { CommandAction, CustomSecretRuleConfig, PathAction, PatternAction, ScriptValidatorAction };

/** The hooks config file (`.github/codex-hooks.yml`), documented in docs/configuration.md (the pipeline around it: docs/architecture.md). */

export const HOOK_EVENTS = ['prompt.submitted', 'response.generated', 'conversation.updated', 'hook.executed'] as const;
export type HookEvent = (typeof HOOK_EVENTS)[number];

export interface SecretScanAction {
  readonly type: 'secret-scan';
  /** Only an explicit `false` turns the built-in scanner off. */
  readonly enabled?: boolean;
  /** Values (regexes) that are never secrets. */
  readonly allow?: readonly string[];
  /** Globs of paths whose content is never scanned. */
  readonly allow_paths?: readonly string[];
  readonly rules?: readonly CustomSecretRuleConfig[];
  /** Path of a baseline file of accepted secrets. */
  readonly baseline?: string;
  /** True: an inline allow marker on a changed line keeps its secret out of the gate (never makes it sendable). */
  readonly inline_allow?: boolean;
}

export interface MemoryAction {
  readonly type: 'memory';
  readonly sources: readonly string[];
  readonly max_bytes?: number;
}

export interface LoggerOptions {
  /** Rotate by size; on unless `enabled: false`. */
  readonly rotate?: { readonly enabled?: boolean; readonly max_size_mb?: number; readonly max_files?: number };
  /** AES-256-GCM with the key in CODEX_HOOKS_AUDIT_KEY (or the variable `key_env` names). */
  readonly encrypt?: boolean;
  readonly key_env?: string;
  readonly compression?: 'gzip' | 'none';
  /** Default true: repository, PR, token fingerprint and scopes, sizes, latency. */
  readonly include_metadata?: boolean;
}

export interface LoggerAction {
  readonly type: 'logger';
  readonly output: string;
  /** Shorthand for `options.compression: gzip`. */
  readonly gzip?: boolean;
  /** JSON lines; `json` is the only format. */
  readonly format?: 'json';
  readonly options?: LoggerOptions;
}

export type HookAction =
  PatternAction | PathAction | CommandAction | ScriptValidatorAction | SecretScanAction | MemoryAction | LoggerAction;

export interface HookDefinition {
  readonly name: string;
  readonly description?: string;
  readonly events: readonly HookEvent[];
  /** Globs limiting the files the hook sees; every reviewed file by default. */
  readonly paths?: readonly string[];
  /** On prompt.submitted: findings at or above `fail-on` stop the request to the endpoint. */
  readonly block?: boolean;
  readonly actions: readonly HookAction[];
}

export interface HooksConfig {
  readonly version: 1;
  readonly hooks: readonly HookDefinition[];
}

/** Where a config came from, for messages and the summary. */
export interface LoadedConfig {
  readonly config: HooksConfig;
  /** `built-in defaults` or the file path (with ref). */
  readonly source: string;
}

export const DEFAULT_CONFIG: HooksConfig = { version: 1, hooks: [] };
