import { describeSchemaErrors, responseSchemaValidator } from './schema.js';
import type { HookComment, HookResponse } from './types.js';

/** Pure: validates and reads the endpoint's answer. Nothing of it is used before it matches the schema. */

/** A 200 answer that breaks protocol v1. The message names the JSON path and what was expected. */
export class HookResponseError extends Error {
  override readonly name = 'HookResponseError';
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(message);
  }
}

export interface ParseHookResponseOptions {
  /** Applied to every excerpt of the body quoted in an error (secrets, the token). */
  readonly redact?: (text: string) => string;
}

/** Longest excerpt of an endpoint's body quoted in a message. */
export const MAX_QUOTED_CHARS = 120;

export function parseHookResponse(bodyText: string, options: ParseHookResponseOptions = {}): HookResponse {
  let data: unknown;
  try {
    data = JSON.parse(bodyText);
  } catch {
    // Not the parser's message: it quotes the body, unredacted.
    throw new HookResponseError(
      `the response is not valid JSON; it starts with ${quoteExcerpt(bodyText, options.redact)}`,
      ['response is not JSON'],
    );
  }
  const validateResponse = responseSchemaValidator();
  if (!validateResponse(data)) {
    const problems = describeSchemaErrors(validateResponse.errors, 'response');
    throw new HookResponseError(`the response does not match protocol v1: ${problems.join('; ')}`, problems);
  }
  const response = data as { comments?: HookComment[]; summary?: string; verdict?: HookResponse['verdict'] };
  const comments = response.comments ?? [];
  const problems = comments.flatMap((c, i) =>
    c.start_line !== undefined && c.start_line > c.line
      ? [`response/comments/${i}/start_line must be at most line (${c.start_line} > ${c.line})`]
      : [],
  );
  if (problems.length > 0) {
    throw new HookResponseError(`the response does not match protocol v1: ${problems.join('; ')}`, problems);
  }
  // Copy only the known fields: unknown ones are ignored, not carried along.
  return {
    comments: comments.map(pickComment),
    ...(response.summary !== undefined ? { summary: response.summary } : {}),
    ...(response.verdict !== undefined ? { verdict: response.verdict } : {}),
  };
}

export interface PartitionedComments {
  readonly inPullRequest: HookComment[];
  /** Comments on files that were not sent: reported (log, summary), never posted. */
  readonly outsidePullRequest: HookComment[];
}

export function partitionComments(response: HookResponse, filesInRequest: ReadonlySet<string>): PartitionedComments {
  const inPullRequest: HookComment[] = [];
  const outsidePullRequest: HookComment[] = [];
  for (const comment of response.comments) {
    (filesInRequest.has(comment.path) ? inPullRequest : outsidePullRequest).push(comment);
  }
  return { inPullRequest, outsidePullRequest };
}

/** A short, redacted, single-line quote of an endpoint's text: never a huge body in a log. */
export function quoteExcerpt(text: string, redact?: (text: string) => string, max = MAX_QUOTED_CHARS): string {
  if (text.length === 0) return '(an empty body)';
  // Redact before cutting (a cut secret would no longer match), on a slice far longer than any token.
  const head = text.slice(0, 65_536);
  const clean = (redact ? redact(head) : head).replace(/\s+/g, ' ');
  return JSON.stringify(truncate(clean, max) + (clean.length > max ? '…' : ''));
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

function pickComment(c: HookComment): HookComment {
  const out: { -readonly [K in keyof HookComment]: HookComment[K] } = { path: c.path, line: c.line, body: c.body };
  if (c.start_line !== undefined) out.start_line = c.start_line;
  if (c.side !== undefined) out.side = c.side;
  if (c.severity !== undefined) out.severity = c.severity;
  if (c.title !== undefined) out.title = c.title;
  if (c.suggestion !== undefined) out.suggestion = c.suggestion;
  if (c.rule_id !== undefined) out.rule_id = c.rule_id;
  return out;
}
