import { HOOK_SERVER_USAGE } from '../endpoint/server/index.js';
import { AUDIT_USAGE } from '../audit/index.js';
import { TOKEN_USAGE } from '../endpoint/server/token-command.js';
import { VERSION } from '../core/version.js';

const EXIT_STATUS = 'Exit status: 0 gate passed, 1 gate failed, 2 usage or configuration error.';

/** One synopsis line a command, shown with a usage error. */
export const USAGE = {
  main: 'codex-hooks COMMAND [options]   (commands: review, scan, init, codex-hook, hook-server, token, audit; codex-hooks --help)',
  review: 'codex-hooks review [--base REF] [--head REF] [options]   (codex-hooks review --help)',
  scan: 'codex-hooks scan PATH... | - [options]   (codex-hooks scan --help)',
  'hook-server':
    'codex-hooks hook-server [--port N] [--host ADDR] [--audit-log FILE]   (codex-hooks hook-server --help)',
} as const;

const BINARY_RULE = `Binary files are skipped, by one rule for scan and review: a file with a NUL byte in its first
8,000 bytes is binary (git's own test, which review gets from git diff). Archives, images, fonts,
media, lock files and minified or generated files are left out by the built-in excludes. The
report ends with how many files were skipped, and why.`;

const COMMON = `  --format FORMAT    text (default), json, sarif, github or gitlab
  --fail-on LEVEL    error (default), warning, notice or never: the lowest severity that fails
  --include GLOBS    comma-separated globs of files to review (default **)
  --exclude GLOBS    comma-separated globs to leave out (added to the built-in excludes)
  --config FILE      hooks config (default .github/codex-hooks.yml when it exists)
  -h, --help         this help`;

const ENVIRONMENT = `Environment:
  NO_COLOR           plain output even on a terminal
  FORCE_COLOR=1      coloured output even when stdout is not a terminal
  CODEX_HOOKS_DEBUG  log every stage to stderr`;

export const MAIN_HELP = `codex-hooks ${VERSION}: the codex-hooks pipeline on a local git diff

Usage:
  codex-hooks review [--base REF] [--head REF] [options]   review the changes between two revisions
  codex-hooks scan PATH... | - [options]                   scan files and folders (every line counts as added)
  codex-hooks hook-server [--port N] [--host H]             a reference hook endpoint on loopback
  codex-hooks token create|rotate|revoke|list --policy FILE  manage the endpoint's access tokens
  codex-hooks init codex [--user] [--command CMD]           install the hooks in Codex (.codex/hooks.json)
  codex-hooks codex-hook [options] < event.json             answer one Codex hook event (Codex runs it)
  codex-hooks audit read FILE...                            print audit logs (decompressed, decrypted)
  codex-hooks help COMMAND | COMMAND --help                 help for one command
  codex-hooks --version | --help

${EXIT_STATUS}
`;

export const REVIEW_HELP = `Usage: codex-hooks review [--base REF] [--head REF] [options]

Runs the whole pipeline (filter, secret scan, the config's hooks, and the AI review when --hook-url is
given) on the changes between two revisions, as a pull request would see them: the changes on --head
since it left --base. Without --head, the working tree (staged and unstaged changes of tracked files)
is compared with --base; 'codex-hooks review --base HEAD' reviews what you are about to commit.
Untracked files are not part of a git diff: 'git add' them (or 'git add -N') first. Before a
repository's first commit (no HEAD yet), '--base HEAD' reviews the files staged for it against the
empty tree.

${BINARY_RULE}

Options:
  --base REF         base revision (default HEAD)
  --head REF         head revision (default: the working tree)
  --hook-url URL     Codex hook endpoint for the AI review; the token is read from CODEX_TOKEN,
                     never from a flag (https; http only for loopback)
  --reviewer NAME    who writes the AI review: endpoint (default, with --hook-url), openai or codex
  --model NAME       the model of openai/codex (or OPENAI_MODEL)
  --base-url URL     a Responses API base URL (or OPENAI_BASE_URL; default https://api.openai.com/v1)
  --hook-timeout S   seconds per endpoint request, Responses API request or Codex run (default 60,
                     the action's hook-timeout; raise it for codex, which reads files before answering)
  --config-ref base|head
                     where the hooks config, memory sources and baseline are read (default base: the
                     branch under review cannot choose its own hooks, as in the action; head: the
                     working tree, confined to the repository)
${COMMON}

${ENVIRONMENT}
  CODEX_TOKEN        programmatic access token for --hook-url
  OPENAI_API_KEY     the Responses API key of --reviewer openai or codex

${EXIT_STATUS}
`;

