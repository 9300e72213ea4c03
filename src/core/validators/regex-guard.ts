import { parse, type AstNode, type Features, type RootNode } from 'regjsparser';

/**
 * Users write regexes in the hooks config; V8's backtracking engine can take exponential time on some of
 * them. We refuse, at load time, the two shapes that cause exponential backtracking:
 *  - a variable quantifier nested inside a repeated one (`(a+)+`, `(\w+\s?)*`): star height above 1;
 *  - a repeated group whose alternatives can start with the same character (`(a|a)*`, `(\w|\d)+`).
 * Polynomial cases (`\d+\.\d+` on an unanchored line) remain; the validators bound them by capping the
 * length of each line they test ({@link MAX_TESTED_LINE_LENGTH}).
 *
 * The parser is regjsparser (full ES2024 syntax: lookbehind, named groups, \p{…}); the analysis is ours
 * because safe-regex2 misses overlapping alternation and rejects lookbehind, and redos-detector accepts
 * `(a+)+` when nothing follows it and refuses everyday patterns such as `[a-z]+\d+`.
 */

/** Longest part of a line a user regex is run on. */
export const MAX_TESTED_LINE_LENGTH = 4096;

/** Flags a user may give; `g` and `y` are the validators' business. */
export const ALLOWED_REGEX_FLAGS = 'imsu';

const FEATURES = {
  lookbehind: true,
  namedGroups: true,
  unicodePropertyEscape: true,
  modifiers: true,
} as const satisfies Features;

type Node = AstNode<typeof FEATURES>;
type Root = RootNode<typeof FEATURES>;

/** Why a user regex is refused; callers decide by `kind`, and show `reason` (a sentence starting "it …"/"the …"). */
export type RegexRefusal =
  | { readonly kind: 'unsupported-flag'; readonly reason: string; readonly flag: string }
  | { readonly kind: 'invalid-syntax'; readonly reason: string; readonly detail: string }
  | { readonly kind: 'unknown-syntax'; readonly reason: string }
  | { readonly kind: 'catastrophic-backtracking'; readonly reason: string; readonly hazard: string };

/** Why the pattern is refused (syntax or backtracking hazard), or undefined when it may be used. */
export function checkUserRegex(pattern: string, flags = ''): RegexRefusal | undefined {
  const flag = [...flags].find((f) => !ALLOWED_REGEX_FLAGS.includes(f));
  if (flag !== undefined)
    return {
      kind: 'unsupported-flag',
      flag,
      reason: `the flag '${flag}' is not supported; use any of ${ALLOWED_REGEX_FLAGS}`,
    };
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    const detail = (error as Error).message.replace(/^Invalid regular expression: /, '');
    return { kind: 'invalid-syntax', detail, reason: `it is not a valid regular expression: ${detail}` };
  }
  let ast: Root;
  try {
    ast = parse(pattern, flags, FEATURES);
  } catch {
    // V8 accepted it but the parser did not (a newer syntax): we cannot prove it safe.
    return {
      kind: 'unknown-syntax',
      reason: 'it uses syntax the backtracking check does not understand; simplify the pattern',
    };
  }
  const hazard = findHazard(ast, undefined, flags) ?? findSequenceRisk(pattern);
  return hazard === undefined
    ? undefined
    : { kind: 'catastrophic-backtracking', hazard, reason: `it can backtrack catastrophically: ${hazard}` };
}

/** Compiles a user regex or throws with the reason. Only call on patterns that passed {@link checkUserRegex}. */
export function compileUserRegex(pattern: string, flags = ''): RegExp {
  const refusal = checkUserRegex(pattern, flags);
  if (refusal !== undefined) throw new Error(`pattern '${pattern}': ${refusal.reason}`);
  return new RegExp(pattern, flags);
}

function repeats(q: { min: number; max?: number }): boolean {
  return q.max === undefined || q.max > 1;
}

function findHazard(node: Node, outer: Node | undefined, flags: string): string | undefined {
  switch (node.type) {
    case 'quantifier': {
      if (outer !== undefined && repeats(node) && node.min !== node.max) {
        return `the quantifier '${node.raw}' is nested inside the repeated '${outer.raw}'; remove the inner or the outer quantifier (e.g. '(a+)+' → 'a+', '(\\w+\\s?)*' → '[\\w\\s]*')`;
      }
      const next = outer ?? (repeats(node) ? node : undefined);
      return findHazard(node.body[0], next, flags);
    }
    case 'disjunction': {
      if (outer !== undefined) {
        const overlap = findOverlap(node.body, flags);
        if (overlap) {
          return `the alternatives '${overlap[0]}' and '${overlap[1]}' inside the repeated '${outer.raw}' can match the same text; make them exclusive or use a character class (e.g. '(a|a)*' → 'a*', '(\\w|\\d)+' → '\\w+')`;
        }
      }
      return firstHazard(node.body, outer, flags);
    }
    case 'alternative':
    case 'group':
      return firstHazard(node.body, outer, flags);
    default:
      return undefined;
  }
}

