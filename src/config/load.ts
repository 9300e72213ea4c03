import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, isMap, isScalar, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { checkGlob } from '../core/filter.js';
import { checkUserRegex } from '../core/validators/regex-guard.js';
import { ConfigurationError } from '../errors.js';
import { HOOKS_CONFIG_SCHEMA } from './schema.js';
import { DEFAULT_CONFIG, type HookAction, type HookEvent, type HooksConfig } from './types.js';

/** The built-in configuration: no hooks; the built-in secret scan still runs. */
export function defaultHooksConfig(): HooksConfig {
  return DEFAULT_CONFIG;
}

/** Which action types make sense on which event; anything else is a configuration error, not a silent no-op. */
export const ACTIONS_BY_EVENT: Readonly<Record<HookEvent, readonly HookAction['type'][]>> = {
  'prompt.submitted': ['pattern', 'path', 'command', 'secret-scan', 'memory', 'logger'],
  'response.generated': ['pattern', 'secret-scan', 'logger'],
  'conversation.updated': ['logger'],
  'hook.executed': ['logger'],
};

let compiled: ReturnType<Ajv['compile']> | undefined;
function schemaValidator(): ReturnType<Ajv['compile']> {
  compiled ??= new Ajv({ allErrors: true, discriminator: true, strict: true, verbose: true }).compile(
    HOOKS_CONFIG_SCHEMA,
  );
  return compiled;
}

type Segment = string | number;

/**
 * Parses and validates a hooks config. Every problem throws a ConfigurationError located at
 * `file:line:column` whose message names the key path and what was expected and given.
 */
export function parseHooksConfig(text: string, fileName: string): HooksConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return `${fileName}:${line}:${col}`;
  };
  const yamlError = doc.errors[0];
  if (yamlError) {
    const [start, end] = yamlError.pos;
    const message =
      yamlError.code === 'DUPLICATE_KEY'
        ? `the key '${duplicateKey(text, start, end)}' appears twice in the same mapping`
        : `invalid YAML: ${yamlError.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '')}`;
    throw new ConfigurationError(message, at(start));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigurationError(`invalid YAML: ${(error as Error).message}`, at(0));
  }
  if (data === null || data === undefined) {
    throw new ConfigurationError('the file is empty; expected a mapping with `version: 1` and `hooks`', at(0));
  }

  const validate = schemaValidator();
  if (!validate(data)) {
    const errors = (validate.errors ?? []).map((e) => ({ error: e, where: locateError(doc, e) }));
    errors.sort((a, b) => a.where.offset - b.where.offset || b.where.depth - a.where.depth);
    const first = errors[0]!;
    throw new ConfigurationError(describeSchemaError(first.error, data), at(first.where.offset));
  }

  const config = data as HooksConfig & { $schema?: string };
  checkSemantics(config, (path) => at(offsetOf(doc, path)));
  return { version: config.version, hooks: config.hooks };
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

const PATTERN_TEXT: Record<string, string> = {
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
      return `${formatKeyPath([...path, String(p.additionalProperty)])} is not a known key; expected one of ${allowed.join(', ')}`;
    }
    case 'required':
      return `${key} is missing the required key '${String(p.missingProperty)}'`;
    case 'enum':
      return `${key} must be one of ${(p.allowedValues as unknown[]).join(', ')}; got ${got}`;
    case 'const':
      return `${key} must be ${String(p.allowedValue)}; got ${got}`;
    case 'type':
      return `${key} must be ${article(String(p.type))}; got ${got}`;
    case 'discriminator':
      return p.error === 'mapping'
        ? `${key}.type must be one of pattern, path, command, secret-scan, memory, logger; got ${describeValue(p.tagValue)}`
        : valueAt(data, [...path, 'type']) === undefined
          ? `${key} is missing the required key 'type' (one of pattern, path, command, secret-scan, memory, logger)`
          : `${key}.type must be a string naming the action type; got ${describeValue(valueAt(data, [...path, 'type']))}`;
    case 'minItems':
      if (path[path.length - 1] === 'run')
        return `${key} must not be empty: give the program and its arguments, e.g. ["npx", "eslint", "--format", "unix"]`;
      return `${key} must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}; got none`;
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

function article(type: string): string {
  const names: Record<string, string> = {
    array: 'a list',
    object: 'a mapping',
    integer: 'an integer',
    boolean: 'true or false',
  };
  return names[type] ?? `a ${type}`;
}

/** Checks the schema cannot express; `where` locates a key path. */
function checkSemantics(config: HooksConfig, where: (path: readonly Segment[]) => string): void {
  const fail = (path: readonly Segment[], message: string): never => {
    throw new ConfigurationError(message, where(path));
  };
  const regex = (path: readonly Segment[], pattern: string, flags?: string) => {
    const reason = checkUserRegex(pattern, flags);
    if (reason === undefined) return;
    const syntax = /^it is not a valid regular expression: (.*)$/.exec(reason);
    if (syntax) fail(path, `${formatKeyPath(path)} is not a valid regular expression (${syntax[1]}); got '${pattern}'`);
    fail(path, `${formatKeyPath(path)} '${pattern}' is refused: ${reason}`);
  };
  const glob = (path: readonly Segment[], value: string) => {
    const reason = checkGlob(value);
    if (reason !== undefined) fail(path, `${formatKeyPath(path)} is not a valid glob: ${reason}; got '${value}'`);
  };
  const names = new Map<string, number>();
  config.hooks.forEach((hook, i) => {
    const first = names.get(hook.name);
    if (first !== undefined)
      fail(
        ['hooks', i, 'name'],
        `hooks[${i}].name '${hook.name}' is already used by hooks[${first}]; hook names must be unique`,
      );
    names.set(hook.name, i);
    hook.paths?.forEach((g, k) => glob(['hooks', i, 'paths', k], g));
    hook.actions.forEach((action, j) => {
      const base: Segment[] = ['hooks', i, 'actions', j];
      for (const event of hook.events) {
        if (!ACTIONS_BY_EVENT[event].includes(action.type)) {
          fail(
            [...base, 'type'],
            `${formatKeyPath(base)}: a ${action.type} action cannot run on ${event}; ${event} hooks take ${ACTIONS_BY_EVENT[event].join(', ')} actions`,
          );
        }
      }
      switch (action.type) {
        case 'pattern':
          if (action.flags !== undefined) {
            const reason = checkUserRegex('', action.flags);
            if (reason !== undefined) fail([...base, 'flags'], `${formatKeyPath([...base, 'flags'])} ${reason}`);
          }
          regex([...base, 'pattern'], action.pattern, action.flags);
          break;
        case 'path':
          if (action.forbid === undefined && action.max_bytes === undefined && action.companion === undefined) {
            fail(base, `${formatKeyPath(base)} needs at least one of forbid, max_bytes, companion`);
          }
          action.forbid?.forEach((g, k) => glob([...base, 'forbid', k], g));
          if (action.companion) {
            glob([...base, 'companion', 'when'], action.companion.when);
            glob(
              [...base, 'companion', 'require'],
              action.companion.require.replaceAll('{name}', 'x').replaceAll('{dir}', 'x'),
            );
          }
          break;
        case 'secret-scan':
          action.allow?.forEach((a, k) => regex([...base, 'allow', k], a));
          action.allow_paths?.forEach((g, k) => glob([...base, 'allow_paths', k], g));
          action.rules?.forEach((r, k) => regex([...base, 'rules', k, 'pattern'], r.pattern));
          break;
        default:
          break;
      }
    });
  });
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
