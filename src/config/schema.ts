/**
 * JSON Schema (draft-07) of `.github/codex-hooks.yml`. The same object ships as
 * `schema/codex-hooks.schema.json` for editor completion; a test keeps the two equal.
 */

const severity = {
  title: 'Severity',
  description: 'How serious a finding is; compared with the `fail-on` input.',
  type: 'string',
  enum: ['error', 'warning', 'notice'],
} as const;

const globList = (description: string) =>
  ({
    title: 'Globs',
    description,
    type: 'array',
    items: { type: 'string', minLength: 1 },
  }) as const;

const typeOf = (name: string) =>
  ({ title: 'Action type', description: `Selects the ${name} action.`, type: 'string', const: name }) as const;

const pattern = {
  title: 'Pattern validator',
  description: 'A regular expression over the added lines of each file the hook sees.',
  type: 'object',
  additionalProperties: false,
  required: ['type', 'pattern'],
  properties: {
    type: typeOf('pattern'),
    pattern: {
      title: 'Pattern',
      description:
        'JavaScript regular expression tested on each added line. Nested or overlapping quantifiers such as `(a+)+` are refused.',
      type: 'string',
      minLength: 1,
    },
    mode: {
      title: 'Mode',
      description:
        '`forbid` (default): each matching added line is a finding. `require`: a file whose added lines never match is one.',
      type: 'string',
      enum: ['forbid', 'require'],
    },
    flags: {
      title: 'Flags',
      description: 'Regular-expression flags: any of i, m, s, u.',
      type: 'string',
      pattern: '^[imsu]*$',
    },
    severity: { ...severity, description: 'Severity of the findings (default: warning).' },
    message: { title: 'Message', description: 'The finding message.', type: 'string', minLength: 1 },
    fix: { title: 'Fix hint', description: 'How to fix it; appended to the message.', type: 'string', minLength: 1 },
  },
} as const;

const path = {
  title: 'Path validator',
  description: 'Rules about which files change: forbidden paths, a size limit, a companion file.',
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: typeOf('path'),
    forbid: globList('Paths that may not be added or changed (minimatch globs, dotfiles included).'),
    max_bytes: {
      title: 'Maximum size',
      description: 'Largest allowed size of an added or changed file, in bytes.',
      type: 'integer',
      minimum: 1,
    },
    companion: {
      title: 'Companion file',
      description:
        'A changed file matching `when` needs a changed file matching `require`, in which `{name}` (base name without extension) and `{dir}` are replaced.',
      type: 'object',
      additionalProperties: false,
      required: ['when', 'require'],
      properties: {
        when: { title: 'When', description: 'Glob of the files that need a companion.', type: 'string', minLength: 1 },
        require: {
          title: 'Require',
          description: 'Glob of the companion, e.g. `test/**/{name}.test.ts`.',
          type: 'string',
          minLength: 1,
        },
      },
    },
    severity: { ...severity, description: 'Severity of the findings (default: warning).' },
    message: { title: 'Message', description: 'The finding message.', type: 'string', minLength: 1 },
  },
} as const;

const command = {
  title: 'Command validator',
  description: 'Runs a program (never a shell) on the changed files and reads its output.',
  type: 'object',
  additionalProperties: false,
  required: ['type', 'run'],
  properties: {
    type: typeOf('command'),
    run: {
      title: 'Command',
      description: 'Program and arguments. `{files}` is replaced by the changed files, otherwise they are appended.',
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1 },
    },
    format: {
      title: 'Output format',
      description:
        '`unix` (file:line:col: message, default), `sarif` (SARIF 2.1.0), `json` (JSON lines) or `exit-code`.',
      type: 'string',
      enum: ['unix', 'sarif', 'json', 'exit-code'],
    },
    severity: { ...severity, description: 'Severity of every finding; by default the tool’s own level, else warning.' },
    timeout: {
      title: 'Timeout',
      description: 'Seconds before the command is killed (default 60).',
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 3600,
    },
    message: { title: 'Message', description: 'Prefix of each finding message.', type: 'string', minLength: 1 },
  },
} as const;

