import type { HookAnswer } from '../answer.js';
import type { CheckResult } from '../checks.js';

/** What one event decided, and what it saw: the audit record is built from it. */
export interface EventOutcome {
  readonly answer: HookAnswer;
  readonly result: CheckResult;
  /** The text that was checked (prompt, command, patch, output, message); redacted before it is logged. */
  readonly content: string;
}
