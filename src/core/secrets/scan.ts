import type { AddedLine } from '../types.js';
import { shannonEntropy } from './entropy.js';
import { isPlaceholder, isSuppressedLine } from './filters.js';
import { secretFingerprint } from './fingerprint.js';
import { BUILTIN_RULES } from './rules/index.js';
import type { SecretMatch, SecretRule, SecretScanOptions } from './types.js';

const DEFAULT_WINDOW = { before: 80, after: 320 };
const TOKEN_CHAR = /[A-Za-z0-9_\-+/=]/;

/** A rule set prepared once: one keyword regex for the prefilter, each rule's regex with `g` and `d`. */
interface CompiledRules {
  readonly rules: readonly SecretRule[];
  readonly regexes: readonly RegExp[];
  /** Alternation of every keyword, run once over the lower-cased text. */
  readonly keywords: RegExp | undefined;
  readonly rulesByKeyword: ReadonlyMap<string, readonly number[]>;
  /** Rules without keywords (custom rules may omit them): they run over the whole text. */
  readonly everywhere: readonly number[];
}

const compiledCache = new WeakMap<readonly SecretRule[], CompiledRules>();

function compileRules(rules: readonly SecretRule[]): CompiledRules {
  const cached = compiledCache.get(rules);
  if (cached) return cached;
  const rulesByKeyword = new Map<string, number[]>();
  const everywhere: number[] = [];
  const regexes = rules.map((rule, index) => {
    const keywords = rule.keywords.map((k) => k.toLowerCase()).filter((k) => k.length > 0);
    if (keywords.length === 0) everywhere.push(index);
    for (const k of new Set(keywords)) {
      const list = rulesByKeyword.get(k) ?? [];
      list.push(index);
      rulesByKeyword.set(k, list);
    }
    const flags = new Set(rule.pattern.flags.split(''));
    flags.add('g');
    flags.add('d');
    flags.delete('y');
    return new RegExp(rule.pattern.source, [...flags].join(''));
  });
  // Longest first so that a keyword that extends another (`sk_live_` vs `sk_`) is reported as itself.
  const literals = [...rulesByKeyword.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const keywords = literals.length ? new RegExp(literals.map(escapeRegExp).join('|'), 'g') : undefined;
  const compiled: CompiledRules = { rules, regexes, keywords, rulesByKeyword, everywhere };
  compiledCache.set(rules, compiled);
  return compiled;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Candidate {
  readonly rule: number;
  readonly start: number;
  readonly end: number;
  readonly secret: string;
}

const combinedCache = new WeakMap<readonly SecretRule[], WeakMap<readonly SecretRule[], readonly SecretRule[]>>();

function selectRules(options: SecretScanOptions): readonly SecretRule[] {
  const base = options.rules ?? BUILTIN_RULES;
  const extra = options.extraRules;
  if (!extra || extra.length === 0) return base;
  // Keep the combined array stable so its compiled form is cached across calls.
  let inner = combinedCache.get(base);
  if (!inner) combinedCache.set(base, (inner = new WeakMap()));
  let combined = inner.get(extra);
  if (!combined) inner.set(extra, (combined = [...base, ...extra]));
  return combined;
}

/**
 * Finds secrets in added lines. Lines are joined with `\n` so multi-line secrets (PEM blocks) are seen
 * whole, and offsets are mapped back to the caller's (possibly non-contiguous) line numbers.
 *
 * One pass of a combined keyword regex finds where each rule could match; a rule's own regex then runs
 * only in a window around those hits, so the cost is one linear pass plus work near keywords.
 */
export function scanSecrets(lines: readonly AddedLine[], options: SecretScanOptions = {}): SecretMatch[] {
  const compiled = compileRules(selectRules(options));
  const text = lines.map((l) => l.text).join('\n');
  if (text.length === 0) return [];
  const lineStarts = new Array<number>(lines.length);
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    lineStarts[i] = offset;
    offset += lines[i]!.text.length + 1;
  }

  const windows = findWindows(text, compiled);
  const candidates: Candidate[] = [];
  for (const [ruleIndex, spans] of windows) {
    const rule = compiled.rules[ruleIndex]!;
    const re = compiled.regexes[ruleIndex]!;
    for (let i = 0; i < spans.length; i += 2) {
      collect(text, spans[i]!, spans[i + 1]!, rule, ruleIndex, re, candidates);
    }
  }

  const allow = (options.allow ?? []).map((a) => new RegExp(a));
  const matches: SecretMatch[] = [];
  for (const c of pickMostSpecific(candidates, compiled.rules)) {
    const rule = compiled.rules[c.rule]!;
    const startIndex = indexOfLine(lineStarts, c.start);
    if (isSuppressedLine(lines[startIndex]!.text)) continue;
    if (allow.some((a) => a.test(c.secret))) continue;
    const fingerprint = secretFingerprint(rule.id, c.secret);
    if (options.baseline?.has(fingerprint)) continue;
    const endIndex = indexOfLine(lineStarts, Math.max(c.start, c.end - 1));
    matches.push({
      ruleId: rule.id,
      description: rule.description,
      severity: rule.severity ?? 'error',
      line: lines[startIndex]!.line,
      endLine: lines[endIndex]!.line,
      column: c.start - lineStarts[startIndex]! + 1,
      secret: c.secret,
      fingerprint,
    });
  }
  return matches.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1));
}

