import type { AddedLine } from '../types.js';
import { shannonEntropy } from './entropy.js';
import { isPlaceholder, isSuppressedLine } from './filters.js';
import { secretFingerprint } from './fingerprint.js';
import type { UserRuleBudget } from './rule-budget.js';
import { BUILTIN_RULES } from './rules/index.js';
import type { SecretMatch, SecretRule, SecretScanOptions } from './types.js';

const DEFAULT_WINDOW = { before: 80, after: 320 };
const TOKEN_CHAR = /[A-Za-z0-9_\-+/=]/;
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * A rule set prepared once: a keyword automaton for the prefilter, and each rule's regex with `g` (and `d`),
 * made when the rule's keyword is first seen (a Codex hook scanning one prompt needs a handful of the rules).
 */
interface CompiledRules {
  readonly rules: readonly SecretRule[];
  readonly regexes: (RegExp | undefined)[];
  /** Keyword automaton (ASCII keywords, ASCII case folded), or a regex when a keyword is not ASCII. */
  readonly matcher: KeywordMatcher | undefined;
  /** Per keyword id: the rules it opens a window for. */
  readonly rulesByKeyword: readonly (readonly number[])[];
  readonly keywordLengths: readonly number[];
  /** Per keyword id: 1 when a specificity-2 rule (a value named by its provider's key) uses it. */
  readonly namesProvider: Uint8Array;
  /** Rules without keywords (custom rules may omit them): they run over the whole text. */
  readonly everywhere: readonly number[];
}

/** The rule's pattern with `g`, and `d` when the secret is a capture group (only then are indices needed). */
function scanningRegex(rule: SecretRule): RegExp {
  const flags = new Set(rule.pattern.flags.split(''));
  flags.add('g');
  if ((rule.secretGroup ?? 0) !== 0) flags.add('d');
  flags.delete('y');
  return new RegExp(rule.pattern.source, [...flags].join(''));
}

/** Calls `hit(keywordId, start)` for every occurrence of every keyword, overlapping ones included. */
type KeywordMatcher = (text: string, hit: (keyword: number, start: number) => void) => void;

const compiledCache = new WeakMap<readonly SecretRule[], CompiledRules>();

function compileRules(rules: readonly SecretRule[]): CompiledRules {
  const cached = compiledCache.get(rules);
  if (cached) return cached;
  const keywordIds = new Map<string, number>();
  const rulesByKeyword: number[][] = [];
  const everywhere: number[] = [];
  // Plain loops: a Codex hook runs this once per process, before any of it is optimised.
  for (let index = 0; index < rules.length; index++) {
    let any = false;
    for (const keyword of rules[index]!.keywords) {
      const k = keyword.toLowerCase();
      if (k.length === 0) continue;
      any = true;
      let id = keywordIds.get(k);
      if (id === undefined) {
        keywordIds.set(k, (id = rulesByKeyword.length));
        rulesByKeyword.push([]);
      }
      const list = rulesByKeyword[id]!;
      // A rule listing one keyword twice opens one window.
      if (list[list.length - 1] !== index) list.push(index);
    }
    if (!any) everywhere.push(index);
  }
  const literals = [...keywordIds.keys()];
  const matcher =
    literals.length === 0
      ? undefined
      : literals.every((k) => !NON_ASCII.test(k))
        ? lazyAutomaton(literals)
        : buildRegexMatcher(literals);
  const compiled: CompiledRules = {
    rules,
    regexes: new Array<RegExp | undefined>(rules.length),
    matcher,
    rulesByKeyword,
    keywordLengths: literals.map((k) => k.length),
    namesProvider: Uint8Array.from(rulesByKeyword, (rs) => (rs.some((r) => rules[r]!.specificity === 2) ? 1 : 0)),
    everywhere,
  };
  compiledCache.set(rules, compiled);
  return compiled;
}

/** Text scanned without the automaton, in total, before building it pays off (characters). */
const PROBE_BUDGET = 32_768;

/**
 * The automaton costs more to build than a few short texts cost to search keyword by keyword, and a
 * process that scans one prompt (a Codex hook) never needs it: short texts are searched with `indexOf` until
 * {@link PROBE_BUDGET} characters have been, then the automaton is built once for the rest.
 */
