import { callHookEndpoint, type HookClientOptions } from '../endpoint/client.js';
import type { Reviewer } from '../ports.js';

/** The `endpoint` reviewer: today's HTTP client of the hook protocol (docs/hook-protocol.md), unchanged. */
export function createEndpointReviewer(options: Omit<HookClientOptions, 'redact'>): Reviewer {
  return {
    kind: 'endpoint',
    target: new URL(String(options.url)).host,
    maxRequestBytes: options.maxBytes,
    review: (requests, context) =>
      callHookEndpoint([...requests], { ...options, ...(context.redact ? { redact: context.redact } : {}) }),
  };
}
