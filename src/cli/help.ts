import { HOOK_SERVER_USAGE } from '../endpoint/server/index.js';
import { AUDIT_USAGE } from '../audit/index.js';
import { TOKEN_USAGE } from '../endpoint/server/token-command.js';
import { VERSION } from '../core/version.js';

const EXIT_STATUS = 'Exit status: 0 gate passed, 1 gate failed, 2 usage or configuration error.';

const COMMON = `  --format FORMAT    text (default), json, sarif or github
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
  codex-hooks scan PATH... [options]                       scan whole files (every line counts as added)
  codex-hooks hook-server [--port N] [--host H]             a reference hook endpoint on loopback
  codex-hooks token create|rotate|revoke|list --policy FILE  manage the endpoint's access tokens
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
Untracked files are not part of a git diff: 'git add' them (or 'git add -N') first.

Options:
  --base REF         base revision (default HEAD)
  --head REF         head revision (default: the working tree)
  --hook-url URL     Codex hook endpoint for the AI review; the token is read from CODEX_TOKEN,
                     never from a flag (https; http only for loopback)
${COMMON}

${ENVIRONMENT}
  CODEX_TOKEN        programmatic access token for --hook-url

${EXIT_STATUS}
`;

export const SCAN_HELP = `Usage: codex-hooks scan PATH... [options]

Scans whole files: every line of each file counts as added, so the secret scan and the config's
pattern and path hooks see all of it. No AI review. Suits a pre-commit hook, which passes the staged
file names.

Options:
${COMMON}

${ENVIRONMENT}

${EXIT_STATUS}
`;

export const HOOK_SERVER_HELP = `${HOOK_SERVER_USAGE}

Starts the reference Codex hook endpoint on loopback and prints its URL; stops on Ctrl-C.
Try it with: codex-hooks review --base main --hook-url <the printed URL>, with the same CODEX_TOKEN.

Options:
  --port N           port to listen on (default 8787; 0 picks a free one)
  --host ADDR        address to bind (default 127.0.0.1)
  --audit-log FILE   append each exchange to FILE (JSON lines)
  -h, --help         this help
`;

export const COMMAND_HELP: Readonly<Record<string, string>> = {
  review: REVIEW_HELP,
  scan: SCAN_HELP,
  'hook-server': HOOK_SERVER_HELP,
  audit: AUDIT_USAGE,
  token: TOKEN_USAGE,
};
