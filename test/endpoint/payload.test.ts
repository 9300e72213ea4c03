import { describe, expect, it } from 'vitest';
import {
  buildHookRequests,
  formatTruncationMarker,
  measureRequest,
  splitPatchIntoHunks,
  splitRequest,
} from '../../src/endpoint/payload.js';
import { requestSchemaValidator } from '../../src/endpoint/schema.js';
import type { HookRequest } from '../../src/endpoint/types.js';
import { makeFile, makeInput, makePatch } from './fixtures.js';

const addedLines = (requests: HookRequest[], path: string) =>
  requests
    .flatMap((r) => r.files.filter((f) => f.path === path))
    .flatMap((f) => f.patch.split('\n').filter((l) => l.startsWith('+')));

describe('buildHookRequests', () => {
  it('sends a small pull request as one valid chunk', () => {
    const { requests, cuts } = buildHookRequests(makeInput(), 500_000);
    expect(requests).toHaveLength(1);
    expect(cuts).toEqual([]);
    expect(requests[0]!.metadata.chunk).toEqual({ index: 0, total: 1 });
    expect(requestSchemaValidator()(requests[0])).toBe(true);
  });

  it('splits many files into chunks of whole files within maxBytes, in order', () => {
    const files = Array.from({ length: 30 }, (_, i) => makeFile(`src/f${i}.ts`, makePatch(2, 20)));
    const input = makeInput({ files });
    const maxBytes = 12_000;
    const { requests, cuts } = buildHookRequests(input, maxBytes);
    expect(requests.length).toBeGreaterThan(1);
    expect(cuts).toEqual([]);
    for (const [i, r] of requests.entries()) {
      expect(measureRequest(r)).toBeLessThanOrEqual(maxBytes);
      expect(r.metadata.chunk).toEqual({ index: i, total: requests.length });
      expect(requestSchemaValidator()(r)).toBe(true);
    }
    // Whole files: every file exactly once, unchanged, in the original order.
    expect(requests.flatMap((r) => r.files)).toEqual(files);
  });

  it('cuts an oversized file at its hunks and loses no line', () => {
    const patch = makePatch(8, 30);
    const input = makeInput({ files: [makeFile('src/big.ts', patch)] });
    const { requests, cuts } = buildHookRequests(input, 6_000);
    expect(requests.length).toBeGreaterThan(1);
    for (const r of requests) expect(measureRequest(r)).toBeLessThanOrEqual(6_000);
    expect(requests.flatMap((r) => r.files.map((f) => f.patch)).join('')).toBe(patch);
    expect(cuts).toEqual([expect.objectContaining({ path: 'src/big.ts', kind: 'hunks' })]);
    for (const f of requests.flatMap((r) => r.files)) expect(f.patch.startsWith('@@ ')).toBe(true);
  });

  it('cuts a hunk too big on its own to a marked excerpt and reports it', () => {
    const patch = makePatch(1, 400);
    const input = makeInput({ files: [makeFile('src/huge.ts', patch)] });
    const { requests, cuts } = buildHookRequests(input, 8_000);
    expect(requests).toHaveLength(1);
    expect(measureRequest(requests[0]!)).toBeLessThanOrEqual(8_000);
    const sent = requests[0]!.files[0]!.patch;
    const kept = addedLines(requests, 'src/huge.ts').length;
    expect(kept).toBeGreaterThan(10);
    expect(sent.trimEnd().endsWith(formatTruncationMarker(400 - kept))).toBe(true);
    expect(cuts).toEqual([
      { path: 'src/huge.ts', kind: 'excerpt', detail: `hunk at line 1 cut to ${kept + 1} of 401 lines` },
    ]);
  });

  it('puts findings with the chunk of their file, and orphans in chunk 0', () => {
    const files = Array.from({ length: 6 }, (_, i) => makeFile(`src/f${i}.ts`, makePatch(1, 40)));
    const findings = [
      { rule_id: 'r', path: 'src/f5.ts', line: 3, severity: 'error' as const, message: 'in f5' },
      { rule_id: 'r', path: 'src/blocked.ts', line: 1, severity: 'error' as const, message: 'file not sent' },
    ];
    const { requests } = buildHookRequests(makeInput({ files, findings }), 6_000);
    expect(requests.length).toBeGreaterThan(1);
    const holder = requests.find((r) => r.files.some((f) => f.path === 'src/f5.ts'))!;
    expect(holder.findings.map((f) => f.message)).toEqual(['in f5']);
    expect(requests[0]!.findings.map((f) => f.message)).toContain('file not sent');
    expect(requests.flatMap((r) => r.findings)).toHaveLength(2);
  });

  it('sends memory in every chunk, and cuts memory beyond half the budget', () => {
    const files = Array.from({ length: 6 }, (_, i) => makeFile(`src/f${i}.ts`, makePatch(1, 40)));
    const memory = [{ source: 'docs/standards.md', content: 'Use the logger.\n' }];
    const { requests } = buildHookRequests(makeInput({ files, memory }), 6_000);
    for (const r of requests) expect(r.memory).toEqual(memory);

    const big = [{ source: 'docs/big.md', content: 'rule\n'.repeat(2_000) }];
    const cut = buildHookRequests(makeInput({ memory: big }), 8_000);
    expect(cut.requests[0]!.memory[0]!.content).toContain('[… truncated by codex-hooks:');
    expect(cut.cuts).toEqual([expect.objectContaining({ path: 'docs/big.md', kind: 'memory' })]);
  });

  it('accounts for every added line across budgets: sent, or counted in a truncation marker', () => {
    const files = [
      makeFile('src/small.ts', makePatch(1, 5)),
      makeFile('src/wide.ts', makePatch(6, 25, 'wïde ✓ "quoted" \\ line')),
      makeFile('src/one-hunk.ts', makePatch(1, 300)),
    ];
    const total = files.reduce((n, f) => n + f.patch.split('\n').filter((l) => l.startsWith('+')).length, 0);
    for (const maxBytes of [4_096, 5_000, 7_777, 12_000, 40_000]) {
      const { requests, cuts } = buildHookRequests(makeInput({ files }), maxBytes);
      for (const r of requests) expect(measureRequest(r)).toBeLessThanOrEqual(maxBytes);
      const patches = requests.flatMap((r) => r.files.map((f) => f.patch)).join('');
      const sent = patches.split('\n').filter((l) => l.startsWith('+')).length;
      const marked = [...patches.matchAll(/truncated by codex-hooks: (\d+) more line/g)].reduce(
        (n, m) => n + Number(m[1]),
        0,
      );
      expect(sent + marked).toBe(total);
      expect(cuts.some((c) => c.kind === 'omitted')).toBe(false);
      expect(new Set(requests.flatMap((r) => r.files.map((f) => f.path)))).toEqual(new Set(files.map((f) => f.path)));
    }
  });

  it('refuses a budget too small to be useful, naming the input', () => {
    expect(() => buildHookRequests(makeInput(), 100)).toThrow(/input 'hook-max-bytes'/);
  });
});

