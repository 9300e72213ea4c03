import { createRedactor } from '../../core/findings/redactor.js';
import type { HookRequest, HookResponse } from '../types.js';

/**
 * What was reviewed and answered, for an audit log whose policy asks for it (`audit.include_payload`).
 * Every text is redacted first: the secrets the scanner recognises, and the caller's own token should a
 * client have put it in the body. The action redacts before it sends; the endpoint does not rely on that.
 */

export interface AuditPayload {
  readonly title: string;
  readonly files: readonly { readonly path: string; readonly patch: string }[];
  readonly summary?: string;
  readonly comments?: readonly { readonly path: string; readonly line: number; readonly body: string }[];
}

export function auditPayload(
  request: HookRequest,
  response: HookResponse | undefined,
  presentedToken: string | undefined,
): AuditPayload {
  const redactor = createRedactor(presentedToken ? [{ secret: presentedToken, ruleId: 'codex-token' }] : []);
  return {
    title: redactor.text(request.pull_request.title),
    files: request.files.map((f) => ({ path: redactor.text(f.path), patch: redactor.patch(f.patch) })),
    ...(response?.summary !== undefined ? { summary: redactor.text(response.summary) } : {}),
    ...(response
      ? {
          comments: response.comments.map((c) => ({
            path: redactor.text(c.path),
            line: c.line,
            body: redactor.text([c.title, c.body, c.suggestion].filter(Boolean).join('\n')),
          })),
        }
      : {}),
  };
}
