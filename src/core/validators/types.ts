import type { FindingDraft } from '../findings.js';

/** Who a validator reports as: the rule id of its findings and the hook they come from. */
export interface ValidatorContext {
  readonly ruleId: string;
  readonly source: string;
}

/** What every validator returns: drafts (the engine fingerprints them all at once) and notes for the summary. */
export interface ValidatorOutput {
  readonly findings: FindingDraft[];
  readonly notes: string[];
}
