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

const BEFORE = '(?<![A-Za-z0-9_])';
const AFTER = '(?![A-Za-z0-9_])';

/** A token that carries its own, provider-specific prefix. */
export function prefixed(spec: PrefixedSpec): SecretRule {
  let examples: SecretRule['examples'] | undefined;
  return {
    id: spec.id,
    provider: spec.provider,
    description: spec.description,
    keywords: spec.prefixes.map((p) => p.toLowerCase()),
    pattern: new RegExp(`${BEFORE}(${spec.token})${AFTER}`),
    secretGroup: 1,
    specificity: 3,
    ...optional(spec),
    // Generated on first use: only the tests read them, and a Codex hook loads every rule on each prompt.
    get examples() {
      return (examples ??= prefixedExamples(spec));
    },
  };
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
}

/**
 * A value with no prefix of its own, recognised because the provider is named in the key before it:
 * `DATADOG_API_KEY=…`, `"twilio_auth_token": "…"`, `heroku.api_key: …`.
 */
export function named(spec: NamedSpec): SecretRule {
  const names = spec.names.map(anyCase).join('|');
  let examples: SecretRule['examples'] | undefined;
  return {
    id: spec.id,
    provider: spec.provider,
    description: spec.description,
    keywords: spec.names.map((n) => n.toLowerCase()),
    pattern: new RegExp(
      `(?:${names})[A-Za-z0-9_.-]{0,32}["']?\\s{0,3}(?:=>|:=|=|:)\\s{0,3}["'\`]?(${spec.value})(?![A-Za-z0-9_+/=-])`,
    ),
    secretGroup: 1,
    specificity: 2,
    entropy: spec.entropy ?? 2.8,
    ...optional(spec),
    get examples() {
      return (examples ??= namedExamples(spec));
    },
  };
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

function optional(spec: Common): Partial<SecretRule> {
  return {
    ...(spec.severity ? { severity: spec.severity } : {}),
    ...(spec.entropy !== undefined ? { entropy: spec.entropy } : {}),
    ...(spec.validate ? { validate: spec.validate } : {}),
    ...(spec.placeholderFilter === false ? { placeholderFilter: false } : {}),
    ...(spec.window ? { window: spec.window } : {}),
  };
}

export { escapeLiteral };
