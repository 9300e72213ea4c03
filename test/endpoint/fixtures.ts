import type { HookPayloadInput } from '../../src/endpoint/payload.js';
import type { HookRequestFile } from '../../src/endpoint/types.js';

/** Test data shared by the hook tests. */

export function makePatch(hunks: number, linesPerHunk: number, prefix = 'line'): string {
  let out = '';
  for (let h = 0; h < hunks; h++) {
    const start = h * 100 + 1;
    out += `@@ -${start},${linesPerHunk} +${start},${linesPerHunk} @@\n`;
    for (let i = 0; i < linesPerHunk; i++) out += `+${prefix} ${h}.${i} ${'x'.repeat(40)}\n`;
  }
  return out;
}

export function makeFile(path: string, patch: string): HookRequestFile {
  return {
    path,
    previous_path: null,
    status: 'modified',
    additions: patch.split('\n+').length - 1,
    deletions: 0,
    patch,
  };
}

export function makeInput(overrides: Partial<HookPayloadInput> = {}): HookPayloadInput {
  return {
    event_type: 'pull_request_opened',
    repository: 'acme/widgets',
    pull_request_number: 42,
    pull_request: {
      title: 'Add widgets',
      head_sha: 'a'.repeat(40),
      base_sha: 'b'.repeat(40),
      head_ref: 'feature',
      base_ref: 'main',
      author: 'octocat',
      draft: false,
    },
    files: [makeFile('src/a.ts', makePatch(1, 3))],
    findings: [],
    memory: [],
    metadata: { triggered_by: 'GitHub Actions', timestamp: '2026-11-24T10:00:00Z', run_id: '4242', run_attempt: '1' },
    ...overrides,
  };
}

/** Builds an unsigned JWT (header.payload.signature) from claims. */
export function makeJwt(claims: Record<string, unknown>): string {
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc(claims)}.${Buffer.from('not-a-real-signature').toString('base64url')}`;
}
