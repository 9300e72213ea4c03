export const id = 616;
export const ids = [616];
export const modules = {

/***/ 3616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseHooksConfig: () => (/* binding */ parseHooksConfig)
});

// UNUSED EXPORTS: ACTIONS_BY_EVENT, defaultHooksConfig, formatKeyPath

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 8 modules
var esm = __webpack_require__(1138);
;// CONCATENATED MODULE: ./src/core/filter.ts

/**
 * Files nobody wants reviewed: generated, vendored or binary. Listed in the README; `include` cannot re-add
 * them, but an `exclude` of `!pattern` is not supported either — keep it simple and predictable.
 */
const DEFAULT_EXCLUDES = (/* unused pure expression or super */ null && ([
    '**/package-lock.json',
    '**/npm-shrinkwrap.json',
    '**/yarn.lock',
    '**/pnpm-lock.yaml',
    '**/bun.lockb',
    '**/Cargo.lock',
    '**/Gemfile.lock',
    '**/composer.lock',
    '**/poetry.lock',
    '**/Pipfile.lock',
    '**/go.sum',
    '**/*.min.js',
    '**/*.min.css',
    '**/*.map',
    'dist/**',
    '**/vendor/**',
    '**/node_modules/**',
    '**/third_party/**',
    '**/*.{png,jpg,jpeg,gif,bmp,ico,webp,tiff,psd}',
    '**/*.{woff,woff2,ttf,otf,eot}',
    '**/*.{zip,tar,gz,tgz,bz2,xz,zst,7z,rar,jar,war,iso}',
    '**/*.{pdf,mp3,mp4,mov,avi,wasm,exe,dll,so,dylib,class,pyc}',
]));
/** Splits a newline- or comma-separated input into globs, dropping blanks. Braces keep their commas. */
function splitGlobList(value) {
    const out = [];
    let depth = 0;
    let current = '';
    for (const ch of value) {
        if (ch === '{')
            depth++;
        if (ch === '}')
            depth = Math.max(0, depth - 1);
        if ((ch === ',' && depth === 0) || ch === '\n') {
            out.push(current);
            current = '';
        }
        else
            current += ch;
    }
    out.push(current);
    return out.map((s) => s.trim()).filter((s) => s.length > 0);
}
/** Checks a glob compiles; returns a reason when it cannot. */
function checkGlob(pattern) {
    try {
        if (pattern.length > 1024)
            return 'it is longer than 1024 characters';
        if (pattern.startsWith('!'))
            return 'negated globs are not supported: list the path under exclude instead';
        if (pattern.startsWith('#'))
            return 'a glob cannot start with #';
        new esm/* Minimatch */.VR(pattern, { dot: true });
        return undefined;
    }
    catch (error) {
        return error instanceof Error ? error.message : String(error);
    }
}
function createFileFilter(options) {
    const compile = (globs, nocase = false) => globs.map((g) => ({ glob: g, mm: new Minimatch(g, { dot: true, nocase }) }));
    const include = compile(options.include.length > 0 ? options.include : ['**']);
    const exclude = compile(options.exclude);
    // Built-in excludes ignore case: `logo.PNG` is as binary as `logo.png`. The user's globs keep theirs.
    const builtIn = compile(options.defaultExcludes ?? DEFAULT_EXCLUDES, true);
    const test = (entry, path) => entry.mm.match(path);
    const exclusion = (path) => {
        if (!include.some((e) => test(e, path)))
            return { kind: 'not-included', reason: 'not matched by include' };
        const ex = exclude.find((e) => test(e, path));
        if (ex)
            return { kind: 'excluded', reason: `excluded by '${ex.glob}'` };
        const bi = builtIn.find((e) => test(e, path));
        if (bi)
            return { kind: 'built-in-exclude', reason: `built-in exclude '${bi.glob}'` };
        return undefined;
    };
    return {
        exclusion,
        explain: (path) => exclusion(path)?.reason,
        matches: (path) => exclusion(path) === undefined,
    };
}

// EXTERNAL MODULE: ./src/core/validators/regex-guard.ts
var regex_guard = __webpack_require__(7432);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/fastest-levenshtein/mod.js
var mod = __webpack_require__(1916);
;// CONCATENATED MODULE: ./src/config/located-yaml.ts



