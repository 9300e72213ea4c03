import type { Severity } from '../../types.js';
import type { SecretRule } from '../types.js';

/**
 * Builders for the two common shapes of rule, so that each provider is one short, reviewable entry:
 * a token with its own prefix (`prefixed`), and a value whose provider is named next to it (`named`).
 * Example secrets come from a seeded generator: synthetic by construction, stable across runs.
 */

/** Deterministic pseudo-random strings for synthetic examples (xorshift seeded by the rule id). */
export class Synth {
  private state: number;
  constructor(seed: string) {
    let h = 2166136261;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
    this.state = h >>> 0 || 1;
  }
  private next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
  pick(charset: string, n: number): string {
    let out = '';
    while (out.length < n) {
      const ch = charset[this.next() % charset.length]!;
      // Keep examples clear of the repeated/sequential-character placeholder filter.
      const prev = out.charCodeAt(out.length - 1);
      if (out.length && Math.abs(ch.charCodeAt(0) - prev) <= 1) continue;
      out += ch;
    }
    return out;
  }
  hex(n: number): string {
    return this.pick('0123456789abcdef', n);
  }
  HEX(n: number): string {
    return this.pick('0123456789ABCDEF', n);
  }
  alnum(n: number): string {
    return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', n);
  }
  lower(n: number): string {
    return this.pick('abcdefghijklmnopqrstuvwxyz0123456789', n);
  }
  upper(n: number): string {
    return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', n);
  }
  letters(n: number): string {
    return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', n);
  }
  digits(n: number): string {
    return this.pick('0123456789', n);
  }
  b64(n: number): string {
    return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', n);
  }
  b64url(n: number): string {
    return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-', n);
  }
  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-a${this.hex(3)}-${this.hex(12)}`;
  }
}

/** `[dD][aA]…`: case-insensitive literal inside an otherwise case-sensitive pattern. */
export function anyCase(word: string): string {
  return word
    .split('')
    .map((ch) => {
      const lo = ch.toLowerCase();
      const up = ch.toUpperCase();
      if (lo !== up) return `[${lo}${up}]`;
      return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    })
    .join('');
}

function escapeLiteral(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface Common {
  readonly id: string;
  readonly provider: string;
  readonly description: string;
  readonly severity?: Severity;
  readonly entropy?: number;
  readonly validate?: (secret: string, match: string) => boolean;
  readonly placeholderFilter?: boolean;
  readonly window?: { readonly before: number; readonly after: number };
  /** Near-misses that must not match, in addition to the generated ones. */
  readonly negative?: readonly string[];
}

export interface PrefixedSpec extends Common {
  /** Literal prefixes; they are the keywords. */
  readonly prefixes: readonly string[];
  /** The token's regex source, starting with one of the prefixes. */
  readonly token: string;
  /** Synthetic tokens (one or more) that the rule must find. */
  readonly example: (g: Synth) => string | readonly string[];
}

// A prefix inside a base64 blob (`…a/cio…`, `…//cio…`, `…+ghp_…`) is not the start of a token; after `://` it is.
const BEFORE = '(?:(?<=://)|(?<![A-Za-z0-9_+/]))';
const AFTER = '(?![A-Za-z0-9_])';

/** A token that carries its own, provider-specific prefix. */
export function prefixed(spec: PrefixedSpec): SecretRule {
  return new PrefixedRule(spec, spec.prefixes);
}

/**
 * A rule written as a spec. The spec's fields are read through the prototype and the pattern and examples
 * made on first use: a Codex hook builds every rule on each prompt and tool call, and a scan of one prompt
 * asks for the patterns of a handful.
 */
abstract class SpecRule<S extends Common> implements SecretRule {
  readonly id: string;
  readonly provider: string;
  readonly description: string;
  readonly keywords: readonly string[];
  protected readonly spec: S;
  #pattern: RegExp | undefined;
  #examples: SecretRule['examples'] | undefined;

  /** `words`: the spec's prefixes or names, which are its keywords. */
  constructor(spec: S, words: readonly string[]) {
    this.spec = spec;
    this.id = spec.id;
    this.provider = spec.provider;
    this.description = spec.description;
    this.keywords = words.map((w) => w.toLowerCase());
  }

