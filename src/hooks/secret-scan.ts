import type * as Crypto from 'node:crypto';
import { Minimatch } from 'minimatch';
import type { CustomSecretRuleConfig, HookEvent, HooksConfig, SecretScanAction } from '../config/types.js';
import type { FindingDraft } from '../core/findings/finalize.js';
import {
  BUILTIN_RULES,
  compileCustomRules,
  InvalidSecretRuleError,
  parseBaseline,
  scanJoinedLines,
  secretHint,
  type SecretMatch,
  type SecretRule,
  createUserRuleBudget,
  type UserRuleBudget,
} from '../core/secrets/index.js';
import type { PullRequest } from '../core/types.js';
import { deferBuiltin } from '../core/lazy-builtin.js';
import { ConfigurationError } from '../errors.js';
import { hooksFor } from './run-actions.js';
import type { HookPorts, ReviewFile, SecretHit } from './types.js';

const crypto = deferBuiltin<typeof Crypto>('node:crypto');

/** Name of the execution record of the built-in secret scan when no hook configures it. */
export const BUILTIN_SECRET_SCAN = 'secret-scan';

/** Custom secret rules from the config, compiled by the scanner itself (patterns were checked at load time). */
export function toSecretRules(configs: readonly CustomSecretRuleConfig[]): SecretRule[] {
  try {
    return compileCustomRules(configs);
  } catch (error) {
    // The user wrote the rule: say so as a configuration error, as every other config problem.
    if (error instanceof InvalidSecretRuleError) throw new ConfigurationError(error.message);
    throw error;
  }
}

export interface SecretSettings {
  readonly enabled: boolean;
  readonly hook: string;
  readonly allow: string[];
  readonly allowPaths: Minimatch[];
  readonly rules: readonly SecretRule[] | undefined;
  /** Path of a baseline file of accepted secrets, read at the trusted ref. */
  readonly baseline: string | undefined;
  /** The config lets inline allow markers on changed lines keep a secret out of the gate. */
  readonly inlineAllow: boolean;
}

/** The accepted secrets of a baseline file; a missing or unreadable baseline is a warning, never a crash. */
export async function readBaseline(
  path: string | undefined,
  ports: HookPorts,
): Promise<ReadonlySet<string> | undefined> {
  if (path === undefined) return undefined;
  const text = await ports.readRepositoryFile(path);
  if (text === undefined) {
    ports.logger.warning(`secret-scan: the baseline file '${path}' does not exist; no secret is baselined`);
    return undefined;
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    ports.logger.warning(
      `secret-scan: the baseline file '${path}' is not valid (${error instanceof Error ? error.message : String(error)}); no secret is baselined`,
    );
    return undefined;
  }
}

/** The built-in scan, tuned by every `secret-scan` action of the event's hooks. */
export function secretSettings(config: HooksConfig, event: HookEvent): SecretSettings {
  const actions: { hook: string; action: SecretScanAction }[] = [];
  for (const hook of hooksFor(config, event)) {
    for (const a of hook.actions) if (a.type === 'secret-scan') actions.push({ hook: hook.name, action: a });
  }
  const custom = actions.flatMap((a) => a.action.rules ?? []);
  return {
    enabled: !actions.some((a) => a.action.enabled === false),
    hook: actions[0]?.hook ?? BUILTIN_SECRET_SCAN,
    allow: actions.flatMap((a) => [...(a.action.allow ?? [])]),
    allowPaths: actions.flatMap((a) => (a.action.allow_paths ?? []).map((g) => new Minimatch(g, { dot: true }))),
    rules: custom.length > 0 ? [...BUILTIN_RULES, ...toSecretRules(custom)] : undefined,
    baseline: actions.find((a) => a.action.baseline !== undefined)?.action.baseline,
    inlineAllow: actions.some((a) => a.action.inline_allow === true),
  };
}
export function secretDraft(path: string, line: number, match: SecretMatch, source: string, where = ''): FindingDraft {
  const hint = secretHint(match.secret);
  return {
    ruleId: match.ruleId,
    category: 'secret',
    severity: match.severity,
    path,
    line,
    endLine: line === match.line ? match.endLine : line,
    column: match.column,
    message: `${match.description} found${where} (${hint})`,
    // A hash, so the fingerprint follows the secret without carrying it.
    anchor: crypto().createHash('sha256').update(match.secret).digest('hex'),
    redacted: hint,
    source,
  };
}

