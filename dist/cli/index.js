#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 81:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(895);

process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .ak)(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 895:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ak: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: EXIT, wholeFileAsAdded

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/errors.ts
/**
 * Errors say who must act. main.ts turns each into one clear sentence and the right exit status.
 */
/** The user must fix something: an input, the config file, a permission. Exit status 2 in the CLI. */
class errors_ConfigurationError extends Error {
    location;
    name = 'ConfigurationError';
    constructor(message, 
    /** Where: `.github/codex-hooks.yml:12:5` or `input 'fail-on'`. */
    location) {
        super(location ? `${location}: ${message}` : message);
        this.location = location;
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
    if (error instanceof errors_ConfigurationError)
        return `Configuration error: ${error.message}`;
    if (error instanceof UpstreamError)
        return error.message;
    if (error instanceof Error)
        return `Internal error (please report it): ${error.message}`;
    return `Internal error (please report it): ${String(error)}`;
}

;// CONCATENATED MODULE: ./src/adapters/git.ts


const MAX_BUFFER = 256 * 1024 * 1024;
function createGit(cwd) {
    const git = (args) => new Promise((resolve) => {
        (0,external_node_child_process_namespaceObject.execFile)('git', [...args], { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8', windowsHide: true }, (error, stdout) => resolve({ ok: !error, stdout: String(stdout) }));
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
    };
}
/** A revision must not look like an option: `--output=…` as a ref would be an injection. */
function validRev(rev) {
    if (rev.startsWith('-') || rev.includes('\0'))
        throw new errors_ConfigurationError(`'${rev.slice(0, 80)}' is not a valid git revision`);
    return rev;
}

;// CONCATENATED MODULE: ./src/core/diff/parse-git-diff.ts
/**
 * Parses the output of `git diff` (several files, with headers) into ChangedFile records whose `patch`
 * holds the hunks only, like GitHub's. Run git with `--no-color --no-ext-diff -M` for this format.
 */
function parse_git_diff_parseGitDiff(output) {
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
/** `a/x` → `x`; `/dev/null` → undefined. */
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
/** Undoes git's C-style quoting of paths: `"a/caf\303\251.txt"` → `a/café.txt`. */
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

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/core/types.ts
/**
 * The data that flows through the pipeline. Every stage takes and returns these; nothing here
 * knows about GitHub, the runner or the network.
 */
/** Highest first: the order findings are reported and compared against `fail-on`. */
const SEVERITIES = ['error', 'warning', 'notice'];

;// CONCATENATED MODULE: ./src/core/findings.ts


/** Short, stable hash used in fingerprints and hidden comment markers. */
function shortHash(...parts) {
    const h = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    for (const p of parts)
        h.update(p).update('\0');
    return h.digest('hex').slice(0, 16);
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
function buildJsonReport(findings, stats, conclusion, skipped = []) {
    return {
        version: 1,
        findings: sortFindings(findings).map(toReportFinding),
        stats,
        conclusion,
        ...(skipped.length > 0 ? { skipped } : {}),
    };
}

;// CONCATENATED MODULE: ../../main/node_modules/balanced-match/dist/esm/index.js
const balanced = (a, b, str) => {
    const ma = a instanceof RegExp ? maybeMatch(a, str) : a;
    const mb = b instanceof RegExp ? maybeMatch(b, str) : b;
    const r = ma !== null && mb != null && range(ma, mb, str);
    return (r && {
        start: r[0],
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + ma.length, r[1]),
        post: str.slice(r[1] + mb.length),
    });
};
const maybeMatch = (reg, str) => {
    const m = str.match(reg);
    return m ? m[0] : null;
};
const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
    let ai = str.indexOf(a);
    let bi = str.indexOf(b, ai + 1);
    let i = ai;
    if (ai >= 0 && bi > 0) {
        if (a === b) {
            return [ai, bi];
        }
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
            if (i === ai) {
                begs.push(i);
                ai = str.indexOf(a, i + 1);
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ../../main/node_modules/brace-expansion/dist/esm/index.js

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
    if (!str) {
        return [];
    }
    const max = bound(options.max, EXPANSION_MAX);
    const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
    const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
    const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
    const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
}
function isPadded(el) {
    return /^-?0\d/.test(el);
}
function lte(i, y) {
    return i <= y;
}
function gte(i, y) {
    return i >= y;
}
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    const pad = n.some(isPadded);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
                        c = z + c;
                    }
                }
            }
        }
        if (length + c.length > maxLength)
            break;
        N.push(c);
        length += c.length;
    }
    return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
            firstGroup = false;
            if (!m.post.length)
                break;
            str = m.post;
            masked = masked.slice(m.end + 1);
            continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
            let dropsEmpties = dropEmpties && !m.post.length && !pre;
            for (let d = 0; dropsEmpties && d < acc.length; d++) {
                if (acc[d]) {
                    dropsEmpties = false;
                }
            }
            values = [];
            let valuesLength = 0;
            outer: for (let j = 0; j < n.length; j++) {
                const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ../../main/node_modules/@isaacs/nonrecursive-glob-match/dist/esm/numeric-range.js
// One digit, or a class of digits from a to b.
const digit = (a, b) => a === b ?
    { t: 'lit', ch: String(a) }
    : { t: 'class', re: new RegExp(`^[${a}-${b}]$`) };
const prefix = (d, alts) => alts.map(s => [digit(d, d), ...s]);
// The digit strings from a to b, which have the same length.
const fixed = (a, b) => {
    if (!a)
        return [[]];
    let lo = +a[0];
    let hi = +b[0];
    const ra = a.slice(1);
    const rb = b.slice(1);
    if (lo === hi)
        return prefix(lo, fixed(ra, rb));
    const zeros = '0'.repeat(ra.length);
    const nines = '9'.repeat(ra.length);
    const out = [];
    if (ra !== zeros)
        out.push(...prefix(lo++, fixed(ra, nines)));
    const last = rb === nines ? [] : prefix(hi--, fixed(zeros, rb));
    if (lo <= hi) {
        out.push([digit(lo, hi), ...Array.from(ra, () => digit(0, 9))]);
    }
    out.push(...last);
    return out;
};
// The numbers from a to b, where 0 <= a <= b. If width is set, each
// one has leading zeros to make it that many digits.
const nonneg = (a, b, width) => {
    if (width) {
        return fixed(String(a).padStart(width, '0'), String(b).padStart(width, '0'));
    }
    const out = [];
    for (let len = String(a).length; len <= String(b).length; len++) {
        const lo = Math.max(a, len === 1 ? 0 : 10 ** (len - 1));
        const hi = Math.min(b, 10 ** len - 1);
        out.push(...fixed(String(lo), String(hi)));
    }
    return out;
};
/**
 * The strings that the bash brace expansion `{lo..hi}` makes, as
 * the alternatives of an `@(...)` extglob. Each one is a sequence of
 * digits and digit classes, so there are only a few of them, even for
 * a large range.
 *
 * If either end has a leading zero, such as `{01..10}`, each number
 * has leading zeros to make it as long as the longer end, counting a
 * `-` sign. So `{-05..3}` makes `-05` to `-01`, then `000` to `003`.
 *
 * Returns undefined if either end is not a safe integer.
 */
const numericRange = (loStr, hiStr) => {
    let lo = Number(loStr);
    let hi = Number(hiStr);
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi))
        return;
    if (lo > hi)
        [lo, hi] = [hi, lo];
    const padded = /^-?0\d/.test(loStr) || /^-?0\d/.test(hiStr);
    const width = padded ? Math.max(loStr.length, hiStr.length) : 0;
    const out = [];
    if (lo < 0) {
        const neg = nonneg(Math.max(-hi, 1), -lo, width && width - 1);
        out.push(...neg.map(s => [{ t: 'lit', ch: '-' }, ...s]));
    }
    if (hi >= 0)
        out.push(...nonneg(Math.max(lo, 0), hi, width));
    return out;
};
//# sourceMappingURL=numeric-range.js.map
;// CONCATENATED MODULE: ../../main/node_modules/@isaacs/nonrecursive-glob-match/dist/esm/parse-class.js
// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}'],
    '[:alpha:]': ['\\p{L}\\p{Nl}'],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f'],
    '[:blank:]': ['\\p{Zs}\\t'],
    '[:cntrl:]': ['\\p{Cc}'],
    '[:digit:]': ['\\p{Nd}'],
    '[:graph:]': ['\\p{Z}\\p{C}', true],
    '[:lower:]': ['\\p{Ll}'],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}\\p{S}'],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f'],
    '[:upper:]': ['\\p{Lu}'],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}'],
    '[:xdigit:]': ['A-Fa-f0-9'],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
const noMatch = /$./;
// Takes a glob string at a posix brace expression. Returns a RegExp
// that tests one character, and the number of glob chars consumed.
// If the class is not closed, consumed is 0, and the `[` must be
// treated as a literal character.
// Out of order ranges are removed. If nothing is left, the RegExp
// is `/$./`, and the rest of the glob is consumed, so that the
// whole glob cannot match.
const parseClass = (glob, position, nocase = false, form) => {
    // normalize one class member, if it stays one code point
    const norm = (c) => {
        const n = form ? c.normalize(form) : c;
        return [...n].length === 1 ? n : c;
    };
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = String.fromCodePoint(glob.codePointAt(i));
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
                    if (rangeStart) {
                        return [noMatch, glob.length - pos];
                    }
                    i += cls.length;
                    if (neg)
                        negs.push(unip);
                    else
                        ranges.push(unip);
                    continue WHILE;
                }
            }
        }
        // now it's just a normal character, effectively
        escaping = false;
        const n = norm(c);
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (n.codePointAt(0) > rangeStart.codePointAt(0)) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(n));
            }
            else if (n === rangeStart) {
                ranges.push(braceEscape(n));
            }
            rangeStart = '';
            i += c.length;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + c.length)) {
            ranges.push(braceEscape(n + '-'));
            i += c.length + 1;
            continue;
        }
        if (glob.startsWith('-', i + c.length)) {
            rangeStart = n;
            i += c.length + 1;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(n));
        i += c.length;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return [noMatch, 0];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return [noMatch, glob.length - pos];
    }
    const sranges = '[' + (negate ? '^' : '') + ranges.join('') + ']';
    const snegs = '[' + (negate ? '' : '^') + negs.join('') + ']';
    const comb = '^' +
        (ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
            : ranges.length ? sranges
                : snegs);
    return [new RegExp(comb, nocase ? 'iu' : 'u'), endPos - pos];
};
//# sourceMappingURL=parse-class.js.map
;// CONCATENATED MODULE: ../../main/node_modules/@isaacs/nonrecursive-glob-match/dist/esm/index.js


