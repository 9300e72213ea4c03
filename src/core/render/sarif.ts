import type { Log, ReportingDescriptor, Result } from 'sarif';
import { sortFindings } from '../findings/finalize.js';
import { BUILTIN_RULES } from '../secrets/index.js';
import type { Finding, Severity } from '../types.js';
import { PRODUCT, VERSION } from '../version.js';

/** The schema URI every SARIF 2.1.0 log names. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The key of `partialFingerprints` that carries the finding's fingerprint. Bump the version if the fingerprint changes. */
export const SARIF_FINGERPRINT_KEY = 'codexHooks/v1';
export const SARIF_TOOL_NAME = 'codex-hooks';
export const SARIF_INFORMATION_URI = 'https://github.com/codex-hooks/codex-hooks-action';

export interface SarifOptions {
  /** Default `https://github.com/codex-hooks/codex-hooks-action`. */
  readonly informationUri?: string;
  /** Absolute `file://` URI of the repository root, for `originalUriBaseIds` (optional; GitHub does not need it). */
  readonly srcRoot?: string;
  /** `runAutomationDetails.id`, e.g. `codex-hooks/`; upload-sarif's `category` does the same. */
  readonly automationId?: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };

const SECRET_DESCRIPTIONS = new Map(BUILTIN_RULES.map((r) => [r.id, r.description]));

/**
 * A SARIF 2.1.0 log of the findings, for GitHub code scanning (github/codeql-action/upload-sarif) and other
 * SARIF viewers. Pure: the same findings give the same log. Findings are already redacted; nothing is added
 * here that a finding does not carry (no line text, no suggestion).
 */
export function renderSarif(findings: readonly Finding[], options: SarifOptions = {}): Log {
  const sorted = sortFindings(findings);
  const rules: ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  for (const f of sorted) {
    if (index.has(f.ruleId)) continue;
    index.set(f.ruleId, rules.length);
    // Sorted most severe first: the first finding of a rule gives its default level.
    rules.push(describeRule(f));
  }
  const results: Result[] = sorted.map((f) => toResult(f, index.get(f.ruleId)!));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SARIF_TOOL_NAME,
            fullName: PRODUCT,
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: options.informationUri ?? SARIF_INFORMATION_URI,
            rules,
          },
        },
        ...(options.automationId ? { automationDetails: { id: options.automationId } } : {}),
        ...(options.srcRoot ? { originalUriBaseIds: { '%SRCROOT%': { uri: withSlash(options.srcRoot) } } } : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function describeRule(f: Finding): ReportingDescriptor {
  const secret = f.category === 'secret' ? SECRET_DESCRIPTIONS.get(f.ruleId) : undefined;
  const short = oneLine(secret ?? f.title ?? f.ruleId);
  const help = helpFor(f, secret);
  const name = ruleName(f.ruleId);
  return {
    id: f.ruleId,
    // SARIF: a `name` identical to the `id` must be omitted (the Multitool's SARIF1001).
    ...(name !== f.ruleId ? { name } : {}),
    shortDescription: { text: short },
    // Code scanning requires a full description of every rule (GH2012), the config's and the endpoint's too.
    fullDescription: { text: secret ?? fullDescriptionFor(f, short) },
    defaultConfiguration: { level: LEVEL[f.severity] },
    help: { text: help },
    properties: {
      tags: f.category === 'secret' ? ['security', 'secret'] : [f.category],
      category: f.category,
    },
  };
}

function fullDescriptionFor(f: Finding, short: string): string {
  switch (f.category) {
    case 'secret':
      return short;
    case 'path':
      return `${short}: a path rule of the hook '${f.source}' in the repository's codex-hooks config.`;
    case 'validator':
      return `${short}: a check of the hook '${f.source}' in the repository's codex-hooks config.`;
    case 'ai':
      return `${short}: a finding of the AI review through the Codex hook endpoint.`;
  }
}

function helpFor(f: Finding, secretDescription: string | undefined): string {
  switch (f.category) {
    case 'secret':
      return `${secretDescription ?? 'A credential'} was added in this change. Remove it from the change, rotate it (it may already be in the history), and load it from a secret store at run time. See docs/secret-scanning.md.`;
    case 'path':
      return `A hook of the repository's codex-hooks config ('${f.source}') forbids this path. See docs/configuration.md.`;
    case 'validator':
      return `Reported by the hook '${f.source}' of the repository's codex-hooks config. See docs/configuration.md.`;
    case 'ai':
      return 'Reported by the Codex hook endpoint (AI review). See docs/hook-protocol.md.';
  }
}

function toResult(f: Finding, ruleIndex: number): Result {
  // A finding about the whole file (line 0) points at its first line: code scanning needs a region to
  // show a result (the Multitool's SARIF2017), and an empty file has no other.
  const start = Math.max(1, f.line);
  const region = {
    startLine: start,
    endLine: Math.max(start, f.endLine),
    ...(f.line > 0 && f.column !== undefined && f.column > 0 ? { startColumn: f.column } : {}),
  };
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    kind: 'fail',
    message: { text: f.message.trim() === '' ? f.ruleId : f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(f.path), uriBaseId: '%SRCROOT%' },
          region,
        },
      },
    ],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint },
    properties: {
      category: f.category,
      source: f.source,
      ...(f.redacted !== undefined ? { redacted: f.redacted } : {}),
    },
  };
}

/** A repository-relative path as a relative URI reference: forward slashes, each segment percent-encoded. */
export function toUri(filePath: string): string {
  return filePath
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** `aws-access-key-id` → `AwsAccessKeyId`; SARIF's `name` is an identifier-like form of the id. */
function ruleName(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
  return name === '' ? 'Rule' : name;
}

function oneLine(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 200 ? `${t.slice(0, 199)}…` : t;
}

function withSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}
