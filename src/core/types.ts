/**
 * The data that flows through the pipeline. Every stage takes and returns these; nothing here
 * knows about GitHub, the runner or the network.
 */

export type Severity = 'error' | 'warning' | 'notice';

/** Highest first: the order findings are reported and compared against `fail-on`. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

export type FileStatus = 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';

/** One file of a pull request or a local diff, as listed by GitHub or git. */
export interface ChangedFile {
  readonly path: string;
  readonly previousPath?: string;
  readonly status: FileStatus;
  readonly additions: number;
  readonly deletions: number;
  /** Unified-diff hunks without file headers (GitHub's `patch`). Absent when GitHub omitted it or the file is binary. */
  readonly patch?: string;
  /**
   * The whole text of a file whose every line counts as added and that has no diff (`codex-hooks scan`):
   * read in place of `patch`. See `parseWholeFile` and `patchOf`.
   */
  readonly content?: string;
  /** True when git or GitHub reported a binary change. */
  readonly binary?: boolean;
}

export interface PullRequest {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly title: string;
  readonly headSha: string;
  readonly baseSha: string;
  readonly headRef: string;
  readonly baseRef: string;
  readonly author: string;
  /** The pull request's description (its body), scanned for secrets; never sent to a reviewer. */
  readonly description?: string;
  readonly draft: boolean;
  /** The webhook action (`opened`, `synchronize`, …) or `local_review` from the CLI. */
  readonly action: string;
  /** For `synchronize`: the head before the push. */
  readonly beforeSha?: string;
  /** The PR's own count of changed files (`changed_files`), when the event says. */
  readonly changedFiles?: number;
}

/** An added line of a file, numbered in the new version of the file. */
export interface AddedLine {
  readonly line: number;
  readonly text: string;
}

export type FindingCategory = 'secret' | 'validator' | 'ai' | 'path';

/**
 * One problem, from any source. A finding never carries a raw secret: `message`, `redacted`
 * and `suggestion` are built from redacted text only.
 */
export interface Finding {
  readonly ruleId: string;
  readonly category: FindingCategory;
  readonly severity: Severity;
  readonly path: string;
  /** 1-based line in the head version of the file; 0 for a finding about the whole file. */
  readonly line: number;
  readonly endLine: number;
  readonly column?: number;
  readonly message: string;
  /** Survives line shifts: derived from the rule, the path and the content, never the line number. */
  readonly fingerprint: string;
  /** For secrets: a short hint such as `AKIA…` that is never enough to use. */
  readonly redacted?: string;
  readonly title?: string;
  /** Replacement text for lines startLine..line (endpoint suggestions). */
  readonly suggestion?: string;
  /** Where it came from: a local hook name, or `codex` for the endpoint. */
  readonly source: string;
}

export type Conclusion = 'success' | 'failure' | 'neutral';

export type FailOn = Severity | 'never';

export interface GateDecision {
  readonly conclusion: Conclusion;
  /** True when the step must fail. */
  readonly failed: boolean;
  readonly counts: Readonly<Record<Severity, number>>;
  /** The threshold the gate applied, and how many findings reached it. */
  readonly failOn: FailOn;
  readonly blocking: number;
  /** One sentence for the check run title and the log. */
  readonly reason: string;
}

/** Why a changed file was not reviewed: the user's choice (the first three) or a file that could not be. */
export type SkipKind = 'not-included' | 'excluded' | 'built-in-exclude' | 'binary' | 'no-diff';

/** Skips the user chose through include/exclude or the built-in excludes, as opposed to files that could not be reviewed. */
export const FILTER_SKIP_KINDS: ReadonlySet<SkipKind> = new Set(['not-included', 'excluded', 'built-in-exclude']);

/** A file the pipeline did not review, and why; reported in the summary, never dropped silently. */
export interface SkippedFile {
  readonly path: string;
  readonly kind: SkipKind;
  /** The sentence shown to people; decisions read `kind`. */
  readonly reason: string;
}

export interface ReviewStats {
  files: number;
  filesScanned: number;
  bytesScanned: number;
  durationMs: number;
}

/** The JSON report (`--format json`, the action's `report` output); docs/architecture.md lists the outputs. */
export interface JsonReport {
  readonly version: 1;
  readonly findings: readonly ReportFinding[];
  readonly stats: ReviewStats;
  readonly conclusion: Conclusion;
  readonly skipped?: readonly SkippedFile[];
  /** The AI review's backend and, for the model reviewers, its token usage and model requests. */
  readonly ai?: AiReportEntry;
}

export interface AiReportEntry {
  /** `openai: gpt-… at api.openai.com`, `endpoint: host`, `codex: …`. */
  readonly reviewer: string;
  readonly usage?: {
    readonly requests: number;
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly cachedTokens: number;
  };
}

export interface ReportFinding {
  readonly ruleId: string;
  readonly category: FindingCategory;
  readonly severity: Severity;
  readonly path: string;
  readonly line: number;
  readonly endLine: number;
  readonly column?: number;
  readonly message: string;
  readonly fingerprint: string;
  readonly redacted?: string;
}

/**
 * Protocol v1 (docs/hook-protocol.md): one comment of the endpoint's answer. Declared here so that the endpoint
 * client that reads it and the response.generated hooks that check it share one type.
 */
export interface HookComment {
  readonly path: string;
  readonly line: number;
  readonly start_line?: number;
  readonly side?: 'RIGHT' | 'LEFT';
  readonly severity?: Severity;
  readonly title?: string;
  readonly body: string;
  readonly suggestion?: string;
  readonly rule_id?: string;
}
