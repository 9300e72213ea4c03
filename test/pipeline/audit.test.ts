import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeAuditLogs, type ModelReviewAudit } from '../../src/pipeline/audit.js';
import { AUDIT_LOGGERS, hooksConfig } from '../fixtures/hooks-config.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const CONFIG = hooksConfig(AUDIT_LOGGERS);

const REVIEW: ModelReviewAudit = {
  reviewer: 'openai: gpt-test at api.example.test',
  usage: { requests: 3, inputTokens: 12_345, outputTokens: 678, cachedTokens: 9_000 },
  repository: 'acme/app',
  pullRequestNumber: 7,
  headSha: 'a'.repeat(40),
};

function lines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('audit log of a model review', () => {
  it('holds one line per run with the requests and the input, output and cached tokens', async () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'audit-usage-'));
    dirs.push(workspace);
    await writeAuditLogs(CONFIG, workspace, {
      exchanges: [],
      executions: [],
      modelReview: {
        ...REVIEW,
        failure: {
          kind: 'truncated',
          message: 'cut at max_output_tokens',
          failedChunks: 1,
          totalChunks: 1,
          host: 'api.example.test',
        },
      },
      now: () => new Date('2026-01-02T03:04:05Z'),
    });
    expect(lines(path.join(workspace, 'logs', 'full.jsonl'))).toEqual([
      {
        timestamp: '2026-01-02T03:04:05.000Z',
        event: 'conversation.updated',
        source: 'model-review',
        reviewer: 'openai: gpt-test at api.example.test',
        outcome: 'truncated',
        requests: 3,
        input_tokens: 12_345,
        output_tokens: 678,
        cached_tokens: 9_000,
        repository: 'acme/app',
        pull_request_number: 7,
        head_sha: 'a'.repeat(40),
      },
    ]);
    // Without metadata: the cost stays, the pull request goes.
    const [lean] = lines(path.join(workspace, 'logs', 'lean.jsonl'));
    expect(lean).toMatchObject({ outcome: 'truncated', requests: 3, input_tokens: 12_345, cached_tokens: 9_000 });
    expect(lean).not.toHaveProperty('repository');
    expect(lean).not.toHaveProperty('head_sha');
  });

  it('writes no usage line when no model reviewed', async () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'audit-usage-'));
    dirs.push(workspace);
    await writeAuditLogs(CONFIG, workspace, { exchanges: [], executions: [], now: () => new Date(0) });
    expect(() => readFileSync(path.join(workspace, 'logs', 'full.jsonl'), 'utf8')).toThrow();
  });
});
