/*
 * The config-hook engine (docs/architecture.md): one file per event, the built-in secret scan and the action
 * runner they share.
 */
export type { HookExecution, HookPorts, HookRunOptions, MemoryEntry, ReviewFile, SecretHit } from './types.js';
export { runPromptSubmittedHooks, type PromptSubmittedResult } from './prompt-submitted.js';
export { runResponseGeneratedHooks, type ResponseGeneratedResult } from './response-generated.js';
export { collectLoggers } from './logger-events.js';