/** Scans every line of `text`, numbered from 1 (endpoint responses, `codex-hooks scan`). */
export function scanText(text: string, options: SecretScanOptions = {}): SecretMatch[] {
  const lines = text.split(/\r?\n/).map((t, i) => ({ line: i + 1, text: t }));
  return scanSecrets(lines, options);
}

/** Per rule, merged [start, end) spans (flat pairs) around keyword hits. */
function findWindows(text: string, compiled: CompiledRules): Map<number, number[]> {
  const windows = new Map<number, number[]>();
  for (const r of compiled.everywhere) windows.set(r, [0, text.length]);
  if (!compiled.keywords) return windows;
  let lower = text.toLowerCase();
  // Some characters change length when lower-cased (İ); then offsets would drift, so fall back to `i`.
  let re = compiled.keywords;
  if (lower.length !== text.length) {
    lower = text;
    re = new RegExp(re.source, 'gi');
  }
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(lower)) !== null) {
    const hit = m.index;
    const keyword = m[0].toLowerCase();
    for (const r of compiled.rulesByKeyword.get(keyword) ?? []) {
      const w = compiled.rules[r]!.window ?? DEFAULT_WINDOW;
      const start = Math.max(0, hit - w.before);
      const end = Math.min(text.length, hit + keyword.length + w.after);
      let spans = windows.get(r);
      if (!spans) windows.set(r, (spans = []));
      // Hits arrive in order, so a new window either extends the last one or starts after it.
      if (spans.length && spans[spans.length - 1]! >= start)
        spans[spans.length - 1] = Math.max(spans[spans.length - 1]!, end);
      else spans.push(start, end);
    }
  }
  return windows;
}

function collect(
  text: string,
  from: number,
  to: number,
  rule: SecretRule,
  ruleIndex: number,
  re: RegExp,
  out: Candidate[],
): void {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  const group = rule.secretGroup ?? 0;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    // A match cut by the window's edge may be part of a longer string: not this format.
    const matchEnd = from + m.index + m[0].length;
    if (matchEnd === to && to < text.length && TOKEN_CHAR.test(text[to]!)) continue;
    if (m.index === 0 && from > 0 && TOKEN_CHAR.test(text[from - 1]!) && TOKEN_CHAR.test(m[0][0]!)) continue;
    const secret = m[group];
    const at = m.indices?.[group];
    if (secret === undefined || !at) continue;
    if (!isLikelySecret(rule, secret, m[0])) continue;
    out.push({ rule: ruleIndex, start: from + at[0], end: from + at[1], secret });
  }
}

function isLikelySecret(rule: SecretRule, secret: string, match: string): boolean {
  if (rule.placeholderFilter !== false && isPlaceholder(secret)) return false;
  if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return false;
  if (rule.validate && !rule.validate(secret, match)) return false;
  return true;
}

/** Overlapping candidates are one secret: keep the most specific rule, then the longest value. */
function pickMostSpecific(candidates: Candidate[], rules: readonly SecretRule[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  let best: Candidate | undefined;
  let clusterEnd = -1;
  const better = (a: Candidate, b: Candidate): boolean => {
    const sa = rules[a.rule]!.specificity ?? 3;
    const sb = rules[b.rule]!.specificity ?? 3;
    if (sa !== sb) return sa > sb;
    if (a.end - a.start !== b.end - b.start) return a.end - a.start > b.end - b.start;
    return a.rule < b.rule;
  };
  for (const c of candidates) {
    if (best && c.start < clusterEnd) {
      if (better(c, best)) best = c;
      clusterEnd = Math.max(clusterEnd, c.end);
      continue;
    }
    if (best) out.push(best);
    best = c;
    clusterEnd = c.end;
  }
  if (best) out.push(best);
  return out;
}

function indexOfLine(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
