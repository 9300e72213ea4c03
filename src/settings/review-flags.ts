import { readInputs, type ActionInputs } from './action-inputs.js';

/** The action's inputs that `codex-hooks review` takes as flags of the same name. */
export const REVIEW_FLAGS_FROM_INPUTS: readonly string[] = ['hook-timeout'];

/**
 * The AI review's settings `codex-hooks review` shares with the action, read through the action's one
 * validation and defaults (action.yml, INPUT_DEFAULTS): the endpoint's and the model's timeout
 * (--hook-timeout), retries, request size and token budgets. A bad value's message names the flag.
 */
export function readReviewFlags(flags: Readonly<Record<string, unknown>>): ActionInputs {
  const read = (input: string) => (REVIEW_FLAGS_FROM_INPUTS.includes(input) ? String(flags[input] ?? '') : '');
  return readInputs(read, {}, (input) => `--${input}`);
}