const validator = {
  title: 'Validator script',
  description:
    'An inline script that gets the event as JSON on stdin (`event` bound for Python); an exception or a non-zero exit blocks the request with its message.',
  type: 'object',
  additionalProperties: false,
  required: ['type', 'script'],
  properties: {
    type: typeOf('validator'),
    script: { title: 'Script', description: 'The program text.', type: 'string', minLength: 1 },
    runtime: {
      title: 'Runtime',
      description: "The interpreter: python3 (default), node, bash, sh, ruby or perl; else the script's shebang.",
      type: 'string',
      pattern: '^[A-Za-z0-9_./+-]+$',
    },
    severity,
    timeout: {
      title: 'Timeout',
      description: 'Seconds before the script is killed (default 60).',
      type: 'number',
      exclusiveMinimum: 0,
    },
    message: { title: 'Message', description: 'Prefix of the finding message.', type: 'string', minLength: 1 },
  },
} as const;

const secretRule = {
  title: 'Custom secret rule',
  description: 'An extra credential format.',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'pattern'],
  properties: {
    id: {
      title: 'Rule id',
      description: 'Reported as the finding’s rule id.',
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9._-]*$',
    },
    description: { title: 'Description', description: 'Shown in the finding, e.g. `Acme API key`.', type: 'string' },
    pattern: {
      title: 'Pattern',
      description: 'JavaScript regular expression matching the secret.',
      type: 'string',
      minLength: 1,
    },
    keywords: {
      title: 'Keywords',
      description: 'Literals one of which must appear before the pattern runs (case-insensitive).',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    severity: { ...severity, description: 'Severity (default: error).' },
    entropy: {
      title: 'Entropy floor',
      description: 'Minimum Shannon entropy (bits per character) of a match.',
      type: 'number',
      minimum: 0,
      maximum: 8,
    },
  },
} as const;

const secretScan = {
  title: 'Secret scan settings',
  description: 'Tunes the built-in secret scan, which runs whether or not it is configured.',
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: typeOf('secret-scan'),
    enabled: { title: 'Enabled', description: 'Only `false` turns the built-in secret scan off.', type: 'boolean' },
    allow: {
      title: 'Allowlist',
      description: 'Regular expressions of values that are never secrets.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    allow_paths: globList('Paths whose content is never scanned for secrets.'),
    rules: { title: 'Custom rules', description: 'Extra credential formats.', type: 'array', items: secretRule },
    baseline: {
      title: 'Baseline',
      description: 'Path of a baseline file of accepted secrets.',
      type: 'string',
      minLength: 1,
    },
    inline_allow: {
      title: 'Inline allow markers',
      description:
        'When true, a `codex-hooks:allow` (or gitleaks:allow, …) marker on a changed line keeps its secret out of the gate. Default false: a pull request cannot allowlist its own secret. The secret is never sent either way.',
      type: 'boolean',
    },
  },
} as const;

const memory = {
  title: 'Memory',
  description: 'Repository files sent with the request as context.',
  type: 'object',
  additionalProperties: false,
  required: ['type', 'sources'],
  properties: {
    type: typeOf('memory'),
    sources: {
      title: 'Sources',
      description: 'Repository paths, read at the trusted ref.',
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1 },
    },
    max_bytes: {
      title: 'Maximum size',
      description: 'Total bytes of all sources (default 16000).',
      type: 'integer',
      minimum: 1,
    },
  },
} as const;