function lazyAutomaton(keywords: readonly string[]): KeywordMatcher {
  let automaton: KeywordMatcher | undefined;
  let probed = 0;
  return (text, hit) => {
    if (automaton === undefined && probed + text.length <= PROBE_BUDGET) {
      probed += text.length;
      probeKeywords(keywords, text, hit);
      return;
    }
    automaton ??= buildAutomaton(keywords);
    automaton(text, hit);
  };
}

/**
 * Every occurrence of every keyword, ASCII case folded, reported in the automaton's order: by end, and
 * at the same end the longer keyword first.
 */
function probeKeywords(keywords: readonly string[], text: string, hit: (keyword: number, start: number) => void) {
  const folded = text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  const pairs = presentPairs(folded);
  const hits: number[] = [];
  for (let id = 0; id < keywords.length; id++) {
    const k = keywords[id]!;
    const n = k.length;
    // A keyword whose first or last pair of characters the text does not hold is not searched for.
    if (
      n >= 2 &&
      (pairs[(k.charCodeAt(0) << FIRST) | (k.charCodeAt(1) << SECOND)] === 0 ||
        pairs[(k.charCodeAt(n - 2) << FIRST) | (k.charCodeAt(n - 1) << SECOND)] === 0)
    )
      continue;
    for (let at = folded.indexOf(k); at !== -1; at = folded.indexOf(k, at + 1)) hits.push(at + n, n, id);
  }
  // Packed as (end, length, id) triples: sorted by end, and at the same end the longer keyword first.
  const order = Array.from({ length: hits.length / 3 }, (_, i) => i * 3);
  order.sort((a, b) => hits[a]! - hits[b]! || hits[b + 1]! - hits[a + 1]!);
  for (const at of order) hit(hits[at + 2]!, hits[at]! - hits[at + 1]!);
}

const utf8 = new TextEncoder();
/** Where a pair's two bytes sit in the 16-bit number {@link presentPairs} reads them as: the machine's order. */
const [FIRST, SECOND] = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? [0, 8] : [8, 0];

/**
 * Which pairs of bytes the text's UTF-8 holds, as a table of 65,536 flags: every ASCII pair of the text, and
 * no pair it lacks. Read two bytes at a time (at even offsets, then at odd ones), so the loop stays short:
 * a loop run over every character of a long text is what makes V8 compile a function with its optimiser,
 * which a hook that lives for a fraction of a second pays for and never profits from.
 */
function presentPairs(folded: string): Uint8Array {
  const table = new Uint8Array(65_536);
  const bytes = utf8.encode(folded);
  for (const from of [0, 1]) {
    const n = (bytes.length - from) >> 1;
    // A Uint16Array view must start at an even offset of its buffer: otherwise the bytes are copied to one.
    const start = bytes.byteOffset + from;
    const pairs =
      start % 2 === 0 ? new Uint16Array(bytes.buffer, start, n) : new Uint16Array(bytes.slice(from).buffer, 0, n);
    for (let i = 0; i < n; i++) table[pairs[i]!] = 1;
  }
  return table;
}

/**
 * Aho-Corasick over ASCII keywords as a dense DFA: one table lookup per character of the text, no
 * backtracking, every (overlapping) occurrence reported. Upper-case ASCII letters fold to lower case;
 * any other character outside the keywords' alphabet is one shared class.
 */
