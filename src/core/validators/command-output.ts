import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandAction } from './types.js';
import type { ParsedPatch } from '../diff/index.js';
import type { FindingDraft } from '../findings/finalize.js';
import type { Severity } from '../types.js';
import type { ValidatorContext, ValidatorOutput } from './types.js';

export type CommandOutputFormat = NonNullable<CommandAction['format']>;

/** One problem as a linter reported it, before it is placed on the diff. */
export interface ToolDiagnostic {
  readonly path: string;
  /** 0 when the tool gave no line (a file-level problem). */
  readonly line: number;
  readonly column?: number;
  readonly message: string;
  readonly severity?: Severity;
  readonly ruleId?: string;
}

export interface ParsedCommandOutput {
  readonly diagnostics: ToolDiagnostic[];
  /** Output that could not be read in the expected format, e.g. "3 lines were not JSON". */
  readonly notes: string[];
  /** Lines or results that were not understood. */
  readonly malformed: number;
}

export interface CommandOutput {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Parses a linter's output. Never throws: what it cannot read is counted and described in `notes`. */
export function parseCommandOutput(
  format: CommandOutputFormat,
  output: CommandOutput,
  options: { readonly workspace: string; readonly tool: string },
): ParsedCommandOutput {
  switch (format) {
    case 'unix':
      return parseUnix(`${output.stdout}\n${output.stderr}`, options.workspace);
    case 'json':
      return parseJsonLines(output.stdout, options);
    case 'sarif':
      return parseSarif(output.stdout, options);
    case 'exit-code':
      return { diagnostics: [], notes: [], malformed: 0 };
  }
}

const UNIX_LINE = /^(.+?):(\d+):(?:(\d+):)?\s*(.+)$/;
const ESLINT_SUFFIX = /\s*\[(Error|Warning)\/([^\]\s]+)\]$/;
const LEVEL_PREFIX = /^(error|warning|warn|note|notice|info)\s*:\s*/i;

function parseUnix(text: string, workspace: string): ParsedCommandOutput {
  const diagnostics: ToolDiagnostic[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const m = UNIX_LINE.exec(line);
    if (!m) continue; // summaries and blank lines are normal in unix output
    let message = m[4]!.trim();
    let severity: Severity | undefined;
    let ruleId: string | undefined;
    const eslint = ESLINT_SUFFIX.exec(message);
    if (eslint) {
      severity = eslint[1] === 'Error' ? 'error' : 'warning';
      ruleId = eslint[2];
      message = message.slice(0, eslint.index);
    }
    const level = LEVEL_PREFIX.exec(message);
    if (level) {
      severity ??= toSeverity(level[1]!);
      message = message.slice(level[0].length);
    }
    diagnostics.push({
      path: normalizeToolPath(m[1]!, workspace),
      line: Number(m[2]),
      ...(m[3] !== undefined ? { column: Number(m[3]) } : {}),
      message,
      ...(severity ? { severity } : {}),
      ...(ruleId ? { ruleId } : {}),
    });
  }
  return { diagnostics, notes: [], malformed: 0 };
}

function parseJsonLines(
  text: string,
  options: { readonly workspace: string; readonly tool: string },
): ParsedCommandOutput {
  const diagnostics: ToolDiagnostic[] = [];
  let malformed = 0;
  const trimmed = text.trim();
  let items: unknown[];
  if (trimmed.startsWith('[')) {
    // A single JSON array is accepted too.
    try {
      items = JSON.parse(trimmed) as unknown[];
    } catch {
      items = [];
      malformed++;
    }
  } else {
    items = [];
    for (const line of trimmed.split('\n')) {
      if (line.trim() === '') continue;
      try {
        items.push(JSON.parse(line));
      } catch {
        malformed++;
      }
    }
  }
  for (const item of Array.isArray(items) ? items : []) {
    const d = readJsonDiagnostic(item, options.workspace);
    if (d) diagnostics.push(d);
    else malformed++;
  }
  const notes =
    malformed > 0
      ? [
          `${options.tool}: ${malformed} line${malformed === 1 ? '' : 's'} of output ${malformed === 1 ? 'was' : 'were'} not a JSON diagnostic {path, line, message} and ${malformed === 1 ? 'was' : 'were'} ignored`,
        ]
      : [];
  return { diagnostics, notes, malformed };
}