/** Parses the text; `empty` says what a non-empty file holds, for the message about an empty one. */
function parseLocatedYaml(text, fileName, empty) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const at = (offset) => {
        const { line, col } = lineCounter.linePos(offset ?? 0);
        return `${fileName}:${line}:${col}`;
    };
    if (doc.errors.length > 0) {
        const problems = doc.errors.map((e) => ({
            location: at(e.pos[0]),
            message: e.code === 'DUPLICATE_KEY'
                ? `the key '${duplicateKey(text, e.pos[0], e.pos[1])}' appears twice in the same mapping`
                : `invalid YAML: ${e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '')}`,
        }));
        throw (0,src_errors/* configurationErrorOf */.m_)(problems, fileName);
    }
    let data;
    try {
        data = doc.toJS({ maxAliasCount: 100 });
    }
    catch (error) {
        throw new src_errors/* ConfigurationError */.j1(`invalid YAML: ${error.message}`, at(0));
    }
    if (data === null || data === undefined) {
        throw new src_errors/* ConfigurationError */.j1(`the file is empty; expected ${empty}`, at(0));
    }
    return { fileName, doc, data, where: (path) => at(offsetOf(doc, path)) };
}
/** Throws every schema error, in file order, each located and described. */
function assertSchema(parsed, validate) {
    if (validate(parsed.data))
        return;
    const errors = (validate.errors ?? []).map((e) => ({ error: e, where: locateError(parsed.doc, e) }));
    errors.sort((a, b) => a.where.offset - b.where.offset || b.where.depth - a.where.depth);
    const problems = [];
    for (const { error } of errors) {
        const problem = { message: describeSchemaError(error, parsed.data), location: parsed.where(targetOf(error)) };
        // One mistake can fail two keywords (a discriminator and `required`): say it once, the fuller way.
        const said = problems.some((p) => p.location === problem.location && p.message.startsWith(problem.message));
        if (!said)
            problems.push(problem);
    }
    throw (0,src_errors/* configurationErrorOf */.m_)(problems, parsed.fileName);
}
/** The key path an error points at: the offending key itself for an unknown key or action type. */
function targetOf(error) {
    const path = toSegments(error.instancePath);
    if (error.keyword === 'additionalProperties')
        return [...path, String(error.params.additionalProperty)];
    return error.keyword === 'discriminator' ? [...path, 'type'] : path;
}
/** ` (did you mean 'hooks'?)` for a near miss among the allowed words, else nothing. */
function suggestionFor(given, allowed) {
    const words = allowed.filter((a) => typeof a === 'string');
    if (typeof given !== 'string' || given === '' || words.length === 0)
        return '';
    const best = (0,mod/* closest */.kp)(given, words);
    // A third of the word's length in edits (at least one): `hook` → `hooks`, never `abc` → `version`.
    const limit = Math.max(1, Math.floor(Math.max(given.length, best.length) / 3));
    return (0,mod/* distance */.Io)(given.toLowerCase(), best.toLowerCase()) <= limit ? ` (did you mean '${best}'?)` : '';
}
function nodeAt(doc, path) {
    if (path.length === 0)
        return doc.contents ?? undefined;
    const node = doc.getIn(path, true);
    return node && typeof node === 'object' && 'range' in node ? node : undefined;
}
/**
 * Where to point for a key path: at the key of a mapping entry (`severity:` rather than its value, as
 * editors do), at the item of a list, at the start of the file for the root.
 */
