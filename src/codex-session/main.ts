import { runCodexHook } from './hook-command.js';

/**
 * The hook's own entry (dist/codex-hook/index.js): Codex starts it on every prompt and tool call, so it loads
 * only what a hook needs, not the whole CLI.
 */
export async function run(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const code = await runCodexHook(process.argv.slice(2), {
    stdin: Buffer.concat(chunks).toString('utf8'),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
  // Past its deadline a linter may still be running: the answer is given, the hook ends now.
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}