function buildAutomaton(keywords: readonly string[]): KeywordMatcher {
  const classOf = new Uint8Array(128);
  let classes = 1;
  for (const k of keywords)
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (classOf[c] === 0) classOf[c] = classes++;
    }
  for (let c = 65; c <= 90; c++) classOf[c] = classOf[c + 32]!;
  // Trie.
  const children: Map<number, number>[] = [new Map<number, number>()];
  const outputs: number[][] = [[]];
  keywords.forEach((k, id) => {
    let s = 0;
    for (let i = 0; i < k.length; i++) {
      const cl = classOf[k.charCodeAt(i)]!;
      let next = children[s]!.get(cl);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        outputs.push([]);
        children[s]!.set(cl, next);
      }
      s = next;
    }
    outputs[s]!.push(id);
  });
  // Breadth-first: failure links, full transition table, and outputs inherited along failure links.
  const states = children.length;
  const delta = new Int32Array(states * classes);
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (let cl = 0; cl < classes; cl++) {
    const next = children[0]!.get(cl);
    if (next !== undefined) {
      delta[cl] = next * classes;
      queue.push(next);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    const f = fail[s]!;
    outputs[s]!.push(...outputs[f]!);
    for (let cl = 0; cl < classes; cl++) {
      const next = children[s]!.get(cl);
      if (next !== undefined) {
        fail[next] = delta[f * classes + cl]! / classes;
        delta[s * classes + cl] = next * classes;
        queue.push(next);
      } else delta[s * classes + cl] = delta[f * classes + cl]!;
    }
  }
  // A row that reports a keyword is stored negated, so the hot loop tests the sign of the value it loaded.
  for (let i = 0; i < delta.length; i++) if (outputs[delta[i]! / classes]!.length) delta[i] = -delta[i]!;
  const lengths = keywords.map((k) => k.length);
  return (text, hit) => {
    let row = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      row = delta[row + (c < 128 ? classOf[c]! : 0)]!;
      if (row < 0) {
        row = -row;
        for (const id of outputs[row / classes]!) hit(id, i + 1 - lengths[id]!);
      }
    }
  };
}

/** Fallback for keywords outside ASCII: one alternation, case-insensitive, non-overlapping hits. */
function buildRegexMatcher(keywords: readonly string[]): KeywordMatcher {
  const order = keywords.map((k, id) => ({ k, id })).sort((a, b) => b.k.length - a.k.length);
  const ids = new Map(order.map(({ k, id }) => [k, id]));
  const re = new RegExp(order.map(({ k }) => escapeRegExp(k)).join('|'), 'gi');
  return (text, hit) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const id = ids.get(m[0].toLowerCase());
      if (id !== undefined) hit(id, m.index);
    }
  };
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
 * One pass of a keyword automaton finds where each rule could match; a rule's own regex then runs
 * only in a window around those hits, so the cost is one linear pass plus work near keywords.
 */
export function scanSecrets(lines: readonly AddedLine[], options: SecretScanOptions = {}): SecretMatch[] {
  return scanJoinedLines(lines.map((l) => l.text).join('\n'), (i) => lines[i]!.line, options);
}

/**
 * Scans lines already joined with `\n` (a parsed patch's `addedText`); the i-th of them is the caller's
 * line `lineNumber(i)`. Nothing is allocated per line unless something is found.
 */
export function scanJoinedLines(
  text: string,
  lineNumber: (index: number) => number,
  options: SecretScanOptions = {},
): SecretMatch[] {
  if (text.length === 0) return [];
  return scanJoined(text, options, lineNumber);
}

/** Scans every line of `text`, numbered from 1 (endpoint responses, `codex-hooks scan`). */
export function scanText(text: string, options: SecretScanOptions = {}): SecretMatch[] {
  // With CRLF the lines (without `\r`) are joined with `\n`, as `scanSecrets` sees them.
  return scanJoinedLines(text.includes('\r') ? text.split(/\r?\n/).join('\n') : text, (i) => i + 1, options);
}

