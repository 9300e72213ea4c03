import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { formatAccessToken } from '../../core/access-token.js';
import { ConfigurationError } from '../../errors.js';
import { hashToken, REVIEW_SCOPES } from './authorize.js';
import { parsePolicy } from './policy.js';
import { writePolicyFile } from './policy-file.js';
import { parseInterval } from './usage-window.js';

/**
 * `codex-hooks token create | rotate | revoke | list --policy FILE`: tokens as automation. A new token is
 * printed once, on stdout, and only its SHA-256 is written to the policy; the file keeps its comments and is
 * replaced atomically, so a running server picks it up whole.
 */

export const TOKEN_USAGE = `usage: codex-hooks token COMMAND --policy FILE [options]
  create --id ID [--scopes hooks:trigger,...] [--expires 90d|DATE] [--ip CIDR,...]
         [--max-requests N --reset-interval daily] [--description TEXT]
                       issues a token: printed once on stdout, its SHA-256 written to the policy
  rotate --id ID [--grace 24h] [--expires 90d|DATE]
                       issues a successor; the old value keeps working until the grace ends
  revoke --id ID       refuses the token from now on (the server picks it up at once)
  list [--format text|json]
                       ids, scopes, status and expiry; never a token
`;

export interface TokenCommandIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly now: () => Date;
}