export const SCAN_HELP = `Usage: codex-hooks scan PATH... | - [options]

Scans whole files: every line of each file counts as added, so the secret scan and the config's
pattern and path hooks see all of it. No AI review. Suits a pre-commit hook, which passes the staged
file names.

PATH is a file, a folder or a quoted glob ('src/**/*.ts'). A folder is walked: inside a git work
tree through git, so .gitignore is honoured; elsewhere through the file system. A walk skips .git
and node_modules and never follows a symlink. - reads the paths from stdin, one a line, or
NUL-separated with --null (git ls-files -z | codex-hooks scan --null -).
A path that cannot be read (missing, a symlink to a folder, a symlink loop) is skipped with one
warning line, and the run ends with how many were skipped; the exit status stays the gate's
unless --strict.

${BINARY_RULE}

Options:
  -z, --null         paths on stdin are separated by NUL bytes, not newlines
  --strict           exit 2 when any path was skipped as unreadable
${COMMON}

${ENVIRONMENT}

${EXIT_STATUS}
`;

export const HOOK_SERVER_HELP = `${HOOK_SERVER_USAGE}

Starts the Codex hook endpoint and prints its URL; stops on Ctrl-C or SIGTERM (in-flight reviews finish).
Try it with: codex-hooks review --base main --hook-url <the printed URL>, with the same CODEX_TOKEN.

Options:
  --port N            port to listen on (default 8787; 0 picks a free one)
  --host ADDR         address to bind (default 127.0.0.1; beyond loopback only with --policy)
  --policy FILE       access tokens, JWTs, scopes, IP allowlists, usage limits, audit (reloaded on change)
  --tls-cert FILE     serve HTTPS with this certificate (with --tls-key)
  --tls-key FILE
  --audit-log FILE    append each request to FILE (JSON lines; never the token)
  --backend NAME      rules (offline reference rules, default), openai (Responses API) or codex (Codex CLI)
  --model NAME        the model of openai/codex (or OPENAI_MODEL)
  --base-url URL      a Responses API base URL (or OPENAI_BASE_URL; default https://api.openai.com/v1)
  --model-timeout S   seconds per model call (default 50; keep it under the workflow's hook-timeout)
  -h, --help          this help

The model key is OPENAI_API_KEY in the server's environment, never a flag. See docs/endpoint.md.
`;

export const INIT_HELP = `Usage: codex-hooks init codex [--user] [--command CMD]

Installs codex-hooks as the Codex CLI's own hooks, so .github/codex-hooks.yml governs every Codex session
too: writes .codex/hooks.json in the repository (SessionStart, UserPromptSubmit, PreToolUse and
PostToolUse for the shell and patch tools, Stop), or merges into it, and prints how Codex comes to trust
the hooks, with the trusted hashes for $CODEX_HOME/config.toml. Running it again changes nothing.

Options:
  --user             write the user's hooks ($CODEX_HOME/hooks.json, default ~/.codex) instead
  --command CMD      the command hooks.json runs (default codex-hooks-codex-hook, the package's lean bin;
                     e.g. 'node /abs/path/dist/codex-hook/index.js --fail-on warning')
  -h, --help         this help

See docs/codex-hooks.md.
`;

export const CODEX_HOOK_HELP = `Usage: codex-hooks codex-hook [options] < event.json
       codex-hooks-codex-hook [options] < event.json     (the same, as its own fast-starting bin)

Reads one Codex hook event on stdin and answers as Codex expects: a prompt or tool call with a secret or a
finding at --fail-on is blocked with a reason that names the rule, the masked hint, the file and the line.
Appends one redacted line per event to the config's logger outputs.

Options:
  --config FILE       hooks config, relative to the repository root (default .github/codex-hooks.yml)
  --fail-on LEVEL     error (default), warning, notice or never: the lowest severity that blocks
  --fail-open EVENTS  comma-separated Codex events (or 'all') that let Codex go on when the hook itself
                      fails; by default PostToolUse, Stop and SessionStart
  --fail-closed EVENTS  events that block when the hook itself fails; by default UserPromptSubmit and
                      PreToolUse

See docs/codex-hooks.md.
`;

export const COMMAND_HELP: Readonly<Record<string, string>> = {
  review: REVIEW_HELP,
  scan: SCAN_HELP,
  'hook-server': HOOK_SERVER_HELP,
  init: INIT_HELP,
  'codex-hook': CODEX_HOOK_HELP,
  audit: AUDIT_USAGE,
  token: TOKEN_USAGE,
};