/** Scans `text` (lines joined with `\n`); line positions are computed only when something is found. */
function scanJoined(text: string, options: SecretScanOptions, lineNumber: (index: number) => number): SecretMatch[] {
  const compiled = compileRules(selectRules(options));
  const windows = findWindows(text, compiled);
  const candidates: Candidate[] = [];
  const budget = options.userRuleBudget;
  let holes: number[] | undefined;
  for (const [ruleIndex, spans] of windows) {
    const rule = compiled.rules[ruleIndex]!;
    const re = (compiled.regexes[ruleIndex] ??= scanningRegex(rule));
    if (budget && rule.userPattern) {
      holes ??= longLines(text, budget.maxLineLength);
      collectWithinBudget(text, spans, holes, { rule, ruleIndex, re }, budget, candidates);
      continue;
    }
    for (let i = 0; i < spans.length; i += 2) {
      collect(text, spans[i]!, spans[i + 1]!, rule, ruleIndex, re, candidates);
    }
  }
  if (candidates.length === 0) return [];

  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const lineText = (i: number) =>
    text.slice(lineStarts[i], i + 1 < lineStarts.length ? lineStarts[i + 1]! - 1 : text.length);
  const allow = (options.allow ?? []).map((a) => new RegExp(a));
  const matches: SecretMatch[] = [];
  for (const c of pickMostSpecific(candidates, compiled.rules)) {
    const rule = compiled.rules[c.rule]!;
    const startIndex = indexOfLine(lineStarts, c.start);
    const inlineAllowed = isSuppressedLine(lineText(startIndex));
    if (inlineAllowed && options.keepInlineAllowed !== true) continue;
    if (allow.some((a) => a.test(c.secret))) continue;
    const fingerprint = secretFingerprint(rule.id, c.secret);
    if (options.baseline?.has(fingerprint)) continue;
    const endIndex = indexOfLine(lineStarts, Math.max(c.start, c.end - 1));
    matches.push({
      ruleId: rule.id,
      description: rule.description,
      severity: rule.severity ?? 'error',
      line: lineNumber(startIndex),
      endLine: lineNumber(endIndex),
      column: c.start - lineStarts[startIndex]! + 1,
      offset: c.start,
      secret: c.secret,
      fingerprint,
      ...(inlineAllowed ? { inlineAllowed: true as const } : {}),
    });
  }
  return matches.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1));
}

/**
 * Per rule, merged [start, end) spans (flat pairs) around keyword hits. A generic rule (specificity 1)
 * ignores a hit inside a key that names a provider (`token` in `RAILWAY_TOKEN`, a keyword of a
 * specificity-2 rule): that provider's rule knows the value's format and judges it.
 */
function findWindows(text: string, compiled: CompiledRules): Map<number, number[]> {
  const windows = new Map<number, number[]>();
  if (compiled.everywhere.length > 0) {
    const spans = lineSpans(text, MAX_LINE_FOR_EVERYWHERE);
    for (const r of compiled.everywhere) windows.set(r, spans);
  }
  if (!compiled.matcher) return windows;
  const { rules, rulesByKeyword, keywordLengths, namesProvider } = compiled;
  const hitKeywords: number[] = [];
  const hitStarts: number[] = [];
  // Ends of hits of provider-naming keywords (in increasing order) and their starts.
  const namedEnds: number[] = [];
  const namedStarts: number[] = [];
  compiled.matcher(text, (keyword, hit) => {
    hitKeywords.push(keyword);
    hitStarts.push(hit);
    if (namesProvider[keyword] === 1) {
      namedEnds.push(hit + keywordLengths[keyword]!);
      namedStarts.push(hit);
    }
  });
  let named = 0;
  for (let h = 0; h < hitKeywords.length; h++) {
    const keyword = hitKeywords[h]!;
    const hit = hitStarts[h]!;
    const hitEnd = hit + keywordLengths[keyword]!;
    while (named < namedEnds.length && namedEnds[named]! < hitEnd) named++;
    // The key names a provider when a provider-naming keyword contains this hit, overlaps its start, or
    // starts the same key just before it (`RAILWAY_TOKEN`, `MONDAY_API_KEY`, `DATADOG_APP_KEY`).
    let insideName = false;
    for (let j = named - 1; j >= 0 && namedEnds[j]! >= hit - 32; j--) {
      const end = namedEnds[j]!;
      if (namedStarts[j]! <= hit && (end > hit || isKeyRun(text, end, hit))) {
        insideName = true;
        break;
      }
    }
    for (let j = named; j < namedEnds.length && namedEnds[j]! - hitEnd < 64; j++) {
      if (namedStarts[j]! <= hit && (namedStarts[j] !== hit || namedEnds[j] !== hitEnd)) {
        insideName = true;
        break;
      }
    }
    for (const r of rulesByKeyword[keyword]!) {
      const rule = rules[r]!;
      if (insideName && (rule.specificity ?? 3) === 1) continue;
      const w = rule.window ?? DEFAULT_WINDOW;
      const start = Math.max(0, hit - w.before);
      const end = Math.min(text.length, hitEnd + w.after);
      let spans = windows.get(r);
      if (!spans) windows.set(r, (spans = []));
      // Hits arrive in order of their end; a window either extends or overlaps the last one, or starts after it.
      const last = spans.length - 1;
      if (last > 0 && spans[last]! >= start) {
        if (end > spans[last]!) spans[last] = end;
        if (start < spans[last - 1]!) spans[last - 1] = start;
      } else spans.push(start, end);
    }
  }
  return windows;
}