function readJsonDiagnostic(item: unknown, workspace: string): ToolDiagnostic | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const o = item as Record<string, unknown>;
  const path = typeof o.path === 'string' ? o.path : typeof o.file === 'string' ? o.file : undefined;
  if (path === undefined || typeof o.message !== 'string') return undefined;
  const line = o.line === undefined ? 0 : Number(o.line);
  if (!Number.isInteger(line) || line < 0) return undefined;
  const column = Number(o.column);
  const severity = typeof o.severity === 'string' ? toSeverity(o.severity) : undefined;
  const rule = typeof o.rule === 'string' ? o.rule : typeof o.ruleId === 'string' ? o.ruleId : undefined;
  return {
    path: normalizeToolPath(path, workspace),
    line,
    ...(Number.isInteger(column) && column > 0 ? { column } : {}),
    message: o.message,
    ...(severity ? { severity } : {}),
    ...(rule ? { ruleId: rule } : {}),
  };
}

interface SarifLocation {
  physicalLocation?: {
    artifactLocation?: { uri?: string; uriBaseId?: string; index?: number };
    region?: { startLine?: number; startColumn?: number };
  };
}
interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  level?: string;
  message?: { text?: string; markdown?: string };
  locations?: SarifLocation[];
}
interface SarifRun {
  tool?: {
    driver?: {
      rules?: { id?: string; shortDescription?: { text?: string }; defaultConfiguration?: { level?: string } }[];
    };
  };
  originalUriBaseIds?: Record<string, { uri?: string }>;
  artifacts?: { location?: { uri?: string } }[];
  results?: SarifResult[];
}

function parseSarif(text: string, options: { readonly workspace: string; readonly tool: string }): ParsedCommandOutput {
  let log: { runs?: SarifRun[] };
  try {
    log = JSON.parse(text) as { runs?: SarifRun[] };
  } catch (error) {
    return {
      diagnostics: [],
      notes: [`${options.tool}: the output is not SARIF JSON (${(error as Error).message}); nothing was read from it`],
      malformed: 1,
    };
  }
  if (typeof log !== 'object' || log === null || !Array.isArray(log.runs)) {
    return {
      diagnostics: [],
      notes: [`${options.tool}: the output has no SARIF 'runs' array; nothing was read from it`],
      malformed: 1,
    };
  }
  const diagnostics: ToolDiagnostic[] = [];
  let malformed = 0;
  for (const run of log.runs) {
    const rules = run.tool?.driver?.rules ?? [];
    for (const result of run.results ?? []) {
      const rule = result.ruleIndex !== undefined ? rules[result.ruleIndex] : rules.find((r) => r.id === result.ruleId);
      const ruleId = result.ruleId ?? rule?.id;
      const physical = result.locations?.[0]?.physicalLocation;
      const artifact = physical?.artifactLocation;
      let uri =
        artifact?.uri ?? (artifact?.index !== undefined ? run.artifacts?.[artifact.index]?.location?.uri : undefined);
      const message = result.message?.text ?? result.message?.markdown ?? rule?.shortDescription?.text ?? ruleId;
      if (uri === undefined || message === undefined) {
        malformed++;
        continue;
      }
      const base = artifact?.uriBaseId ? run.originalUriBaseIds?.[artifact.uriBaseId]?.uri : undefined;
      if (base !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(uri)) uri = base.replace(/\/?$/, '/') + uri;
      const level = result.level ?? rule?.defaultConfiguration?.level ?? 'warning';
      const line = physical?.region?.startLine ?? 0;
      const column = physical?.region?.startColumn;
      diagnostics.push({
        path: normalizeToolPath(uri, options.workspace),
        line,
        ...(column !== undefined ? { column } : {}),
        message,
        severity: toSeverity(level),
        ...(ruleId ? { ruleId } : {}),
      });
    }
  }
  const notes =
    malformed > 0
      ? [
          `${options.tool}: ${malformed} SARIF result${malformed === 1 ? '' : 's'} without a file location or message ${malformed === 1 ? 'was' : 'were'} ignored`,
        ]
      : [];
  return { diagnostics, notes, malformed };
}

function toSeverity(level: string): Severity {
  const l = level.toLowerCase();
  if (l === 'error' || l === 'fatal') return 'error';
  if (l === 'warning' || l === 'warn') return 'warning';
  return 'notice';
}

/**
 * Makes a tool's path comparable with the diff's: `file://` URIs and absolute paths inside the workspace
 * become relative, `./` and backslashes go. A path outside the workspace stays absolute (and matches nothing).
 */