describe('splitRequest', () => {
  it('halves by files, then by hunks, then gives up', () => {
    const files = [
      makeFile('a.ts', makePatch(1, 2)),
      makeFile('b.ts', makePatch(1, 2)),
      makeFile('c.ts', makePatch(3, 2)),
    ];
    const findings = [{ rule_id: 'r', path: 'c.ts', line: 101, severity: 'warning' as const, message: 'm' }];
    const [request] = buildHookRequests(makeInput({ files, findings }), 500_000).requests;
    const [left, right] = splitRequest(request!)!;
    expect(left.files.map((f) => f.path)).toEqual(['a.ts', 'b.ts']);
    expect(right.files.map((f) => f.path)).toEqual(['c.ts']);
    expect(right.findings).toEqual(findings);
    expect(left.metadata.chunk).toEqual({ index: 0, total: 1, part: '1' });
    expect(right.metadata.chunk).toEqual({ index: 0, total: 1, part: '2' });

    const [rl, rr] = splitRequest(right)!;
    expect(splitPatchIntoHunks(rl.files[0]!.patch)).toHaveLength(2);
    expect(splitPatchIntoHunks(rr.files[0]!.patch)).toHaveLength(1);
    expect(rl.files[0]!.patch + rr.files[0]!.patch).toBe(files[2]!.patch);
    expect(rl.findings).toEqual(findings); // line 101 is in the second hunk, which stays left
    expect(rr.metadata.chunk.part).toBe('2.2');
    expect(requestSchemaValidator()(rr)).toBe(true);

    expect(splitRequest(rr)).toBeUndefined();
  });
});
