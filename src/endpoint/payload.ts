import { ConfigurationError } from '../errors.js';
import type { HookChunk, HookRequest, HookRequestFile, HookRequestFinding, HookRequestMetadata } from './types.js';

/**
 * Builds the protocol-v1 request bodies of a pull request, split into chunks that each fit in
 * `hook-max-bytes`. Pure: data in, data out.
 *
 * Decisions (docs/hook-protocol.md):
 * - Memory goes in every chunk: an endpoint may review chunks independently or in parallel, and each
 *   needs the repository's standards. Memory may take at most half of `maxBytes`; beyond that it is cut
 *   (and reported).
 * - A file too big for one chunk is cut at its `@@` hunk headers; a hunk too big on its own becomes a
 *   marked excerpt. Every cut is returned in `cuts`, so nothing is dropped silently.
 * - A local finding goes with the piece of its file whose hunk covers its line (else the file's first
 *   piece); findings on files that are not sent go in chunk 0.
 */

export interface HookPayloadInput {
  readonly event_type: string;
  readonly repository: string;
  readonly pull_request_number: number;
  readonly pull_request: HookRequest['pull_request'];
  /** Already filtered and redacted. */
  readonly files: readonly HookRequestFile[];
  readonly findings: readonly HookRequestFinding[];
  readonly memory: HookRequest['memory'];
  readonly metadata: Omit<HookRequestMetadata, 'chunk'>;
}

export type PayloadCutKind = 'hunks' | 'excerpt' | 'omitted' | 'memory' | 'findings';

/** Something that was not sent whole, for the summary and the log. */
export interface PayloadCut {
  /** A file path, a memory source, or `(findings)`. */
  readonly path: string;
  /** `hunks`: split into pieces, nothing lost. `excerpt`: lines left out. `omitted`: not sent at all. */
  readonly kind: PayloadCutKind;
  readonly detail: string;
}

/**
 * One sentence for the log when the request limit cost the reviewer content, or undefined when nothing was
 * lost (a file split at hunk boundaries loses nothing). Names the setting that sets the limit.
 */
export function describeLostContent(
  cuts: readonly PayloadCut[],
  limitName: string,
  maxBytes: number,
): string | undefined {
  const lost = cuts.filter((c) => c.kind !== 'hunks');
  if (lost.length === 0) return undefined;
  const paths = [...new Set(lost.map((c) => c.path))];
  const shown = paths.slice(0, 3).join(', ') + (paths.length > 3 ? ` and ${paths.length - 3} more` : '');
  return `AI review: to fit ${limitName} (${maxBytes} bytes), ${lost.length} parts were cut or left out (${shown}); the reviewer did not see them whole. The summary lists each.`;
}

export interface HookPayload {
  readonly requests: HookRequest[];
  readonly cuts: PayloadCut[];
}

/** The marker line that ends an excerpt. Endpoint authors can match on `[… truncated by codex-hooks:`. */
export function formatTruncationMarker(moreLines: number): string {
  return `[… truncated by codex-hooks: ${moreLines} more line${moreLines === 1 ? '' : 's'}]`;
}

/** The smallest budget that leaves room for a request's envelope and a useful excerpt. */
export const MIN_MAX_BYTES = 4096;

/** Serialized size in bytes: exactly what the client sends. */
export function measureRequest(request: HookRequest): number {
  return Buffer.byteLength(JSON.stringify(request), 'utf8');
}

export function buildHookRequests(input: HookPayloadInput, maxBytes: number): HookPayload {
  if (!Number.isFinite(maxBytes) || maxBytes < MIN_MAX_BYTES) {
    throw new ConfigurationError(`must be at least ${MIN_MAX_BYTES} bytes (got ${maxBytes})`, "input 'hook-max-bytes'");
  }
  const cuts: PayloadCut[] = [];
  // Wide chunk numbers so the real ones can only be shorter.
  const placeholderChunk: HookChunk = { index: 99_999, total: 99_999 };
  const bare = assemble(input, [], [], [], placeholderChunk);
  const bareSize = measureRequest(bare);
  const memory = fitMemory(input.memory, Math.floor(maxBytes / 2) - bareSize, cuts);
  const envelope = bareSize + jsonSize(memory) - 2; // `[]` replaced by the memory array
  const room = maxBytes - envelope;

  const sentPaths = new Set(input.files.map((f) => f.path));
  const orphans = fitFindings(
    input.findings.filter((f) => !sentPaths.has(f.path)),
    Math.floor(room / 4),
    '(findings on files not sent)',
    cuts,
  );
  const orphanCost = arrayCost(orphans);

  const units: Unit[] = [];
  for (const file of input.files) {
    const findings = fitFindings(
      input.findings.filter((f) => f.path === file.path),
      Math.floor(room / 4),
      file.path,
      cuts,
    );
    units.push(...cutFile(file, findings, room - orphanCost, cuts));
  }

  // Next-fit packing keeps the files in the order they were given.
  const bins: Unit[][] = [[]];
  let used = orphanCost;
  for (const unit of units) {
    const current = bins[bins.length - 1]!;
    if (current.length > 0 && used + unit.cost > room) {
      bins.push([unit]);
      used = unit.cost;
    } else {
      current.push(unit);
      used += unit.cost;
    }
  }

  const total = bins.length;
  const requests = bins.map((bin, index) =>
    assemble(
      input,
      bin.map((u) => u.file),
      [...(index === 0 ? orphans : []), ...bin.flatMap((u) => u.findings)],
      memory,
      { index, total },
    ),
  );
  for (const request of requests) {
    const size = measureRequest(request);
    if (size > maxBytes) throw new Error(`payload chunk of ${size} bytes exceeds hook-max-bytes ${maxBytes}`);
  }
  return { requests, cuts };
}

