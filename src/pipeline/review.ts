import { createFileFilter } from '../core/filter.js';
import { dedupeFindings } from '../core/findings.js';
import { decideGate } from '../core/gate.js';
import type { ChangedFile, FailOn, Finding, GateDecision, ReviewStats } from '../core/types.js';
import type { Logger } from '../logger.js';
import { prepareFiles, type PatchFallback, type PreparedFiles } from './prepare-files.js';
import { scanReviewFiles, type SecretHit } from './scan-secrets.js';

export interface PipelineOptions {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly failOn: FailOn;
}

export interface PipelinePorts {
  readonly logger: Logger;
  /** Runs one stage; the action wraps it in a log group. */
  readonly stage: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  /** Called with every raw secret found, before anything is printed (the runner masks it). */
  readonly onSecret: (value: string) => void;
  readonly fallback?: PatchFallback;
  readonly now: () => number;
}

export interface PipelineResult {
  readonly prepared: PreparedFiles;
  readonly findings: readonly Finding[];
  readonly secrets: readonly SecretHit[];
  readonly gate: GateDecision;
  readonly stats: ReviewStats;
  readonly notes: readonly string[];
}

/** The stages the action and the CLI share: filter → parse → local hooks → findings → gate. */
export async function runReviewPipeline(
  files: readonly ChangedFile[],
  options: PipelineOptions,
  ports: PipelinePorts,
): Promise<PipelineResult> {
  const started = ports.now();
  const { logger } = ports;
  const notes: string[] = [];

  const prepared = await ports.stage('Filter', async () => {
    const filter = createFileFilter({ include: options.include, exclude: options.exclude });
    const result = await prepareFiles(files, filter, ports.fallback);
    logger.info(
      `${files.length} changed files: ${result.reviewed.length} to review, ${result.skipped.length} left out`,
    );
    for (const s of result.skipped) logger.debug(`left out ${s.path}: ${s.reason}`);
    if (result.recovered > 0) logger.info(`${result.recovered} diffs GitHub omitted were read from local git history`);
    const unreviewable = result.skipped.filter((s) => !isFilterReason(s.reason));
    if (unreviewable.length > 0) {
      const note = `${unreviewable.length} files could not be reviewed (binary, or no diff available); they are listed below.`;
      logger.warning(note);
      notes.push(note);
    }
    return result;
  });

  const local = await ports.stage('Local hooks', async () => {
    const result = scanReviewFiles(prepared.reviewed);
    for (const s of result.secrets) ports.onSecret(s.match.secret);
    logger.info(`secret-scan: ${result.secrets.length} secrets in ${prepared.reviewed.length} files`);
    return result;
  });

  const findings = dedupeFindings(local.findings);
  const gate = decideGate(findings, options.failOn);
  const stats: ReviewStats = {
    files: files.length,
    filesScanned: prepared.reviewed.length,
    bytesScanned: prepared.reviewed.reduce((n, f) => n + f.parsed.added.reduce((m, l) => m + l.text.length + 1, 0), 0),
    durationMs: Math.max(0, Math.round(ports.now() - started)),
  };
  return { prepared, findings, secrets: local.secrets, gate, stats, notes };
}

/** Files the user chose to leave out, as opposed to files that could not be reviewed. */
export function isFilterReason(reason: string): boolean {
  return /^(excluded by|built-in exclude|not matched by include)/.test(reason);
}