/** What the secret scan reads besides the reviewed files. */
export interface SecretScanExtra {
  /** Changed files that are not reviewed (filtered out, or read whole from the workspace) but still scanned. */
  readonly scanOnly?: readonly ReviewFile[];
  /** Its title, refs and author are scanned too: they go to the endpoint and are PR content. */
  readonly pullRequest?: Pick<PullRequest, 'title' | 'headRef' | 'baseRef' | 'author' | 'description'>;
}

/**
 * The built-in scan over every changed file's added lines, every file name (and old name), and the pull
 * request's title, refs and author. A secret in a name is a finding on that file (line 0); one in the pull
 * request's fields is a finding on its first changed file, saying where it is.
 */
export function scanForSecrets(
  files: readonly ReviewFile[],
  pr: SecretScanExtra['pullRequest'],
  scan: SecretSettings,
  baseline: ReadonlySet<string> | undefined,
  budget: UserRuleBudget | undefined,
): { secrets: SecretHit[]; drafts: FindingDraft[] } {
  const secrets: SecretHit[] = [];
  const drafts: FindingDraft[] = [];
  const options = {
    allow: scan.allow,
    ...(scan.rules ? { rules: scan.rules } : {}),
    ...(baseline ? { baseline } : {}),
    ...(budget ? { userRuleBudget: budget } : {}),
    keepInlineAllowed: true,
  };
  const add = (path: string, line: number, match: SecretMatch, where = '', hitPath = path) => {
    // Withheld or redacted whatever the marker says: a marker never makes a secret sendable.
    secrets.push({ path: hitPath, match });
    if (match.inlineAllowed && scan.inlineAllow && where === '') return;
    const ignored =
      match.inlineAllowed && where === '' ? ' (its inline allow marker is ignored: see inline_allow)' : '';
    drafts.push(secretDraft(path, line, match, scan.hook, `${where}${ignored}`));
  };
  const inName = (text: string) => scanJoinedLines(text.replace(/[/\\\r\n]/g, ' '), () => 0, options);
  for (const f of files) {
    const { path, previousPath } = f.file;
    if (scan.allowPaths.some((g) => g.match(path))) continue;
    const { parsed } = f;
    for (const match of scanJoinedLines(parsed.addedText, (i) => parsed.addedLineNumber(i), options)) {
      add(path, match.line, match);
    }
    for (const match of inName(path)) add(path, 0, match, ' in the file name');
    if (previousPath !== undefined) {
      for (const match of inName(previousPath)) add(path, 0, match, " in the file's previous name");
    }
  }
  const first = files[0]?.file.path;
  if (pr && first !== undefined) {
    const fields = [
      ['title', pr.title],
      ['head branch', pr.headRef],
      ['base branch', pr.baseRef],
      ['author', pr.author],
      ['description', pr.description ?? ''],
    ] as const;
    for (const [name, text] of fields) {
      // No file holds it: the hit withholds no file, the redactor clears the field wherever it is sent.
      for (const match of inName(text)) add(first, 0, match, ` in the pull request's ${name}`, '');
    }
  }
  return { secrets, drafts };
}

/** The run's budget for the config's own secret rules; none when the config has none. */
export function userRuleBudget(scan: SecretSettings, ports: HookPorts): UserRuleBudget | undefined {
  if (!scan.rules?.some((r) => r.userPattern)) return undefined;
  return createUserRuleBudget(() => ports.now().getTime());
}