/**
 * Halves a request the endpoint refused with 413: by files, else by hunks of its one file.
 * Undefined when it cannot be split further (one file of one hunk).
 */
export function splitRequest(request: HookRequest): [HookRequest, HookRequest] | undefined {
  const { files } = request;
  let halves: [HookRequestFile[], HookRequestFile[]];
  if (files.length >= 2) {
    const mid = Math.ceil(files.length / 2);
    halves = [files.slice(0, mid), files.slice(mid)];
  } else if (files.length === 1) {
    const file = files[0]!;
    const hunks = splitPatchIntoHunks(file.patch);
    if (hunks.length < 2) return undefined;
    const mid = Math.ceil(hunks.length / 2);
    const patchOf = (hs: Hunk[]) => hs.map((h) => h.text).join('');
    halves = [[{ ...file, patch: patchOf(hunks.slice(0, mid)) }], [{ ...file, patch: patchOf(hunks.slice(mid)) }]];
  } else {
    return undefined;
  }
  const second = halves[1];
  const secondOwns = (f: HookRequestFinding) =>
    second.some((file) => file.path === f.path && coversLine(file.patch, f.line)) ||
    (second.some((file) => file.path === f.path) && !halves[0].some((file) => file.path === f.path));
  const parentPart = request.metadata.chunk.part;
  const child = (half: HookRequestFile[], findings: HookRequestFinding[], n: 1 | 2): HookRequest => ({
    ...request,
    files: half,
    findings,
    metadata: {
      ...request.metadata,
      chunk: { ...request.metadata.chunk, part: parentPart ? `${parentPart}.${n}` : String(n) },
    },
  });
  return [
    child(
      halves[0],
      request.findings.filter((f) => !secondOwns(f)),
      1,
    ),
    child(second, request.findings.filter(secondOwns), 2),
  ];
}

