import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AUDIT_KEY_ENV,
  appendAuditRecords,
  auditLogOptionsFor,
  decodeLog,
  openAuditLog,
  readAuditKey,
  runAuditCommand,
} from '../../src/audit/index.js';
import { ConfigurationError } from '../../src/errors.js';

let dir: string;
afterEach(() => undefined);

async function temp(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'audit-writer-'));
  return dir;
}

const record = (i: number) => ({ timestamp: '2026-11-24T10:00:00.000Z', event: 'conversation.updated', n: i });

describe('the audit writer', () => {
  it('keeps the order of concurrent writes, one JSON line each', async () => {
    const path = join(await temp(), 'a', 'log.jsonl');
    const log = openAuditLog({ path });
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.write(record(i))));
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { n: number }).n)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('rotates past max bytes, keeping max_files old files, newest as .1', async () => {
    const path = join(await temp(), 'log.jsonl');
    const line = `${JSON.stringify(record(0))}\n`.length;
    const options = { path, rotate: { maxBytes: line * 2, maxFiles: 2 } };
    for (let i = 0; i < 7; i++) await appendAuditRecords(options, [record(i)]);
    expect((await readdir(dir)).sort()).toEqual(['log.jsonl', 'log.jsonl.1', 'log.jsonl.2']);
    const ns = async (f: string) =>
      (await readFile(join(dir, f), 'utf8'))
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { n: number }).n);
    expect(await ns('log.jsonl')).toEqual([6]);
    expect(await ns('log.jsonl.1')).toEqual([4, 5]);
    expect(await ns('log.jsonl.2')).toEqual([2, 3]);
  });

  it('gzip: each batch a gzip member, the file one valid .gz', async () => {
    const path = join(await temp(), 'log.jsonl.gz');
    await appendAuditRecords({ path, gzip: true }, [record(1)]);
    await appendAuditRecords({ path, gzip: true }, [record(2), record(3)]);
    const bytes = await readFile(path);
    expect(gunzipSync(bytes).toString('utf8').trimEnd().split('\n')).toHaveLength(3);
    expect(decodeLog(bytes, undefined).map((l) => (JSON.parse(l) as { n: number }).n)).toEqual([1, 2, 3]);
  });

  it.each([
    ['encrypted', false],
    ['encrypted and compressed', true],
  ])('%s: a round trip gives the lines back; no plaintext on disk', async (_name, gzip) => {
    const path = join(await temp(), 'log.jsonl');
    const key = randomBytes(32);
    await appendAuditRecords({ path, gzip, key }, [record(1), { ...record(2), secret_marker: 'PLAINTEXT-MARK' }]);
    await appendAuditRecords({ path, gzip, key }, [record(3)]);
    const bytes = await readFile(path);
    expect(bytes.toString('utf8')).not.toContain('PLAINTEXT-MARK');
    expect(bytes.toString('utf8')).not.toContain('conversation.updated');
    expect(decodeLog(bytes, key).map((l) => (JSON.parse(l) as { n: number }).n)).toEqual([1, 2, 3]);
    expect(() => decodeLog(bytes, randomBytes(32))).toThrow(/cannot be decrypted/);
    expect(() => decodeLog(bytes, undefined)).toThrow(new RegExp(AUDIT_KEY_ENV));
  });

  it('detects an altered encrypted entry', async () => {
    const path = join(await temp(), 'log.jsonl');
    const key = randomBytes(32);
    await appendAuditRecords({ path, key }, [record(1)]);
    const envelope = JSON.parse(await readFile(path, 'utf8')) as { data: string };
    const data = Buffer.from(envelope.data, 'base64');
    data[0] = data[0]! ^ 1;
    const altered = JSON.stringify({ ...envelope, data: data.toString('base64') });
    expect(() => decodeLog(Buffer.from(altered), key)).toThrow(/altered/);
  });

  it('never writes through a symlink planted at the log path', async () => {
    const root = await temp();
    const target = join(root, 'target.txt');
    await writeFile(target, 'untouched');
    await symlink(target, join(root, 'log.jsonl'));
    await expect(appendAuditRecords({ path: join(root, 'log.jsonl') }, [record(1)])).rejects.toThrow();
    expect(await readFile(target, 'utf8')).toBe('untouched');
  });
});

describe('the audit key', () => {
  it.each([
    ['64 hex characters', 'ab'.repeat(32)],
    ['base64 of 32 bytes', Buffer.alloc(32, 7).toString('base64')],
  ])('accepts %s', (_name, value) => {
    expect(readAuditKey({ [AUDIT_KEY_ENV]: value })).toHaveLength(32);
  });

  it.each([
    ['missing', undefined, /is not set/],
    ['short', 'abcd', /must hold 32 bytes/],
  ])('refuses a %s key', (_name, value, message) => {
    expect(() => readAuditKey({ [AUDIT_KEY_ENV]: value })).toThrow(ConfigurationError);
    expect(() => readAuditKey({ [AUDIT_KEY_ENV]: value })).toThrow(message);
  });
});

describe("the seed's logger options", () => {
  it('map onto the writer: rotate, gzip, encrypt with the key from the environment', () => {
    const key = 'cd'.repeat(32);
    const options = auditLogOptionsFor(
      {
        type: 'logger',
        output: 'logs/conversations.jsonl',
        format: 'json',
        options: {
          rotate: { enabled: true, max_size_mb: 100, max_files: 10 },
          encrypt: true,
          compression: 'gzip',
          include_metadata: true,
        },
      },
      '/w/logs/conversations.jsonl',
      { [AUDIT_KEY_ENV]: key },
    );
    expect(options).toEqual({
      path: '/w/logs/conversations.jsonl',
      gzip: true,
      rotate: { maxBytes: 100 * 1024 * 1024, maxFiles: 10 },
      key: Buffer.from(key, 'hex'),
    });
  });

  it('rotate.enabled: false turns rotation off', () => {
    const options = auditLogOptionsFor(
      { type: 'logger', output: 'x', options: { rotate: { enabled: false, max_size_mb: 1 } } },
      '/x',
      {},
    );
    expect(options.rotate).toBeUndefined();
  });
});

describe('codex-hooks audit read', () => {
  it('prints the lines of an encrypted, compressed log with the key from the environment', async () => {
    const path = join(await temp(), 'log.jsonl');
    const key = randomBytes(32);
    await appendAuditRecords({ path, gzip: true, key }, [record(1), record(2)]);
    let out = '';
    const code = await runAuditCommand(
      ['read', path],
      { [AUDIT_KEY_ENV]: key.toString('hex') },
      {
        write: (t: string) => (out += t),
      },
    );
    expect(code).toBe(0);
    expect(
      out
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as object),
    ).toEqual([record(1), record(2)]);
  });
});
