import type { CustomSecretRuleConfig } from '../../config/types.js';
import { ConfigurationError } from '../../errors.js';
import type { SecretRule } from './types.js';

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Turns the config's custom rules into SecretRules. A pattern that does not compile, or whose shape can
 * backtrack catastrophically, is a ConfigurationError naming the rule; the loader adds file and line.
 * A leading `(?i)` (gitleaks style) becomes the `i` flag.
 */
export function compileCustomRules(configs: readonly CustomSecretRuleConfig[]): SecretRule[] {
  return configs.map((config) => {
    if (!ID.test(config.id)) {
      throw new ConfigurationError(`secret rule id '${config.id}' must be kebab-case (a-z, 0-9, -)`);
    }
    let source = config.pattern;
    let flags = '';
    if (source.startsWith('(?i)')) {
      source = source.slice(4);
      flags = 'i';
    }
    let pattern: RegExp;
    try {
      pattern = new RegExp(source, flags);
    } catch (error) {
      throw new ConfigurationError(
        `secret rule '${config.id}': pattern does not compile (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const risk = findBacktrackingRisk(source);
    if (risk)
      throw new ConfigurationError(`secret rule '${config.id}': pattern could backtrack catastrophically (${risk})`);
    const keywords = (config.keywords ?? []).map((k) => k.toLowerCase());
    // With keywords the regex only sees a window; let the secret reach well past the keyword.
    const secretGroup = new RegExp(`${source}|`).exec('')!.length > 1 ? 1 : 0;
    return {
      id: config.id,
      description: config.description ?? `Custom secret rule ${config.id}`,
      provider: 'custom',
      keywords,
      pattern,
      secretGroup,
      ...(config.entropy !== undefined ? { entropy: config.entropy } : {}),
      ...(config.severity ? { severity: config.severity } : {}),
      window: { before: 200, after: 1000 },
      specificity: 4,
      examples: { positive: [], negative: [] },
    };
  });
}

interface Frame {
  unbounded: boolean;
}

/**
 * A conservative static check for the two shapes that make backtracking regexes exponential or
 * polynomial: a repeated group that itself contains an unbounded quantifier (`(a+)+`, `(\w*x){2,9}`),
 * and adjacent unbounded quantifiers over overlapping atoms (`\w+\w+`, `.*.*`, `\S+.+`).
 * Returns the reason, or undefined when the pattern is safe by this check.
 */
export function findBacktrackingRisk(source: string): string | undefined {
  const stack: Frame[] = [{ unbounded: false }];
  // The previous quantified atom in the current sequence, if its quantifier was unbounded.
  let previousUnbounded: string | undefined;
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    let atom: string;
    let group: Frame | undefined;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if ((next === 'p' || next === 'P' || next === 'u' || next === 'k') && source[i + 2] === '{') {
        const close = source.indexOf('}', i);
        atom = source.slice(i, close + 1);
        i = close + 1;
      } else {
        atom = source.slice(i, i + 2);
        i += 2;
      }
    } else if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      atom = source.slice(i, j + 1);
      i = j + 1;
    } else if (c === '(') {
      stack.push({ unbounded: false });
      previousUnbounded = undefined;
      i++;
      if (source[i] === '?') {
        i++;
        if (source[i] === '<' && source[i + 1] !== '=' && source[i + 1] !== '!') i = source.indexOf('>', i) + 1;
        else i++;
      }
      continue;
    } else if (c === ')') {
      group = stack.length > 1 ? stack.pop() : undefined;
      atom = ')';
      i++;
    } else if (c === '|') {
      previousUnbounded = undefined;
      i++;
      continue;
    } else {
      atom = c;
      i++;
    }
    const q = readQuantifier(source, i);
    i = q.next;
    const frame = stack[stack.length - 1]!;
    if (group) {
      if (group.unbounded && q.repeats) return 'a repeated group contains an unbounded quantifier';
      if (group.unbounded) frame.unbounded = true;
    }
    if (q.unbounded) {
      frame.unbounded = true;
      if (previousUnbounded !== undefined && overlaps(previousUnbounded, atom)) {
        return `adjacent unbounded quantifiers over overlapping characters (${previousUnbounded}, ${atom})`;
      }
      previousUnbounded = atom;
    } else if (!q.optional) {
      previousUnbounded = undefined;
    }
  }
  return undefined;
}

function readQuantifier(
  source: string,
  i: number,
): { next: number; unbounded: boolean; repeats: boolean; optional: boolean } {
  const c = source[i];
  let next = i;
  let unbounded = false;
  let repeats = false;
  let optional = false;
  if (c === '*' || c === '+') {
    unbounded = repeats = true;
    optional = c === '*';
    next = i + 1;
  } else if (c === '?') {
    optional = true;
    next = i + 1;
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24));
    if (m) {
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      unbounded = max === Infinity;
      repeats = max > 1;
      optional = min === 0;
      next = i + m[0].length;
    }
  }
  if (next > i && source[next] === '?') next++;
  return { next, unbounded, repeats, optional };
}

const BROAD = new Set(['.', '\\S', '\\w', '\\W', '\\D', '\\s', ')']);

function overlaps(a: string, b: string): boolean {
  return a === b || BROAD.has(a) || BROAD.has(b) || a.startsWith('[^') || b.startsWith('[^');
}
