import type { AddedLine } from '../types.js';
import type { ValidatorContext, ValidatorOutput, ScriptValidatorAction } from './types.js';

/**
 * `type: validator` with an inline `script`: the seed's own hook shape. The script gets the event as JSON
 * on standard input; a Python script also finds it bound as `event` (a dict that also reads as attributes,
 * so `event['prompt']` and `event.prompt` both work). An exception or a non-zero exit is a finding with the
 * script's message, and blocks the request like a `block: true` hook. Pure: the engine runs the plan.
 */

/** How each known interpreter takes a program as an argument (never through a shell of ours). */
const INLINE_FLAG: Readonly<Record<string, string>> = {
  python: '-c',
  python3: '-c',
  node: '-e',
  bash: '-c',
  sh: '-c',
  ruby: '-e',
  perl: '-e',
};

/** Runs the script with `event` bound; an exception's message is the last line on stderr, exit status 1. */
const PYTHON_PRELUDE = `import json, sys
class _Event(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
def _wrap(value):
    if isinstance(value, dict):
        return _Event({k: _wrap(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    return value
_scope = {"__name__": "__main__", "event": _wrap(json.load(sys.stdin))}
try:
    exec(compile(sys.argv[1], "<validator script>", "exec"), _scope)
except SystemExit:
    raise
except BaseException as _error:
    sys.stderr.write("\\n" + (str(_error) or type(_error).__name__) + "\\n")
    sys.exit(1)
`;

export interface ScriptPlan {
  readonly argv: readonly string[];
  readonly stdin: string;
}

/** The interpreter: `runtime`, else the script's shebang, else python3 (the seed's scripts are Python). */
export function scriptInterpreter(action: Pick<ScriptValidatorAction, 'runtime' | 'script'>): string[] {
  if (action.runtime) return [action.runtime === 'python' ? 'python3' : action.runtime];
  const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(action.script);
  if (!shebang) return ['python3'];
  const [, program, argument] = shebang;
  // `#!/usr/bin/env python3` names the interpreter in its argument; `#!/usr/bin/python3` is the interpreter.
  if (/(^|\/)env$/.test(program!) && argument) return [argument === 'python' ? 'python3' : argument];
  return [program!];
}

/** Why an interpreter cannot run inline scripts, or undefined. */
export function checkInterpreter(interpreter: string): string | undefined {
  const name = interpreter
    .split('/')
    .pop()!
    .replace(/[\d.]+$/, '');
  if (INLINE_FLAG[name] !== undefined) return undefined;
  return `runtime '${interpreter}' is not one of ${Object.keys(INLINE_FLAG).join(', ')} (a path or a versioned name such as python3.12 works too)`;
}

export function planScript(action: ScriptValidatorAction, event: object): ScriptPlan {
  const [interpreter] = scriptInterpreter(action);
  const name = interpreter!
    .split('/')
    .pop()!
    .replace(/[\d.]+$/, '');
  const stdin = JSON.stringify(event);
  if (name === 'python' || name === 'python3')
    return { argv: [interpreter!, '-c', PYTHON_PRELUDE, withoutShebang(action.script)], stdin };
  const flag = INLINE_FLAG[name] ?? '-c';
  return { argv: [interpreter!, flag, withoutShebang(action.script)], stdin };
}

/** A shebang line is for choosing the interpreter; `node -e` would refuse it. */
function withoutShebang(script: string): string {
  return script.startsWith('#!') ? script.replace(/^#![^\n]*/, '') : script;
}

/** The event a prompt.submitted validator sees: the files of the hook, their patches, and the prompt text. */
export interface ScriptEventFile {
  readonly path: string;
  readonly status: string;
  readonly patch: string;
  readonly added: readonly AddedLine[];
}

export function promptSubmittedEvent(hook: string, files: readonly ScriptEventFile[]): object {
  return {
    event: 'prompt.submitted',
    hook,
    // What would be sent for review, as one text: the seed's scripts search `event['prompt']`.
    prompt: files.map((f) => `--- ${f.path}\n${f.patch}`).join('\n'),
    files: files.map((f) => ({
      path: f.path,
      status: f.status,
      patch: f.patch,
      added_lines: f.added.map((l) => ({ line: l.line, text: l.text })),
    })),
  };
}

export interface ScriptRun {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Exit 0: nothing. Otherwise one finding whose message is the script's own (its last line on stderr). */
export function toScriptFindings(
  action: ScriptValidatorAction,
  run: ScriptRun,
  where: string,
  context: ValidatorContext,
): ValidatorOutput {
  if (run.exitCode === 0) return { findings: [], notes: [] };
  const said = lastLine(run.stderr) ?? lastLine(run.stdout);
  const message =
    action.message && said
      ? `${action.message}: ${said}`
      : (action.message ?? said ?? `exited with status ${run.exitCode}`);
  return {
    findings: [
      {
        ruleId: context.ruleId,
        category: 'validator',
        severity: action.severity ?? 'error',
        path: where,
        line: 0,
        message: message.slice(0, 500),
        anchor: `validator script ${context.ruleId}`,
        source: context.source,
      },
    ],
    notes: [],
  };
}

function lastLine(text: string): string | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.at(-1);
}