export const LOGGER_OPTIONS_SCHEMA = {
  title: 'Logger options',
  description: 'Rotation, compression and encryption of the log (see docs/endpoint.md).',
  type: 'object',
  additionalProperties: false,
  properties: {
    rotate: {
      title: 'Rotate',
      description: 'Start a new file past `max_size_mb`, keeping `max_files` old ones (`file.1` newest).',
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { title: 'Enabled', description: 'Default true when `rotate` is given.', type: 'boolean' },
        max_size_mb: { title: 'Max size (MB)', description: 'Default 100.', type: 'number', exclusiveMinimum: 0 },
        max_files: { title: 'Max files', description: 'Old files kept; default 10.', type: 'integer', minimum: 0 },
      },
    },
    encrypt: {
      title: 'Encrypt',
      description: 'AES-256-GCM with the 32-byte key in CODEX_HOOKS_AUDIT_KEY; read with `codex-hooks audit read`.',
      type: 'boolean',
    },
    key_env: {
      title: 'Key variable',
      description: 'The environment variable holding the key (default CODEX_HOOKS_AUDIT_KEY).',
      type: 'string',
      pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
    },
    compression: { title: 'Compression', description: 'gzip or none.', type: 'string', enum: ['gzip', 'none'] },
    include_metadata: {
      title: 'Include metadata',
      description: 'Repository, PR, token fingerprint and scopes, sizes and latency on each line (default true).',
      type: 'boolean',
    },
  },
} as const;

const logger = {
  title: 'Logger',
  description: 'Appends a JSON line per event to a file (the audit log).',
  type: 'object',
  additionalProperties: false,
  required: ['type', 'output'],
  properties: {
    type: typeOf('logger'),
    output: {
      title: 'Output',
      description: 'Path of the JSON-lines file, relative to the workspace.',
      type: 'string',
      minLength: 1,
    },
    gzip: { title: 'Gzip', description: 'Compress the file (same as `options.compression: gzip`).', type: 'boolean' },
    format: { title: 'Format', description: 'JSON lines.', type: 'string', enum: ['json'] },
    options: LOGGER_OPTIONS_SCHEMA,
  },
} as const;

export const ACTION_TYPES = ['pattern', 'path', 'command', 'validator', 'secret-scan', 'memory', 'logger'] as const;

export const HOOKS_CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/codex-hooks/codex-hooks-action/schema/codex-hooks.schema.json',
  title: 'codex-hooks config',
  description: 'Hooks for codex-hooks-action: named hooks subscribe to events and run actions.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'hooks'],
  properties: {
    $schema: { title: 'Schema', description: 'For editors; ignored by the action.', type: 'string' },
    version: { title: 'Version', description: 'Format version; must be 1.', const: 1 },
    hooks: {
      title: 'Hooks',
      description: 'Run in file order.',
      type: 'array',
      items: {
        title: 'Hook',
        description: 'A named hook: on its events, runs its actions on the files matching `paths`.',
        type: 'object',
        additionalProperties: false,
        required: ['name', 'events', 'actions'],
        properties: {
          name: {
            title: 'Name',
            description: 'Unique; used as the rule id of the hook’s findings.',
            type: 'string',
            pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
          },
          description: { title: 'Description', description: 'What the hook is for.', type: 'string' },
          events: {
            title: 'Events',
            description: 'When the hook runs.',
            type: 'array',
            minItems: 1,
            items: {
              title: 'Event',
              description: 'prompt.submitted, response.generated, conversation.updated or hook.executed.',
              type: 'string',
              enum: ['prompt.submitted', 'response.generated', 'conversation.updated', 'hook.executed'],
            },
          },
          paths: globList('Files the hook sees (minimatch, dotfiles included); every reviewed file by default.'),
          block: {
            title: 'Block',
            description: 'On prompt.submitted: findings at or above `fail-on` stop the request to the endpoint.',
            type: 'boolean',
          },
          actions: {
            title: 'Actions',
            description: 'What the hook does, in order.',
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['type'],
              properties: { type: { title: 'Action type', description: ACTION_TYPES.join(', '), type: 'string' } },
              discriminator: { propertyName: 'type' },
              oneOf: [pattern, path, command, validator, secretScan, memory, logger],
            },
          },
        },
      },
    },
  },
} as const;
