import { describe, expect, it } from 'vitest';
import { defaultHooksConfig, parseHooksConfig } from '../../src/config/load.js';
import { ConfigurationError } from '../../src/errors.js';

const FILE = '.github/codex-hooks.yml';

/** A config with one hook whose action lines are given (indented as under `actions:`). */
function withAction(...lines: string[]): string {
  return [
    'version: 1',
    'hooks:',
    '  - name: check',
    '    events: [prompt.submitted]',
    '    actions:',
    ...lines,
    '',
  ].join('\n');
}

function errorOf(text: string): ConfigurationError {
  try {
    parseHooksConfig(text, FILE);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('parseHooksConfig', () => {
  it('reads the example of docs/configuration.md', () => {
    const config = parseHooksConfig(
      `# yaml-language-server: $schema=../schema/codex-hooks.schema.json
version: 1
hooks:
  - name: no-console
    description: Keep console.log out of shipped code
    events: [prompt.submitted]
    paths: ["src/**/*.ts"]
    actions:
      - type: pattern
        pattern: 'console\\.log\\('
        severity: warning
        message: Use the logger instead of console.log
  - name: eslint
    events: [prompt.submitted]
    paths: ["**/*.ts"]
    actions:
      - type: command
        run: ["npx", "eslint", "--format", "unix"]
        format: unix
        severity: error
  - name: secrets
    events: [prompt.submitted, response.generated]
    actions:
      - type: secret-scan
        allow: ["EXAMPLE"]
  - name: standards
    events: [prompt.submitted]
    actions:
      - type: memory
        sources: [docs/coding-standards.md]
        max_bytes: 16000
  - name: audit
    events: [conversation.updated, hook.executed]
    actions:
      - type: logger
        output: codex-audit.jsonl
`,
      FILE,
    );
    expect(config.version).toBe(1);
    expect(config.hooks.map((h) => h.name)).toEqual(['no-console', 'eslint', 'secrets', 'standards', 'audit']);
    expect(config.hooks[0]!.actions[0]).toEqual({
      type: 'pattern',
      pattern: 'console\\.log\\(',
      severity: 'warning',
      message: 'Use the logger instead of console.log',
    });
  });

  it('accepts path, companion and custom secret rules', () => {
    const config = parseHooksConfig(
      withAction(
        '      - type: path',
        '        forbid: [".github/workflows/**"]',
        '        max_bytes: 100000',
        '        companion: { when: "src/**/*.ts", require: "test/**/{name}.test.ts" }',
        '      - type: secret-scan',
        '        rules:',
        '          - id: acme-key',
        "            pattern: 'acme_[a-z0-9]{32}'",
        '            keywords: [acme_]',
      ),
      FILE,
    );
    expect(config.hooks[0]!.actions).toHaveLength(2);
  });

  it('accepts a custom secret rule that starts with (?i), as the scanner reads it, and still checks the rest', () => {
    const rule = (pattern: string) =>
      withAction(
        '      - type: secret-scan',
        '        rules:',
        '          - id: internal',
        `            pattern: '${pattern}'`,
      );
    expect(() => parseHooksConfig(rule('(?i)INT-[0-9]{6}'), FILE)).not.toThrow();
    expect(errorOf(rule('(?i)(\\w|\\d)+z')).message).toMatch(/rules\[0\]\.pattern .* is refused: it can backtrack/);
    expect(errorOf(rule('(?i)(INT')).message).toMatch(/rules\[0\]\.pattern is not a valid regular expression/);
  });

  it('returns the built-in defaults: no hooks', () => {
    expect(defaultHooksConfig()).toEqual({ version: 1, hooks: [] });
  });

  // Every kind of error, with its exact location and key path.
  it.each([
    ['bad YAML', 'version: 1\nhooks: [\n', '3:1', /^invalid YAML: /],
    [
      'a duplicate key',
      'version: 1\nversion: 1\nhooks: []\n',
      '2:1',
      "the key 'version' appears twice in the same mapping",
    ],
    ['an empty file', '', '1:1', 'the file is empty; expected a mapping with `version: 1` and `hooks`'],
    ['a list instead of a mapping', '- a\n', '1:1', 'the file must be a mapping; got a list'],
    ['a wrong version', 'version: 2\nhooks: []\n', '1:1', 'version must be 1; got 2'],
    ['a missing hooks key', 'version: 1\n', '1:1', "the file is missing the required key 'hooks'"],
    [
      'an unknown top-level key',
      'version: 1\nhooks: []\nhook: []\n',
      '3:1',
      "hook is not a known key (did you mean 'hooks'?); expected one of version, hooks",
    ],
    [
      'an unknown hook key',
      'version: 1\nhooks:\n  - name: a\n    evnts: [prompt.submitted]\n    events: [prompt.submitted]\n    actions: [{type: logger, output: a.jsonl}]\n',
      '4:5',
      "hooks[0].evnts is not a known key (did you mean 'events'?); expected one of name, description, events, paths, block, actions",
    ],
    [
      'an unknown event',
      'version: 1\nhooks:\n  - name: a\n    events: [prompt.submited]\n    actions: [{type: logger, output: a.jsonl}]\n',
      '4:14',
      "hooks[0].events[0] must be one of prompt.submitted, response.generated, conversation.updated, hook.executed; got 'prompt.submited' (did you mean 'prompt.submitted'?)",
    ],
    [
      'events as a string',
      'version: 1\nhooks:\n  - name: a\n    events: prompt.submitted\n    actions: [{type: logger, output: a.jsonl}]\n',
      '4:5',
      "hooks[0].events must be a list; got 'prompt.submitted'",
    ],
    [
      'a missing hook name',
      'version: 1\nhooks:\n  - events: [prompt.submitted]\n    actions: [{type: logger, output: a}]\n',
      '3:5',
      "hooks[0] is missing the required key 'name'",
    ],
    [
      'a wrong severity',
      withAction('      - type: pattern', '        pattern: x', '        severity: high'),
      '8:9',
      "hooks[0].actions[0].severity must be one of error, warning, notice; got 'high'",
    ],
    [
      'a wrong type',
      withAction('      - type: pattern', '        pattern: 5'),
      '7:9',
      'hooks[0].actions[0].pattern must be a string; got 5',
    ],
    [
      'an unknown action type',
      withAction('      - type: lint'),
      '6:9',
      "hooks[0].actions[0].type must be one of pattern, path, command, validator, secret-scan, memory, logger; got 'lint'",
    ],
    [
      'an action without a type',
      withAction('      - pattern: x'),
      '6:9',
      "hooks[0].actions[0] is missing the required key 'type' (one of pattern, path, command, validator, secret-scan, memory, logger)",
    ],
    [
      'an unknown action key',
      withAction('      - type: pattern', '        pattern: x', '        severty: error'),
      '8:9',
      "hooks[0].actions[0].severty is not a known key (did you mean 'severity'?); expected one of type, pattern, mode, flags, severity, message, fix",
    ],
    [
      'an empty run array',
      withAction('      - type: command', '        run: []'),
      '7:9',
      'hooks[0].actions[0].run must not be empty: give the program and its arguments, e.g. ["npx", "eslint", "--format", "unix"]',
    ],
    [
      'a run string instead of argv',
      withAction('      - type: command', '        run: npx eslint'),
      '7:9',
      "hooks[0].actions[0].run must be a list; got 'npx eslint'",
    ],
    [
      'a negative timeout',
      withAction('      - type: command', '        run: [x]', '        timeout: -1'),
      '8:9',
      'hooks[0].actions[0].timeout must be > 0; got -1',
    ],
    [
      'an invalid regex',
      withAction('      - type: pattern', "        pattern: '(a'"),
      '7:9',
      "hooks[0].actions[0].pattern is not a valid regular expression (/(a/: Unterminated group); got '(a'",
    ],
    [
      'bad flags',
      withAction('      - type: pattern', '        pattern: a', '        flags: g'),
      '8:9',
      "hooks[0].actions[0].flags must be any of the flags i, m, s, u; got 'g'",
    ],
    [
      'a catastrophic regex',
      withAction('      - type: pattern', "        pattern: '(a+)+$'"),
      '7:9',
      /^hooks\[0\]\.actions\[0\]\.pattern '\(a\+\)\+\$' is refused: it can backtrack catastrophically: the quantifier 'a\+' is nested inside the repeated '\(a\+\)\+'; remove the inner or the outer quantifier/,
    ],
    [
      'a catastrophic custom secret rule',
      withAction(
        '      - type: secret-scan',
        '        rules:',
        '          - id: x',
        "            pattern: '(\\w|\\d)+z'",
      ),
      '9:13',
      /^hooks\[0\]\.actions\[0\]\.rules\[0\]\.pattern '.*' is refused: it can backtrack catastrophically: the alternatives '\\w' and '\\d'/,
    ],
    [
      'an invalid allow regex',
      withAction('      - type: secret-scan', "        allow: ['[a-']"),
      '7:17',
      /^hooks\[0\]\.actions\[0\]\.allow\[0\] is not a valid regular expression/,
    ],
    [
      'an invalid glob in paths',
      'version: 1\nhooks:\n  - name: a\n    events: [prompt.submitted]\n    paths: ["src/**", "!test/**"]\n    actions: [{type: logger, output: a}]\n',
      '5:23',
      "hooks[0].paths[1] is not a valid glob: negated globs are not supported: list the path under exclude instead; got '!test/**'",
    ],
    [
      'an invalid glob in forbid',
      withAction('      - type: path', "        forbid: ['#secret']"),
      '7:18',
      "hooks[0].actions[0].forbid[0] is not a valid glob: a glob cannot start with #; got '#secret'",
    ],
    [
      'a path action with no rule',
      withAction('      - type: path'),
      '6:9',
      'hooks[0].actions[0] needs at least one of forbid, max_bytes, companion',
    ],
    [
      'duplicate hook names',
      'version: 1\nhooks:\n  - name: a\n    events: [hook.executed]\n    actions: [{type: logger, output: a}]\n  - name: a\n    events: [hook.executed]\n    actions: [{type: logger, output: b}]\n',
      '6:5',
      "hooks[1].name 'a' is already used by hooks[0]; hook names must be unique",
    ],
    [
      'an action on an event it cannot run on',
      'version: 1\nhooks:\n  - name: a\n    events: [response.generated]\n    actions:\n      - type: command\n        run: [x]\n',
      '6:9',
      'hooks[0].actions[0]: a command action cannot run on response.generated; response.generated hooks take pattern, secret-scan, logger actions',
    ],
    [
      'a hook name with spaces',
      'version: 1\nhooks:\n  - name: my hook\n    events: [hook.executed]\n    actions: [{type: logger, output: a}]\n',
      '3:5',
      /^hooks\[0\]\.name must be letters, digits/,
    ],
  ])('reports %s at its line and column', (_kind, text, position, message) => {
    const error = errorOf(text);
    expect(error.location).toBe(`${FILE}:${position}`);
    const text0 = error.message.slice(`${FILE}:${position}: `.length);
    expect(error.message.startsWith(`${FILE}:${position}: `)).toBe(true);
    if (typeof message === 'string') expect(text0).toBe(message);
    else expect(text0).toMatch(message);
  });
});

describe('a config with several mistakes', () => {
  it('reports every schema problem at once, in file order, each at its line', () => {
    const error = errorOf(
      [
        'version: 1',
        'hook: []',
        'hooks:',
        '  - name: a',
        '    events: [prompt.submited]',
        '    actions:',
        '      - type: patern',
        '        pattern: x',
        '',
      ].join('\n'),
    );
    expect(error.problems.map((p) => p.location)).toEqual([`${FILE}:2:1`, `${FILE}:5:14`, `${FILE}:7:9`]);
    expect(error.message).toBe(
      [
        `3 problems in ${FILE}:`,
        `  ${FILE}:2:1: hook is not a known key (did you mean 'hooks'?); expected one of version, hooks`,
        `  ${FILE}:5:14: hooks[0].events[0] must be one of prompt.submitted, response.generated, conversation.updated, hook.executed; got 'prompt.submited' (did you mean 'prompt.submitted'?)`,
        `  ${FILE}:7:9: hooks[0].actions[0].type must be one of pattern, path, command, validator, secret-scan, memory, logger; got 'patern' (did you mean 'pattern'?)`,
      ].join('\n'),
    );
  });

  it('reports every semantic problem at once: a bad regex, a bad glob, a duplicate name', () => {
    const error = errorOf(
      [
        'version: 1',
        'hooks:',
        '  - name: a',
        '    events: [prompt.submitted]',
        "    paths: ['!x']",
        '    actions:',
        "      - {type: pattern, pattern: '(a+)+'}",
        '  - name: a',
        '    events: [hook.executed]',
        '    actions: [{type: logger, output: a}]',
        '',
      ].join('\n'),
    );
    expect(error.problems.map((p) => p.location)).toEqual([`${FILE}:5:13`, `${FILE}:7:25`, `${FILE}:8:5`]);
    expect(error.problems[1]!.message).toMatch(/pattern '\(a\+\)\+' is refused: it can backtrack/);
    expect(error.message.split('\n')[0]).toBe(`3 problems in ${FILE}:`);
  });

  it('suggests only near misses: an unrelated key gets no guess', () => {
    expect(errorOf('version: 1\nhooks: []\nfrobnicate: 1\n').message).toBe(
      `${FILE}:3:1: frobnicate is not a known key; expected one of version, hooks`,
    );
  });
});
