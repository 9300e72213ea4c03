import type { ErrorObject, ValidateFunction } from 'ajv';
import { LineCounter, isMap, isScalar, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { closest, distance } from 'fastest-levenshtein';
import { ConfigurationError, configurationErrorOf, type LocatedProblem } from '../errors.js';

/**
 * A YAML (or JSON) file validated by a JSON Schema, whose every problem is a ConfigurationError located at
 * `file:line:column` and naming the key path with what was expected and given. Shared by the hooks config
 * and the endpoint's policy file.
 */

export type Segment = string | number;

export interface LocatedYaml {
  readonly fileName: string;
  readonly data: unknown;
  /** `file:line:column` of a key path (the key itself for a mapping entry, as editors point). */
  readonly where: (path: readonly Segment[]) => string;
}

/** Parses the text; `empty` says what a non-empty file holds, for the message about an empty one. */
export function parseLocatedYaml(text: string, fileName: string, empty: string): LocatedYaml & { doc: Document } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return `${fileName}:${line}:${col}`;
  };
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      location: at(e.pos[0]),
      message:
        e.code === 'DUPLICATE_KEY'
          ? `the key '${duplicateKey(text, e.pos[0], e.pos[1])}' appears twice in the same mapping`
          : `invalid YAML: ${e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '')}`,
    }));
    throw configurationErrorOf(problems, fileName);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigurationError(`invalid YAML: ${(error as Error).message}`, at(0));
  }
  if (data === null || data === undefined) {
    throw new ConfigurationError(`the file is empty; expected ${empty}`, at(0));
  }
  return { fileName, doc, data, where: (path) => at(offsetOf(doc, path)) };
}

/** Throws every schema error, in file order, each located and described. */
export function assertSchema(parsed: LocatedYaml & { doc: Document }, validate: ValidateFunction): void {
  if (validate(parsed.data)) return;
  const errors = (validate.errors ?? []).map((e) => ({ error: e, where: locateError(parsed.doc, e) }));
  errors.sort((a, b) => a.where.offset - b.where.offset || b.where.depth - a.where.depth);
  const problems: LocatedProblem[] = [];
  for (const { error } of errors) {
    const problem = { message: describeSchemaError(error, parsed.data), location: parsed.where(targetOf(error)) };
    // One mistake can fail two keywords (a discriminator and `required`): say it once, the fuller way.
    const said = problems.some((p) => p.location === problem.location && p.message.startsWith(problem.message));
    if (!said) problems.push(problem);
  }
  throw configurationErrorOf(problems, parsed.fileName);
}

/** The key path an error points at: the offending key itself for an unknown key or action type. */
function targetOf(error: ErrorObject): Segment[] {
  const path = toSegments(error.instancePath);
  if (error.keyword === 'additionalProperties')
    return [...path, String((error.params as { additionalProperty: string }).additionalProperty)];
  return error.keyword === 'discriminator' ? [...path, 'type'] : path;
}

/** ` (did you mean 'hooks'?)` for a near miss among the allowed words, else nothing. */
export function suggestionFor(given: unknown, allowed: readonly unknown[]): string {
  const words = allowed.filter((a): a is string => typeof a === 'string');
  if (typeof given !== 'string' || given === '' || words.length === 0) return '';
  const best = closest(given, words);
  // A third of the word's length in edits (at least one): `hook` → `hooks`, never `abc` → `version`.
  const limit = Math.max(1, Math.floor(Math.max(given.length, best.length) / 3));
  return distance(given.toLowerCase(), best.toLowerCase()) <= limit ? ` (did you mean '${best}'?)` : '';
}

function nodeAt(doc: Document, path: readonly Segment[]): YamlNode | undefined {
  if (path.length === 0) return (doc.contents as YamlNode | null) ?? undefined;
  const node = doc.getIn(path, true);
  return node && typeof node === 'object' && 'range' in (node as object) ? (node as YamlNode) : undefined;
}

/**
 * Where to point for a key path: at the key of a mapping entry (`severity:` rather than its value, as
 * editors do), at the item of a list, at the start of the file for the root.
 */
function offsetOf(doc: Document, path: readonly Segment[]): number {
  const last = path[path.length - 1];
  if (typeof last === 'string') {
    const parent = nodeAt(doc, path.slice(0, -1));
    if (isMap(parent)) {
      const pair = parent.items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === last);
      const key = pair?.key as YamlNode | undefined;
      if (key?.range) return key.range[0];
    }
  }
  const node = nodeAt(doc, path);
  if (node?.range) return node.range[0];
  // A missing key: point at the mapping that lacks it.
  return path.length > 0 ? offsetOf(doc, path.slice(0, -1)) : 0;
}

