import type { LoggerAction } from '../config/types.js';
import { AUDIT_KEY_ENV, readAuditKey } from './envelope.js';
import type { AuditLogOptions } from './writer.js';

/** The seed's logger options (`rotate`, `compression`, `encrypt`) as writer options. */

const MB = 1024 * 1024;
export const DEFAULT_ROTATE = { max_size_mb: 100, max_files: 10 } as const;

export function auditLogOptionsFor(
  logger: LoggerAction,
  file: string,
  env: Readonly<Record<string, string | undefined>>,
): AuditLogOptions {
  const o = logger.options ?? {};
  const rotate = o.rotate && o.rotate.enabled !== false ? o.rotate : undefined;
  return {
    path: file,
    gzip: o.compression === 'gzip' || logger.gzip === true,
    ...(rotate
      ? {
          rotate: {
            maxBytes: (rotate.max_size_mb ?? DEFAULT_ROTATE.max_size_mb) * MB,
            maxFiles: rotate.max_files ?? DEFAULT_ROTATE.max_files,
          },
        }
      : {}),
    ...(o.encrypt === true ? { key: readAuditKey(env, o.key_env ?? AUDIT_KEY_ENV) } : {}),
  };
}

/** `include_metadata` (default true): without it a line keeps only what the event itself is. */
export function includesMetadata(logger: LoggerAction): boolean {
  return logger.options?.include_metadata !== false;
}
