// One Codex hook invocation, process start to answer, as Codex runs it for each prompt and tool call:
// `node dist/codex-hook/index.js` with the event on stdin, beside an empty `node -e ''` start in the same run.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const HOOK = path.join(root, 'dist', 'codex-hook', 'index.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 50);

const CONFIG = `version: 1
hooks:
  - name: no-console
    events: [prompt.submitted]
    paths: ["src/**/*.ts"]
    actions:
      - type: pattern
        pattern: 'console\\.log\\('
        message: Use the logger
  - name: no-root-rm
    events: [prompt.submitted]
    actions:
      - type: pattern
        pattern: 'rm\\s+-rf\\s+/'
        severity: error
  - name: protected
    events: [prompt.submitted]
    actions:
      - type: path
        forbid: [".github/workflows/**", "**/*.pem"]
        severity: error
  - name: audit
    events: [conversation.updated]
    actions:
      - type: logger
        output: .codex-hooks/audit.jsonl
`;

function event(cwd: string, name: string, fields: object): string {
  return JSON.stringify({
    session_id: 'bench',
    turn_id: 'turn',
    transcript_path: null,
    cwd,
    hook_event_name: name,
    model: 'gpt-5.5',
    permission_mode: 'default',
    ...fields,
  });
}

/** About 2 KB of ordinary prompt text. */
function prompt(): string {
  const sentence = 'Refactor the request handler so that retries use the shared backoff helper and log once. ';
  return sentence.repeat(Math.ceil(2048 / sentence.length)).slice(0, 2048);
}

/** An apply_patch that adds a 200-line TypeScript file. */
function patch(): string {
  const lines = Array.from({ length: 200 }, (_, i) => `+export const value${i} = compute(${i}, 'item-${i}');`);
  return `*** Begin Patch\n*** Add File: src/generated/values.ts\n${lines.join('\n')}\n*** End Patch\n`;
}

function timed(args: string[], input: string, cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - started));
    child.stdin.end(input);
  });
}

/** What the hook says of its compiled-code cache (CODEX_HOOKS_DEBUG): the runs measured must use it. */
function compileCacheState(input: string, cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOOK], { cwd, env: { ...env, CODEX_HOOKS_DEBUG: '1' } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', () => resolve(/compile cache (\S+)/.exec(err)?.[1] ?? 'not said'));
    child.stdin.end(input);
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runCodexHookBenchmark(): Promise<Record<string, string | number>> {
  const loadBefore = os.loadavg()[0]!.toFixed(1);
  const top = await mkdtemp(path.join(os.tmpdir(), 'codex-hook-bench-'));
  // The repository and the user's cache folder side by side, as on a developer's machine: a cache inside the
  // repository is refused (src/codex-session/compile-cache.ts), and the hook would then compile every time.
  const dir = path.join(top, 'repo');
  try {
    await mkdir(path.join(dir, '.git'), { recursive: true });
    await mkdir(path.join(dir, '.github'));
    await writeFile(path.join(dir, '.github', 'codex-hooks.yml'), CONFIG);
    const env = { ...process.env, XDG_CACHE_HOME: path.join(top, 'cache') };
    const inputs = {
      prompt: event(dir, 'UserPromptSubmit', { prompt: prompt() }),
      patch: event(dir, 'PreToolUse', {
        tool_name: 'apply_patch',
        tool_input: { command: patch() },
        tool_use_id: 'c1',
      }),
    };
    // The first hook after a config change parses it; every later one reads the cache. Measured apart.
    const firstRun = await timed([HOOK], inputs.prompt, dir, env);
    // The first patch adds its code to the compile cache entry: a user's steady state, measured below.
    await timed([HOOK], inputs.patch, dir, env);
    const cache = await compileCacheState(inputs.prompt, dir, env);
    const times = { empty: [] as number[], prompt: [] as number[], patch: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      // Interleaved, so a busy moment of the machine weighs on all three alike.
      times.empty.push(await timed(['-e', ''], '', dir, env));
      times.prompt.push(await timed([HOOK], inputs.prompt, dir, env));
      times.patch.push(await timed([HOOK], inputs.patch, dir, env));
    }
    const ms = (v: number) => Number(v.toFixed(0));
    const out: Record<string, string | number> = { 'codex-hook: runs of each': RUNS };
    for (const [name, values] of Object.entries(times)) {
      out[`${name}: p50 / p95 (ms)`] = `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}`;
    }
    const base = percentile(times.empty, 95);
    out['2 KB prompt: p95 / empty p95'] = Number((percentile(times.prompt, 95) / base).toFixed(2));
    out['200-line patch: p95 / empty p95'] = Number((percentile(times.patch, 95) / base).toFixed(2));
    out['first hook after a config change (ms)'] = ms(firstRun);
    out['compile cache of the runs measured'] = cache;
    out['machine load (1 min) before / after'] = `${loadBefore} / ${os.loadavg()[0]!.toFixed(1)}`;
    return out;
  } finally {
    await rm(top, { recursive: true, force: true });
  }
}