function firstHazard(nodes: readonly Node[], outer: Node | undefined, flags: string): string | undefined {
  for (const n of nodes) {
    const h = findHazard(n, outer, flags);
    if (h !== undefined) return h;
  }
  return undefined;
}

interface FirstChars {
  /** Sources of single-character matchers the text may start with. */
  readonly atoms: string[];
  /** Can start with anything we cannot enumerate (a backreference, or an empty match). */
  any: boolean;
  nullable: boolean;
}

/** What a sequence of nodes can start with. */
function firstChars(nodes: readonly Node[]): FirstChars {
  const out: FirstChars = { atoms: [], any: false, nullable: true };
  for (const n of nodes) {
    const f = firstOf(n);
    out.atoms.push(...f.atoms);
    out.any ||= f.any;
    if (!f.nullable) {
      out.nullable = false;
      break;
    }
  }
  return out;
}

function firstOf(node: Node): FirstChars {
  switch (node.type) {
    case 'value':
    case 'characterClass':
    case 'characterClassEscape':
    case 'unicodePropertyEscape':
    case 'dot':
      return { atoms: [node.raw], any: false, nullable: false };
    case 'anchor':
      return { atoms: [], any: false, nullable: true };
    case 'group':
      if (node.behavior !== 'normal' && node.behavior !== 'ignore') return { atoms: [], any: false, nullable: true };
      return firstChars(node.body);
    case 'alternative':
      return firstChars(node.body);
    case 'disjunction': {
      const parts = node.body.map(firstOf);
      return {
        atoms: parts.flatMap((p) => p.atoms),
        any: parts.some((p) => p.any),
        nullable: parts.some((p) => p.nullable),
      };
    }
    case 'quantifier': {
      const f = firstOf(node.body[0]);
      return { ...f, nullable: f.nullable || node.min === 0 };
    }
    default:
      return { atoms: [], any: true, nullable: false };
  }
}

/** Characters we try against two alternatives' first characters: ASCII, Latin-1 and a few others. */
const SAMPLES: readonly string[] = [
  ...Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)),
  'α',
  'я',
  '中',
  '\u2028',
  '\u3000',
  '😀',
];

function findOverlap(alternatives: readonly Node[], flags: string): [string, string] | undefined {
  const firsts = alternatives.map(firstOf);
  for (let i = 0; i < firsts.length; i++) {
    for (let j = i + 1; j < firsts.length; j++) {
      if (overlaps(firsts[i]!, firsts[j]!, flags)) return [alternatives[i]!.raw, alternatives[j]!.raw];
    }
  }
  return undefined;
}

function overlaps(a: FirstChars, b: FirstChars, flags: string): boolean {
  if (a.any || b.any || a.nullable || b.nullable) return true;
  const matcher = (atoms: readonly string[]) => atoms.map((s) => new RegExp(`^(?:${s})$`, flags));
  const ra = matcher(a.atoms);
  const rb = matcher(b.atoms);
  return SAMPLES.some((c) => ra.some((r) => r.test(c)) && rb.some((r) => r.test(c)));
}

interface Frame {
  unbounded: boolean;
}

/**
 * A token-level check that complements the syntax-tree analysis: adjacent unbounded quantifiers over
 * overlapping atoms (`\w+\w+`, `.*.*`, `\S+.+`) backtrack polynomially on long inputs, and a repeated group
 * with an unbounded quantifier inside (`(\w*x){2,9}`). Returns the reason, or undefined.
 */
function findSequenceRisk(source: string): string | undefined {
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
      if (group.unbounded && q.repeats) return 'a repeated group contains an unbounded (or widely bounded) quantifier';
      if (group.unbounded) frame.unbounded = true;
    }
    if (q.unbounded) {
      frame.unbounded = true;
      if (previousUnbounded !== undefined && tokensOverlap(previousUnbounded, atom)) {
        return `adjacent unbounded (or widely bounded) quantifiers over overlapping characters (${previousUnbounded}, ${atom})`;
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
      // A wide bounded range backtracks like an unbounded one: `\w{1,2000}\w{1,2000}!` is quadratic per line.
      unbounded = max === Infinity || max - min > WIDE_RANGE;
      repeats = max > 1;
      optional = min === 0;
      next = i + m[0].length;
    }
  }
  if (next > i && source[next] === '?') next++;
  return { next, unbounded, repeats, optional };
}

/** A bounded quantifier whose range is wider than this counts as unbounded in the sequence check. */
const WIDE_RANGE = 32;

const BROAD = new Set(['.', '\\S', '\\w', '\\W', '\\D', '\\s', ')']);

function tokensOverlap(a: string, b: string): boolean {
  return a === b || BROAD.has(a) || BROAD.has(b) || a.startsWith('[^') || b.startsWith('[^');
}