const OPTIONS = {
  policy: { type: 'string' },
  id: { type: 'string' },
  scopes: { type: 'string', default: 'hooks:trigger' },
  expires: { type: 'string', default: '90d' },
  ip: { type: 'string' },
  'max-requests': { type: 'string' },
  'reset-interval': { type: 'string' },
  description: { type: 'string' },
  grace: { type: 'string', default: '24h' },
  format: { type: 'string', default: 'text' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runTokenCommand(argv: readonly string[], io: TokenCommandIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    (sub === undefined ? io.stderr : io.stdout).write(TOKEN_USAGE);
    return sub === undefined ? 2 : 0;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ConfigurationError(`${(error as Error).message}\n${TOKEN_USAGE}`);
  }
  if (values.help) {
    io.stdout.write(TOKEN_USAGE);
    return 0;
  }
  const file = values.policy;
  if (typeof file !== 'string') throw new ConfigurationError(`--policy FILE is required\n${TOKEN_USAGE}`);
  const text = readFileSync(file, 'utf8');
  parsePolicy(text, file); // refuse to edit a file that is already wrong
  const doc = parseDocument(text);
  const now = io.now();
  const id = () => {
    if (typeof values.id !== 'string') throw new ConfigurationError(`token ${sub} needs --id ID`);
    return values.id;
  };
  switch (sub) {
    case 'create':
      return create(doc, file, id(), values, now, io);
    case 'rotate':
      return rotate(doc, file, id(), values, now, io);
    case 'revoke':
      return revoke(doc, file, id(), now, io);
    case 'list':
      return list(text, file, values.format === 'json', now, io);
    default:
      throw new ConfigurationError(`unknown token command '${sub}'\n${TOKEN_USAGE}`);
  }
}

type Doc = ReturnType<typeof parseDocument>;

function tokenEntries(doc: Doc): YAMLMap[] {
  const seq: unknown = doc.get('access_tokens', true);
  if (seq === undefined) {
    doc.set('access_tokens', doc.createNode([]));
    return [];
  }
  return isSeq(seq) ? seq.items.filter(isMap) : [];
}

function findEntry(doc: Doc, id: string): YAMLMap {
  const entry = tokenEntries(doc).find((e) => e.get('token_id') === id);
  if (!entry) throw new ConfigurationError(`no access token with token_id '${id}' in the policy`);
  return entry;
}

/** Validates the edited document as the server would, then writes it atomically. */
function save(doc: Doc, file: string): void {
  const text = doc.toString();
  parsePolicy(text, file);
  writePolicyFile(file, text);
}

function create(
  doc: Doc,
  file: string,
  id: string,
  values: Record<string, string | boolean | undefined>,
  now: Date,
  io: TokenCommandIo,
): number {
  if (tokenEntries(doc).some((e) => e.get('token_id') === id))
    throw new ConfigurationError(`token_id '${id}' already exists; rotate it, or choose another id`);
  const token = formatAccessToken(randomBytes(32));
  const list = (v: unknown) =>
    String(v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const maxRequests = values['max-requests'];
  const entry = {
    token_id: id,
    ...(typeof values.description === 'string' ? { description: values.description } : {}),
    token_sha256: hashToken(token),
    scopes: list(values.scopes),
    created: now.toISOString(),
    expiration: expiryFrom(String(values.expires), now),
    ...(values.ip ? { ip_restrictions: list(values.ip) } : {}),
    ...(maxRequests !== undefined
      ? {
          usage_limits: {
            max_requests: Number(maxRequests),
            reset_interval: String(values['reset-interval'] ?? 'daily'),
          },
        }
      : {}),
    audit_enabled: true,
  };
  (doc.get('access_tokens', true) as { add(v: unknown): void }).add(doc.createNode(entry));
  save(doc, file);
  io.stdout.write(`${token}\n`);
  io.stderr.write(
    `Created token '${id}' (scopes ${entry.scopes.join(', ')}; expires ${entry.expiration}). It is printed once: store it as a secret now.\n`,
  );
  return 0;
}

function rotate(
  doc: Doc,
  file: string,
  id: string,
  values: Record<string, string | boolean | undefined>,
  now: Date,
  io: TokenCommandIo,
): number {
  const entry = findEntry(doc, id);
  if (entry.get('revoked') !== undefined) throw new ConfigurationError(`token '${id}' is revoked; create a new one`);
  const graceMs = parseInterval(String(values.grace));
  if (graceMs === undefined)
    throw new ConfigurationError(`--grace must be a duration such as 1h or 7d; got '${String(values.grace)}'`);
  const token = formatAccessToken(randomBytes(32));
  const validUntil = new Date(now.getTime() + graceMs).toISOString();
  const previous = (entry.toJSON() as { previous_tokens?: { valid_until: string }[] }).previous_tokens ?? [];
  // Values whose grace already ended are dropped: they can never work again.
  const kept = previous.filter((p) => new Date(p.valid_until) > now);
  entry.set(
    'previous_tokens',
    doc.createNode([...kept, { token_sha256: entry.get('token_sha256'), valid_until: validUntil }]),
  );
  entry.set('token_sha256', hashToken(token));
  if (values.expires !== undefined) entry.set('expiration', expiryFrom(String(values.expires), now));
  save(doc, file);
  io.stdout.write(`${token}\n`);
  io.stderr.write(
    `Rotated token '${id}': the previous value works until ${validUntil}. The new one is printed once.\n`,
  );
  return 0;
}

function revoke(doc: Doc, file: string, id: string, now: Date, io: TokenCommandIo): number {
  const entry = findEntry(doc, id);
  entry.set('revoked', now.toISOString());
  entry.delete('previous_tokens');
  save(doc, file);
  io.stderr.write(
    `Revoked token '${id}' at ${now.toISOString()}; a running server refuses it from its next request.\n`,
  );
  return 0;
}

function list(text: string, file: string, json: boolean, now: Date, io: TokenCommandIo): number {
  const policy = parsePolicy(text, file);
  const rows = policy.tokens.map((t) => ({
    token_id: t.tokenId,
    status:
      t.revoked && t.revoked <= now
        ? 'revoked'
        : t.expiration <= now
          ? 'expired'
          : t.notBefore && t.notBefore > now
            ? 'not yet valid'
            : 'active',
    scopes: t.scopes,
    can_review: t.scopes.some((s) => REVIEW_SCOPES.includes(s)),
    expiration: t.expiration.toISOString(),
    ip_restrictions: t.ipRestrictions.map((r) => r.text),
    previous_values_in_grace: t.previous.filter((p) => p.validUntil > now).length,
  }));
  if (json) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  for (const r of rows) {
    io.stdout.write(
      `${r.token_id}\t${r.status}\texpires ${r.expiration}\tscopes ${r.scopes.join(',')}${r.can_review ? '' : ' (cannot review: needs hooks:trigger)'}${r.previous_values_in_grace ? `\t${r.previous_values_in_grace} old value(s) in grace` : ''}\n`,
    );
  }
  return 0;
}

/** `90d`-style durations from now, or an ISO date. */
function expiryFrom(text: string, now: Date): string {
  const ms = parseInterval(text);
  if (ms !== undefined) return new Date(now.getTime() + ms).toISOString();
  const date = new Date(text);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(text))
    throw new ConfigurationError(
      `--expires must be a duration such as 90d or a date such as 2027-01-31; got '${text}'`,
    );
  return date.toISOString();
}