  protected abstract makePattern(): RegExp;
  protected abstract makeExamples(): SecretRule['examples'];

  get pattern(): RegExp {
    return (this.#pattern ??= this.makePattern());
  }

  get examples(): SecretRule['examples'] {
    return (this.#examples ??= this.makeExamples());
  }

  get severity(): Severity | undefined {
    return this.spec.severity;
  }

  get entropy(): number | undefined {
    return this.spec.entropy;
  }

  get validate(): ((secret: string, match: string) => boolean) | undefined {
    return this.spec.validate;
  }

  get placeholderFilter(): false | undefined {
    return this.spec.placeholderFilter === false ? false : undefined;
  }

  get window(): { readonly before: number; readonly after: number } | undefined {
    return this.spec.window;
  }
}

class PrefixedRule extends SpecRule<PrefixedSpec> {
  readonly secretGroup = 1;
  readonly specificity = 3;

  protected makePattern(): RegExp {
    return new RegExp(`${BEFORE}(${this.spec.token})${AFTER}`);
  }

  protected makeExamples(): SecretRule['examples'] {
    return prefixedExamples(this.spec);
  }
}

function prefixedExamples(spec: PrefixedSpec): SecretRule['examples'] {
  const g = new Synth(spec.id);
  const tokens = [spec.example(g)].flat();
  const first = tokens[0]!;
  const prefix = spec.prefixes.find((p) => first.toLowerCase().includes(p.toLowerCase())) ?? spec.prefixes[0]!;
  const at = first.toLowerCase().indexOf(prefix.toLowerCase());
  const head = first.slice(0, at + prefix.length);
  return {
    positive: tokens.map((t, i) => [`token: ${t}`, `export KEY="${t}"`, `{"key": "${t}"}`][i % 3]!),
    negative: [
      `${head}${'x'.repeat(Math.max(8, first.length - head.length))}`,
      `${head}EXAMPLE`,
      head.length + 8 < first.length ? first.slice(0, head.length + 4) : first.slice(4),
      ...(spec.negative ?? []),
    ],
  };
}

export interface NamedSpec extends Common {
  /** Names that appear next to the value (`datadog`, `dd_api_key`); they are the keywords. */
  readonly names: readonly string[];
  /** The value's regex source. */
  readonly value: string;
  readonly example: (g: Synth) => string;
  /**
   * A name must start a word: not follow a letter or a digit. For a short name that ends many others
   * (`es_api_key` in `SERVICES_API_KEY`).
   */
  readonly nameStartsWord?: boolean;
}

/**
 * A value with no prefix of its own, recognised because the provider is named in the key before it:
 * `DATADOG_API_KEY=…`, `"twilio_auth_token": "…"`, `heroku.api_key: …`.
 */
export function named(spec: NamedSpec): SecretRule {
  return new NamedRule(spec, spec.names);
}

class NamedRule extends SpecRule<NamedSpec> {
  readonly secretGroup = 1;
  readonly specificity = 2;

  override get entropy(): number {
    return this.spec.entropy ?? 2.8;
  }

  protected makePattern(): RegExp {
    return namedPattern(this.spec);
  }

  protected makeExamples(): SecretRule['examples'] {
    return namedExamples(this.spec);
  }
}

function namedPattern(spec: NamedSpec): RegExp {
  const names = spec.names.map(anyCase).join('|');
  const start = spec.nameStartsWord ? '(?<![A-Za-z0-9])' : '';
  return new RegExp(
    `${start}(?:${names})[A-Za-z0-9_.-]{0,32}["']?\\s{0,3}(?:=>|:=|=|:)\\s{0,3}["'\`]?(${spec.value})(?![A-Za-z0-9_+/=-])`,
  );
}

function namedExamples(spec: NamedSpec): SecretRule['examples'] {
  const value = spec.example(new Synth(spec.id));
  const name = spec.names[0]!.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return {
    positive: [`${name}_KEY=${value}`],
    negative: [
      `${name}_KEY=${value.slice(0, Math.floor(value.length / 2))}`,
      `${name}_KEY=\${${name}_KEY}`,
      `${name}_KEY: ${'x'.repeat(value.length)}`,
      ...(spec.negative ?? []),
    ],
  };
}

export { escapeLiteral };

/** Value charsets of the keyed rules, by a one-letter code (`h32` = 32 lower-case hex). */
const CHARSETS: Record<string, { readonly re: string; readonly gen: (g: Synth, n: number) => string }> = {
  h: { re: '[a-f0-9]', gen: (g, n) => g.hex(n) },
  H: { re: '[A-F0-9]', gen: (g, n) => g.HEX(n) },
  l: { re: '[a-z0-9]', gen: (g, n) => g.lower(n) },
  u: { re: '[A-Z0-9]', gen: (g, n) => g.upper(n) },
  a: { re: '[A-Za-z0-9]', gen: (g, n) => g.alnum(n) },
  w: { re: '[A-Za-z0-9_-]', gen: (g, n) => g.b64url(n) },
  b: { re: '[A-Za-z0-9+/]', gen: (g, n) => g.b64(n) },
  d: { re: '[0-9]', gen: (g, n) => g.digits(n) },
};

/** `h32`, `a20-40`, `d25`, `uuid`, or a regex with its own generator. */
export type KeyedValue = string | { readonly re: string; readonly example: (g: Synth) => string };

export interface KeyedRow {
  readonly provider: string;
  /** Lower-case keywords; the value must follow one of them within 40 characters. */
  readonly keywords: readonly string[];
  readonly value: KeyedValue;
  /** Defaults to `<provider>-key`. */
  readonly id?: string;
  readonly description?: string;
  /** For a long value given as a regex: its greatest length, so the window after the keyword holds it. */
  readonly maxLength?: number;
}

const UUID_RE = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** A value that follows a key naming an identifier, a name or a place is not the secret. */
const ID_KEY =
  /(?:_id|Id|ID|-id|name|url|uri|host|user(?:name)?|email|region|endpoint|account)["'`]?\s{0,3}(?:=>|:=|=|:)\s{0,3}["'`]?$/;
/** Words before a hex value that make it a digest or a version, not a credential. */
const DIGEST_CONTEXT = /hash|sha\d|md5|digest|checksum|commit|integrity|etag|version|revision|[#@/]$/i;
/** UUID-shaped values are ids unless a secret word sits between the keyword and the value. */
const SECRET_WORD = /key|token|secret|pass|auth|cred|bearer/i;

function parseKeyedValue(v: KeyedValue): {
  re: string;
  example: (g: Synth) => string;
  hexLike: boolean;
  /** Only digits (`d`): the value need not have a letter. */
  digitsOnly: boolean;
  min: number;
  max: number;
} {
  if (typeof v !== 'string') return { ...v, hexLike: false, digitsOnly: false, min: 0, max: 0 };
  if (v === 'uuid')
    return { re: UUID_RE, example: (g) => g.uuid(), hexLike: true, digitsOnly: false, min: 36, max: 36 };
  const m = /^([hHluawbd])(\d+)(?:-(\d+))?$/.exec(v);
  if (!m) throw new Error(`bad keyed value ${v}`);
  const cs = CHARSETS[m[1]!]!;
  const min = Number(m[2]);
  const max = m[3] ? Number(m[3]) : min;
  const pad = m[1] === 'b' ? '={0,2}' : '';
  return {
    re: `${cs.re}{${min},${max}}${pad}`,
    example: (g) => cs.gen(g, Math.round((min + max) / 2)),
    hexLike: m[1] === 'h' || m[1] === 'H',
    digitsOnly: m[1] === 'd',
    min,
    max,
  };
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The long tail: a provider whose token is a plain character class, recognised only because the provider
 * is named close before it (on its line, or the line above as a parent YAML key) (`ABSTRACT_API_KEY=…`, `"abstract": {"key": "…"}`, `abstract key: …`). The
 * keyword must come at most 40 characters before the value; the value needs letters and digits, an
 * entropy floor, and must not read as a digest, an id or a version.
 */
export function keyed(row: KeyedRow): SecretRule {
  return new KeyedRule(row);
}

type KeyedValueParts = ReturnType<typeof parseKeyedValue>;

/**
 * One long-tail row as a rule. Only the keywords are read at start: the rest is worked out on first use, on
 * the prototype rather than per object, because a Codex hook builds every rule (hundreds of rows) on each
 * prompt and tool call and a scan of one prompt asks for a handful.
 */
class KeyedRule implements SecretRule {
  readonly provider: string;
  readonly keywords: readonly string[];
  readonly secretGroup = 2;
  readonly specificity = 2;
  readonly #row: KeyedRow;
  #parts: KeyedValueParts | undefined;
  #pattern: RegExp | undefined;
  #window: { readonly before: number; readonly after: number } | undefined;
  #examples: SecretRule['examples'] | undefined;

  constructor(row: KeyedRow) {
    this.#row = row;
    this.provider = row.provider;
    this.keywords = row.keywords.map((k) => k.toLowerCase());
  }

  get #value(): KeyedValueParts {
    return (this.#parts ??= parseKeyedValue(this.#row.value));
  }

  get id(): string {
    return this.#row.id ?? `${slug(this.#row.provider)}-key`;
  }

  get description(): string {
    return this.#row.description ?? `${this.#row.provider} credential named next to its value`;
  }

  get pattern(): RegExp {
    return (this.#pattern ??= keyedPattern(this.#row.keywords, this.#value.re));
  }

  get entropy(): number {
    return this.#value.min >= 24 ? 3 : 2.6;
  }

  /** The keyword, up to 40 characters, then the value: a long value widens the window. */
  get window(): { readonly before: number; readonly after: number } {
    return (this.#window ??= {
      before: 0,
      after: Math.max(140, 60 + Math.max(this.#value.max, this.#row.maxLength ?? 0)),
    });
  }

  get examples(): SecretRule['examples'] {
    return (this.#examples ??= keyedExamples(this.id, this.#row.keywords[0]!, this.#value));
  }

  validate(secret: string, match: string): boolean {
    const between = match.slice(0, match.length - secret.length);
    if (!/[0-9]/.test(secret) || (!this.#value.digitsOnly && !/[A-Za-z]/.test(secret))) return false;
    if (ID_KEY.test(between)) return false;
    if (this.#value.hexLike && DIGEST_CONTEXT.test(between)) return false;
    if (this.#row.value === 'uuid' && !this.#namesASecret(between)) return false;
    return true;
  }

  /** The keyword that opened the match (`coda_token`) or the text after it (`_API_KEY =`) says it is a secret. */
  #namesASecret(between: string): boolean {
    const lower = between.toLowerCase();
    const keyword = this.keywords.reduce((best, k) => (lower.startsWith(k) && k.length > best.length ? k : best), '');
    return SECRET_WORD.test(between.slice(keyword.length)) || SECRET_WORD.test(keyword);
  }
}

function keyedPattern(keywords: readonly string[], value: string): RegExp {
  return new RegExp(
    `(?:${keywords.map(anyCase).join('|')})([\\s\\S]{0,40}?)(?<![A-Za-z0-9_+/-])(${value})(?![A-Za-z0-9_+/-]|=[A-Za-z0-9])`,
  );
}

function keyedExamples(id: string, kw: string, v: KeyedValueParts): SecretRule['examples'] {
  const g = new Synth(id);
  let value = v.example(g);
  // A real key of these charsets has letters and digits; draw again until the example has both.
  while (!/[0-9]/.test(value) || (!v.digitsOnly && !/[A-Za-z]/.test(value))) value = v.example(g);
  const env = kw.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return {
    positive: [`# ${kw} token: "${value}"`, `{"${kw}": {"key": "${value}"}}`],
    negative: [
      `${env}_API_KEY=${value.slice(0, Math.max(4, v.min - 1))}`,
      `${env}_API_KEY=${'x'.repeat(value.length)}`,
      `${kw}\n${'#'.repeat(50)}\n${value}`,
      ...(v.hexLike ? [`${kw} commit ${value}`] : []),
    ],
  };
}
