import { Ajv } from 'ajv';
import { checkGlob } from '../core/filter.js';
import { checkUserRegex } from '../core/validators/regex-guard.js';
import { checkInterpreter, scriptInterpreter } from '../core/validators/script.js';
import { ConfigurationError } from '../errors.js';
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
  checkSemantics(config, parsed.where);
  return { version: config.version, hooks: config.hooks };
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
        case 'validator': {
          const reason = checkInterpreter(scriptInterpreter(action)[0]!);
          if (reason !== undefined)
            fail(action.runtime ? [...base, 'runtime'] : [...base, 'script'], `${formatKeyPath(base)}: ${reason}`);
          break;
        }
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
