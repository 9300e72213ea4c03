import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { TestContext } from 'vitest';

/**
 * Records what the e2e fixtures produce (exit status, logs, GITHUB_OUTPUT, job summary, the files the run
 * wrote, and every request the loopback fakes received) when E2E_SNAPSHOT_DIR is set, so that
 * `scripts/e2e-snapshot.mjs` can prove a refactor changes none of it, byte for byte (the script normalises
 * the few values that differ between two runs of the same build). Off by default: the tests behave exactly
 * as without it.
 */
const DIR = process.env.E2E_SNAPSHOT_DIR;
const counters = new Map<string, number>();
/**
 * The test a record belongs to. `expect.getState().currentTestName` is global: under `describe.concurrent`
 * (test/e2e/faults.test.ts) it names whichever test started last, so records swapped names from run to run.
 * Each test instead runs inside its own async context that carries its full name.
 */
const currentTest = new AsyncLocalStorage<string>();
// Vitest only when recording: the benches (`npm run bench`) share these fakes and run outside vitest.
if (DIR) {
  const { aroundEach } = await import('vitest');
  aroundEach(async (runTest, context) => {
    await currentTest.run(fullName(context.task), runTest);
  });
}

/** `file > describe > … > test`: unique in the suite and the same on every run. */
function fullName(task: TestContext['task']): string {
  const names = [task.name];
  for (let suite = task.suite; suite && suite !== task.file; suite = suite.suite) names.unshift(suite.name);
  return [path.basename(task.file.name), ...names].join(' > ');
}

export function snapshotEnabled(): boolean {
  return DIR !== undefined && DIR !== '';
}

/**
 * Saves one record under the current test's full name; `kind` says what it is (action, cli, github,
 * endpoint), and a counter per test and kind numbers a test's records in the order that test made them.
 */
export function recordSnapshot(kind: string, data: unknown): void {
  if (!snapshotEnabled()) return;
  const test = currentTest.getStore();
  if (test === undefined) throw new Error(`e2e snapshot: a ${kind} record made outside a test`);
  const key = `${test} > ${kind}`;
  const n = (counters.get(key) ?? 0) + 1;
  counters.set(key, n);
  const slug = test.replace(/[^A-Za-z0-9._>-]+/g, '_');
  const digest = createHash('sha256').update(test).digest('hex').slice(0, 8);
  const name = `${slug.slice(0, 160)}-${digest} ${kind} #${n}`;
  mkdirSync(DIR!, { recursive: true });
  writeFileSync(path.join(DIR!, `${name}.txt`), JSON.stringify(data, null, 2) + '\n');
}

/** Every file under `dir` (the run's RUNNER_TEMP) except the ones the harness itself wrote. */
export function filesUnder(dir: string, skip: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!skip.includes(name)) {
        const bytes = readFileSync(p);
        out[path.relative(dir, p)] = bytes.includes(0) ? `<binary ${bytes.length} bytes>` : bytes.toString('utf8');
      }
    }
  };
  walk(dir);
  return out;
}

/** Request headers worth comparing: all but the transport's own (host and connection carry the loopback port). */
export function pickHeaders(headers: Record<string, string | string[] | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(headers).sort()) {
    if (name === 'host' || name === 'connection') continue;
    out[name] = headers[name];
  }
  return out;
}
