import type * as Crypto from 'node:crypto';
import type * as Zlib from 'node:zlib';
import { deferBuiltin } from '../core/lazy-builtin.js';
import { ConfigurationError } from '../errors.js';

/**
 * How a batch of JSON lines is stored. Plain: the lines. Gzip only: one gzip member per batch, so the file
 * stays a valid .gz that `zcat` reads whole. Encrypted: one JSON line per batch, an AES-256-GCM envelope
 * (compressed first when asked: ciphertext does not compress).
 */

// Loaded when a log is compressed or encrypted: a plain JSON-lines log (the Codex hook's usual case) needs neither.
const crypto = deferBuiltin<typeof Crypto>('node:crypto');
const zlib = deferBuiltin<typeof Zlib>('node:zlib');

export const AUDIT_KEY_ENV = 'CODEX_HOOKS_AUDIT_KEY';

export interface AuditEnvelope {
  readonly codex_hooks_audit: 1;
  readonly alg: 'AES-256-GCM';
  readonly compression: 'gzip' | 'none';
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

export interface EncodeOptions {
  readonly gzip: boolean;
  /** 32 bytes; absent: not encrypted. */
  readonly key?: Buffer;
}

export function encodeBatch(lines: string, options: EncodeOptions): Buffer {
  if (!options.key) return options.gzip ? zlib().gzipSync(lines) : Buffer.from(lines, 'utf8');
  const plain = options.gzip ? zlib().gzipSync(lines) : Buffer.from(lines, 'utf8');
  const iv = crypto().randomBytes(12);
  const cipher = crypto().createCipheriv('aes-256-gcm', options.key, iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  const envelope: AuditEnvelope = {
    codex_hooks_audit: 1,
    alg: 'AES-256-GCM',
    compression: options.gzip ? 'gzip' : 'none',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  return Buffer.from(`${JSON.stringify(envelope)}\n`, 'utf8');
}

/**
 * The JSON lines of a whole log file, whatever its storage: plain, gzip members, or encrypted envelopes
 * (which need the key). A tampered or wrongly keyed envelope is an error, never silently skipped.
 */
export function decodeLog(file: Buffer, key: Buffer | undefined): string[] {
  if (file.length === 0) return [];
  const text = file[0] === 0x1f && file[1] === 0x8b ? zlib().gunzipSync(file).toString('utf8') : file.toString('utf8');
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (!line.startsWith('{"codex_hooks_audit":')) {
      lines.push(line);
      continue;
    }
    lines.push(...decryptEnvelope(line, key));
  }
  return lines;
}

function decryptEnvelope(line: string, key: Buffer | undefined): string[] {
  const envelope = JSON.parse(line) as AuditEnvelope;
  if (!key) {
    throw new ConfigurationError(`the log is encrypted; set ${AUDIT_KEY_ENV} to the key it was written with`);
  }
  const decipher = crypto().createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]);
  } catch {
    throw new ConfigurationError(
      `an entry of the log cannot be decrypted: the key in ${AUDIT_KEY_ENV} is not the one it was written with, or the entry was altered`,
    );
  }
  const text = envelope.compression === 'gzip' ? zlib().gunzipSync(plain).toString('utf8') : plain.toString('utf8');
  return text.split('\n').filter((l) => l.trim() !== '');
}

/**
 * The key from its environment variable: 32 bytes as 64 hex characters or base64. Anything else is refused,
 * so a typo never silently writes with a weak key.
 */
export function readAuditKey(env: Readonly<Record<string, string | undefined>>, name = AUDIT_KEY_ENV): Buffer {
  const value = env[name]?.trim();
  if (!value) {
    throw new ConfigurationError(
      `encryption is on but ${name} is not set; set it to 32 random bytes (64 hex characters or base64), e.g. from 'openssl rand -hex 32'`,
    );
  }
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) {
    throw new ConfigurationError(`${name} must hold 32 bytes (64 hex characters or base64); it holds ${key.length}`);
  }
  return key;
}