/** One hunk of a patch: its text (with the `@@` header) and the head-side lines it covers. */
export interface Hunk {
  readonly text: string;
  readonly newStart: number;
  readonly newEnd: number;
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** Splits a patch at its `@@` headers. Text before the first header stays with the first hunk. */
export function splitPatchIntoHunks(patch: string): Hunk[] {
  const lines = patch.split(/(?<=\n)/);
  const hunks: { text: string; newStart: number; newEnd: number }[] = [];
  let preamble = '';
  for (const line of lines) {
    const header = HUNK_HEADER.exec(line);
    if (header) {
      const start = Number(header[1]);
      const count = header[2] === undefined ? 1 : Number(header[2]);
      hunks.push({ text: preamble + line, newStart: start, newEnd: start + Math.max(count, 1) - 1 });
      preamble = '';
    } else if (hunks.length > 0) {
      hunks[hunks.length - 1]!.text += line;
    } else {
      preamble += line;
    }
  }
  if (hunks.length === 0) return patch === '' ? [] : [{ text: patch, newStart: 0, newEnd: -1 }];
  return hunks;
}

interface Unit {
  readonly file: HookRequestFile;
  readonly findings: HookRequestFinding[];
  /** Bytes it adds to a request: its JSON, its findings' JSON and the commas. */
  readonly cost: number;
}

function assemble(
  input: HookPayloadInput,
  files: readonly HookRequestFile[],
  findings: readonly HookRequestFinding[],
  memory: HookRequest['memory'],
  chunk: HookChunk,
): HookRequest {
  return {
    version: '1',
    event: 'prompt.submitted',
    event_type: input.event_type,
    repository: input.repository,
    pull_request_number: input.pull_request_number,
    pull_request: input.pull_request,
    files,
    findings,
    memory,
    metadata: { ...input.metadata, chunk },
  };
}

function jsonSize(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** Each element counted with a comma: over by one byte per array, never under. */
function arrayCost(items: readonly unknown[]): number {
  return items.reduce<number>((sum, item) => sum + jsonSize(item) + 1, 0);
}

function fitMemory(memory: HookRequest['memory'], budget: number, cuts: PayloadCut[]): HookRequest['memory'] {
  const kept: { source: string; content: string }[] = [];
  let used = 2;
  for (const entry of memory) {
    const cost = jsonSize(entry) + 1;
    if (used + cost <= budget) {
      kept.push({ source: entry.source, content: entry.content });
      used += cost;
      continue;
    }
    const emptyCost = jsonSize({ source: entry.source, content: '' }) + 1;
    const lines = entry.content.split(/(?<=\n)/);
    const excerpt = takeLines(lines, budget - used - emptyCost);
    if (excerpt && excerpt.kept > 0) {
      kept.push({ source: entry.source, content: excerpt.text });
      used += jsonSize(kept[kept.length - 1]) + 1;
      cuts.push({
        path: entry.source,
        kind: 'memory',
        detail: `memory cut to ${excerpt.kept} of ${lines.length} lines`,
      });
    } else {
      cuts.push({ path: entry.source, kind: 'memory', detail: 'memory left out: no room within the request limit' });
    }
  }
  return kept;
}

function fitFindings(
  findings: readonly HookRequestFinding[],
  budget: number,
  label: string,
  cuts: PayloadCut[],
): HookRequestFinding[] {
  const kept: HookRequestFinding[] = [];
  let used = 0;
  for (const finding of findings) {
    const cost = jsonSize(finding) + 1;
    if (used + cost > budget) break;
    kept.push(finding);
    used += cost;
  }
  if (kept.length < findings.length) {
    cuts.push({
      path: label,
      kind: 'findings',
      detail: `${findings.length - kept.length} of ${findings.length} local findings not sent to the endpoint (still reported locally)`,
    });
  }
  return kept;
}

/** The whole file if it fits, else pieces of whole hunks, else excerpts of hunks. */
function cutFile(file: HookRequestFile, findings: HookRequestFinding[], room: number, cuts: PayloadCut[]): Unit[] {
  const whole: Unit = { file, findings, cost: jsonSize(file) + 1 + arrayCost(findings) };
  if (whole.cost <= room) return [whole];

  const emptyCost = jsonSize({ ...file, patch: '' }) + 1;
  const hunks = splitPatchIntoHunks(file.patch);
  const findingsOf = (hunkIndex: number) =>
    findings.filter((f) => {
      const owner = hunks.findIndex((h) => f.line >= h.newStart && f.line <= h.newEnd);
      return owner === hunkIndex || (owner === -1 && hunkIndex === 0);
    });

  const units: Unit[] = [];
  let patch = '';
  let pieceFindings: HookRequestFinding[] = [];
  const flush = () => {
    if (patch === '' && pieceFindings.length === 0) return;
    const piece = { ...file, patch };
    units.push({ file: piece, findings: pieceFindings, cost: jsonSize(piece) + 1 + arrayCost(pieceFindings) });
    patch = '';
    pieceFindings = [];
  };
  const costOf = (text: string, fs: HookRequestFinding[]) => emptyCost + jsonSize(text) - 2 + arrayCost(fs);

  hunks.forEach((hunk, i) => {
    const own = findingsOf(i);
    if (costOf(patch + hunk.text, [...pieceFindings, ...own]) <= room) {
      patch += hunk.text;
      pieceFindings.push(...own);
      return;
    }
    flush();
    if (costOf(hunk.text, own) <= room) {
      patch = hunk.text;
      pieceFindings = own;
      return;
    }
    const lines = hunk.text.split(/(?<=\n)/);
    const excerpt = takeLines(lines, room - costOf('', own));
    if (!excerpt) {
      cuts.push({ path: file.path, kind: 'omitted', detail: `hunk at line ${hunk.newStart} left out: no room` });
      pieceFindings = own; // its findings still go, with an empty patch
      return;
    }
    cuts.push({
      path: file.path,
      kind: 'excerpt',
      detail: `hunk at line ${hunk.newStart} cut to ${excerpt.kept} of ${lines.length} lines`,
    });
    patch = excerpt.text;
    pieceFindings = own;
    flush();
  });
  flush();

  if (units.length === 0) {
    cuts.push({
      path: file.path,
      kind: 'omitted',
      detail: 'file left out: even its header does not fit in the request limit',
    });
  } else if (units.length > 1) {
    cuts.push({ path: file.path, kind: 'hunks', detail: `split into ${units.length} pieces at hunk boundaries` });
  }
  return units;
}

/**
 * The longest prefix of `lines` whose JSON string, plus the truncation marker, fits in `budget` bytes.
 * Undefined when not even the marker fits.
 */
function takeLines(lines: readonly string[], budget: number): { text: string; kept: number } | undefined {
  const markerFor = (more: number) => (more > 0 ? formatTruncationMarker(more) + '\n' : '');
  const escaped = (s: string) => jsonSize(s) - 2;
  let used = 2; // the quotes
  let kept = 0;
  // Reserve room for the widest marker this excerpt can need.
  const reserve = escaped(markerFor(lines.length)) + 1;
  for (const line of lines) {
    const cost = escaped(line);
    if (used + cost + reserve > budget) break;
    used += cost;
    kept++;
  }
  if (used + reserve > budget) return undefined;
  const head = lines.slice(0, kept).join('');
  const more = lines.length - kept;
  const separator = head === '' || head.endsWith('\n') ? '' : '\n';
  return { text: head + (more > 0 ? separator + markerFor(more) : ''), kept };
}

function coversLine(patch: string, line: number): boolean {
  return splitPatchIntoHunks(patch).some((h) => line >= h.newStart && line <= h.newEnd);
}