function offsetOf(doc, path) {
    const last = path[path.length - 1];
    if (typeof last === 'string') {
        const parent = nodeAt(doc, path.slice(0, -1));
        if ((0,dist/* isMap */.jh)(parent)) {
            const pair = parent.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === last);
            const key = pair?.key;
            if (key?.range)
                return key.range[0];
        }
    }
    const node = nodeAt(doc, path);
    if (node?.range)
        return node.range[0];
    // A missing key: point at the mapping that lacks it.
    return path.length > 0 ? offsetOf(doc, path.slice(0, -1)) : 0;
}
function toSegments(instancePath) {
    if (instancePath === '')
        return [];
    return instancePath
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
function formatKeyPath(path) {
    let out = '';
    for (const s of path)
        out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
    return out === '' ? 'the file' : out;
}
function locateError(doc, e) {
    const path = toSegments(e.instancePath);
    if (e.keyword === 'additionalProperties') {
        const key = e.params.additionalProperty;
        return { offset: offsetOf(doc, [...path, key]), depth: path.length + 1 };
    }
    if (e.keyword === 'discriminator')
        return { offset: offsetOf(doc, [...path, 'type']), depth: path.length + 1 };
    if (e.keyword === 'required')
        return { offset: offsetOf(doc, path), depth: path.length };
    return { offset: offsetOf(doc, path), depth: path.length };
}
function describeValue(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return `'${value}'`;
    return String(value);
}
const FORMAT_TEXT = {
    'date-time': 'a date and time with a zone, such as 2027-01-31T00:00:00Z',
    uri: 'a URL, such as https://idp.example.com/.well-known/jwks.json',
};
const PATTERN_TEXT = {
    '^[0-9a-f]{64}$': 'a SHA-256 in 64 lower-case hex characters',
    '^[A-Za-z_][A-Za-z0-9_]*$': 'an environment variable name',
    '^[a-z][a-z0-9_-]*:[a-z*][a-z0-9_*-]*$': "a scope such as 'hooks:trigger'",
    '^[imsu]*$': 'any of the flags i, m, s, u',
    '^[A-Za-z0-9][A-Za-z0-9._-]*$': "letters, digits, '.', '_' and '-', starting with a letter or digit",
    '^[a-z0-9][a-z0-9._-]*$': "lower-case letters, digits, '.', '_' and '-'",
};
function valueAt(data, path) {
    let v = data;
    for (const s of path)
        v = v === null || typeof v !== 'object' ? undefined : v[s];
    return v;
}
function describeSchemaError(e, data) {
    const path = toSegments(e.instancePath);
    const key = formatKeyPath(path);
    const got = describeValue(valueAt(data, path));
    const p = e.params;
    switch (e.keyword) {
        case 'additionalProperties': {
            const allowed = Object.keys(e.parentSchema?.properties ?? {}).filter((k) => k !== '$schema');
            const given = String(p.additionalProperty);
            return `${formatKeyPath([...path, given])} is not a known key${suggestionFor(given, allowed)}; expected one of ${allowed.join(', ')}`;
        }
        case 'required':
            return `${key} is missing the required key '${String(p.missingProperty)}'`;
        case 'enum':
            return `${key} must be one of ${p.allowedValues.join(', ')}; got ${got}${suggestionFor(valueAt(data, path), p.allowedValues)}`;
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
function discriminatorValues(e) {
    const branches = e.parentSchema?.oneOf;
    return (branches ?? []).map((b) => b.properties?.type?.const).filter((v) => typeof v === 'string');
}
function article(type) {
    const names = {
        array: 'a list',
        object: 'a mapping',
        integer: 'an integer',
        boolean: 'true or false',
    };
    return names[type] ?? `a ${type}`;
}
/** yaml points at the start of a duplicate key; read the key up to its colon. */
function duplicateKey(text, start, end) {
    const rest = text.slice(start, Math.max(end, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start)));
    const m = /^("[^"]*"|'[^']*'|[^:\n]*?)\s*:(?:\s|$)/.exec(rest);
    return (m ? m[1] : rest).trim().replace(/^["']|["']$/g, '');
}

;// CONCATENATED MODULE: ./src/config/schema.ts
/**
 * JSON Schema (draft-07) of `.github/codex-hooks.yml`. The same object ships as
 * `schema/codex-hooks.schema.json` for editor completion; a test keeps the two equal.
 */
const severity = {
    title: 'Severity',
    description: 'How serious a finding is; compared with the `fail-on` input.',
    type: 'string',
    enum: ['error', 'warning', 'notice'],
};
const globList = (description) => ({
    title: 'Globs',
    description,
    type: 'array',
    items: { type: 'string', minLength: 1 },
});
const typeOf = (name) => ({ title: 'Action type', description: `Selects the ${name} action.`, type: 'string', const: name });
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
            description: 'JavaScript regular expression tested on each added line. Nested or overlapping quantifiers such as `(a+)+` are refused.',
            type: 'string',
            minLength: 1,
        },
        mode: {
            title: 'Mode',
            description: '`forbid` (default): each matching added line is a finding. `require`: a file whose added lines never match is one.',
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
};
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
            description: 'A changed file matching `when` needs a changed file matching `require`, in which `{name}` (base name without extension) and `{dir}` are replaced.',
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
};
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
            description: '`unix` (file:line:col: message, default), `sarif` (SARIF 2.1.0), `json` (JSON lines) or `exit-code`.',
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
};
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
};
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
            description: 'When true, a `codex-hooks:allow` (or gitleaks:allow, …) marker on a changed line keeps its secret out of the gate. Default false: a pull request cannot allowlist its own secret. The secret is never sent either way.',
            type: 'boolean',
        },
    },
};
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
};
const LOGGER_OPTIONS_SCHEMA = {
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
};
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
};
const ACTION_TYPES = ['pattern', 'path', 'command', 'secret-scan', 'memory', 'logger'];
const HOOKS_CONFIG_SCHEMA = {
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
                            oneOf: [pattern, path, command, secretScan, memory, logger],
                        },
                    },
                },
            },
        },
    },
};

// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
;// CONCATENATED MODULE: ./src/config/load.ts







