import { parsePatch } from '../../core/diff/index.js';
import type { Severity } from '../../core/types.js';
import type { HookComment, HookRequest, HookResponse } from '../types.js';

/**
 * The reference endpoint's "review": fixed rules on the added lines of each patch. Pure, so endpoint
 * authors can read it as an example of building a protocol-v1 response.
 */

interface ReferenceRule {
  readonly id: string;
  readonly pattern: RegExp;
  readonly severity: Severity;
  readonly title: string;
  readonly body: string;
  /** The replacement for the line, or undefined for no suggestion; '' removes the line. */
  readonly suggest?: (line: string) => string | undefined;
}

const RULES: readonly ReferenceRule[] = [
  {
    id: 'reference/eval',
    pattern: /\beval\s*\(/,
    severity: 'error',
    title: 'eval() runs arbitrary code',
    body: '`eval` executes a string as code; parse the data instead (for example with `JSON.parse`).',
  },
  {
    id: 'reference/console-log',
    pattern: /\bconsole\.log\(/,
    severity: 'warning',
    title: 'console.log left in the change',
    body: "Use the project's logger instead of `console.log`.",
    // A line that is only the call is removed; inside other code we do not guess.
    suggest: (line) => (/^\s*console\.log\(.*\);?\s*$/.test(line) ? '' : undefined),
  },
  {
    id: 'reference/todo',
    pattern: /\b(TODO|FIXME)\b/,
    severity: 'notice',
    title: 'TODO left in the change',
    body: 'Track this in an issue, or resolve it before merging.',
  },
];

export function reviewRequest(request: HookRequest): HookResponse {
  const comments: HookComment[] = [];
  for (const file of request.files) {
    // Lines that are not diff lines (an excerpt marker) carry no line number and are skipped.
    for (const { line, text } of parsePatch(file.patch).added) {
      for (const rule of RULES) {
        if (!rule.pattern.test(text)) continue;
        const suggestion = rule.suggest?.(text);
        comments.push({
          path: file.path,
          line,
          side: 'RIGHT',
          severity: rule.severity,
          title: rule.title,
          body: suggestion === '' ? `${rule.body} The suggestion removes the line.` : rule.body,
          rule_id: rule.id,
          ...(suggestion !== undefined ? { suggestion } : {}),
        });
      }
    }
  }
  const { index, total } = request.metadata.chunk;
  const files = new Set(comments.map((c) => c.path)).size;
  const summary =
    comments.length === 0
      ? `codex-hooks reference endpoint: no remarks on ${request.files.length} file(s) (chunk ${index + 1}/${total}).`
      : `codex-hooks reference endpoint: ${comments.length} comment(s) on ${files} file(s) (chunk ${index + 1}/${total}).`;
  return {
    comments,
    summary,
    verdict: comments.some((c) => c.severity === 'error') ? 'request_changes' : 'comment',
  };
}
