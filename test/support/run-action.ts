import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder, recordSnapshot } from './e2e-snapshot.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built dist/ the e2e tests run; E2E_DIST points them at another build (scripts/e2e-snapshot.mjs). */
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'dist');
export const ACTION_ENTRY = path.join(DIST, 'index.js');
export const CLI_ENTRY = path.join(DIST, 'cli', 'index.js');

export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly dir: string;
}

export interface ActionRunOptions {
  readonly inputs: Record<string, string>;
  readonly event: unknown;
  readonly eventName?: string;
  readonly apiUrl: string;
  readonly workspace?: string;
  readonly env?: Record<string, string>;
}

/**
 * Only a hang guard, below vitest's test timeout so a hung action is killed and its output shown. It says
 * nothing about speed: on a loaded machine an action that takes minutes still passes.
 */
const HANG_GUARD_MS = 240_000;

/** Runs the built action as the runner does: a child process with INPUT_* variables and the runner's files. */
export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-e2e-'));
  const eventPath = path.join(dir, 'event.json');
  const outputPath = path.join(dir, 'output.txt');
  const summaryPath = path.join(dir, 'summary.md');
  await writeFile(eventPath, JSON.stringify(options.event));
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'review',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKSPACE: options.workspace ?? dir,
    RUNNER_TEMP: dir,
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const child = spawn(process.execPath, [ACTION_ENTRY], {
    env,
    cwd: options.workspace ?? dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the action did not finish within ${HANG_GUARD_MS} ms\n${stdout}\n${stderr}`));
    }, HANG_GUARD_MS);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  const run = {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputPath, 'utf8')),
    summary: await readFile(summaryPath, 'utf8'),
    dir,
  };
  recordSnapshot('action', {
    code,
    stdout,
    stderr,
    outputs: run.outputs,
    summary: run.summary,
    files: filesUnder(dir, ['event.json', 'output.txt', 'summary.md']),
  });
  return run;
}

/** Parses the runner's GITHUB_OUTPUT file (`name<<delimiter … delimiter`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
      out[m[1]!] = value.join('\n');
    } else if (lines[i]!.includes('=')) {
      const [k, ...v] = lines[i]!.split('=');
      out[k!] = v.join('=');
    }
  }
  return out;
}

/** A pull_request webhook payload. */
export function pullRequestEvent(action = 'opened', number = 42) {
  return {
    action,
    number,
    pull_request: {
      number,
      title: 'Add the widget',
      draft: false,
      user: { login: 'octocat' },
      head: { sha: 'a'.repeat(40), ref: 'feature' },
      base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'acme/widgets' } },
    },
    repository: { full_name: 'acme/widgets' },
  };
}