/** The built-in configuration: no hooks; the built-in secret scan still runs. */
function defaultHooksConfig() {
    return DEFAULT_CONFIG;
}
/** Which action types make sense on which event; anything else is a configuration error, not a silent no-op. */
const ACTIONS_BY_EVENT = {
    'prompt.submitted': ['pattern', 'path', 'command', 'secret-scan', 'memory', 'logger'],
    'response.generated': ['pattern', 'secret-scan', 'logger'],
    'conversation.updated': ['logger'],
    'hook.executed': ['logger'],
};
let compiled;
function schemaValidator() {
    compiled ??= new ajv.Ajv({ allErrors: true, discriminator: true, strict: true, verbose: true }).compile(HOOKS_CONFIG_SCHEMA);
    return compiled;
}

/**
 * Parses and validates a hooks config. Every problem throws a ConfigurationError located at
 * `file:line:column` whose message names the key path and what was expected and given.
 */
function parseHooksConfig(text, fileName) {
    const parsed = parseLocatedYaml(text, fileName, 'a mapping with `version: 1` and `hooks`');
    assertSchema(parsed, schemaValidator());
    const config = parsed.data;
    const problems = semanticProblems(config, parsed.where);
    if (problems.length > 0)
        throw (0,src_errors/* configurationErrorOf */.m_)(problems, fileName);
    return { version: config.version, hooks: config.hooks };
}
/** Every problem the schema cannot express, in file order; `where` locates a key path. */
function semanticProblems(config, where) {
    const problems = [];
    const fail = (path, message) => problems.push({ message, location: where(path) });
    const check = { fail, regex: regexCheck(fail), glob: globCheck(fail) };
    const names = new Map();
    config.hooks.forEach((hook, i) => {
        const first = names.get(hook.name);
        if (first !== undefined)
            fail(['hooks', i, 'name'], `hooks[${i}].name '${hook.name}' is already used by hooks[${first}]; hook names must be unique`);
        else
            names.set(hook.name, i);
        hook.paths?.forEach((g, k) => check.glob(['hooks', i, 'paths', k], g));
        hook.actions.forEach((action, j) => checkAction(hook.events, action, ['hooks', i, 'actions', j], check));
    });
    return problems;
}
function regexCheck(fail) {
    return (path, pattern, flags) => {
        const refusal = (0,regex_guard/* checkUserRegex */.Hm)(pattern, flags);
        if (refusal === undefined)
            return;
        if (refusal.kind === 'invalid-syntax')
            fail(path, `${formatKeyPath(path)} is not a valid regular expression (${refusal.detail}); got '${pattern}'`);
        else
            fail(path, `${formatKeyPath(path)} '${pattern}' is refused: ${refusal.reason}`);
    };
}
function globCheck(fail) {
    return (path, value) => {
        const reason = checkGlob(value);
        if (reason !== undefined)
            fail(path, `${formatKeyPath(path)} is not a valid glob: ${reason}; got '${value}'`);
    };
}
function checkAction(events, action, base, check) {
    for (const event of events) {
        if (!ACTIONS_BY_EVENT[event].includes(action.type)) {
            check.fail([...base, 'type'], `${formatKeyPath(base)}: a ${action.type} action cannot run on ${event}; ${event} hooks take ${ACTIONS_BY_EVENT[event].join(', ')} actions`);
        }
    }
    switch (action.type) {
        case 'pattern':
            if (action.flags !== undefined) {
                const refusal = (0,regex_guard/* checkUserRegex */.Hm)('', action.flags);
                if (refusal !== undefined)
                    check.fail([...base, 'flags'], `${formatKeyPath([...base, 'flags'])} ${refusal.reason}`);
            }
            if ((0,regex_guard/* checkUserRegex */.Hm)('', action.flags)?.kind !== 'unsupported-flag')
                check.regex([...base, 'pattern'], action.pattern, action.flags);
            break;
        case 'path':
            if (action.forbid === undefined && action.max_bytes === undefined && action.companion === undefined) {
                check.fail(base, `${formatKeyPath(base)} needs at least one of forbid, max_bytes, companion`);
            }
            action.forbid?.forEach((g, k) => check.glob([...base, 'forbid', k], g));
            if (action.companion) {
                check.glob([...base, 'companion', 'when'], action.companion.when);
                check.glob([...base, 'companion', 'require'], action.companion.require.replaceAll('{name}', 'x').replaceAll('{dir}', 'x'));
            }
            break;
        case 'secret-scan':
            action.allow?.forEach((a, k) => check.regex([...base, 'allow', k], a));
            action.allow_paths?.forEach((g, k) => check.glob([...base, 'allow_paths', k], g));
            action.rules?.forEach((r, k) => check.regex([...base, 'rules', k, 'pattern'], r.pattern));
            break;
        default:
            break;
    }
}


/***/ })

};