function toSegments(instancePath: string): Segment[] {
  if (instancePath === '') return [];
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function formatKeyPath(path: readonly Segment[]): string {
  let out = '';
  for (const s of path) out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  return out === '' ? 'the file' : out;
}

function locateError(doc: Document, e: ErrorObject): { offset: number; depth: number } {
  const path = toSegments(e.instancePath);
  if (e.keyword === 'additionalProperties') {
    const key = (e.params as { additionalProperty: string }).additionalProperty;
    return { offset: offsetOf(doc, [...path, key]), depth: path.length + 1 };
  }
  if (e.keyword === 'discriminator') return { offset: offsetOf(doc, [...path, 'type']), depth: path.length + 1 };
  if (e.keyword === 'required') return { offset: offsetOf(doc, path), depth: path.length };
  return { offset: offsetOf(doc, path), depth: path.length };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

const FORMAT_TEXT: Record<string, string> = {
  'date-time': 'a date and time with a zone, such as 2027-01-31T00:00:00Z',
  uri: 'a URL, such as https://idp.example.com/.well-known/jwks.json',
};

const PATTERN_TEXT: Record<string, string> = {
  '^[0-9a-f]{64}$': 'a SHA-256 in 64 lower-case hex characters',
  '^[A-Za-z_][A-Za-z0-9_]*$': 'an environment variable name',
  '^[a-z][a-z0-9_-]*:[a-z*][a-z0-9_*-]*$': "a scope such as 'hooks:trigger'",
  '^[imsu]*$': 'any of the flags i, m, s, u',
  '^[A-Za-z0-9][A-Za-z0-9._-]*$': "letters, digits, '.', '_' and '-', starting with a letter or digit",
  '^[a-z0-9][a-z0-9._-]*$': "lower-case letters, digits, '.', '_' and '-'",
};

function valueAt(data: unknown, path: readonly Segment[]): unknown {
  let v: unknown = data;
  for (const s of path)
    v = v === null || typeof v !== 'object' ? undefined : (v as Record<string | number, unknown>)[s];
  return v;
}

function describeSchemaError(e: ErrorObject, data: unknown): string {
  const path = toSegments(e.instancePath);
  const key = formatKeyPath(path);
  const got = describeValue(valueAt(data, path));
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}).filter(
        (k) => k !== '$schema',
      );
      const given = String(p.additionalProperty);
      return `${formatKeyPath([...path, given])} is not a known key${suggestionFor(given, allowed)}; expected one of ${allowed.join(', ')}`;
    }
    case 'required':
      return `${key} is missing the required key '${String(p.missingProperty)}'`;
    case 'enum':
      return `${key} must be one of ${(p.allowedValues as unknown[]).join(', ')}; got ${got}${suggestionFor(valueAt(data, path), p.allowedValues as unknown[])}`;
    case 'const':
      return `${key} must be ${String(p.allowedValue)}; got ${got}`;
    case 'type':
      return `${key} must be ${article(String(p.type))}; got ${got}`;
    case 'discriminator': {
      const types = discriminatorValues(e);
      return p.error === 'mapping'
        ? `${key}.type must be one of ${types.join(', ')}; got ${describeValue(p.tagValue)}${suggestionFor(p.tagValue, types)}`
        : valueAt(data, [...path, 'type']) === undefined
          ? `${key} is missing the required key 'type' (one of ${types.join(', ')})`
          : `${key}.type must be a string naming the action type; got ${describeValue(valueAt(data, [...path, 'type']))}`;
    }
    case 'minItems':
      if (path[path.length - 1] === 'run')
        return `${key} must not be empty: give the program and its arguments, e.g. ["npx", "eslint", "--format", "unix"]`;
      return `${key} must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}; got none`;
    case 'format':
      return `${key} must be ${FORMAT_TEXT[String(p.format)] ?? `a ${String(p.format)}`}; got ${got}`;
    case 'minLength':
      return `${key} must not be empty`;
    case 'pattern':
      return `${key} must be ${PATTERN_TEXT[String(p.pattern)] ?? `text matching ${String(p.pattern)}`}; got ${got}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${key} must be ${String(p.comparison)} ${String(p.limit)}; got ${got}`;
    default:
      return `${key} ${e.message ?? 'is invalid'}; got ${got}`;
  }
}

/** The tag values a discriminated `oneOf` accepts, read from the schema itself. */
function discriminatorValues(e: ErrorObject): string[] {
  const branches = (e.parentSchema as { oneOf?: { properties?: { type?: { const?: unknown } } }[] } | undefined)?.oneOf;
  return (branches ?? []).map((b) => b.properties?.type?.const).filter((v): v is string => typeof v === 'string');
}

function article(type: string): string {
  const names: Record<string, string> = {
    array: 'a list',
    object: 'a mapping',
    integer: 'an integer',
    boolean: 'true or false',
  };
  return names[type] ?? `a ${type}`;
}

/** yaml points at the start of a duplicate key; read the key up to its colon. */
function duplicateKey(text: string, start: number, end: number): string {
  const rest = text.slice(
    start,
    Math.max(end, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start)),
  );
  const m = /^("[^"]*"|'[^']*'|[^:\n]*?)\s*:(?:\s|$)/.exec(rest);
  return (m ? m[1]! : rest).trim().replace(/^["']|["']$/g, '');
}
