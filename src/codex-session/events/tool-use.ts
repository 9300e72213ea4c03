import { PatchFormatError, patchToChangedFiles } from '../apply-patch.js';
import type { PostToolUseEvent, PreToolUseEvent } from '../codex-event.js';
import {
  blockingFindings,
  checkFiles,
  checkOutput,
  describeFindings,
  mergeResults,
  onFiles,
  onText,
  textAsFile,
  type CheckResult,
  type SessionContext,
} from '../checks.js';
import { readShellCommand } from '../shell-command.js';
import type { EventOutcome } from './outcome.js';

export const COMMAND_NAME = '<command>';
export const TOOL_OUTPUT_NAME = '<tool output>';

/** Codex's patch tool; it also answers to the matcher names Edit and Write. */
export const PATCH_TOOLS: ReadonlySet<string> = new Set(['apply_patch', 'Edit', 'Write']);

/**
 * PreToolUse → prompt.submitted over what the tool is about to write or run. A patch is parsed into its files
 * (added lines with paths and line numbers) for the secret scan and the `pattern` and `path` hooks; a shell
 * command is checked as text, and the files its here-documents write as files. A finding at the gate's level
 * denies the call: the command never runs, the file is never written.
 */
export async function handlePreToolUse(event: PreToolUseEvent, ctx: SessionContext): Promise<EventOutcome> {
  const result = PATCH_TOOLS.has(event.toolName)
    ? await checkPatch(event.command, ctx)
    : await checkCommand(event.command, ctx);
  const blocking = blockingFindings(result.findings, ctx.failOn);
  if (blocking.length === 0) return { answer: { kind: 'allow' }, result, content: event.command };
  const what = PATCH_TOOLS.has(event.toolName) ? 'this patch' : 'this command';
  const reason = describeFindings(
    `codex-hooks (the repository's .github/codex-hooks.yml) refused ${what}; nothing was run or written. Fix these and try again:`,
    blocking,
  );
  return { answer: { kind: 'deny', reason }, result, content: event.command };
}

async function checkPatch(patch: string, ctx: SessionContext): Promise<CheckResult> {
  try {
    const files = await patchToChangedFiles(patch, (path) => ctx.ports.readRepositoryFile(path));
    return await checkFiles(files, onFiles('secret-scan', 'pattern', 'path'), ctx);
  } catch (error) {
    // Text Codex will refuse as a patch is still read for secrets.
    if (!(error instanceof PatchFormatError)) throw error;
    return checkFiles([textAsFile(COMMAND_NAME, patch)], onText, ctx);
  }
}

async function checkCommand(command: string, ctx: SessionContext): Promise<CheckResult> {
  const view = readShellCommand(command);
  const text = await checkFiles([textAsFile(COMMAND_NAME, view.text)], onText, ctx);
  if (view.files.length === 0) return text;
  return mergeResults(text, await checkFiles(view.files, onFiles('secret-scan', 'pattern', 'path'), ctx));
}

/**
 * PostToolUse → response.generated over the tool's output. A secret a command printed is reported to the
 * model, which must not repeat it, and logged masked.
 */
export async function handlePostToolUse(event: PostToolUseEvent, ctx: SessionContext): Promise<EventOutcome> {
  const result = await checkOutput(TOOL_OUTPUT_NAME, event.toolResponse, ctx);
  const blocking = blockingFindings(result.findings, ctx.failOn);
  if (blocking.length === 0) return { answer: { kind: 'allow' }, result, content: event.toolResponse };
  const reason = describeFindings(
    'codex-hooks: the output of this tool call holds a secret or a forbidden pattern. Do not repeat, quote or store the value; continue without it:',
    blocking,
  );
  return { answer: { kind: 'block', reason }, result, content: event.toolResponse };
}
