import { closeSync, constants, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodeBatch } from './envelope.js';

/**
 * The one audit and conversation-log writer, for the endpoint and the action's `logger` hooks: JSON lines,
 * rotated by size, optionally gzip-compressed and AES-256-GCM encrypted. Writes are queued and flushed in
 * batches, so concurrent callers never interleave and a busy server does one write per batch, not per line.
 * The file operations are synchronous: a batch is one small append, and a Codex hook, which writes one batch
 * per prompt or tool call, would otherwise load the promise API and the thread pool for it.
 */

export interface AuditLogOptions {
  readonly path: string;
  /** Rotate before the file passes this many bytes; keep `maxFiles` old files (`path.1` newest). */
  readonly rotate?: { readonly maxBytes: number; readonly maxFiles: number };
  readonly gzip?: boolean;
  /** 32 bytes (see readAuditKey); absent: not encrypted. */
  readonly key?: Buffer;
}

export interface AuditLog {
  /** Queues a record; it is on disk once the returned promise (or `flush`) resolves. */
  write(record: object): Promise<void>;
  flush(): Promise<void>;
}

export function openAuditLog(options: AuditLogOptions): AuditLog {
  let pending: string[] = [];
  let current: Promise<void> = Promise.resolve();
  let scheduled: Promise<void> | undefined;
  let size: number | undefined;

  const writeBatch = (lines: string[]): void => {
    const data = encodeBatch(lines.join(''), {
      gzip: options.gzip === true,
      ...(options.key ? { key: options.key } : {}),
    });
    size ??= sizeOf(options.path);
    if (options.rotate && size > 0 && size + data.length > options.rotate.maxBytes) {
      rotateFiles(options.path, options.rotate.maxFiles);
      size = 0;
    }
    appendNoFollow(options.path, data);
    size += data.length;
  };

  const flush = (): Promise<void> => {
    scheduled ??= current.then(() => {
      scheduled = undefined;
      const lines = pending;
      pending = [];
      if (lines.length > 0) writeBatch(lines);
    });
    current = scheduled;
    return scheduled;
  };

  return {
    write: (record) => {
      pending.push(`${JSON.stringify(record)}\n`);
      return flush();
    },
    flush: () => flush(),
  };
}

/** Appends records to a log in one batch: the one-shot form of openAuditLog. */
export async function appendAuditRecords(options: AuditLogOptions, records: readonly object[]): Promise<void> {
  if (records.length === 0) return;
  const log = openAuditLog(options);
  await Promise.all(records.map((r) => log.write(r)));
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** `path.N-1` → `path.N` … `path` → `path.1`; beyond `maxFiles` old files are deleted. Renames never follow links. */
function rotateFiles(path: string, maxFiles: number): void {
  rmSync(`${path}.${maxFiles}`, { force: true });
  for (let n = maxFiles - 1; n >= 1; n--) renameIfPresent(`${path}.${n}`, `${path}.${n + 1}`);
  if (maxFiles >= 1) renameIfPresent(path, `${path}.1`);
  else rmSync(path, { force: true });
}

function renameIfPresent(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** A symlink planted where the log goes (a pull request could) is refused, never written through. */
function appendNoFollow(path: string, data: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
  try {
    for (let at = 0; at < data.length;) at += writeSync(fd, data, at);
  } finally {
    closeSync(fd);
  }
}
