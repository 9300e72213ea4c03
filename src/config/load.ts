import { Ajv } from 'ajv';
import { checkGlob } from '../core/filter.js';
import { splitCaseFlag } from '../core/secrets/custom.js';
import { checkUserRegex } from '../core/validators/regex-guard.js';
import { checkInterpreter, scriptInterpreter } from '../core/validators/script.js';
import { configurationErrorOf, type LocatedProblem } from '../errors.js';
import { assertSchema, formatKeyPath, parseLocatedYaml, type Segment } from './located-yaml.js';
import { HOOKS_CONFIG_SCHEMA } from './schema.js';
import { DEFAULT_CONFIG, type HookAction, type HookEvent, type HooksConfig } from './types.js';

/** The built-in configuration: no hooks; the built-in secret scan still runs. */
export function defaultHooksConfig(): HooksConfig {
  return DEFAULT_CONFIG;
}

/** Which action types make sense on which event; anything else is a configuration error, not a silent no-op. */
export const ACTIONS_BY_EVENT: Readonly<Record<HookEvent, readonly HookAction['type'][]>> = {
  'prompt.submitted': ['pattern', 'path', 'command', 'validator', 'secret-scan', 'memory', 'logger'],
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

export { formatKeyPath } from './located-yaml.js';
/**
 * Parses and validates a hooks config. Every problem throws a ConfigurationError located at
 * `file:line:column` whose message names the key path and what was expected and given.
 */
export function parseHooksConfig(text: string, fileName: string): HooksConfig {
  const parsed = parseLocatedYaml(text, fileName, 'a mapping with `version: 1` and `hooks`');
  assertSchema(parsed, schemaValidator());
  const config = parsed.data as HooksConfig & { $schema?: string };
  const problems = semanticProblems(config, parsed.where);
  if (problems.length > 0) throw configurationErrorOf(problems, fileName);
  return { version: config.version, hooks: config.hooks };
}

/** Every problem the schema cannot express, in file order; `where` locates a key path. */
function semanticProblems(config: HooksConfig, where: (path: readonly Segment[]) => string): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  const fail = (path: readonly Segment[], message: string) => problems.push({ message, location: where(path) });
  const check = { fail, regex: regexCheck(fail), glob: globCheck(fail) };
  const names = new Map<string, number>();
  config.hooks.forEach((hook, i) => {
    const first = names.get(hook.name);
    if (first !== undefined)
      fail(
        ['hooks', i, 'name'],
        `hooks[${i}].name '${hook.name}' is already used by hooks[${first}]; hook names must be unique`,
      );
    else names.set(hook.name, i);
    hook.paths?.forEach((g, k) => check.glob(['hooks', i, 'paths', k], g));
    hook.actions.forEach((action, j) => checkAction(hook.events, action, ['hooks', i, 'actions', j], check));
  });
  return problems;
}

type Fail = (path: readonly Segment[], message: string) => void;
interface Checks {
  readonly fail: Fail;
  readonly regex: (path: readonly Segment[], pattern: string, flags?: string) => void;
  readonly glob: (path: readonly Segment[], value: string) => void;
}

function regexCheck(fail: Fail): Checks['regex'] {
  return (path, pattern, flags) => {
    const refusal = checkUserRegex(pattern, flags);
    if (refusal === undefined) return;
    if (refusal.kind === 'invalid-syntax')
      fail(path, `${formatKeyPath(path)} is not a valid regular expression (${refusal.detail}); got '${pattern}'`);
    else fail(path, `${formatKeyPath(path)} '${pattern}' is refused: ${refusal.reason}`);
  };
}

function globCheck(fail: Fail): Checks['glob'] {
  return (path, value) => {
    const reason = checkGlob(value);
    if (reason !== undefined) fail(path, `${formatKeyPath(path)} is not a valid glob: ${reason}; got '${value}'`);
  };
}

function checkAction(events: readonly HookEvent[], action: HookAction, base: Segment[], check: Checks): void {
  for (const event of events) {
    if (!ACTIONS_BY_EVENT[event].includes(action.type)) {
      check.fail(
        [...base, 'type'],
        `${formatKeyPath(base)}: a ${action.type} action cannot run on ${event}; ${event} hooks take ${ACTIONS_BY_EVENT[event].join(', ')} actions`,
      );
    }
  }
  switch (action.type) {
    case 'pattern':
      if (action.flags !== undefined) {
        const refusal = checkUserRegex('', action.flags);
        if (refusal !== undefined)
          check.fail([...base, 'flags'], `${formatKeyPath([...base, 'flags'])} ${refusal.reason}`);
      }
      if (checkUserRegex('', action.flags)?.kind !== 'unsupported-flag')
        check.regex([...base, 'pattern'], action.pattern, action.flags);
      break;
    case 'path':
      if (action.forbid === undefined && action.max_bytes === undefined && action.companion === undefined) {
        check.fail(base, `${formatKeyPath(base)} needs at least one of forbid, max_bytes, companion`);
      }
      action.forbid?.forEach((g, k) => check.glob([...base, 'forbid', k], g));
      if (action.companion) {
        check.glob([...base, 'companion', 'when'], action.companion.when);
        check.glob(
          [...base, 'companion', 'require'],
          action.companion.require.replaceAll('{name}', 'x').replaceAll('{dir}', 'x'),
        );
      }
      break;
    case 'validator': {
      const reason = checkInterpreter(scriptInterpreter(action)[0]!);
      if (reason !== undefined)
        check.fail(action.runtime ? [...base, 'runtime'] : [...base, 'script'], `${formatKeyPath(base)}: ${reason}`);
      break;
    }
    case 'secret-scan':
      action.allow?.forEach((a, k) => check.regex([...base, 'allow', k], a));
      action.allow_paths?.forEach((g, k) => check.glob([...base, 'allow_paths', k], g));
      action.rules?.forEach((r, k) => {
        const { source, flags } = splitCaseFlag(r.pattern);
        check.regex([...base, 'rules', k, 'pattern'], source, flags);
      });
      break;
    default:
      break;
  }
}