/**
 * A rule without keywords (a custom rule may omit them) runs on each line, and on at most this many characters
 * of it: a user's pattern is never run over a whole file or an unbounded line.
 */
const MAX_LINE_FOR_EVERYWHERE = 4096;

/** [start, end) of each line, each cut to `max` characters, as flat pairs. */
function lineSpans(text: string, max: number): number[] {
  const spans: number[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) spans.push(start, Math.min(end, start + max));
    start = end + 1;
  }
  return spans;
}

/**
 * Runs a config rule over its spans except the lines longer than the cap (`holes`), until it has run for its budget
 * in this run. A regex cannot be interrupted: the clock is read between spans, so one span may overrun.
 */
function collectWithinBudget(
  text: string,
  spans: readonly number[],
  holes: readonly number[],
  target: { readonly rule: SecretRule; readonly ruleIndex: number; readonly re: RegExp },
  budget: UserRuleBudget,
  out: Candidate[],
): void {
  const { rule, ruleIndex, re } = target;
  if (budget.exhausted.has(rule.id)) return;
  const { pieces, skipped } = cutOut(spans, holes);
  if (skipped > 0) budget.longLines.set(rule.id, (budget.longLines.get(rule.id) ?? 0) + skipped);
  for (let i = 0; i < pieces.length; i += 2) {
    const spent = budget.spent.get(rule.id) ?? 0;
    if (spent > budget.ms) {
      budget.exhausted.add(rule.id);
      return;
    }
    const started = budget.now();
    collect(text, pieces[i]!, pieces[i + 1]!, rule, ruleIndex, re, out);
    budget.spent.set(rule.id, spent + (budget.now() - started));
  }
}

/**
 * The lines of `text` longer than `max` characters, as flat [start, end) pairs that take in the newline on each side:
 * the text around a hole then ends (or starts) at a line break, as a line does.
 */
function longLines(text: string, max: number): number[] {
  const holes: number[] = [];
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > max) holes.push(Math.max(0, start - 1), Math.min(text.length, end + 1));
    start = end + 1;
  }
  return holes;
}

/** `spans` (flat pairs) without the `holes` (sorted flat pairs), and how many holes they reached into. */
function cutOut(spans: readonly number[], holes: readonly number[]): { pieces: readonly number[]; skipped: number } {
  if (holes.length === 0) return { pieces: spans, skipped: 0 };
  const pieces: number[] = [];
  const reached = new Set<number>();
  for (let i = 0; i < spans.length; i += 2) {
    let start = spans[i]!;
    const end = spans[i + 1]!;
    for (let h = firstHoleEndingAfter(holes, start); h < holes.length && holes[h]! < end; h += 2) {
      reached.add(h);
      if (holes[h]! > start) pieces.push(start, holes[h]!);
      start = Math.max(start, holes[h + 1]!);
    }
    if (start < end) pieces.push(start, end);
  }
  return { pieces, skipped: reached.size };
}

/** The index (even) of the first hole whose end is past `offset`; `holes.length` when none is. */
function firstHoleEndingAfter(holes: readonly number[], offset: number): number {
  let lo = 0;
  let hi = holes.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holes[mid * 2 + 1]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo * 2;
}

/** `text[from, to)` is made of identifier characters: one key (`_API_`, `.`, `-`). */
function isKeyRun(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const ok =
      (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
    if (!ok) return false;
  }
  return true;
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
    if (secret === undefined) continue;
    const at = group === 0 ? m.index : m.indices?.[group]?.[0];
    if (at === undefined) continue;
    if (!isLikelySecret(rule, secret, m[0])) continue;
    out.push({ rule: ruleIndex, start: from + at, end: from + at + secret.length, secret });
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

/** The index of the last of the sorted line `starts` at or before `offset`: the line that holds it. */
export function indexOfLine(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
