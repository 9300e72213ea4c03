export const id = 80;
export const ids = [80];
export const modules = {

/***/ 8080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
var external_node_module_default = /*#__PURE__*/__webpack_require__.n(external_node_module_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/core/lazy-builtin.ts

let load;
function loader() {
    const get = process.getBuiltinModule;
    if (typeof get === 'function')
        return get.bind(process);
    const createRequire = Reflect.get((external_node_module_default()), 'createRequire');
    return createRequire(import.meta.url);
}
function deferBuiltin(id) {
    let mod;
    return () => (mod ??= (load ??= loader())(id));
}

;// CONCATENATED MODULE: ./src/adapters/command-runner.ts

const childProcess = deferBuiltin('node:child_process');
const DEFAULT_MAX_OUTPUT = 5 * 1024 * 1024;
/** Time a killed process group gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 2000;
/**
 * Variables a validator must not see: it runs the PR's own code (its lint config, its plugins), and the
 * action's inputs include the Codex token.
 */
const SECRET_ENV = /^(INPUT_.*|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL|GITHUB_TOKEN|GH_TOKEN|CODEX_TOKEN)$/i;
function createCommandEnv(base = process.env) {
    const env = {};
    for (const [k, v] of Object.entries(base))
        if (!SECRET_ENV.test(k))
            env[k] = v;
    return env;
}
/**
 * Runs a program without a shell: every argv entry reaches the program as written, so a file named
 * `; rm -rf ~` or `--help` is just an argument. On timeout the whole process group is killed (a linter
 * started through `npx` has children).
 */
const runCommand = (argv, options) => new Promise((resolve) => {
    const [program, ...args] = argv;
    if (program === undefined || program === '') {
        resolve({ exitCode: null, stdout: '', stderr: '', timedOut: false, truncated: false, error: 'empty command' });
        return;
    }
    const cap = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
    const posix = process.platform !== 'win32';
    const child = childProcess().spawn(program, args, {
        cwd: options.cwd,
        env: options.env ?? createCommandEnv(),
        shell: false,
        stdio: [options.stdin !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
        // Its own process group, so a timeout can kill the grandchildren too.
        detached: posix,
        windowsHide: true,
    });
    let timedOut = false;
    let settled = false;
    const out = collectCapped(cap);
    const err = collectCapped(cap);
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    const killTree = (signal) => killProcessTree(child, posix, signal);
    let hardKill;
    const timer = setTimeout(() => {
        timedOut = true;
        killTree('SIGTERM');
        hardKill = setTimeout(() => killTree('SIGKILL'), KILL_GRACE_MS);
        hardKill.unref();
    }, options.timeoutMs);
    const finish = (exitCode, error) => {
        if (settled)
            return;
        settled = true;
        clearTimeout(timer);
        if (timedOut)
            killTree('SIGKILL'); // stragglers in the group
        if (hardKill)
            clearTimeout(hardKill);
        resolve({
            exitCode: timedOut ? null : exitCode,
            stdout: out.text(),
            stderr: err.text(),
            timedOut,
            truncated: out.truncated() || err.truncated(),
            ...(error !== undefined ? { error } : {}),
        });
    };
    if (child.stdin) {
        // A child that exits without reading its input is not an error of ours.
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.stdin);
    }
    child.on('error', (e) => finish(null, e.message));
    // 'close' waits for the pipes; a grandchild holding them open is killed on timeout.
    child.on('close', (code) => finish(code));
});
/** Output kept up to `cap` bytes; whatever comes after is dropped and noted. */
function collectCapped(cap) {
    const chunks = [];
    let size = 0;
    let truncated = false;
    return {
        push(chunk) {
            if (size >= cap) {
                truncated = true;
                return;
            }
            const room = cap - size;
            if (chunk.length > room)
                truncated = true;
            const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
            chunks.push(part);
            size += part.length;
        },
        text: () => Buffer.concat(chunks).toString('utf8'),
        truncated: () => truncated,
    };
}
/** The whole process group on POSIX (a linter started through `npx` has children), the process elsewhere. */
function killProcessTree(child, posix, signal) {
    if (child.pid === undefined)
        return;
    try {
        if (posix)
            process.kill(-child.pid, signal);
        else
            child.kill(signal);
    }
    catch {
        // already gone
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/core/diff/parse-git-diff.ts
/**
 * Parses the output of `git diff` (several files, with headers) into ChangedFile records whose `patch`
 * holds the hunks only, like GitHub's. Run git with `--no-color --no-ext-diff -M` for this format.
 */
function parseGitDiff(output) {
    const files = [];
    const sections = output.split(/^(?=diff --git )/m).filter((s) => s.startsWith('diff --git '));
    for (const section of sections) {
        const file = parseSection(section);
        if (file)
            files.push(file);
    }
    return files;
}
function parseSection(section) {
    const lines = section.split('\n');
    let oldPath;
    let newPath;
    let status = 'modified';
    let binary = false;
    let i = 1;
    for (; i < lines.length; i++) {
        const line = lines[i].replace(/\r$/, '');
        if (line.startsWith('@@'))
            break;
        if (line.startsWith('new file mode'))
            status = 'added';
        else if (line.startsWith('deleted file mode'))
            status = 'removed';
        else if (line.startsWith('rename from ')) {
            oldPath = unquote(line.slice('rename from '.length));
            status = 'renamed';
        }
        else if (line.startsWith('rename to '))
            newPath = unquote(line.slice('rename to '.length));
        else if (line.startsWith('copy from ')) {
            oldPath = unquote(line.slice('copy from '.length));
            status = 'copied';
        }
        else if (line.startsWith('copy to '))
            newPath = unquote(line.slice('copy to '.length));
        else if (line.startsWith('--- ')) {
            const p = stripPrefix(unquote(line.slice(4)));
            if (p !== undefined)
                oldPath = p;
        }
        else if (line.startsWith('+++ ')) {
            const p = stripPrefix(unquote(line.slice(4)));
            if (p !== undefined)
                newPath = p;
        }
        else if (line.startsWith('Binary files ') || line.startsWith('GIT binary patch'))
            binary = true;
    }
    if (newPath === undefined || oldPath === undefined) {
        const fromHeader = pathsFromHeader(lines[0]);
        oldPath ??= fromHeader?.[0];
        newPath ??= fromHeader?.[1];
    }
    const path = status === 'removed' ? (oldPath ?? newPath) : (newPath ?? oldPath);
    if (path === undefined)
        return undefined;
    const hunkLines = lines.slice(i);
    while (hunkLines.length > 0 && hunkLines[hunkLines.length - 1] === '')
        hunkLines.pop();
    let additions = 0;
    let deletions = 0;
    for (const l of hunkLines) {
        if (l.startsWith('+'))
            additions++;
        else if (l.startsWith('-'))
            deletions++;
    }
    const patch = hunkLines.length > 0 ? hunkLines.join('\n') : undefined;
    return {
        path,
        ...(status === 'renamed' || status === 'copied' ? { previousPath: oldPath } : {}),
        status,
        additions,
        deletions,
        ...(patch !== undefined ? { patch } : {}),
        ...(binary ? { binary } : {}),
    };
}
/** `a/x` \u2192 `x`; `/dev/null` \u2192 undefined. */
function stripPrefix(p) {
    if (p === '/dev/null')
        return undefined;
    return p.replace(/^[ab]\//, '').replace(/\t$/, '');
}
/** The `diff --git a/x b/x` header, used when no ---/+++ lines exist (binary, mode-only, empty files). */
function pathsFromHeader(header) {
    const rest = header.slice('diff --git '.length).replace(/\r$/, '');
    if (rest.startsWith('"')) {
        const m = /^("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*"|\S.*)$/.exec(rest);
        if (!m)
            return undefined;
        return [stripPrefix(unquote(m[1])) ?? '', stripPrefix(unquote(m[2])) ?? ''];
    }
    // Unquoted: both halves are the same length when the path did not change.
    const half = (rest.length - 1) / 2;
    if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3)) {
        const p = rest.slice(2, half);
        return [p, p];
    }
    const m = /^a\/(.*) b\/(.*)$/.exec(rest);
    return m ? [m[1], m[2]] : undefined;
}
const ESCAPES = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '"': 34, '\\': 92 };
/** Undoes git's C-style quoting of paths: `"a/caf\303\251.txt"` \u2192 `a/caf\u00e9.txt`. */
function unquote(p) {
    if (!p.startsWith('"') || !p.endsWith('"') || p.length < 2)
        return p;
    const bytes = [];
    const body = p.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
        const ch = body[i];
        if (ch !== '\\') {
            bytes.push(...Buffer.from(ch, 'utf8'));
            continue;
        }
        const next = body[i + 1] ?? '';
        if (/[0-7]/.test(next)) {
            bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
            i += 3;
        }
        else {
            bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
            i += 1;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}

;// CONCATENATED MODULE: ./src/core/diff/line-ranges.ts
/**
 * A set of line numbers stored as sorted, disjoint ranges: a hunk's lines are consecutive, so a whole-file
 * diff of 100,000 lines is one range rather than 100,000 set entries.
 */
class LineRanges {
    /** Flat [start, end) pairs, sorted and merged. */
    bounds;
    size;
    /** `ranges` are [start, end) pairs in any order; empty ones are dropped, overlapping ones merged. */
    constructor(ranges) {
        const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
        const bounds = [];
        let size = 0;
        for (const [start, end] of sorted) {
            const last = bounds.length - 1;
            if (last > 0 && start <= bounds[last]) {
                if (end > bounds[last]) {
                    size += end - bounds[last];
                    bounds[last] = end;
                }
            }
            else {
                bounds.push(start, end);
                size += end - start;
            }
        }
        this.bounds = bounds;
        this.size = size;
    }
    has(line) {
        const b = this.bounds;
        let lo = 0;
        let hi = b.length / 2 - 1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            if (line < b[2 * mid])
                hi = mid - 1;
            else if (line >= b[2 * mid + 1])
                lo = mid + 1;
            else
                return true;
        }
        return false;
    }
    *[Symbol.iterator]() {
        for (let i = 0; i < this.bounds.length; i += 2)
            for (let n = this.bounds[i]; n < this.bounds[i + 1]; n++)
                yield n;
    }
}

;// CONCATENATED MODULE: ./src/core/diff/whole-file.ts

/**
 * A whole file whose every line counts as added (`codex-hooks scan`), seen as the diff of a new file
 * without writing that diff out: the scanner reads the file's text as it is. `parsePatch(wholeFilePatch(t))`
 * describes the same lines; this skips two copies of every byte and an object per line.
 */
function parseWholeFile(content) {
    return new WholeFileView(content);
}
/** The unified diff of a new file with this content: one hunk from line 1, every line added. */
function wholeFilePatch(content) {
    const body = content.endsWith('\n') ? content.slice(0, -1) : content;
    if (content.length === 0)
        return undefined;
    return `@@ -0,0 +1,${countLines(content)} @@\n+${body.replaceAll('\n', '\n+')}`;
}
/** The patch of a file: GitHub's or git's diff, or the one its whole content stands for. */
function patchOf(file) {
    return file.patch ?? (file.content !== undefined ? wholeFilePatch(file.content) : undefined);
}
/** Lines as a diff counts them: a final newline ends the last line rather than starting another. */
function countLines(content) {
    if (content.length === 0)
        return 0;
    let lines = content.endsWith('\n') ? 0 : 1;
    for (let at = content.indexOf('\n'); at !== -1; at = content.indexOf('\n', at + 1))
        lines++;
    return lines;
}
class WholeFileView {
    content;
    addedText;
    count;
    lineRanges;
    addedLines;
    hunkList;
    constructor(content) {
        this.content = content;
        // As a diff line does, each line loses the `\r` of a CRLF ending (and a final one).
        let text = content.endsWith('\n') ? content.slice(0, -1) : content;
        if (text.includes('\r'))
            text = text.replaceAll('\r\n', '\n');
        this.addedText = text.endsWith('\r') ? text.slice(0, -1) : text;
    }
    // Counted on first use: the secret scan, which reads every file, needs only `addedText`.
    get addedCount() {
        return (this.count ??= countLines(this.content));
    }
    get commentable() {
        return (this.lineRanges ??= { right: new LineRanges([[1, this.addedCount + 1]]), left: new LineRanges([]) });
    }
    addedLineNumber(index) {
        return index + 1;
    }
    get added() {
        this.addedLines ??=
            this.addedCount === 0 ? [] : this.addedText.split('\n').map((text, i) => ({ line: i + 1, text }));
        return this.addedLines;
    }
    get hunks() {
        if (this.hunkList)
            return this.hunkList;
        const lines = this.added.map((l) => ({ kind: 'added', text: l.text, newLine: l.line }));
        this.hunkList =
            this.addedCount === 0
                ? []
                : [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: this.addedCount, header: '', lines }];
        return this.hunkList;
    }
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/adapters/git.ts


const git_childProcess = deferBuiltin('node:child_process');
const MAX_BUFFER = 256 * 1024 * 1024;
function createGit(cwd) {
    const git = (args) => new Promise((resolve) => {
        git_childProcess().execFile('git', [...args], { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8', windowsHide: true }, (error, stdout) => resolve({ ok: !error, stdout: String(stdout) }));
    });
    return {
        async diff(base, head, paths) {
            // Without a head, the working tree (staged and unstaged changes) is compared with base.
            const revs = head === undefined ? [validRev(base)] : [validRev(base), validRev(head)];
            const args = ['-c', 'core.quotepath=false', 'diff', '--no-color', '--no-ext-diff', '-M', ...revs];
            if (paths && paths.length > 0)
                args.push('--', ...paths);
            const r = await git(args);
            return r.ok ? r.stdout : undefined;
        },
        async mergeBase(a, b) {
            const r = await git(['merge-base', validRev(a), validRev(b)]);
            return r.ok ? r.stdout.trim() : undefined;
        },
        async hasRevision(rev) {
            return (await git(['cat-file', '-e', `${validRev(rev)}^{commit}`])).ok;
        },
        async show(rev, path) {
            const r = await git(['show', `${validRev(rev)}:${path}`]);
            return r.ok ? r.stdout : undefined;
        },
        async revParse(rev) {
            const r = await git(['rev-parse', '--verify', '--quiet', `${validRev(rev)}^{commit}`]);
            return r.ok ? r.stdout.trim() : undefined;
        },
        async isWorkTree() {
            const r = await git(['rev-parse', '--is-inside-work-tree']);
            return r.ok && r.stdout.trim() === 'true';
        },
        async emptyTree() {
            const r = await git(['hash-object', '-t', 'tree', '/dev/null']);
            return r.ok ? r.stdout.trim() : undefined;
        },
    };
}
/** A revision must not look like an option: `--output=\u2026` as a ref would be an injection. */
function validRev(rev) {
    if (rev.startsWith('-') || rev.includes('\0'))
        throw new errors/* ConfigurationError */.j1(`'${rev.slice(0, 80)}' is not a valid git revision`);
    return rev;
}

;// CONCATENATED MODULE: ./src/core/workspace-path.ts

/**
 * Resolves a path from the config or an input inside the workspace, or returns undefined when it would
 * escape it (`../../etc/passwd`, an absolute path elsewhere). Config may come from the PR itself.
 * Lexical only: `writeInWorkspace` and `readInWorkspace` also refuse symlinks on the way.
 */
function resolveInWorkspace(workspace, file) {
    const root = external_node_path_default().resolve(workspace);
    const full = external_node_path_default().resolve(root, file);
    return full === root || full.startsWith(root + (external_node_path_default()).sep) ? full : undefined;
}

;// CONCATENATED MODULE: ./src/adapters/session-changes.ts







const session_changes_crypto = deferBuiltin('node:crypto');
/** New files larger than this are left to the linters' own limits, not read into memory. */
const MAX_NEW_FILE_BYTES = 1_000_000;
/**
 * The files a Codex session changed, from git: at SessionStart the checked-out commit is remembered (in the
 * user's cache folder, by a hash of the session id); at Stop the working tree is compared with it, and new
 * files git does not track yet count as added whole.
 */
function createSessionChanges(root, cacheDir, runCommand) {
    const git = createGit(root);
    const stateFile = (sessionId) => external_node_path_default().join(cacheDir, 'sessions', `${session_changes_crypto().createHash('sha256').update(sessionId).digest('hex').slice(0, 32)}.json`);
    return {
        async recordSessionStart(sessionId) {
            const head = await git.revParse('HEAD');
            if (head === undefined)
                return;
            try {
                (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(stateFile(sessionId)), { recursive: true, mode: 0o700 });
                (0,external_node_fs_.writeFileSync)(stateFile(sessionId), JSON.stringify({ root, head }), { mode: 0o600 });
            }
            catch {
                // Without it, Stop compares with HEAD.
            }
        },
        async sessionChanges(sessionId) {
            let base = 'HEAD';
            try {
                const start = JSON.parse((0,external_node_fs_.readFileSync)(stateFile(sessionId), 'utf8'));
                if (start.root === root && /^[0-9a-f]{40,64}$/.test(start.head))
                    base = start.head;
            }
            catch {
                // no recorded start: the changes since HEAD
            }
            const diff = await git.diff(base, undefined);
            const tracked = diff !== undefined ? parseGitDiff(diff) : [];
            const listed = await runCommand(['git', 'ls-files', '--others', '--exclude-standard', '-z'], {
                cwd: root,
                timeoutMs: 30_000,
            });
            const untracked = listed.exitCode === 0 ? listed.stdout.split('\0').filter((p) => p !== '') : [];
            return [...tracked, ...untracked.flatMap((p) => newFile(root, p))];
        },
    };
}
function newFile(root, relative) {
    const file = resolveInWorkspace(root, relative);
    if (file === undefined)
        return [];
    try {
        const bytes = (0,external_node_fs_.readFileSync)(file);
        if (bytes.length > MAX_NEW_FILE_BYTES || bytes.includes(0))
            return [];
        const content = bytes.toString('utf8');
        return [{ path: relative, status: 'added', additions: countLines(content), deletions: 0, content }];
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./src/audit/envelope.ts


/**
 * How a batch of JSON lines is stored. Plain: the lines. Gzip only: one gzip member per batch, so the file
 * stays a valid .gz that `zcat` reads whole. Encrypted: one JSON line per batch, an AES-256-GCM envelope
 * (compressed first when asked: ciphertext does not compress).
 */
// Loaded when a log is compressed or encrypted: a plain JSON-lines log (the Codex hook's usual case) needs neither.
const envelope_crypto = deferBuiltin('node:crypto');
const zlib = deferBuiltin('node:zlib');
const AUDIT_KEY_ENV = 'CODEX_HOOKS_AUDIT_KEY';
function encodeBatch(lines, options) {
    if (!options.key)
        return options.gzip ? zlib().gzipSync(lines) : Buffer.from(lines, 'utf8');
    const plain = options.gzip ? zlib().gzipSync(lines) : Buffer.from(lines, 'utf8');
    const iv = envelope_crypto().randomBytes(12);
    const cipher = envelope_crypto().createCipheriv('aes-256-gcm', options.key, iv);
    const data = Buffer.concat([cipher.update(plain), cipher.final()]);
    const envelope = {
        codex_hooks_audit: 1,
        alg: 'AES-256-GCM',
        compression: options.gzip ? 'gzip' : 'none',
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
    };
    return Buffer.from(`${JSON.stringify(envelope)}\n`, 'utf8');
}
/**
 * The JSON lines of a whole log file, whatever its storage: plain, gzip members, or encrypted envelopes
 * (which need the key). A tampered or wrongly keyed envelope is an error, never silently skipped.
 */
function decodeLog(file, key) {
    if (file.length === 0)
        return [];
    const text = file[0] === 0x1f && file[1] === 0x8b ? zlib().gunzipSync(file).toString('utf8') : file.toString('utf8');
    const lines = [];
    for (const line of text.split('\n')) {
        if (line.trim() === '')
            continue;
        if (!line.startsWith('{"codex_hooks_audit":')) {
            lines.push(line);
            continue;
        }
        lines.push(...decryptEnvelope(line, key));
    }
    return lines;
}
function decryptEnvelope(line, key) {
    const envelope = JSON.parse(line);
    if (!key) {
        throw new ConfigurationError(`the log is encrypted; set ${AUDIT_KEY_ENV} to the key it was written with`);
    }
    const decipher = envelope_crypto().createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
    let plain;
    try {
        plain = Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]);
    }
    catch {
        throw new ConfigurationError(`an entry of the log cannot be decrypted: the key in ${AUDIT_KEY_ENV} is not the one it was written with, or the entry was altered`);
    }
    const text = envelope.compression === 'gzip' ? zlib().gunzipSync(plain).toString('utf8') : plain.toString('utf8');
    return text.split('\n').filter((l) => l.trim() !== '');
}
/**
 * The key from its environment variable: 32 bytes as 64 hex characters or base64. Anything else is refused,
 * so a typo never silently writes with a weak key.
 */
function readAuditKey(env, name = AUDIT_KEY_ENV) {
    const value = env[name]?.trim();
    if (!value) {
        throw new errors/* ConfigurationError */.j1(`encryption is on but ${name} is not set; set it to 32 random bytes (64 hex characters or base64), e.g. from 'openssl rand -hex 32'`);
    }
    const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
    if (key.length !== 32) {
        throw new errors/* ConfigurationError */.j1(`${name} must hold 32 bytes (64 hex characters or base64); it holds ${key.length}`);
    }
    return key;
}

;// CONCATENATED MODULE: ./src/audit/logger-options.ts

/** The seed's logger options (`rotate`, `compression`, `encrypt`) as writer options. */
const MB = 1024 * 1024;
const DEFAULT_ROTATE = { max_size_mb: 100, max_files: 10 };
function auditLogOptionsFor(logger, file, env) {
    const o = logger.options ?? {};
    const rotate = o.rotate && o.rotate.enabled !== false ? o.rotate : undefined;
    return {
        path: file,
        gzip: o.compression === 'gzip' || logger.gzip === true,
        ...(rotate
            ? {
                rotate: {
                    maxBytes: (rotate.max_size_mb ?? DEFAULT_ROTATE.max_size_mb) * MB,
                    maxFiles: rotate.max_files ?? DEFAULT_ROTATE.max_files,
                },
            }
            : {}),
        ...(o.encrypt === true ? { key: readAuditKey(env, o.key_env ?? AUDIT_KEY_ENV) } : {}),
    };
}
/** `include_metadata` (default true): without it a line keeps only what the event itself is. */
function includesMetadata(logger) {
    return logger.options?.include_metadata !== false;
}

;// CONCATENATED MODULE: ./src/audit/writer.ts




function openAuditLog(options) {
    let pending = [];
    let current = Promise.resolve();
    let scheduled;
    let size;
    const writeBatch = async (lines) => {
        const data = encodeBatch(lines.join(''), {
            gzip: options.gzip === true,
            ...(options.key ? { key: options.key } : {}),
        });
        size ??= await sizeOf(options.path);
        if (options.rotate && size > 0 && size + data.length > options.rotate.maxBytes) {
            await rotateFiles(options.path, options.rotate.maxFiles);
            size = 0;
        }
        await appendNoFollow(options.path, data);
        size += data.length;
    };
    const flush = () => {
        scheduled ??= current.then(async () => {
            scheduled = undefined;
            const lines = pending;
            pending = [];
            if (lines.length > 0)
                await writeBatch(lines);
        });
        current = scheduled;
        return scheduled;
    };
    return {
        write: (record) => {
            pending.push(`${JSON.stringify(record)}\n`);
            return flush();
        },
        flush: () => flush(),
    };
}
/** Appends records to a log in one batch: the one-shot form of openAuditLog. */
async function appendAuditRecords(options, records) {
    if (records.length === 0)
        return;
    const log = openAuditLog(options);
    await Promise.all(records.map((r) => log.write(r)));
}
async function sizeOf(path) {
    try {
        return (await (0,promises_.stat)(path)).size;
    }
    catch {
        return 0;
    }
}
/** `path.N-1` \u2192 `path.N` \u2026 `path` \u2192 `path.1`; beyond `maxFiles` old files are deleted. Renames never follow links. */
async function rotateFiles(path, maxFiles) {
    await (0,promises_.rm)(`${path}.${maxFiles}`, { force: true });
    for (let n = maxFiles - 1; n >= 1; n--) {
        await (0,promises_.rename)(`${path}.${n}`, `${path}.${n + 1}`).catch(ignoreMissing);
    }
    if (maxFiles >= 1)
        await (0,promises_.rename)(path, `${path}.1`).catch(ignoreMissing);
    else
        await (0,promises_.rm)(path, { force: true });
}
function ignoreMissing(error) {
    if (error.code !== 'ENOENT')
        throw error;
}
/** A symlink planted where the log goes (a pull request could) is refused, never written through. */
async function appendNoFollow(path, data) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    const handle = await (0,promises_.open)(path, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_APPEND | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_NOFOLLOW, 0o600);
    try {
        await handle.write(data);
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/core/types.ts
/**
 * The data that flows through the pipeline. Every stage takes and returns these; nothing here
 * knows about GitHub, the runner or the network.
 */
/** Highest first: the order findings are reported and compared against `fail-on`. */
const SEVERITIES = ['error', 'warning', 'notice'];
/** Skips the user chose through include/exclude or the built-in excludes, as opposed to files that could not be reviewed. */
const FILTER_SKIP_KINDS = new Set(['not-included', 'excluded', 'built-in-exclude']);

;// CONCATENATED MODULE: ./src/core/findings/finalize.ts


const finalize_crypto = deferBuiltin('node:crypto');
/** Short, stable hash used in fingerprints and hidden comment markers. */
function shortHash(...parts) {
    const h = finalize_crypto().createHash('sha256');
    for (const p of parts)
        h.update(p).update('\0');
    return h.digest('hex').slice(0, 16);
}
/**
 * Keys every fingerprint with a secret only the workflow holds (`fingerprint-key`): an HMAC of the plain
 * fingerprint, the same length. A pull request's author can compute a plain fingerprint offline (the rule, the
 * path and their own line or secret are all they need); a keyed one they cannot, so they cannot post a comment
 * that passes for one of ours. An empty key leaves the findings as they are.
 */
function keyFingerprints(findings, key) {
    if (key === '')
        return [...findings];
    return findings.map((f) => ({
        ...f,
        fingerprint: finalize_crypto().createHmac('sha256', key).update(f.fingerprint).digest('hex').slice(0, f.fingerprint.length),
    }));
}
/**
 * Turns drafts into findings with fingerprints. Identical anchors in one file (the same line pasted twice)
 * get an occurrence counter, so both are kept and each keeps its identity across runs.
 */
function createFindings(drafts) {
    const seen = new Map();
    const ordered = [...drafts].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
    return ordered.map((d) => {
        const key = shortHash(d.ruleId, d.path, normalizeAnchor(d.anchor));
        const n = seen.get(key) ?? 0;
        seen.set(key, n + 1);
        const fingerprint = n === 0 ? key : shortHash(key, String(n));
        return {
            ruleId: d.ruleId,
            category: d.category,
            severity: d.severity,
            path: d.path,
            line: d.line,
            endLine: d.endLine ?? d.line,
            ...(d.column !== undefined ? { column: d.column } : {}),
            message: d.message,
            fingerprint,
            ...(d.redacted !== undefined ? { redacted: d.redacted } : {}),
            ...(d.title !== undefined ? { title: d.title } : {}),
            ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
            source: d.source,
        };
    });
}
function normalizeAnchor(anchor) {
    return anchor.trim().replace(/\s+/g, ' ');
}
/** Keeps the first finding of each fingerprint (local findings are listed before the endpoint's). */
function dedupeFindings(findings) {
    const seen = new Set();
    const out = [];
    for (const f of findings) {
        if (seen.has(f.fingerprint))
            continue;
        seen.add(f.fingerprint);
        out.push(f);
    }
    return out;
}
function severityRank(severity) {
    return SEVERITIES.indexOf(severity);
}
/** Most severe first, then by path and line: the order of every report. */
function sortFindings(findings) {
    return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) ||
        a.path.localeCompare(b.path) ||
        a.line - b.line ||
        a.ruleId.localeCompare(b.ruleId));
}
function countBySeverity(findings) {
    const counts = { error: 0, warning: 0, notice: 0 };
    for (const f of findings)
        counts[f.severity]++;
    return counts;
}
function toReportFinding(f) {
    return {
        ruleId: f.ruleId,
        category: f.category,
        severity: f.severity,
        path: f.path,
        line: f.line,
        endLine: f.endLine,
        ...(f.column !== undefined ? { column: f.column } : {}),
        message: f.message,
        fingerprint: f.fingerprint,
        ...(f.redacted !== undefined ? { redacted: f.redacted } : {}),
    };
}
function buildJsonReport(findings, stats, conclusion, skipped = [], ai) {
    return {
        version: 1,
        findings: sortFindings(findings).map(toReportFinding),
        stats,
        conclusion,
        ...(skipped.length > 0 ? { skipped } : {}),
        ...(ai ? { ai } : {}),
    };
}

;// CONCATENATED MODULE: ./src/core/secrets/rules/define.ts
/**
 * Builders for the two common shapes of rule, so that each provider is one short, reviewable entry:
 * a token with its own prefix (`prefixed`), and a value whose provider is named next to it (`named`).
 * Example secrets come from a seeded generator: synthetic by construction, stable across runs.
 */
/** Deterministic pseudo-random strings for synthetic examples (xorshift seeded by the rule id). */
class Synth {
    state;
    constructor(seed) {
        let h = 2166136261;
        for (let i = 0; i < seed.length; i++)
            h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
        this.state = h >>> 0 || 1;
    }
    next() {
        let x = this.state;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        this.state = x >>> 0;
        return this.state;
    }
    pick(charset, n) {
        let out = '';
        while (out.length < n) {
            const ch = charset[this.next() % charset.length];
            // Keep examples clear of the repeated/sequential-character placeholder filter.
            const prev = out.charCodeAt(out.length - 1);
            if (out.length && Math.abs(ch.charCodeAt(0) - prev) <= 1)
                continue;
            out += ch;
        }
        return out;
    }
    hex(n) {
        return this.pick('0123456789abcdef', n);
    }
    HEX(n) {
        return this.pick('0123456789ABCDEF', n);
    }
    alnum(n) {
        return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', n);
    }
    lower(n) {
        return this.pick('abcdefghijklmnopqrstuvwxyz0123456789', n);
    }
    upper(n) {
        return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', n);
    }
    letters(n) {
        return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', n);
    }
    digits(n) {
        return this.pick('0123456789', n);
    }
    b64(n) {
        return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', n);
    }
    b64url(n) {
        return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-', n);
    }
    uuid() {
        return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-a${this.hex(3)}-${this.hex(12)}`;
    }
}
/** `[dD][aA]\u2026`: case-insensitive literal inside an otherwise case-sensitive pattern. */
function anyCase(word) {
    return word
        .split('')
        .map((ch) => {
        const lo = ch.toLowerCase();
        const up = ch.toUpperCase();
        if (lo !== up)
            return `[${lo}${up}]`;
        return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    })
        .join('');
}
function escapeLiteral(s) {
    return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
// A prefix inside a base64 blob (`\u2026a/cio\u2026`, `\u2026//cio\u2026`, `\u2026+ghp_\u2026`) is not the start of a token; after `://` it is.
const BEFORE = '(?:(?<=://)|(?<![A-Za-z0-9_+/]))';
const AFTER = '(?![A-Za-z0-9_])';
/** A token that carries its own, provider-specific prefix. */
function prefixed(spec) {
    let examples;
    return {
        id: spec.id,
        provider: spec.provider,
        description: spec.description,
        keywords: spec.prefixes.map((p) => p.toLowerCase()),
        pattern: new RegExp(`${BEFORE}(${spec.token})${AFTER}`),
        secretGroup: 1,
        specificity: 3,
        ...optional(spec),
        // Generated on first use: only the tests read them, and a Codex hook loads every rule on each prompt.
        get examples() {
            return (examples ??= prefixedExamples(spec));
        },
    };
}
function prefixedExamples(spec) {
    const g = new Synth(spec.id);
    const tokens = [spec.example(g)].flat();
    const first = tokens[0];
    const prefix = spec.prefixes.find((p) => first.toLowerCase().includes(p.toLowerCase())) ?? spec.prefixes[0];
    const at = first.toLowerCase().indexOf(prefix.toLowerCase());
    const head = first.slice(0, at + prefix.length);
    return {
        positive: tokens.map((t, i) => [`token: ${t}`, `export KEY="${t}"`, `{"key": "${t}"}`][i % 3]),
        negative: [
            `${head}${'x'.repeat(Math.max(8, first.length - head.length))}`,
            `${head}EXAMPLE`,
            head.length + 8 < first.length ? first.slice(0, head.length + 4) : first.slice(4),
            ...(spec.negative ?? []),
        ],
    };
}
/**
 * A value with no prefix of its own, recognised because the provider is named in the key before it:
 * `DATADOG_API_KEY=\u2026`, `"twilio_auth_token": "\u2026"`, `heroku.api_key: \u2026`.
 */
function named(spec) {
    const names = spec.names.map(anyCase).join('|');
    let examples;
    return {
        id: spec.id,
        provider: spec.provider,
        description: spec.description,
        keywords: spec.names.map((n) => n.toLowerCase()),
        pattern: new RegExp(`(?:${names})[A-Za-z0-9_.-]{0,32}["']?\\s{0,3}(?:=>|:=|=|:)\\s{0,3}["'\`]?(${spec.value})(?![A-Za-z0-9_+/=-])`),
        secretGroup: 1,
        specificity: 2,
        entropy: spec.entropy ?? 2.8,
        ...optional(spec),
        get examples() {
            return (examples ??= namedExamples(spec));
        },
    };
}
function namedExamples(spec) {
    const value = spec.example(new Synth(spec.id));
    const name = spec.names[0].toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    return {
        positive: [`${name}_KEY=${value}`],
        negative: [
            `${name}_KEY=${value.slice(0, Math.floor(value.length / 2))}`,
            `${name}_KEY=\${${name}_KEY}`,
            `${name}_KEY: ${'x'.repeat(value.length)}`,
            ...(spec.negative ?? []),
        ],
    };
}
function optional(spec) {
    return {
        ...(spec.severity ? { severity: spec.severity } : {}),
        ...(spec.entropy !== undefined ? { entropy: spec.entropy } : {}),
        ...(spec.validate ? { validate: spec.validate } : {}),
        ...(spec.placeholderFilter === false ? { placeholderFilter: false } : {}),
        ...(spec.window ? { window: spec.window } : {}),
    };
}

/** Value charsets of the keyed rules, by a one-letter code (`h32` = 32 lower-case hex). */
const CHARSETS = {
    h: { re: '[a-f0-9]', gen: (g, n) => g.hex(n) },
    H: { re: '[A-F0-9]', gen: (g, n) => g.HEX(n) },
    l: { re: '[a-z0-9]', gen: (g, n) => g.lower(n) },
    u: { re: '[A-Z0-9]', gen: (g, n) => g.upper(n) },
    a: { re: '[A-Za-z0-9]', gen: (g, n) => g.alnum(n) },
    w: { re: '[A-Za-z0-9_-]', gen: (g, n) => g.b64url(n) },
    b: { re: '[A-Za-z0-9+/]', gen: (g, n) => g.b64(n) },
};
const UUID_RE = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** A value that follows a key naming an identifier, a name or a place is not the secret. */
const ID_KEY = /(?:_id|Id|ID|-id|name|url|uri|host|user(?:name)?|email|region|endpoint|account)["'`]?\s{0,3}(?:=>|:=|=|:)\s{0,3}["'`]?$/;
/** Words before a hex value that make it a digest or a version, not a credential. */
const DIGEST_CONTEXT = /hash|sha\d|md5|digest|checksum|commit|integrity|etag|version|revision|[#@/]$/i;
/** UUID-shaped values are ids unless a secret word sits between the keyword and the value. */
const SECRET_WORD = /key|token|secret|pass|auth|cred|bearer/i;
function parseKeyedValue(v) {
    if (typeof v !== 'string')
        return { ...v, hexLike: false, min: 0 };
    if (v === 'uuid')
        return { re: UUID_RE, example: (g) => g.uuid(), hexLike: true, min: 36 };
    const m = /^([hHluawb])(\d+)(?:-(\d+))?$/.exec(v);
    if (!m)
        throw new Error(`bad keyed value ${v}`);
    const cs = CHARSETS[m[1]];
    const min = Number(m[2]);
    const max = m[3] ? Number(m[3]) : min;
    const pad = m[1] === 'b' ? '={0,2}' : '';
    return {
        re: `${cs.re}{${min},${max}}${pad}`,
        example: (g) => cs.gen(g, Math.round((min + max) / 2)),
        hexLike: m[1] === 'h' || m[1] === 'H',
        min,
    };
}
function slug(s) {
    return s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
}
/**
 * The long tail: a provider whose token is a plain character class, recognised only because the provider
 * is named close before it (on its line, or the line above as a parent YAML key) (`ABSTRACT_API_KEY=\u2026`, `"abstract": {"key": "\u2026"}`, `abstract key: \u2026`). The
 * keyword must come at most 40 characters before the value; the value needs letters and digits, an
 * entropy floor, and must not read as a digest, an id or a version.
 */
function keyed(row) {
    const id = row.id ?? `${slug(row.provider)}-key`;
    const v = parseKeyedValue(row.value);
    const kw = row.keywords[0];
    let examples;
    const keywords = row.keywords.map(anyCase).join('|');
    const isUuid = row.value === 'uuid';
    return {
        id,
        provider: row.provider,
        description: row.description ?? `${row.provider} credential named next to its value`,
        keywords: row.keywords.map((k) => k.toLowerCase()),
        pattern: new RegExp(`(?:${keywords})([\\s\\S]{0,40}?)(?<![A-Za-z0-9_+/-])(${v.re})(?![A-Za-z0-9_+/-]|=[A-Za-z0-9])`),
        secretGroup: 2,
        specificity: 2,
        entropy: v.min >= 24 ? 3 : 2.6,
        validate: (secret, match) => {
            const between = match.slice(0, match.length - secret.length);
            if (!/[0-9]/.test(secret) || !/[A-Za-z]/.test(secret))
                return false;
            if (ID_KEY.test(between))
                return false;
            if (v.hexLike && DIGEST_CONTEXT.test(between))
                return false;
            if (isUuid && !SECRET_WORD.test(between.slice(kw.length)))
                return false;
            return true;
        },
        window: { before: 0, after: 140 },
        // Generated on first use, as for `prefixed`: drawing 300 examples was a third of a Codex hook's start.
        get examples() {
            return (examples ??= keyedExamples(id, kw, v));
        },
    };
}
function keyedExamples(id, kw, v) {
    const g = new Synth(id);
    let value = v.example(g);
    // A real key of these charsets has letters and digits; draw again until the example has both.
    while (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value))
        value = v.example(g);
    const env = kw.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    return {
        positive: [`# ${kw} token: "${value}"`, `{"${kw}": {"key": "${value}"}}`],
        negative: [
            `${env}_API_KEY=${value.slice(0, Math.max(4, v.min - 1))}`,
            `${env}_API_KEY=${'x'.repeat(value.length)}`,
            `${kw}\n${'#'.repeat(50)}\n${value}`,
            ...(v.hexLike ? [`${kw} commit ${value}`] : []),
        ],
    };
}

;// CONCATENATED MODULE: ./src/core/secrets/rules/ai.ts

/** AI and ML platforms. */
const AI_RULES = [
    prefixed({
        id: 'openai-api-key',
        provider: 'OpenAI',
        description: 'OpenAI API key (contains the T3BlbkFJ marker)',
        prefixes: ['t3blbkfj'],
        token: 'sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{20,156}T3BlbkFJ[A-Za-z0-9_-]{20,156}',
        example: (g) => [
            'sk-proj-' + g.b64url(74) + 'T3BlbkFJ' + g.b64url(74),
            'sk-' + g.alnum(20) + 'T3BlbkFJ' + g.alnum(20),
        ],
        window: { before: 180, after: 180 },
    }),
    prefixed({
        id: 'anthropic-api-key',
        provider: 'Anthropic',
        description: 'Anthropic API or admin key',
        prefixes: ['sk-ant-'],
        token: 'sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,100}',
        example: (g) => 'sk-ant-api03-' + g.b64url(93) + 'AA',
    }),
    prefixed({
        id: 'huggingface-token',
        provider: 'Hugging Face',
        description: 'Hugging Face user or organization token',
        prefixes: ['hf_', 'api_org_'],
        token: '(?:hf_|api_org_)[A-Za-z]{34}',
        example: (g) => 'hf_' + g.letters(34),
    }),
    named({
        id: 'cohere-api-key',
        provider: 'Cohere',
        description: 'Cohere API key',
        names: ['cohere', 'co_api_key'],
        value: '[A-Za-z0-9]{40}',
        entropy: 4,
        example: (g) => g.alnum(40),
    }),
    prefixed({
        id: 'replicate-api-token',
        provider: 'Replicate',
        description: 'Replicate API token',
        prefixes: ['r8_'],
        token: 'r8_[A-Za-z0-9]{37}',
        example: (g) => 'r8_' + g.alnum(37),
    }),
    prefixed({
        id: 'groq-api-key',
        provider: 'Groq',
        description: 'Groq API key',
        prefixes: ['gsk_'],
        token: 'gsk_[A-Za-z0-9]{52}',
        example: (g) => 'gsk_' + g.alnum(52),
    }),
    prefixed({
        id: 'perplexity-api-key',
        provider: 'Perplexity',
        description: 'Perplexity API key',
        prefixes: ['pplx-'],
        token: 'pplx-[A-Za-z0-9]{48}',
        example: (g) => 'pplx-' + g.alnum(48),
    }),
    prefixed({
        id: 'xai-api-key',
        provider: 'xAI',
        description: 'xAI (Grok) API key',
        prefixes: ['xai-'],
        token: 'xai-[A-Za-z0-9]{80}',
        example: (g) => 'xai-' + g.alnum(80),
    }),
    prefixed({
        id: 'openrouter-api-key',
        provider: 'OpenRouter',
        description: 'OpenRouter API key',
        prefixes: ['sk-or-v1-'],
        token: 'sk-or-v1-[a-f0-9]{64}',
        example: (g) => 'sk-or-v1-' + g.hex(64),
    }),
    prefixed({
        id: 'langsmith-api-key',
        provider: 'LangChain',
        description: 'LangSmith API key',
        prefixes: ['lsv2_'],
        token: 'lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}',
        example: (g) => 'lsv2_pt_' + g.hex(32) + '_' + g.hex(10),
    }),
    prefixed({
        id: 'pinecone-api-key',
        provider: 'Pinecone',
        description: 'Pinecone API key',
        prefixes: ['pcsk_'],
        token: 'pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{60,72}',
        example: (g) => 'pcsk_' + g.alnum(6) + '_' + g.alnum(65),
    }),
    named({
        id: 'mistral-api-key',
        provider: 'Mistral AI',
        description: 'Mistral AI API key',
        names: ['mistral'],
        value: '[A-Za-z0-9]{32}',
        entropy: 4,
        example: (g) => g.alnum(32),
    }),
    named({
        id: 'deepseek-api-key',
        provider: 'DeepSeek',
        description: 'DeepSeek API key',
        names: ['deepseek'],
        value: 'sk-[a-f0-9]{32}',
        example: (g) => 'sk-' + g.hex(32),
    }),
    named({
        id: 'together-api-key',
        provider: 'Together AI',
        description: 'Together AI API key',
        names: ['together_api', 'togetherai'],
        value: '(?:tgp_v1_[A-Za-z0-9_-]{43}|[a-f0-9]{64})',
        example: (g) => g.hex(64),
    }),
    named({
        id: 'elevenlabs-api-key',
        provider: 'ElevenLabs',
        description: 'ElevenLabs API key',
        names: ['elevenlabs', 'xi_api_key', 'xi-api-key'],
        value: '(?:sk_)?[a-f0-9]{32,48}',
        example: (g) => 'sk_' + g.hex(48),
    }),
    named({
        id: 'assemblyai-api-key',
        provider: 'AssemblyAI',
        description: 'AssemblyAI API key',
        names: ['assemblyai', 'assembly_ai'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'stability-api-key',
        provider: 'Stability AI',
        description: 'Stability AI API key',
        names: ['stability'],
        value: 'sk-[A-Za-z0-9]{48}',
        example: (g) => 'sk-' + g.alnum(48),
    }),
    named({
        id: 'fireworks-api-key',
        provider: 'Fireworks AI',
        description: 'Fireworks AI API key',
        names: ['fireworks'],
        value: 'fw_[A-Za-z0-9]{24}',
        example: (g) => 'fw_' + g.alnum(24),
    }),
    named({
        id: 'weights-and-biases-key',
        provider: 'Weights & Biases',
        description: 'Weights & Biases API key',
        names: ['wandb'],
        value: '[a-f0-9]{40}',
        example: (g) => g.hex(40),
    }),
    prefixed({
        id: 'tavily-api-key',
        provider: 'Tavily',
        description: 'Tavily API key',
        prefixes: ['tvly-'],
        token: 'tvly-(?:dev-|prod-)?[A-Za-z0-9]{32}',
        example: (g) => 'tvly-dev-' + g.alnum(32),
    }),
];

;// CONCATENATED MODULE: ./src/core/secrets/rules/cloud.ts

/** Cloud platforms: AWS, Google Cloud, Azure, Alibaba, IBM, Tencent and hosting clouds. */
const CLOUD_RULES = [
    prefixed({
        id: 'aws-access-key-id',
        provider: 'AWS',
        description: 'AWS access key ID',
        prefixes: ['akia', 'asia', 'abia', 'acca'],
        // IAM unique-ID prefixes that name a credential: AKIA access key, ASIA temporary (STS) key, ABIA STS
        // bearer token, ACCA context-specific credential. AIDA (user), AROA (role), AGPA (group) and the other
        // prefixes name entities, not credentials. The 16 characters after the prefix are base32 (A-Z, 2-7).
        token: '(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}',
        example: (g) => 'AKIA' + g.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16),
        negative: ['AKIAIOSFODNN7EXAMPLE', 'AKIA1234', 'UserId: AIDAJQABLZS4A3QDU576Q'],
    }),
    {
        id: 'aws-secret-access-key',
        provider: 'AWS',
        description: 'AWS secret access key',
        keywords: ['aws_secret', 'aws-secret', 'secret_access_key', 'secretaccesskey', 'aws_secret_access_key'],
        pattern: new RegExp(`(?:${['aws_secret', 'aws-secret', 'secret_access_key', 'secretaccesskey'].map(anyCase).join('|')})[A-Za-z0-9_.-]{0,24}["']?\\s{0,3}(?:=>|:=|=|:)\\s{0,3}["'\`]?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`),
        secretGroup: 1,
        entropy: 4.0,
        specificity: 2,
        examples: {
            positive: ['aws_secret_access_key = q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8Nf0Jh2'],
            negative: [
                'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
                'aws_secret_access_key = ${AWS_SECRET}',
            ],
        },
    },
    prefixed({
        id: 'gcp-api-key',
        provider: 'Google Cloud',
        description: 'Google API key',
        prefixes: ['aiza'],
        token: 'AIza[A-Za-z0-9_-]{35}',
        example: (g) => 'AIza' + g.b64url(35),
    }),
    {
        id: 'gcp-service-account-key',
        provider: 'Google Cloud',
        description: 'Google Cloud service account key (JSON key file: private_key_id then private_key)',
        keywords: ['private_key_id'],
        // The key ID (40 hex) is an identifier that the console and `gcloud iam service-accounts keys list` show;
        // it is reported only when the private key follows it, as in the key files Google generates.
        pattern: /"private_key_id"\s{0,3}:\s{0,3}"([a-f0-9]{40})"\s{0,3},\s{0,40}"private_key"\s{0,3}:\s{0,3}"-----BEGIN /,
        secretGroup: 1,
        entropy: 3.2,
        specificity: 2,
        examples: {
            positive: [
                `{"type": "service_account", "private_key_id": "3f9a1c7e5b2d8a4f6c0e9b1d7a3f5c8e2b6d4a0f",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${new Synth('gcp-service-account-key').b64(64)}\\n-----END PRIVATE KEY-----\\n"}`,
            ],
            negative: [
                '{"private_key_id": "abc"}',
                '{"type": "service_account", "private_key_id": "3f9a1c7e5b2d8a4f6c0e9b1d7a3f5c8e2b6d4a0f", "private_key": "<redacted>"}',
            ],
        },
    },
    prefixed({
        id: 'gcp-oauth-client-secret',
        provider: 'Google Cloud',
        description: 'Google OAuth client secret',
        prefixes: ['gocspx-'],
        token: 'GOCSPX-[A-Za-z0-9_-]{28}',
        example: (g) => 'GOCSPX-' + g.b64url(28),
    }),
    prefixed({
        id: 'gcp-oauth-access-token',
        provider: 'Google Cloud',
        description: 'Google OAuth access token',
        prefixes: ['ya29.'],
        // Google: access tokens are up to 2048 bytes. Service-account tokens carry one more dotted part
        // (`ya29.c.\u2026`); a trailing run of `.` padding, when present, is not part of the match.
        token: 'ya29\\.(?:[A-Za-z]\\.)?[A-Za-z0-9_-]{40,2043}',
        example: (g) => ['ya29.' + g.b64url(120), 'ya29.c.' + g.b64url(1000)],
        window: { before: 20, after: 2100 },
    }),
    {
        id: 'azure-storage-account-key',
        provider: 'Microsoft Azure',
        description: 'Azure storage account key in a connection string',
        keywords: ['accountkey='],
        pattern: /[Aa]ccount[Kk]ey=([A-Za-z0-9+/]{86}==)/,
        secretGroup: 1,
        entropy: 4.5,
        specificity: 3,
        examples: {
            positive: [
                `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${new Synth('azure-storage').b64(86)}==;EndpointSuffix=core.windows.net`,
            ],
            negative: [
                'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='.replace(/[A-Za-z]/g, 'x'),
            ],
        },
    },
    prefixed({
        id: 'azure-service-bus-key',
        provider: 'Microsoft Azure',
        description: 'Azure Service Bus / Event Hubs shared access key',
        prefixes: ['sharedaccesskey='],
        token: 'SharedAccessKey=[A-Za-z0-9+/]{43}=',
        example: (g) => 'SharedAccessKey=' + g.b64(43) + '=',
    }),
    {
        id: 'azure-ad-client-secret',
        provider: 'Microsoft Entra ID',
        description: 'Azure AD / Entra ID application client secret',
        keywords: ['q~'],
        pattern: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
        secretGroup: 1,
        entropy: 3.5,
        specificity: 3,
        examples: {
            positive: ['AZURE_CLIENT_SECRET=Xa38Q~kT2mZp9LwVb7Rc1Qn5Hd8Gf3Js6Ye0Ua4'],
            negative: ['path ~/Q~ab'],
        },
    },
    named({
        id: 'azure-devops-pat',
        provider: 'Azure DevOps',
        description: 'Azure DevOps personal access token',
        names: ['azure_devops', 'ado_pat', 'azdo', 'system_accesstoken'],
        value: '[a-z2-7]{52}',
        example: (g) => g.pick('abcdefghijklmnopqrstuvwxyz234567', 52),
    }),
    prefixed({
        id: 'alibaba-access-key-id',
        provider: 'Alibaba Cloud',
        description: 'Alibaba Cloud AccessKey ID',
        prefixes: ['ltai'],
        token: 'LTAI[A-Za-z0-9]{12,20}',
        example: (g) => 'LTAI' + g.alnum(20),
    }),
    named({
        id: 'alibaba-access-key-secret',
        provider: 'Alibaba Cloud',
        description: 'Alibaba Cloud AccessKey secret',
        names: ['alibaba', 'aliyun', 'alicloud'],
        value: '[A-Za-z0-9]{30}',
        entropy: 3.8,
        example: (g) => g.alnum(30),
    }),
    named({
        id: 'ibm-cloud-api-key',
        provider: 'IBM Cloud',
        description: 'IBM Cloud IAM API key',
        names: ['ibm_cloud', 'ibmcloud', 'ibm_api', 'ibm-cloud', 'ic_api_key', 'iam_apikey'],
        value: '[A-Za-z0-9_-]{44}',
        entropy: 4,
        example: (g) => g.b64url(44),
    }),
    prefixed({
        id: 'tencent-secret-id',
        provider: 'Tencent Cloud',
        description: 'Tencent Cloud SecretId',
        prefixes: ['akid'],
        token: 'AKID[A-Za-z0-9]{32}',
        example: (g) => 'AKID' + g.alnum(32),
    }),
    prefixed({
        id: 'digitalocean-token',
        provider: 'DigitalOcean',
        description: 'DigitalOcean personal, OAuth or refresh token',
        prefixes: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
        token: 'do[por]_v1_[a-f0-9]{64}',
        example: (g) => 'dop_v1_' + g.hex(64),
    }),
    prefixed({
        id: 'heroku-api-key',
        provider: 'Heroku',
        description: 'Heroku platform API key',
        prefixes: ['hrku-'],
        token: 'HRKU-[A-Za-z0-9_-]{60}',
        example: (g) => 'HRKU-AA' + g.b64url(58),
    }),
    named({
        id: 'heroku-legacy-api-key',
        provider: 'Heroku',
        description: 'Heroku legacy API key (UUID next to a Heroku name)',
        names: ['heroku'],
        value: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
        example: (g) => g.uuid(),
    }),
    prefixed({
        id: 'flyio-token',
        provider: 'Fly.io',
        description: 'Fly.io access token',
        prefixes: ['fo1_', 'fm1r_', 'fm1a_', 'fm2_'],
        token: '(?:fo1_[A-Za-z0-9_-]{43}|fm[12][ar]?_[A-Za-z0-9+/_=-]{100,800})',
        example: (g) => 'fo1_' + g.b64url(43),
        window: { before: 20, after: 900 },
    }),
    prefixed({
        id: 'vercel-token',
        provider: 'Vercel',
        description: 'Vercel access token (prefixed format)',
        prefixes: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
        // Prefixes from Vercel's changelog ("new token formats"); the length is not published, so a range.
        token: 'vc[piark]_[A-Za-z0-9]{24,64}',
        entropy: 3.5,
        validate: (s) => /[0-9]/.test(s),
        example: (g) => ['vcp_' + g.alnum(56), 'vca_' + g.alnum(40)],
        negative: ['vcp_localeDisplayNameForRegion'],
    }),
    named({
        id: 'vercel-legacy-token',
        provider: 'Vercel',
        description: 'Vercel token next to a Vercel name',
        names: ['vercel'],
        value: '[A-Za-z0-9]{24}',
        entropy: 3.8,
        example: (g) => g.alnum(24),
    }),
    prefixed({
        id: 'netlify-token',
        provider: 'Netlify',
        description: 'Netlify access token',
        prefixes: ['nfp_', 'nfc_', 'nfo_', 'nfu_', 'nfb_'],
        token: 'nf[pcoub]_[A-Za-z0-9]{36}',
        example: (g) => 'nfp_' + g.alnum(36),
    }),
    named({
        id: 'cloudflare-api-token',
        provider: 'Cloudflare',
        description: 'Cloudflare API token or global API key',
        names: ['cloudflare', 'cf_api', 'cf_auth'],
        value: '(?:[A-Za-z0-9_-]{40}|[a-f0-9]{37})',
        entropy: 3.5,
        example: (g) => g.b64url(40),
    }),
    prefixed({
        id: 'cloudflare-origin-ca-key',
        provider: 'Cloudflare',
        description: 'Cloudflare Origin CA key',
        prefixes: ['v1.0-'],
        token: 'v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}',
        example: (g) => 'v1.0-' + g.hex(24) + '-' + g.hex(146),
    }),
    named({
        id: 'linode-token',
        provider: 'Linode',
        description: 'Linode (Akamai) API token',
        names: ['linode'],
        value: '[a-f0-9]{64}',
        example: (g) => g.hex(64),
    }),
    named({
        id: 'vultr-api-key',
        provider: 'Vultr',
        description: 'Vultr API key',
        names: ['vultr'],
        value: '[A-Z0-9]{36}',
        entropy: 3.8,
        example: (g) => g.upper(36),
    }),
    named({
        id: 'hetzner-token',
        provider: 'Hetzner',
        description: 'Hetzner Cloud API token',
        names: ['hcloud', 'hetzner'],
        value: '[A-Za-z0-9]{64}',
        entropy: 4,
        example: (g) => g.alnum(64),
    }),
    named({
        id: 'scaleway-secret-key',
        provider: 'Scaleway',
        description: 'Scaleway secret key',
        names: ['scaleway', 'scw_secret'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    named({
        id: 'oracle-cloud-key',
        provider: 'Oracle Cloud',
        description: 'Oracle Cloud auth token next to an OCI name',
        names: ['oci_auth', 'oracle_cloud', 'oci_api'],
        value: '[A-Za-z0-9+/:;.()<>{}_-]{20}',
        entropy: 3.8,
        example: (g) => g.alnum(20),
    }),
    prefixed({
        id: 'render-api-key',
        provider: 'Render',
        description: 'Render API key',
        prefixes: ['rnd_'],
        token: 'rnd_[A-Za-z0-9]{32}',
        example: (g) => 'rnd_' + g.alnum(32),
    }),
    named({
        id: 'railway-token',
        provider: 'Railway',
        description: 'Railway API token',
        names: ['railway_token', 'railway_api'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    prefixed({
        id: 'deno-deploy-token',
        provider: 'Deno Deploy',
        description: 'Deno Deploy access token',
        prefixes: ['ddp_', 'ddw_'],
        token: 'dd[pw]_[A-Za-z0-9]{36}',
        example: (g) => 'ddp_' + g.alnum(36),
    }),
    named({
        id: 'upstash-token',
        provider: 'Upstash',
        description: 'Upstash REST token',
        names: ['upstash'],
        value: '[A-Za-z0-9_=-]{60,100}',
        entropy: 4,
        example: (g) => 'AX' + g.b64url(70),
    }),
    keyed({
        id: 'azure-storage-key-named',
        provider: 'Microsoft Azure',
        description: 'Azure storage account or Cosmos DB key named by its service, outside a connection string',
        keywords: [
            'azure_storage',
            'azurestorage',
            'storage_account',
            'storageaccount',
            'storage-account',
            'cosmos',
            'blob_key',
            'primarykey',
            'primary_key',
        ],
        value: { re: '[A-Za-z0-9+/]{86}==', example: (g) => g.b64(86) + '==' },
    }),
    {
        id: 'azure-sas-token',
        provider: 'Microsoft Azure',
        description: 'Azure shared access signature (sig=) with its service version and expiry',
        keywords: ['sig='],
        // A SAS is a query string: `sig=` after a service version, expiry or permission field of the same query.
        pattern: /[?&;=](?:sv|se|sp|sr|st|spr|srt|ss)=[^\s"'<>?]{1,300}?&sig=([A-Za-z0-9%+/]{40,120}(?:%3[Dd]|=){0,2})(?![A-Za-z0-9%+/=])/,
        secretGroup: 1,
        entropy: 4,
        specificity: 3,
        window: { before: 420, after: 540 },
        examples: {
            positive: [
                `https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-31T00:00:00Z&spr=https&sig=${new Synth('azure-sas').b64(43)}%3D`,
                `BlobEndpoint=https://acme.blob.core.windows.net/;SharedAccessSignature=sv=2021-08-06&se=2026-01-01&sig=${new Synth('azure-sas2').b64(43)}%3D`,
            ],
            negative: [
                'https://acme.blob.core.windows.net/c?sv=2022-11-02&sig=<signature>',
                'const q = "?sig=" + signature + "&sv=2022-11-02";',
            ],
        },
    },
    {
        id: 'azure-entra-refresh-token',
        provider: 'Microsoft Entra ID',
        description: 'Microsoft Entra ID (Azure AD) refresh token',
        keywords: ['refresh_token', 'refreshtoken', 'refresh-token'],
        pattern: /refresh[_-]?token["']?\s{0,3}[:=]\s{0,3}["']?(0\.A[A-Za-z0-9_.*-]{100,6000})/i,
        secretGroup: 1,
        entropy: 4,
        specificity: 3,
        window: { before: 10, after: 6200 },
        examples: {
            positive: [`"refresh_token": "0.AXoA${new Synth('entra-rt').b64url(300)}.${new Synth('entra-rt2').b64url(80)}"`],
            negative: ['"refresh_token": "0.AXoA..."'],
        },
    },
    keyed({
        id: 'azure-openai-key',
        provider: 'Microsoft Azure',
        description: 'Azure OpenAI / AI services (Cognitive Services) / AI Search key',
        keywords: [
            'azure_openai',
            'azureopenai',
            'azure-openai',
            'openai.azure.com',
            'cognitive',
            'ocp-apim-subscription-key',
            'azure_ai',
            'azure_search',
            'search.windows.net',
            'api-key',
        ],
        value: { re: '(?:[a-f0-9]{32}|[A-Za-z0-9]{52}|[A-Za-z0-9]{84})', example: (g) => g.hex(32) },
    }),
    prefixed({
        id: 'azure-container-registry-password',
        provider: 'Microsoft Azure',
        description: 'Azure Container Registry password or token (+ACR marker)',
        prefixes: ['+acr'],
        token: '[A-Za-z0-9+/]{42}\\+ACR[A-Za-z0-9]{6}',
        example: (g) => g.b64(42) + '+ACR' + g.alnum(6),
    }),
    {
        id: 'azure-redis-connection-string',
        provider: 'Microsoft Azure',
        description: 'Azure Cache for Redis connection string with its access key',
        keywords: ['redis.cache.windows.net', 'redis.azure.net'],
        pattern: /\.redis\.(?:cache\.windows|azure)\.net(?::\d{2,5})?,[^\n"']{0,80}?password=([A-Za-z0-9+/]{43}=)/i,
        secretGroup: 1,
        entropy: 4,
        specificity: 3,
        window: { before: 80, after: 200 },
        examples: {
            positive: [
                `REDIS=acme.redis.cache.windows.net:6380,password=${new Synth('azure-redis').b64(43)}=,ssl=True,abortConnect=False`,
            ],
            negative: ['acme.redis.cache.windows.net:6380,password=<access-key>,ssl=True'],
        },
    },
    prefixed({
        id: 'cloudflare-prefixed-token',
        provider: 'Cloudflare',
        description: 'Cloudflare user/account API token or API key with the cfut_/cfat_/cfk_ prefix',
        prefixes: ['cfut_', 'cfat_', 'cfk_'],
        token: 'cf(?:ut|at|k)_[A-Za-z0-9]{40}[a-f0-9]{8}',
        entropy: 3.8,
        example: (g) => 'cfut_' + g.alnum(40) + g.hex(8),
    }),
];

;// CONCATENATED MODULE: ./src/core/secrets/checksum.ts
/**
 * GitHub's 2021 token format (ghp_, gho_, ghu_, ghs_, ghr_) and npm's (npm_) end in 6 characters that
 * are the CRC32 of the 30-character random body, base62-encoded (0-9A-Za-z) and left-padded with `0`.
 * A wrong checksum means the string is not a token GitHub or npm issued, so the match is dropped.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CRC_TABLE = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
    }
    return table;
})();
function checksum_crc32(text) {
    let crc = 0xffffffff;
    for (let i = 0; i < text.length; i++)
        crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}
function checksum_encodeBase62(value, width) {
    let out = '';
    let n = value;
    while (n > 0) {
        out = BASE62[n % 62] + out;
        n = Math.floor(n / 62);
    }
    return out.padStart(width, '0');
}
/** True when `token` is `<prefix>_<30 chars><crc32 base62, 6 chars>`. */
function hasValidBase62Checksum(token) {
    const underscore = token.indexOf('_');
    const body = token.slice(underscore + 1);
    if (body.length !== 36)
        return false;
    return checksum_encodeBase62(checksum_crc32(body.slice(0, 30)), 6) === body.slice(30);
}
/** Builds a well-formed synthetic token (for examples and tests): `prefix` + body + its checksum. */
function withBase62Checksum(prefix, body30) {
    return prefix + body30 + checksum_encodeBase62(checksum_crc32(body30), 6);
}
/**
 * Atlassian API tokens (`ATATT3\u2026`) end in `=` and 8 hex digits: the CRC32 of everything before those 8
 * digits, `=` included, as big-endian hex. Not documented by Atlassian; the samples in Datadog's
 * sensitive-data-scanner tests and in gitleaks' rule verify, and Datadog's scanner checks it the same way.
 */
function hasValidHexCrc32Suffix(token) {
    const suffix = token.slice(-8);
    if (!/^[0-9A-Fa-f]{8}$/.test(suffix))
        return false;
    return checksum_crc32(token.slice(0, -8)) === parseInt(suffix, 16);
}
/** Builds a well-formed synthetic token: `head` followed by the upper-case hex CRC32 of `head`. */
function withHexCrc32Suffix(head) {
    return head + checksum_crc32(head).toString(16).toUpperCase().padStart(8, '0');
}

;// CONCATENATED MODULE: ./src/core/access-token.ts

/**
 * The endpoint's programmatic access tokens: `cdxhk_`, 256 random bits in base62 (43 characters), then the
 * CRC32 of those 43 characters in base62 (6), like GitHub's tokens. The prefix lets secret scanners (ours
 * included) find a leaked token; the checksum lets them tell a real one from a look-alike without a lookup.
 * Pure: the random bytes come from the caller.
 */
const ACCESS_TOKEN_PREFIX = 'cdxhk_';
const BODY_LENGTH = 43;
const access_token_BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** `random` must be 32 bytes from a CSPRNG. */
function formatAccessToken(random) {
    if (random.length !== 32)
        throw new Error('an access token needs 32 random bytes');
    let n = 0n;
    for (const byte of random)
        n = (n << 8n) | BigInt(byte);
    let body = '';
    while (n > 0n) {
        body = access_token_BASE62[Number(n % 62n)] + body;
        n /= 62n;
    }
    body = body.padStart(BODY_LENGTH, '0');
    return `${ACCESS_TOKEN_PREFIX}${body}${encodeBase62(crc32(body), 6)}`;
}
/** The shape and the checksum; says nothing about whether the token is issued or valid. */
function isWellFormedAccessToken(token) {
    if (!token.startsWith(ACCESS_TOKEN_PREFIX))
        return false;
    const rest = token.slice(ACCESS_TOKEN_PREFIX.length);
    if (!/^[0-9A-Za-z]{49}$/.test(rest))
        return false;
    return checksum_encodeBase62(checksum_crc32(rest.slice(0, BODY_LENGTH)), 6) === rest.slice(BODY_LENGTH);
}
/** A well-formed token from a 43-character body (synthetic examples and tests). */
function withAccessTokenChecksum(body43) {
    return `${ACCESS_TOKEN_PREFIX}${body43}${checksum_encodeBase62(checksum_crc32(body43), 6)}`;
}

;// CONCATENATED MODULE: ./src/core/secrets/rules/code-hosting.ts



/** GitHub, GitLab, Bitbucket, Atlassian and other developer platforms and CI services. */
const CODE_HOSTING_RULES = [
    prefixed({
        id: 'github-token',
        provider: 'GitHub',
        description: 'GitHub personal, OAuth, app or refresh token (CRC32-checked)',
        prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
        token: 'gh[pousr]_[A-Za-z0-9]{36}',
        // The last 6 characters are the base62 CRC32 of the 30-character body (GitHub's 2021 format).
        validate: hasValidBase62Checksum,
        example: (g) => [withBase62Checksum('ghp_', g.alnum(30)), withBase62Checksum('ghs_', g.alnum(30))],
        negative: ['ghp_R8fJk2LmQ9vXw3ZpT6yBn4HcD7sE1aGu5Kio', 'ghp_short'],
    }),
    prefixed({
        id: 'codex-hooks-access-token',
        provider: 'codex-hooks',
        description: 'codex-hooks endpoint access token (CRC32-checked)',
        prefixes: ['cdxhk_'],
        token: 'cdxhk_[A-Za-z0-9]{49}',
        // Issued by `codex-hooks token create`: 43 base62 characters of 256 random bits, then their CRC32 in base62.
        validate: isWellFormedAccessToken,
        example: (g) => [withAccessTokenChecksum(g.alnum(43)), withAccessTokenChecksum(g.alnum(43))],
        negative: ['cdxhk_R8fJk2LmQ9vXw3ZpT6yBn4HcD7sE1aGu5KioR8fJk2LmQ9vXw3Z'],
    }),
    prefixed({
        id: 'github-fine-grained-pat',
        provider: 'GitHub',
        description: 'GitHub fine-grained personal access token',
        prefixes: ['github_pat_'],
        token: 'github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}',
        example: (g) => `github_pat_11${g.alnum(20)}_${g.alnum(59)}`,
    }),
    prefixed({
        id: 'gitlab-token',
        provider: 'GitLab',
        description: 'GitLab personal, project, group, deploy, runner, trigger, feed, OAuth or agent token',
        prefixes: [
            'glpat-',
            'gldt-',
            'glrt-',
            'glcbt-',
            'glptt-',
            'glft-',
            'glimt-',
            'gloas-',
            'glsoat-',
            'glffct-',
            'glagent-',
            'glrtr-',
        ],
        token: 
        // Routable tokens (GitLab's routable-token design and its own detection rules): a 27-300 character
        // payload, then `.<version>` (optional) and `.<length><crc32>` in base36. Trigger tokens are 40
        // characters, OAuth application secrets 64, CI job tokens carry an optional `<partition>_`.
        '(?:glpat|gldt|glrt|glrtr|glft|glsoat|glffct|glagent)-[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{2})?(?:\\.[0-9a-z]{9})?|gloas-[A-Za-z0-9_-]{64}|glptt-[A-Za-z0-9_-]{40}|glcbt-(?:[A-Za-z0-9]{1,5}_)?[A-Za-z0-9_-]{20}|glimt-[A-Za-z0-9_-]{25}',
        entropy: 3.3,
        example: (g) => [
            'glpat-' + g.b64url(20),
            'glptt-' + g.hex(40),
            'glrt-' + g.b64url(20),
            'glpat-' + g.b64url(40) + '.01.' + g.lower(9),
            'glcbt-' + g.b64url(20),
            'glptt-' + g.b64url(40),
        ],
        negative: ['gloas-Zq8vT3mW9kLpR4nB6yC1hJ5sD0fG3aK9eU7i'],
        window: { before: 20, after: 340 },
    }),
    prefixed({
        id: 'gitlab-runner-registration-token',
        provider: 'GitLab',
        description: 'GitLab runner registration token (legacy)',
        prefixes: ['gr1348941'],
        token: 'GR1348941[A-Za-z0-9_-]{20}',
        example: (g) => 'GR1348941' + g.b64url(20),
    }),
    prefixed({
        id: 'bitbucket-app-password',
        provider: 'Bitbucket',
        description: 'Bitbucket app password or access token',
        prefixes: ['atbb', 'atctt3'],
        token: '(?:ATBB[A-Za-z0-9]{32}[A-F0-9]{8}|ATCTT3xFfGN0[A-Za-z0-9_=-]{170,220})',
        example: (g) => 'ATBB' + g.alnum(32) + g.HEX(8),
        window: { before: 20, after: 260 },
    }),
    named({
        id: 'bitbucket-client-secret',
        provider: 'Bitbucket',
        description: 'Bitbucket OAuth consumer secret',
        names: ['bitbucket'],
        value: '[A-Za-z0-9_=-]{32,64}',
        entropy: 4,
        example: (g) => g.b64url(32),
    }),
    prefixed({
        id: 'atlassian-api-token',
        provider: 'Atlassian',
        description: 'Atlassian (Jira, Confluence) API token (CRC32-checked)',
        prefixes: ['atatt3'],
        // `ATATT3` + base64url payload + `=` + 8 hex digits, the CRC32 of everything before them. Atlassian
        // gives no length ("varied length" since 18 Jan 2023; published samples are 192 characters), so the
        // payload is a range and the checksum does the filtering.
        token: 'ATATT3[A-Za-z0-9_-]{100,300}=[0-9A-Fa-f]{8}',
        validate: hasValidHexCrc32Suffix,
        example: (g) => withHexCrc32Suffix('ATATT3xFfGF0' + g.b64url(171) + '='),
        window: { before: 20, after: 330 },
        negative: [
            // Well-formed but with a checksum that does not match (a made-up token).
            'ATATT3xFfGF0' + new Synth('atlassian-api-token-negative').b64url(171) + '=3A6F91C4',
        ],
    }),
    named({
        id: 'atlassian-legacy-api-token',
        provider: 'Atlassian',
        description: 'Atlassian API token next to a Jira or Confluence name',
        names: ['jira', 'confluence', 'atlassian'],
        // Pre-2023 tokens: 24 characters, the last 4 hex (part of a hash of the first 20).
        value: '[A-Za-z0-9]{20}[A-Fa-f0-9]{4}',
        entropy: 3.8,
        example: (g) => g.alnum(20) + g.HEX(4),
        negative: ['JIRA_API_TOKEN=HqUX9T5iuk7hqSIwfiSvlXnd'],
    }),
    prefixed({
        id: 'gitea-token',
        provider: 'Gitea',
        description: 'Gitea access token next to a Gitea name',
        prefixes: ['gitea'],
        token: '(?:GITEA|gitea)[A-Za-z0-9_]{0,20}["\']?\\s{0,3}[=:]\\s{0,3}["\']?[a-f0-9]{40}',
        example: (g) => 'GITEA_TOKEN=' + g.hex(40),
    }),
    prefixed({
        id: 'circleci-token',
        provider: 'CircleCI',
        description: 'CircleCI personal or project API token',
        prefixes: ['ccipat_', 'cciprj_'],
        token: 'CCI(?:PAT|PRJ)_[A-Za-z0-9]{22}_[a-f0-9]{40}',
        example: (g) => 'CCIPAT_' + g.alnum(22) + '_' + g.hex(40),
    }),
    prefixed({
        id: 'buildkite-token',
        provider: 'Buildkite',
        description: 'Buildkite API access token',
        prefixes: ['bkua_'],
        token: 'bkua_[a-f0-9]{40}',
        example: (g) => 'bkua_' + g.hex(40),
    }),
    named({
        id: 'travis-ci-token',
        provider: 'Travis CI',
        description: 'Travis CI API token',
        names: ['travis'],
        value: '[A-Za-z0-9_-]{22}',
        entropy: 3.8,
        example: (g) => g.b64url(22),
    }),
    named({
        id: 'codecov-token',
        provider: 'Codecov',
        description: 'Codecov upload token',
        names: ['codecov'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    prefixed({
        id: 'sonar-token',
        provider: 'SonarSource',
        description: 'SonarQube / SonarCloud token',
        prefixes: ['sqp_', 'squ_', 'sqa_'],
        token: 'sq[pua]_[a-f0-9]{40}',
        example: (g) => 'sqp_' + g.hex(40),
    }),
    prefixed({
        id: 'sourcegraph-token',
        provider: 'Sourcegraph',
        description: 'Sourcegraph access token',
        prefixes: ['sgp_'],
        token: 'sgp_(?:[a-f0-9]{16}_)?[a-f0-9]{40}',
        example: (g) => 'sgp_' + g.hex(16) + '_' + g.hex(40),
    }),
    prefixed({
        id: 'harness-token',
        provider: 'Harness',
        description: 'Harness personal or service account token',
        prefixes: ['pat.', 'sat.'],
        token: '(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[a-f0-9]{24}\\.[A-Za-z0-9]{20}',
        example: (g) => 'pat.' + g.b64url(22) + '.' + g.hex(24) + '.' + g.alnum(20),
    }),
    prefixed({
        id: 'octopus-deploy-api-key',
        provider: 'Octopus Deploy',
        description: 'Octopus Deploy API key',
        prefixes: ['api-'],
        token: 'API-[A-Z0-9]{26}',
        entropy: 3.5,
        example: (g) => 'API-' + g.upper(26),
    }),
    named({
        id: 'snyk-token',
        provider: 'Snyk',
        description: 'Snyk API token',
        names: ['snyk'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    prefixed({
        id: 'jenkins-api-token',
        provider: 'Jenkins',
        description: 'Jenkins API token next to a Jenkins name',
        prefixes: ['jenkins'],
        token: '(?:JENKINS|jenkins)[A-Za-z0-9_]{0,20}["\']?\\s{0,3}[=:]\\s{0,3}["\']?11[a-f0-9]{32}',
        example: (g) => 'JENKINS_API_TOKEN=11' + g.hex(32),
    }),
    named({
        id: 'drone-ci-token',
        provider: 'Drone CI',
        description: 'Drone CI access token',
        names: ['drone_token', 'drone-token'],
        value: '[A-Za-z0-9]{32}',
        entropy: 3.8,
        example: (g) => g.alnum(32),
    }),
    prefixed({
        id: 'postman-api-key',
        provider: 'Postman',
        description: 'Postman API key',
        prefixes: ['pmak-'],
        token: 'PMAK-[a-f0-9]{24}-[a-f0-9]{34}',
        example: (g) => 'PMAK-' + g.hex(24) + '-' + g.hex(34),
    }),
    prefixed({
        id: 'readme-api-key',
        provider: 'ReadMe',
        description: 'ReadMe API key',
        prefixes: ['rdme_'],
        token: 'rdme_[a-z0-9]{70}',
        example: (g) => 'rdme_' + g.lower(70),
    }),
    prefixed({
        id: 'infracost-api-key',
        provider: 'Infracost',
        description: 'Infracost API key',
        prefixes: ['ico-'],
        token: 'ico-[A-Za-z0-9]{32}',
        example: (g) => 'ico-' + g.alnum(32),
    }),
    prefixed({
        id: 'prefect-api-key',
        provider: 'Prefect',
        description: 'Prefect Cloud API key',
        prefixes: ['pnu_'],
        token: 'pnu_[A-Za-z0-9]{36}',
        example: (g) => 'pnu_' + g.alnum(36),
    }),
    prefixed({
        id: 'figma-token',
        provider: 'Figma',
        description: 'Figma personal access token',
        prefixes: ['figd_'],
        token: 'figd_[A-Za-z0-9_-]{40}',
        example: (g) => 'figd_' + g.b64url(40),
    }),
    prefixed({
        id: 'linear-api-key',
        provider: 'Linear',
        description: 'Linear API key or OAuth token',
        prefixes: ['lin_api_', 'lin_oauth_'],
        token: 'lin_(?:api|oauth)_[A-Za-z0-9]{40}',
        example: (g) => 'lin_api_' + g.alnum(40),
    }),
    prefixed({
        id: 'notion-token',
        provider: 'Notion',
        description: 'Notion integration token',
        prefixes: ['ntn_', 'secret_'],
        token: '(?:ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})',
        entropy: 3.5,
        example: (g) => ['ntn_' + g.digits(11) + g.alnum(35), 'secret_' + g.alnum(43)],
    }),
    prefixed({
        id: 'clickup-token',
        provider: 'ClickUp',
        description: 'ClickUp personal API token',
        prefixes: ['pk_'],
        token: 'pk_[0-9]{6,10}_[A-Z0-9]{32}',
        example: (g) => 'pk_' + g.digits(8) + '_' + g.upper(32),
    }),
    named({
        id: 'asana-token',
        provider: 'Asana',
        description: 'Asana personal access token',
        names: ['asana'],
        value: '[0-9]/[0-9]{16}(?:/[0-9]{16})?:[A-Za-z0-9]{32}',
        example: (g) => `2/${g.digits(16)}/${g.digits(16)}:${g.alnum(32)}`,
    }),
    named({
        id: 'trello-token',
        provider: 'Trello',
        description: 'Trello API token',
        names: ['trello'],
        value: '(?:ATTA[A-Za-z0-9]{60,70}|[a-f0-9]{64})',
        example: (g) => g.hex(64),
    }),
    prefixed({
        id: 'airtable-token',
        provider: 'Airtable',
        description: 'Airtable personal access token',
        prefixes: ['pat'],
        token: 'pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}',
        example: (g) => 'pat' + g.alnum(14) + '.' + g.hex(64),
    }),
    prefixed({
        id: 'typeform-token',
        provider: 'Typeform',
        description: 'Typeform personal access token',
        prefixes: ['tfp_'],
        token: 'tfp_[A-Za-z0-9_=-]{44}_[A-Za-z0-9]{14}',
        example: (g) => 'tfp_' + g.b64url(44) + '_' + g.alnum(14),
    }),
    prefixed({
        id: 'frameio-token',
        provider: 'Frame.io',
        description: 'Frame.io API token',
        prefixes: ['fio-u-'],
        token: 'fio-u-[A-Za-z0-9_=-]{64}',
        example: (g) => 'fio-u-' + g.b64url(64),
    }),
    named({
        id: 'monday-token',
        provider: 'monday.com',
        description: 'monday.com API token (a JWT next to a monday name)',
        names: ['monday_api', 'monday_token'],
        value: 'eyJ[A-Za-z0-9_-]{10,60}\\.eyJ[A-Za-z0-9_-]{20,400}\\.[A-Za-z0-9_-]{20,100}',
        example: (g) => 'eyJhbGciOiJIUzI1NiJ9.eyJ' + g.b64url(60) + '.' + g.b64url(43),
    }),
    named({
        id: 'zendesk-token',
        provider: 'Zendesk',
        description: 'Zendesk API token',
        names: ['zendesk'],
        value: '[A-Za-z0-9]{40}',
        entropy: 4,
        example: (g) => g.alnum(40),
    }),
    named({
        id: 'intercom-token',
        provider: 'Intercom',
        description: 'Intercom access token',
        names: ['intercom'],
        value: 'dG9rOj[A-Za-z0-9+/=_-]{40,80}',
        example: (g) => 'dG9rOj' + g.b64url(54),
    }),
    prefixed({
        id: 'hubspot-private-app-token',
        provider: 'HubSpot',
        description: 'HubSpot private app access token',
        prefixes: ['pat-na1-', 'pat-eu1-'],
        token: 'pat-(?:na1|eu1)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
        example: (g) => 'pat-na1-' + g.uuid(),
    }),
    named({
        id: 'freshdesk-api-key',
        provider: 'Freshworks',
        description: 'Freshdesk / Freshservice API key',
        names: ['freshdesk', 'freshservice'],
        value: '[A-Za-z0-9]{20}',
        entropy: 3.8,
        example: (g) => g.alnum(20),
    }),
    keyed({
        id: 'github-oauth-client-secret',
        provider: 'GitHub',
        description: 'GitHub OAuth App client secret',
        keywords: [
            'github_client_secret',
            'github-client-secret',
            'githubclientsecret',
            'github_secret',
            'github_oauth_secret',
            'gh_client_secret',
        ],
        value: 'h40',
    }),
];

;// CONCATENATED MODULE: ./src/core/secrets/entropy.ts
/** Shannon entropy in bits per character. */
function shannonEntropy(value) {
    if (value.length === 0)
        return 0;
    const counts = new Map();
    for (const ch of value)
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    let bits = 0;
    for (const n of counts.values()) {
        const p = n / value.length;
        bits -= p * Math.log2(p);
    }
    return bits;
}

;// CONCATENATED MODULE: ./src/core/secrets/filters.ts
/**
 * Precision filters shared by every rule: a value that looks like a placeholder, a template reference
 * or a run of repeated or sequential characters is documentation, not a credential.
 */
const PLACEHOLDER_WORDS = /example|dummy|sample|placeholder|redacted|changeme|change_me|replace[-_]?me|insert[-_]?your|your[-_]?(?:api|access|secret|auth|key|token|pass|client)|fake[-_]?(?:key|token|secret)|not[-_]?a[-_]?real|xxxx|\*\*\*\*|\.\.\.|\u2026/i;
/** `${VAR}`, `${{ secrets.X }}`, `{{ x }}`, `<your-key>`, `process.env.X`, `%VAR%`, `$(cmd)`, a whole `{name}`. */
const TEMPLATE_REFERENCE = /\$\{|\{\{|\}\}|<[^>\s]{1,60}>|process\.env|os\.environ|getenv|secrets\.|%[A-Z_]{3,}%|\$\(|^\$[A-Za-z_]|^\{[\w.-]{0,40}\}$/;
function isPlaceholder(value) {
    return PLACEHOLDER_WORDS.test(value) || TEMPLATE_REFERENCE.test(value) || hasLowVariety(value);
}
/**
 * The value is mostly made of runs: at least half of its characters sit in runs of four or more equal
 * or consecutive characters (`aaaa`, `abcd`, `4321`), or it has three or fewer distinct
 * characters. A real key may contain a short run (`\u2026abc123456\u2026`) by chance; a placeholder is made of them.
 */
function hasLowVariety(value) {
    if (value.length >= 8 && new Set(value).size <= 3)
        return true;
    const v = value;
    let inRuns = 0;
    let runStart = 0;
    let step = 0;
    const close = (end) => {
        if (end - runStart >= 4)
            inRuns += end - runStart;
    };
    for (let i = 1; i <= v.length; i++) {
        const d = i < v.length ? v.charCodeAt(i) - v.charCodeAt(i - 1) : 99;
        const continues = (d === 0 || d === 1 || d === -1) && (i - runStart === 1 || d === step);
        if (continues) {
            step = d;
            continue;
        }
        close(i);
        runStart = i;
        step = 0;
    }
    return inRuns * 2 >= value.length;
}
/** Hex digests (md5, sha1, sha256, sha512): on their own they are content hashes and commit ids. */
const HEX_DIGEST = /^(?:[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128}|[A-F0-9]{32}|[A-F0-9]{40}|[A-F0-9]{64})$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Subresource-integrity and lockfile `integrity` values. */
const SRI = /^sha(?:1|256|384|512)-[A-Za-z0-9+/]{20,}={0,2}$/;
/** Values that are hashes, ids or integrity strings rather than credentials. */
function isDigestLike(value) {
    return HEX_DIGEST.test(value) || UUID.test(value) || SRI.test(value);
}
const SUPPRESSION = /codex-hooks:allow|gitleaks:allow|pragma: allowlist secret|secretlint-disable-line/;
function isSuppressedLine(text) {
    return SUPPRESSION.test(text);
}

;// CONCATENATED MODULE: ./src/core/secrets/rules/commands-and-configs.ts


/**
 * Credentials written into a command line or a configuration file's own syntax: `curl -u`, an
 * `Authorization` header, `.netrc`, JDBC/ODBC strings, `psexec -p`, `Connect-VIServer -Password`,
 * Gradle `credentials { }`, `mysql -p`, Kubernetes `Secret` manifests, shadow / htpasswd hashes.
 */
/** A literal password: not a variable, a template or a common word; some entropy. */
function isLiteralPassword(value) {
    return (value.length >= 6 &&
        !/^[$%<{]/.test(value) &&
        !/^(?:password|passwd|secret|changeme|pass(?:word)?\d*|admin|root|test|user|xxx+)$/i.test(value) &&
        shannonEntropy(value) >= 2.5 &&
        !isPlaceholder(value));
}
/** A Kubernetes `data:` value is base64: it must decode to printable text of \u2265 6 characters. */
function isBase64Credential(value) {
    const text = Buffer.from(value, 'base64').toString('utf8');
    return text.length >= 6 && /^[\x20-\x7e]+$/.test(text) && isLiteralPassword(text);
}
const AUTH_VALUE = '[A-Za-z0-9._~+/=-]{16,500}';
const CONFIG_CREDENTIAL_RULES = [
    {
        id: 'curl-basic-auth',
        provider: 'Command lines',
        description: 'Password in curl -u / --user',
        keywords: ['curl'],
        pattern: /curl\b[^\n]{0,200}?\s(?:-u|--user)\s{1,3}["']?[^\s:"'$]{1,64}:([^\s"'$]{6,128})["']?(?=\s|$)/,
        secretGroup: 1,
        validate: (s) => isLiteralPassword(s),
        specificity: 2,
        window: { before: 0, after: 420 },
        examples: {
            positive: [
                'curl -u deploy:Vq8r2LmZ7pWx4N https://api.acme.dev/v1/releases',
                'curl -s --user "ci:h7Kp2Lx9Qm4V" $URL',
            ],
            negative: ['curl -u "$USER:$PASSWORD" https://api.acme.dev', 'curl -u admin:password https://localhost'],
        },
    },
    {
        id: 'http-auth-header',
        provider: 'HTTP headers',
        description: 'Credential in an Authorization, X-Api-Key or token header',
        keywords: ['authorization:', 'x-api-key:', 'x-auth-token:', 'api-key:', 'x-access-token:', 'private-token:'],
        pattern: new RegExp(`(?:authorization:\\s{0,3}(?:bearer|basic|token|apikey|ssws|key)?|x-api-key:|x-auth-token:|api-key:|x-access-token:|private-token:)\\s{0,3}(${AUTH_VALUE})(?![A-Za-z0-9._~+/=-])`, 'i'),
        secretGroup: 1,
        entropy: 3.3,
        validate: (s, m) => /[0-9]/.test(s) &&
            /[A-Za-z]/.test(s) &&
            !/^(?:bearer|basic|token)$/i.test(s) &&
            /["'\s-]/.test(m.slice(-s.length - 1, -s.length) || ' '),
        specificity: 1,
        window: { before: 0, after: 560 },
        examples: {
            positive: [
                'curl -H "Authorization: Bearer q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Ki" https://api.acme.dev',
                "curl -H 'X-Api-Key: 9fT2kLq8ZrV4mX7pW3nB6yC1' https://api.acme.dev",
                'Authorization: SSWS 00Q7rK2mZp9LwVb7Rc1Qn5Hd8Gf3Js6Ye0Ua4TnXw',
            ],
            negative: [
                '-H "Authorization: Bearer $TOKEN"',
                'Authorization: Bearer <token>',
                'headers["Authorization:"] = value',
            ],
        },
    },
    {
        id: 'netrc-password',
        provider: 'Config files',
        description: 'Password in a .netrc entry',
        keywords: ['machine '],
        pattern: /machine\s{1,5}[A-Za-z0-9._-]{1,253}\s{1,5}(?:login\s{1,5}[^\s]{1,128}\s{1,5})?password\s{1,5}([^\s]{6,128})/,
        secretGroup: 1,
        validate: (s) => isLiteralPassword(s),
        specificity: 2,
        window: { before: 0, after: 600 },
        examples: {
            positive: [
                'machine api.heroku.com\n  login ci@acme.dev\n  password Zq8vT3mW9kLp',
                'machine github.com login octo password h7Kp2Lx9Qm4V',
            ],
            negative: ['machine github.com login octo password $GITHUB_TOKEN'],
        },
    },
    {
        id: 'jdbc-password',
        provider: 'Connection strings',
        description: 'Password in a JDBC URL query',
        keywords: ['jdbc:'],
        pattern: /jdbc:[a-z0-9:]{2,30}\/\/[^\s"'?]{1,200}\?[^\s"']{0,200}?(?<=[?&])password=([^\s&"';]{6,128})/,
        secretGroup: 1,
        validate: (s) => isLiteralPassword(s),
        specificity: 2,
        window: { before: 0, after: 420 },
        examples: {
            positive: ['jdbc:mysql://db.acme.internal:3306/app?user=app&password=Tq7vR2mX9kLp&useSSL=true'],
            negative: ['jdbc:postgresql://db/app?user=app&password=${DB_PASSWORD}'],
        },
    },
    {
        id: 'odbc-braced-password',
        provider: 'Connection strings',
        description: 'Password in an ODBC connection string written as a {braced} value',
        keywords: ['pwd={', 'password={'],
        pattern: /(?:PWD|[Pp]assword)=\{([^}\n]{6,128})\}/,
        secretGroup: 1,
        validate: (s) => isLiteralPassword(s),
        specificity: 2,
        window: { before: 0, after: 200 },
        examples: {
            positive: ['Driver={ODBC Driver 18 for SQL Server};Server=db;UID=sa;PWD={Vq8r;2LmZ7pWx};'],
            negative: ['PWD={password};', 'Password={0};'],
        },
    },
    {
        id: 'command-line-password',
        provider: 'Command lines',
        description: 'Password on a command line: psexec -p, Connect-VIServer -Password, mysql -p, sshpass -p',
        keywords: ['psexec', 'connect-viserver', 'mysql', 'sshpass', 'net use'],
        pattern: /(?:psexec(?:64)?(?:\.exe)?\b[^\n]{0,200}?\s-p|connect-viserver\b[^\n]{0,200}?\s-password|mysql(?:dump|admin)?\b[^\n]{0,120}?\s-p(?=\S)|sshpass\s{1,3}-p|net use\b[^\n]{0,120}?\/user:\S{1,64})\s{0,3}["']?([^\s"'$]{6,128})["']?(?=\s|$)/i,
        secretGroup: 1,
        validate: (s) => isLiteralPassword(s) && !s.startsWith('-'),
        specificity: 2,
        window: { before: 0, after: 360 },
        examples: {
            positive: [
                'psexec \\\\srv01 -u ACME\\admin -p Zq8vT3mW9kLp cmd.exe',
                "Connect-VIServer -Server vc01.acme.local -User administrator@vsphere.local -Password 'h7Kp2Lx9Qm4V!'",
                'mysql -h db -u root -pTq7vR2mX9kLp app < dump.sql',
                'sshpass -p Vq8r2LmZ7pWx ssh deploy@10.0.0.4',
            ],
            negative: ['mysql -u root -p app', 'psexec \\\\srv01 -u admin -p $env:PASSWORD cmd.exe'],
        },
    },
    {
        id: 'gradle-credentials',
        provider: 'Config files',
        description: 'Password in a Gradle / Maven repository credentials block',
        keywords: ['credentials'],
        pattern: /credentials\s{0,3}(?:\(\w{0,40}\))?\s{0,3}\{[^}]{0,240}?password\s{0,3}(?:=\s{0,3})?["']([^"'\s$]{6,128})["']/,
        secretGroup: 1,
        validate: (s) => isLiteralPassword(s),
        specificity: 2,
        window: { before: 0, after: 420 },
        examples: {
            positive: ['credentials {\n  username "deploy"\n  password "Zq8vT3mW9kLp"\n}'],
            negative: ['credentials {\n  username = findProperty("user")\n  password = "$repoPassword"\n}'],
        },
    },
    {
        id: 'kubernetes-secret-data',
        provider: 'Kubernetes',
        description: 'Base64 credential in a Kubernetes Secret manifest',
        keywords: ['kind: secret'],
        pattern: /kind:\s{0,3}["']?Secret["']?\s*\n[\s\S]{0,600}?\n(?:data|stringData):[ \t]*\n[ \t]{1,8}[\w.-]{1,64}:[ \t]{1,3}["']?([A-Za-z0-9+/]{8,1000}={0,2})["']?[ \t]*(?:\n|$)/,
        secretGroup: 1,
        validate: (s) => isBase64Credential(s),
        placeholderFilter: false,
        specificity: 2,
        window: { before: 0, after: 1800 },
        examples: {
            positive: [
                `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: ${Buffer.from('Zq8vT3mW9kLp!').toString('base64')}\n`,
            ],
            negative: ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: cGFzc3dvcmQ=\n'],
        },
    },
    {
        id: 'password-hash',
        provider: 'Password hashes',
        description: 'Password hash in shadow or htpasswd form (user:$6$\u2026, user:$apr1$\u2026, user:{SHA}\u2026)',
        keywords: ['$apr1$', '$6$', '$5$', '$1$', '$2y$', '$2b$', '$2a$', '$y$', ':{sha}'],
        pattern: /(?<![^\s"'`>])[a-z_][A-Za-z0-9_.-]{0,31}:((?:\$(?:apr1|1|5|6)\$[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{22,86}|\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}|\$y\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{8,32}\$[./A-Za-z0-9]{43}|\{SHA\}[A-Za-z0-9+/]{27}=))(?=[:\s"'`]|$)/,
        secretGroup: 1,
        placeholderFilter: false,
        specificity: 2,
        window: { before: 40, after: 200 },
        examples: {
            positive: [
                'deploy:$6$Qk3v9TzR$W2mX7pL8rV4nB6yC1hJ5sD0fG3aK9eU7iO2tZ8Ywr3Lk9Pq2Vx7Nc4Md8Fb1Gh5Jk0LzQ7rK2mZp9LwVb7Rc1:19700:0:99999:7:::',
                'admin:$apr1$Zk3Q9vT7$mX2pL8rW4nB6yC1hJ5sD0/',
            ],
            negative: ['root:*:19700:0:99999:7:::', 'const prefix = "$6$";'],
        },
    },
];

;// CONCATENATED MODULE: ./src/core/secrets/rules/generic.ts


/** Private keys, JWTs, credentials in URLs, and generic assignments gated by entropy. */
const PEM_BODY_LINE = /^(?:Proc-Type|DEK-Info|Version|Comment|Hash):/;
/**
 * The block must carry a real base64 body (\u2265 64 characters), not `...` or a stub. The BEGIN and END lines
 * (whatever their dashes) and header lines are not body; a block may use `\n` escapes (a JSON string).
 */
function hasPemBody(block) {
    const inner = block.replace(/\\n/g, '\n').split(/\r?\n/);
    const body = inner
        .filter((l) => !/-{2}(?:BEGIN|END) /.test(l) && !PEM_BODY_LINE.test(l.trim()) && !l.trim().startsWith('='))
        .join('')
        .replace(/[\s"',+]/g, (c) => (c === '+' ? c : ''));
    return body.length >= 64 && /^[A-Za-z0-9+/=]+$/.test(body) && !/\.\.\./.test(block) && new Set(body).size > 16;
}
function decodeBase64Url(part) {
    return Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}
/** A JWT's header must decode to a JSON object with `alg`, and its payload to JSON. */
function isJwt(token) {
    const [header, payload] = token.split('.');
    try {
        const h = JSON.parse(decodeBase64Url(header));
        JSON.parse(decodeBase64Url(payload));
        return typeof h === 'object' && h !== null && 'alg' in h && h.alg !== 'none';
    }
    catch {
        return false;
    }
}
const COMMON_PASSWORDS = new Set([
    'password',
    'passwd',
    'pass',
    'pwd',
    'secret',
    'admin',
    'root',
    'test',
    'user',
    'username',
    'changeme',
    'foobar',
    'qwerty',
    'letmein',
    'mypassword',
    'yourpassword',
    'p@ssw0rd',
    'password1',
    'password123',
    'guest',
    'default',
    'postgres',
    'mysql',
    'redis',
    'none',
    'null',
    'true',
    'false',
    'undefined',
    'required',
    'string',
    'hidden',
    'secret123',
]);
/** Values that are code, not literals: `this.password`, `getToken()`, `args[0]`, `os.getenv`. */
const CODE_LIKE = /[()[\]]|^[a-z_$][\w$]*\.[a-z_$][\w$.]*$|^(?:true|false|null|none|nil|undefined)$/i;
/**
 * An unquoted value is only a password when it does not read as a path, a reference, a key or an
 * identifier: it has a letter and a digit, some entropy, and does not start like a path or a variable.
 */
function isUnquotedPassword(value) {
    return (/[A-Za-z]/.test(value) &&
        /[0-9]/.test(value) &&
        !/^[/~.$%!&|]/.test(value) &&
        !/[:(){}[\]]$/.test(value) &&
        !/^[a-z_$][\w$]*(?:\.[\w$]+)+$/i.test(value) &&
        shannonEntropy(value) >= 3);
}
/** `/Users/me`, `~/.ssh`, `C:\\data`: a path (`PWD=` is the working directory), not a password. */
const FILE_PATH = /^(?:~?\/|\.{1,2}\/|[A-Za-z]:[\\/])[\w./\\-]*$/;
function isPlausiblePassword(value) {
    return (value.length >= 6 && !COMMON_PASSWORDS.has(value.toLowerCase()) && !CODE_LIKE.test(value) && !FILE_PATH.test(value));
}
/** Names that hold hashes or ids, not credentials: `token_hash`, `secret_sha256`, `api_key_id`. */
const NOT_A_SECRET_NAME = /(?:hash|sha\d*|digest|checksum|integrity|_id|Id|_ids|name|type|url|uri|path|file|length|len|count|header|prefix|expires?|ttl|format)["']?\s{0,3}(?:=>|:=|=|:)/;
/** A piece of an identifier: a word (with a vowel when longer than 4), a short number, or a version. */
function isWordPiece(piece) {
    if (/^\d{1,4}$/.test(piece) || /^v\d{1,3}$/i.test(piece))
        return true;
    if (!/^[A-Za-z]{2,}$/.test(piece))
        return false;
    return piece.length <= 4 || /[aeiouy]/i.test(piece);
}
/**
 * The value reads as a path, a URL path, a CSS selector, an ARN, a hostname, a Maven coordinate, an
 * enum or config identifier (`application_password_admin`, `PasswordField_v2`), or a malformed UUID:
 * words and short numbers joined by `/ . _ - :` or camelCase. Such a value is not a credential.
 */
function readsAsIdentifier(value) {
    if (/^(?:[/#.~]|arn:|https?:)/i.test(value))
        return true;
    if (/^(?:[a-z0-9-]{1,63}\.)+[a-z]{2,24}$/i.test(value))
        return true;
    if (/^[0-9a-f]{4,12}(?:-[0-9a-f]{2,12}){3,5}$/i.test(value))
        return true;
    const pieces = value
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .split(/[\s/._:@-]+/)
        .filter((p) => p.length > 0);
    return pieces.length >= 2 && pieces.every(isWordPiece);
}
const GENERIC_RULES = [
    {
        id: 'private-key',
        provider: 'PEM / OpenSSH / PGP',
        description: 'Private key block (RSA, EC, DSA, OpenSSH, PGP, PKCS#8, encrypted)',
        keywords: ['private key'],
        pattern: 
        // The block ends at its END line, or, for a key inside a JSON string (a GCP service-account file),
        // at the string's closing quote, so that a mangled or cut END line still leaves a key to report.
        // The body never runs over another BEGIN line: each header is tried once up to the next, so a file of
        // repeated headers costs one pass, not 16,000 characters per header.
        /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED |SSH2 ENCRYPTED )?PRIVATE KEY(?: BLOCK)?)-----(?:[^-]|-(?!----BEGIN )){64,16000}?(?:-----END \1-----|(?<=\\n|\n)-{2,5}END \1-{0,5}|")/,
        placeholderFilter: false,
        validate: hasPemBody,
        window: { before: 40, after: 16100 },
        specificity: 3,
        examples: {
            positive: [
                '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----',
                '"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\\n-----END PRIVATE KEY-----\\n"',
                '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDq7Uq3Vx9kR2mT8pL4nB6yC1hJ5sD0fG3aK9eU7iO2tQAAAJgZ8Ywr\n-----END OPENSSH PRIVATE KEY-----',
                '{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDq7Uq3Vx9kR2mT8pL4\\nnB6yC1hJ5sD0fG3aK9eU7iO2tZ8Ywr3Lk9Pq2Vx7Nc4Md8Fb1Gh5Jk0Lz\\n-----END PRIVATE KEY----\\n",\n  "client_email": "ci@acme-prod.iam.gserviceaccount.com"\n}',
            ],
            negative: [
                '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
                '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----',
                "const header = '-----BEGIN PRIVATE KEY-----';",
                'const marker = "-----BEGIN PRIVATE KEY-----"; // the PEM header that parseKey() looks for before it decodes the rest of the file "',
            ],
        },
    },
    {
        id: 'putty-private-key',
        provider: 'PuTTY',
        description: 'PuTTY private key file',
        keywords: ['putty-user-key-file-'],
        pattern: /PuTTY-User-Key-File-[23]: [a-z0-9-]{7,32}\r?\nEncryption: [a-z0-9-]{4,20}\r?\nComment: [^\n]{0,200}\r?\nPublic-Lines: \d{1,3}\r?\n[\s\S]{20,8000}?Private-Lines: \d{1,3}\r?\n[A-Za-z0-9+/=\r\n]{40,4000}/,
        placeholderFilter: false,
        window: { before: 10, after: 12000 },
        examples: {
            positive: [
                'PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nAAAAB3NzaC1yc2EAAAABJQAAAQEAhV9sR2mT8pL4nB6yC1hJ5sD0fG3aK9eU7iO2tQ\nZ8Ywr3Lk9Pq2Vx7Nc4Md8Fb1Gh5Jk0Lz\nPrivate-Lines: 1\nAAABAQCq7Uq3Vx9kR2mT8pL4nB6yC1hJ5sD0fG3aK9eU7iO2tZ8Ywr3Lk9Pq2Vx7Nc',
            ],
            negative: ['PuTTY-User-Key-File-2: ssh-rsa'],
        },
    },
    {
        id: 'jwt',
        provider: 'JSON Web Token',
        description: 'JSON Web Token (signed)',
        keywords: ['eyj'],
        pattern: /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,1000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{16,1000})(?![A-Za-z0-9_-])/,
        secretGroup: 1,
        validate: isJwt,
        window: { before: 10, after: 6100 },
        specificity: 2,
        examples: {
            positive: [
                'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjaS1ib3QiLCJpYXQiOjE3MTk0MDAwMDB9.q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8Nf0Jh2wXc',
            ],
            negative: [
                'eyJub3QiOiJqd3QifQ.eyJzdWIiOiJ4In0.q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8',
                'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8',
            ],
        },
    },
    {
        id: 'url-credentials',
        provider: 'URL credentials',
        description: 'Password in a URL or connection string (scheme://user:password@host)',
        keywords: ['://'],
        // The scheme is a lookbehind so that the regex starts with the literal `://`, which the engine finds
        // by a fast scan instead of trying every letter of the window as a scheme's start.
        pattern: /:\/\/(?<=[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/)[^\s:@/"'`<>]{0,64}:([^\s:@/"'`<>]{3,128})@[A-Za-z0-9[\]._-]{1,253}/,
        secretGroup: 1,
        validate: (s, m) => isPlausiblePassword(decodeURIComponentSafe(s)) &&
            !/^\*+$/.test(s) &&
            // `YOUR_DB_PASSWORD`-like names are placeholders; a password equal to the user name is a demo default.
            !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(s) &&
            m.slice(3, m.indexOf(':', 3)) !== s,
        window: { before: 30, after: 420 },
        specificity: 1,
        examples: {
            positive: [
                'DATABASE_URL=postgres://app:Vq8r2LmZ7pWx4Nb@db.internal:5432/app',
                'redis://:h7Kp2Lx9Qm4Vb8Nz@cache:6379/0',
            ],
            negative: [
                'postgres://user:password@localhost/db',
                'https://user:${DB_PASSWORD}@host',
                'git@github.com:org/repo.git',
                'https://example.com/a@b',
                'const DOC_URL = "https://deploy:YOUR_DEPLOY_PASSWORD@api.service.com";',
                'MONGO_URL=mongodb://mongoadmin:mongoadmin@localhost:27017/app',
                'const TEMPLATE = "https://{USER}:{PASSWORD}@registry.acme.dev";',
            ],
        },
    },
    {
        id: 'connection-string-password',
        provider: 'Connection strings',
        description: 'Password in an ADO.NET / JDBC / ODBC connection string',
        keywords: ['password=', 'pwd='],
        // `;` before or after the pair is what makes it a connection string (not a `.env` line).
        pattern: /(;\s{0,3})?(?:[Pp]assword|PASSWORD|[Pp]wd|PWD)=([^;"'\s]{6,128})(?:;|(?=["'\s]|$))/,
        secretGroup: 2,
        validate: (s, m) => isPlausiblePassword(s) && (m.startsWith(';') || m.endsWith(';')) && !/^\{/.test(s),
        window: { before: 200, after: 200 },
        specificity: 1,
        entropy: 2.5,
        examples: {
            positive: ['Server=db;Database=app;User Id=sa;Password=Tq7vR2mX9kLp;'],
            negative: ['Server=db;User Id=sa;Password=password;', 'Password={0};'],
        },
    },
    {
        id: 'generic-password',
        provider: 'generic',
        description: 'Password assigned to a literal',
        keywords: ['password', 'passwd', 'passphrase', 'pwd'],
        // A quoted value (code, JSON, YAML), or an unquoted one that runs to the end of the line or a space
        // (.env, YAML, properties), which must look more like a password (see isUnquotedPassword).
        pattern: /(?:password|passwd|passphrase|pwd)[A-Za-z0-9_.-]{0,20}["']?\s{0,3}(?:=>|:=|=|:)\s{0,3}["'`]?((?<=["'`])[^"'`\s\\]{6,128}(?=["'`])|(?<![^\s=:>])[^"'`\s\\;,&]{6,128}(?![^\s"'`]))/i,
        secretGroup: 1,
        entropy: 2.3,
        validate: (s, m) => isPlausiblePassword(s) &&
            !NOT_A_SECRET_NAME.test(m) &&
            !/^[A-Z_]+$/.test(s) &&
            !readsAsIdentifier(s) &&
            (/["'`]/.test(m.charAt(m.length - s.length - 1)) || isUnquotedPassword(s)),
        window: { before: 10, after: 200 },
        specificity: 1,
        examples: {
            positive: [
                'db_password = "Zq8vT3mW9kLp"',
                "  password: 'h7Kp2Lx9Qm4V'",
                '  password: Tq7vR2mX9kLp$',
                '{"username": "deploy", "password": "Vq8r2LmZ7pWx"}',
                'spring.datasource.password=h7Kp2Lx9Qm4V',
            ],
            negative: [
                'password = "password"',
                'password = ""',
                'password = get_password()',
                'password: "${DB_PASSWORD}"',
                'password_hash = "5f4dcc3b5aa765d61d8327deb882cf99"',
                'PWD=/home/runner/work/app2',
                "env: { PWD: '/Users/maciej' }",
                'password: !vault |',
                'const password = userPassword;',
                'password = config.db.password',
                'PASSWORD=changeme123',
                'password:\n  min_length: 12',
            ],
        },
    },
    {
        id: 'generic-api-key',
        provider: 'generic',
        description: 'Secret, token or API key assigned to a high-entropy literal',
        keywords: [
            'secret',
            'token',
            'api_key',
            'apikey',
            'api-key',
            'access_key',
            'accesskey',
            'auth_key',
            'private_key',
            'credential',
        ],
        pattern: /(?:secret|token|api_key|apikey|api-key|access_key|accesskey|auth_key|private_key|credential)[A-Za-z0-9_.-]{0,20}["']?\s{0,3}(?:=>|:=|=|:)\s{0,3}(["'`]?)([A-Za-z0-9_+/=~.-]{16,160})\1(?![A-Za-z0-9_+/=~.-])/i,
        secretGroup: 2,
        entropy: 3.6,
        validate: (s, m) => /[0-9]/.test(s) &&
            /[A-Za-z]/.test(s) &&
            !isDigestLike(s) &&
            !readsAsIdentifier(s) &&
            // A checksummed format whose checksum failed (its own rule dropped it) is not a token.
            !/^(?:gh[pousr]|npm)_[A-Za-z0-9]{36}$/.test(s) &&
            !NOT_A_SECRET_NAME.test(m) &&
            !/^[a-z_$][\w$]*(?:\.[\w$]+)+$/i.test(s) &&
            !/^[\w-]+\.(?:js|ts|json|ya?ml|txt|md)$/.test(s),
        window: { before: 10, after: 240 },
        specificity: 1,
        examples: {
            positive: [
                'const apiKey = "q7Rk2Lm9Vw3ZpT6yBn4HcD7s";',
                'SERVICE_TOKEN=Zk3Q9vT7mX2pL8rW4nB6yC1h',
                'client_secret: 9fT2kLq8ZrV4mX7pW3nB6yC1',
            ],
            negative: [
                'token = "d41d8cd98f00b204e9800998ecf8427e"',
                'integrity: sha512-q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8Nf0Jh2wXcQ7Rk2Lm9Vw3ZpT6yBn4Hc==',
                'secret_id = "3f9a1c7e-5b2d-4a4f-8c0e-9b1d7a3f5c8e"',
                'token = process.env.SERVICE_TOKEN_2024',
                'const tokenType = "authorizationCodeGrant";',
            ],
        },
    },
];
function decodeURIComponentSafe(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}

;// CONCATENATED MODULE: ./src/core/secrets/rules/infra.ts

/** Infrastructure, secrets managers, identity, observability and data platforms. */
const INFRA_RULES = [
    prefixed({
        id: 'vault-token',
        provider: 'HashiCorp Vault',
        description: 'Vault service, batch or recovery token',
        prefixes: ['hvs.', 'hvb.', 'hvr.'],
        token: 'hv[sbr]\\.[A-Za-z0-9_-]{24,200}',
        entropy: 3.8,
        example: (g) => 'hvs.' + g.b64url(91),
    }),
    named({
        id: 'vault-legacy-token',
        provider: 'HashiCorp Vault',
        description: 'Vault legacy token (s.\u2026) next to a Vault name',
        names: ['vault_token', 'vault-token', 'x-vault-token'],
        value: '[sb]\\.[A-Za-z0-9]{24}',
        example: (g) => 's.' + g.alnum(24),
    }),
    prefixed({
        id: 'terraform-cloud-token',
        provider: 'HashiCorp Terraform Cloud',
        description: 'Terraform Cloud / Enterprise API token',
        prefixes: ['.atlasv1.'],
        token: '[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}',
        example: (g) => g.alnum(14) + '.atlasv1.' + g.b64url(67),
    }),
    prefixed({
        id: 'databricks-token',
        provider: 'Databricks',
        description: 'Databricks personal access token',
        prefixes: ['dapi', 'dose'],
        token: '(?:dapi|dose)[a-f0-9]{32}(?:-[0-9])?',
        example: (g) => 'dapi' + g.hex(32),
    }),
    prefixed({
        id: 'doppler-token',
        provider: 'Doppler',
        description: 'Doppler personal, service, CLI, SCIM or audit token',
        prefixes: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
        token: 'dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9._-]{40,80}',
        example: (g) => 'dp.st.prd.' + g.alnum(43),
    }),
    prefixed({
        id: 'pulumi-token',
        provider: 'Pulumi',
        description: 'Pulumi access token',
        prefixes: ['pul-'],
        token: 'pul-[a-f0-9]{40}',
        example: (g) => 'pul-' + g.hex(40),
    }),
    named({
        id: 'datadog-api-key',
        provider: 'Datadog',
        description: 'Datadog API or application key',
        names: ['datadog', 'dd_api_key', 'dd_app_key', 'dd_application_key', 'dd-api-key'],
        value: '(?:[a-f0-9]{40}|[a-f0-9]{32})',
        example: (g) => g.hex(32),
    }),
    prefixed({
        id: 'newrelic-key',
        provider: 'New Relic',
        description: 'New Relic user, insights or browser key',
        prefixes: ['nrak-', 'nrii-', 'nrjs-'],
        token: '(?:NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_-]{32}|NRJS-[a-f0-9]{19})',
        example: (g) => 'NRAK-' + g.upper(27),
    }),
    prefixed({
        id: 'newrelic-license-key',
        provider: 'New Relic',
        description: 'New Relic ingest license key',
        prefixes: ['nral'],
        token: '[a-f0-9]{36}NRAL',
        example: (g) => g.hex(36) + 'NRAL',
    }),
    prefixed({
        id: 'sentry-token',
        provider: 'Sentry',
        description: 'Sentry organization or user auth token',
        prefixes: ['sntrys_', 'sntryu_'],
        token: '(?:sntrys_eyJ[A-Za-z0-9+/=_-]{60,400}|sntryu_[a-f0-9]{64})',
        example: (g) => ['sntryu_' + g.hex(64), 'sntrys_eyJpYXQiOjE3M' + g.b64url(120)],
        window: { before: 20, after: 440 },
    }),
    prefixed({
        id: 'sentry-dsn',
        provider: 'Sentry',
        description: 'Sentry DSN with a secret key',
        severity: 'warning',
        prefixes: ['ingest.sentry.io', 'ingest.us.sentry.io', 'ingest.de.sentry.io'],
        token: 'https://[a-f0-9]{32}(?::[a-f0-9]{32})?@o[0-9]{1,10}\\.ingest\\.(?:us\\.|de\\.)?sentry\\.io/[0-9]{1,10}',
        example: (g) => 'https://' + g.hex(32) + '@o' + g.digits(6) + '.ingest.sentry.io/' + g.digits(7),
    }),
    prefixed({
        id: 'grafana-token',
        provider: 'Grafana',
        description: 'Grafana Cloud or service account token',
        prefixes: ['glc_', 'glsa_'],
        token: '(?:glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})',
        example: (g) => ['glsa_' + g.alnum(32) + '_' + g.hex(8), 'glc_eyJvIjoi' + g.b64(80) + '=='],
        window: { before: 20, after: 440 },
    }),
    named({
        id: 'okta-api-token',
        provider: 'Okta',
        description: 'Okta API token',
        names: ['okta'],
        value: '00[A-Za-z0-9_-]{40}',
        entropy: 4,
        example: (g) => '00' + g.b64url(40),
    }),
    named({
        id: 'auth0-client-secret',
        provider: 'Auth0',
        description: 'Auth0 client secret',
        names: ['auth0'],
        value: '[A-Za-z0-9_-]{64}',
        entropy: 4.3,
        example: (g) => g.b64url(64),
    }),
    prefixed({
        id: 'planetscale-token',
        provider: 'PlanetScale',
        description: 'PlanetScale service token, password or OAuth token',
        prefixes: ['pscale_tkn_', 'pscale_pw_', 'pscale_oauth_'],
        token: 'pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.-]{32,64}',
        example: (g) => 'pscale_pw_' + g.b64url(43),
    }),
    prefixed({
        id: 'supabase-token',
        provider: 'Supabase',
        description: 'Supabase personal access token or secret key',
        prefixes: ['sbp_', 'sb_secret_'],
        token: '(?:sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{31,40})',
        example: (g) => 'sbp_' + g.hex(40),
    }),
    prefixed({
        id: 'neon-api-key',
        provider: 'Neon',
        description: 'Neon API key',
        prefixes: ['napi_'],
        token: 'napi_[a-z0-9]{64}',
        example: (g) => 'napi_' + g.lower(64),
    }),
    prefixed({
        id: 'tailscale-key',
        provider: 'Tailscale',
        description: 'Tailscale auth, API or OAuth client key',
        prefixes: ['tskey-'],
        // Published types: api, auth, client, scim, webhook (tailscale.com/kb/1277/key-prefixes); any
        // lower-case type is accepted so that a new key type is not missed.
        token: 'tskey-[a-z]{3,12}-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{16,40}',
        example: (g) => [
            'tskey-auth-k' + g.alnum(10) + '-' + g.alnum(32),
            'tskey-federated-k' + g.alnum(10) + '-' + g.alnum(24),
        ],
    }),
    prefixed({
        id: 'dynatrace-token',
        provider: 'Dynatrace',
        description: 'Dynatrace API token',
        prefixes: ['dt0c01.'],
        token: 'dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}',
        example: (g) => 'dt0c01.' + g.upper(24) + '.' + g.upper(64),
    }),
    prefixed({
        id: 'onepassword-service-account-token',
        provider: '1Password',
        description: '1Password service account token',
        prefixes: ['ops_eyj'],
        token: 'ops_eyJ[A-Za-z0-9+/=_-]{100,1500}',
        example: (g) => 'ops_eyJzaWduSW5BZGRyZXNzIjoi' + g.b64url(300),
        window: { before: 20, after: 1600 },
    }),
    prefixed({
        id: 'onepassword-secret-key',
        provider: '1Password',
        description: '1Password account secret key',
        prefixes: ['a3-'],
        token: 'A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}',
        example: (g) => `A3-${g.upper(6)}-${g.upper(6)}-${g.upper(5)}-${g.upper(5)}-${g.upper(5)}-${g.upper(5)}`,
    }),
    prefixed({
        id: 'age-secret-key',
        provider: 'age',
        description: 'age encryption secret key',
        prefixes: ['age-secret-key-1'],
        token: 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}',
        example: (g) => 'AGE-SECRET-KEY-1' + g.pick('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58),
    }),
    prefixed({
        id: 'honeycomb-key',
        provider: 'Honeycomb',
        description: 'Honeycomb ingest or configuration key',
        prefixes: ['hcaik_', 'hcxik_', 'hcamk_', 'hcxmk_', 'hcaic_', 'hcxlk_'],
        token: 'hc[ax][a-z]{2}_[a-z0-9]{58}',
        example: (g) => 'hcaik_' + g.lower(58),
    }),
    named({
        id: 'rollbar-token',
        provider: 'Rollbar',
        description: 'Rollbar access token',
        names: ['rollbar'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'bugsnag-api-key',
        provider: 'Bugsnag',
        description: 'Bugsnag API key',
        names: ['bugsnag'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'pagerduty-token',
        provider: 'PagerDuty',
        description: 'PagerDuty API token',
        names: ['pagerduty'],
        value: '(?:u\\+)?[A-Za-z0-9_+-]{20}',
        entropy: 3.8,
        example: (g) => 'u+' + g.b64url(18),
    }),
    named({
        id: 'opsgenie-api-key',
        provider: 'Opsgenie',
        description: 'Opsgenie API key',
        names: ['opsgenie'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    named({
        id: 'splunk-hec-token',
        provider: 'Splunk',
        description: 'Splunk HTTP Event Collector token',
        names: ['splunk'],
        value: '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}',
        example: (g) => g.uuid(),
    }),
    named({
        id: 'sumologic-access-key',
        provider: 'Sumo Logic',
        description: 'Sumo Logic access key',
        names: ['sumologic', 'sumo_access'],
        value: '[A-Za-z0-9]{64}',
        entropy: 4.3,
        example: (g) => g.alnum(64),
    }),
    prefixed({
        id: 'launchdarkly-key',
        provider: 'LaunchDarkly',
        description: 'LaunchDarkly API or SDK key',
        prefixes: ['api-', 'sdk-'],
        token: '(?:api|sdk)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => 'sdk-' + g.uuid(),
    }),
    named({
        id: 'algolia-admin-key',
        provider: 'Algolia',
        description: 'Algolia admin API key',
        names: ['algolia'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    prefixed({
        id: 'mapbox-secret-token',
        provider: 'Mapbox',
        description: 'Mapbox secret access token',
        prefixes: ['sk.eyj'],
        token: 'sk\\.eyJ[A-Za-z0-9_-]{50,200}\\.[A-Za-z0-9_-]{22}',
        example: (g) => 'sk.eyJ1Ijoi' + g.b64url(60) + '.' + g.b64url(22),
    }),
    prefixed({
        id: 'contentful-token',
        provider: 'Contentful',
        description: 'Contentful personal access token',
        prefixes: ['cfpat-'],
        token: 'CFPAT-[A-Za-z0-9_-]{43}',
        example: (g) => 'CFPAT-' + g.b64url(43),
    }),
    named({
        id: 'sanity-token',
        provider: 'Sanity',
        description: 'Sanity API token',
        names: ['sanity'],
        value: 'sk[A-Za-z0-9]{79,180}',
        entropy: 4.3,
        example: (g) => 'sk' + g.alnum(120),
    }),
    prefixed({
        id: 'salesforce-access-token',
        provider: 'Salesforce',
        description: 'Salesforce session or access token',
        prefixes: ['00d'],
        token: '00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{96}',
        example: (g) => '00D' + g.alnum(12) + '!' + g.alnum(96),
    }),
    prefixed({
        id: 'facebook-access-token',
        provider: 'Meta',
        description: 'Facebook / Meta Graph API access token',
        prefixes: ['eaa'],
        token: 'EAA[A-Za-z0-9]{90,300}',
        entropy: 4.3,
        example: (g) => 'EAAG' + g.alnum(180),
        window: { before: 20, after: 340 },
    }),
    prefixed({
        id: 'instagram-token',
        provider: 'Instagram',
        description: 'Instagram Graph access token',
        prefixes: ['igqv'],
        token: 'IGQV[A-Za-z0-9_-]{100,300}',
        example: (g) => 'IGQVJ' + g.b64url(160),
        window: { before: 20, after: 340 },
    }),
    prefixed({
        id: 'twitter-bearer-token',
        provider: 'X (Twitter)',
        description: 'X / Twitter app bearer token',
        prefixes: ['aaaaaaaaaaaaaaaaaaaaa'],
        token: 'A{22}[A-Za-z0-9%]{60,120}',
        placeholderFilter: false,
        entropy: 3.6,
        example: (g) => 'A'.repeat(22) + g.alnum(90),
        window: { before: 20, after: 160 },
    }),
    named({
        id: 'twitter-api-secret',
        provider: 'X (Twitter)',
        description: 'X / Twitter API secret',
        names: ['twitter', 'consumer_secret'],
        value: '[A-Za-z0-9]{45,50}',
        entropy: 4.3,
        example: (g) => g.alnum(50),
    }),
    prefixed({
        id: 'dropbox-token',
        provider: 'Dropbox',
        description: 'Dropbox short-lived access token',
        prefixes: ['sl.'],
        token: 'sl\\.[A-Za-z0-9_-]{130,160}',
        entropy: 4.3,
        example: (g) => 'sl.' + g.b64url(138),
    }),
    named({
        id: 'box-token',
        provider: 'Box',
        description: 'Box developer token or client secret',
        names: ['box_client_secret', 'box_developer_token', 'box_token'],
        value: '[A-Za-z0-9]{32}',
        entropy: 4,
        example: (g) => g.alnum(32),
    }),
    named({
        id: 'ngrok-authtoken',
        provider: 'ngrok',
        description: 'ngrok authtoken',
        names: ['ngrok'],
        value: '[0-9A-Za-z]{25,27}_[0-9A-Za-z]{20,22}',
        example: (g) => '2' + g.alnum(26) + '_' + g.alnum(21),
    }),
    named({
        id: 'confluent-api-secret',
        provider: 'Confluent',
        description: 'Confluent Cloud API secret',
        names: ['confluent', 'sasl_password', 'kafka_api_secret'],
        value: '[A-Za-z0-9+/]{64}',
        entropy: 4.5,
        example: (g) => g.b64(64),
    }),
    named({
        id: 'mongodb-atlas-key',
        provider: 'MongoDB Atlas',
        description: 'MongoDB Atlas API private key',
        names: ['atlas_private', 'mongodb_atlas', 'atlas_api'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    named({
        id: 'snowflake-password',
        provider: 'Snowflake',
        description: 'Snowflake password or key passphrase',
        names: ['snowflake_password', 'snowflake_private_key_passphrase', 'snowsql_pwd'],
        value: '[^\\s"\'`]{12,64}',
        entropy: 3.2,
        example: (g) => g.alnum(20),
    }),
    named({
        id: 'lokalise-token',
        provider: 'Lokalise',
        description: 'Lokalise API token',
        names: ['lokalise'],
        value: '[a-f0-9]{40}',
        example: (g) => g.hex(40),
    }),
    named({
        id: 'crowdin-token',
        provider: 'Crowdin',
        description: 'Crowdin personal access token',
        names: ['crowdin'],
        value: '[a-f0-9]{80}',
        example: (g) => g.hex(80),
    }),
    prefixed({
        id: 'defined-networking-key',
        provider: 'Defined Networking',
        description: 'Defined Networking (Nebula) API key',
        prefixes: ['dnkey-'],
        token: 'dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52}',
        example: (g) => 'dnkey-' + g.lower(26) + '-' + g.lower(52),
    }),
    prefixed({
        id: 'adafruit-io-key',
        provider: 'Adafruit IO',
        description: 'Adafruit IO key',
        prefixes: ['aio_'],
        token: 'aio_[A-Za-z0-9]{28}',
        example: (g) => 'aio_' + g.alnum(28),
    }),
    named({
        id: 'elastic-api-key',
        provider: 'Elastic',
        description: 'Elastic Cloud / Elasticsearch API key',
        names: ['elastic_api', 'elasticsearch_api', 'es_api_key'],
        value: '[A-Za-z0-9_=-]{40,120}',
        entropy: 4,
        example: (g) => g.b64url(60) + '==',
    }),
    named({
        id: 'fastly-api-token',
        provider: 'Fastly',
        description: 'Fastly API token',
        names: ['fastly'],
        value: '[A-Za-z0-9_-]{32}',
        entropy: 4,
        example: (g) => g.b64url(32),
    }),
    named({
        id: 'twitch-token',
        provider: 'Twitch',
        description: 'Twitch client secret or OAuth token',
        names: ['twitch'],
        value: '[a-z0-9]{30}',
        entropy: 3.8,
        example: (g) => g.lower(30),
    }),
    named({
        id: 'spotify-client-secret',
        provider: 'Spotify',
        description: 'Spotify client secret',
        names: ['spotify'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    prefixed({
        id: 'scalingo-token',
        provider: 'Scalingo',
        description: 'Scalingo API token',
        prefixes: ['tk-us-'],
        token: 'tk-us-[A-Za-z0-9_-]{48}',
        example: (g) => 'tk-us-' + g.b64url(48),
    }),
    named({
        id: 'segment-token',
        provider: 'Segment',
        description: 'Segment public API token or write key',
        names: ['segment'],
        value: '(?:sgp_[A-Za-z0-9]{64}|[A-Za-z0-9]{32})',
        entropy: 4,
        example: (g) => 'sgp_' + g.alnum(64),
    }),
    named({
        id: 'mixpanel-secret',
        provider: 'Mixpanel',
        description: 'Mixpanel API secret',
        names: ['mixpanel'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'amplitude-secret',
        provider: 'Amplitude',
        description: 'Amplitude secret key',
        names: ['amplitude'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'launchable-token',
        provider: 'Launchable',
        description: 'Launchable token',
        names: ['launchable_token'],
        value: 'v1:[A-Za-z0-9_/-]{3,60}:[A-Za-z0-9]{30,40}',
        example: (g) => 'v1:acme/app:' + g.alnum(32),
    }),
    named({
        id: 'cloudinary-api-secret',
        provider: 'Cloudinary',
        description: 'Cloudinary API secret',
        names: ['cloudinary'],
        value: '[A-Za-z0-9_-]{27}',
        entropy: 3.8,
        example: (g) => g.b64url(27),
    }),
    named({
        id: 'imgur-client-secret',
        provider: 'Imgur',
        description: 'Imgur client secret',
        names: ['imgur'],
        value: '[a-f0-9]{40}',
        example: (g) => g.hex(40),
    }),
    named({
        id: 'zoom-secret',
        provider: 'Zoom',
        description: 'Zoom API / SDK secret',
        names: ['zoom_api_secret', 'zoom_client_secret', 'zoom_sdk_secret'],
        value: '[A-Za-z0-9]{32}',
        entropy: 4,
        example: (g) => g.alnum(32),
    }),
    named({
        id: 'yandex-api-key',
        provider: 'Yandex Cloud',
        description: 'Yandex Cloud API key or IAM token',
        names: ['yandex', 'yc_token'],
        value: '(?:AQVN[A-Za-z0-9_-]{35,38}|t1\\.[A-Z0-9a-z_-]{80,200})',
        example: (g) => 'AQVN' + g.b64url(36),
    }),
    named({
        id: 'hashicorp-consul-token',
        provider: 'HashiCorp Consul',
        description: 'Consul ACL token',
        names: ['consul_http_token', 'consul_token'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    prefixed({
        id: 'newrelic-query-browser-key',
        provider: 'New Relic',
        description: 'New Relic insights query key (NRIQ-) or browser API key (NRBR-)',
        prefixes: ['nriq-', 'nrbr-'],
        token: '(?:NRIQ-[A-Za-z0-9_-]{32}|NRBR-[a-f0-9]{19})',
        example: (g) => 'NRIQ-' + g.b64url(32),
    }),
    keyed({
        id: 'newrelic-license-key-named',
        provider: 'New Relic',
        description: 'New Relic license or API key named by New Relic (40 characters)',
        keywords: ['newrelic', 'new_relic', 'new-relic', 'nr_license'],
        value: 'h40',
    }),
    prefixed({
        id: 'atlassian-data-center-pat',
        provider: 'Atlassian',
        description: 'Bitbucket Data Center HTTP access token (BBDC-)',
        prefixes: ['bbdc-'],
        token: 'BBDC-[A-Za-z0-9+/@_-]{44}',
        entropy: 4,
        example: (g) => 'BBDC-' + g.b64(44),
    }),
    keyed({
        id: 'jira-confluence-data-center-pat',
        provider: 'Atlassian',
        description: 'Jira / Confluence Data Center personal access token',
        keywords: ['jira', 'confluence', 'atlassian'],
        value: { re: '[MNO][A-Za-z0-9+/]{43}', example: (g) => 'N' + g.b64(43) },
    }),
    prefixed({
        id: 'voiceflow-api-key',
        provider: 'Voiceflow',
        description: 'Voiceflow Dialog Manager / workspace API key',
        prefixes: ['vf.dm.', 'vf.ws.'],
        token: 'VF\\.(?:DM|WS)\\.[a-f0-9]{24}\\.[A-Za-z0-9]{16}',
        example: (g) => 'VF.DM.' + g.hex(24) + '.' + g.alnum(16),
    }),
    prefixed({
        id: 'dependency-track-api-key',
        provider: 'OWASP Dependency-Track',
        description: 'Dependency-Track API key (odt_)',
        prefixes: ['odt_'],
        token: 'odt_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}|odt_[A-Za-z0-9]{32,64}',
        entropy: 3.8,
        example: (g) => 'odt_' + g.alnum(32),
    }),
    keyed({
        id: 'kubernetes-bootstrap-token',
        provider: 'Kubernetes',
        description: 'Kubernetes bootstrap token (kubeadm join --token)',
        keywords: ['kubeadm', 'bootstrap', '--token', 'token-id'],
        value: { re: '[a-z0-9]{6}\\.[a-z0-9]{16}', example: (g) => g.lower(6) + '.' + g.lower(16) },
    }),
    prefixed({
        id: 'ubidots-token',
        provider: 'Ubidots',
        description: 'Ubidots API token (BBFF-)',
        prefixes: ['bbff-'],
        token: 'BBFF-[A-Za-z0-9]{30}',
        example: (g) => 'BBFF-' + g.alnum(30),
    }),
    prefixed({
        id: 'posthog-personal-api-key',
        provider: 'PostHog',
        description: 'PostHog personal API key (phx_)',
        prefixes: ['phx_'],
        token: 'phx_[A-Za-z0-9]{43}',
        example: (g) => 'phx_' + g.alnum(43),
    }),
    prefixed({
        id: 'pubnub-secret-key',
        provider: 'PubNub',
        description: 'PubNub secret key (sec-c-)',
        prefixes: ['sec-c-'],
        token: 'sec-c-[A-Za-z0-9]{48}',
        example: (g) => 'sec-c-' + g.alnum(48),
    }),
    prefixed({
        id: 'maxmind-license-key',
        provider: 'MaxMind',
        description: 'MaxMind license key (_mmk)',
        prefixes: ['_mmk'],
        token: '[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk',
        example: (g) => g.alnum(6) + '_' + g.alnum(29) + '_mmk',
    }),
    prefixed({
        id: 'intra42-client-secret',
        provider: '42 Intra',
        description: '42 Intra client secret',
        prefixes: ['s-s4t2ud-', 's-s4t2af-'],
        token: 's-s4t2(?:ud|af)-[a-f0-9]{64}',
        example: (g) => 's-s4t2ud-' + g.hex(64),
    }),
    prefixed({
        id: 'settlemint-token',
        provider: 'SettleMint',
        description: 'SettleMint personal or application access token',
        prefixes: ['sm_pat_', 'sm_aat_', 'sm_sat_'],
        token: 'sm_(?:pat|aat|sat)_[A-Za-z0-9]{16}',
        example: (g) => 'sm_pat_' + g.alnum(16),
    }),
    prefixed({
        id: 'telnyx-api-key',
        provider: 'Telnyx',
        description: 'Telnyx API v2 key',
        prefixes: ['key0', 'key1', 'key2', 'key3', 'key4', 'key5', 'key6', 'key7', 'key8', 'key9'],
        token: 'KEY[0-9A-F]{32}_[A-Za-z0-9]{22}',
        example: (g) => 'KEY' + g.HEX(32) + '_' + g.alnum(22),
    }),
    prefixed({
        id: 'apify-token',
        provider: 'Apify',
        description: 'Apify API token',
        prefixes: ['apify_api_'],
        token: 'apify_api_[A-Za-z0-9]{36}',
        example: (g) => 'apify_api_' + g.alnum(36),
    }),
];

;// CONCATENATED MODULE: ./src/core/secrets/rules/long-tail.ts

/**
 * The long tail: providers whose tokens are a plain character class (32 hex, 40 alphanumerics),
 * recognised only by the provider's name close before the value. One builder (`keyed`), one row a
 * provider: the keywords, and the value as a charset code and length (`h` hex, `H` upper hex, `l`
 * lower-case alphanumerics, `u` upper-case alphanumerics, `a` alphanumerics, `w` base64url, `b` base64;
 * `uuid`) or a regex of its own. Facts from the providers' formats as public scanners (gitleaks,
 * TruffleHog) detect them; the rows and examples are this project's own.
 */
const ROWS = [
    { provider: 'Abstract API', keywords: ['abstract'], value: 'l32' },
    { provider: 'AbuseIPDB', keywords: ['abuseipdb'], value: 'h80' },
    { provider: 'AccuWeather', keywords: ['accuweather'], value: 'a32-35' },
    { provider: 'Adzuna', keywords: ['adzuna'], value: 'h32' },
    { provider: 'Aeroworkflow', keywords: ['aeroworkflow'], value: 'a20' },
    { provider: 'Agora', keywords: ['agora.io', 'agora_app', 'agora_cert', 'agora_key'], value: 'h32' },
    { provider: 'Airbrake', keywords: ['airbrake'], value: 'h32' },
    { provider: 'Aletheia', keywords: ['aletheiaapi', 'aletheia'], value: 'u32' },
    { provider: 'AlienVault OTX', keywords: ['alienvault', 'otx_key', 'otx_api'], value: 'h64' },
    { provider: 'AllSports', keywords: ['allsports'], value: 'h64' },
    { provider: 'Amadeus', keywords: ['amadeus'], value: 'a32' },
    { provider: 'Ambee', keywords: ['ambee'], value: 'h64' },
    { provider: 'Api2Cart', keywords: ['api2cart'], value: 'h32' },
    { provider: 'ApiFlash', keywords: ['apiflash'], value: 'h32' },
    { provider: 'AppSynergy', keywords: ['appsynergy'], value: 'h64' },
    { provider: 'Artsy', keywords: ['artsy'], value: 'l32' },
    { provider: 'Atera', keywords: ['atera'], value: 'h32' },
    { provider: 'Autoklose', keywords: ['autoklose'], value: 'a32' },
    { provider: 'Aviationstack', keywords: ['aviationstack'], value: 'h32' },
    { provider: 'Aylien', keywords: ['aylien'], value: 'h32' },
    { provider: 'Bannerbear', keywords: ['bannerbear'], value: 'a22' },
    { provider: 'Baremetrics', keywords: ['baremetrics'], value: 'w25' },
    { provider: 'Beebole', keywords: ['beebole'], value: 'h40' },
    { provider: 'Besnappy', keywords: ['besnappy'], value: 'h64' },
    { provider: 'Bitbar', keywords: ['bitbar'], value: 'a32' },
    { provider: 'BitcoinAverage', keywords: ['bitcoinaverage'], value: 'a43' },
    { provider: 'Bitfinex', keywords: ['bitfinex'], value: 'a43' },
    { provider: 'Bitly', keywords: ['bitly'], value: 'h40' },
    { provider: 'BitMEX', keywords: ['bitmex'], value: 'w48' },
    { provider: 'Bittrex', keywords: ['bittrex'], value: 'l32' },
    { provider: 'Blablabus', keywords: ['blablabus'], value: 'a22' },
    { provider: 'BlazeMeter', keywords: ['blazemeter'], value: 'h64' },
    { provider: 'Blitapp', keywords: ['blitapp'], value: 'a39' },
    { provider: 'Boostnote', keywords: ['boostnote'], value: 'h64' },
    { provider: 'Brandfetch', keywords: ['brandfetch'], value: 'a40' },
    { provider: 'BrowserStack', keywords: ['browserstack'], value: 'a20' },
    { provider: 'Browshot', keywords: ['browshot'], value: 'a28' },
    { provider: 'BscScan', keywords: ['bscscan'], value: 'u34' },
    { provider: 'BuddyNS', keywords: ['buddyns'], value: 'h40' },
    { provider: 'ButterCMS', keywords: ['buttercms'], value: 'h40' },
    { provider: 'Calendarific', keywords: ['calendarific'], value: 'h40' },
    { provider: 'CalorieNinjas', keywords: ['calorieninja'], value: 'a40' },
    { provider: 'Capsule CRM', keywords: ['capsulecrm'], value: 'a64' },
    { provider: 'Captain Data', keywords: ['captaindata'], value: 'h64' },
    { provider: 'Carbon Interface', keywords: ['carboninterface'], value: 'a21' },
    { provider: 'Censys', keywords: ['censys'], value: 'a32' },
    { provider: 'Centralstation CRM', keywords: ['centralstationcrm'], value: 'a30' },
    { provider: 'CEX.IO', keywords: ['cexio', 'cex.io'], value: 'a30' },
    { provider: 'ChartMogul', keywords: ['chartmogul'], value: 'h32' },
    { provider: 'Checkly', keywords: ['checkly'], value: 'h32' },
    { provider: 'Cicero', keywords: ['cicero'], value: 'h40' },
    { provider: 'Clarifai', keywords: ['clarifai'], value: 'h32' },
    { provider: 'Clockify', keywords: ['clockify'], value: 'a48' },
    { provider: 'Cisco Meraki', keywords: ['meraki'], value: 'h40' },
    { provider: 'Codacy', keywords: ['codacy'], value: 'a32' },
    { provider: 'Code Climate', keywords: ['codeclimate'], value: 'h64' },
    { provider: 'CoinAPI', keywords: ['coinapi'], value: 'uuid' },
    { provider: 'Coinlayer', keywords: ['coinlayer'], value: 'h32' },
    { provider: 'ConvertAPI', keywords: ['convertapi'], value: 'a16' },
    { provider: 'ConvertKit', keywords: ['convertkit'], value: 'a22' },
    { provider: 'Countrylayer', keywords: ['countrylayer'], value: 'h32' },
    { provider: 'Coveralls', keywords: ['coveralls'], value: 'a33-37' },
    { provider: 'CryptoCompare', keywords: ['cryptocompare'], value: 'h64' },
    { provider: 'Currencycloud', keywords: ['currencycloud'], value: 'h64' },
    { provider: 'CurrencyFreaks', keywords: ['currencyfreaks'], value: 'h32' },
    { provider: 'Currencylayer', keywords: ['currencylayer'], value: 'h32' },
    { provider: 'CurrencyScoop', keywords: ['currencyscoop'], value: 'a32' },
    { provider: 'Currents API', keywords: ['currentsapi'], value: 'w48' },
    { provider: 'Customer.io', keywords: ['customerio', 'customer.io'], value: 'h32' },
    { provider: 'Dareboost', keywords: ['dareboost'], value: 'a60' },
    { provider: 'Deepgram', keywords: ['deepgram'], value: 'h40' },
    { provider: 'Delighted', keywords: ['delighted'], value: 'a32' },
    { provider: 'DetectLanguage', keywords: ['detectlanguage'], value: 'h32' },
    { provider: 'Diffbot', keywords: ['diffbot'], value: 'h32' },
    { provider: 'Disqus', keywords: ['disqus'], value: 'a64' },
    { provider: 'Docparser', keywords: ['docparser'], value: 'h40' },
    { provider: 'DocuSign', keywords: ['docusign'], value: 'uuid' },
    { provider: 'Dwolla', keywords: ['dwolla'], value: 'a50' },
    { provider: 'Dynalist', keywords: ['dynalist'], value: 'a128' },
    { provider: 'Edamam', keywords: ['edamam'], value: 'h32' },
    { provider: 'Elastic Email', keywords: ['elasticemail'], value: 'u96' },
    { provider: 'ExchangeRate-API', keywords: ['exchangerate'], value: 'h24' },
    { provider: 'Exchangerates API', keywords: ['exchangeratesapi'], value: 'h32' },
    { provider: 'ExtractorAPI', keywords: ['extractorapi'], value: 'h40' },
    { provider: 'Facebook app secret', keywords: ['facebook', 'fb_secret', 'fb_app_secret'], value: 'h32' },
    { provider: 'Financial Modeling Prep', keywords: ['financialmodelingprep', 'fmp_api'], value: 'a32' },
    { provider: 'Finicity', keywords: ['finicity'], value: 'h32' },
    { provider: 'Finnhub', keywords: ['finnhub'], value: 'l20' },
    { provider: 'Fixer', keywords: ['fixer.io', 'fixerio', 'fixer_api'], value: 'h32' },
    { provider: 'Flickr', keywords: ['flickr'], value: 'h32' },
    { provider: 'Foursquare', keywords: ['foursquare'], value: 'u48' },
    { provider: 'FreshBooks', keywords: ['freshbooks'], value: 'h64' },
    { provider: 'Geoapify', keywords: ['geoapify'], value: 'h32' },
    { provider: 'Geocodio', keywords: ['geocodio'], value: 'h39' },
    { provider: 'GetResponse', keywords: ['getresponse'], value: 'l32' },
    { provider: 'Gitter', keywords: ['gitter'], value: 'w40' },
    { provider: 'GTmetrix', keywords: ['gtmetrix'], value: 'h32' },
    { provider: 'Gumroad', keywords: ['gumroad'], value: 'w43' },
    { provider: 'Gyazo', keywords: ['gyazo'], value: 'w43' },
    { provider: 'HappyScribe', keywords: ['happyscribe'], value: 'a24' },
    { provider: 'HelloSign', keywords: ['hellosign'], value: 'h64' },
    { provider: 'HubSpot legacy API key', keywords: ['hubspot', 'hapikey'], value: 'uuid' },
    { provider: 'Holiday API', keywords: ['holidayapi'], value: 'uuid' },
    { provider: 'Hunter', keywords: ['hunter.io', 'hunterio', 'hunter_api'], value: 'h40' },
    { provider: 'Insightly', keywords: ['insightly'], value: 'uuid' },
    { provider: 'Integromat', keywords: ['integromat'], value: 'uuid' },
    { provider: 'ipapi', keywords: ['ipapi'], value: 'h32' },
    { provider: 'IPGeolocation', keywords: ['ipgeolocation'], value: 'h32' },
    { provider: 'ipinfodb', keywords: ['ipinfodb'], value: 'h64' },
    { provider: 'IPQualityScore', keywords: ['ipquality'], value: 'a32' },
    { provider: 'ipstack', keywords: ['ipstack'], value: 'h32' },
    { provider: 'JotForm', keywords: ['jotform'], value: 'l32' },
    { provider: 'JumpCloud', keywords: ['jumpcloud'], value: 'h40' },
    { provider: 'KuCoin', keywords: ['kucoin'], value: 'h24' },
    { provider: 'Languagelayer', keywords: ['languagelayer'], value: 'h32' },
    { provider: 'Last.fm', keywords: ['lastfm', 'last.fm'], value: 'h32' },
    { provider: 'LinkedIn client secret', keywords: ['linkedin'], value: 'a16' },
    { provider: 'LinkPreview', keywords: ['linkpreview'], value: 'h32' },
    { provider: 'LocationIQ', keywords: ['locationiq'], value: 'h32' },
    { provider: 'Looker', keywords: ['looker'], value: 'a24' },
    { provider: 'Loyverse', keywords: ['loyverse'], value: 'h32' },
    { provider: 'MadKudu', keywords: ['madkudu'], value: 'h32' },
    { provider: 'Mailboxlayer', keywords: ['mailboxlayer'], value: 'h32' },
    { provider: 'MailerLite', keywords: ['mailerlite'], value: 'h32' },
    { provider: 'MapQuest', keywords: ['mapquest'], value: 'a32' },
    { provider: 'Marketstack', keywords: ['marketstack'], value: 'h32' },
    { provider: 'Mattermost access token', keywords: ['mattermost'], value: 'l26' },
    { provider: 'Mavenlink', keywords: ['mavenlink'], value: 'h64' },
    { provider: 'MeaningCloud', keywords: ['meaningcloud'], value: 'h32' },
    { provider: 'Mediastack', keywords: ['mediastack'], value: 'h32' },
    { provider: 'Mesibo', keywords: ['mesibo'], value: 'a64' },
    { provider: 'MessageBird access key', keywords: ['messagebird'], value: 'a25' },
    { provider: 'Mixmax', keywords: ['mixmax'], value: 'uuid' },
    { provider: 'MonkeyLearn', keywords: ['monkeylearn'], value: 'h40' },
    { provider: 'MoonClerk', keywords: ['moonclerk'], value: 'a32' },
    { provider: 'Moosend', keywords: ['moosend'], value: 'uuid' },
    { provider: 'Moralis', keywords: ['moralis'], value: 'a64' },
    { provider: 'Nasdaq Data Link', keywords: ['nasdaq', 'quandl'], value: 'w20' },
    { provider: 'Neutrino API', keywords: ['neutrinoapi', 'neutrino'], value: 'a48' },
    { provider: 'NewsAPI', keywords: ['newsapi'], value: 'h32' },
    { provider: 'NewsCatcher', keywords: ['newscatcher'], value: 'w43' },
    { provider: 'Nexmo', keywords: ['nexmo'], value: 'a16' },
    { provider: 'Numverify', keywords: ['numverify'], value: 'h32' },
    { provider: 'Nutritionix', keywords: ['nutritionix'], value: 'h32' },
    { provider: 'Nylas', keywords: ['nylas'], value: 'a30' },
    { provider: 'New York Times', keywords: ['nytimes'], value: 'w32' },
    {
        provider: 'OANDA',
        keywords: ['oanda'],
        value: { re: '[a-f0-9]{32}-[a-f0-9]{32}', example: (g) => `${g.hex(32)}-${g.hex(32)}` },
    },
    { provider: 'OneLogin', keywords: ['onelogin'], value: 'h64' },
    { provider: 'OneSignal', keywords: ['onesignal'], value: 'l48' },
    { provider: 'OOPSpam', keywords: ['oopspam'], value: 'a40' },
    { provider: 'OpenCage', keywords: ['opencage'], value: 'h32' },
    { provider: 'OpenUV', keywords: ['openuv'], value: 'h32' },
    { provider: 'OpenWeather', keywords: ['openweather', 'owm_api'], value: 'h32' },
    { provider: 'Optimizely', keywords: ['optimizely'], value: 'w54' },
    { provider: 'Owlbot', keywords: ['owlbot'], value: 'h40' },
    { provider: 'packagecloud', keywords: ['packagecloud'], value: 'h48' },
    { provider: 'PandaDoc', keywords: ['pandadoc'], value: 'h40' },
    { provider: 'PandaScore', keywords: ['pandascore'], value: 'w40' },
    { provider: 'ParallelDots', keywords: ['paralleldots'], value: 'a43' },
    { provider: 'Particle', keywords: ['particle.io', 'particle_token', 'particle_access'], value: 'h40' },
    { provider: 'Pastebin', keywords: ['pastebin'], value: 'a32' },
    { provider: 'PDFLayer', keywords: ['pdflayer'], value: 'h32' },
    { provider: 'PDFShift', keywords: ['pdfshift'], value: 'a32' },
    { provider: 'People Data Labs', keywords: ['peopledatalabs'], value: 'h64' },
    { provider: 'Pepipost', keywords: ['pepipost'], value: 'a32' },
    { provider: 'Percy', keywords: ['percy_token', 'percy'], value: 'h64' },
    { provider: 'Pipedream', keywords: ['pipedream'], value: 'h32' },
    { provider: 'Pipedrive', keywords: ['pipedrive'], value: 'h40' },
    { provider: 'Pivotal Tracker', keywords: ['pivotaltracker', 'pivotal_tracker'], value: 'h32' },
    { provider: 'Polygon.io', keywords: ['polygon.io', 'polygon_api', 'polygonio'], value: 'a32' },
    { provider: 'Positionstack', keywords: ['positionstack'], value: 'h32' },
    { provider: 'PostageApp', keywords: ['postageapp'], value: 'a32' },
    { provider: 'ProdPad', keywords: ['prodpad'], value: 'h64' },
    { provider: 'protocols.io', keywords: ['protocols.io', 'protocolsio'], value: 'h64' },
    { provider: 'ProxyCrawl', keywords: ['proxycrawl', 'crawlbase'], value: 'a22' },
    { provider: 'PureStake', keywords: ['purestake'], value: 'a40' },
    { provider: 'Qase', keywords: ['qase'], value: 'a40' },
    { provider: 'RapidAPI', keywords: ['rapidapi'], value: 'w50' },
    { provider: 'RAWG', keywords: ['rawg'], value: 'h32' },
    { provider: 'Rebrandly', keywords: ['rebrandly'], value: 'h32' },
    { provider: 'Restpack', keywords: ['restpack'], value: 'a48' },
    { provider: 'RiteKit', keywords: ['ritekit'], value: 'h44' },
    { provider: 'RocketReach', keywords: ['rocketreach'], value: 'a39' },
    { provider: 'Rockset', keywords: ['rockset'], value: 'a64' },
    { provider: 'Sauce Labs', keywords: ['saucelabs', 'sauce_access'], value: 'uuid' },
    { provider: 'ScrapeOwl', keywords: ['scrapeowl'], value: 'h40' },
    { provider: 'ScraperAPI', keywords: ['scraperapi'], value: 'h32' },
    { provider: 'ScraperBox', keywords: ['scraperbox'], value: 'u32' },
    { provider: 'Scrapestack', keywords: ['scrapestack'], value: 'h32' },
    { provider: 'ScrapingAnt', keywords: ['scrapingant'], value: 'h32' },
    { provider: 'ScrapingBee', keywords: ['scrapingbee'], value: 'u80' },
    { provider: 'Screenshotlayer', keywords: ['screenshotlayer'], value: 'h32' },
    { provider: 'SecurityTrails', keywords: ['securitytrails'], value: 'a32' },
    { provider: 'Sendbird', keywords: ['sendbird'], value: 'h40' },
    { provider: 'SerpHouse', keywords: ['serphouse'], value: 'a64' },
    { provider: 'Serpstack', keywords: ['serpstack'], value: 'h32' },
    { provider: 'Shodan', keywords: ['shodan'], value: 'a32' },
    { provider: 'Shotstack', keywords: ['shotstack'], value: 'a40' },
    { provider: 'Shutterstock', keywords: ['shutterstock'], value: 'a32' },
    { provider: 'SigOpt', keywords: ['sigopt'], value: 'a48' },
    { provider: 'Sinch', keywords: ['sinch'], value: 'h32' },
    { provider: 'Siteleaf', keywords: ['siteleaf'], value: 'h32' },
    { provider: 'SkyBiometry', keywords: ['skybiometry'], value: 'a25' },
    { provider: 'Smartsheet', keywords: ['smartsheet'], value: 'a37' },
    {
        provider: 'SonarQube legacy token',
        keywords: ['sonar.login', 'sonar_token', 'sonarqube', 'sonarcloud'],
        value: 'h40',
    },
    { provider: 'Spoonacular', keywords: ['spoonacular'], value: 'h32' },
    { provider: 'Sportmonks', keywords: ['sportmonks'], value: 'a60' },
    { provider: 'Squarespace', keywords: ['squarespace'], value: 'uuid' },
    { provider: 'SSLMate', keywords: ['sslmate'], value: 'a36' },
    { provider: 'StatusCake', keywords: ['statuscake'], value: 'a20' },
    { provider: 'StockData', keywords: ['stockdata'], value: 'a40' },
    { provider: 'Storyblok', keywords: ['storyblok'], value: 'a22' },
    { provider: 'Strava', keywords: ['strava'], value: 'h40' },
    { provider: 'Swiftype', keywords: ['swiftype'], value: 'w20' },
    { provider: 'TaxJar', keywords: ['taxjar'], value: 'h32' },
    { provider: 'TextMagic', keywords: ['textmagic'], value: 'a30' },
    { provider: 'The Odds API', keywords: ['oddsapi', 'the-odds-api'], value: 'h32' },
    { provider: 'Ticketmaster', keywords: ['ticketmaster'], value: 'a32' },
    { provider: 'Tiingo', keywords: ['tiingo'], value: 'h40' },
    { provider: 'Todoist', keywords: ['todoist'], value: 'h40' },
    { provider: 'Toggl Track', keywords: ['toggl'], value: 'h32' },
    { provider: 'Tomorrow.io', keywords: ['tomorrow.io', 'tomorrowio'], value: 'a32' },
    { provider: 'TomTom', keywords: ['tomtom'], value: 'a32' },
    { provider: 'Tradier', keywords: ['tradier'], value: 'a28' },
    { provider: 'Travelpayouts', keywords: ['travelpayouts'], value: 'h32' },
    { provider: 'Travis CI', keywords: ['travis'], value: 'w22' },
    { provider: 'Twelve Data', keywords: ['twelvedata'], value: 'h32' },
    { provider: 'Twitch client secret', keywords: ['twitch'], value: 'l30' },
    { provider: 'Tyntec', keywords: ['tyntec'], value: 'a32' },
    { provider: 'uClassify', keywords: ['uclassify'], value: 'a12' },
    { provider: 'Unsplash', keywords: ['unsplash'], value: 'w43' },
    { provider: 'UPC Database', keywords: ['upcdatabase'], value: 'H32' },
    { provider: 'UpLead', keywords: ['uplead'], value: 'h32' },
    { provider: 'Uploadcare', keywords: ['uploadcare'], value: 'h20' },
    { provider: 'Upwave', keywords: ['upwave'], value: 'h32' },
    { provider: 'urlscan.io', keywords: ['urlscan'], value: 'uuid' },
    { provider: 'Userstack', keywords: ['userstack'], value: 'h32' },
    { provider: 'Vatlayer', keywords: ['vatlayer'], value: 'h32' },
    { provider: 'Verimail', keywords: ['verimail'], value: 'u32' },
    { provider: 'Veriphone', keywords: ['veriphone'], value: 'H32' },
    { provider: 'VersionEye', keywords: ['versioneye'], value: 'a40' },
    { provider: 'VirusTotal', keywords: ['virustotal'], value: 'h64' },
    { provider: 'Visual Crossing', keywords: ['visualcrossing'], value: 'u25' },
    { provider: 'vpnapi.io', keywords: ['vpnapi'], value: 'h32' },
    { provider: 'Walk Score', keywords: ['walkscore'], value: 'h32' },
    { provider: 'Weatherbit', keywords: ['weatherbit'], value: 'h32' },
    { provider: 'Weatherstack', keywords: ['weatherstack'], value: 'h32' },
    { provider: 'Webex', keywords: ['webex'], value: 'a64' },
    { provider: 'Webflow', keywords: ['webflow'], value: 'h64' },
    { provider: 'Web Scraper', keywords: ['webscraper'], value: 'a60' },
    { provider: 'WebsitePulse', keywords: ['websitepulse'], value: 'h32' },
    { provider: 'Whoxy', keywords: ['whoxy'], value: 'a33' },
    { provider: 'Wistia', keywords: ['wistia'], value: 'h64' },
    { provider: 'Worksnaps', keywords: ['worksnaps'], value: 'a40' },
    { provider: 'Workstack', keywords: ['workstack'], value: 'a60' },
    { provider: 'WorldCoinIndex', keywords: ['worldcoinindex'], value: 'a35' },
    { provider: 'World Weather Online', keywords: ['worldweatheronline'], value: 'h31' },
    { provider: 'Yelp', keywords: ['yelp'], value: 'w128' },
    { provider: 'YNAB', keywords: ['ynab', 'youneedabudget'], value: 'h64' },
    { provider: 'Yousign', keywords: ['yousign'], value: 'h32' },
    { provider: 'ZenRows', keywords: ['zenrows'], value: 'h40' },
    { provider: 'ZeroBounce', keywords: ['zerobounce'], value: 'h32' },
    { provider: 'ZipAPI', keywords: ['zipapi'], value: 'h32' },
    { provider: 'ZipCodeAPI', keywords: ['zipcodeapi'], value: 'a64' },
    { provider: 'Zulip', keywords: ['zulip'], value: 'a32' },
    { provider: 'Etsy', keywords: ['etsy'], value: 'l24' },
    { provider: 'Adobe client id', keywords: ['adobe'], value: 'h32' },
    { provider: 'Algolia API key', keywords: ['algolia'], value: 'l32' },
    { provider: 'Alibaba secret', keywords: ['alibaba'], value: 'a30' },
    { provider: 'Zendesk API token', keywords: ['zendesk'], value: 'a40' },
    { provider: 'Sentry auth token', keywords: ['sentry'], value: 'h64' },
    { provider: 'Okta API token', keywords: ['okta'], value: 'w42' },
    { provider: 'Cloudflare global API key', keywords: ['cloudflare'], value: 'h37' },
    { provider: 'Heroku API key', keywords: ['heroku'], value: 'uuid', id: 'heroku-api-key-keyed' },
    { provider: 'Mailchimp', keywords: ['mailchimp'], value: 'h32', id: 'mailchimp-keyed' },
    { provider: 'LaunchDarkly', keywords: ['launchdarkly'], value: 'uuid', id: 'launchdarkly-keyed' },
    { provider: 'Datadog app key', keywords: ['datadog'], value: 'h40' },
    { provider: 'PagerDuty', keywords: ['pagerduty'], value: 'w20', id: 'pagerduty-keyed' },
    { provider: 'Contentful', keywords: ['contentful'], value: 'w43', id: 'contentful-keyed' },
    { provider: 'Asana', keywords: ['asana'], value: 'a32', id: 'asana-keyed' },
    { provider: 'Bitbucket', keywords: ['bitbucket'], value: 'w32', id: 'bitbucket-keyed' },
    { provider: 'Confluent', keywords: ['confluent'], value: 'a16', id: 'confluent-keyed' },
    { provider: 'Dynatrace', keywords: ['dynatrace'], value: 'a32', id: 'dynatrace-keyed' },
    { provider: 'Freshdesk', keywords: ['freshdesk'], value: 'a20', id: 'freshdesk-keyed' },
    { provider: 'Intercom', keywords: ['intercom'], value: 'w60', id: 'intercom-keyed' },
    { provider: 'Mapbox', keywords: ['mapbox'], value: 'a32', id: 'mapbox-keyed' },
    { provider: 'Pusher', keywords: ['pusher'], value: 'h20', id: 'pusher-keyed' },
    { provider: 'Plivo', keywords: ['plivo'], value: 'a40', id: 'plivo-keyed' },
    { provider: 'Twilio', keywords: ['twilio'], value: 'h32', id: 'twilio-keyed' },
    { provider: 'Segment', keywords: ['segment_write', 'segment_key'], value: 'a32', id: 'segment-keyed' },
    { provider: 'Netlify', keywords: ['netlify'], value: 'w43', id: 'netlify-keyed' },
    { provider: 'Typeform', keywords: ['typeform'], value: 'a44', id: 'typeform-keyed' },
    { provider: 'Rollbar', keywords: ['rollbar'], value: 'h32', id: 'rollbar-keyed' },
    { provider: 'Honeycomb', keywords: ['honeycomb'], value: 'a22', id: 'honeycomb-keyed' },
    { provider: 'Bugsnag', keywords: ['bugsnag'], value: 'h32', id: 'bugsnag-keyed' },
    { provider: 'Lokalise', keywords: ['lokalise'], value: 'h40', id: 'lokalise-keyed' },
    { provider: 'Crowdin', keywords: ['crowdin'], value: 'h80', id: 'crowdin-keyed' },
    { provider: 'Fastly', keywords: ['fastly'], value: 'w32', id: 'fastly-keyed' },
    { provider: 'Mailjet', keywords: ['mailjet'], value: 'h32', id: 'mailjet-keyed' },
    { provider: 'Zoom', keywords: ['zoom_'], value: 'a32', id: 'zoom-keyed' },
    { provider: 'Spotify', keywords: ['spotify'], value: 'h32', id: 'spotify-keyed' },
    { provider: 'Mixpanel', keywords: ['mixpanel'], value: 'h32', id: 'mixpanel-keyed' },
    { provider: 'Amplitude', keywords: ['amplitude'], value: 'h32', id: 'amplitude-keyed' },
    { provider: 'Cloudinary', keywords: ['cloudinary'], value: 'w27', id: 'cloudinary-keyed' },
    { provider: 'Imgur', keywords: ['imgur'], value: 'h40', id: 'imgur-keyed' },
    { provider: 'Box', keywords: ['box_client', 'box_developer', 'box_token'], value: 'a32', id: 'box-keyed' },
    { provider: 'Dropbox', keywords: ['dropbox'], value: 'a15', id: 'dropbox-keyed' },
    { provider: 'Kraken', keywords: ['kraken'], value: 'b86-88', id: 'kraken-keyed' },
    { provider: 'Coinbase', keywords: ['coinbase'], value: 'a32', id: 'coinbase-keyed' },
    { provider: 'Binance', keywords: ['binance'], value: 'a64', id: 'binance-keyed' },
    { provider: 'Etherscan', keywords: ['etherscan'], value: 'u34', id: 'etherscan-keyed' },
    { provider: 'Alchemy', keywords: ['alchemy'], value: 'w32', id: 'alchemy-keyed' },
    { provider: 'Infura', keywords: ['infura'], value: 'h32', id: 'infura-keyed' },
    { provider: 'Pinecone', keywords: ['pinecone'], value: 'uuid', id: 'pinecone-keyed' },
    { provider: 'Elastic', keywords: ['elastic_api', 'elasticsearch_api'], value: 'b40-80', id: 'elastic-keyed' },
    { provider: 'Postmark', keywords: ['postmark'], value: 'uuid', id: 'postmark-keyed' },
    { provider: 'Square', keywords: ['square_access', 'square_token'], value: 'w64', id: 'square-keyed' },
    { provider: 'Shippo', keywords: ['shippo'], value: 'h40', id: 'shippo-keyed' },
    { provider: 'Lob', keywords: ['lob_api', 'lob_key', 'lob_secret'], value: 'h34', id: 'lob-keyed' },
    { provider: 'EasyPost', keywords: ['easypost'], value: 'a22', id: 'easypost-keyed' },
    { provider: 'Razorpay', keywords: ['razorpay'], value: 'a24', id: 'razorpay-keyed' },
    { provider: 'Paystack', keywords: ['paystack'], value: 'h40', id: 'paystack-keyed' },
    { provider: 'Mollie', keywords: ['mollie'], value: 'a30', id: 'mollie-keyed' },
    { provider: 'Duffel', keywords: ['duffel'], value: 'w43', id: 'duffel-keyed' },
    { provider: 'Zapier', keywords: ['zapier'], value: 'h32', id: 'zapier-keyed' },
    { provider: 'Salesforce', keywords: ['salesforce'], value: 'a24', id: 'salesforce-keyed' },
    { provider: 'Snowflake', keywords: ['snowflake_pass'], value: 'a16', id: 'snowflake-keyed' },
    { provider: 'Firebase database secret', keywords: ['firebase'], value: 'a40' },
    { provider: 'Gemini exchange', keywords: ['gemini_api', 'gemini_secret'], value: 'a28' },
    { provider: 'Wit.ai', keywords: ['wit.ai', 'wit_token'], value: 'u32' },
    { provider: 'ClickSend', keywords: ['clicksend'], value: 'H36' },
    {
        provider: 'Deepl',
        keywords: ['deepl'],
        value: { re: '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}:fx', example: (g) => `${g.uuid()}:fx` },
    },
    { provider: 'Browserless', keywords: ['browserless'], value: 'uuid' },
    {
        provider: 'Airtable legacy API key',
        keywords: ['airtable'],
        value: { re: 'key[A-Za-z0-9]{14}', example: (g) => `key${g.alnum(14)}` },
    },
    { provider: 'Klaviyo', keywords: ['klaviyo'], value: { re: 'pk_[a-z0-9]{34}', example: (g) => `pk_${g.lower(34)}` } },
    { provider: 'Clearbit', keywords: ['clearbit'], value: { re: 'sk_[a-f0-9]{32}', example: (g) => `sk_${g.hex(32)}` } },
    {
        provider: 'Pushbullet',
        keywords: ['pushbullet'],
        value: { re: 'o\\.[A-Za-z0-9]{32}', example: (g) => `o.${g.alnum(32)}` },
    },
    {
        provider: 'Pixabay',
        keywords: ['pixabay'],
        value: { re: '[0-9]{8}-[a-f0-9]{25}', example: (g) => `${g.digits(8)}-${g.hex(25)}` },
    },
    {
        provider: 'Scrapfly',
        keywords: ['scrapfly'],
        value: { re: 'scp-live-[a-f0-9]{32}', example: (g) => `scp-live-${g.hex(32)}` },
    },
    {
        provider: 'Imagekit',
        keywords: ['imagekit'],
        value: { re: 'private_[A-Za-z0-9+/]{27}=', example: (g) => `private_${g.alnum(27)}=` },
    },
    { provider: 'ipify', keywords: ['ipify'], value: { re: 'at_[A-Za-z0-9]{29}', example: (g) => `at_${g.alnum(29)}` } },
];
const LONG_TAIL_RULES = ROWS.map(keyed);

;// CONCATENATED MODULE: ./src/core/secrets/rules/messaging.ts

/** Chat, email, SMS and push. */
const MESSAGING_RULES = [
    prefixed({
        id: 'slack-token',
        provider: 'Slack',
        description: 'Slack bot, user, app, config or refresh token',
        prefixes: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-', 'xoxe.', 'xapp-'],
        token: '(?:xox[baprs]-[0-9]{10,13}-[0-9A-Za-z-]{10,80}|xoxe(?:\\.xox[bp])?-1-[A-Za-z0-9]{140,170}|xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-z0-9]{40,80})',
        example: (g) => [
            'xoxb-' + g.digits(12) + '-' + g.digits(13) + '-' + g.alnum(24),
            'xapp-1-A' + g.upper(10) + '-' + g.digits(13) + '-' + g.hex(64),
        ],
        window: { before: 20, after: 400 },
    }),
    prefixed({
        id: 'slack-webhook',
        provider: 'Slack',
        description: 'Slack incoming webhook or workflow URL',
        prefixes: ['hooks.slack.com/'],
        token: 'hooks\\.slack\\.com/(?:services/T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/[A-Za-z0-9]{23,25}|(?:workflows|triggers)/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/[0-9]{15,20}/[a-f0-9]{32})',
        example: (g) => 'https://hooks.slack.com/services/T' + g.upper(10) + '/B' + g.upper(10) + '/' + g.alnum(24),
    }),
    named({
        id: 'discord-bot-token',
        provider: 'Discord',
        description: 'Discord bot token',
        names: ['discord'],
        value: '[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}',
        example: (g) => 'M' + g.b64url(25) + '.' + g.b64url(6) + '.' + g.b64url(38),
    }),
    prefixed({
        id: 'discord-webhook',
        provider: 'Discord',
        description: 'Discord webhook URL',
        prefixes: ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'],
        token: 'discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,70}',
        example: (g) => 'https://discord.com/api/webhooks/' + g.digits(18) + '/' + g.b64url(68),
    }),
    prefixed({
        id: 'telegram-bot-token',
        provider: 'Telegram',
        description: 'Telegram bot token',
        prefixes: [':aa'],
        token: '[0-9]{8,10}:AA[A-Za-z0-9_-]{33}',
        example: (g) => g.digits(10) + ':AA' + g.b64url(33),
    }),
    named({
        id: 'twilio-auth-token',
        provider: 'Twilio',
        description: 'Twilio auth token or API key secret',
        names: ['twilio'],
        // Auth tokens are 32 hex characters; an API key's secret is 32 alphanumerics. `SK` + 32 hex is the
        // API key's SID and `AC` + 32 hex the account SID (Twilio's Key resource documents the SID pattern):
        // identifiers, not secrets, and 34 characters long, so they do not match.
        value: '[A-Za-z0-9]{32}',
        entropy: 3.2,
        example: (g) => g.hex(32),
        negative: ['TWILIO_API_KEY_SID=SK3f9a1c7e5b2d8a4f6c0e9b1d7a3f5c8e'],
    }),
    prefixed({
        id: 'sendgrid-api-key',
        provider: 'SendGrid',
        description: 'SendGrid API key',
        prefixes: ['sg.'],
        token: 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}',
        example: (g) => 'SG.' + g.b64url(22) + '.' + g.b64url(43),
    }),
    prefixed({
        id: 'mailgun-api-key',
        provider: 'Mailgun',
        description: 'Mailgun API key',
        prefixes: ['key-'],
        token: 'key-[a-f0-9]{32}',
        entropy: 3.3,
        example: (g) => 'key-' + g.hex(32),
    }),
    named({
        id: 'mailgun-signing-key',
        provider: 'Mailgun',
        description: 'Mailgun API or webhook signing key',
        names: ['mailgun'],
        value: '[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}',
        example: (g) => g.hex(32) + '-' + g.hex(8) + '-' + g.hex(8),
    }),
    prefixed({
        id: 'mailchimp-api-key',
        provider: 'Mailchimp',
        description: 'Mailchimp API key',
        prefixes: ['-us'],
        token: '[a-f0-9]{32}-us[0-9]{1,2}',
        example: (g) => g.hex(32) + '-us14',
    }),
    prefixed({
        id: 'mandrill-api-key',
        provider: 'Mandrill',
        description: 'Mailchimp Transactional (Mandrill) API key',
        prefixes: ['md-'],
        token: 'md-[A-Za-z0-9_-]{22}',
        entropy: 3.8,
        example: (g) => 'md-' + g.b64url(22),
    }),
    named({
        id: 'postmark-token',
        provider: 'Postmark',
        description: 'Postmark server or account token',
        names: ['postmark'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    prefixed({
        id: 'brevo-api-key',
        provider: 'Brevo',
        description: 'Brevo (Sendinblue) API or SMTP key',
        prefixes: ['xkeysib-', 'xsmtpsib-'],
        token: 'x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}',
        example: (g) => 'xkeysib-' + g.hex(64) + '-' + g.alnum(16),
    }),
    prefixed({
        id: 'resend-api-key',
        provider: 'Resend',
        description: 'Resend API key',
        prefixes: ['re_'],
        token: 're_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}',
        example: (g) => 're_' + g.alnum(8) + '_' + g.alnum(24),
    }),
    named({
        id: 'sparkpost-api-key',
        provider: 'SparkPost',
        description: 'SparkPost API key',
        names: ['sparkpost'],
        value: '[a-f0-9]{40}',
        example: (g) => g.hex(40),
    }),
    named({
        id: 'mailjet-secret',
        provider: 'Mailjet',
        description: 'Mailjet API secret',
        names: ['mailjet', 'mj_apikey'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'vonage-api-secret',
        provider: 'Vonage',
        description: 'Vonage (Nexmo) API secret',
        names: ['vonage', 'nexmo'],
        value: '[A-Za-z0-9]{16}',
        entropy: 3.5,
        example: (g) => g.alnum(16),
    }),
    named({
        id: 'plivo-auth-token',
        provider: 'Plivo',
        description: 'Plivo auth token',
        names: ['plivo'],
        value: '[A-Za-z0-9]{40}',
        entropy: 4,
        example: (g) => g.alnum(40),
    }),
    named({
        id: 'messagebird-key',
        provider: 'MessageBird',
        description: 'MessageBird (Bird) access key',
        names: ['messagebird'],
        value: '[A-Za-z0-9]{25}',
        entropy: 3.8,
        example: (g) => g.alnum(25),
    }),
    named({
        id: 'pusher-secret',
        provider: 'Pusher',
        description: 'Pusher Channels app secret',
        names: ['pusher'],
        value: '[a-f0-9]{20}',
        example: (g) => g.hex(20),
    }),
    prefixed({
        id: 'teams-webhook',
        provider: 'Microsoft Teams',
        description: 'Microsoft Teams incoming webhook URL',
        prefixes: ['webhook.office.com/'],
        token: '[a-z0-9-]{1,40}\\.webhook\\.office\\.com/webhookb2/[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36}',
        example: (g) => 'acme.webhook.office.com/webhookb2/' +
            g.uuid() +
            '@' +
            g.uuid() +
            '/IncomingWebhook/' +
            g.hex(32) +
            '/' +
            g.uuid(),
    }),
    prefixed({
        id: 'google-chat-webhook',
        provider: 'Google Chat',
        description: 'Google Chat webhook token',
        prefixes: ['chat.googleapis.com/'],
        token: 'chat\\.googleapis\\.com/v1/spaces/[A-Za-z0-9_-]{11}/messages\\?key=[A-Za-z0-9_-]{39}&token=[A-Za-z0-9_%=-]{43,50}',
        example: (g) => 'https://chat.googleapis.com/v1/spaces/' +
            g.b64url(11) +
            '/messages?key=AIza' +
            g.b64url(35) +
            '&token=' +
            g.b64url(43),
    }),
    prefixed({
        id: 'zapier-webhook',
        provider: 'Zapier',
        description: 'Zapier catch hook URL',
        prefixes: ['hooks.zapier.com/'],
        token: 'hooks\\.zapier\\.com/hooks/catch/[0-9]{5,10}/[a-z0-9]{6,8}',
        example: (g) => 'https://hooks.zapier.com/hooks/catch/' + g.digits(7) + '/' + g.lower(7),
    }),
    prefixed({
        id: 'firebase-cloud-messaging-key',
        provider: 'Firebase',
        description: 'Firebase Cloud Messaging legacy server key',
        prefixes: ['apa91b'],
        token: 'AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}',
        entropy: 4,
        example: (g) => 'AAAA' + g.b64url(7) + ':APA91b' + g.b64url(134),
        placeholderFilter: false,
        window: { before: 20, after: 200 },
    }),
    named({
        id: 'mattermost-token',
        provider: 'Mattermost',
        description: 'Mattermost access token',
        names: ['mattermost'],
        value: '[a-z0-9]{26}',
        entropy: 3.8,
        example: (g) => g.lower(26),
    }),
    named({
        id: 'line-channel-token',
        provider: 'LINE',
        description: 'LINE Messaging API channel access token',
        names: ['line_channel', 'line_access'],
        value: '[A-Za-z0-9+/]{171,172}={0,1}',
        entropy: 4.5,
        example: (g) => g.b64(172),
        window: { before: 20, after: 260 },
    }),
    prefixed({
        id: 'power-automate-webhook',
        provider: 'Microsoft Power Automate',
        description: 'Power Automate / Logic Apps HTTP trigger URL with its signature',
        prefixes: ['.logic.azure.com', '.powerplatform.com'],
        token: 'https://[A-Za-z0-9.-]{1,80}\\.(?:logic\\.azure|powerplatform)\\.com(?::443)?/[A-Za-z0-9/._-]{0,120}?workflows/[A-Za-z0-9]{32}/triggers/[A-Za-z0-9_-]{1,40}/paths/invoke[^\\s"\'<>]{0,200}?[?&]sig=[A-Za-z0-9_-]{43}',
        example: (g) => 'https://prod-27.westeurope.logic.azure.com:443/workflows/' +
            g.hex(32) +
            '/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=' +
            g.b64url(43),
    }),
    prefixed({
        id: 'twitch-stream-key',
        provider: 'Twitch',
        description: 'Twitch stream key (live_)',
        prefixes: ['live_'],
        token: 'live_[0-9]{6,12}_[A-Za-z0-9]{30}',
        example: (g) => 'live_' + g.digits(9) + '_' + g.alnum(30),
    }),
];

;// CONCATENATED MODULE: ./src/core/secrets/rules/payments.ts

/** Payments, commerce and finance. */
const PAYMENT_RULES = [
    prefixed({
        id: 'stripe-secret-key',
        provider: 'Stripe',
        description: 'Stripe secret or restricted key',
        prefixes: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
        // Stripe's security team (quoted in GitLab's secret-detection issue 458019): live keys are
        // `(sk|rk)_live_` + alphanumerics, "longer key lengths" up to 128.
        token: '[sr]k_(?:live|test)_[A-Za-z0-9]{24,128}',
        validate: (s) => !/^sk_(?:live|test)_[a-f0-9]{40}$/.test(s) /* Paystack's shape */,
        example: (g) => 'sk_live_' + g.alnum(99),
    }),
    prefixed({
        id: 'stripe-webhook-secret',
        provider: 'Stripe',
        description: 'Stripe webhook signing secret',
        prefixes: ['whsec_'],
        token: 'whsec_[A-Za-z0-9]{32,64}',
        example: (g) => 'whsec_' + g.alnum(32),
    }),
    prefixed({
        id: 'square-access-token',
        provider: 'Square',
        description: 'Square access token',
        prefixes: ['eaaa', 'sq0atp-'],
        token: '(?:EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})',
        example: (g) => 'EAAA' + g.b64url(60),
    }),
    prefixed({
        id: 'square-oauth-secret',
        provider: 'Square',
        description: 'Square OAuth application secret',
        prefixes: ['sq0csp-'],
        token: 'sq0csp-[A-Za-z0-9_-]{43}',
        example: (g) => 'sq0csp-' + g.b64url(43),
    }),
    prefixed({
        id: 'braintree-access-token',
        provider: 'PayPal Braintree',
        description: 'PayPal / Braintree access token',
        prefixes: ['access_token$'],
        token: 'access_token\\$(?:production|sandbox)\\$[a-z0-9]{16}\\$[a-f0-9]{32}',
        example: (g) => 'access_token$production$' + g.lower(16) + '$' + g.hex(32),
    }),
    named({
        id: 'paypal-client-secret',
        provider: 'PayPal',
        description: 'PayPal REST client secret',
        names: ['paypal'],
        value: 'E[A-Za-z0-9_-]{79}',
        entropy: 4,
        example: (g) => 'E' + g.b64url(79),
    }),
    prefixed({
        id: 'adyen-api-key',
        provider: 'Adyen',
        description: 'Adyen API key',
        prefixes: ['aqe'],
        token: 'AQE[a-z][A-Za-z0-9]{3}[A-Za-z0-9+/=_.~-]{90,300}',
        entropy: 4,
        example: (g) => 'AQEyhmfx' + g.b64url(120),
        window: { before: 20, after: 340 },
    }),
    prefixed({
        id: 'shopify-token',
        provider: 'Shopify',
        description: 'Shopify access token or shared secret',
        prefixes: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
        // Shopify's changelog: a static prefix on a 32-character value (38 in all); hex in practice, but
        // the documentation promises only the length.
        token: 'shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32}',
        entropy: 3.2,
        example: (g) => ['shpat_' + g.hex(32), 'shpss_' + g.alnum(32)],
    }),
    prefixed({
        id: 'razorpay-key',
        provider: 'Razorpay',
        description: 'Razorpay key id',
        prefixes: ['rzp_live_', 'rzp_test_'],
        token: 'rzp_(?:live|test)_[A-Za-z0-9]{14}',
        example: (g) => 'rzp_live_' + g.alnum(14),
    }),
    prefixed({
        id: 'paystack-secret-key',
        provider: 'Paystack',
        description: 'Paystack secret key',
        prefixes: ['sk_live_', 'sk_test_'],
        token: 'sk_(?:live|test)_[a-f0-9]{40}',
        example: (g) => 'sk_test_' + g.hex(40),
    }),
    prefixed({
        id: 'flutterwave-key',
        provider: 'Flutterwave',
        description: 'Flutterwave secret or encryption key',
        prefixes: ['flwseck', 'flwpubk'],
        token: 'FLW(?:SECK|PUBK)(?:_TEST)?-[a-hA-H0-9]{32}-X',
        example: (g) => 'FLWSECK_TEST-' + g.hex(32) + '-X',
    }),
    named({
        id: 'mollie-api-key',
        provider: 'Mollie',
        description: 'Mollie API key',
        names: ['mollie'],
        value: '(?:live|test)_[A-Za-z0-9]{30}',
        example: (g) => 'live_' + g.alnum(30),
    }),
    named({
        id: 'gocardless-token',
        provider: 'GoCardless',
        description: 'GoCardless access token',
        names: ['gocardless'],
        value: '(?:live|sandbox)_[A-Za-z0-9_=-]{40}',
        example: (g) => 'live_' + g.b64url(40),
    }),
    prefixed({
        id: 'plaid-access-token',
        provider: 'Plaid',
        description: 'Plaid access token',
        prefixes: ['access-production-', 'access-sandbox-', 'access-development-'],
        token: 'access-(?:production|sandbox|development)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => 'access-production-' + g.uuid(),
    }),
    named({
        id: 'plaid-secret',
        provider: 'Plaid',
        description: 'Plaid client secret',
        names: ['plaid'],
        value: '[a-f0-9]{30}',
        example: (g) => g.hex(30),
    }),
    prefixed({
        id: 'easypost-api-key',
        provider: 'EasyPost',
        description: 'EasyPost API key',
        prefixes: ['ezak', 'eztk'],
        token: 'EZ[AT]K[a-zA-Z0-9]{54}',
        example: (g) => 'EZAK' + g.alnum(54),
    }),
    prefixed({
        id: 'shippo-token',
        provider: 'Shippo',
        description: 'Shippo API token',
        prefixes: ['shippo_live_', 'shippo_test_'],
        token: 'shippo_(?:live|test)_[a-f0-9]{40}',
        example: (g) => 'shippo_live_' + g.hex(40),
    }),
    prefixed({
        id: 'duffel-token',
        provider: 'Duffel',
        description: 'Duffel API token',
        prefixes: ['duffel_live_', 'duffel_test_'],
        token: 'duffel_(?:live|test)_[A-Za-z0-9_=-]{43}',
        example: (g) => 'duffel_live_' + g.b64url(43),
    }),
    named({
        id: 'lob-api-key',
        provider: 'Lob',
        description: 'Lob API key',
        names: ['lob_api', 'lob_key', 'lob_secret'],
        value: '(?:live|test)_[a-f0-9]{35}',
        example: (g) => 'live_' + g.hex(35),
    }),
    named({
        id: 'wise-api-token',
        provider: 'Wise',
        description: 'Wise (TransferWise) API token',
        names: ['transferwise', 'wise_api'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    named({
        id: 'authorize-net-key',
        provider: 'Authorize.net',
        description: 'Authorize.net transaction key',
        names: ['authorize_net', 'authorizenet', 'transaction_key'],
        value: '[A-Za-z0-9]{16}',
        entropy: 3,
        example: (g) => g.alnum(16),
    }),
    named({
        id: 'coinbase-api-secret',
        provider: 'Coinbase',
        description: 'Coinbase API secret',
        names: ['coinbase'],
        value: '[A-Za-z0-9]{32}',
        entropy: 4,
        example: (g) => g.alnum(32),
    }),
    named({
        id: 'kraken-api-key',
        provider: 'Kraken',
        description: 'Kraken API private key',
        names: ['kraken'],
        value: '[A-Za-z0-9+/]{80,90}={0,2}',
        entropy: 4.5,
        example: (g) => g.b64(86) + '==',
    }),
    named({
        id: 'binance-api-secret',
        provider: 'Binance',
        description: 'Binance API secret',
        names: ['binance'],
        value: '[A-Za-z0-9]{64}',
        entropy: 4.5,
        example: (g) => g.alnum(64),
    }),
    named({
        id: 'alchemy-api-key',
        provider: 'Alchemy',
        description: 'Alchemy API key',
        names: ['alchemy'],
        value: '[A-Za-z0-9_-]{32}',
        entropy: 4,
        example: (g) => g.b64url(32),
    }),
    named({
        id: 'infura-api-key',
        provider: 'Infura',
        description: 'Infura project secret',
        names: ['infura'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'etherscan-api-key',
        provider: 'Etherscan',
        description: 'Etherscan API key',
        names: ['etherscan'],
        value: '[A-Z0-9]{34}',
        entropy: 4,
        example: (g) => g.upper(34),
    }),
    named({
        id: 'checkout-secret-key',
        provider: 'Checkout.com',
        description: 'Checkout.com secret key',
        names: ['checkout_secret', 'cko_secret'],
        value: 'sk_(?:sbox_)?[a-z0-9]{26}',
        example: (g) => 'sk_sbox_' + g.lower(26),
    }),
    prefixed({
        id: 'stripe-payment-intent-secret',
        provider: 'Stripe',
        description: 'Stripe PaymentIntent / SetupIntent client secret',
        severity: 'warning',
        prefixes: ['_secret_'],
        token: '(?:pi|seti)_[A-Za-z0-9]{24}_secret_[A-Za-z0-9]{25}',
        example: (g) => 'pi_' + g.alnum(24) + '_secret_' + g.alnum(25),
    }),
];

;// CONCATENATED MODULE: ./src/core/secrets/rules/registries.ts


/** Package and container registries. */
const REGISTRY_RULES = [
    prefixed({
        id: 'npm-token',
        provider: 'npm',
        description: 'npm access token (CRC32-checked)',
        prefixes: ['npm_'],
        token: 'npm_[A-Za-z0-9]{36}',
        validate: hasValidBase62Checksum,
        example: (g) => withBase62Checksum('npm_', g.alnum(30)),
        negative: ['npm_R8fJk2LmQ9vXw3ZpT6yBn4HcD7sE1aGu5Kio'],
    }),
    named({
        id: 'npmrc-auth-token',
        provider: 'npm',
        description: 'Registry auth token in .npmrc',
        names: ['_authtoken'],
        value: '[A-Za-z0-9+/=_.-]{20,200}',
        // `_authToken=` names the value precisely; legacy npm tokens are UUIDs (about 3.2-3.9 bits/char).
        entropy: 3.0,
        example: (g) => g.b64url(36),
    }),
    prefixed({
        id: 'pypi-token',
        provider: 'PyPI',
        description: 'PyPI or TestPyPI upload token',
        prefixes: ['pypi-age'],
        // A macaroon: after the location (`pypi.org`, in the prefix) it carries an identifier and a 32-byte
        // signature, so a real token has well over 70 base64 characters after the prefix.
        token: 'pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{70,300}',
        example: (g) => 'pypi-AgEIcHlwaS5vcmc' + g.b64url(70),
        window: { before: 20, after: 340 },
    }),
    prefixed({
        id: 'rubygems-api-key',
        provider: 'RubyGems',
        description: 'RubyGems API key',
        prefixes: ['rubygems_'],
        token: 'rubygems_[a-f0-9]{48}',
        example: (g) => 'rubygems_' + g.hex(48),
    }),
    prefixed({
        id: 'nuget-api-key',
        provider: 'NuGet',
        description: 'NuGet API key',
        prefixes: ['oy2'],
        token: 'oy2[a-z0-9]{43}',
        entropy: 3.8,
        example: (g) => 'oy2' + g.lower(43),
    }),
    prefixed({
        id: 'docker-hub-token',
        provider: 'Docker Hub',
        description: 'Docker Hub personal or organization access token',
        prefixes: ['dckr_pat_', 'dckr_oat_'],
        token: 'dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32}',
        example: (g) => 'dckr_pat_' + g.b64url(27),
    }),
    prefixed({
        id: 'docker-config-auth',
        provider: 'Docker',
        description: 'Registry credentials in a Docker config.json',
        prefixes: ['"auth"'],
        token: '"auths?"\\s{0,3}:\\s{0,3}"[A-Za-z0-9+/]{16,300}={0,2}"',
        validate: (_s, m) => /:/.test(Buffer.from(m.replace(/^.*:\s*"|"$/g, ''), 'base64').toString('latin1')),
        example: (g) => '"auth": "' + Buffer.from(`ci-bot:${g.alnum(20)}`).toString('base64') + '"',
    }),
    prefixed({
        id: 'jfrog-api-key',
        provider: 'JFrog',
        description: 'JFrog Artifactory API key or reference token',
        prefixes: ['akcp', 'cmvmdgtuojax'],
        token: '(?:AKCp[A-Za-z0-9]{69}|cmVmdGtuOjAxOj[A-Za-z0-9]{50,70})',
        example: (g) => 'AKCp' + g.alnum(69),
    }),
    prefixed({
        id: 'crates-io-token',
        provider: 'crates.io',
        description: 'crates.io API token',
        prefixes: ['cio'],
        token: 'cio[A-Za-z0-9]{32}',
        entropy: 4,
        example: (g) => 'cio' + g.alnum(32),
    }),
    prefixed({
        id: 'clojars-token',
        provider: 'Clojars',
        description: 'Clojars deploy token',
        prefixes: ['clojars_'],
        token: 'CLOJARS_[a-z0-9]{60}',
        example: (g) => 'CLOJARS_' + g.lower(60),
    }),
    named({
        id: 'packagist-token',
        provider: 'Packagist',
        description: 'Private Packagist token',
        names: ['packagist'],
        value: 'packagist_[a-z]{2,3}_[A-Za-z0-9_]{68}',
        example: (g) => 'packagist_uat_' + g.alnum(68),
    }),
    named({
        id: 'sonatype-token',
        provider: 'Sonatype',
        description: 'Sonatype / Maven Central user token',
        names: ['sonatype', 'ossrh'],
        value: '[A-Za-z0-9+/]{44}',
        entropy: 4.3,
        example: (g) => g.b64(44),
    }),
    named({
        id: 'hex-pm-key',
        provider: 'Hex',
        description: 'Hex.pm API key',
        names: ['hex_api_key', 'hexpm'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'quay-token',
        provider: 'Quay',
        description: 'Quay.io robot token',
        names: ['quay'],
        value: '[A-Z0-9]{64}',
        entropy: 4,
        example: (g) => g.upper(64),
    }),
    named({
        id: 'cloudsmith-api-key',
        provider: 'Cloudsmith',
        description: 'Cloudsmith API key',
        names: ['cloudsmith'],
        value: '[a-f0-9]{40}',
        example: (g) => g.hex(40),
    }),
];

;// CONCATENATED MODULE: ./src/core/secrets/rules/index.ts










/** The built-in rules, provider-specific first; generic rules last (they lose ties). */
const BUILTIN_RULES = [
    ...CLOUD_RULES,
    ...CODE_HOSTING_RULES,
    ...PAYMENT_RULES,
    ...MESSAGING_RULES,
    ...AI_RULES,
    ...REGISTRY_RULES,
    ...INFRA_RULES,
    ...LONG_TAIL_RULES,
    ...CONFIG_CREDENTIAL_RULES,
    ...GENERIC_RULES,
];

;// CONCATENATED MODULE: ./src/core/secrets/fingerprint.ts

const fingerprint_crypto = deferBuiltin('node:crypto');
/** sha256 of rule id and secret: no line, no path, so it survives edits and moves; never reveals the value. */
function secretFingerprint(ruleId, secret) {
    return fingerprint_crypto().createHash('sha256').update(ruleId).update('\0').update(secret).digest('hex');
}
function createBaseline(matches) {
    const seen = new Map();
    for (const m of matches)
        seen.set(secretFingerprint(m.ruleId, m.secret), m.ruleId);
    const fingerprints = [...seen]
        .map(([fingerprint, ruleId]) => ({ ruleId, fingerprint }))
        .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
    return { version: 1, fingerprints };
}
/** Parses a baseline file; throws on anything but version 1 with sha256 hex fingerprints. */
function parseBaseline(json) {
    const data = JSON.parse(json);
    if (!data || data.version !== 1 || !Array.isArray(data.fingerprints)) {
        throw new Error('baseline: expected {"version": 1, "fingerprints": [...]}');
    }
    const out = new Set();
    for (const entry of data.fingerprints) {
        const fp = entry?.fingerprint;
        if (typeof fp !== 'string' || !/^[a-f0-9]{64}$/.test(fp))
            throw new Error('baseline: each fingerprint must be 64 hex characters');
        out.add(fp);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/secrets/scan.ts




const DEFAULT_WINDOW = { before: 80, after: 320 };
const TOKEN_CHAR = /[A-Za-z0-9_\-+/=]/;
const compiledCache = new WeakMap();
function compileRules(rules) {
    const cached = compiledCache.get(rules);
    if (cached)
        return cached;
    const keywordIds = new Map();
    const rulesByKeyword = [];
    const everywhere = [];
    const regexes = rules.map((rule, index) => {
        const keywords = rule.keywords.map((k) => k.toLowerCase()).filter((k) => k.length > 0);
        if (keywords.length === 0)
            everywhere.push(index);
        for (const k of new Set(keywords)) {
            let id = keywordIds.get(k);
            if (id === undefined) {
                keywordIds.set(k, (id = rulesByKeyword.length));
                rulesByKeyword.push([]);
            }
            rulesByKeyword[id].push(index);
        }
        const flags = new Set(rule.pattern.flags.split(''));
        flags.add('g');
        // Match indices are only needed when the secret is a capture group.
        if ((rule.secretGroup ?? 0) !== 0)
            flags.add('d');
        flags.delete('y');
        return new RegExp(rule.pattern.source, [...flags].join(''));
    });
    const literals = [...keywordIds.keys()];
    const matcher = literals.length === 0
        ? undefined
        : literals.every((k) => [...k].every((ch) => ch.charCodeAt(0) < 128))
            ? lazyAutomaton(literals)
            : buildRegexMatcher(literals);
    const compiled = {
        rules,
        regexes,
        matcher,
        rulesByKeyword,
        keywordLengths: literals.map((k) => k.length),
        namesProvider: Uint8Array.from(rulesByKeyword, (rs) => (rs.some((r) => rules[r].specificity === 2) ? 1 : 0)),
        everywhere,
    };
    compiledCache.set(rules, compiled);
    return compiled;
}
/** Text scanned without the automaton, in total, before building it pays off (characters). */
const PROBE_BUDGET = 32_768;
/**
 * The automaton costs more to build than a few short texts cost to search keyword by keyword, and a
 * process that scans one prompt (a Codex hook) never needs it: short texts are searched with `indexOf` until
 * {@link PROBE_BUDGET} characters have been, then the automaton is built once for the rest.
 */
function lazyAutomaton(keywords) {
    let automaton;
    let probed = 0;
    return (text, hit) => {
        if (automaton === undefined && probed + text.length <= PROBE_BUDGET) {
            probed += text.length;
            probeKeywords(keywords, text, hit);
            return;
        }
        automaton ??= buildAutomaton(keywords);
        automaton(text, hit);
    };
}
/**
 * Every occurrence of every keyword, ASCII case folded, reported in the automaton's order: by end, and
 * at the same end the longer keyword first.
 */
function probeKeywords(keywords, text, hit) {
    const folded = text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
    const hits = [];
    keywords.forEach((k, id) => {
        for (let at = folded.indexOf(k); at !== -1; at = folded.indexOf(k, at + 1))
            hits.push([at + k.length, k.length, id]);
    });
    hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    for (const [end, length, id] of hits)
        hit(id, end - length);
}
/**
 * Aho-Corasick over ASCII keywords as a dense DFA: one table lookup per character of the text, no
 * backtracking, every (overlapping) occurrence reported. Upper-case ASCII letters fold to lower case;
 * any other character outside the keywords' alphabet is one shared class.
 */
function buildAutomaton(keywords) {
    const classOf = new Uint8Array(128);
    let classes = 1;
    for (const k of keywords)
        for (let i = 0; i < k.length; i++) {
            const c = k.charCodeAt(i);
            if (classOf[c] === 0)
                classOf[c] = classes++;
        }
    for (let c = 65; c <= 90; c++)
        classOf[c] = classOf[c + 32];
    // Trie.
    const children = [new Map()];
    const outputs = [[]];
    keywords.forEach((k, id) => {
        let s = 0;
        for (let i = 0; i < k.length; i++) {
            const cl = classOf[k.charCodeAt(i)];
            let next = children[s].get(cl);
            if (next === undefined) {
                next = children.length;
                children.push(new Map());
                outputs.push([]);
                children[s].set(cl, next);
            }
            s = next;
        }
        outputs[s].push(id);
    });
    // Breadth-first: failure links, full transition table, and outputs inherited along failure links.
    const states = children.length;
    const delta = new Int32Array(states * classes);
    const fail = new Int32Array(states);
    const queue = [];
    for (let cl = 0; cl < classes; cl++) {
        const next = children[0].get(cl);
        if (next !== undefined) {
            delta[cl] = next * classes;
            queue.push(next);
        }
    }
    for (let q = 0; q < queue.length; q++) {
        const s = queue[q];
        const f = fail[s];
        outputs[s].push(...outputs[f]);
        for (let cl = 0; cl < classes; cl++) {
            const next = children[s].get(cl);
            if (next !== undefined) {
                fail[next] = delta[f * classes + cl] / classes;
                delta[s * classes + cl] = next * classes;
                queue.push(next);
            }
            else
                delta[s * classes + cl] = delta[f * classes + cl];
        }
    }
    // A row that reports a keyword is stored negated, so the hot loop tests the sign of the value it loaded.
    for (let i = 0; i < delta.length; i++)
        if (outputs[delta[i] / classes].length)
            delta[i] = -delta[i];
    const lengths = keywords.map((k) => k.length);
    return (text, hit) => {
        let row = 0;
        for (let i = 0, n = text.length; i < n; i++) {
            const c = text.charCodeAt(i);
            row = delta[row + (c < 128 ? classOf[c] : 0)];
            if (row < 0) {
                row = -row;
                for (const id of outputs[row / classes])
                    hit(id, i + 1 - lengths[id]);
            }
        }
    };
}
/** Fallback for keywords outside ASCII: one alternation, case-insensitive, non-overlapping hits. */
function buildRegexMatcher(keywords) {
    const order = keywords.map((k, id) => ({ k, id })).sort((a, b) => b.k.length - a.k.length);
    const ids = new Map(order.map(({ k, id }) => [k, id]));
    const re = new RegExp(order.map(({ k }) => escapeRegExp(k)).join('|'), 'gi');
    return (text, hit) => {
        re.lastIndex = 0;
        let m;
        while ((m = re.exec(text)) !== null) {
            const id = ids.get(m[0].toLowerCase());
            if (id !== undefined)
                hit(id, m.index);
        }
    };
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const combinedCache = new WeakMap();
function selectRules(options) {
    const base = options.rules ?? BUILTIN_RULES;
    const extra = options.extraRules;
    if (!extra || extra.length === 0)
        return base;
    // Keep the combined array stable so its compiled form is cached across calls.
    let inner = combinedCache.get(base);
    if (!inner)
        combinedCache.set(base, (inner = new WeakMap()));
    let combined = inner.get(extra);
    if (!combined)
        inner.set(extra, (combined = [...base, ...extra]));
    return combined;
}
/**
 * Finds secrets in added lines. Lines are joined with `\n` so multi-line secrets (PEM blocks) are seen
 * whole, and offsets are mapped back to the caller's (possibly non-contiguous) line numbers.
 *
 * One pass of a keyword automaton finds where each rule could match; a rule's own regex then runs
 * only in a window around those hits, so the cost is one linear pass plus work near keywords.
 */
function scanSecrets(lines, options = {}) {
    return scanJoinedLines(lines.map((l) => l.text).join('\n'), (i) => lines[i].line, options);
}
/**
 * Scans lines already joined with `\n` (a parsed patch's `addedText`); the i-th of them is the caller's
 * line `lineNumber(i)`. Nothing is allocated per line unless something is found.
 */
function scanJoinedLines(text, lineNumber, options = {}) {
    if (text.length === 0)
        return [];
    return scanJoined(text, options, lineNumber);
}
/** Scans every line of `text`, numbered from 1 (endpoint responses, `codex-hooks scan`). */
function scanText(text, options = {}) {
    // With CRLF the lines (without `\r`) are joined with `\n`, as `scanSecrets` sees them.
    return scanJoinedLines(text.includes('\r') ? text.split(/\r?\n/).join('\n') : text, (i) => i + 1, options);
}
/** Scans `text` (lines joined with `\n`); line positions are computed only when something is found. */
function scanJoined(text, options, lineNumber) {
    const compiled = compileRules(selectRules(options));
    const windows = findWindows(text, compiled);
    const candidates = [];
    const budget = options.userRuleBudget;
    let holes;
    for (const [ruleIndex, spans] of windows) {
        const rule = compiled.rules[ruleIndex];
        const re = compiled.regexes[ruleIndex];
        if (budget && rule.userPattern) {
            holes ??= longLines(text, budget.maxLineLength);
            collectWithinBudget(text, spans, holes, { rule, ruleIndex, re }, budget, candidates);
            continue;
        }
        for (let i = 0; i < spans.length; i += 2) {
            collect(text, spans[i], spans[i + 1], rule, ruleIndex, re, candidates);
        }
    }
    if (candidates.length === 0)
        return [];
    const lineStarts = [0];
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
        lineStarts.push(at + 1);
    const lineText = (i) => text.slice(lineStarts[i], i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length);
    const allow = (options.allow ?? []).map((a) => new RegExp(a));
    const matches = [];
    for (const c of pickMostSpecific(candidates, compiled.rules)) {
        const rule = compiled.rules[c.rule];
        const startIndex = indexOfLine(lineStarts, c.start);
        const inlineAllowed = isSuppressedLine(lineText(startIndex));
        if (inlineAllowed && options.keepInlineAllowed !== true)
            continue;
        if (allow.some((a) => a.test(c.secret)))
            continue;
        const fingerprint = secretFingerprint(rule.id, c.secret);
        if (options.baseline?.has(fingerprint))
            continue;
        const endIndex = indexOfLine(lineStarts, Math.max(c.start, c.end - 1));
        matches.push({
            ruleId: rule.id,
            description: rule.description,
            severity: rule.severity ?? 'error',
            line: lineNumber(startIndex),
            endLine: lineNumber(endIndex),
            column: c.start - lineStarts[startIndex] + 1,
            offset: c.start,
            secret: c.secret,
            fingerprint,
            ...(inlineAllowed ? { inlineAllowed: true } : {}),
        });
    }
    return matches.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1));
}
/**
 * Per rule, merged [start, end) spans (flat pairs) around keyword hits. A generic rule (specificity 1)
 * ignores a hit inside a key that names a provider (`token` in `RAILWAY_TOKEN`, a keyword of a
 * specificity-2 rule): that provider's rule knows the value's format and judges it.
 */
function findWindows(text, compiled) {
    const windows = new Map();
    if (compiled.everywhere.length > 0) {
        const spans = lineSpans(text, MAX_LINE_FOR_EVERYWHERE);
        for (const r of compiled.everywhere)
            windows.set(r, spans);
    }
    if (!compiled.matcher)
        return windows;
    const { rules, rulesByKeyword, keywordLengths, namesProvider } = compiled;
    const hitKeywords = [];
    const hitStarts = [];
    // Ends of hits of provider-naming keywords (in increasing order) and their starts.
    const namedEnds = [];
    const namedStarts = [];
    compiled.matcher(text, (keyword, hit) => {
        hitKeywords.push(keyword);
        hitStarts.push(hit);
        if (namesProvider[keyword] === 1) {
            namedEnds.push(hit + keywordLengths[keyword]);
            namedStarts.push(hit);
        }
    });
    let named = 0;
    for (let h = 0; h < hitKeywords.length; h++) {
        const keyword = hitKeywords[h];
        const hit = hitStarts[h];
        const hitEnd = hit + keywordLengths[keyword];
        while (named < namedEnds.length && namedEnds[named] < hitEnd)
            named++;
        // The key names a provider when a provider-naming keyword contains this hit, overlaps its start, or
        // starts the same key just before it (`RAILWAY_TOKEN`, `MONDAY_API_KEY`, `DATADOG_APP_KEY`).
        let insideName = false;
        for (let j = named - 1; j >= 0 && namedEnds[j] >= hit - 32; j--) {
            const end = namedEnds[j];
            if (namedStarts[j] <= hit && (end > hit || isKeyRun(text, end, hit))) {
                insideName = true;
                break;
            }
        }
        for (let j = named; j < namedEnds.length && namedEnds[j] - hitEnd < 64; j++) {
            if (namedStarts[j] <= hit && (namedStarts[j] !== hit || namedEnds[j] !== hitEnd)) {
                insideName = true;
                break;
            }
        }
        for (const r of rulesByKeyword[keyword]) {
            const rule = rules[r];
            if (insideName && (rule.specificity ?? 3) === 1)
                continue;
            const w = rule.window ?? DEFAULT_WINDOW;
            const start = Math.max(0, hit - w.before);
            const end = Math.min(text.length, hitEnd + w.after);
            let spans = windows.get(r);
            if (!spans)
                windows.set(r, (spans = []));
            // Hits arrive in order of their end; a window either extends or overlaps the last one, or starts after it.
            const last = spans.length - 1;
            if (last > 0 && spans[last] >= start) {
                if (end > spans[last])
                    spans[last] = end;
                if (start < spans[last - 1])
                    spans[last - 1] = start;
            }
            else
                spans.push(start, end);
        }
    }
    return windows;
}
/**
 * A rule without keywords (a custom rule may omit them) runs on each line, and on at most this many characters
 * of it: a user's pattern is never run over a whole file or an unbounded line.
 */
const MAX_LINE_FOR_EVERYWHERE = 4096;
/** [start, end) of each line, each cut to `max` characters, as flat pairs. */
function lineSpans(text, max) {
    const spans = [];
    let start = 0;
    while (start <= text.length) {
        let end = text.indexOf('\n', start);
        if (end === -1)
            end = text.length;
        if (end > start)
            spans.push(start, Math.min(end, start + max));
        start = end + 1;
    }
    return spans;
}
/**
 * Runs a config rule over its spans except the lines longer than the cap (`holes`), until it has run for its budget
 * in this run. A regex cannot be interrupted: the clock is read between spans, so one span may overrun.
 */
function collectWithinBudget(text, spans, holes, target, budget, out) {
    const { rule, ruleIndex, re } = target;
    if (budget.exhausted.has(rule.id))
        return;
    const { pieces, skipped } = cutOut(spans, holes);
    if (skipped > 0)
        budget.longLines.set(rule.id, (budget.longLines.get(rule.id) ?? 0) + skipped);
    for (let i = 0; i < pieces.length; i += 2) {
        const spent = budget.spent.get(rule.id) ?? 0;
        if (spent > budget.ms) {
            budget.exhausted.add(rule.id);
            return;
        }
        const started = budget.now();
        collect(text, pieces[i], pieces[i + 1], rule, ruleIndex, re, out);
        budget.spent.set(rule.id, spent + (budget.now() - started));
    }
}
/**
 * The lines of `text` longer than `max` characters, as flat [start, end) pairs that take in the newline on each side:
 * the text around a hole then ends (or starts) at a line break, as a line does.
 */
function longLines(text, max) {
    const holes = [];
    for (let start = 0; start <= text.length;) {
        let end = text.indexOf('\n', start);
        if (end === -1)
            end = text.length;
        if (end - start > max)
            holes.push(Math.max(0, start - 1), Math.min(text.length, end + 1));
        start = end + 1;
    }
    return holes;
}
/** `spans` (flat pairs) without the `holes` (sorted flat pairs), and how many holes they reached into. */
function cutOut(spans, holes) {
    if (holes.length === 0)
        return { pieces: spans, skipped: 0 };
    const pieces = [];
    const reached = new Set();
    for (let i = 0; i < spans.length; i += 2) {
        let start = spans[i];
        const end = spans[i + 1];
        for (let h = firstHoleEndingAfter(holes, start); h < holes.length && holes[h] < end; h += 2) {
            reached.add(h);
            if (holes[h] > start)
                pieces.push(start, holes[h]);
            start = Math.max(start, holes[h + 1]);
        }
        if (start < end)
            pieces.push(start, end);
    }
    return { pieces, skipped: reached.size };
}
/** The index (even) of the first hole whose end is past `offset`; `holes.length` when none is. */
function firstHoleEndingAfter(holes, offset) {
    let lo = 0;
    let hi = holes.length / 2;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (holes[mid * 2 + 1] <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo * 2;
}
/** `text[from, to)` is made of identifier characters: one key (`_API_`, `.`, `-`). */
function isKeyRun(text, from, to) {
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
        if (!ok)
            return false;
    }
    return true;
}
function collect(text, from, to, rule, ruleIndex, re, out) {
    const slice = from === 0 && to === text.length ? text : text.slice(from, to);
    const group = rule.secretGroup ?? 0;
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(slice)) !== null) {
        if (m[0].length === 0) {
            re.lastIndex++;
            continue;
        }
        // A match cut by the window's edge may be part of a longer string: not this format.
        const matchEnd = from + m.index + m[0].length;
        if (matchEnd === to && to < text.length && TOKEN_CHAR.test(text[to]))
            continue;
        if (m.index === 0 && from > 0 && TOKEN_CHAR.test(text[from - 1]) && TOKEN_CHAR.test(m[0][0]))
            continue;
        const secret = m[group];
        if (secret === undefined)
            continue;
        const at = group === 0 ? m.index : m.indices?.[group]?.[0];
        if (at === undefined)
            continue;
        if (!isLikelySecret(rule, secret, m[0]))
            continue;
        out.push({ rule: ruleIndex, start: from + at, end: from + at + secret.length, secret });
    }
}
function isLikelySecret(rule, secret, match) {
    if (rule.placeholderFilter !== false && isPlaceholder(secret))
        return false;
    if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy)
        return false;
    if (rule.validate && !rule.validate(secret, match))
        return false;
    return true;
}
/** Overlapping candidates are one secret: keep the most specific rule, then the longest value. */
function pickMostSpecific(candidates, rules) {
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    const out = [];
    let best;
    let clusterEnd = -1;
    const better = (a, b) => {
        const sa = rules[a.rule].specificity ?? 3;
        const sb = rules[b.rule].specificity ?? 3;
        if (sa !== sb)
            return sa > sb;
        if (a.end - a.start !== b.end - b.start)
            return a.end - a.start > b.end - b.start;
        return a.rule < b.rule;
    };
    for (const c of candidates) {
        if (best && c.start < clusterEnd) {
            if (better(c, best))
                best = c;
            clusterEnd = Math.max(clusterEnd, c.end);
            continue;
        }
        if (best)
            out.push(best);
        best = c;
        clusterEnd = c.end;
    }
    if (best)
        out.push(best);
    return out;
}
/** The index of the last of the sorted line `starts` at or before `offset`: the line that holds it. */
function indexOfLine(starts, offset) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

;// CONCATENATED MODULE: ./src/core/secrets/hint.ts
/**
 * The only way a secret is ever shown: a fixed-width hint that is never enough to use.
 * Four characters for normal secrets (a provider prefix such as `AKIA` or `ghp_`); shorter secrets
 * get fewer, so the hint is always well under half of the value.
 */
function secretHint(secret) {
    // A key block's header is public and says what kind of key it is; the body is never shown.
    const pem = /^-----BEGIN [A-Z0-9 ]{1,40}-----/.exec(secret);
    if (pem)
        return `${pem[0]}\u2026`;
    const shown = secret.length >= 12 ? 4 : secret.length >= 8 ? 2 : secret.length >= 4 ? 1 : 0;
    return `${secret.slice(0, shown)}\u2026`;
}

// EXTERNAL MODULE: ./src/core/validators/regex-guard.ts
var regex_guard = __webpack_require__(7432);
;// CONCATENATED MODULE: ./src/core/secrets/custom.ts

/** A custom rule the config got wrong; the caller reports it as a configuration error. */
class InvalidSecretRuleError extends Error {
    name = 'InvalidSecretRuleError';
}
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/**
 * Turns the config's custom rules into SecretRules. A pattern that does not compile, or whose shape can
 * backtrack catastrophically, is an InvalidSecretRuleError naming the rule; the loader adds file and line.
 * A leading `(?i)` (gitleaks style) becomes the `i` flag.
 */
function compileCustomRules(configs) {
    return configs.map((config) => {
        if (!ID.test(config.id)) {
            throw new InvalidSecretRuleError(`secret rule id '${config.id}' must be kebab-case (a-z, 0-9, -)`);
        }
        let source = config.pattern;
        let flags = '';
        if (source.startsWith('(?i)')) {
            source = source.slice(4);
            flags = 'i';
        }
        let pattern;
        try {
            pattern = new RegExp(source, flags);
        }
        catch (error) {
            throw new InvalidSecretRuleError(`secret rule '${config.id}': pattern does not compile (${error instanceof Error ? error.message : String(error)})`);
        }
        const risk = (0,regex_guard/* checkUserRegex */.Hm)(source, flags);
        if (risk)
            throw new InvalidSecretRuleError(`secret rule '${config.id}': pattern refused: ${risk.reason}`);
        const keywords = (config.keywords ?? []).map((k) => k.toLowerCase());
        // With keywords the regex only sees a window; let the secret reach well past the keyword.
        const secretGroup = new RegExp(`${source}|`).exec('').length > 1 ? 1 : 0;
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
            userPattern: true,
        };
    });
}

;// CONCATENATED MODULE: ./src/core/validators/pattern-limits.ts
/** The default time budget of one user pattern over one run (milliseconds). */
const PATTERN_BUDGET_MS = 10_000;
function describePatternLimit(limit) {
    const who = limit.subject.type === 'secret-rule' ? `secret rule '${limit.subject.id}'` : limit.subject.id;
    if (limit.kind === 'long-lines') {
        const one = limit.lines === 1;
        if (limit.handling === 'cut') {
            return `${who}: ${limit.lines} line${one ? ' was' : 's were'} longer than ${limit.maxLength} characters and checked only in ${one ? 'its' : 'their'} first ${limit.maxLength}`;
        }
        return `${who}: ${limit.lines} line${one ? ' was' : 's were'} longer than ${limit.maxLength} characters and not scanned by this rule`;
    }
    const budget = `${limit.budgetMs / 1000}s`;
    if (limit.subject.type === 'secret-rule') {
        return `${who}: the rule used its time budget (${budget}) and stopped; the secret scan is incomplete for it`;
    }
    return `${who}: the pattern used its time budget (${budget}); ${limit.unchecked ?? 0} added lines were not checked`;
}

;// CONCATENATED MODULE: ./src/core/secrets/rule-budget.ts


function createUserRuleBudget(now, ms = PATTERN_BUDGET_MS, maxLineLength = regex_guard/* MAX_TESTED_LINE_LENGTH */.rS) {
    return { now, ms, maxLineLength, spent: new Map(), longLines: new Map(), exhausted: new Set() };
}
/** What the run's custom secret rules did not see, by rule id: long lines first, then spent budgets. */
function userRuleLimits(budget) {
    const subject = (id) => ({ type: 'secret-rule', id });
    const limits = [...budget.longLines].map(([id, lines]) => ({
        kind: 'long-lines',
        subject: subject(id),
        lines,
        maxLength: budget.maxLineLength,
        handling: 'skipped',
    }));
    for (const id of budget.exhausted)
        limits.push({ kind: 'time-budget', subject: subject(id), budgetMs: budget.ms });
    return limits;
}

;// CONCATENATED MODULE: ./src/core/secrets/index.ts










// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 8 modules
var esm = __webpack_require__(1138);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/core/validators/command-output.ts


/** Parses a linter's output. Never throws: what it cannot read is counted and described in `notes`. */
function parseCommandOutput(format, output, options) {
    switch (format) {
        case 'unix':
            return parseUnix(`${output.stdout}\n${output.stderr}`, options.workspace);
        case 'json':
            return parseJsonLines(output.stdout, options);
        case 'sarif':
            return parseSarif(output.stdout, options);
        case 'exit-code':
            return { diagnostics: [], notes: [], malformed: 0 };
    }
}
const UNIX_LINE = /^(.+?):(\d+):(?:(\d+):)?\s*(.+)$/;
const ESLINT_SUFFIX = /\s*\[(Error|Warning)\/([^\]\s]+)\]$/;
const LEVEL_PREFIX = /^(error|warning|warn|note|notice|info)\s*:\s*/i;
function parseUnix(text, workspace) {
    const diagnostics = [];
    for (const raw of text.split('\n')) {
        const line = raw.replace(/\r$/, '');
        const m = UNIX_LINE.exec(line);
        if (!m)
            continue; // summaries and blank lines are normal in unix output
        let message = m[4].trim();
        let severity;
        let ruleId;
        const eslint = ESLINT_SUFFIX.exec(message);
        if (eslint) {
            severity = eslint[1] === 'Error' ? 'error' : 'warning';
            ruleId = eslint[2];
            message = message.slice(0, eslint.index);
        }
        const level = LEVEL_PREFIX.exec(message);
        if (level) {
            severity ??= toSeverity(level[1]);
            message = message.slice(level[0].length);
        }
        diagnostics.push({
            path: normalizeToolPath(m[1], workspace),
            line: Number(m[2]),
            ...(m[3] !== undefined ? { column: Number(m[3]) } : {}),
            message,
            ...(severity ? { severity } : {}),
            ...(ruleId ? { ruleId } : {}),
        });
    }
    return { diagnostics, notes: [], malformed: 0 };
}
function parseJsonLines(text, options) {
    const diagnostics = [];
    let malformed = 0;
    const trimmed = text.trim();
    let items;
    if (trimmed.startsWith('[')) {
        // A single JSON array is accepted too.
        try {
            items = JSON.parse(trimmed);
        }
        catch {
            items = [];
            malformed++;
        }
    }
    else {
        items = [];
        for (const line of trimmed.split('\n')) {
            if (line.trim() === '')
                continue;
            try {
                items.push(JSON.parse(line));
            }
            catch {
                malformed++;
            }
        }
    }
    for (const item of Array.isArray(items) ? items : []) {
        const d = readJsonDiagnostic(item, options.workspace);
        if (d)
            diagnostics.push(d);
        else
            malformed++;
    }
    const notes = malformed > 0
        ? [
            `${options.tool}: ${malformed} line${malformed === 1 ? '' : 's'} of output ${malformed === 1 ? 'was' : 'were'} not a JSON diagnostic {path, line, message} and ${malformed === 1 ? 'was' : 'were'} ignored`,
        ]
        : [];
    return { diagnostics, notes, malformed };
}
function readJsonDiagnostic(item, workspace) {
    if (typeof item !== 'object' || item === null)
        return undefined;
    const o = item;
    const path = typeof o.path === 'string' ? o.path : typeof o.file === 'string' ? o.file : undefined;
    if (path === undefined || typeof o.message !== 'string')
        return undefined;
    const line = o.line === undefined ? 0 : Number(o.line);
    if (!Number.isInteger(line) || line < 0)
        return undefined;
    const column = Number(o.column);
    const severity = typeof o.severity === 'string' ? toSeverity(o.severity) : undefined;
    const rule = typeof o.rule === 'string' ? o.rule : typeof o.ruleId === 'string' ? o.ruleId : undefined;
    return {
        path: normalizeToolPath(path, workspace),
        line,
        ...(Number.isInteger(column) && column > 0 ? { column } : {}),
        message: o.message,
        ...(severity ? { severity } : {}),
        ...(rule ? { ruleId: rule } : {}),
    };
}
function parseSarif(text, options) {
    let log;
    try {
        log = JSON.parse(text);
    }
    catch (error) {
        return {
            diagnostics: [],
            notes: [`${options.tool}: the output is not SARIF JSON (${error.message}); nothing was read from it`],
            malformed: 1,
        };
    }
    if (typeof log !== 'object' || log === null || !Array.isArray(log.runs)) {
        return {
            diagnostics: [],
            notes: [`${options.tool}: the output has no SARIF 'runs' array; nothing was read from it`],
            malformed: 1,
        };
    }
    const diagnostics = [];
    let malformed = 0;
    for (const run of log.runs) {
        const rules = run.tool?.driver?.rules ?? [];
        for (const result of run.results ?? []) {
            const rule = result.ruleIndex !== undefined ? rules[result.ruleIndex] : rules.find((r) => r.id === result.ruleId);
            const ruleId = result.ruleId ?? rule?.id;
            const physical = result.locations?.[0]?.physicalLocation;
            const artifact = physical?.artifactLocation;
            let uri = artifact?.uri ?? (artifact?.index !== undefined ? run.artifacts?.[artifact.index]?.location?.uri : undefined);
            const message = result.message?.text ?? result.message?.markdown ?? rule?.shortDescription?.text ?? ruleId;
            if (uri === undefined || message === undefined) {
                malformed++;
                continue;
            }
            const base = artifact?.uriBaseId ? run.originalUriBaseIds?.[artifact.uriBaseId]?.uri : undefined;
            if (base !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(uri))
                uri = base.replace(/\/?$/, '/') + uri;
            const level = result.level ?? rule?.defaultConfiguration?.level ?? 'warning';
            const line = physical?.region?.startLine ?? 0;
            const column = physical?.region?.startColumn;
            diagnostics.push({
                path: normalizeToolPath(uri, options.workspace),
                line,
                ...(column !== undefined ? { column } : {}),
                message,
                severity: toSeverity(level),
                ...(ruleId ? { ruleId } : {}),
            });
        }
    }
    const notes = malformed > 0
        ? [
            `${options.tool}: ${malformed} SARIF result${malformed === 1 ? '' : 's'} without a file location or message ${malformed === 1 ? 'was' : 'were'} ignored`,
        ]
        : [];
    return { diagnostics, notes, malformed };
}
function toSeverity(level) {
    const l = level.toLowerCase();
    if (l === 'error' || l === 'fatal')
        return 'error';
    if (l === 'warning' || l === 'warn')
        return 'warning';
    return 'notice';
}
/**
 * Makes a tool's path comparable with the diff's: `file://` URIs and absolute paths inside the workspace
 * become relative, `./` and backslashes go. A path outside the workspace stays absolute (and matches nothing).
 */
function normalizeToolPath(raw, workspace) {
    let p = raw.trim();
    if (/^file:/i.test(p)) {
        try {
            p = (0,external_node_url_.fileURLToPath)(p);
        }
        catch {
            p = p.replace(/^file:\/\//i, '');
        }
    }
    else if (/%[0-9a-f]{2}/i.test(p)) {
        try {
            p = decodeURIComponent(p);
        }
        catch {
            // keep it as written
        }
    }
    p = p.replace(/\\/g, '/');
    const ws = workspace.replace(/\\/g, '/').replace(/\/+$/, '');
    if (ws !== '' && p.startsWith(`${ws}/`))
        p = p.slice(ws.length + 1);
    return external_node_path_.posix.normalize(p).replace(/^\.\//, '');
}
/**
 * Places diagnostics on the diff: kept when the file is reviewed and the line is in a hunk (added or
 * context: a line GitHub can comment on) or the diagnostic is file-level; otherwise dropped and counted.
 */
function mapDiagnosticsToDiff(diagnostics, files) {
    const kept = [];
    let outsideDiff = 0;
    let notReviewed = 0;
    for (const d of diagnostics) {
        const parsed = files.get(d.path);
        if (!parsed)
            notReviewed++;
        else if (d.line <= 0)
            kept.push({ ...d, line: 0 });
        else if (parsed.commentable.right.has(d.line))
            kept.push(d);
        else
            outsideDiff++;
    }
    return { kept, outsideDiff, notReviewed };
}
/** Reads a command's output and turns it into findings on the diff; `error` when the tool itself failed. */
function toCommandFindings(input, context) {
    const { action, output } = input;
    const format = action.format ?? 'unix';
    const program = action.run.join(' ');
    if (format === 'exit-code') {
        if (output.exitCode === 0)
            return { findings: [], notes: [] };
        return {
            findings: [
                {
                    ruleId: context.ruleId,
                    category: 'validator',
                    severity: action.severity ?? 'error',
                    path: input.passed[0] ?? '',
                    line: 0,
                    message: action.message ?? `'${program}' exited with status ${output.exitCode}`,
                    anchor: `exit-code ${program}`,
                    source: context.source,
                },
            ],
            notes: [],
        };
    }
    const parsed = parseCommandOutput(format, output, { workspace: input.workspace, tool: context.ruleId });
    const notes = [...parsed.notes];
    if (parsed.diagnostics.length === 0 && output.exitCode !== 0) {
        const printed = `${output.stdout}${output.stderr}`.trim() !== '';
        return {
            findings: [],
            notes,
            error: `'${program}' exited with status ${output.exitCode} and ${printed ? `printed nothing readable as ${format}` : 'printed nothing'}`,
        };
    }
    const mapping = mapDiagnosticsToDiff(parsed.diagnostics, input.files);
    const plural = (n) => `${n} finding${n === 1 ? '' : 's'}`;
    if (mapping.outsideDiff > 0)
        notes.push(`${context.ruleId}: ${plural(mapping.outsideDiff)} outside the diff ${mapping.outsideDiff === 1 ? 'was' : 'were'} not reported`);
    if (mapping.notReviewed > 0)
        notes.push(`${context.ruleId}: ${plural(mapping.notReviewed)} on files not under review ${mapping.notReviewed === 1 ? 'was' : 'were'} not reported`);
    const findings = mapping.kept.map((d) => ({
        ruleId: d.ruleId ? `${context.ruleId}/${d.ruleId}` : context.ruleId,
        category: 'validator',
        severity: action.severity ?? d.severity ?? 'warning',
        path: d.path,
        line: d.line,
        ...(d.column !== undefined ? { column: d.column } : {}),
        message: action.message ? `${action.message}: ${d.message}` : d.message,
        anchor: `${d.message}\n${lineText(input.files.get(d.path), d.line) ?? ''}`,
        source: context.source,
    }));
    return { findings, notes };
}
function lineText(parsed, line) {
    if (!parsed || line <= 0)
        return undefined;
    for (const h of parsed.hunks)
        for (const l of h.lines)
            if (l.newLine === line && l.kind !== 'removed')
                return l.text.trim();
    return undefined;
}

// EXTERNAL MODULE: ./src/core/validators/script.ts
var script = __webpack_require__(8164);
;// CONCATENATED MODULE: ./src/core/validators/path.ts


const PRESENT = new Set(['added', 'modified', 'renamed', 'copied', 'changed']);
/** Forbidden paths, a maximum file size, and a companion file that must change too. */
function runPathValidator(action, input, context) {
    const severity = action.severity ?? 'warning';
    const present = input.files.filter((f) => PRESENT.has(f.status));
    const findings = [];
    const notes = [];
    const draft = (path, fallback, anchor) => ({
        ruleId: context.ruleId,
        category: 'path',
        severity,
        path,
        line: 0,
        message: action.message ?? fallback,
        anchor,
        source: context.source,
    });
    for (const glob of action.forbid ?? []) {
        const mm = new esm/* Minimatch */.VR(glob, { dot: true });
        for (const f of present.filter((p) => mm.match(p.path))) {
            findings.push(draft(f.path, `Changes to paths matching '${glob}' are not allowed`, `forbid ${glob}`));
        }
    }
    if (action.max_bytes !== undefined) {
        let unknown = 0;
        for (const f of present) {
            const size = input.sizes?.get(f.path);
            if (size === undefined)
                unknown++;
            else if (size > action.max_bytes) {
                findings.push(draft(f.path, `File is ${size} bytes, over the limit of ${action.max_bytes} bytes`, `max_bytes ${action.max_bytes}`));
            }
        }
        if (unknown > 0)
            notes.push(`${context.ruleId}: the size of ${unknown} file${unknown === 1 ? ' is' : 's are'} unknown; max_bytes was not checked for ${unknown === 1 ? 'it' : 'them'}`);
    }
    if (action.companion) {
        const when = new esm/* Minimatch */.VR(action.companion.when, { dot: true });
        const candidates = (input.allFiles ?? input.files).filter((f) => PRESENT.has(f.status));
        for (const f of present.filter((p) => when.match(p.path))) {
            const wanted = expandCompanion(action.companion.require, f.path);
            const mm = new esm/* Minimatch */.VR(wanted, { dot: true });
            if (candidates.some((c) => c.path !== f.path && mm.match(c.path)))
                continue;
            findings.push(draft(f.path, `${f.path} changed without a companion file matching '${wanted}'`, `companion ${action.companion.require}`));
        }
    }
    return { findings, notes };
}
/**
 * `{name}` \u2192 the base name without its last extension, `{dir}` \u2192 the directory ('' at the root). Both are
 * escaped, so a file such as `app/[id]/page.tsx` does not turn into a glob class, and braces in a path the pull
 * request chose (`src/{a,b}/{a,b}\u2026`) do not expand into thousands of patterns.
 */
function expandCompanion(template, path) {
    const dir = external_node_path_.posix.dirname(path);
    const base = external_node_path_.posix.basename(path);
    const dot = base.lastIndexOf('.');
    const name = dot > 0 ? base.slice(0, dot) : base;
    let out = template.replaceAll('{name}', escapeGlob(name));
    if (dir === '.')
        out = out.replaceAll('{dir}/', '').replaceAll('{dir}', '');
    else
        out = out.replaceAll('{dir}', escapeGlob(dir));
    return out;
}
/** minimatch's escape, plus braces: brace expansion runs before any other glob syntax. */
function escapeGlob(text) {
    return (0,esm/* escape */.ih)(text).replace(/[{}]/g, '\\$&');
}

;// CONCATENATED MODULE: ./src/core/validators/pattern.ts



/**
 * A regex over added lines. `forbid`: each matching line is a finding at the match's column. `require`: a
 * file with added lines none of which match is one file-level finding (a pure rename or deletion is not).
 * The pattern was checked at load time; each line is tested on its first {@link MAX_TESTED_LINE_LENGTH}
 * characters so one enormous line cannot stall the job.
 */
function runPatternValidator(action, targets, context, budget) {
    const regex = new RegExp(action.pattern, (action.flags ?? '').replace(/[gy]/g, ''));
    const mode = action.mode ?? 'forbid';
    const severity = action.severity ?? 'warning';
    const findings = [];
    let longLines = 0;
    let unchecked = 0;
    const deadline = budget ? budget.now() + budget.ms : Infinity;
    for (const target of targets) {
        let matched = false;
        for (const added of target.added) {
            // Checked between lines (a regex cannot be interrupted); past the budget, the rest is counted, not run.
            if (unchecked > 0 || (budget && budget.now() > deadline)) {
                unchecked++;
                continue;
            }
            let text = added.text;
            if (text.length > regex_guard/* MAX_TESTED_LINE_LENGTH */.rS) {
                longLines++;
                text = text.slice(0, regex_guard/* MAX_TESTED_LINE_LENGTH */.rS);
            }
            const m = regex.exec(text);
            if (!m)
                continue;
            matched = true;
            if (mode === 'require')
                break;
            findings.push({
                ruleId: context.ruleId,
                category: 'validator',
                severity,
                path: target.path,
                line: added.line,
                column: m.index + 1,
                message: describe(action, `Added line matches the forbidden pattern /${action.pattern}/`),
                anchor: text.trim(),
                source: context.source,
            });
        }
        if (mode === 'require' && !matched && target.added.length > 0 && unchecked === 0) {
            findings.push({
                ruleId: context.ruleId,
                category: 'validator',
                severity,
                path: target.path,
                line: 0,
                message: describe(action, `No added line matches the required pattern /${action.pattern}/`),
                anchor: `require ${action.pattern}`,
                source: context.source,
            });
        }
    }
    const subject = { type: 'pattern-hook', id: context.ruleId };
    const limits = [];
    if (longLines > 0) {
        limits.push({ kind: 'long-lines', subject, lines: longLines, maxLength: regex_guard/* MAX_TESTED_LINE_LENGTH */.rS, handling: 'cut' });
    }
    if (unchecked > 0)
        limits.push({ kind: 'time-budget', subject, budgetMs: budget.ms, unchecked });
    return { findings, notes: limits.map(describePatternLimit), limits };
}
function describe(action, fallback) {
    const message = action.message ?? fallback;
    return action.fix ? `${message} (fix: ${action.fix})` : message;
}

;// CONCATENATED MODULE: ./src/hooks/run-actions.ts







/*
 * Shared by every event: which hooks an event runs and on which files, and each action of a hook handed to
 * its validator (pattern, path, command, validator script, memory).
 */
const DEFAULT_MEMORY_BYTES = 16_000;
const DEFAULT_TIMEOUT_SECONDS = 60;
function hooksFor(config, event) {
    return config.hooks.filter((h) => h.events.includes(event));
}
function ruleIdFor(hook, index) {
    return hook.actions.length === 1 ? hook.name : `${hook.name}/${index + 1}`;
}
function describeError(error) {
    return error instanceof Error ? error.message : String(error);
}
function pathFilter(hook) {
    if (!hook.paths || hook.paths.length === 0)
        return () => true;
    const globs = hook.paths.map((g) => new esm/* Minimatch */.VR(g, { dot: true }));
    return (path) => globs.some((g) => g.match(path));
}
/** One prompt.submitted hook's actions in order; a failing action is an error of the hook, not a stop. */
async function runHookActions(hook, input) {
    const hookDrafts = [];
    const errors = [];
    let blocking = hook.block === true;
    for (const [index, action] of hook.actions.entries()) {
        const context = { ruleId: ruleIdFor(hook, index), source: hook.name };
        try {
            const out = await runAction(action, { ...input, hook, context });
            hookDrafts.push(...out.findings);
            input.notes.push(...out.notes);
            reportLimits(out.limits ?? [], input.options.ports.logger);
            if (out.error !== undefined)
                errors.push(out.error);
            if (out.blocks)
                blocking = true;
        }
        catch (error) {
            errors.push(`${action.type} action: ${describeError(error)}`);
        }
    }
    return { hookDrafts, errors, blocking };
}
const NONE = { findings: [], notes: [] };
async function runAction(action, input) {
    const { mine, context } = input;
    const present = mine.filter((f) => f.file.status !== 'removed');
    switch (action.type) {
        case 'pattern':
            return runPatternValidator(action, present.map((f) => ({ path: f.file.path, added: f.parsed.added })), context, { now: () => input.options.ports.now().getTime(), ms: PATTERN_BUDGET_MS });
        case 'path': {
            const target = (f) => ({ path: f.file.path, status: f.file.status });
            return runPathValidator(action, { files: mine.map(target), allFiles: input.all.map(target), sizes: input.sizes }, context);
        }
        case 'command':
            return runCommandAction(action, present, input);
        case 'validator':
            return runScriptValidator(action, present, input);
        case 'memory':
            return readMemory(action, input);
        case 'secret-scan':
        case 'logger':
            return NONE; // the scan ran first; loggers are written by the audit stage
    }
}
async function runCommandAction(action, present, input) {
    const paths = present.filter((f) => !f.file.binary).map((f) => f.file.path);
    if (paths.length === 0)
        return NONE;
    const refused = input.options.commandsRefused;
    if (refused !== undefined)
        return { ...NONE, error: `'${action.run.join(' ')}' was not run: ${refused}` };
    // `{files}` stands for the files, each its own argv entry; without it they are appended.
    const argv = action.run.includes('{files}')
        ? action.run.flatMap((a) => (a === '{files}' ? paths : [a]))
        : [...action.run, ...paths];
    const { ports, workspace } = input.options;
    const timeout = action.timeout ?? DEFAULT_TIMEOUT_SECONDS;
    const result = await ports.runCommand(argv, { cwd: workspace, timeoutMs: timeout * 1000 });
    const program = action.run.join(' ');
    if (result.error !== undefined)
        return { ...NONE, error: `'${program}' could not run: ${result.error}` };
    if (result.timedOut)
        return { ...NONE, error: `'${program}' timed out after ${timeout}s and was killed` };
    const notes = [];
    if (result.truncated)
        notes.push(`${input.context.ruleId}: the output was cut at the size limit; later findings may be missing`);
    if (result.exitCode === null)
        return { ...NONE, notes, error: `'${program}' was killed by a signal` };
    const out = toCommandFindings({ action, output: result, files: input.reviewed, passed: paths, workspace }, input.context);
    return {
        findings: out.findings,
        notes: [...notes, ...out.notes],
        ...(out.error !== undefined ? { error: out.error } : {}),
    };
}
/** The seed's inline script: run with the event on stdin; a failure is a finding that blocks the request. */
async function runScriptValidator(action, present, input) {
    const refused = input.options.commandsRefused;
    if (refused !== undefined)
        return { ...NONE, error: `the validator script was not run: ${refused}` };
    const event = (0,script/* promptSubmittedEvent */.sJ)(input.hook.name, present.map((f) => ({
        path: f.file.path,
        status: f.file.status,
        patch: patchOf(f.file) ?? '',
        added: f.parsed.added,
    })));
    const plan = (0,script/* planScript */.lW)(action, event);
    const timeout = action.timeout ?? DEFAULT_TIMEOUT_SECONDS;
    const result = await input.options.ports.runCommand(plan.argv, {
        cwd: input.options.workspace,
        timeoutMs: timeout * 1000,
        stdin: plan.stdin,
    });
    const program = `${plan.argv[0]} script`;
    if (result.error !== undefined)
        return { ...NONE, error: `the validator's ${program} could not run: ${result.error}` };
    if (result.timedOut)
        return { ...NONE, error: `the validator's ${program} timed out after ${timeout}s and was killed` };
    if (result.exitCode === null)
        return { ...NONE, error: `the validator's ${program} was killed by a signal` };
    const out = (0,script/* toScriptFindings */.BE)(action, result, present[0]?.file.path ?? '', input.context);
    return { ...out, blocks: out.findings.length > 0 };
}
async function readMemory(action, input) {
    const { ports } = input.options;
    const budget = action.max_bytes ?? DEFAULT_MEMORY_BYTES;
    let used = 0;
    const notes = [];
    for (const source of action.sources) {
        const content = await ports.readRepositoryFile(source);
        if (content === undefined) {
            const message = `${input.hook.name}: memory source '${source}' does not exist at the trusted ref; it was left out`;
            ports.logger.warning(message);
            notes.push(message);
            continue;
        }
        const bytes = Buffer.byteLength(content, 'utf8');
        if (used + bytes <= budget) {
            input.memory.push({ source, content });
            used += bytes;
            continue;
        }
        const room = budget - used;
        const message = `${input.hook.name}: memory source '${source}' (${bytes} bytes) ${room > 0 ? `was cut to ${room} bytes` : 'was left out'} to stay within max_bytes ${budget}`;
        ports.logger.warning(message);
        notes.push(message);
        if (room > 0) {
            input.memory.push({ source, content: truncateUtf8(content, room) });
            used = budget;
        }
    }
    return { findings: [], notes };
}
/** The longest prefix of `text` that fits in `bytes` UTF-8 bytes without splitting a character. */
function truncateUtf8(text, bytes) {
    const buf = Buffer.from(text, 'utf8').subarray(0, bytes);
    return buf.toString('utf8').replace(/\uFFFD$/, '');
}
/**
 * Each place a user pattern did not see all the text, as a note for the summary; a spent time budget (the check is
 * incomplete) is a warning in the log too, so a passing gate never hides it.
 */
function reportLimits(limits, logger) {
    for (const limit of limits)
        if (limit.kind === 'time-budget')
            logger.warning(describePatternLimit(limit));
    return limits.map(describePatternLimit);
}

;// CONCATENATED MODULE: ./src/hooks/secret-scan.ts





const secret_scan_crypto = deferBuiltin('node:crypto');
/** Name of the execution record of the built-in secret scan when no hook configures it. */
const BUILTIN_SECRET_SCAN = 'secret-scan';
/** Custom secret rules from the config, compiled by the scanner itself (patterns were checked at load time). */
function toSecretRules(configs) {
    try {
        return compileCustomRules(configs);
    }
    catch (error) {
        // The user wrote the rule: say so as a configuration error, as every other config problem.
        if (error instanceof InvalidSecretRuleError)
            throw new errors/* ConfigurationError */.j1(error.message);
        throw error;
    }
}
/** The accepted secrets of a baseline file; a missing or unreadable baseline is a warning, never a crash. */
async function readBaseline(path, ports) {
    if (path === undefined)
        return undefined;
    const text = await ports.readRepositoryFile(path);
    if (text === undefined) {
        ports.logger.warning(`secret-scan: the baseline file '${path}' does not exist; no secret is baselined`);
        return undefined;
    }
    try {
        return parseBaseline(text);
    }
    catch (error) {
        ports.logger.warning(`secret-scan: the baseline file '${path}' is not valid (${error instanceof Error ? error.message : String(error)}); no secret is baselined`);
        return undefined;
    }
}
/** The built-in scan, tuned by every `secret-scan` action of the event's hooks. */
function secretSettings(config, event) {
    const actions = [];
    for (const hook of hooksFor(config, event)) {
        for (const a of hook.actions)
            if (a.type === 'secret-scan')
                actions.push({ hook: hook.name, action: a });
    }
    const custom = actions.flatMap((a) => a.action.rules ?? []);
    return {
        enabled: !actions.some((a) => a.action.enabled === false),
        hook: actions[0]?.hook ?? BUILTIN_SECRET_SCAN,
        allow: actions.flatMap((a) => [...(a.action.allow ?? [])]),
        allowPaths: actions.flatMap((a) => (a.action.allow_paths ?? []).map((g) => new esm/* Minimatch */.VR(g, { dot: true }))),
        rules: custom.length > 0 ? [...BUILTIN_RULES, ...toSecretRules(custom)] : undefined,
        baseline: actions.find((a) => a.action.baseline !== undefined)?.action.baseline,
        inlineAllow: actions.some((a) => a.action.inline_allow === true),
    };
}
function secretDraft(path, line, match, source, where = '') {
    const hint = secretHint(match.secret);
    return {
        ruleId: match.ruleId,
        category: 'secret',
        severity: match.severity,
        path,
        line,
        endLine: line === match.line ? match.endLine : line,
        column: match.column,
        message: `${match.description} found${where} (${hint})`,
        // A hash, so the fingerprint follows the secret without carrying it.
        anchor: secret_scan_crypto().createHash('sha256').update(match.secret).digest('hex'),
        redacted: hint,
        source,
    };
}
/**
 * The built-in scan over every changed file's added lines, every file name (and old name), and the pull
 * request's title, refs and author. A secret in a name is a finding on that file (line 0); one in the pull
 * request's fields is a finding on its first changed file, saying where it is.
 */
function scanForSecrets(files, pr, scan, baseline, budget) {
    const secrets = [];
    const drafts = [];
    const options = {
        allow: scan.allow,
        ...(scan.rules ? { rules: scan.rules } : {}),
        ...(baseline ? { baseline } : {}),
        ...(budget ? { userRuleBudget: budget } : {}),
        keepInlineAllowed: true,
    };
    const add = (path, line, match, where = '', hitPath = path) => {
        // Withheld or redacted whatever the marker says: a marker never makes a secret sendable.
        secrets.push({ path: hitPath, match });
        if (match.inlineAllowed && scan.inlineAllow && where === '')
            return;
        const ignored = match.inlineAllowed && where === '' ? ' (its inline allow marker is ignored: see inline_allow)' : '';
        drafts.push(secretDraft(path, line, match, scan.hook, `${where}${ignored}`));
    };
    const inName = (text) => scanJoinedLines(text.replace(/[/\\\r\n]/g, ' '), () => 0, options);
    for (const f of files) {
        const { path, previousPath } = f.file;
        if (scan.allowPaths.some((g) => g.match(path)))
            continue;
        const { parsed } = f;
        for (const match of scanJoinedLines(parsed.addedText, (i) => parsed.addedLineNumber(i), options)) {
            add(path, match.line, match);
        }
        for (const match of inName(path))
            add(path, 0, match, ' in the file name');
        if (previousPath !== undefined) {
            for (const match of inName(previousPath))
                add(path, 0, match, " in the file's previous name");
        }
    }
    const first = files[0]?.file.path;
    if (pr && first !== undefined) {
        const fields = [
            ['title', pr.title],
            ['head branch', pr.headRef],
            ['base branch', pr.baseRef],
            ['author', pr.author],
            ['description', pr.description ?? ''],
        ];
        for (const [name, text] of fields) {
            // No file holds it: the hit withholds no file, the redactor clears the field wherever it is sent.
            for (const match of inName(text))
                add(first, 0, match, ` in the pull request's ${name}`, '');
        }
    }
    return { secrets, drafts };
}
/** The run's budget for the config's own secret rules; none when the config has none. */
function userRuleBudget(scan, ports) {
    if (!scan.rules?.some((r) => r.userPattern))
        return undefined;
    return createUserRuleBudget(() => ports.now().getTime());
}

;// CONCATENATED MODULE: ./src/hooks/prompt-submitted.ts




function reachesFailOn(drafts, failOn) {
    if (failOn === 'never')
        return false;
    return drafts.some((d) => severityRank(d.severity) <= severityRank(failOn));
}
/**
 * Runs the prompt.submitted hooks: the built-in secret scan first, then each hook in file order on the
 * files its `paths` select. A hook that fails (a command not found, a timeout) is recorded and warned
 * about; it never stops the others.
 */
async function runPromptSubmittedHooks(files, options, extra = {}) {
    const { config, ports } = options;
    const drafts = [];
    const secrets = [];
    const memory = [];
    const executions = [];
    const notes = [];
    let blockedBy;
    const executedHooks = hooksFor(config, 'hook.executed');
    const record = (execution) => {
        executions.push(execution);
        if (execution.error !== undefined)
            ports.logger.warning(`Hook '${execution.hook}' failed: ${execution.error}`);
        // hook.executed hooks only log; the audit stage writes these records to their logger actions.
        if (executedHooks.length > 0)
            ports.logger.debug(`hook.executed: ${execution.hook} (${execution.findings} findings)`);
    };
    const scanned = await scanPromptSecrets(files, config, ports, extra);
    secrets.push(...scanned.secrets);
    drafts.push(...scanned.drafts);
    notes.push(...scanned.notes);
    // Secrets do not stop the whole request: `secret-action` withholds or redacts each file that has one.
    if (scanned.execution)
        record(scanned.execution);
    else
        notes.push('The built-in secret scan is turned off (secret-scan enabled: false)');
    const reviewed = new Map(files.map((f) => [f.file.path, f.parsed]));
    const sizes = new Map();
    for (const f of files)
        if (f.size !== undefined)
            sizes.set(f.file.path, f.size);
    for (const hook of hooksFor(config, 'prompt.submitted')) {
        // A hook that only tunes the secret scan is recorded by the scan's own execution.
        if (hook.actions.every((a) => a.type === 'secret-scan'))
            continue;
        const started = ports.now().getTime();
        const inPaths = pathFilter(hook);
        const { hookDrafts, errors, blocking } = await runHookActions(hook, {
            mine: files.filter((f) => inPaths(f.file.path)),
            all: files,
            reviewed,
            sizes,
            options,
            memory,
            notes,
        });
        drafts.push(...hookDrafts);
        if (blocking && reachesFailOn(hookDrafts, options.failOn))
            blockedBy ??= hook.name;
        record({
            hook: hook.name,
            event: 'prompt.submitted',
            findings: hookDrafts.length,
            durationMs: ports.now().getTime() - started,
            ...(errors.length > 0 ? { error: errors.join('; ') } : {}),
        });
    }
    return {
        findings: createFindings(drafts),
        secrets,
        blocked: blockedBy !== undefined,
        ...(blockedBy !== undefined ? { blockedBy } : {}),
        memory,
        executions,
        notes,
    };
}
/** The built-in secret scan of prompt.submitted over every file's added lines; no execution when it is off. */
async function scanPromptSecrets(files, config, ports, extra) {
    const scan = secretSettings(config, 'prompt.submitted');
    if (!scan.enabled)
        return { secrets: [], drafts: [], notes: [] };
    const baseline = await readBaseline(scan.baseline, ports);
    const started = ports.now().getTime();
    const budget = userRuleBudget(scan, ports);
    const found = scanForSecrets([...files, ...(extra.scanOnly ?? [])], extra.pullRequest, scan, baseline, budget);
    const execution = {
        hook: scan.hook,
        event: 'prompt.submitted',
        findings: found.drafts.length,
        durationMs: ports.now().getTime() - started,
    };
    return { ...found, execution, notes: reportLimits(budget ? userRuleLimits(budget) : [], ports.logger) };
}

;// CONCATENATED MODULE: ./src/hooks/response-generated.ts





/**
 * Runs the response.generated hooks on the endpoint's comments: the built-in secret scan over bodies and
 * suggestions, then pattern actions over the same text. Findings sit at the comment's path and line.
 */
async function runResponseGeneratedHooks(comments, options) {
    const { config, ports } = options;
    const drafts = [];
    const secrets = [];
    const executions = [];
    const notes = [];
    scanCommentsForSecrets(comments, options, { drafts, secrets, executions, notes });
    for (const hook of hooksFor(config, 'response.generated')) {
        if (!hook.actions.some((a) => a.type === 'pattern'))
            continue; // nothing of its own to run on comments
        const started = ports.now().getTime();
        const inPaths = pathFilter(hook);
        let count = 0;
        const errors = [];
        for (const [index, action] of hook.actions.entries()) {
            if (action.type !== 'pattern')
                continue;
            if ((action.mode ?? 'forbid') === 'require') {
                notes.push(`${hook.name}: a require pattern does not apply to the endpoint's comments and was skipped`);
                continue;
            }
            try {
                const context = { ruleId: ruleIdFor(hook, index), source: hook.name };
                comments.forEach((c) => {
                    if (!inPaths(c.path))
                        return;
                    const out = runPatternValidator(action, [{ path: c.path, added: textOf(c) }], context);
                    notes.push(...out.notes);
                    for (const d of out.findings) {
                        // The finding belongs at the comment's line; the anchor keeps the matched comment text.
                        drafts.push({ ...d, line: c.line, endLine: c.line, message: `${d.message} (in the endpoint's comment)` });
                        count++;
                    }
                });
            }
            catch (error) {
                errors.push(`pattern action: ${describeError(error)}`);
            }
        }
        const execution = {
            hook: hook.name,
            event: 'response.generated',
            findings: count,
            durationMs: ports.now().getTime() - started,
            ...(errors.length > 0 ? { error: errors.join('; ') } : {}),
        };
        if (execution.error !== undefined)
            ports.logger.warning(`Hook '${hook.name}' failed: ${execution.error}`);
        executions.push(execution);
    }
    return { findings: createFindings(drafts), secrets, executions, notes };
}
/** A comment's body and suggestion as lines, for the scans. */
function textOf(c) {
    return [c.body, ...(c.suggestion !== undefined ? [c.suggestion] : [])]
        .join('\n')
        .split('\n')
        .map((text, i) => ({ line: i + 1, text }));
}
/** The built-in secret scan over the comments; the endpoint's own allow marker suppresses nothing. */
function scanCommentsForSecrets(comments, { config, ports }, into) {
    const scan = secretSettings(config, 'response.generated');
    if (!scan.enabled)
        return;
    const started = ports.now().getTime();
    let count = 0;
    const budget = userRuleBudget(scan, ports);
    const options = {
        allow: scan.allow,
        keepInlineAllowed: true,
        ...(scan.rules ? { rules: scan.rules } : {}),
        ...(budget ? { userRuleBudget: budget } : {}),
    };
    comments.forEach((c, index) => {
        if (scan.allowPaths.some((g) => g.match(c.path)))
            return;
        for (const match of scanSecrets(textOf(c), options)) {
            into.secrets.push({ index, match });
            into.drafts.push(secretDraft(c.path, c.line, match, scan.hook, " in the endpoint's comment"));
            count++;
        }
    });
    into.notes.push(...reportLimits(budget ? userRuleLimits(budget) : [], ports.logger));
    into.executions.push({
        hook: scan.hook,
        event: 'response.generated',
        findings: count,
        durationMs: ports.now().getTime() - started,
    });
}

;// CONCATENATED MODULE: ./src/hooks/logger-events.ts

/*
 * conversation.updated and hook.executed hooks only log: their `logger` actions are written by the audit stage
 * (src/pipeline/audit.ts) and by the Codex session hook, never run as validators.
 */
/** Logger actions of hooks subscribed to `event`, one per output. */
function collectLoggers(config, event) {
    const out = new Map();
    for (const hook of hooksFor(config, event)) {
        for (const a of hook.actions)
            if (a.type === 'logger' && !out.has(a.output))
                out.set(a.output, a);
    }
    return [...out.values()];
}

;// CONCATENATED MODULE: ./src/hooks/index.ts




;// CONCATENATED MODULE: ./src/logger.ts
/** A logger that records lines, for tests and for quiet runs. */
function createRecordingLogger() {
    const lines = [];
    const push = (level) => (message) => void lines.push(`${level}: ${message}`);
    return {
        lines,
        debug: push('debug'),
        info: push('info'),
        notice: push('notice'),
        warning: push('warning'),
        error: push('error'),
    };
}

;// CONCATENATED MODULE: ./src/core/findings/redactor.ts

/** Builds the run's redactor, knowing `initial` secrets (usually the tokens: the secret scan teaches the rest). */
function createRedactor(initial = [], options = {}) {
    const secrets = [];
    const seen = new Set();
    const learn = (found) => {
        for (const s of found) {
            // An empty value would match between every two characters.
            if (s.secret.length === 0 || seen.has(s.secret))
                continue;
            seen.add(s.secret);
            options.onLearn?.(s);
            secrets.push(s);
        }
    };
    learn(initial);
    const scan = options.scan ?? {};
    const text = (t) => redactView(t, plainView(t), secrets, scan);
    const finding = (f) => {
        const message = text(f.message);
        const title = f.title !== undefined ? text(f.title) : undefined;
        const suggestion = f.suggestion !== undefined ? text(f.suggestion) : undefined;
        if (message === f.message && title === f.title && suggestion === f.suggestion)
            return f;
        return {
            ...f,
            message,
            ...(title !== undefined ? { title } : {}),
            ...(suggestion !== undefined ? { suggestion } : {}),
        };
    };
    return {
        learn,
        text,
        patch: (p) => redactView(p, diffView(p), secrets, scan),
        path: (p) => redactView(p, pathView(p), secrets, scan),
        known: (t) => redactView(t, plainView(t), secrets, undefined),
        finding,
        findings: (fs) => fs.map(finding),
        get secrets() {
            return secrets;
        },
    };
}
/** Clears `text` of the secrets the scanner recognises and of `known` (a one-off redactor). */
function redactText(text, known = []) {
    return createRedactor(known).text(text);
}
/** The text as it is; a carriage return is read as a space (same length), so CRLF lines scan as LF lines. */
function plainView(text) {
    return { view: text.includes('\r') ? text.replace(/\r/g, ' ') : text, toText: (i) => i, diff: false };
}
/** A path or ref with each separator read as a space (same length): scanners want a boundary before a key. */
function pathView(path) {
    return { view: path.replace(/[/\\\r]/g, ' '), toText: (i) => i, diff: false };
}
/**
 * A unified diff without the first character (`+`, `-`, ` `) of each line: the lines read as the scanner reads
 * added lines, so a key block split over `+`/`-` lines reads whole.
 */
function diffView(patch) {
    const viewStarts = [];
    const textStarts = [];
    const dropped = [];
    const parts = [];
    let at = 0;
    let viewAt = 0;
    for (const line of patch.split('\n')) {
        const drop = line.length > 0 ? 1 : 0;
        viewStarts.push(viewAt);
        textStarts.push(at);
        dropped.push(drop);
        const kept = line.slice(drop).replace(/\r/g, ' ');
        parts.push(kept);
        viewAt += kept.length + 1;
        at += line.length + 1;
    }
    const toText = (i) => {
        const line = indexOfLine(viewStarts, i);
        return textStarts[line] + dropped[line] + (i - viewStarts[line]);
    };
    return { view: parts.join('\n'), toText, diff: true };
}
/**
 * Replaces every span of `text` that holds a secret: each known value wherever it occurs (in the text and in its
 * view), then, when `scan` is given, whatever the scanner finds in the view. Overlapping spans merge.
 */
function redactView(text, view, known, scan) {
    const spans = [];
    for (const s of known) {
        if (s.secret.length === 0)
            continue;
        for (const start of occurrences(text, s.secret))
            spans.push({ start, end: start + s.secret.length, ruleId: s.ruleId });
        if (view.view !== text) {
            for (const at of occurrences(view.view, s.secret))
                spans.push(mapSpan(view, at, s.secret.length, s.ruleId));
        }
    }
    if (scan) {
        // An allow marker keeps a secret out of the gate at most; it never makes it sendable or printable.
        const found = scanJoinedLines(view.view, (i) => i + 1, { ...scan, keepInlineAllowed: true });
        for (const m of found)
            spans.push(mapSpan(view, m.offset, m.secret.length, m.ruleId));
    }
    if (spans.length === 0)
        return text;
    return replaceSpans(text, mergeSpans(spans), view.diff);
}
function occurrences(text, value) {
    const out = [];
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length))
        out.push(at);
    return out;
}
function mapSpan(view, start, length, ruleId) {
    return { start: view.toText(start), end: view.toText(start + length - 1) + 1, ruleId };
}
/** Sorted, overlapping or touching spans joined; a joined span is named after its longest part. */
function mergeSpans(spans) {
    const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
    const out = [];
    let longest = 0;
    for (const s of sorted) {
        const last = out[out.length - 1];
        if (last && s.start < last.end) {
            const ruleId = s.end - s.start > longest ? s.ruleId : last.ruleId;
            longest = Math.max(longest, s.end - s.start);
            out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end), ruleId };
            continue;
        }
        out.push(s);
        longest = s.end - s.start;
    }
    return out;
}
/**
 * Puts `[REDACTED:<rule>]` in place of each span. A span over several lines keeps its line breaks (and, in a
 * diff, each line's marker), so line numbers and hunk counts after it stay true.
 */
function replaceSpans(text, spans, diff) {
    const parts = [];
    let at = 0;
    for (const s of spans) {
        parts.push(text.slice(at, s.start));
        const token = `[REDACTED:${s.ruleId}]`;
        const lines = text.slice(s.start, s.end).split('\n');
        parts.push(lines
            .map((line, i, all) => {
            const marker = i > 0 && diff && /^[+\- ]/.test(line) ? line[0] : '';
            const cr = i < all.length - 1 && line.endsWith('\r') ? '\r' : '';
            return `${marker}${token}${cr}`;
        })
            .join('\n'));
        at = s.end;
    }
    parts.push(text.slice(at));
    return parts.join('');
}

;// CONCATENATED MODULE: ./src/codex-session/audit-record.ts

/** Longest content kept in one audit line, in characters; the rest is counted, not kept. */
const MAX_CONTENT = 8000;
/**
 * One JSON line per Codex event for the `logger` hooks (conversation.updated and hook.executed): what was
 * checked, what was found, what Codex was told. Built field by field; every text is redacted, so a secret
 * found in the prompt, a patch or a tool's output is never written, only its rule and hint.
 */
function createSessionAuditRecord(input) {
    const { event, result } = input;
    const known = result?.secrets ?? [];
    const clean = (text) => redactText(text, known);
    const content = input.content ?? '';
    const reason = input.answer.kind === 'block' || input.answer.kind === 'deny' ? input.answer.reason : null;
    return {
        timestamp: input.timestamp,
        event: 'conversation.updated',
        source: 'codex',
        codex_event: event?.name ?? input.eventName ?? null,
        session_id: event?.sessionId ?? null,
        turn_id: event?.turnId ?? null,
        tool_name: event && 'toolName' in event ? event.toolName : null,
        tool_use_id: event && 'toolName' in event ? (event.toolUseId ?? null) : null,
        decision: input.answer.kind,
        reason: reason !== null ? clean(reason) : null,
        // Redacted whole, then cut: a cut could split a secret and hide it from the redactor.
        content: clean(content).slice(0, MAX_CONTENT),
        content_chars: content.length,
        findings: (result?.findings ?? []).map((f) => ({
            rule_id: f.ruleId,
            severity: f.severity,
            path: f.path,
            line: f.line,
            message: clean(f.message),
            ...(f.redacted !== undefined ? { hint: f.redacted } : {}),
        })),
        hooks: (result?.executions ?? []).map((e) => ({
            hook: e.hook,
            event: e.event,
            findings: e.findings,
            duration_ms: e.durationMs,
            error: e.error !== undefined ? clean(e.error) : null,
        })),
        notes: (result?.notes ?? []).map(clean),
        failure: input.failure ? { ...input.failure, message: clean(input.failure.message) } : null,
        duration_ms: input.durationMs,
    };
}
/** What a line keeps without metadata: what happened and why, not which session, turn or call, nor what was sent. */
const WITHOUT_METADATA = [
    'timestamp',
    'event',
    'source',
    'codex_event',
    'tool_name',
    'decision',
    'reason',
    'findings',
    'failure',
];
/** The line for a logger with `include_metadata: false` (the default is true: the whole record). */
function withoutMetadata(record) {
    return Object.fromEntries(WITHOUT_METADATA.map((k) => [k, record[k]]));
}

// EXTERNAL MODULE: ./src/codex-session/config-cache.ts + 1 modules
var config_cache = __webpack_require__(2936);
;// CONCATENATED MODULE: ./src/codex-session/answer.ts
/** The answer in Codex's wire format for the event (docs/codex-hooks.md). */
function renderAnswer(answer, event) {
    const json = (value) => ({ stdout: JSON.stringify(value) + '\n', stderr: '', exitCode: 0 });
    switch (answer.kind) {
        case 'allow':
            return { stdout: '', stderr: '', exitCode: 0 };
        case 'context':
            if (event === undefined)
                return { stdout: '', stderr: '', exitCode: 0 };
            return json({ hookSpecificOutput: { hookEventName: event, additionalContext: answer.text } });
        case 'deny':
            if (event === 'PreToolUse') {
                return json({
                    hookSpecificOutput: {
                        hookEventName: 'PreToolUse',
                        permissionDecision: 'deny',
                        permissionDecisionReason: answer.reason,
                    },
                });
            }
            return blockAnswer(answer.reason, event);
        case 'block':
            return blockAnswer(answer.reason, event);
    }
}
function blockAnswer(reason, event) {
    // Without a readable event, exit status 2 with the reason on stderr is the one answer every event reads as a block.
    if (event === undefined || event === 'SessionStart')
        return { stdout: '', stderr: reason + '\n', exitCode: 2 };
    if (event === 'PreToolUse')
        return renderAnswer({ kind: 'deny', reason }, event);
    return { stdout: JSON.stringify({ decision: 'block', reason }) + '\n', stderr: '', exitCode: 0 };
}

;// CONCATENATED MODULE: ./src/codex-session/codex-event.ts
/**
 * The events the Codex CLI sends its command hooks on stdin, as Codex 0.171 sends them (docs/codex-hooks.md).
 * Every event has `session_id`, `cwd` and `hook_event_name`; the fields below are the ones this product reads.
 */
const CODEX_EVENTS = ['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'Stop'];
/** Why stdin could not be read as a Codex event; `event` is set when at least the event's name was readable. */
class CodexEventError extends Error {
    event;
    name = 'CodexEventError';
    kind = 'bad-stdin';
    constructor(message, event) {
        super(message);
        this.event = event;
    }
}
function isEventName(value) {
    return typeof value === 'string' && CODEX_EVENTS.includes(value);
}
/**
 * Reads one event. Unknown events and missing fields are errors (the caller applies the failure policy);
 * extra fields are ignored, so a newer Codex that adds some keeps working.
 */
function parseCodexEvent(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        throw new CodexEventError(`stdin is not JSON (${text.length} characters)`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        throw new CodexEventError('stdin is not a JSON object');
    const o = data;
    const name = o.hook_event_name;
    if (!isEventName(name)) {
        throw new CodexEventError(`hook_event_name must be one of ${CODEX_EVENTS.join(', ')}; got ${typeof name === 'string' ? `'${name.slice(0, 40)}'` : typeof name}`);
    }
    const field = (key, required = true) => {
        const v = o[key];
        if (typeof v === 'string')
            return v;
        if (v === undefined || v === null) {
            if (required)
                throw new CodexEventError(`${name}: the field '${key}' is missing`, name);
            return undefined;
        }
        throw new CodexEventError(`${name}: the field '${key}' must be a string; got ${typeof v}`, name);
    };
    const turnId = field('turn_id', false);
    const model = field('model', false);
    const common = {
        sessionId: field('session_id'),
        cwd: field('cwd'),
        ...(turnId !== undefined ? { turnId } : {}),
        ...(model !== undefined ? { model } : {}),
    };
    switch (name) {
        case 'SessionStart': {
            const source = field('source', false);
            return { name, ...common, ...(source !== undefined ? { source } : {}) };
        }
        case 'UserPromptSubmit':
            return { name, ...common, prompt: field('prompt') };
        case 'PreToolUse':
            return { name, ...common, ...toolFields(o, name) };
        case 'PostToolUse':
            return { name, ...common, ...toolFields(o, name), toolResponse: stringify(o.tool_response) };
        case 'Stop':
            return {
                name,
                ...common,
                stopHookActive: o.stop_hook_active === true,
                lastAssistantMessage: field('last_assistant_message', false) ?? '',
            };
    }
}
function toolFields(o, name) {
    const toolName = o.tool_name;
    if (typeof toolName !== 'string')
        throw new CodexEventError(`${name}: the field 'tool_name' is missing`, name);
    const input = o.tool_input;
    // Codex sends `{command}` for shell commands and for apply_patch; other tools' inputs are read as text.
    const command = typeof input === 'object' && input !== null && typeof input.command === 'string'
        ? input.command
        : stringify(input);
    const toolUseId = typeof o.tool_use_id === 'string' ? o.tool_use_id : undefined;
    return { toolName, command, ...(toolUseId !== undefined ? { toolUseId } : {}) };
}
function stringify(value) {
    if (typeof value === 'string')
        return value;
    if (value === undefined || value === null)
        return '';
    return JSON.stringify(value);
}
/** The event's name from stdin that is otherwise unreadable, to pick the failure policy. */
function sniffEventName(text) {
    const m = /"hook_event_name"\s*:\s*"([A-Za-z]+)"/.exec(text);
    return m && isEventName(m[1]) ? m[1] : undefined;
}

;// CONCATENATED MODULE: ./src/codex-session/apply-patch.ts
class PatchFormatError extends Error {
    name = 'PatchFormatError';
    kind = 'bad-patch';
}
const HEADER = /^\*\*\* (Add File|Delete File|Update File): (.+)$/;
/** Splits a patch into file operations; throws PatchFormatError on text that is not a patch. */
function parseApplyPatch(text) {
    const lines = text.replace(/\r\n/g, '\n').split('\n');
    while (lines.length > 0 && lines[lines.length - 1].trim() === '')
        lines.pop();
    const start = lines.findIndex((l) => l.trim() === '*** Begin Patch');
    if (start < 0)
        throw new PatchFormatError("the patch does not start with '*** Begin Patch'");
    const ops = [];
    let op;
    let chunk;
    for (const line of lines.slice(start + 1)) {
        if (line.trim() === '*** End Patch')
            break;
        const header = HEADER.exec(line);
        if (header) {
            const kind = header[1] === 'Add File' ? 'add' : header[1] === 'Delete File' ? 'delete' : 'update';
            op = { kind, path: header[2].trim(), added: [], chunks: [] };
            chunk = undefined;
            ops.push(op);
            continue;
        }
        if (!op)
            throw new PatchFormatError(`a patch line comes before any file header: '${line.slice(0, 60)}'`);
        if (op.kind === 'add') {
            if (line.startsWith('+'))
                op.added.push(line.slice(1));
            continue;
        }
        if (line.startsWith('*** Move to: ')) {
            op.moveTo = line.slice('*** Move to: '.length).trim();
            continue;
        }
        if (line.trim() === '*** End of File')
            continue;
        if (line.startsWith('@@')) {
            const anchor = line.slice(2).trim();
            chunk = { ...(anchor !== '' ? { anchor } : {}), lines: [] };
            op.chunks.push(chunk);
            continue;
        }
        if (!chunk)
            op.chunks.push((chunk = { lines: [] }));
        const marker = line[0];
        // Codex reads an empty line inside a chunk as an empty context line.
        if (marker === '+' || marker === '-' || marker === ' ')
            chunk.lines.push({ kind: marker, text: line.slice(1) });
        else if (line === '')
            chunk.lines.push({ kind: ' ', text: '' });
        else
            throw new PatchFormatError(`'${op.path}': a chunk line must start with ' ', '-' or '+'`);
    }
    return ops;
}
/** The files a patch changes, in the shapes the hooks engine reads. */
async function patchToChangedFiles(text, read) {
    const files = [];
    for (const op of parseApplyPatch(text)) {
        const current = op.kind === 'update' ? await read(op.path) : undefined;
        files.push(toChangedFile(op, current));
    }
    return files;
}
function toChangedFile(op, current) {
    if (op.kind === 'add') {
        return {
            path: op.path,
            status: 'added',
            additions: op.added.length,
            deletions: 0,
            content: op.added.length > 0 ? op.added.join('\n') + '\n' : '',
        };
    }
    if (op.kind === 'delete')
        return { path: op.path, status: 'removed', additions: 0, deletions: 0 };
    const { patch, additions, deletions } = unifiedDiff(op.chunks, current?.split('\n') ?? []);
    return {
        path: op.moveTo ?? op.path,
        ...(op.moveTo !== undefined ? { previousPath: op.path } : {}),
        status: op.moveTo !== undefined ? 'renamed' : 'modified',
        additions,
        deletions,
        ...(patch !== '' ? { patch } : {}),
    };
}
/**
 * The chunks as unified-diff hunks with real line numbers. A chunk whose old lines are not found in the
 * current file (a file Codex would refuse to patch) is numbered from where the previous one ended.
 */
function unifiedDiff(chunks, current) {
    let cursor = 0;
    let shift = 0;
    let additions = 0;
    let deletions = 0;
    const hunks = [];
    for (const chunk of chunks) {
        if (chunk.anchor !== undefined) {
            const at = seek(current, [chunk.anchor], cursor);
            if (at >= 0)
                cursor = at + 1;
        }
        const old = chunk.lines.filter((l) => l.kind !== '+').map((l) => l.text);
        const found = old.length > 0 ? seek(current, old, cursor) : -1;
        const oldStart = (found >= 0 ? found : cursor) + 1;
        const added = chunk.lines.filter((l) => l.kind === '+').length;
        const removed = chunk.lines.filter((l) => l.kind === '-').length;
        additions += added;
        deletions += removed;
        const oldCount = old.length;
        const newCount = oldCount - removed + added;
        const body = chunk.lines.map((l) => `${l.kind}${l.text}`).join('\n');
        hunks.push(`@@ -${oldStart},${oldCount} +${oldStart + shift},${newCount} @@\n${body}`);
        shift += newCount - oldCount;
        cursor = oldStart - 1 + oldCount;
    }
    return { patch: hunks.join('\n'), additions, deletions };
}
/** Where `needle` starts in `lines` at or after `from`: exact, then ignoring trailing, then all outer spaces. */
function seek(lines, needle, from) {
    const tries = [(s) => s, (s) => s.trimEnd(), (s) => s.trim()];
    for (const norm of tries) {
        for (let i = from; i + needle.length <= lines.length; i++) {
            if (needle.every((n, k) => norm(lines[i + k]) === norm(n)))
                return i;
        }
    }
    return -1;
}

;// CONCATENATED MODULE: ./src/core/diff/parse-patch.ts

// `s`: `.*` takes the rest of the line whatever it holds. The header's text is a line of the file (the PR's content)
// and may hold U+2028 or U+2029, which a plain `.` stops at: such a hunk would go unread, its added lines unscanned.
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)/s;
const PLUS = 43;
const MINUS = 45;
const SPACE = 32;
const AT = 64;
const CR = 13;
/**
 * Parses the hunks of one file's unified diff (GitHub's `patch`, or the body of a `git diff` file section).
 * Tolerates CRLF, `\ No newline at end of file`, and text before the first hunk (file headers).
 *
 * One pass records where things are (hunk headers, the offsets of added lines); the objects for each
 * line are made only when asked for. Every byte of a PR goes through here, and most of them are only
 * ever read by the secret scan, which takes `addedText` whole.
 */
function parsePatch(patch) {
    const text = patch ?? '';
    const hunks = [];
    // Each hunk's new-file lines (context and added) and old-file lines (context and removed) are consecutive.
    const right = [];
    const left = [];
    // Stryker disable next-line UnaryOperator,BooleanLiteral: fast-path bookkeeping: a wrong value only sends addedText down the general path, which gives the same text
    const added = { starts: [], ends: [], numbers: [], firstIndex: -1, lastIndex: -1, crlf: false };
    let current;
    let oldLine = 0;
    let newLine = 0;
    let lineIndex = 0;
    const close = (bodyEnd) => {
        if (!current)
            return;
        const h = current.header;
        right.push([Number(h[3]), newLine]);
        left.push([Number(h[1]), oldLine]);
        hunks.push(new PatchHunk(text, current.bodyStart, bodyEnd, h));
        current = undefined;
    };
    eachLine(text, 0, text.length, (start, end, next) => {
        // Stryker disable next-line UpdateOperator: fast-path bookkeeping: a wrong value only sends addedText down the general path, which gives the same text
        lineIndex++;
        const marker = text.charCodeAt(start);
        // Only a line that starts with `@@` can be a hunk header: the regex runs on those alone.
        // Stryker disable next-line ConditionalExpression,LogicalOperator: a prefilter: HUNK_HEADER itself requires a leading @@
        if (marker === AT && text.charCodeAt(start + 1) === AT) {
            const header = HUNK_HEADER.exec(text.slice(start, end));
            if (header) {
                close(start);
                current = { header, bodyStart: next };
                oldLine = Number(header[1]);
                newLine = Number(header[3]);
                return;
            }
        }
        if (!current)
            return; // file headers before the first hunk
        if (marker === PLUS) {
            // Stryker disable next-line ConditionalExpression,EqualityOperator: fast-path bookkeeping: a wrong value only sends addedText down the general path, which gives the same text
            if (added.firstIndex < 0)
                added.firstIndex = lineIndex;
            added.lastIndex = lineIndex;
            // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: fast-path bookkeeping: a wrong value only sends addedText down the general path, which gives the same text
            if (end < next - 1)
                added.crlf = true;
            added.starts.push(start + 1);
            added.ends.push(end);
            added.numbers.push(newLine++);
        }
        else if (marker === MINUS)
            oldLine++;
        else if (marker === SPACE || end === start) {
            oldLine++;
            newLine++;
        }
    });
    close(text.length);
    return new PatchView(text, hunks, added, { right: new LineRanges(right), left: new LineRanges(left) });
}
/**
 * Calls `visit(start, end, next)` for each line of `text[from, to)`: `end` stops before `\n` and a `\r`
 * just before it; `next` is where the following line starts. A final newline does not start a line.
 */
function eachLine(text, from, to, visit) {
    for (let start = from; start < to;) {
        const newline = text.indexOf('\n', start);
        // Stryker disable next-line ConditionalExpression,EqualityOperator: callers pass a `to` at a line start or the end, so no newline lies at or past it
        const next = newline === -1 || newline >= to ? to : newline + 1;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: as above
        let end = newline === -1 || newline >= to ? to : newline;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: when end === start, the character before is the previous line's \n, never a CR
        if (end > start && text.charCodeAt(end - 1) === CR)
            end--;
        visit(start, end, next);
        start = next;
    }
}
class PatchView {
    patch;
    hunks;
    offsets;
    commentable;
    addedLines;
    joined;
    constructor(patch, hunks, offsets, commentable) {
        this.patch = patch;
        this.hunks = hunks;
        this.offsets = offsets;
        this.commentable = commentable;
    }
    get addedCount() {
        return this.offsets.numbers.length;
    }
    addedLineNumber(index) {
        return this.offsets.numbers[index];
    }
    get added() {
        const { starts, ends, numbers } = this.offsets;
        this.addedLines ??= numbers.map((line, i) => ({ line, text: this.patch.slice(starts[i], ends[i]) }));
        return this.addedLines;
    }
    get addedText() {
        this.joined ??= this.joinAdded();
        return this.joined;
    }
    joinAdded() {
        const { starts, ends, firstIndex, lastIndex, crlf } = this.offsets;
        const count = starts.length;
        // Stryker disable next-line ConditionalExpression: with no added line the general path joins nothing: ''
        if (count === 0)
            return '';
        // Stryker disable next-line ConditionalExpression,ArithmeticOperator: fast-path bookkeeping: a wrong value only sends addedText down the general path, which gives the same text
        if (!crlf && lastIndex - firstIndex + 1 === count) {
            // Adjacent `+` lines (a new file, a block of added code): drop each line's `+` in one native
            // replace. A `+` inside a line is never after a newline, so only the markers go.
            return this.patch.slice(starts[0], ends[count - 1]).replaceAll('\n+', '\n');
        }
        return this.added.map((l) => l.text).join('\n');
    }
}
class PatchHunk {
    patch;
    bodyStart;
    bodyEnd;
    oldStart;
    oldLines;
    newStart;
    newLines;
    header;
    body;
    constructor(patch, bodyStart, bodyEnd, h) {
        this.patch = patch;
        this.bodyStart = bodyStart;
        this.bodyEnd = bodyEnd;
        this.oldStart = Number(h[1]);
        this.oldLines = h[2] === undefined ? 1 : Number(h[2]);
        this.newStart = Number(h[3]);
        this.newLines = h[4] === undefined ? 1 : Number(h[4]);
        this.header = h[5] ?? '';
    }
    get lines() {
        if (this.body)
            return this.body;
        const lines = [];
        const patch = this.patch;
        let oldLine = this.oldStart;
        let newLine = this.newStart;
        eachLine(patch, this.bodyStart, this.bodyEnd, (start, end) => {
            const marker = patch.charCodeAt(start);
            const text = patch.slice(start + 1, end);
            if (marker === PLUS)
                lines.push({ kind: 'added', text, newLine: newLine++ });
            else if (marker === MINUS)
                lines.push({ kind: 'removed', text, oldLine: oldLine++ });
            // An empty line inside a hunk is a context line whose leading space was trimmed by an editor.
            else if (marker === SPACE || end === start)
                lines.push({ kind: 'context', text, oldLine: oldLine++, newLine: newLine++ });
            // `\ No newline at end of file` and anything unrecognised carry no line.
        });
        this.body = lines;
        return lines;
    }
}

;// CONCATENATED MODULE: ./src/codex-session/checks.ts





/** On files (a patch, a here-document, the session's changes): these kinds of action. */
const onFiles = (...types) => (a) => types.includes(a.type);
/**
 * On text that is not a file (a prompt, a shell command): the secret scan and the `forbid` patterns. A
 * `require` pattern (a licence header, say) is about files and would flag every prompt.
 */
const onText = (a) => a.type === 'secret-scan' || (a.type === 'pattern' && a.mode !== 'require');
/** The config with only the actions that apply: the rest does not fit what this event checks. */
function withActions(config, keep) {
    const hooks = config.hooks
        .map((h) => ({ ...h, actions: h.actions.filter(keep) }))
        .filter((h) => h.actions.length > 0);
    return { version: config.version, hooks };
}
function toReviewFile(file) {
    return { file, parsed: file.content !== undefined ? parseWholeFile(file.content) : parsePatch(file.patch) };
}
/** A piece of text (a prompt, a command) checked as if it were a new file named `name`. */
function textAsFile(name, text) {
    return { path: name, status: 'added', additions: 1, deletions: 0, content: text };
}
/** The prompt.submitted hooks, limited to the `actions` that apply, over `files`: the same engine the pull-request gate runs. */
async function checkFiles(files, actions, ctx) {
    const result = await runPromptSubmittedHooks(files.map(toReviewFile), {
        config: withActions(ctx.config, actions),
        failOn: ctx.failOn,
        workspace: ctx.root,
        ports: ctx.ports,
    });
    return toCheckResult(result, result.memory);
}
/** The response.generated hooks (the secret scan and `pattern`) over text the model or a tool produced. */
async function checkOutput(name, text, ctx) {
    const result = await runResponseGeneratedHooks([{ path: name, line: 1, body: text }], {
        config: ctx.config,
        failOn: ctx.failOn,
        workspace: ctx.root,
        ports: ctx.ports,
    });
    return toCheckResult(result, []);
}
/** The engine's result with each finding's text cleared of the secrets found: nothing downstream sees a value. */
function toCheckResult(result, memory) {
    const matches = result.secrets.map((s) => s.match);
    return {
        findings: createRedactor(matches).findings(result.findings),
        secrets: matches.map((m) => ({ secret: m.secret, ruleId: m.ruleId })),
        executions: result.executions,
        memory,
        notes: result.notes,
    };
}
function mergeResults(a, b) {
    return {
        findings: [...a.findings, ...b.findings],
        secrets: [...a.secrets, ...b.secrets],
        executions: [...a.executions, ...b.executions],
        memory: [...a.memory, ...b.memory],
        notes: [...a.notes, ...b.notes],
    };
}
/** Findings at or above the gate's level: the ones that block. */
function blockingFindings(findings, failOn) {
    if (failOn === 'never')
        return [];
    return findings.filter((f) => severityRank(f.severity) <= severityRank(failOn));
}
const MAX_LISTED = 10;
/**
 * A reason the model can act on: each finding's place, what it is, its rule, and how to fix it. Messages
 * are already redacted: a secret shows only its hint.
 */
function describeFindings(intro, findings) {
    const lines = findings.slice(0, MAX_LISTED).map((f) => {
        const where = f.line > 0 ? `${f.path}:${f.line}` : f.path;
        const fix = f.category === 'secret'
            ? ' Remove the value; read it from an environment variable or a secret store instead, and never repeat it.'
            : '';
        return `- ${where}: ${f.message} [${f.ruleId}].${fix}`;
    });
    if (findings.length > MAX_LISTED)
        lines.push(`- \u2026and ${findings.length - MAX_LISTED} more`);
    return `${intro}\n${lines.join('\n')}`;
}

;// CONCATENATED MODULE: ./src/codex-session/shell-command.ts
const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g;
const REDIRECT = /(?:^|[^0-9&>])>>?\s*(['"]?)([^\s'";&|<>()]+)\1/;
const TEE = /\btee\s+(?:-a\s+)?(['"]?)([^\s'";&|<>()]+)\1/;
function readShellCommand(command) {
    const lines = command.replace(/\r\n/g, '\n').split('\n');
    const files = [];
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const markers = [...line.matchAll(HEREDOC)].filter((m) => line[m.index - 1] !== '<');
        if (markers.length === 0)
            continue;
        let next = i + 1;
        for (const [index, m] of markers.entries()) {
            const tag = m[3];
            const stripTabs = m[1] === '-';
            const bodyStart = next;
            while (next < lines.length && (stripTabs ? lines[next].replace(/^\t+/, '') : lines[next]) !== tag)
                next++;
            const body = lines.slice(bodyStart, next).map((l) => (stripTabs ? l.replace(/^\t+/, '') : l));
            // Only the first here-document of a line is the one a redirect on that line writes.
            const target = index === 0 ? writtenFile(line) : undefined;
            if (target !== undefined) {
                files.push({
                    path: target,
                    status: 'added',
                    additions: body.length,
                    deletions: 0,
                    content: body.length > 0 ? body.join('\n') + '\n' : '',
                });
                for (let k = bodyStart; k < next; k++)
                    lines[k] = '';
            }
            next++; // past the terminator
        }
        i = next - 1;
    }
    return { text: lines.join('\n'), files };
}
function writtenFile(line) {
    const m = REDIRECT.exec(line) ?? TEE.exec(line);
    const path = m?.[2];
    return path !== undefined && path !== '/dev/null' && !path.startsWith('$') ? path : undefined;
}

;// CONCATENATED MODULE: ./src/codex-session/events/tool-use.ts



const COMMAND_NAME = '<command>';
const TOOL_OUTPUT_NAME = '<tool output>';
/** Codex's patch tool; it also answers to the matcher names Edit and Write. */
const PATCH_TOOLS = new Set(['apply_patch', 'Edit', 'Write']);
/**
 * PreToolUse \u2192 prompt.submitted over what the tool is about to write or run. A patch is parsed into its files
 * (added lines with paths and line numbers) for the secret scan and the `pattern` and `path` hooks; a shell
 * command is checked as text, and the files its here-documents write as files. A finding at the gate's level
 * denies the call: the command never runs, the file is never written.
 */
async function handlePreToolUse(event, ctx) {
    const result = PATCH_TOOLS.has(event.toolName)
        ? await checkPatch(event.command, ctx)
        : await checkCommand(event.command, ctx);
    const blocking = blockingFindings(result.findings, ctx.failOn);
    if (blocking.length === 0)
        return { answer: { kind: 'allow' }, result, content: event.command };
    const what = PATCH_TOOLS.has(event.toolName) ? 'this patch' : 'this command';
    const reason = describeFindings(`codex-hooks (the repository's .github/codex-hooks.yml) refused ${what}; nothing was run or written. Fix these and try again:`, blocking);
    return { answer: { kind: 'deny', reason }, result, content: event.command };
}
async function checkPatch(patch, ctx) {
    try {
        const files = await patchToChangedFiles(patch, (path) => ctx.ports.readRepositoryFile(path));
        return await checkFiles(files, onFiles('secret-scan', 'pattern', 'path'), ctx);
    }
    catch (error) {
        // Text Codex will refuse as a patch is still read for secrets.
        if (!(error instanceof PatchFormatError))
            throw error;
        return checkFiles([textAsFile(COMMAND_NAME, patch)], onText, ctx);
    }
}
async function checkCommand(command, ctx) {
    const view = readShellCommand(command);
    const text = await checkFiles([textAsFile(COMMAND_NAME, view.text)], onText, ctx);
    if (view.files.length === 0)
        return text;
    return mergeResults(text, await checkFiles(view.files, onFiles('secret-scan', 'pattern', 'path'), ctx));
}
/**
 * PostToolUse \u2192 response.generated over the tool's output. A secret a command printed is reported to the
 * model, which must not repeat it, and logged masked.
 */
async function handlePostToolUse(event, ctx) {
    const result = await checkOutput(TOOL_OUTPUT_NAME, event.toolResponse, ctx);
    const blocking = blockingFindings(result.findings, ctx.failOn);
    if (blocking.length === 0)
        return { answer: { kind: 'allow' }, result, content: event.toolResponse };
    const reason = describeFindings('codex-hooks: the output of this tool call holds a secret or a forbidden pattern. Do not repeat, quote or store the value; continue without it:', blocking);
    return { answer: { kind: 'block', reason }, result, content: event.toolResponse };
}

;// CONCATENATED MODULE: ./src/codex-session/events/session-start.ts


/**
 * SessionStart \u2192 the `memory` hooks: their sources (coding standards, architecture notes), within their byte
 * budget, become the session's additional context. The session's starting point is recorded for Stop.
 */
async function handleSessionStart(event, ctx) {
    await ctx.ports.recordSessionStart(event.sessionId);
    const result = await checkFiles([], onFiles('memory'), ctx);
    if (result.memory.length === 0)
        return { answer: { kind: 'allow' }, result, content: '' };
    const sections = result.memory.map((m) => `## ${m.source}\n\n${m.content.trimEnd()}`).join('\n\n');
    // A memory file is sent to the model: a key pasted into one must not go with it.
    const text = redactText(`Repository memory from codex-hooks (.github/codex-hooks.yml):\n\n${sections}`, []);
    return {
        answer: { kind: 'context', text },
        result,
        content: `memory: ${result.memory.map((m) => m.source).join(', ')}`,
    };
}

;// CONCATENATED MODULE: ./src/codex-session/events/stop.ts

const ASSISTANT_MESSAGE_NAME = '<assistant message>';
/**
 * Stop \u2192 response.generated over the last assistant message, plus the secret scan and the `command` hooks
 * (linters) over the files changed since the session started. Findings at the gate's level send Codex back to
 * work with the reason, once: when Codex says this turn already went back (`stop_hook_active`), the findings
 * are logged and the turn ends, so a hook can never loop forever.
 */
async function handleStop(event, ctx) {
    const message = await checkOutput(ASSISTANT_MESSAGE_NAME, event.lastAssistantMessage, ctx);
    const changes = await ctx.ports.sessionChanges(event.sessionId);
    const result = mergeResults(message, await checkFiles(changes, onFiles('secret-scan', 'command'), ctx));
    const blocking = blockingFindings(result.findings, ctx.failOn);
    const content = event.lastAssistantMessage;
    if (blocking.length === 0)
        return { answer: { kind: 'allow' }, result, content };
    if (event.stopHookActive) {
        const note = `stop_hook_active: the turn already went back once; ${blocking.length} finding(s) remain and are only logged`;
        return { answer: { kind: 'allow' }, result: { ...result, notes: [...result.notes, note] }, content };
    }
    const reason = describeFindings("codex-hooks: the session's changes do not pass the repository's checks (.github/codex-hooks.yml) yet. Fix these, then finish:", blocking);
    return { answer: { kind: 'block', reason }, result, content };
}

;// CONCATENATED MODULE: ./src/codex-session/events/user-prompt-submit.ts

/** The name a prompt goes by in findings and path globs. */
const PROMPT_NAME = '<prompt>';
/**
 * UserPromptSubmit \u2192 prompt.submitted over the prompt: the secret scan and the `pattern` hooks. A finding at
 * the gate's level blocks the prompt before anything is sent to the model.
 */
async function handleUserPromptSubmit(event, ctx) {
    const result = await checkFiles([textAsFile(PROMPT_NAME, event.prompt)], onText, ctx);
    const blocking = blockingFindings(result.findings, ctx.failOn);
    const answer = blocking.length > 0
        ? {
            kind: 'block',
            reason: describeFindings('codex-hooks blocked this prompt before it reached the model. Edit the prompt and send it again:', blocking),
        }
        : { kind: 'allow' };
    return { answer, result, content: event.prompt };
}

;// CONCATENATED MODULE: ./src/codex-session/policy.ts
/** The shell tool (`Bash`) and the patch tool (`apply_patch`, which Codex also matches as Edit and Write). */
const TOOL_MATCHER = 'Bash|apply_patch';
const CODEX_EVENT_SETUP = {
    SessionStart: { onFailure: 'open', timeoutSeconds: 30, deadlineSeconds: 25 },
    UserPromptSubmit: { onFailure: 'closed', timeoutSeconds: 30, deadlineSeconds: 25 },
    PreToolUse: { onFailure: 'closed', timeoutSeconds: 30, deadlineSeconds: 25, matcher: TOOL_MATCHER },
    PostToolUse: { onFailure: 'open', timeoutSeconds: 30, deadlineSeconds: 25, matcher: TOOL_MATCHER },
    // Linters run here: a longer budget.
    Stop: { onFailure: 'open', timeoutSeconds: 300, deadlineSeconds: 280 },
};
function defaultFailurePolicy() {
    const entries = Object.entries(CODEX_EVENT_SETUP).map(([name, setup]) => [name, setup.onFailure]);
    return Object.fromEntries(entries);
}

;// CONCATENATED MODULE: ./src/codex-session/handle-event.ts










/** The hook's own deadline passed before it could answer. */
class HookDeadlineError extends Error {
    name = 'HookDeadlineError';
    kind = 'timeout';
}
/**
 * One Codex event in, one answer out. The hook's own failure (stdin it cannot read, a config error, its
 * deadline, a bug) never escapes: the event's failure mode turns it into a block or a pass, said in the
 * answer and the audit line.
 */
async function answerCodexHook(stdin, settings, deps) {
    const started = deps.now();
    let event;
    let loaded;
    const audit = (answer, rest) => loaded && {
        root: loaded.root,
        config: loaded.config,
        record: createSessionAuditRecord({
            ...(event ? { event } : {}),
            ...(!event && sniffEventName(stdin) ? { eventName: sniffEventName(stdin) } : {}),
            answer,
            ...(rest.result ? { result: rest.result } : {}),
            ...(rest.content !== undefined ? { content: rest.content } : {}),
            ...(rest.failure ? { failure: rest.failure } : {}),
            timestamp: started.toISOString(),
            durationMs: deps.now().getTime() - started.getTime(),
        }),
    };
    try {
        if (settings instanceof errors/* ConfigurationError */.j1)
            throw settings;
        event = parseCodexEvent(stdin);
        const root = deps.findRoot(event.cwd);
        const { config } = await deps.loadConfig(root, settings.configPath);
        loaded = { config, root };
        const ctx = { config, failOn: settings.failOn, root, ports: deps.createPorts(root) };
        const deadline = CODEX_EVENT_SETUP[event.name].deadlineSeconds * 1000;
        const outcome = await withDeadline(dispatch(event, ctx), deadline);
        const rendered = renderAnswer(outcome.answer, event.name);
        const record = audit(outcome.answer, outcome);
        return { rendered, ...(record ? { audit: record } : {}) };
    }
    catch (error) {
        const name = event?.name ?? (error instanceof CodexEventError ? error.event : undefined) ?? sniffEventName(stdin);
        const policy = settings instanceof errors/* ConfigurationError */.j1 ? defaultFailurePolicy() : settings.failurePolicy;
        // An event the hook cannot name is one it cannot safely let through.
        const mode = name !== undefined ? policy[name] : 'closed';
        const failure = describeFailure(error, mode);
        const answer = failureAnswer(failure, name);
        const rendered = renderAnswer(answer, name);
        const record = audit(answer, { failure });
        const told = mode === 'open' ? { ...rendered, stderr: `codex-hooks: ${failure.message} (fails open)\n` } : rendered;
        return { rendered: told, ...(record ? { audit: record } : {}) };
    }
}
function dispatch(event, ctx) {
    switch (event.name) {
        case 'SessionStart':
            return handleSessionStart(event, ctx);
        case 'UserPromptSubmit':
            return handleUserPromptSubmit(event, ctx);
        case 'PreToolUse':
            return handlePreToolUse(event, ctx);
        case 'PostToolUse':
            return handlePostToolUse(event, ctx);
        case 'Stop':
            return handleStop(event, ctx);
    }
}
async function withDeadline(work, ms) {
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new HookDeadlineError(`no answer within its deadline of ${ms / 1000}s`)), ms);
    });
    try {
        return await Promise.race([work, deadline]);
    }
    finally {
        clearTimeout(timer);
    }
}
function describeFailure(error, mode) {
    const kind = error instanceof CodexEventError || error instanceof HookDeadlineError
        ? error.kind
        : error instanceof errors/* ConfigurationError */.j1
            ? 'config'
            : 'internal';
    // An error may quote what it choked on: never a secret in the answer.
    const message = redactText(error instanceof Error ? error.message : String(error), []);
    return { kind, message, mode };
}
function failureAnswer(failure, name) {
    if (failure.mode === 'open')
        return { kind: 'allow' };
    const reason = `codex-hooks could not check this ${name ?? 'event'} and fails closed (${failure.kind}: ${failure.message}). ` +
        `Fix the cause (docs/codex-hooks.md), or let it pass on failure with --fail-open ${name ?? 'all'}.`;
    return name === 'PreToolUse' ? { kind: 'deny', reason } : { kind: 'block', reason };
}

// EXTERNAL MODULE: ./src/codex-session/repository-root.ts
var repository_root = __webpack_require__(9861);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/codex-session/settings.ts





const DEFAULT_CONFIG_PATH = '.github/codex-hooks.yml';
const FAIL_ON = ['error', 'warning', 'notice', 'never'];
function parseCodexHookSettings(argv, env, home) {
    let values;
    try {
        ({ values } = (0,external_node_util_.parseArgs)({
            args: [...argv],
            options: {
                config: { type: 'string' },
                'fail-on': { type: 'string' },
                'fail-open': { type: 'string' },
                'fail-closed': { type: 'string' },
            },
            strict: true,
            allowPositionals: false,
        }));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`codex-hook: ${error.message}`);
    }
    const failOn = values['fail-on'] ?? 'error';
    if (!FAIL_ON.includes(failOn))
        throw new errors/* ConfigurationError */.j1(`--fail-on must be one of ${FAIL_ON.join(', ')}; got '${failOn}'`);
    const policy = { ...defaultFailurePolicy() };
    for (const [flag, mode] of [
        ['fail-open', 'open'],
        ['fail-closed', 'closed'],
    ]) {
        for (const name of eventList(values[flag], flag))
            policy[name] = mode;
    }
    return Object.freeze({
        configPath: values.config ?? DEFAULT_CONFIG_PATH,
        failOn: failOn,
        failurePolicy: Object.freeze(policy),
        cacheDir: (0,config_cache/* defaultCacheDir */.$g)(env, home),
    });
}
/** `Stop,PostToolUse` or `all`. */
function eventList(value, flag) {
    if (value === undefined)
        return [];
    const names = value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    if (names.length === 1 && names[0] === 'all')
        return [...CODEX_EVENTS];
    for (const n of names) {
        if (!CODEX_EVENTS.includes(n))
            throw new errors/* ConfigurationError */.j1(`--${flag} takes Codex events (${CODEX_EVENTS.join(', ')}) or 'all'; got '${n}'`);
    }
    return names;
}

;// CONCATENATED MODULE: ./src/codex-session/hook-command.ts















/**
 * `codex-hooks codex-hook`: the command Codex runs for each hook event. Reads the event from stdin, answers
 * on stdout (or exit status 2 with the reason on stderr), appends one audit line per `logger` output, and
 * returns the exit status. The composition root of the hook: the only place that picks its adapters.
 */
async function runCodexHook(argv, io) {
    let settings;
    try {
        settings = parseCodexHookSettings(argv, io.env, external_node_os_default().homedir());
    }
    catch (error) {
        settings = error instanceof errors/* ConfigurationError */.j1 ? error : new errors/* ConfigurationError */.j1(String(error));
    }
    const cacheDir = settings instanceof errors/* ConfigurationError */.j1 ? external_node_os_default().tmpdir() : settings.cacheDir;
    const run = await answerCodexHook(io.stdin, settings, {
        findRoot: repository_root/* findRepositoryRoot */.m,
        loadConfig: (root, configPath) => (0,config_cache/* loadSessionConfig */.t0)(root, configPath, cacheDir),
        createPorts: (root) => createSessionPorts(root, cacheDir, io.env),
        now: () => new Date(),
    });
    if (run.audit) {
        try {
            await writeAuditRecord(run.audit.config, run.audit.root, run.audit.record, io.env);
        }
        catch (error) {
            io.stderr.write(`codex-hooks: the audit log could not be written: ${error.message}\n`);
        }
    }
    io.stdout.write(run.rendered.stdout);
    io.stderr.write(run.rendered.stderr);
    return run.rendered.exitCode;
}
function createSessionPorts(root, cacheDir, env) {
    const logger = createRecordingLogger();
    const changes = createSessionChanges(root, cacheDir, runCommand);
    return {
        runCommand: runCommand,
        readRepositoryFile: async (file) => {
            // Paths come from the model (a patch) or the config: read inside the repository only.
            const full = resolveInWorkspace(root, file);
            return full === undefined ? undefined : (0,promises_.readFile)(full, 'utf8').catch(() => undefined);
        },
        logger: env.CODEX_HOOKS_DEBUG ? stderrLogger() : logger,
        now: () => new Date(),
        recordSessionStart: changes.recordSessionStart,
        sessionChanges: changes.sessionChanges,
    };
}
function stderrLogger() {
    const line = (level) => (m) => void process.stderr.write(`codex-hooks ${level}: ${m}\n`);
    return {
        debug: line('debug'),
        info: line('info'),
        notice: line('notice'),
        warning: line('warning'),
        error: line('error'),
    };
}
/** The `logger` hooks of the conversation: one line each, once per output. */
async function writeAuditRecord(config, root, record, env) {
    const outputs = new Map();
    for (const l of [...collectLoggers(config, 'conversation.updated'), ...collectLoggers(config, 'hook.executed')])
        if (!outputs.has(l.output))
            outputs.set(l.output, l);
    for (const logger of outputs.values()) {
        const file = resolveInWorkspace(root, logger.output);
        if (file === undefined)
            throw new errors/* ConfigurationError */.j1(`logger output '${logger.output}' is outside the repository`);
        // The same writer as the action's loggers: rotation, gzip and encryption as the logger's options say.
        const line = includesMetadata(logger) ? record : withoutMetadata(record);
        await appendAuditRecords(auditLogOptionsFor(logger, file, env), [line]);
    }
}

;// CONCATENATED MODULE: ./src/codex-session/main.ts



/**
 * The hook's own entry (dist/codex-hook/index.js): Codex starts it on every prompt and tool call, so it loads
 * only what a hook needs, not the whole CLI.
 */
async function run() {
    const out = syncWriter(1, process.stdout);
    const err = syncWriter(2, process.stderr);
    const code = await runCodexHook(process.argv.slice(2), {
        stdin: readStdinSync() ?? (await readStdinStream()),
        stdout: out,
        stderr: err,
        env: process.env,
    });
    // Past its deadline a linter may still be running: the answer is given, the hook ends now.
    process.exitCode = code;
    await Promise.all([out.flushed(), err.flushed()]);
    // Write the V8 compile cache now (Node 22.10+), not trusting process.exit to do it.
    Reflect.get((external_node_module_default()), 'flushCompileCache')?.();
    process.exit(code);
}
/**
 * Stdin read with one system call loop: touching `process.stdin` builds a stream (and loads `net`) that a
 * hook reading one small JSON event does not need. A non-blocking pipe (EAGAIN) falls back to the stream.
 */
function readStdinSync() {
    try {
        return (0,external_node_fs_.readFileSync)(0, 'utf8');
    }
    catch {
        return undefined;
    }
}
async function readStdinStream() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
}
/**
 * Writes straight to the file descriptor, for the same reason; what a non-blocking pipe does not take at once
 * goes through the stream, and `flushed` waits for it before the process exits.
 */
function syncWriter(fd, stream) {
    let pending = Promise.resolve();
    let viaStream = false;
    return {
        write(text) {
            if (text === '')
                return;
            let rest = Buffer.from(text, 'utf8');
            while (!viaStream && rest.length > 0) {
                try {
                    rest = rest.subarray((0,external_node_fs_.writeSync)(fd, rest));
                }
                catch {
                    viaStream = true;
                }
            }
            if (rest.length > 0)
                pending = new Promise((resolve) => stream.write(rest, () => resolve()));
        },
        flushed: () => pending,
    };
}


/***/ }),

/***/ 7432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hm: () => (/* binding */ checkUserRegex),
/* harmony export */   rS: () => (/* binding */ MAX_TESTED_LINE_LENGTH)
/* harmony export */ });
/* unused harmony exports ALLOWED_REGEX_FLAGS, compileUserRegex */
/* harmony import */ var regjsparser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8455);
/* harmony import */ var regjsparser__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(regjsparser__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Users write regexes in the hooks config; V8's backtracking engine can take exponential time on some of
 * them. We refuse, at load time, the two shapes that cause exponential backtracking:
 *  - a variable quantifier nested inside a repeated one (`(a+)+`, `(\w+\s?)*`): star height above 1;
 *  - a repeated group whose alternatives can start with the same character (`(a|a)*`, `(\w|\d)+`).
 * Polynomial cases (`\d+\.\d+` on an unanchored line) remain; the validators bound them by capping the
 * length of each line they test ({@link MAX_TESTED_LINE_LENGTH}).
 *
 * The parser is regjsparser (full ES2024 syntax: lookbehind, named groups, \p{\u2026}); the analysis is ours
 * because safe-regex2 misses overlapping alternation and rejects lookbehind, and redos-detector accepts
 * `(a+)+` when nothing follows it and refuses everyday patterns such as `[a-z]+\d+`.
 */
/** Longest part of a line a user regex is run on. */
const MAX_TESTED_LINE_LENGTH = 4096;
/** Flags a user may give; `g` and `y` are the validators' business. */
const ALLOWED_REGEX_FLAGS = 'imsu';
const FEATURES = {
    lookbehind: true,
    namedGroups: true,
    unicodePropertyEscape: true,
    modifiers: true,
};
/** Why the pattern is refused (syntax or backtracking hazard), or undefined when it may be used. */
function checkUserRegex(pattern, flags = '') {
    const flag = [...flags].find((f) => !ALLOWED_REGEX_FLAGS.includes(f));
    if (flag !== undefined)
        return {
            kind: 'unsupported-flag',
            flag,
            reason: `the flag '${flag}' is not supported; use any of ${ALLOWED_REGEX_FLAGS}`,
        };
    try {
        new RegExp(pattern, flags);
    }
    catch (error) {
        const detail = error.message.replace(/^Invalid regular expression: /, '');
        return { kind: 'invalid-syntax', detail, reason: `it is not a valid regular expression: ${detail}` };
    }
    let ast;
    try {
        ast = (0,regjsparser__WEBPACK_IMPORTED_MODULE_0__.parse)(pattern, flags, FEATURES);
    }
    catch {
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
function compileUserRegex(pattern, flags = '') {
    const refusal = checkUserRegex(pattern, flags);
    if (refusal !== undefined)
        throw new Error(`pattern '${pattern}': ${refusal.reason}`);
    return new RegExp(pattern, flags);
}
function repeats(q) {
    return q.max === undefined || q.max > 1;
}
function findHazard(node, outer, flags) {
    switch (node.type) {
        case 'quantifier': {
            if (outer !== undefined && repeats(node) && node.min !== node.max) {
                return `the quantifier '${node.raw}' is nested inside the repeated '${outer.raw}'; remove the inner or the outer quantifier (e.g. '(a+)+' \u2192 'a+', '(\\w+\\s?)*' \u2192 '[\\w\\s]*')`;
            }
            const next = outer ?? (repeats(node) ? node : undefined);
            return findHazard(node.body[0], next, flags);
        }
        case 'disjunction': {
            if (outer !== undefined) {
                const overlap = findOverlap(node.body, flags);
                if (overlap) {
                    return `the alternatives '${overlap[0]}' and '${overlap[1]}' inside the repeated '${outer.raw}' can match the same text; make them exclusive or use a character class (e.g. '(a|a)*' \u2192 'a*', '(\\w|\\d)+' \u2192 '\\w+')`;
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
function firstHazard(nodes, outer, flags) {
    for (const n of nodes) {
        const h = findHazard(n, outer, flags);
        if (h !== undefined)
            return h;
    }
    return undefined;
}
/** What a sequence of nodes can start with. */
function firstChars(nodes) {
    const out = { atoms: [], any: false, nullable: true };
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
function firstOf(node) {
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
            if (node.behavior !== 'normal' && node.behavior !== 'ignore')
                return { atoms: [], any: false, nullable: true };
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
const SAMPLES = [
    ...Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)),
    '\u03b1',
    '\u044f',
    '\u4e2d',
    '\u2028',
    '\u3000',
    '\ud83d\ude00',
];
function findOverlap(alternatives, flags) {
    const firsts = alternatives.map(firstOf);
    for (let i = 0; i < firsts.length; i++) {
        for (let j = i + 1; j < firsts.length; j++) {
            if (overlaps(firsts[i], firsts[j], flags))
                return [alternatives[i].raw, alternatives[j].raw];
        }
    }
    return undefined;
}
function overlaps(a, b, flags) {
    if (a.any || b.any || a.nullable || b.nullable)
        return true;
    const matcher = (atoms) => atoms.map((s) => new RegExp(`^(?:${s})$`, flags));
    const ra = matcher(a.atoms);
    const rb = matcher(b.atoms);
    return SAMPLES.some((c) => ra.some((r) => r.test(c)) && rb.some((r) => r.test(c)));
}
/**
 * A token-level check that complements the syntax-tree analysis: adjacent unbounded quantifiers over
 * overlapping atoms (`\w+\w+`, `.*.*`, `\S+.+`) backtrack polynomially on long inputs, and a repeated group
 * with an unbounded quantifier inside (`(\w*x){2,9}`). Returns the reason, or undefined.
 */
function findSequenceRisk(source) {
    const stack = [{ unbounded: false }];
    // The previous quantified atom in the current sequence, if its quantifier was unbounded.
    let previousUnbounded;
    let i = 0;
    while (i < source.length) {
        const c = source[i];
        let atom;
        let group;
        if (c === '\\') {
            const next = source[i + 1] ?? '';
            if ((next === 'p' || next === 'P' || next === 'u' || next === 'k') && source[i + 2] === '{') {
                const close = source.indexOf('}', i);
                atom = source.slice(i, close + 1);
                i = close + 1;
            }
            else {
                atom = source.slice(i, i + 2);
                i += 2;
            }
        }
        else if (c === '[') {
            let j = i + 1;
            if (source[j] === '^')
                j++;
            if (source[j] === ']')
                j++;
            while (j < source.length && source[j] !== ']')
                j += source[j] === '\\' ? 2 : 1;
            atom = source.slice(i, j + 1);
            i = j + 1;
        }
        else if (c === '(') {
            stack.push({ unbounded: false });
            previousUnbounded = undefined;
            i++;
            if (source[i] === '?') {
                i++;
                if (source[i] === '<' && source[i + 1] !== '=' && source[i + 1] !== '!')
                    i = source.indexOf('>', i) + 1;
                else
                    i++;
            }
            continue;
        }
        else if (c === ')') {
            group = stack.length > 1 ? stack.pop() : undefined;
            atom = ')';
            i++;
        }
        else if (c === '|') {
            previousUnbounded = undefined;
            i++;
            continue;
        }
        else {
            atom = c;
            i++;
        }
        const q = readQuantifier(source, i);
        i = q.next;
        const frame = stack[stack.length - 1];
        if (group) {
            if (group.unbounded && q.repeats)
                return 'a repeated group contains an unbounded (or widely bounded) quantifier';
            if (group.unbounded)
                frame.unbounded = true;
        }
        if (q.unbounded) {
            frame.unbounded = true;
            if (previousUnbounded !== undefined && tokensOverlap(previousUnbounded, atom)) {
                return `adjacent unbounded (or widely bounded) quantifiers over overlapping characters (${previousUnbounded}, ${atom})`;
            }
            previousUnbounded = atom;
        }
        else if (!q.optional) {
            previousUnbounded = undefined;
        }
    }
    return undefined;
}
function readQuantifier(source, i) {
    const c = source[i];
    let next = i;
    let unbounded = false;
    let repeats = false;
    let optional = false;
    if (c === '*' || c === '+') {
        unbounded = repeats = true;
        optional = c === '*';
        next = i + 1;
    }
    else if (c === '?') {
        optional = true;
        next = i + 1;
    }
    else if (c === '{') {
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
    if (next > i && source[next] === '?')
        next++;
    return { next, unbounded, repeats, optional };
}
/** A bounded quantifier whose range is wider than this counts as unbounded in the sequence check. */
const WIDE_RANGE = 32;
const BROAD = new Set(['.', '\\S', '\\w', '\\W', '\\D', '\\s', ')']);
function tokensOverlap(a, b) {
    return a === b || BROAD.has(a) || BROAD.has(b) || a.startsWith('[^') || b.startsWith('[^');
}


/***/ }),

/***/ 8164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ toScriptFindings),
/* harmony export */   g9: () => (/* binding */ scriptInterpreter),
/* harmony export */   l9: () => (/* binding */ checkInterpreter),
/* harmony export */   lW: () => (/* binding */ planScript),
/* harmony export */   sJ: () => (/* binding */ promptSubmittedEvent)
/* harmony export */ });
/**
 * `type: validator` with an inline `script`: the seed's own hook shape. The script gets the event as JSON
 * on standard input; a Python script also finds it bound as `event` (a dict that also reads as attributes,
 * so `event['prompt']` and `event.prompt` both work). An exception or a non-zero exit is a finding with the
 * script's message, and blocks the request like a `block: true` hook. Pure: the engine runs the plan.
 */
/** How each known interpreter takes a program as an argument (never through a shell of ours). */
const INLINE_FLAG = {
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
/** The interpreter: `runtime`, else the script's shebang, else python3 (the seed's scripts are Python). */
function scriptInterpreter(action) {
    if (action.runtime)
        return [action.runtime === 'python' ? 'python3' : action.runtime];
    const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(action.script);
    if (!shebang)
        return ['python3'];
    const [, program, argument] = shebang;
    // `#!/usr/bin/env python3` names the interpreter in its argument; `#!/usr/bin/python3` is the interpreter.
    if (/(^|\/)env$/.test(program) && argument)
        return [argument === 'python' ? 'python3' : argument];
    return [program];
}
/** Why an interpreter cannot run inline scripts, or undefined. */
function checkInterpreter(interpreter) {
    const name = interpreter
        .split('/')
        .pop()
        .replace(/[\d.]+$/, '');
    if (INLINE_FLAG[name] !== undefined)
        return undefined;
    return `runtime '${interpreter}' is not one of ${Object.keys(INLINE_FLAG).join(', ')} (a path or a versioned name such as python3.12 works too)`;
}
function planScript(action, event) {
    const [interpreter] = scriptInterpreter(action);
    const name = interpreter
        .split('/')
        .pop()
        .replace(/[\d.]+$/, '');
    const stdin = JSON.stringify(event);
    if (name === 'python' || name === 'python3')
        return { argv: [interpreter, '-c', PYTHON_PRELUDE, withoutShebang(action.script)], stdin };
    const flag = INLINE_FLAG[name] ?? '-c';
    return { argv: [interpreter, flag, withoutShebang(action.script)], stdin };
}
/** A shebang line is for choosing the interpreter; `node -e` would refuse it. */
function withoutShebang(script) {
    return script.startsWith('#!') ? script.replace(/^#![^\n]*/, '') : script;
}
function promptSubmittedEvent(hook, files) {
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
/** Exit 0: nothing. Otherwise one finding whose message is the script's own (its last line on stderr). */
function toScriptFindings(action, run, where, context) {
    if (run.exitCode === 0)
        return { findings: [], notes: [] };
    const said = lastLine(run.stderr) ?? lastLine(run.stdout);
    const message = action.message && said
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
function lastLine(text) {
    const lines = text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    return lines.at(-1);
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   m_: () => (/* binding */ configurationErrorOf)
/* harmony export */ });
/* unused harmony exports UsageError, UpstreamError, GitHubError, gitHubFailureKind, PermissionError, describeError */
/**
 * Errors say who must act. main.ts turns each into one clear sentence and the right exit status.
 */
/** The user must fix something: an input, the config file, a permission. Exit status 2 in the CLI. */
class ConfigurationError extends Error {
    location;
    problems;
    name = 'ConfigurationError';
    constructor(message, 
    /** Where: `.github/codex-hooks.yml:12:5` or `input 'fail-on'`. */
    location, 
    /** Every problem found, when a file had several (the message lists them). */
    problems = location ? [{ message, location }] : []) {
        super(location ? `${location}: ${message}` : message);
        this.location = location;
        this.problems = problems;
    }
}
const MAX_PROBLEMS_SHOWN = 20;
/** All the problems of one file in one error, so one edit fixes them all rather than one run per mistake. */
function configurationErrorOf(problems, file) {
    const [first] = problems;
    if (first === undefined)
        throw new Error('configurationErrorOf needs at least one problem');
    if (problems.length === 1)
        return new ConfigurationError(first.message, first.location);
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `  ${p.location}: ${p.message}`);
    if (problems.length > MAX_PROBLEMS_SHOWN)
        shown.push(`  and ${problems.length - MAX_PROBLEMS_SHOWN} more`);
    return new ConfigurationError(`${problems.length} problems in ${file}:\n${shown.join('\n')}`, undefined, problems);
}
/** A command line the CLI cannot take: a bad flag or argument. Shown with the command's usage line; exit 2. */
class UsageError extends Error {
    usage;
    name = 'UsageError';
    constructor(message, 
    /** The one-line synopsis of the command, e.g. `codex-hooks scan PATH... [options]`. */
    usage) {
        super(message);
        this.usage = usage;
    }
}
/** An outside system failed: GitHub or the hook endpoint. Says what answered, how, and what to do. */
class UpstreamError extends Error {
    service;
    status;
    hint;
    name = 'UpstreamError';
    constructor(message, service, status, hint) {
        super(`${service}${status !== undefined ? ` answered ${status}` : ' failed'}: ${message}${hint ? ` (${hint})` : ''}`);
        this.service = service;
        this.status = status;
        this.hint = hint;
    }
}
/** GitHub refused or failed a request; `kind` says why, the message quotes GitHub's reason (redacted). */
class GitHubError extends UpstreamError {
    kind;
    name = 'GitHubError';
    constructor(message, kind, status, hint) {
        super(message, 'GitHub', status, hint);
        this.kind = kind;
    }
}
/** The kind of a GitHub failure; undefined for anything else. */
function gitHubFailureKind(error) {
    if (error instanceof PermissionError)
        return 'permission';
    return error instanceof GitHubError ? error.kind : undefined;
}
/** A write GitHub refused for lack of a workflow permission; the run goes on and reports another way. */
class PermissionError extends UpstreamError {
    permission;
    name = 'PermissionError';
    constructor(permission, what) {
        super(`the token may not ${what}`, 'GitHub', 403, `grant \`permissions: ${permission}\` to the job; on pull requests from forks the token is read-only`);
        this.permission = permission;
    }
}
/** One sentence for the log, whatever was thrown. */
function describeError(error) {
    if (error instanceof UsageError)
        return `Usage error: ${error.message}\nUsage: ${error.usage}`;
    if (error instanceof ConfigurationError)
        return `Configuration error: ${error.message}`;
    if (error instanceof UpstreamError)
        return error.message;
    if (error instanceof Error)
        return `Internal error (please report it): ${error.message}`;
    return `Internal error (please report it): ${String(error)}`;
}


/***/ })

};