export function normalizeToolPath(raw: string, workspace: string): string {
  let p = raw.trim();
  if (/^file:/i.test(p)) {
    try {
      p = fileURLToPath(p);
    } catch {
      p = p.replace(/^file:\/\//i, '');
    }
  } else if (/%[0-9a-f]{2}/i.test(p)) {
    try {
      p = decodeURIComponent(p);
    } catch {
      // keep it as written
    }
  }
  p = p.replace(/\\/g, '/');
  const ws = workspace.replace(/\\/g, '/').replace(/\/+$/, '');
  if (ws !== '' && p.startsWith(`${ws}/`)) p = p.slice(ws.length + 1);
  return posix.normalize(p).replace(/^\.\//, '');
}

export interface DiffMapping {
  readonly kept: ToolDiagnostic[];
  /** On a reviewed file, but on a line outside every hunk. */
  readonly outsideDiff: number;
  /** On a file that is not under review. */
  readonly notReviewed: number;
}

/**
 * Places diagnostics on the diff: kept when the file is reviewed and the line is in a hunk (added or
 * context: a line GitHub can comment on) or the diagnostic is file-level; otherwise dropped and counted.
 */
export function mapDiagnosticsToDiff(
  diagnostics: readonly ToolDiagnostic[],
  files: ReadonlyMap<string, ParsedPatch>,
): DiffMapping {
  const kept: ToolDiagnostic[] = [];
  let outsideDiff = 0;
  let notReviewed = 0;
  for (const d of diagnostics) {
    const parsed = files.get(d.path);
    if (!parsed) notReviewed++;
    else if (d.line <= 0) kept.push({ ...d, line: 0 });
    else if (parsed.commentable.right.has(d.line)) kept.push(d);
    else outsideDiff++;
  }
  return { kept, outsideDiff, notReviewed };
}

export interface CommandFindingsInput {
  readonly action: CommandAction;
  readonly output: CommandOutput;
  /** Every reviewed file, by path. */
  readonly files: ReadonlyMap<string, ParsedPatch>;
  /** The files that were passed to the command (where an `exit-code` finding goes). */
  readonly passed: readonly string[];
  readonly workspace: string;
}

/** Reads a command's output and turns it into findings on the diff; `error` when the tool itself failed. */
export function toCommandFindings(
  input: CommandFindingsInput,
  context: ValidatorContext,
): ValidatorOutput & { readonly error?: string } {
  const { action, output } = input;
  const format = action.format ?? 'unix';
  const program = action.run.join(' ');
  if (format === 'exit-code') {
    if (output.exitCode === 0) return { findings: [], notes: [] };
    return {
      findings: [
        {
          ruleId: context.ruleId,
          category: 'validator',
          severity: action.severity ?? 'error',
          path: input.passed[0] ?? '',
          line: 0,
          message: action.message ?? `'${program}' exited with status ${output.exitCode}`,
          anchor: `exit-code ${program}`,
          source: context.source,
        },
      ],
      notes: [],
    };
  }
  const parsed = parseCommandOutput(format, output, { workspace: input.workspace, tool: context.ruleId });
  const notes = [...parsed.notes];
  if (parsed.diagnostics.length === 0 && output.exitCode !== 0) {
    const printed = `${output.stdout}${output.stderr}`.trim() !== '';
    return {
      findings: [],
      notes,
      error: `'${program}' exited with status ${output.exitCode} and ${printed ? `printed nothing readable as ${format}` : 'printed nothing'}`,
    };
  }
  const mapping = mapDiagnosticsToDiff(parsed.diagnostics, input.files);
  const plural = (n: number) => `${n} finding${n === 1 ? '' : 's'}`;
  if (mapping.outsideDiff > 0)
    notes.push(
      `${context.ruleId}: ${plural(mapping.outsideDiff)} outside the diff ${mapping.outsideDiff === 1 ? 'was' : 'were'} not reported`,
    );
  if (mapping.notReviewed > 0)
    notes.push(
      `${context.ruleId}: ${plural(mapping.notReviewed)} on files not under review ${mapping.notReviewed === 1 ? 'was' : 'were'} not reported`,
    );
  const findings = mapping.kept.map((d): FindingDraft => ({
    ruleId: d.ruleId ? `${context.ruleId}/${d.ruleId}` : context.ruleId,
    category: 'validator',
    severity: action.severity ?? d.severity ?? 'warning',
    path: d.path,
    line: d.line,
    ...(d.column !== undefined ? { column: d.column } : {}),
    message: action.message ? `${action.message}: ${d.message}` : d.message,
    anchor: `${d.message}\n${lineText(input.files.get(d.path), d.line) ?? ''}`,
    source: context.source,
  }));
  return { findings, notes };
}

function lineText(parsed: ParsedPatch | undefined, line: number): string | undefined {
  if (!parsed || line <= 0) return undefined;
  for (const h of parsed.hunks)
    for (const l of h.lines) if (l.newLine === line && l.kind !== 'removed') return l.text.trim();
  return undefined;
}
