import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '../errors.js';
import { AUDIT_KEY_ENV, decodeLog, readAuditKey } from './envelope.js';

/** `codex-hooks audit read FILE…`: prints the JSON lines of audit logs, decompressed and decrypted. */

export const AUDIT_USAGE =
  'usage: codex-hooks audit read FILE...\n' +
  `  Prints the JSON lines of audit or conversation logs, whatever their storage (plain, gzip, encrypted).\n` +
  `  An encrypted log needs its key in ${AUDIT_KEY_ENV} (64 hex characters or base64 of 32 bytes).\n`;

export async function runAuditCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  stdout: { write(text: string): unknown },
): Promise<number> {
  const [sub, ...files] = argv;
  if (sub === '--help' || sub === '-h') {
    stdout.write(AUDIT_USAGE);
    return 0;
  }
  if (sub !== 'read') throw new ConfigurationError(`unknown audit command '${sub ?? ''}'\n${AUDIT_USAGE}`);
  if (files.length === 0) throw new ConfigurationError(`audit read needs at least one file\n${AUDIT_USAGE}`);
  const key = env[AUDIT_KEY_ENV]?.trim() ? readAuditKey(env) : undefined;
  for (const file of files) {
    const bytes = await readFile(file).catch(() => {
      throw new ConfigurationError(`cannot read '${file}'`);
    });
    for (const line of decodeLog(bytes, key)) stdout.write(`${line}\n`);
  }
  return 0;
}
