import { indexOfLine, scanJoinedLines } from '../secrets/scan.js';
import type { SecretScanOptions } from '../secrets/types.js';
import type { Finding } from '../types.js';

/** A secret found in this run: the raw value (memory only, never output) and the rule that found it. */
export interface KnownSecret {
  readonly secret: string;
  readonly ruleId: string;
}

/**
 * The one redactor of a run. Everything that leaves the runner or reaches a person goes through it: every
 * part of the request (patches, paths, refs, title, local findings, memory), the endpoint's answers (comments,
 * summary, dropped paths, quotes in errors), every finding before rendering, and the log masking (`onLearn`).
 *
 * Redaction works on positions in the text that is sent, never by searching the sent text for a value found
 * in another copy of it: a key block found in a diff's added lines (joined without their `+`) is found again
 * in the diff's marker-free view, and the span it covers there is mapped back onto the diff, markers and all.
 *
 * - `text` replaces each known secret with `[REDACTED:<rule-id>]`, then any other secret the scanner finds.
 * - `patch` does the same for a unified diff, seen without its `+`/`-`/` ` markers, so removed and context
 *   lines are scanned too and a multi-line key is redacted whole; every line keeps its marker.
 * - `known` replaces only the known secrets (no scan): for short quotes where a scan adds nothing.
 * - `finding` / `findings` apply `text` to a finding's message, title and suggestion (its path is where
 *   GitHub shows it: the pull request's own name, kept so the finding can be placed).
 * - `learn` adds secrets found later in the run (in the endpoint's answer); `onLearn` hears each new one
 *   first, so the runner masks it before anything could print it.
 */
export interface Redactor {
  learn(secrets: readonly KnownSecret[]): void;
  text(text: string): string;
  patch(patch: string): string;
  /** A path or a ref: each `/`-separated part is scanned on its own (a key right after a `/` reads as one). */
  path(path: string): string;
  known(text: string): string;
  finding(finding: Finding): Finding;
  findings(findings: readonly Finding[]): Finding[];
  /** The secrets known so far (raw: for blocking decisions, never for output). */
  readonly secrets: readonly KnownSecret[];
}

export interface RedactorOptions {
  /** Hears every secret the redactor learns, once, before it is used: the action masks it in the log. */
  readonly onLearn?: (secret: KnownSecret) => void;
  /** The scan's rules (the config's custom rules included); the built-in rules by default. */
  readonly scan?: Pick<SecretScanOptions, 'rules'>;
}

/** Builds the run's redactor, knowing `initial` secrets (usually the tokens: the secret scan teaches the rest). */
export function createRedactor(initial: readonly KnownSecret[] = [], options: RedactorOptions = {}): Redactor {
  const secrets: KnownSecret[] = [];
  const seen = new Set<string>();
  const learn = (found: readonly KnownSecret[]) => {
    for (const s of found) {
      // An empty value would match between every two characters.
      if (s.secret.length === 0 || seen.has(s.secret)) continue;
      seen.add(s.secret);
      options.onLearn?.(s);
      secrets.push(s);
    }
  };
  learn(initial);
  const scan = options.scan ?? {};
  const text = (t: string) => redactView(t, plainView(t), secrets, scan);
  const finding = (f: Finding): Finding => {
    const message = text(f.message);
    const title = f.title !== undefined ? text(f.title) : undefined;
    const suggestion = f.suggestion !== undefined ? text(f.suggestion) : undefined;
    if (message === f.message && title === f.title && suggestion === f.suggestion) return f;
    return {
      ...f,
      message,
      ...(title !== undefined ? { title } : {}),
      ...(suggestion !== undefined ? { suggestion } : {}),
    };
  };
  return {
    learn,
    text,
    patch: (p) => redactView(p, diffView(p), secrets, scan),
    path: (p) => redactView(p, pathView(p), secrets, scan),
    known: (t) => redactView(t, plainView(t), secrets, undefined),
    finding,
    findings: (fs) => fs.map(finding),
    get secrets() {
      return secrets;
    },
  };
}

/** Clears `text` of the secrets the scanner recognises and of `known` (a one-off redactor). */
export function redactText(text: string, known: readonly KnownSecret[] = []): string {
  return createRedactor(known).text(text);
}

/**
 * What the scanner reads in place of a text, and how its offsets map back. `toText(i)` is the offset in the text of
 * the view's character `i`. `diff` is set when the text is a diff: its lines keep their markers when redacted.
 */
