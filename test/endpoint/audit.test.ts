import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAuditRecords } from '../../src/audit/index.js';
import { createAuditRecord } from '../../src/endpoint/audit.js';
import type { HookExchange } from '../../src/endpoint/client.js';

const exchange: HookExchange = {
  timestamp: '2026-11-24T10:00:00.000Z',
  chunk: { index: 0, total: 2 },
  attempt: 2,
  status: 200,
  outcome: 'ok',
  latencyMs: 123,
  requestBytes: 4567,
  requestSha256: 'f'.repeat(64),
  idempotencyKey: 'e'.repeat(64),
  commentCount: 3,
};
const context = {
  repository: 'acme/widgets',
  pullRequestNumber: 42,
  headSha: 'a'.repeat(40),
  tokenFingerprint: '0123456789ab',
  tokenScopes: ['hooks:trigger'],
};

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('audit log', () => {
  it('builds a record with the fields of the issue and nothing else', () => {
    expect(createAuditRecord(exchange, context)).toEqual({
      timestamp: '2026-11-24T10:00:00.000Z',
      event: 'conversation.updated',
      repository: 'acme/widgets',
      pull_request_number: 42,
      head_sha: 'a'.repeat(40),
      token_fingerprint: '0123456789ab',
      token_scopes: ['hooks:trigger'],
      chunk: { index: 0, total: 2 },
      attempt: 2,
      status: 200,
      outcome: 'ok',
      error: null,
      latency_ms: 123,
      request_bytes: 4567,
      request_sha256: 'f'.repeat(64),
      idempotency_key: 'e'.repeat(64),
      comment_count: 3,
    });
  });

  it('appends JSON lines, plain or as a valid gzip', async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-'));
    const record = createAuditRecord(exchange, context);
    const plain = join(dir, 'nested', 'codex-audit.jsonl');
    await appendAuditRecords({ path: plain }, [record]);
    await appendAuditRecords({ path: plain }, [record, record]);
    const lines = (await readFile(plain, 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([record, record, record]);

    const gz = join(dir, 'codex-audit.jsonl.gz');
    await appendAuditRecords({ path: gz, gzip: true }, [record]);
    await appendAuditRecords({ path: gz, gzip: true }, [record]);
    const bytes = await readFile(gz);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const text = gunzipSync(bytes).toString('utf8');
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([record, record]);
  });
});
