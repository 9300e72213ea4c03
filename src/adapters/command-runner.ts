import type * as ChildProcess from 'node:child_process';
import { deferBuiltin } from '../core/lazy-builtin.js';
import type { CommandRunner } from '../ports.js';

const childProcess = deferBuiltin<typeof ChildProcess>('node:child_process');

const DEFAULT_MAX_OUTPUT = 5 * 1024 * 1024;
/** Time a killed process group gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 2000;

/**
 * Variables a validator must not see: it runs the PR's own code (its lint config, its plugins), and the
 * action's inputs include the Codex token.
 */
const SECRET_ENV =
  /^(INPUT_.*|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL|GITHUB_TOKEN|GH_TOKEN|CODEX_TOKEN)$/i;

export function createCommandEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (!SECRET_ENV.test(k)) env[k] = v;
  return env;
}

/**
 * Runs a program without a shell: every argv entry reaches the program as written, so a file named
 * `; rm -rf ~` or `--help` is just an argument. On timeout the whole process group is killed (a linter
 * started through `npx` has children).
 */
export const runCommand: CommandRunner = (argv, options) =>
  new Promise((resolve) => {
    const [program, ...args] = argv;
    if (program === undefined || program === '') {
      resolve({ exitCode: null, stdout: '', stderr: '', timedOut: false, truncated: false, error: 'empty command' });
      return;
    }
    const cap = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
    const posix = process.platform !== 'win32';
    const child = childProcess().spawn(program, args, {
      cwd: options.cwd,
      env: options.env ?? createCommandEnv(),
      shell: false,
      stdio: [options.stdin !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout can kill the grandchildren too.
      detached: posix,
      windowsHide: true,
    });
    let timedOut = false;
    let settled = false;
    const out = collectCapped(cap);
    const err = collectCapped(cap);
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    const killTree = (signal: NodeJS.Signals) => killProcessTree(child, posix, signal);
    let hardKill: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      killTree('SIGTERM');
      hardKill = setTimeout(() => killTree('SIGKILL'), KILL_GRACE_MS);
      hardKill.unref();
    }, options.timeoutMs);

    const finish = (exitCode: number | null, error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (timedOut) killTree('SIGKILL'); // stragglers in the group
      if (hardKill) clearTimeout(hardKill);
      resolve({
        exitCode: timedOut ? null : exitCode,
        stdout: out.text(),
        stderr: err.text(),
        timedOut,
        truncated: out.truncated() || err.truncated(),
        ...(error !== undefined ? { error } : {}),
      });
    };
    if (child.stdin) {
      // A child that exits without reading its input is not an error of ours.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.stdin);
    }
    child.on('error', (e) => finish(null, e.message));
    // 'close' waits for the pipes; a grandchild holding them open is killed on timeout.
    child.on('close', (code) => finish(code));
  });

/** Output kept up to `cap` bytes; whatever comes after is dropped and noted. */
function collectCapped(cap: number): { push(chunk: Buffer): void; text(): string; truncated(): boolean } {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  return {
    push(chunk) {
      if (size >= cap) {
        truncated = true;
        return;
      }
      const room = cap - size;
      if (chunk.length > room) truncated = true;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      chunks.push(part);
      size += part.length;
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
    truncated: () => truncated,
  };
}

/** The whole process group on POSIX (a linter started through `npx` has children), the process elsewhere. */
function killProcessTree(child: ChildProcess.ChildProcess, posix: boolean, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (posix) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // already gone
  }
}