export interface TextView {
  readonly view: string;
  readonly toText: (index: number) => number;
  readonly diff: boolean;
}

/** The text as it is; a carriage return is read as a space (same length), so CRLF lines scan as LF lines. */
export function plainView(text: string): TextView {
  return { view: text.includes('\r') ? text.replace(/\r/g, ' ') : text, toText: (i) => i, diff: false };
}

/** A path or ref with each separator read as a space (same length): scanners want a boundary before a key. */
export function pathView(path: string): TextView {
  return { view: path.replace(/[/\\\r]/g, ' '), toText: (i) => i, diff: false };
}

/**
 * A unified diff without the first character (`+`, `-`, ` `) of each line: the lines read as the scanner reads
 * added lines, so a key block split over `+`/`-` lines reads whole.
 */
export function diffView(patch: string): TextView {
  const viewStarts: number[] = [];
  const textStarts: number[] = [];
  const dropped: number[] = [];
  const parts: string[] = [];
  let at = 0;
  let viewAt = 0;
  for (const line of patch.split('\n')) {
    const drop = line.length > 0 ? 1 : 0;
    viewStarts.push(viewAt);
    textStarts.push(at);
    dropped.push(drop);
    const kept = line.slice(drop).replace(/\r/g, ' ');
    parts.push(kept);
    viewAt += kept.length + 1;
    at += line.length + 1;
  }
  const toText = (i: number): number => {
    const line = indexOfLine(viewStarts, i);
    return textStarts[line]! + dropped[line]! + (i - viewStarts[line]!);
  };
  return { view: parts.join('\n'), toText, diff: true };
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly ruleId: string;
}

/**
 * Replaces every span of `text` that holds a secret: each known value wherever it occurs (in the text and in its
 * view), then, when `scan` is given, whatever the scanner finds in the view. Overlapping spans merge.
 */
export function redactView(
  text: string,
  view: TextView,
  known: readonly KnownSecret[],
  scan: Pick<SecretScanOptions, 'rules'> | undefined,
): string {
  const spans: Span[] = [];
  for (const s of known) {
    if (s.secret.length === 0) continue;
    for (const start of occurrences(text, s.secret))
      spans.push({ start, end: start + s.secret.length, ruleId: s.ruleId });
    if (view.view !== text) {
      for (const at of occurrences(view.view, s.secret)) spans.push(mapSpan(view, at, s.secret.length, s.ruleId));
    }
  }
  if (scan) {
    // An allow marker keeps a secret out of the gate at most; it never makes it sendable or printable.
    const found = scanJoinedLines(view.view, (i) => i + 1, { ...scan, keepInlineAllowed: true });
    for (const m of found) spans.push(mapSpan(view, m.offset, m.secret.length, m.ruleId));
  }
  if (spans.length === 0) return text;
  return replaceSpans(text, mergeSpans(spans), view.diff);
}

function occurrences(text: string, value: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) out.push(at);
  return out;
}

function mapSpan(view: TextView, start: number, length: number, ruleId: string): Span {
  return { start: view.toText(start), end: view.toText(start + length - 1) + 1, ruleId };
}

/** Sorted, overlapping or touching spans joined; a joined span is named after its longest part. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  let longest = 0;
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      const ruleId = s.end - s.start > longest ? s.ruleId : last.ruleId;
      longest = Math.max(longest, s.end - s.start);
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end), ruleId };
      continue;
    }
    out.push(s);
    longest = s.end - s.start;
  }
  return out;
}

/**
 * Puts `[REDACTED:<rule>]` in place of each span. A span over several lines keeps its line breaks (and, in a
 * diff, each line's marker), so line numbers and hunk counts after it stay true.
 */
function replaceSpans(text: string, spans: readonly Span[], diff: boolean): string {
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    parts.push(text.slice(at, s.start));
    const token = `[REDACTED:${s.ruleId}]`;
    const lines = text.slice(s.start, s.end).split('\n');
    parts.push(
      lines
        .map((line, i, all) => {
          const marker = i > 0 && diff && /^[+\- ]/.test(line) ? line[0]! : '';
          const cr = i < all.length - 1 && line.endsWith('\r') ? '\r' : '';
          return `${marker}${token}${cr}`;
        })
        .join('\n'),
    );
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
