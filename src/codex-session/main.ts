import { readFileSync, writeSync } from 'node:fs';
import { sniffEventName } from './codex-event.js';
import { PATCH_TOOLS } from './events/tool-use.js';
import { runCodexHook } from './hook-command.js';

/**
 * The hook's own entry (dist/codex-hook/index.js): Codex starts it on every prompt and tool call, so it loads
 * only what a hook needs, not the whole CLI.
 */
export async function run(ranLane: (lane: string) => void = () => {}): Promise<void> {
  const out = syncWriter(1, () => process.stdout);
  const err = syncWriter(2, () => process.stderr);
  const stdin = readStdinSync() ?? (await readStdinStream());
  const lane = laneOf(stdin);
  if (lane !== undefined) ranLane(lane);
  const code = await runCodexHook(process.argv.slice(2), {
    stdin,
    stdout: out,
    stderr: err,
    env: process.env,
  });
  // Past its deadline a linter may still be running: the answer is given, the hook ends now.
  process.exitCode = code;
  await Promise.all([out.flushed(), err.flushed()]);
  process.exit(code);
}

/**
 * Which code the event runs, for the compile cache (src/codex-session/compile-cache.ts): its name, and for a
 * tool, whether it is a patch (parsed as one) or a command. Only the names Codex defines: the set stays small.
 */
export function laneOf(stdin: string): string | undefined {
  const name = sniffEventName(stdin);
  if (name === 'PreToolUse' || name === 'PostToolUse')
    return `${name}/${PATCH_TOOLS.has(/"tool_name"\s*:\s*"([\w-]*)"/.exec(stdin)?.[1] ?? '') ? 'patch' : 'command'}`;
  return name;
}

/**
 * Stdin read with one system call loop: touching `process.stdin` builds a stream (and loads `net`) that a
 * hook reading one small JSON event does not need. A non-blocking pipe (EAGAIN) falls back to the stream.
 */
function readStdinSync(): string | undefined {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return undefined;
  }
}

async function readStdinStream(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Writes straight to the file descriptor, for the same reason; what a non-blocking pipe does not take at once
 * goes through the stream, and `flushed` waits for it before the process exits.
 */
function syncWriter(fd: number, stream: () => NodeJS.WriteStream) {
  let pending: Promise<void> = Promise.resolve();
  let viaStream = false;
  return {
    write(text: string): void {
      if (text === '') return;
      let rest = Buffer.from(text, 'utf8');
      while (!viaStream && rest.length > 0) {
        try {
          rest = rest.subarray(writeSync(fd, rest));
        } catch {
          viaStream = true;
        }
      }
      if (rest.length > 0) pending = new Promise((resolve) => stream().write(rest, () => resolve()));
    },
    flushed: () => pending,
  };
}