// the end of the pattern, or of a negated sub-pattern
const MATCH = { t: 'match', id: 0 };
const extTypes = '!?+*@';
const lit = (ch) => ({ t: 'lit', ch });
const reEscape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
// a RegExp that only matches `s`, with unicode case folding
const newFoldRe = (s) => new RegExp(`^${reEscape(s)}$`, 'iu');
// foldRe for one literal char. The same chars are in most patterns,
// so keep them. A RegExp without the `g` or `y` flag has no state to
// share.
const foldCache = new Map();
const foldRe = (ch) => {
    let re = foldCache.get(ch);
    if (!re) {
        re = newFoldRe(ch);
        if (foldCache.size >= 1000)
            foldCache.clear();
        foldCache.set(ch, re);
    }
    return re;
};
const litMatch = (l, c) => {
    if (c === l.ch)
        return true;
    if (!l.re)
        return false;
    const code = c.charCodeAt(0);
    if (code >= 128)
        return l.re.test(c);
    const ascii = (l.ascii ??= new Uint8Array(128));
    ascii[code] ||= l.re.test(c) ? 1 : 2;
    return ascii[code] === 1;
};
const tokenize = (p, nocase, noext, form, mark) => {
    const toks = [];
    for (let i = 0; i < p.length;) {
        const c = String.fromCodePoint(p.codePointAt(i));
        if (mark) {
            // a \ before a range would only escape its first char
            const m = c === '\\' && p.startsWith(mark, i + 1) ? 1 : 0;
            if (m || c === mark) {
                const start = i + m + mark.length;
                const end = p.indexOf(mark, start);
                const r = /^(-?\d+)\.\.(-?\d+)$/.exec(p.slice(start, end));
                const alts = end !== -1 && r && numericRange(r[1], r[2]);
                if (alts) {
                    toks.push({ t: 'ext', type: '@', alts });
                    i = end + mark.length;
                    continue;
                }
            }
        }
        if (c === '\\') {
            // a trailing \ is a literal \
            const e = p.codePointAt(i + 1);
            const ch = e === undefined ? c : String.fromCodePoint(e);
            toks.push(lit(ch));
            i += 1 + ch.length;
            continue;
        }
        if (c === '[') {
            const [re, consumed] = parseClass(p, i, nocase, form);
            if (consumed) {
                toks.push({ t: 'class', re });
                i += consumed;
                continue;
            }
        }
        if (!noext && extTypes.includes(c) && p[i + 1] === '(') {
            toks.push({ t: 'open', type: c });
            i += 2;
            continue;
        }
        toks.push(!noext && c === '|' ? { t: 'bar' }
            : !noext && c === ')' ? { t: 'close' }
                : c === '*' ? { t: 'star' }
                    : c === '?' ? { t: 'any' }
                        : lit(c));
        i += c.length;
    }
    return toks;
};
// map each open token index to the index of its close token
const pair = (toks) => {
    const pairs = new Map();
    const stack = [];
    toks.forEach((tok, i) => {
        if (tok.t === 'open')
            stack.push(i);
        else if (tok.t === 'close' && stack.length)
            pairs.set(stack.pop(), i);
    });
    return pairs;
};
// build the alternatives between start and end. An open token that
// is not closed is never inside a closed extglob, so bar and close
// tokens are only literal at the top level.
const build = (toks, pairs, start, end, top) => {
    let seq = [];
    const alts = [seq];
    for (let i = start; i < end; i++) {
        const tok = toks[i];
        const close = pairs.get(i);
        if (tok.t === 'open' && close !== undefined) {
            const sub = build(toks, pairs, i + 1, close, false);
            seq.push({ t: 'ext', type: tok.type, alts: sub });
            i = close;
        }
        else if (tok.t === 'bar' && !top) {
            alts.push((seq = []));
        }
        else if (tok.t === 'open') {
            seq.push(lit(tok.type), lit('('));
        }
        else if (tok.t === 'bar') {
            seq.push(lit('|'));
        }
        else if (tok.t === 'close') {
            seq.push(lit(')'));
        }
        else {
            seq.push(tok);
        }
    }
    return alts;
};
// normalize each run of literal chars as one string, so that a char
// and the combining marks after it compose (or decompose) together.
// Syntax is already parsed, so a char that normalizes to a syntax
// char (such as full-width `＊` in NFKC) stays a literal.
const normalize = (items, form) => {
    const out = [];
    let run = '';
    const flush = () => {
        for (const ch of run.normalize(form))
            out.push(lit(ch));
        run = '';
    };
    for (const it of items) {
        if (it.t === 'lit') {
            run += it.ch;
            continue;
        }
        flush();
        out.push(it.t === 'ext' ?
            { ...it, alts: it.alts.map(a => normalize(a, form)) }
            : it);
    }
    flush();
    return out;
};
// the start node, and the number of node ids. Ids are dense, from 0
// for the match node.
const compile = (items, nocase) => {
    let id = 1;
    const split = (out) => ({ t: 'split', id: id++, out });
    const seq = (items, next) => items.reduceRight((next, it) => item(it, next), next);
    const item = (it, next) => {
        switch (it.t) {
            case 'lit':
                const re = nocase ? foldRe(it.ch) : undefined;
                return { t: 'lit', id: id++, ch: it.ch, re, next };
            case 'any':
            case 'star':
                return { t: it.t, id: id++, next };
            case 'class':
                return { t: 'class', id: id++, re: it.re, next };
        }
        const alts = (next) => it.alts.map(a => seq(a, next));
        switch (it.type) {
            case '@':
                return split(alts(next));
            case '?':
                return split([next, ...alts(next)]);
            case '!':
                return { t: 'neg', id: id++, sub: split(alts(MATCH)), next };
        }
        // * and +, loop back after each match
        const after = split([]);
        const entry = split(alts(after));
        after.out.push(next, entry);
        return it.type === '*' ? after : entry;
    };
    const start = seq(items, MATCH);
    return [start, id];
};
// one line per node, in the order that a walk from the start
// reaches them. Edges point to node ids. The nodes of a negated
// sub-pattern are indented under their negation.
const show = (start) => {
    const lines = [];
    const seen = new Set();
    const ref = (n) => (n.t === 'match' ? 'match' : String(n.id));
    const walk = (n, indent) => {
        if (n.t === 'match' || seen.has(n))
            return;
        seen.add(n);
        const line = (desc) => lines.push(`${indent}${n.id}: ${desc}`);
        switch (n.t) {
            case 'split':
                line(`split -> ${n.out.map(ref).join(', ')}`);
                for (const o of n.out)
                    walk(o, indent);
                return;
            case 'neg':
                line(`!(${ref(n.sub)}) -> ${ref(n.next)}`);
                walk(n.sub, indent + '  ');
                return walk(n.next, indent);
            case 'lit':
                line(`${JSON.stringify(n.ch)} -> ${ref(n.next)}`);
                break;
            case 'class':
                line(`${n.re} -> ${ref(n.next)}`);
                break;
            default:
                line(`${n.t === 'any' ? '?' : '*'} -> ${ref(n.next)}`);
        }
        walk(n.next, indent);
    };
    walk(start, '');
    return [`start -> ${ref(start)}`, ...lines].join('\n');
};
// The threads at one position in the string. Each node thread is
// only kept once, and runs with the same state are only kept once,
// so that identical threads merge. The match node is not in
// `threads`, because it can not step. It sets `match` instead.
class State {
    // set by the Sim, to mark the nodes that this state has
    gen;
    threads = [];
    match = false;
    runs = [];
    // the sorted ids of the threads, with 0 for a match, once the
    // state is done
    ids = [];
    constructor(gen) {
        this.gen = gen;
    }
    // no threads, so nothing more can match
    get dead() {
        return !this.threads.length && !this.match && !this.runs.length;
    }
}
// true if the two states hold the same threads
const sameState = (a, b) => {
    if (a.ids.length !== b.ids.length)
        return false;
    if (a.runs.length !== b.runs.length)
        return false;
    if (a.ids.some((id, i) => id !== b.ids[i]))
        return false;
    return a.runs.every(r => b.runs.some(o => o.neg === r.neg && sameState(o.state, r.state)));
};
const marks = (size) => ({
    has: new Float64Array(size),
    seen: new Float64Array(size),
    gen: 0,
});
class Sim {
    // `.` and `..` only match literal dots, even with `dot:true`
    dots;
    // the string starts with `.`, and `dot:true` is not set
    dotStart;
    #marks;
    constructor(dots, dotStart, marks) {
        this.dots = dots;
        this.dotStart = dotStart;
        this.#marks = marks;
    }
    state() {
        return new State(++this.#marks.gen);
    }
    // sort the ids of a state, once it has all of its threads
    done(state) {
        state.ids = state.threads.map(n => n.id).sort((a, b) => a - b);
        if (state.match)
            state.ids.unshift(MATCH.id);
        return state;
    }
    // true the first time that the state walks through the node, so
    // that loops in the graph stop
    #visit(state, node) {
        const { seen } = this.#marks;
        if (seen[node.id] === state.gen)
            return false;
        seen[node.id] = state.gen;
        return true;
    }
    #addThread(state, node) {
        const { has } = this.#marks;
        if (has[node.id] === state.gen)
            return false;
        has[node.id] = state.gen;
        state.threads.push(node);
        return true;
    }
    // wildcards only match a leading dot if `dot:true`. In a negated
    // sub-pattern, this does not apply, because the negation itself
    // can not match a leading dot.
    restricted(i, top) {
        return top && (this.dots || (this.dotStart && i === 0));
    }
    add(state, node, i, top) {
        switch (node.t) {
            case 'split':
                if (!this.#visit(state, node))
                    return;
                for (const o of node.out)
                    this.add(state, o, i, top);
                return;
            case 'neg':
                if (!this.#visit(state, node))
                    return;
                const sub = this.state();
                this.add(sub, node.sub, i, false);
                this.done(sub);
                return this.addRun(state, { t: 'run', neg: node, state: sub }, i, top);
            case 'star':
                // a * can not start a dotfile, even if it matches nothing
                if (this.restricted(i, top))
                    return;
                if (this.#addThread(state, node))
                    this.add(state, node.next, i, top);
                return;
            case 'match':
                state.match = true;
                return;
            default:
                this.#addThread(state, node);
        }
    }
    addRun(state, run, i, top) {
        for (const r of state.runs) {
            if (r.neg === run.neg && sameState(r.state, run.state))
                return;
        }
        state.runs.push(run);
        if (!run.state.match) {
            this.add(state, run.neg.next, i, top);
        }
    }
    // the threads after char `c`, at index `i`
    step(state, c, i, top) {
        const next = this.state();
        for (const th of state.threads) {
            switch (th.t) {
                case 'lit':
                    if (litMatch(th, c)) {
                        this.add(next, th.next, i + 1, top);
                    }
                    break;
                case 'any':
                    if (!this.restricted(i, top))
                        this.add(next, th.next, i + 1, top);
                    break;
                case 'class':
                    if (!this.restricted(i, top) && th.re.test(c)) {
                        this.add(next, th.next, i + 1, top);
                    }
                    break;
                case 'star':
                    if (!this.restricted(i, top))
                        this.add(next, th, i + 1, top);
            }
        }
        if (!this.restricted(i, top)) {
            for (const run of state.runs) {
                // a sub-pattern with no threads can not match again, so the
                // run stays the same
                if (run.state.dead) {
                    this.addRun(next, run, i + 1, top);
                    continue;
                }
                const sub = this.step(run.state, c, i, false);
                this.addRun(next, { t: 'run', neg: run.neg, state: sub }, i + 1, top);
            }
        }
        return this.done(next);
    }
}
// A canonical key for the threads in a state. States with the same
// key hold the same threads, so they match the same strings.
const stateKey = (state) => {
    const ids = state.ids.join();
    if (!state.runs.length)
        return ids;
    const runs = state.runs.map(r => `${r.neg.id}(${stateKey(r.state)})`);
    return `${ids}|${runs.sort().join('|')}`;
};
// The cache can hold about this many chars of state keys and
// transitions. When it is full, it is cleared, so that a pattern
// can not use an unbounded amount of memory.
const DFA_BUDGET = 1 << 18;
// A cache of the states that the simulation reaches, built as the
// matcher is used. Each char of a string is then one Map lookup,
// once the states that it leads to are known.
//
// The dot rules only restrict the first char of a dotfile (strings
// that are only `.` or `..` do not use the cache). So a dotfile
// starts at its own state, which takes its first step with the
// restriction, and every other state takes steps without it.
class Dfa {
    #start;
    #states = new Map();
    #size = 0;
    #plain;
    #dotStart;
    #sim;
    #dotSim;
    constructor(start, marks) {
        this.#start = start;
        this.#sim = new Sim(false, false, marks);
        this.#dotSim = new Sim(false, true, marks);
    }
    #make(state) {
        return {
            state,
            match: state.match,
            dead: state.dead,
            next: new Map(),
        };
    }
    #intern(state) {
        const key = stateKey(state);
        const found = this.#states.get(key);
        if (found)
            return found;
        if (this.#size > DFA_BUDGET)
            this.#clear();
        const d = this.#make(state);
        this.#states.set(key, d);
        this.#size += key.length + 1;
        return d;
    }
    #clear() {
        this.#states.clear();
        this.#size = 0;
        this.#plain = undefined;
        this.#dotStart = undefined;
    }
    start(dotStart) {
        if (dotStart) {
            if (this.#dotStart)
                return this.#dotStart;
            const state = this.#dotSim.state();
            this.#dotSim.add(state, this.#start, 0, true);
            return (this.#dotStart = this.#make(this.#dotSim.done(state)));
        }
        if (this.#plain)
            return this.#plain;
        const state = this.#sim.state();
        this.#sim.add(state, this.#start, 0, true);
        return (this.#plain = this.#intern(this.#sim.done(state)));
    }
    // the next state, after a miss in `d.ascii`
    next(d, c) {
        const code = c.charCodeAt(0);
        const found = code < 128 ? undefined : d.next.get(c);
        if (found)
            return found;
        // the dotfile start is not in the cache, so it is never shared
        const n = d === this.#dotStart ?
            this.#intern(this.#dotSim.step(d.state, c, 0, true))
            : this.#intern(this.#sim.step(d.state, c, 1, true));
        if (code < 128) {
            if (!d.ascii) {
                d.ascii = new Array(128);
                this.#size += 128;
            }
            d.ascii[code] = n;
        }
        else {
            d.next.set(c, n);
        }
        this.#size++;
        return n;
    }
}
// the nodes in order, if the graph is a single chain
const linear = (start) => {
    const nodes = [];
    for (let n = start; n.t !== 'match'; n = n.next) {
        if (n.t === 'split' || n.t === 'neg')
            return undefined;
        nodes.push(n);
    }
    return nodes;
};
// Match a chain of nodes. Each node other than `*` matches exactly
// one char, so on a failure it is enough to go back to the last `*`
// and let it match one more char. This takes at most
// nodes.length * chars.length steps.
const testLinear = (nodes, chars, start, end) => {
    let ni = 0;
    let ci = start;
    let starNi = -1;
    let starCi = 0;
    while (ci < end) {
        const n = nodes[ni];
        if (n?.t === 'star') {
            starNi = ni++;
            starCi = ci;
            continue;
        }
        const c = chars[ci];
        if (n &&
            (n.t === 'any' ||
                (n.t === 'lit' && litMatch(n, c)) ||
                (n.t === 'class' && n.re.test(c)))) {
            ni++;
            ci++;
            continue;
        }
        if (starNi === -1)
            return false;
        ni = starNi + 1;
        ci = ++starCi;
    }
    while (nodes[ni]?.t === 'star')
        ni++;
    return ni === nodes.length;
};
// The least and most chars that the items can match. These are only
// bounds: a negation can match a string of any length, so it counts
// as 0 to Infinity.
const lengths = (items) => {
    let min = 0;
    let max = 0;
    for (const it of items) {
        const [lo, hi] = itemLengths(it);
        min += lo;
        max += hi;
    }
    return [min, max];
};
const itemLengths = (it) => {
    if (it.t === 'star')
        return [0, Infinity];
    if (it.t !== 'ext')
        return [1, 1];
    if (it.type === '!')
        return [0, Infinity];
    const alts = it.alts.map(lengths);
    const min = Math.min(...alts.map(a => a[0]));
    const max = Math.max(...alts.map(a => a[1]));
    // a loop of alternatives that only match the empty string is empty
    const loop = max === 0 ? 0 : Infinity;
    return (it.type === '@' ? [min, max]
        : it.type === '?' ? [0, max]
            : it.type === '*' ? [0, loop]
                : [min, loop]);
};
// true if the chars from `start` match the literals
const hasAffix = (lits, chars, start) => {
    for (let j = 0; j < lits.length; j++) {
        if (!litMatch(lits[j], chars[start + j]))
            return false;
    }
    return true;
};
// a `/`, or half of a surrogate pair
const slashOrSurrogate = /[/\ud800-\udfff]/;
const surrogate = /[\ud800-\udfff]/;
// a string can be indexed by code point, unless it has surrogate
// pairs
const codePoints = (s) => surrogate.test(s) ? [...s] : s;
const noSlash = (s) => {
    if (s.includes('/')) {
        throw new Error('can only match a single path portion, got: ' + s);
    }
};
class Matcher {
    pattern;
    options;
    #start;
    // the number of node ids
    #size;
    #marks;
    // the Sim for strings that are only `.` or `..`
    #dotsSim;
    // the string to compare, if the pattern has no magic. With
    // `nocase:true`, the RegExp that folds case is made when it is
    // first used.
    #literal;
    #literalFold = false;
    #literalRe;
    // the nodes between the prefix and suffix, if the graph is a
    // single chain
    #linear;
    // the linear nodes are only `*` and `?`, so the length bounds and
    // the prefix and suffix decide the match
    #wild = false;
    // the least and most chars that a match can have
    #min = 0;
    #max = Infinity;
    // the literals that a match must start and end with. Each one
    // matches exactly one char, and they are distinct items in the
    // pattern, so a string that does not have them can not match.
    #prefix = [];
    #suffix = [];
    // the prefix and suffix as strings, if they do not fold case
    #prefixStr;
    #suffixStr;
    // there is a prefix or suffix to check
    #affix = false;
    #dfa;
    #form;
    constructor(pattern, options = {}) {
        if (pattern.includes('/')) {
            throw new Error('can only match a single path portion, got pattern: ' + pattern);
        }
        this.pattern = pattern;
        this.options = options;
        const { nocase = false, noext = false, normalize: n } = options;
        this.#form = n === true ? 'NFC' : n || undefined;
        // a pattern that is only an empty extglob is a literal string,
        // except for `!()`, which matches any non-empty string
        const literal = /^[?*+@]\(\)$/.test(pattern);
        const toks = tokenize(pattern, nocase, noext || literal, this.#form, options.rangeMark);
        let [items] = build(toks, pair(toks), 0, toks.length, true);
        if (this.#form)
            items = normalize(items, this.#form);
        const [start, size] = compile(items, nocase);
        this.#start = start;
        this.#size = size;
        if (items.every(it => it.t === 'lit')) {
            this.#literal = items.map(it => it.ch).join('');
            this.#literalFold = nocase;
        }
        else {
            const lit = (it) => it.t !== 'lit' ? undefined
                : nocase ? { ch: it.ch, re: foldRe(it.ch) }
                    : { ch: it.ch };
            for (const it of items) {
                const l = lit(it);
                if (!l)
                    break;
                this.#prefix.push(l);
            }
            for (let j = items.length - 1; j >= 0; j--) {
                const l = lit(items[j]);
                if (!l)
                    break;
                this.#suffix.unshift(l);
            }
            this.#affix = !!(this.#prefix.length || this.#suffix.length);
            if (!nocase) {
                this.#prefixStr = this.#prefix.map(l => l.ch).join('');
                this.#suffixStr = this.#suffix.map(l => l.ch).join('');
            }
            this.#linear = linear(this.#start)?.slice(this.#prefix.length, -this.#suffix.length || undefined);
            this.#wild = !!this.#linear?.every(n => n.t === 'star' || n.t === 'any');
            const [min, max] = lengths(items);
            this.#min = min;
            this.#max = max;
        }
    }
    test(s) {
        // The `/` check uses the string as given, so with normalization it
        // is a separate step. Otherwise, one scan finds both a `/` and the
        // surrogate pairs that stop the string being indexed by code point.
        if (this.#form) {
            noSlash(s);
            return this.#test(s.normalize(this.#form));
        }
        if (slashOrSurrogate.test(s)) {
            noSlash(s);
            return this.#test(s, [...s]);
        }
        return this.#test(s, s);
    }
    /**
     * The same as {@link Matcher#test}, but the string is not checked
     * for `/` chars, so the result for a string that has one is not
     * defined. Only use it for a string that is known to be one path
     * portion, such as a part of a path that was split on `/`. It can
     * be faster, because some patterns do not need to look at each char
     * of the string.
     */
    testUnchecked(s) {
        return this.#test(this.#form ? s.normalize(this.#form) : s);
    }
    // Test a string that has no `/`. `chars` indexes it by code point.
    // If it is not given, it is only found if a step needs it.
    #test(s, chars) {
        if (this.#literal !== undefined) {
            return this.#literalFold ?
                (this.#literalRe ??= newFoldRe(this.#literal)).test(s)
                : s === this.#literal;
        }
        // the length check means that the prefix and suffix do not
        // overlap. Without the chars, the length in code points is from
        // half of the UTF-16 length (if each one is a surrogate pair) to
        // all of it, which is often enough to know.
        const min = this.#min;
        const max = this.#max;
        if (chars === undefined) {
            const most = s.length;
            const least = (most + 1) >> 1;
            if (most < min || least > max)
                return false;
            if (least < min || most > max)
                chars = codePoints(s);
        }
        if (chars !== undefined &&
            (chars.length < min || chars.length > max)) {
            return false;
        }
        const prefix = this.#prefix.length;
        if (this.#affix) {
            if (this.#prefixStr !== undefined && this.#suffixStr !== undefined) {
                if (!s.startsWith(this.#prefixStr) ||
                    !s.endsWith(this.#suffixStr)) {
                    return false;
                }
            }
            else {
                chars ??= codePoints(s);
                const end = chars.length - this.#suffix.length;
                if (!hasAffix(this.#prefix, chars, 0) ||
                    !hasAffix(this.#suffix, chars, end)) {
                    return false;
                }
            }
        }
        const dotStart = !this.options.dot && s.startsWith('.');
        if (this.#linear) {
            // `.` and `..` only match literal dots, even with `dot:true`
            if (s === '.' || s === '..')
                return false;
            // only a literal can match the leading dot. A `*` can not
            // start a dotfile, even if it matches nothing.
            if (dotStart && !prefix)
                return false;
            if (this.#wild)
                return true;
            chars ??= codePoints(s);
            const end = chars.length - this.#suffix.length;
            return testLinear(this.#linear, chars, prefix, end);
        }
        chars ??= codePoints(s);
        if (s === '.' || s === '..') {
            this.#marks ??= marks(this.#size);
            const sim = (this.#dotsSim ??= new Sim(true, false, this.#marks));
            const start = sim.state();
            sim.add(start, this.#start, 0, true);
            let state = sim.done(start);
            for (let i = 0; i < chars.length; i++) {
                state = sim.step(state, chars[i], i, true);
            }
            return state.match;
        }
        this.#marks ??= marks(this.#size);
        const dfa = (this.#dfa ??= new Dfa(this.#start, this.#marks));
        let d = dfa.start(dotStart);
        // read char codes from the string, so that a one-char string is
        // only made for a cache miss
        const str = chars === s;
        for (let i = 0; i < chars.length; i++) {
            if (d.dead)
                return false;
            const code = str ? s.charCodeAt(i) : chars[i].charCodeAt(0);
            d = d.ascii?.[code] ?? dfa.next(d, chars[i]);
        }
        return d.match;
    }
    /** a readable listing of the state machine */
    toString() {
        return show(this.#start);
    }
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ../../main/node_modules/minimatch/dist/esm/assert-valid-pattern.js
const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};
//# sourceMappingURL=assert-valid-pattern.js.map
;// CONCATENATED MODULE: ../../main/node_modules/minimatch/dist/esm/escape.js
/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 *
 * A leading `#` or `!` is escaped as well, so that the result is never a
 * comment or a negated pattern. In `windowsPathsNoEscape` mode, a leading
 * `!` is written as `@(!)`, because `[!` starts a negated class.
 */
const escape_escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    // However, at the start of the pattern, '!' negates the pattern and
    // '#' makes it a comment, so the first character is handled below.
    const e = magicalBraces ?
        windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&')
        : windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, '[$&]')
            : s.replace(/[?*()[\]\\]/g, '\\$&');
    const c = e.charAt(0);
    if (c === '#') {
        return (windowsPathsNoEscape ? '[#]' : '\\#') + e.slice(1);
    }
    if (c === '!') {
        // '[!]' can not be used, because '[!' starts a negated class, and
        // '\' is a path separator in windowsPathsNoEscape mode. '@(!)'
        // matches only '!'. If extglobs are disabled with `noext`, it
        // matches nothing, rather than everything.
        return (windowsPathsNoEscape ? '@(!)' : '\\!') + e.slice(1);
    }
    return e;
};
//# sourceMappingURL=escape.js.map
;// CONCATENATED MODULE: ../../main/node_modules/minimatch/dist/esm/unescape.js
/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape_unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    // escape() writes a leading '!' as '@(!)' in windowsPathsNoEscape mode
    if (windowsPathsNoEscape && s.startsWith('@(!)')) {
        return ('!' + unescape_unescape(s.slice(4), { windowsPathsNoEscape, magicalBraces }));
    }
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};
//# sourceMappingURL=unescape.js.map
;// CONCATENATED MODULE: ../../main/node_modules/minimatch/dist/esm/index.js





const DEFAULT_BRACE_EXPAND_MAX = 100_000;
const DEFAULT_GLOB_STAR_RECURSION_MAX = 200;
// avoid the annoying deprecation flag lol
const AWE_KEY = ('allowWindow' + 'sEscape');
const minimatch = (p, pattern, options) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options?.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return cachedMinimatch(pattern, options).match(p);
};
// The Minimatch objects that minimatch() used most recently, by options
// and then by pattern. When the cache is full, it becomes the old one,
// and the objects used from the old one are moved back to a new one.
// So it keeps 256 to 512 objects.
// The patterns can come from users, so the cache is also bounded by
// the total weight of the objects (see cacheWeight()), and an object
// that is too heavy is never kept. Otherwise a few unique patterns
// with large brace expansions would fill the heap.
let cache = new Map();
let oldCache = new Map();
let cacheSize = 0;
let cacheTotalWeight = 0;
const cacheMax = 256;
const cacheMaxWeight = 1 << 15;
const cacheMaxEntryWeight = 1 << 12;
// About the memory that a compiled object keeps: the pattern and the
// expanded patterns, of which each row in set is made.
const cacheWeight = (mm) => {
    let w = mm.pattern.length;
    for (const s of mm.globSet) {
        w += s.length + 1;
        if (w > cacheMaxEntryWeight)
            break;
    }
    return w;
};
// tsc fails here if a new option is in neither type. Add it to
// optionsKey() too.
const allOptionsKeyed = true;
void allOptionsKeyed;
// 0, 1 or 2 for undefined, falsy or truthy.
const tri = (v) => v === undefined ? 0
    : v ? 2
        : 1;
// The weight of each boolean option's base-3 digit in the key. The
// weights below 24 are for optimizationLevel (1), platform (3) and
// windowsPathsNoEscape (12). tsc fails here if a boolean option is
// not in the list.
const booleanWeights = new Map(Object.keys({
    nobrace: 0,
    nocomment: 0,
    nonegate: 0,
    noglobstar: 0,
    noext: 0,
    nonull: 0,
    partial: 0,
    dot: 0,
    nocase: 0,
    nocaseMagicOnly: 0,
    magicalBraces: 0,
    matchBase: 0,
    flipNegate: 0,
    preserveMultipleSlashes: 0,
    windowsNoMagicRoot: 0,
}).map((k, i) => [k, 24 * 3 ** i]));
// The cache key for a set of options. It is a number, unless an
// option is set to a value that the number can not show, such as
// normalize or an uncommon platform. Then it is a JSON string.
// The defaults give 0, the same key as no options.
// It only reads the keys that are set, so that the speed does not
// depend on the shape of the options object.
const optionsKey = (o) => {
    let n = 0;
    let wpe = false;
    // inherited keys too, because Minimatch reads them
    // oxlint-disable-next-line guard-for-in
    for (const k in o) {
        const v = o[k];
        switch (k) {
            // the same test as the Minimatch constructor
            case 'windowsPathsNoEscape':
                if (v)
                    wpe = true;
                break;
            case AWE_KEY:
                if (v === false)
                    wpe = true;
                break;
            case 'platform': {
                // the same test as the Minimatch constructor
                const p = v || defaultPlatform;
                if (p === defaultPlatform)
                    break;
                if (p === 'darwin')
                    n += 3;
                else if (p === 'win32')
                    n += 6;
                else if (p === 'linux')
                    n += 9;
                else
                    return JSON.stringify(o);
                break;
            }
            case 'optimizationLevel':
                // The same tests as Minimatch: 1 when undefined, then >= 2,
                // >= 1, or else 0. The default level 1 adds 0.
                if (v === undefined)
                    break;
                n +=
                    v >= 2 ? 1
                        : v >= 1 ? 0
                            : 2;
                break;
            case 'braceExpandMax':
                if (v !== undefined && v !== DEFAULT_BRACE_EXPAND_MAX) {
                    return JSON.stringify(o);
                }
                break;
            case 'maxGlobstarRecursion':
                if (v !== undefined && v !== DEFAULT_GLOB_STAR_RECURSION_MAX) {
                    return JSON.stringify(o);
                }
                break;
            case 'normalize':
                if (v !== undefined)
                    return JSON.stringify(o);
                break;
            default:
                // unknown keys have no weight
                n += (booleanWeights.get(k) ?? 0) * tri(v);
        }
    }
    return wpe ? n + 12 : n;
};
// A copy, so a later change to the options can not change it. Unlike
// a spread, it keeps the inherited keys, which optionsKey() and the
// Minimatch constructor also read.
const copyOptions = (o) => {
    const copy = {};
    // oxlint-disable-next-line guard-for-in
    for (const k in o)
        copy[k] = o[k];
    return copy;
};
const cachedMinimatch = (pattern, options) => {
    const key = options ? optionsKey(options) : 0;
    let mm = cache.get(key)?.get(pattern);
    if (mm)
        return mm;
    mm =
        oldCache.get(key)?.get(pattern) ??
            new Minimatch(pattern, copyOptions(options));
    const weight = cacheWeight(mm);
    // too big to keep, so it is compiled again each time
    if (weight > cacheMaxEntryWeight)
        return mm;
    if (cacheSize >= cacheMax ||
        cacheTotalWeight + weight > cacheMaxWeight) {
        oldCache = cache;
        cache = new Map();
        cacheSize = 0;
        cacheTotalWeight = 0;
    }
    let byPattern = cache.get(key);
    if (!byPattern)
        cache.set(key, (byPattern = new Map()));
    byPattern.set(pattern, mm);
    cacheSize++;
    cacheTotalWeight += weight;
    return mm;
};
/* c8 ignore start */
const defaultPlatform = (typeof process === 'object' && process ?
    process.env?.__MINIMATCH_TESTING_PLATFORM__ || process.platform
    : 'posix');
const path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
/* c8 ignore stop */
const sep = defaultPlatform === 'win32' ? path.win32.sep : path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
const filter = (pattern, options) => {
    let mm;
    return (p) => (mm ??= cachedMinimatch(pattern, options)).match(p);
};
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
        return minimatch;
    }
    const orig = minimatch;
    const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
    return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
            constructor(pattern, options = {}) {
                super(pattern, ext(def, options));
            }
            static defaults(options) {
                return orig.defaults(ext(def, options)).Minimatch;
            }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    // brace-expansion turns each escaped backslash '\\' into a single '\',
    // which then escapes the next character instead, and can turn an
    // escaped magic character (for example '\\\*') into a live one.
    // Double every pair, so an escaped backslash comes back out still
    // escaped. The parity of each run of backslashes is unchanged.
    let p = pattern.replace(/\\\\/g, '\\\\\\\\');
    // brace-expansion does not know about [...] classes. In
    // windowsPathsNoEscape mode, escape() writes a literal brace as '[{]'
    // or '[}]'. Escape the brace for brace-expansion, which removes that
    // backslash again, leaving '[{]' or '[}]'.
    if (options.windowsPathsNoEscape || options[AWE_KEY] === false) {
        p = p.replace(/\[([{}])\]/g, '[\\$1]');
    }
    return expand(p, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// A numeric range with at least this many values is matched as one
// pattern portion, rather than expanded. For a glob walk, that is
// one directory read, in place of a stat for each value.
const RANGE_MIN = 100;
// a {lo..hi} range that is not escaped, and not a ${...} variable
const rangeRe = /(?<![\\$])\{(-?\d+)\.\.(-?\d+)\}/g;
// true if a range mark in this portion is inside a `!(...)`,
// `*(...)` or `+(...)` extglob. Those repeat or negate their
// contents, so one Matcher for the whole range does not match the
// same strings as the union of one pattern per value. For example,
// `*({1..100})` would match `510` as `5` then `10`, and `!({1..100})`
// would not match `5`, but every expanded pattern except `!(5)` does.
// `@(...)` and `?(...)` are fine: they pick one value at most.
const inRepeatOrNegExt = (portion, mark) => {
    const stack = [];
    for (let i = 0; i < portion.length; i++) {
        const c = portion.charAt(i);
        if (c === '\\') {
            i++;
        }
        else if (c === mark) {
            if (stack.some(t => t !== '@' && t !== '?'))
                return true;
        }
        else if (portion.charAt(i + 1) === '(' && '!?+*@'.includes(c)) {
            stack.push(c);
            i++;
        }
        else if (c === ')') {
            stack.pop();
        }
    }
    return false;
};
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
// Index of the `]` that closes the class that starts at `start`,
// or -1 if it is not closed. Posix classes such as `[:alpha:]` are
// not skipped, so this can find a `]` before the real end. That
// only makes a class look less like a literal.
const classEnd = (pattern, start) => {
    let i = start + 1;
    if (pattern.charAt(i) === '!' || pattern.charAt(i) === '^')
        i++;
    let sawStart = false;
    for (; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === ']' && sawStart)
            return i;
        sawStart = true;
        if (c === '\\')
            i++;
    }
    return -1;
};
// If a path portion pattern has no magic, return the string it
// matches. Otherwise, return undefined. This can report magic for
// a pattern that is in fact literal (eg, `[]`), but never the
// reverse, so a string result is always safe to compare directly.
const literal = (pattern, noext) => {
    if (!noext && (pattern === '+()' || pattern === '@()'))
        return pattern;
    let lit = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            // a trailing \ is a literal \
            lit += pattern.charAt(++i) || c;
        }
        else if (c === '*' || c === '?') {
            return undefined;
        }
        else if (c === '[') {
            const close = classEnd(pattern, i);
            if (close === -1) {
                // not closed, so the [ is a literal
                lit += c;
                continue;
            }
            // a class of one char, such as `[*]` or `[\b]`, is a literal
            let body = pattern.slice(i + 1, close);
            if (body.startsWith('\\'))
                body = body.slice(1);
            if ([...body].length !== 1 || '!^'.includes(pattern.charAt(i + 1))) {
                return undefined;
            }
            lit += body;
            i = close;
        }
        else if (!noext &&
            '+@!'.includes(c) &&
            pattern.charAt(i + 1) === '(' &&
            pattern.includes(')', i + 2)) {
            return undefined;
        }
        else {
            lit += c;
        }
    }
    return lit;
};
// The matching engine compiles and walks extglobs recursively, so a
// path portion with very many extglobs (nested, such as `*(*(*(a)))`,
// or in a row, such as `?(a)?(a)?(a)`) can exhaust the call stack.
// Portions with more than this many extglobs are rejected.
const MAX_EXTGLOBS = 256;
// The number of extglob openers, such as `*(`, in a path portion
// pattern. Chars in a class are counted too, so this can be more than
// the number of extglobs, but never less.
const extglobCount = (pattern) => {
    let n = 0;
    for (let i = 0; i < pattern.length - 1; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            i++;
        }
        else if ('+@!?*'.includes(c) && pattern.charAt(i + 1) === '(') {
            n++;
            i++;
        }
    }
    return n;
};
const assertValidExtglobs = (pattern) => {
    if (extglobCount(pattern) > MAX_EXTGLOBS) {
        throw new TypeError('pattern has too many extglobs');
    }
};
// True if the portion pattern has the same meaning as an alternative
// inside `@(...)`. It must not have a `|` or `)` that is not in a
// closed extglob (those are literal at the top level), an extglob
// that is not closed (the `)` of the `@(...)` would close it), or a
// trailing `\` (it would escape the next `|`). A pattern that is
// only an empty extglob, such as `?()`, is literal on its own, but
// not in `@(...)`. Posix classes such as `[:alpha:]` can hide a `]`
// from classEnd, so patterns with them are not merged.
const extSafe = (pattern) => {
    if (/^[?*+@]\(\)$/.test(pattern) || pattern.includes('[:'))
        return false;
    let depth = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            if (++i === pattern.length)
                return false;
        }
        else if (c === '[') {
            const close = classEnd(pattern, i);
            if (close !== -1)
                i = close;
        }
        else if ('+@!?*'.includes(c) && pattern.charAt(i + 1) === '(') {
            depth++;
            i++;
        }
        else if (c === ')') {
            if (!depth--)
                return false;
        }
        else if (c === '|' && !depth) {
            return false;
        }
    }
    return !depth;
};
// The last path that Minimatch#match split, and its parts. A path is
// often tested against many patterns in a row (such as a list of
// ignore patterns), so this saves splitting it again. The parts are
// never changed, so they can be shared.
let lastSplit;
// The last path that Minimatch#match checked before splitting it. If
// the same path is checked again, it is being tested against many
// patterns, so it is split and the parts are kept for the others.
let lastChecked;
// true if a pattern portion that is not ** matches a path portion.
// An empty path portion only matches an empty pattern portion. A path
// portion never has a `/`, so the Matcher does not need to check it.
const portionMatch = (p, f) => typeof p === 'string' ? f === p : f !== '' && p.testUnchecked(f);
// Where the last portion of a row matches in a path: the start of the
// last portion of the path, or of the one before a trailing `/`. -1 if
// it matches neither.
const endIndex = (p, last, lastStart, prev, prevStart) => portionMatch(p, last) ? lastStart
    : prev !== undefined && portionMatch(p, prev) ? prevStart
        : -1;
const isDots = (p) => p === '.' || p === '..';
// a Windows drive letter portion, like `c:`
const isDrive = (p) => typeof p === 'string' && /^[a-z]:$/i.test(p);
// true for the `UNC` portion of a long UNC root, //?/UNC/host/share
const isLongUNC = (p) => typeof p === 'string' && /^unc$/i.test(p);
// The index of the host in a row or split path that starts with a
// Windows UNC root: 2 for `//host/share`, and 4 for
// `//?/UNC/host/share`. Otherwise -1. `//?/c:` is not one.
const uncHost = (p) => {
    if (p[0] !== '' || p[1] !== '')
        return -1;
    const h = p[2] !== '?' ? 2
        : isLongUNC(p[3]) ? 4
            : -1;
    const host = p[h];
    const share = p[h + 1];
    return (h !== -1 &&
        host !== undefined &&
        host !== '' &&
        host !== GLOBSTAR &&
        share !== undefined &&
        share !== '' &&
        share !== GLOBSTAR) ?
        h
        : -1;
};
// true if ** can walk the path portion: not `.` or `..`, and not a
// dotfile unless `dot` is set
const walkable = (p, dot) => !isDots(p) && (dot || !p.startsWith('.'));
// True if a portion of the path from `start` to `end` can not be
// walked by **: one that starts with `.`, or with `dot`, one that is
// `.` or `..`. `start` is the start of a portion, and `end` is the end
// of the path, or just after a separator.
const dotPortion = (f, start, end, dot, sep) => {
    for (let k = start; k < end;) {
        if (f.charCodeAt(k) === 46) {
            if (!dot)
                return true;
            const n = f.charCodeAt(k + 1) === 46 ? k + 2 : k + 1;
            if (n >= end || isSep(f.charCodeAt(n), sep))
                return true;
        }
        // the start of the next portion, after any run of separators
        const s = nextSep(f, k, sep);
        if (s === -1)
            return false;
        k = s + 1;
        while (k < end && isSep(f.charCodeAt(k), sep))
            k++;
    }
    return false;
};
const isSep = (c, sep) => sep === '/' ? c === 47
    : sep === '\\' ? c === 92
        : c === 47 || c === 92;
// the index of the first separator at or after `from`, or -1
const nextSep = (f, from, sep) => {
    if (sep !== 'both')
        return f.indexOf(sep, from);
    const s = f.indexOf('/', from);
    const b = f.indexOf('\\', from);
    return (s === -1 ? b
        : b === -1 ? s
            : Math.min(s, b));
};
// the index of the last separator at or before `from`, or -1
const lastSep = (f, from, sep) => sep !== 'both' ?
    f.lastIndexOf(sep, from)
    : Math.max(f.lastIndexOf('/', from), f.lastIndexOf('\\', from));
// What parse() returns in place of a Matcher while make() builds and
// merges the rows. Most of the Matchers in rows that are merged would
// never be used, so they are only made for the rows that are left.
const PENDING = {};
class Minimatch {
    options;
    set;
    pattern;
    windowsPathsNoEscape;
    nonegate;
    negate;
    comment;
    empty;
    preserveMultipleSlashes;
    partial;
    globSet;
    globParts;
    nocase;
    isWindows;
    platform;
    windowsNoMagicRoot;
    maxGlobstarRecursion;
    // the path can be checked against the last portion, and the string
    // portions, of each row before it is split. See #canMatch.
    #endCheck;
    #literalCheck;
    // level 2 resolves `.` and `..` portions in the path
    #level2;
    // the unicode normalization form, if any
    #form;
    // the string portions of each row in the set
    #literals = [];
    // the rows that #canMatch can match without splitting the path
    #shapes = [];
    // the rows whose last portion can be checked against the path's
    #endRows = [];
    // brace expansion can make the same portion in many rows, so they
    // share one Matcher, and the states that it caches
    #matchers = new Map();
    // parse() returns PENDING in place of a Matcher
    #pending = false;
    // the char that marks numeric ranges in globSet, if any
    #rangeMark;
    // the GlobstarParts of each pattern row, by start index and partial
    #globstarParts = new WeakMap();
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion =
            options.maxGlobstarRecursion ?? DEFAULT_GLOB_STAR_RECURSION_MAX;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[AWE_KEY] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        this.#endCheck = !this.preserveMultipleSlashes;
        this.#level2 = (options.optimizationLevel ?? 1) >= 2;
        const n = options.normalize;
        this.#form = n === true ? 'NFC' : n || undefined;
        // make the set of Matchers etc.
        this.make();
        // On Windows, the portions of a row up to its drive letter or UNC
        // share are skipped or compared without case, if the path has one
        // too. So the checks only use the portions after it.
        const drives = this.set.map(row => this.#rootIndex(row));
        this.#endRows = this.set.map((row, r) => this.#endCheck && row.length - 1 > drives[r]);
        // with the end check, the last portion is already checked
        this.#literals = this.set.map((row, r) => {
            const end = this.#endRows[r] ? row.length - 1 : row.length;
            const lits = row
                .slice(drives[r] + 1, end)
                .filter((p) => typeof p === 'string' && !!p);
            return [...new Set(lits)];
        });
        this.#literalCheck = this.#literals.some(l => l.length);
        this.#shapes = this.set.map((row, r) => {
            const [p0, p1, p2] = row;
            if (this.#endRows[r] && row.length === 2) {
                if (p0 === GLOBSTAR && p1 !== GLOBSTAR)
                    return 'tail';
            }
            // the basename of a path that is split on / is its last portion,
            // or the one before a trailing /, the same as the end check
            if (this.#endRows[r] &&
                options.matchBase &&
                row.length === 1 &&
                p0 !== GLOBSTAR &&
                p0 !== '') {
                return 'base';
            }
            // the portion must not be a root, or '', which can be a
            // different portion on Windows (where //x paths get an extra '')
            if (!this.#endCheck || drives[r] !== -1)
                return undefined;
            if (row.length === 3 &&
                p0 === GLOBSTAR &&
                p2 === GLOBSTAR &&
                p1 !== GLOBSTAR &&
                p1 !== '' &&
                // the portion between is only matched below this limit
                this.maxGlobstarRecursion > 0) {
                return 'mid';
            }
            if (row.length === 2 &&
                p1 === GLOBSTAR &&
                p0 !== GLOBSTAR &&
                p0 !== '') {
                return 'head';
            }
            return undefined;
        });
    }
    // a string portion of a pattern, normalized if the option is set
    #norm(p) {
        return this.#form ? p.normalize(this.#form) : p;
    }
    // On Windows, the index of the last root portion of a row, as
    // #matchRow finds it: 0 for `c:/...`, 3 for `//?/c:/...` and
    // `//host/share/...`, and 5 for `//?/UNC/host/share/...`. Otherwise
    // -1.
    #rootIndex(row) {
        if (!this.isWindows)
            return -1;
        if (isDrive(row[0]))
            return 0;
        const uncDrive = row[0] === '' && row[1] === '' && row[2] === '?' && isDrive(row[3]);
        if (uncDrive)
            return 3;
        const h = uncHost(row);
        return h === -1 ? -1 : h + 1;
    }
    hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
            return true;
        }
        for (const pattern of this.set) {
            for (const part of pattern) {
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.#expandBraces())];
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be Matchers, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.#slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        // glob --> Matchers
        this.#pending = true;
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path. The root of a long UNC
                // path, //?/UNC/host/share, is 6 portions.
                const n = s[2] === '?' && isLongUNC(s[3]) ? 6 : 4;
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    s.slice(3, n).every(p => !globMagic.test(p));
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, n).map(p => this.#norm(p)),
                        ...s.slice(n).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [
                        this.#norm(s[0]),
                        ...s.slice(1).map(ss => this.parse(ss)),
                    ];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    (isDrive(p[3]) || isLongUNC(this.globParts[i][3]))) {
                    if (isLongUNC(this.globParts[i][3]))
                        p[3] = 'UNC';
                    p[2] = '?';
                }
            }
        }
        // with noext, `@(...)` would be literal
        if (!options.noext)
            this.mergeRows();
        this.#pending = false;
        this.set.forEach((row, i) => {
            for (let k = 0; k < row.length; k++) {
                if (row[k] === PENDING) {
                    row[k] = this.parse(this.globParts[i][k]);
                }
            }
        });
    }
    // Merge rows that only differ in one portion, where each of them
    // is a Matcher, into one row that matches any of them with
    // `@(a|b|...)`. Then a path is only walked once for all of them,
    // for example with `**/*.{js,ts}`.
    mergeRows() {
        let merged = true;
        while (merged) {
            merged = false;
            // a single row cannot be merged with anything
            if (this.set.length < 2)
                return;
            let keys = this.#mergeKeys();
            const len = Math.max(0, ...this.set.map(r => r.length));
            for (let k = 0; k < len; k++) {
                // the rows that are the same other than at portion k, keyed
                // by the ids of the parts before k and the parts after k,
                // which are at most the number of rows
                const groups = new Map();
                const R = this.set.length + 1;
                this.set.forEach((row, i) => {
                    if (!(row[k] instanceof Matcher || row[k] === PENDING) ||
                        !extSafe(this.globParts[i][k])) {
                        return;
                    }
                    const { pre, suf } = keys[i];
                    const key = pre[k] * R + suf[k + 1];
                    const g = groups.get(key);
                    if (g)
                        g.push(i);
                    else
                        groups.set(key, [i]);
                });
                const drop = new Set();
                for (const g of groups.values()) {
                    if (g.length < 2)
                        continue;
                    const [first, ...rest] = g;
                    const alts = g.map(i => this.globParts[i][k]);
                    const glob = `@(${alts.join('|')})`;
                    // merging is only an optimization, so leave the rows as they
                    // are if the merged portion would have too many extglobs
                    if (extglobCount(glob) > MAX_EXTGLOBS)
                        continue;
                    this.globParts[first][k] = glob;
                    this.set[first][k] = this.parse(glob);
                    for (const i of rest)
                        drop.add(i);
                }
                if (drop.size) {
                    merged = true;
                    this.set = this.set.filter((_, i) => !drop.has(i));
                    this.globParts = this.globParts.filter((_, i) => !drop.has(i));
                    // every merge drops a row, so this happens at most once per row
                    if (this.set.length < 2)
                        return;
                    keys = this.#mergeKeys();
                }
            }
        }
    }
    // For each row, number ids for its prefixes and suffixes, such that
    // pre[k] identifies parts[0..k) and suf[k] identifies parts[k..n).
    // Two rows are the same other than at portion k exactly when they
    // have the same pre[k] and suf[k + 1]. This is linear in the size of
    // the rows, where joining the whole row for every k was quadratic.
    #mergeKeys() {
        const partIds = new Map();
        const ids = this.globParts.map(parts => parts.map(s => {
            let id = partIds.get(s);
            if (id === undefined)
                partIds.set(s, (id = partIds.size));
            return id;
        }));
        // ids are only compared at the same k, so they are numbered per
        // portion, with 0 for the empty prefix or suffix. Then they are
        // at most the number of rows, and id * P + part id is a safe
        // integer key for any set that fits in memory.
        const P = partIds.size;
        const len = Math.max(0, ...ids.map(r => r.length));
        const keys = ids.map(r => ({
            pre: [0],
            suf: new Array(r.length + 1).fill(0),
        }));
        for (let k = 0; k < len; k++) {
            const m = new Map();
            ids.forEach((r, i) => {
                if (k >= r.length)
                    return;
                const { pre } = keys[i];
                const key = pre[k] * P + r[k];
                let id = m.get(key);
                if (id === undefined)
                    m.set(key, (id = m.size + 1));
                pre.push(id);
            });
        }
        for (let k = len - 1; k >= 0; k--) {
            const m = new Map();
            ids.forEach((r, i) => {
                if (k >= r.length)
                    return;
                const { suf } = keys[i];
                const key = suf[k + 1] * P + r[k];
                let id = m.get(key);
                if (id === undefined)
                    m.set(key, (id = m.size + 1));
                suf[k] = id;
            });
        }
        return keys;
    }
    // various transforms to equivalent pattern sets that are
    // faster to process in a filesystem walk.  The goal is to
    // eliminate what we can, and push all ** patterns as far
    // to the right as possible, even if it increases the number
    // of patterns that we have to process.
    preprocess(globParts) {
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
                    i++;
                }
                if (i !== gs) {
                    parts.splice(gs, i - gs);
                }
            }
            return parts;
        });
    }
    // get rid of adjascent ** and resolve .. portions
    levelOneOptimize(globParts) {
        return globParts.map(parts => {
            // .. can not remove the root of a Windows path
            const root = this.#rootIndex(parts) + 1;
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (set.length > root &&
                        prev &&
                        prev !== '..' &&
                        prev !== '.' &&
                        prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
        });
    }
    // Check the path against each row before it is split. 'no' if no
    // row can match, so it does not need to be split. 'yes' if a row of
    // `**` and one more portion matches. 'maybe' if it must be split to
    // know. None of this applies with partial, where the path can end
    // before the row does.
    //
    // On Windows, `\` is a separator in the path too, and the portions of
    // a row up to its drive letter or UNC share are not checked (see
    // #rootIndex).
    //
    // Each string portion of a row must be a portion of the path, so the
    // path must contain it. Level 2 can only take portions out of the
    // path, so this is still true then.
    //
    // The last portion of a row must match the last portion of the path,
    // or the one before a trailing `/` (as a/* and a/**/* match a/b/).
    // This does not apply to rows that end in **, rows that end in a
    // root, or preserveMultipleSlashes (which can leave more
    // than one '' at the end). At level 2, it does not apply if that
    // portion is `.` or `..`, which can be
    // resolved away. Level 2 only takes other portions out of the
    // middle of the path.
    //
    // A row of `**/x` then matches if the ** can walk the portions
    // before the one that x matches, the same as #matchGlobstar. At
    // level 2, this is only known if none of them are `.` or `..`, so
    // that the path does not change when it is resolved.
    #canMatch(f) {
        const sep = !this.isWindows || !f.includes('\\') ? '/'
            : f.includes('/') ? 'both'
                : '\\';
        // the portions that f.split(/\/+/) would end with, and where they
        // start in f, found when a row needs them. `ends` is 0 until they
        // are found, then 1, or -1 if they can not be used.
        let ends = this.#endCheck ? 0 : -1;
        let last = '';
        let lastStart = 0;
        let prev;
        let prevStart = 0;
        const dot = !!this.options.dot;
        // A string compare is cheaper than includes(), and a Matcher test
        // costs more, so the cheaper check goes first.
        ROWS: for (let r = 0; r < this.set.length; r++) {
            const row = this.set[r];
            const p = row[row.length - 1];
            let end = ends !== -1 && this.#endRows[r] && p !== GLOBSTAR;
            if (end && ends === 0) {
                const i = lastSep(f, f.length, sep);
                lastStart = i + 1;
                last = f.slice(lastStart);
                if (last === '' && i >= 0) {
                    let j = i;
                    while (j > 0 && isSep(f.charCodeAt(j - 1), sep))
                        j--;
                    prevStart = j === 0 ? 0 : lastSep(f, j - 1, sep) + 1;
                    prev = f.slice(prevStart, j);
                }
                const resolves = this.#level2 &&
                    (isDots(last) ||
                        (last === '' && prev !== undefined && isDots(prev)));
                ends = resolves ? -1 : 1;
                end = !resolves;
            }
            let tailStart = -1;
            if (end && typeof p === 'string') {
                tailStart = endIndex(p, last, lastStart, prev, prevStart);
                if (tailStart === -1)
                    continue;
            }
            if (this.#literalCheck) {
                for (const l of this.#literals[r]) {
                    if (!f.includes(l))
                        continue ROWS;
                }
            }
            if (end && typeof p === 'object') {
                tailStart = endIndex(p, last, lastStart, prev, prevStart);
                if (tailStart === -1)
                    continue;
            }
            const shape = this.#shapes[r];
            if (shape === 'base' && end)
                return 'yes';
            if (shape === 'tail' && end) {
                if (this.#level2 && dotPortion(f, 0, tailStart, true, sep)) {
                    return 'maybe';
                }
                if (!dotPortion(f, 0, tailStart, dot, sep))
                    return 'yes';
                continue;
            }
            if (shape === 'mid' || shape === 'head') {
                const m = this.#walk(f, row, shape === 'head', dot, sep);
                if (m !== 'no')
                    return m;
                continue;
            }
            return 'maybe';
        }
        return 'no';
    }
    // Match a row of a known shape against the split path, the same as
    // #matchGlobstar and #matchGlobStarBodySections do. None of these
    // rows have a drive letter, so they start at the first portion.
    #matchShape(file, row, shape) {
        const dot = !!this.options.dot;
        const n = file.length;
        if (shape === 'head') {
            // x, then at least one portion that ** can walk
            if (n < 2 || !portionMatch(row[0], file[0])) {
                return false;
            }
            for (let i = 1; i < n; i++)
                if (!walkable(file[i], dot))
                    return false;
            return true;
        }
        const x = row[1];
        if (shape === 'tail') {
            // x is the last portion, or the one before a trailing ''
            let t = n - 1;
            if (!portionMatch(x, file[t])) {
                if (file[t] !== '' || n === 1 || !portionMatch(x, file[--t])) {
                    return false;
                }
            }
            for (let i = 0; i < t; i++)
                if (!walkable(file[i], dot))
                    return false;
            return true;
        }
        // mid: the first x that ** can walk to, with a portion after it,
        // and ** can walk all of those
        for (let k = 0; k < n; k++) {
            if (portionMatch(x, file[k]) && k + 1 < n) {
                let i = k + 1;
                while (i < n && walkable(file[i], dot))
                    i++;
                if (i === n)
                    return true;
            }
            if (!walkable(file[k], dot))
                return false;
        }
        return false;
    }
    // Match a row of `**/x/**` or `x/**` against the path, the same as
    // #matchGlobstar and #matchGlobStarBodySections do once it is split.
    // x must match a portion (the first one, for `x/**`), the ** before
    // it must be able to walk the portions before that one, and there
    // must be a portion after it, which the ** after it can walk. At
    // level 2, this is only known if no portion is `.` or `..`.
    #walk(f, row, head, dot, sep) {
        if (this.#level2 && dotPortion(f, 0, f.length, true, sep))
            return 'maybe';
        const x = row[head ? 0 : 1];
        // the last portion has none after it, so it can not be x
        let s = 0;
        for (let e = nextSep(f, s, sep); e !== -1; e = nextSep(f, s, sep)) {
            // the start of the next portion
            let next = e + 1;
            while (next < f.length && isSep(f.charCodeAt(next), sep))
                next++;
            const hit = typeof x === 'string' ?
                e - s === x.length && f.startsWith(x, s)
                : e > s && x.testUnchecked(f.slice(s, e));
            if (hit && !dotPortion(f, next, f.length, dot, sep))
                return 'yes';
            if (head || dotPortion(f, s, next, dot, sep))
                return 'no';
            s = next;
        }
        return 'no';
    }
    // the last split, if it was the same path with the same split
    // settings
    #cachedSplit(f) {
        const last = lastSplit;
        return (last?.f === f &&
            last.isWindows === this.isWindows &&
            last.preserveMultipleSlashes === this.preserveMultipleSlashes &&
            last.normalize === this.#form) ?
            last
            : undefined;
    }
    // split a path for match(), and keep the parts for the next call
    #split(f) {
        const { isWindows, preserveMultipleSlashes } = this;
        // windows: need to use /, not \
        let parts = this.#slashSplit(isWindows ? f.split('\\').join('/') : f);
        // normalize each portion, so that a char that normalizes to `/`
        // does not make a new portion
        const normalize = this.#form;
        if (normalize)
            parts = parts.map(p => p.normalize(normalize));
        lastSplit = {
            f,
            isWindows,
            preserveMultipleSlashes,
            normalize,
            parts,
        };
        return lastSplit;
    }
    // resolve `.` and `..` portions of a path, for level 2
    #levelTwoFileOptimize(file) {
        // work on a copy, so that the cached parts do not change
        const parts = [...file];
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            // .. can not remove the root of a Windows path
            const root = this.#rootIndex(parts) + 1;
            let dd = root;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p && p !== '.' && p !== '..' && p !== '**') {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd = Math.max(dd - 2, root);
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
    }
    // First phase: single-pattern processing
    // <pre> is 1 or more portions
    // <rest> is 1 or more portions
    // <p> is any portion other than ., .., '', or **
    // <e> is . or ''
    //
    // **/.. is *brutal* for filesystem walking performance, because
    // it effectively resets the recursive walk each time it occurs,
    // and ** cannot be reduced out by a .. pattern part like a regexp
    // or most strings (other than .., ., and '') can be.
    //
    // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
    // <pre>/<e>/<rest> -> <pre>/<rest>
    // <pre>/<p>/../<rest> -> <pre>/<rest>
    // **/**/<rest> -> **/<rest>
    //
    // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
    // this WOULD be allowed if ** did follow symlinks, or * didn't
    firstPhasePreProcess(globParts) {
        // each **/.. split doubles the patterns, and adds a copy of the
        // whole pattern. Throw if either gets too large. A partial split
        // would match some paths and not others, depending on which rows
        // the pass reached first.
        const { braceExpandMax = DEFAULT_BRACE_EXPAND_MAX } = this.options;
        let splitCells = 0;
        const maxSplitCells = 1_000_000;
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    // Check before changing parts or allocating the new row.
                    const addedCells = parts.length - 1;
                    if (globParts.length >= braceExpandMax ||
                        splitCells + addedCells > maxSplitCells) {
                        throw new RangeError(`optimizationLevel 2: too many patterns from '**/..'`);
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    splitCells += addedCells;
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                // .. can not remove the root of a Windows path
                const root = this.#rootIndex(parts) + 1;
                let dd = root;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
                        dd = Math.max(dd - 2, root);
                    }
                }
            }
        } while (didSomething);
        return globParts;
    }
    // second phase: multi-pattern dedupes
    // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
    // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
    secondPhasePreProcess(globParts) {
        const keys = new Set();
        const rows = globParts.filter(parts => {
            const key = parts.join('/');
            if (keys.has(key))
                return false;
            keys.add(key);
            return true;
        });
        // A row is covered by another row that has `*` at some positions,
        // and is the same at all others. Collect each distinct set of `*`
        // positions, then look up each row with `*` put at those positions.
        const stars = new Map();
        for (const parts of rows) {
            const s = [];
            for (let i = 0; i < parts.length; i++) {
                if (parts[i] === '*')
                    s.push(i);
            }
            if (s.length)
                stars.set(s.join(','), s);
        }
        // Each row is checked against each set of `*` positions, so skip
        // this if there are too many. The patterns match the same paths
        // either way.
        if (!stars.size || rows.length * stars.size > 100_000)
            return rows;
        const { dot } = this.options;
        return rows.filter(parts => {
            for (const s of stars.values()) {
                if (s[s.length - 1] >= parts.length)
                    continue;
                const c = [...parts];
                let ok = true;
                let changed = false;
                for (const i of s) {
                    const p = parts[i];
                    if (p === '*')
                        continue;
                    if (!p || p === '**' || (!dot && p.startsWith('.'))) {
                        ok = false;
                        break;
                    }
                    c[i] = '*';
                    changed = true;
                }
                if (ok && changed && keys.has(c.join('/')))
                    return false;
            }
            return true;
        });
    }
    parseNegate() {
        if (this.nonegate)
            return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
            negate = !negate;
            negateOffset++;
        }
        if (negateOffset)
            this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
    }
    // Match the parts of a path against one row of the set. `resolved`
    // is the parts after level 2 resolves `.` and `..` in them, or the
    // same parts below level 2. Set partial to true to test if, for
    // example, "/a/b" matches the start of "/*/b/*/d". Partial means, if
    // you run out of file before you run out of pattern, then that's
    // fine, as long as all the parts match.
    #matchRow(file, resolved, pattern, partial) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        // UNC paths like //?/X:/... can match X:/... and vice versa, and
        // //?/UNC/host/share/... can match //host/share/... and vice versa.
        // Drive letters in absolute drive or unc paths, and the host and
        // share of UNC paths, are always compared case-insensitively.
        const fh = this.isWindows ? uncHost(resolved) : -1;
        const ph = fh === -1 ? -1 : uncHost(pattern);
        if (ph !== -1) {
            const host = pattern[ph];
            const share = pattern[ph + 1];
            if (typeof host !== 'string' || typeof share !== 'string') {
                // a host or share with magic is matched as usual
                fileStartIndex = fh;
                patternStartIndex = ph;
            }
            else if (resolved[fh].toLowerCase() === host.toLowerCase() &&
                resolved[fh + 1].toLowerCase() === share.toLowerCase()) {
                fileStartIndex = fh + 2;
                patternStartIndex = ph + 2;
            }
        }
        else if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // the drives match, so start matching after them
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    patternStartIndex = pdi + 1;
                    fileStartIndex = fdi + 1;
                }
            }
        }
        // the drive letters are found in the parts before level 2 resolves
        // them, and the match uses the resolved parts
        file = resolved;
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        const { head, body, tail, segments } = this.#getGlobstarParts(pattern, partial, patternIndex);
        // check the head, from the current file/pattern index.
        if (head.length) {
            const headEnd = fileIndex + head.length;
            if (!this.#matchOne(file, head, partial, fileIndex, 0, headEnd)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        return !!this.#matchGlobStarBodySections(file, segments, file.length - fileTailMatch, fileIndex, 0, partial, 0, !!fileTailMatch, new Set());
    }
    // Split the pattern into head, tail, and middle of ** delimited
    // parts. The tail has to be at the end, and the others just have to
    // be found in order from the head. These only depend on the pattern
    // row, so they are kept for the next path.
    #getGlobstarParts(pattern, partial, patternIndex) {
        let byStart = this.#globstarParts.get(pattern);
        if (!byStart) {
            byStart = [];
            this.#globstarParts.set(pattern, byStart);
        }
        const key = patternIndex * 2 + (partial ? 1 : 0);
        const found = byStart[key];
        if (found)
            return found;
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        const head = pattern.slice(patternIndex, firstgs);
        const body = pattern.slice(firstgs + 1, partial ? undefined : lastgs);
        const tail = partial ? [] : pattern.slice(lastgs + 1);
        // split the body up into sections, and note the number of
        // portions that must come after the start of each one
        const segments = [[[], 0]];
        let current = segments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                current = [[], 0];
                segments.push(current);
            }
            else {
                current[0].push(b);
                nonGsParts++;
            }
        }
        // the portions in this section and the ones after it
        segments.forEach((b, i) => {
            b[1] = nonGsParts - nonGsPartsSums[i];
        });
        const parts = { head, body, tail, segments };
        byStart[key] = parts;
        return parts;
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, and the portions that it and the rest need
    bodySegments, 
    // the end of the file portions that the body can match
    fileLength, fileIndex, bodyIndex, partial, globStarDepth, sawTail, 
    // the places that a walk has already tried, as
    // bodyIndex * (file.length + 1) + fileIndex. A walk from a place
    // does the same no matter how it got there, and it only comes back
    // if it found no match, so a walk that gets to one stops.
    tried) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // with partial, the body is the rest of the pattern, so it
            // matches if no portions are left, or only the '' of a trailing
            // / (as a/* matches a/b/). A ** at the end walks them as its own
            // empty section.
            if (partial) {
                return (fileIndex >= fileLength ||
                    (fileIndex === fileLength - 1 && file[fileIndex] === ''));
            }
            // just make sure that there's no bad dots before the tail
            for (let i = fileIndex; i < fileLength; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test, up to the last index
        // where it can start
        const [body, need] = bs;
        // with partial, the path can end before the body does
        const after = partial ? fileLength : fileLength - need;
        while (fileIndex <= after) {
            const key = bodyIndex * (file.length + 1) + fileIndex;
            if (tried.has(key))
                return false;
            tried.add(key);
            const m = this.#matchOne(file, body, partial, fileIndex, 0, fileIndex + body.length);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail, tried);
                if (sub !== false) {
                    return sub;
                }
            }
            // the ** does not walk past the last place the body can start
            if (fileIndex === after)
                break;
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex, 
    // only match the file portions before this index
    fileEnd = file.length) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = Math.min(fileEnd, file.length),
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            let p = pattern[pi];
            let f = file[fi];
            // should be impossible.
            /* c8 ignore start */
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            /* c8 ignore stop */
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into Matchers.
            if (!portionMatch(p, f))
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though * can match "", except in
        // partial mode, where it might simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
            /* c8 ignore start */
        }
        else {
            // should be unreachable.
            throw new Error('wtf?');
        }
        /* c8 ignore stop */
    }
    braceExpand() {
        return braceExpand(this.pattern, this.options);
    }
    // Expand braces, except numeric ranges such as {0..999} with at
    // least RANGE_MIN values. Each of those stays in its pattern as
    // `<mark>0..999<mark>`, for the Matcher to test. If a range might
    // be inside a [...] class, expand all of them instead.
    #expandBraces() {
        const { pattern } = this;
        if (this.options.nobrace)
            return this.braceExpand();
        let code = 0xe000;
        while (pattern.includes(String.fromCharCode(code))) {
            if (++code > 0xf8ff)
                return this.braceExpand();
        }
        const mark = String.fromCharCode(code);
        let found = false;
        const marked = pattern.replace(rangeRe, (m, lo, hi) => {
            const a = Number(lo);
            const b = Number(hi);
            if (!Number.isSafeInteger(a) ||
                !Number.isSafeInteger(b) ||
                Math.abs(a - b) + 1 < RANGE_MIN) {
                return m;
            }
            found = true;
            return `${mark}${lo}..${hi}${mark}`;
        });
        if (!found)
            return this.braceExpand();
        const set = braceExpand(marked, this.options);
        for (const p of set) {
            for (const portion of p.split('/')) {
                const c = portion.indexOf('[');
                if (c !== -1 && c < portion.lastIndexOf(mark)) {
                    return this.braceExpand();
                }
                if (!this.options.noext && inRepeatOrNegExt(portion, mark)) {
                    return this.braceExpand();
                }
            }
        }
        this.#rangeMark = mark;
        return set;
    }
    parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        const { nocase, nocaseMagicOnly, noext = false, dot, normalize, } = options;
        const rangeMark = this.#rangeMark;
        const lit = rangeMark && pattern.includes(rangeMark) ?
            undefined
            : literal(pattern, noext);
        // in nocase mode, a literal with cased chars still needs a
        // Matcher, unless nocaseMagicOnly is set.
        if (lit !== undefined &&
            !(nocase &&
                !nocaseMagicOnly &&
                pattern.toUpperCase() !== pattern.toLowerCase())) {
            return this.#norm(lit);
        }
        if (this.#pending)
            return PENDING;
        let m = this.#matchers.get(pattern);
        if (!m) {
            if (!noext)
                assertValidExtglobs(pattern);
            m = new Matcher(pattern, {
                nocase,
                noext,
                dot,
                normalize,
                ...(rangeMark && { rangeMark }),
            });
            this.#matchers.set(pattern, m);
        }
        return m;
    }
    #slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // treat the test path as a set of pathparts. If it was not just
        // split or checked, check that it can match before splitting it.
        let split = this.#cachedSplit(f);
        if (!split) {
            // the checks look at the path as given, so not if it is
            // normalized
            if (!partial &&
                !this.#form &&
                (this.#endCheck || this.#literalCheck) &&
                lastChecked !== f) {
                lastChecked = f;
                const can = this.#canMatch(f);
                if (can === 'no')
                    return options.flipNegate ? false : this.negate;
                if (can === 'yes')
                    return options.flipNegate ? true : !this.negate;
            }
            split = this.#split(f);
        }
        const ff = split.parts;
        // the parts after level 2 resolves them, kept for the next pattern
        // that tests the same path
        const resolved = this.#level2 ?
            (split.resolved ??= this.#levelTwoFileOptimize(ff))
            : ff;
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (let r = 0; r < set.length; r++) {
            const pattern = set[r];
            const shape = partial ? undefined : this.#shapes[r];
            // level 2 does not change a path of one portion
            const hit = shape === 'base' ?
                portionMatch(pattern[0], filename)
                : shape ? this.#matchShape(resolved, pattern, shape)
                    : options.matchBase && pattern.length === 1 ?
                        this.#matchRow([filename], [filename], pattern, partial)
                        : this.#matchRow(ff, resolved, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
/* c8 ignore start */


/* c8 ignore stop */
minimatch.Minimatch = Minimatch;
minimatch.escape = escape_escape;
minimatch.unescape = unescape_unescape;
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./src/core/filter.ts

/**
 * Files nobody wants reviewed: generated, vendored or binary. Listed in the README; `include` cannot re-add
 * them, but an `exclude` of `!pattern` is not supported either — keep it simple and predictable.
 */
const DEFAULT_EXCLUDES = [
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
    '**/*.{zip,gz,tgz,bz2,xz,7z,rar,jar,war}',
    '**/*.{pdf,mp3,mp4,mov,avi,wasm,exe,dll,so,dylib,class,pyc}',
];
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
        new Minimatch(pattern, { dot: true });
        return undefined;
    }
    catch (error) {
        return error instanceof Error ? error.message : String(error);
    }
}
function createFileFilter(options) {
    const compile = (globs) => globs.map((g) => ({ glob: g, mm: new Minimatch(g, { dot: true }) }));
    const include = compile(options.include.length > 0 ? options.include : ['**']);
    const exclude = compile(options.exclude);
    const builtIn = compile(options.defaultExcludes ?? DEFAULT_EXCLUDES);
    const test = (entry, path) => entry.mm.match(path);
    const explain = (path) => {
        if (!include.some((e) => test(e, path)))
            return 'not matched by include';
        const ex = exclude.find((e) => test(e, path));
        if (ex)
            return `excluded by '${ex.glob}'`;
        const bi = builtIn.find((e) => test(e, path));
        if (bi)
            return `built-in exclude '${bi.glob}'`;
        return undefined;
    };
    return { explain, matches: (path) => explain(path) === undefined };
}

;// CONCATENATED MODULE: ./src/core/gate.ts

/**
 * The pass/fail decision branch protection relies on. `fail-on` is the lowest severity that fails;
 * `never` reports findings as neutral and never fails.
 */
function decideGate(findings, failOn) {
    const counts = countBySeverity(findings);
    const total = findings.length;
    if (total === 0)
        return { conclusion: 'success', failed: false, counts, reason: 'No findings' };
    const summary = describeCounts(counts);
    if (failOn === 'never') {
        return { conclusion: 'neutral', failed: false, counts, reason: `${summary} (fail-on: never)` };
    }
    const blocking = findings.filter((f) => severityRank(f.severity) <= severityRank(failOn)).length;
    if (blocking > 0) {
        return { conclusion: 'failure', failed: true, counts, reason: `${summary}: ${blocking} at or above ${failOn}` };
    }
    return { conclusion: 'success', failed: false, counts, reason: `${summary}, none at or above ${failOn}` };
}
function describeCounts(counts) {
    const parts = ['error', 'warning', 'notice']
        .filter((s) => counts[s] > 0)
        .map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`);
    return parts.length > 0 ? parts.join(', ') : 'No findings';
}

;// CONCATENATED MODULE: ./src/core/diff/parse-patch.ts
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;
/**
 * Parses the hunks of one file's unified diff (GitHub's `patch`, or the body of a `git diff` file section).
 * Tolerates CRLF, `\ No newline at end of file`, and text before the first hunk (file headers).
 */
function parsePatch(patch) {
    const hunks = [];
    const added = [];
    const right = new Set();
    const left = new Set();
    if (!patch)
        return { hunks, added, commentable: { right, left } };
    let current;
    let oldLine = 0;
    let newLine = 0;
    const flush = () => {
        if (!current)
            return;
        const h = current.header;
        hunks.push({
            oldStart: Number(h[1]),
            oldLines: h[2] === undefined ? 1 : Number(h[2]),
            newStart: Number(h[3]),
            newLines: h[4] === undefined ? 1 : Number(h[4]),
            header: h[5] ?? '',
            lines: current.lines,
        });
        current = undefined;
    };
    const rawLines = patch.split('\n');
    // A patch that ends in a newline yields one empty trailing element that is not a line of the diff.
    if (rawLines.length > 0 && rawLines[rawLines.length - 1] === '')
        rawLines.pop();
    for (const raw of rawLines) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        const header = HUNK_HEADER.exec(line);
        if (header) {
            flush();
            current = { header, lines: [] };
            oldLine = Number(header[1]);
            newLine = Number(header[3]);
            continue;
        }
        if (!current)
            continue; // file headers before the first hunk
        const marker = line[0];
        const text = line.slice(1);
        if (marker === '+') {
            current.lines.push({ kind: 'added', text, newLine });
            added.push({ line: newLine, text });
            right.add(newLine);
            newLine++;
        }
        else if (marker === '-') {
            current.lines.push({ kind: 'removed', text, oldLine });
            left.add(oldLine);
            oldLine++;
        }
        else if (marker === ' ' || line === '') {
            // An empty line inside a hunk is a context line whose leading space was trimmed by an editor.
            current.lines.push({ kind: 'context', text, oldLine, newLine });
            right.add(newLine);
            left.add(oldLine);
            oldLine++;
            newLine++;
        }
        // `\ No newline at end of file` and anything unrecognised carry no line.
    }
    flush();
    return { hunks, added, commentable: { right, left } };
}

;// CONCATENATED MODULE: ./src/core/diff/index.ts



;// CONCATENATED MODULE: ./src/pipeline/prepare-files.ts


/**
 * Applies the filters and parses each diff. A file is either reviewed or listed as skipped with a reason:
 * nothing is dropped silently.
 */
async function prepareFiles(files, filter, fallback) {
    const reviewed = [];
    const skipped = [];
    let recovered = 0;
    for (const file of files) {
        const excluded = filter.explain(file.path);
        if (excluded) {
            skipped.push({ path: file.path, reason: excluded });
            continue;
        }
        if (file.status === 'removed') {
            // Nothing was added: there is nothing to scan, and nothing is lost.
            reviewed.push({ file, parsed: parsePatch(undefined) });
            continue;
        }
        if (file.binary) {
            skipped.push({ path: file.path, reason: 'binary file' });
            continue;
        }
        let patch = file.patch;
        if (patch === undefined && file.additions + file.deletions > 0) {
            patch = fallback ? await fallback(file) : undefined;
            if (patch === undefined) {
                skipped.push({
                    path: file.path,
                    reason: 'GitHub omitted the diff (too large) and the base commit is not in the workspace; check out with fetch-depth: 0 to review it',
                });
                continue;
            }
            recovered++;
        }
        const withPatch = patch === file.patch ? file : { ...file, patch };
        reviewed.push({ file: withPatch, parsed: parsePatch(patch) });
    }
    return { reviewed, skipped, recovered };
}
/** Builds a fallback that asks local git for one file's diff between base and head. */
function gitPatchFallback(diff, base, head) {
    return async (file) => {
        const paths = file.previousPath ? [file.previousPath, file.path] : [file.path];
        const out = await diff(base, head, paths);
        if (out === undefined)
            return undefined;
        const match = parseGitDiff(out).find((f) => f.path === file.path);
        return match?.patch;
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
/** `[dD][aA]…`: case-insensitive literal inside an otherwise case-sensitive pattern. */
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
const BEFORE = '(?<![A-Za-z0-9_])';
const AFTER = '(?![A-Za-z0-9_])';
/** A token that carries its own, provider-specific prefix. */
function prefixed(spec) {
    const g = new Synth(spec.id);
    const tokens = [spec.example(g)].flat();
    const first = tokens[0];
    const prefix = spec.prefixes.find((p) => first.toLowerCase().includes(p.toLowerCase())) ?? spec.prefixes[0];
    const at = first.toLowerCase().indexOf(prefix.toLowerCase());
    const head = first.slice(0, at + prefix.length);
    return {
        id: spec.id,
        provider: spec.provider,
        description: spec.description,
        keywords: spec.prefixes.map((p) => p.toLowerCase()),
        pattern: new RegExp(`${BEFORE}(${spec.token})${AFTER}`),
        secretGroup: 1,
        specificity: 3,
        ...optional(spec),
        examples: {
            positive: tokens.map((t, i) => [`token: ${t}`, `export KEY="${t}"`, `{"key": "${t}"}`][i % 3]),
            negative: [
                `${head}${'x'.repeat(Math.max(8, first.length - head.length))}`,
                `${head}EXAMPLE`,
                head.length + 8 < first.length ? first.slice(0, head.length + 4) : first.slice(4),
                ...(spec.negative ?? []),
            ],
        },
    };
}
/**
 * A value with no prefix of its own, recognised because the provider is named in the key before it:
 * `DATADOG_API_KEY=…`, `"twilio_auth_token": "…"`, `heroku.api_key: …`.
 */
function named(spec) {
    const g = new Synth(spec.id);
    const value = spec.example(g);
    const name = spec.names[0].toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    const names = spec.names.map(anyCase).join('|');
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
        examples: {
            positive: [`${name}_KEY=${value}`],
            negative: [
                `${name}_KEY=${value.slice(0, Math.floor(value.length / 2))}`,
                `${name}_KEY=\${${name}_KEY}`,
                `${name}_KEY: ${'x'.repeat(value.length)}`,
                ...(spec.negative ?? []),
            ],
        },
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
];

;// CONCATENATED MODULE: ./src/core/secrets/rules/cloud.ts

/** Cloud platforms: AWS, Google Cloud, Azure, Alibaba, IBM, Tencent and hosting clouds. */
const CLOUD_RULES = [
    prefixed({
        id: 'aws-access-key-id',
        provider: 'AWS',
        description: 'AWS access key ID',
        prefixes: ['akia', 'asia', 'abia', 'acca'],
        token: '(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}',
        example: (g) => 'AKIA' + g.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16),
        negative: ['AKIAIOSFODNN7EXAMPLE', 'AKIA1234'],
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
        description: 'Google Cloud service account key (JSON private_key_id)',
        keywords: ['private_key_id'],
        pattern: /"private_key_id"\s{0,3}:\s{0,3}"([a-f0-9]{40})"/,
        secretGroup: 1,
        entropy: 3.2,
        specificity: 2,
        examples: {
            positive: ['{"type": "service_account", "private_key_id": "3f9a1c7e5b2d8a4f6c0e9b1d7a3f5c8e2b6d4a0f"}'],
            negative: ['{"private_key_id": "abc"}'],
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
        token: 'ya29\\.[A-Za-z0-9_-]{40,400}',
        example: (g) => 'ya29.' + g.b64url(120),
        window: { before: 20, after: 440 },
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
        token: 'vc[picrk]_[A-Za-z0-9]{56}',
        example: (g) => 'vcp_' + g.alnum(56),
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
function crc32(text) {
    let crc = 0xffffffff;
    for (let i = 0; i < text.length; i++)
        crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}
function encodeBase62(value, width) {
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
    return encodeBase62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}
/** Builds a well-formed synthetic token (for examples and tests): `prefix` + body + its checksum. */
function withBase62Checksum(prefix, body30) {
    return prefix + body30 + encodeBase62(crc32(body30), 6);
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
        token: '(?:glpat|gldt|glrt|glrtr|glft|glsoat|glffct|glagent|gloas)-[A-Za-z0-9_-]{20,64}(?:\\.[0-9a-z]{2}\\.[a-z0-9]{9})?|glptt-[a-f0-9]{40}|glcbt-[A-Za-z0-9_]{1,5}_[A-Za-z0-9_-]{20}|glimt-[A-Za-z0-9_-]{25}',
        entropy: 3.3,
        example: (g) => ['glpat-' + g.b64url(20), 'glptt-' + g.hex(40), 'glrt-' + g.b64url(20)],
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
        description: 'Atlassian (Jira, Confluence) API token',
        prefixes: ['atatt3'],
        token: 'ATATT3[A-Za-z0-9_=-]{180,200}',
        example: (g) => 'ATATT3xFfGF0' + g.b64url(180),
        window: { before: 20, after: 260 },
    }),
    named({
        id: 'atlassian-legacy-api-token',
        provider: 'Atlassian',
        description: 'Atlassian API token next to a Jira or Confluence name',
        names: ['jira', 'confluence', 'atlassian'],
        value: '[A-Za-z0-9]{24}',
        entropy: 3.8,
        example: (g) => g.alnum(24),
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
];

;// CONCATENATED MODULE: ./src/core/secrets/filters.ts
/**
 * Precision filters shared by every rule: a value that looks like a placeholder, a template reference
 * or a run of repeated or sequential characters is documentation, not a credential.
 */
const PLACEHOLDER_WORDS = /example|dummy|sample|placeholder|redacted|changeme|change_me|replace[-_]?me|insert[-_]?your|your[-_]?(?:api|access|secret|auth|key|token|pass|client)|fake[-_]?(?:key|token|secret)|not[-_]?a[-_]?real|xxxx|\*\*\*\*|\.\.\./i;
/** `${VAR}`, `${{ secrets.X }}`, `{{ x }}`, `<your-key>`, `process.env.X`, `%VAR%`, `$(cmd)`. */
const TEMPLATE_REFERENCE = /\$\{|\{\{|\}\}|<[^>\s]{1,60}>|process\.env|os\.environ|getenv|secrets\.|%[A-Z_]{3,}%|\$\(|^\$[A-Za-z_]/;
function isPlaceholder(value) {
    return PLACEHOLDER_WORDS.test(value) || TEMPLATE_REFERENCE.test(value) || hasLowVariety(value);
}
/** Six or more equal characters in a row, or six ascending/descending neighbours (`abcdef`, `654321`). */
function hasLowVariety(value) {
    let same = 1;
    let up = 1;
    let down = 1;
    for (let i = 1; i < value.length; i++) {
        const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
        same = d === 0 ? same + 1 : 1;
        up = d === 1 ? up + 1 : 1;
        down = d === -1 ? down + 1 : 1;
        if (same >= 6 || up >= 6 || down >= 6)
            return true;
    }
    if (value.length >= 8 && new Set(value).size <= 3)
        return true;
    return false;
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

;// CONCATENATED MODULE: ./src/core/secrets/rules/generic.ts

/** Private keys, JWTs, credentials in URLs, and generic assignments gated by entropy. */
const PEM_BODY_LINE = /^(?:Proc-Type|DEK-Info|Version|Comment|Hash):/;
/** The block must carry a real base64 body (≥ 64 characters), not `...` or a stub. */
function hasPemBody(block) {
    const inner = block.replace(/\\n/g, '\n').split(/\r?\n/).slice(1, -1);
    const body = inner
        .filter((l) => !PEM_BODY_LINE.test(l.trim()) && !l.trim().startsWith('='))
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
function isPlausiblePassword(value) {
    return value.length >= 6 && !COMMON_PASSWORDS.has(value.toLowerCase()) && !CODE_LIKE.test(value);
}
/** Names that hold hashes or ids, not credentials: `token_hash`, `secret_sha256`, `api_key_id`. */
const NOT_A_SECRET_NAME = /(?:hash|sha\d*|digest|checksum|integrity|_id|Id|_ids|name|type|url|uri|path|file|length|len|count|header|prefix|expires?|ttl|format)["']?\s{0,3}(?:=>|:=|=|:)/;
const GENERIC_RULES = [
    {
        id: 'private-key',
        provider: 'PEM / OpenSSH / PGP',
        description: 'Private key block (RSA, EC, DSA, OpenSSH, PGP, PKCS#8, encrypted)',
        keywords: ['private key'],
        pattern: /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED |SSH2 ENCRYPTED )?PRIVATE KEY(?: BLOCK)?)-----[\s\S]{64,16000}?-----END \1-----/,
        placeholderFilter: false,
        validate: hasPemBody,
        window: { before: 40, after: 16100 },
        specificity: 3,
        examples: {
            positive: [
                '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----',
                '"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\\n-----END PRIVATE KEY-----\\n"',
                '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDq7Uq3Vx9kR2mT8pL4nB6yC1hJ5sD0fG3aK9eU7iO2tQAAAJgZ8Ywr\n-----END OPENSSH PRIVATE KEY-----',
            ],
            negative: [
                '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
                '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----',
                "const header = '-----BEGIN PRIVATE KEY-----';",
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
        pattern: /[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s:@/"'`<>]{0,64}:([^\s:@/"'`<>]{3,128})@[A-Za-z0-9[\]._-]{1,253}/,
        secretGroup: 1,
        validate: (s) => isPlausiblePassword(decodeURIComponentSafe(s)) && !/^\*+$/.test(s),
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
            ],
        },
    },
    {
        id: 'connection-string-password',
        provider: 'Connection strings',
        description: 'Password in an ADO.NET / JDBC / ODBC connection string',
        keywords: ['password=', 'pwd='],
        pattern: /(?:[Pp]assword|PASSWORD|[Pp]wd|PWD)=([^;"'\s]{6,128})(?=;|"|'|\s|$)/,
        secretGroup: 1,
        validate: (s, m) => isPlausiblePassword(s) && /;/.test(m + ';') && !/^\{/.test(s),
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
        pattern: /(?:password|passwd|passphrase|pwd)[A-Za-z0-9_.-]{0,20}["']?\s{0,3}(?:=>|:=|=|:)\s{0,3}(["'`])([^"'`\s\\]{6,128})\1/i,
        secretGroup: 2,
        entropy: 2.3,
        validate: (s, m) => isPlausiblePassword(s) && !NOT_A_SECRET_NAME.test(m) && !/^[A-Z_]+$/.test(s),
        window: { before: 10, after: 200 },
        specificity: 1,
        examples: {
            positive: ['db_password = "Zq8vT3mW9kLp"', "  password: 'h7Kp2Lx9Qm4V'"],
            negative: [
                'password = "password"',
                'password = ""',
                'password = get_password()',
                'password: "${DB_PASSWORD}"',
                'password_hash = "5f4dcc3b5aa765d61d8327deb882cf99"',
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
        description: 'Vault legacy token (s.…) next to a Vault name',
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
        token: 'tskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{20,40}',
        example: (g) => 'tskey-auth-k' + g.alnum(10) + '-' + g.alnum(32),
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
];

;// CONCATENATED MODULE: ./src/core/secrets/rules/messaging.ts

/** Chat, email, SMS and push. */
const MESSAGING_RULES = [
    prefixed({
        id: 'slack-token',
        provider: 'Slack',
        description: 'Slack bot, user, app, config or refresh token',
        prefixes: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-', 'xoxe.', 'xapp-'],
        token: '(?:xox[baprs]-[0-9]{10,13}-[0-9A-Za-z-]{10,80}|xoxe(?:\\.xox[bp])?-1-[A-Za-z0-9]{140,170}|xapp-1-[A-Z0-9]{9,12}-[0-9]{12,13}-[a-f0-9]{64})',
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
        token: 'hooks\\.slack\\.com/(?:services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24}|(?:workflows|triggers)/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/[0-9]{15,20}/[a-f0-9]{32})',
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
        value: '(?:SK[0-9a-fA-F]{32}|[a-f0-9]{32})',
        example: (g) => g.hex(32),
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
];

;// CONCATENATED MODULE: ./src/core/secrets/rules/payments.ts

/** Payments, commerce and finance. */
const PAYMENT_RULES = [
    prefixed({
        id: 'stripe-secret-key',
        provider: 'Stripe',
        description: 'Stripe secret or restricted key',
        prefixes: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
        token: '[sr]k_(?:live|test)_[A-Za-z0-9]{24,99}',
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
        token: 'shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}',
        example: (g) => 'shpat_' + g.hex(32),
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
        entropy: 3.5,
        example: (g) => g.b64url(36),
    }),
    prefixed({
        id: 'pypi-token',
        provider: 'PyPI',
        description: 'PyPI or TestPyPI upload token',
        prefixes: ['pypi-age'],
        token: 'pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,300}',
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
    ...GENERIC_RULES,
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

;// CONCATENATED MODULE: ./src/core/secrets/fingerprint.ts

/** sha256 of rule id and secret: no line, no path, so it survives edits and moves; never reveals the value. */
function secretFingerprint(ruleId, secret) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(ruleId).update('\0').update(secret).digest('hex');
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
    const rulesByKeyword = new Map();
    const everywhere = [];
    const regexes = rules.map((rule, index) => {
        const keywords = rule.keywords.map((k) => k.toLowerCase()).filter((k) => k.length > 0);
        if (keywords.length === 0)
            everywhere.push(index);
        for (const k of new Set(keywords)) {
            const list = rulesByKeyword.get(k) ?? [];
            list.push(index);
            rulesByKeyword.set(k, list);
        }
        const flags = new Set(rule.pattern.flags.split(''));
        flags.add('g');
        flags.add('d');
        flags.delete('y');
        return new RegExp(rule.pattern.source, [...flags].join(''));
    });
    // Longest first so that a keyword that extends another (`sk_live_` vs `sk_`) is reported as itself.
    const literals = [...rulesByKeyword.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const keywords = literals.length ? new RegExp(literals.map(escapeRegExp).join('|'), 'g') : undefined;
    const compiled = { rules, regexes, keywords, rulesByKeyword, everywhere };
    compiledCache.set(rules, compiled);
    return compiled;
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
 * One pass of a combined keyword regex finds where each rule could match; a rule's own regex then runs
 * only in a window around those hits, so the cost is one linear pass plus work near keywords.
 */
function scanSecrets(lines, options = {}) {
    const compiled = compileRules(selectRules(options));
    const text = lines.map((l) => l.text).join('\n');
    if (text.length === 0)
        return [];
    const lineStarts = new Array(lines.length);
    let offset = 0;
    for (let i = 0; i < lines.length; i++) {
        lineStarts[i] = offset;
        offset += lines[i].text.length + 1;
    }
    const windows = findWindows(text, compiled);
    const candidates = [];
    for (const [ruleIndex, spans] of windows) {
        const rule = compiled.rules[ruleIndex];
        const re = compiled.regexes[ruleIndex];
        for (let i = 0; i < spans.length; i += 2) {
            collect(text, spans[i], spans[i + 1], rule, ruleIndex, re, candidates);
        }
    }
    const allow = (options.allow ?? []).map((a) => new RegExp(a));
    const matches = [];
    for (const c of pickMostSpecific(candidates, compiled.rules)) {
        const rule = compiled.rules[c.rule];
        const startIndex = indexOfLine(lineStarts, c.start);
        if (isSuppressedLine(lines[startIndex].text))
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
            line: lines[startIndex].line,
            endLine: lines[endIndex].line,
            column: c.start - lineStarts[startIndex] + 1,
            secret: c.secret,
            fingerprint,
        });
    }
    return matches.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1));
}
/** Scans every line of `text`, numbered from 1 (endpoint responses, `codex-hooks scan`). */
function scanText(text, options = {}) {
    const lines = text.split(/\r?\n/).map((t, i) => ({ line: i + 1, text: t }));
    return scanSecrets(lines, options);
}
/** Per rule, merged [start, end) spans (flat pairs) around keyword hits. */
function findWindows(text, compiled) {
    const windows = new Map();
    for (const r of compiled.everywhere)
        windows.set(r, [0, text.length]);
    if (!compiled.keywords)
        return windows;
    let lower = text.toLowerCase();
    // Some characters change length when lower-cased (İ); then offsets would drift, so fall back to `i`.
    let re = compiled.keywords;
    if (lower.length !== text.length) {
        lower = text;
        re = new RegExp(re.source, 'gi');
    }
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(lower)) !== null) {
        const hit = m.index;
        const keyword = m[0].toLowerCase();
        for (const r of compiled.rulesByKeyword.get(keyword) ?? []) {
            const w = compiled.rules[r].window ?? DEFAULT_WINDOW;
            const start = Math.max(0, hit - w.before);
            const end = Math.min(text.length, hit + keyword.length + w.after);
            let spans = windows.get(r);
            if (!spans)
                windows.set(r, (spans = []));
            // Hits arrive in order, so a new window either extends the last one or starts after it.
            if (spans.length && spans[spans.length - 1] >= start)
                spans[spans.length - 1] = Math.max(spans[spans.length - 1], end);
            else
                spans.push(start, end);
        }
    }
    return windows;
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
        const at = m.indices?.[group];
        if (secret === undefined || !at)
            continue;
        if (!isLikelySecret(rule, secret, m[0]))
            continue;
        out.push({ rule: ruleIndex, start: from + at[0], end: from + at[1], secret });
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

;// CONCATENATED MODULE: ./src/core/secrets/redact.ts
/**
 * The only way a secret is ever shown: a fixed-width hint that is never enough to use.
 * Four characters for normal secrets (a provider prefix such as `AKIA` or `ghp_`); shorter secrets
 * get fewer, so the hint is always well under half of the value.
 */
function secretHint(secret) {
    const shown = secret.length >= 12 ? 4 : secret.length >= 8 ? 2 : secret.length >= 4 ? 1 : 0;
    return `${secret.slice(0, shown)}…`;
}
/** Replaces every occurrence of each secret with `[REDACTED:<rule-id>]`. Longest first, so overlaps redact whole. */
function redactSecrets(text, secrets) {
    const ordered = [...secrets].sort((a, b) => b.secret.length - a.secret.length);
    let out = text;
    for (const s of ordered) {
        if (s.secret.length === 0)
            continue;
        out = out.split(s.secret).join(`[REDACTED:${s.ruleId}]`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/secrets/custom.ts

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/**
 * Turns the config's custom rules into SecretRules. A pattern that does not compile, or whose shape can
 * backtrack catastrophically, is a ConfigurationError naming the rule; the loader adds file and line.
 * A leading `(?i)` (gitleaks style) becomes the `i` flag.
 */
function compileCustomRules(configs) {
    return configs.map((config) => {
        if (!ID.test(config.id)) {
            throw new ConfigurationError(`secret rule id '${config.id}' must be kebab-case (a-z, 0-9, -)`);
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
            throw new ConfigurationError(`secret rule '${config.id}': pattern does not compile (${error instanceof Error ? error.message : String(error)})`);
        }
        const risk = findBacktrackingRisk(source);
        if (risk)
            throw new ConfigurationError(`secret rule '${config.id}': pattern could backtrack catastrophically (${risk})`);
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
        };
    });
}
/**
 * A conservative static check for the two shapes that make backtracking regexes exponential or
 * polynomial: a repeated group that itself contains an unbounded quantifier (`(a+)+`, `(\w*x){2,9}`),
 * and adjacent unbounded quantifiers over overlapping atoms (`\w+\w+`, `.*.*`, `\S+.+`).
 * Returns the reason, or undefined when the pattern is safe by this check.
 */
function findBacktrackingRisk(source) {
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
                return 'a repeated group contains an unbounded quantifier';
            if (group.unbounded)
                frame.unbounded = true;
        }
        if (q.unbounded) {
            frame.unbounded = true;
            if (previousUnbounded !== undefined && overlaps(previousUnbounded, atom)) {
                return `adjacent unbounded quantifiers over overlapping characters (${previousUnbounded}, ${atom})`;
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
            unbounded = max === Infinity;
            repeats = max > 1;
            optional = min === 0;
            next = i + m[0].length;
        }
    }
    if (next > i && source[next] === '?')
        next++;
    return { next, unbounded, repeats, optional };
}
const BROAD = new Set(['.', '\\S', '\\w', '\\W', '\\D', '\\s', ')']);
function overlaps(a, b) {
    return a === b || BROAD.has(a) || BROAD.has(b) || a.startsWith('[^') || b.startsWith('[^');
}

;// CONCATENATED MODULE: ./src/core/secrets/index.ts









;// CONCATENATED MODULE: ./src/pipeline/scan-secrets.ts



/** Scans the added lines of every reviewed file. The raw secrets stay in the returned hits, in memory only. */
function scanReviewFiles(files, options = {}) {
    const secrets = [];
    for (const f of files) {
        if (f.parsed.added.length === 0)
            continue;
        for (const match of scanSecrets(f.parsed.added, options))
            secrets.push({ path: f.file.path, match });
    }
    return { findings: createFindings(secrets.map(secretFindingDraft)), secrets };
}
function secretFindingDraft(hit) {
    const { match } = hit;
    const hint = secretHint(match.secret);
    return {
        ruleId: match.ruleId,
        category: 'secret',
        severity: match.severity,
        path: hit.path,
        line: match.line,
        endLine: match.endLine,
        column: match.column,
        message: `${match.description} found (${hint}). Remove it, rotate it, and load it from a secret store.`,
        // The fingerprint is keyed on a hash of the secret, never the secret itself.
        anchor: (0,external_node_crypto_namespaceObject.createHash)('sha256').update(match.secret).digest('hex'),
        redacted: hint,
        source: 'secret-scan',
    };
}

;// CONCATENATED MODULE: ./src/pipeline/review.ts





/** The stages the action and the CLI share: filter → parse → local hooks → findings → gate. */
async function runReviewPipeline(files, options, ports) {
    const started = ports.now();
    const { logger } = ports;
    const notes = [];
    const prepared = await ports.stage('Filter', async () => {
        const filter = createFileFilter({ include: options.include, exclude: options.exclude });
        const result = await prepareFiles(files, filter, ports.fallback);
        logger.info(`${files.length} changed files: ${result.reviewed.length} to review, ${result.skipped.length} left out`);
        for (const s of result.skipped)
            logger.debug(`left out ${s.path}: ${s.reason}`);
        if (result.recovered > 0)
            logger.info(`${result.recovered} diffs GitHub omitted were read from local git history`);
        const unreviewable = result.skipped.filter((s) => !isFilterReason(s.reason));
        if (unreviewable.length > 0) {
            const note = `${unreviewable.length} files could not be reviewed (binary, or no diff available); they are listed below.`;
            logger.warning(note);
            notes.push(note);
        }
        return result;
    });
    const local = await ports.stage('Local hooks', async () => {
        const result = scanReviewFiles(prepared.reviewed);
        for (const s of result.secrets)
            ports.onSecret(s.match.secret);
        logger.info(`secret-scan: ${result.secrets.length} secrets in ${prepared.reviewed.length} files`);
        return result;
    });
    const findings = dedupeFindings(local.findings);
    const gate = decideGate(findings, options.failOn);
    const stats = {
        files: files.length,
        filesScanned: prepared.reviewed.length,
        bytesScanned: prepared.reviewed.reduce((n, f) => n + f.parsed.added.reduce((m, l) => m + l.text.length + 1, 0), 0),
        durationMs: Math.max(0, Math.round(ports.now() - started)),
    };
    return { prepared, findings, secrets: local.secrets, gate, stats, notes };
}
/** Files the user chose to leave out, as opposed to files that could not be reviewed. */
function isFilterReason(reason) {
    return /^(excluded by|built-in exclude|not matched by include)/.test(reason);
}

;// CONCATENATED MODULE: ./src/version.ts
/** Kept in step with package.json by a test. */
const VERSION = '0.1.0';
const PRODUCT = 'codex-hooks-action';

;// CONCATENATED MODULE: ./src/cli/format.ts


const COLORS = {
    error: '\u001b[31m',
    warning: '\u001b[33m',
    notice: '\u001b[36m',
    dim: '\u001b[2m',
    bold: '\u001b[1m',
    reset: '\u001b[0m',
};
/** `path:line:col: severity [rule] message`, one finding a line, as editors and terminals link it. */
function formatText(findings, gate, skipped, style) {
    const c = (code, s) => (style.color ? `${COLORS[code]}${s}${COLORS.reset}` : s);
    const lines = [];
    for (const f of sortFindings(findings)) {
        const where = `${f.path}:${Math.max(1, f.line)}${f.column !== undefined ? `:${f.column}` : ''}`;
        lines.push(`${c('bold', where)}: ${c(f.severity, f.severity)} ${c('dim', `[${f.ruleId}]`)} ${stripControl(f.message)}`);
    }
    for (const s of skipped.filter((x) => !/^(excluded|built-in|not matched)/.test(x.reason))) {
        lines.push(`${c('dim', `${s.path}: not reviewed: ${s.reason}`)}`);
    }
    const verdict = gate.conclusion === 'failure' ? c('error', 'FAILED') : gate.conclusion === 'success' ? 'passed' : 'neutral';
    lines.push(`${describeCounts(gate.counts)}: gate ${verdict}`);
    return lines.join('\n') + '\n';
}
/** GitHub workflow commands, for running the CLI inside a workflow step. */
function formatGithub(findings) {
    const esc = (v) => v.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    const prop = (v) => esc(v).replace(/:/g, '%3A').replace(/,/g, '%2C');
    return sortFindings(findings)
        .map((f) => {
        const level = f.severity === 'notice' ? 'notice' : f.severity;
        return `::${level} file=${prop(f.path)},line=${Math.max(1, f.line)},endLine=${Math.max(1, f.endLine)},title=${prop(f.ruleId)}::${esc(f.message)}\n`;
    })
        .join('');
}
/** Terminal output never carries raw control characters from file names or messages. */
function stripControl(s) {
    // eslint-disable-next-line no-control-regex
    return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?');
}

;// CONCATENATED MODULE: ./src/cli/main.ts










const EXIT = { passed: 0, failed: 1, usage: 2 };
const FORMATS = ['text', 'json', 'github'];
const USAGE = `codex-hooks ${VERSION}: the codex-hooks pipeline on a local git diff

Usage:
  codex-hooks review [--base REF] [--head REF] [options]   review the changes between two revisions
  codex-hooks scan [PATH...] [options]                     scan whole files (every line counts as added)
  codex-hooks --version | --help

Options:
  --base REF         base revision (review; default HEAD)
  --head REF         head revision (review; default: the working tree)
  --format FORMAT    text (default), json or github
  --fail-on LEVEL    error (default), warning, notice or never
  --include GLOBS    comma-separated globs of files to review (default **)
  --exclude GLOBS    comma-separated globs to leave out

Exit status: 0 gate passed, 1 gate failed, 2 usage or configuration error.
`;
async function runCli(argv, io) {
    try {
        return await dispatch(argv, io);
    }
    catch (error) {
        io.stderr.write(`codex-hooks: ${describeError(error)}\n`);
        return error instanceof errors_ConfigurationError ? EXIT.usage : EXIT.failed;
    }
}
async function dispatch(argv, io) {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
        io.stdout.write(USAGE);
        return command === undefined ? EXIT.usage : EXIT.passed;
    }
    if (command === '--version' || command === '-v') {
        io.stdout.write(`${VERSION}\n`);
        return EXIT.passed;
    }
    if (command === 'review')
        return review(rest, io);
    if (command === 'scan')
        return scan(rest, io);
    throw new errors_ConfigurationError(`unknown command '${command}'; run 'codex-hooks --help'`);
}
const COMMON_OPTIONS = {
    format: { type: 'string', default: 'text' },
    'fail-on': { type: 'string', default: 'error' },
    include: { type: 'string', default: '**' },
    exclude: { type: 'string', default: '' },
    help: { type: 'boolean', short: 'h', default: false },
};
function parse(args, options) {
    try {
        const parsed = (0,external_node_util_namespaceObject.parseArgs)({ args: [...args], options, allowPositionals: true, strict: true });
        return { values: parsed.values, positionals: parsed.positionals };
    }
    catch (error) {
        throw new errors_ConfigurationError(error instanceof Error ? error.message : String(error));
    }
}
function commonOptions(values) {
    const format = String(values.format);
    if (!FORMATS.includes(format))
        throw new errors_ConfigurationError(`--format must be one of ${FORMATS.join(', ')}; got '${format}'`);
    const failOn = String(values['fail-on']);
    if (!['error', 'warning', 'notice', 'never'].includes(failOn)) {
        throw new errors_ConfigurationError(`--fail-on must be one of error, warning, notice, never; got '${failOn}'`);
    }
    const globs = (name) => {
        const list = splitGlobList(String(values[name] ?? ''));
        for (const g of list) {
            const problem = checkGlob(g);
            if (problem)
                throw new errors_ConfigurationError(`--${name} has an invalid glob '${g}': ${problem}`);
        }
        return list;
    };
    return { format, failOn, include: globs('include'), exclude: globs('exclude') };
}
async function review(args, io) {
    const { values, positionals } = parse(args, {
        ...COMMON_OPTIONS,
        base: { type: 'string', default: 'HEAD' },
        head: { type: 'string' },
    });
    if (values.help) {
        io.stdout.write(USAGE);
        return EXIT.passed;
    }
    if (positionals.length > 0)
        throw new errors_ConfigurationError(`review takes no paths; got '${positionals[0]}'`);
    const options = commonOptions(values);
    const git = createGit(io.cwd);
    const base = String(values.base);
    const head = values.head === undefined ? undefined : String(values.head);
    if (!(await git.hasRevision(base)))
        throw new errors_ConfigurationError(`--base '${base}' is not a commit in ${io.cwd}`);
    if (head !== undefined && !(await git.hasRevision(head)))
        throw new errors_ConfigurationError(`--head '${head}' is not a commit in ${io.cwd}`);
    // Like a pull request: the changes on head since it left base.
    const from = head === undefined ? base : ((await git.mergeBase(base, head)) ?? base);
    const diff = await git.diff(from, head);
    if (diff === undefined)
        throw new errors_ConfigurationError(`git diff ${from} ${head ?? ''} failed in ${io.cwd}`);
    const files = parse_git_diff_parseGitDiff(diff);
    const result = await runReviewPipeline(files, options, pipelinePorts(io));
    return report(result, options.format, io);
}
async function scan(args, io) {
    const { values, positionals } = parse(args, COMMON_OPTIONS);
    if (values.help) {
        io.stdout.write(USAGE);
        return EXIT.passed;
    }
    const options = commonOptions(values);
    if (positionals.length === 0)
        throw new errors_ConfigurationError('scan needs at least one file path');
    const files = [];
    for (const p of positionals) {
        let text;
        try {
            text = await (0,promises_namespaceObject.readFile)(p, 'utf8');
        }
        catch (error) {
            throw new errors_ConfigurationError(`cannot read '${p}': ${error.code ?? String(error)}`);
        }
        files.push(wholeFileAsAdded(p, text));
    }
    const result = await runReviewPipeline(files, options, pipelinePorts(io));
    return report(result, options.format, io);
}
/** A file whose every line counts as added: one hunk from line 1. */
function wholeFileAsAdded(path, text) {
    const lines = text.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '')
        lines.pop();
    const patch = lines.length > 0 ? `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}` : undefined;
    return { path, status: 'added', additions: lines.length, deletions: 0, ...(patch ? { patch } : {}) };
}
function pipelinePorts(io) {
    const logger = stderrLogger(io);
    return {
        logger,
        stage: (_name, fn) => fn(),
        onSecret: () => { },
        now: () => performance.now(),
    };
}
function report(result, format, io) {
    const { findings, gate, prepared, stats } = result;
    if (format === 'json') {
        io.stdout.write(JSON.stringify(buildJsonReport(findings, stats, gate.conclusion, prepared.skipped), null, 2) + '\n');
    }
    else if (format === 'github') {
        io.stdout.write(formatGithub(findings));
    }
    else {
        const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
        io.stdout.write(formatText(findings, gate, prepared.skipped, { color }));
    }
    return gate.failed ? EXIT.failed : EXIT.passed;
}
function stderrLogger(io) {
    const verbose = Boolean(io.env.CODEX_HOOKS_DEBUG);
    const line = (prefix) => (m) => void io.stderr.write(`${prefix}${m}\n`);
    return {
        debug: verbose ? line('debug: ') : () => { },
        info: verbose ? line('') : () => { },
        notice: line('notice: '),
        warning: line('warning: '),
        error: line('error: '),
    };
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(81);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
