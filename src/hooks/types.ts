import type { CommandRunner } from '../ports.js';
import type { HookEvent, HooksConfig } from '../config/types.js';
import type { ParsedPatch } from '../core/diff/index.js';
import type { SecretMatch } from '../core/secrets/index.js';
import type { ChangedFile, FailOn } from '../core/types.js';
import type { Logger } from '../logger.js';

export interface ReviewFile {
  readonly file: ChangedFile;
  readonly parsed: ParsedPatch;
  /** Size in bytes of the head version, for `max_bytes`. */
  readonly size?: number;
}

export interface HookPorts {
  readonly runCommand: CommandRunner;
  /** Reads a repository file at the trusted ref (base commit in the action); undefined when missing. */
  readonly readRepositoryFile: (path: string) => Promise<string | undefined>;
  readonly logger: Logger;
  readonly now: () => Date;
}

export interface HookRunOptions {
  readonly config: HooksConfig;
  readonly failOn: FailOn;
  readonly workspace: string;
  readonly ports: HookPorts;
  /**
   * Why `command` actions must not run in this job, if they must not: on `pull_request_target` the job holds
   * secrets, and a linter runs the code it is given (the PR's config and plugins).
   */
  readonly commandsRefused?: string;
}

/** A secret found by the scan. The raw value stays in memory: for redaction and blocking, never for output. */
export interface SecretHit {
  readonly path: string;
  readonly match: SecretMatch;
}

export interface HookExecution {
  readonly hook: string;
  readonly event: HookEvent;
  readonly findings: number;
  readonly durationMs: number;
  readonly error?: string;
}

export interface MemoryEntry {
  readonly source: string;
  readonly content: string;
}
