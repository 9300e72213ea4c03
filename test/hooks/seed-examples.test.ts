import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/adapters/command-runner.js';
import { auditLogOptionsFor, runAuditCommand } from '../../src/audit/index.js';
import { loadConfigSource } from '../../src/config/source.js';
import { parseHooksConfig } from '../../src/config/load.js';
import type { HooksConfig, LoggerAction } from '../../src/config/types.js';
import { parsePatch } from '../../src/core/diff/index.js';
import type { ChangedFile } from '../../src/core/types.js';
import type { HookExchange } from '../../src/endpoint/client.js';
import { collectLoggers, runPromptSubmittedHooks, type ReviewFile } from '../../src/hooks/index.js';
import { createRecordingLogger } from '../../src/logger.js';
import { writeAuditLogs } from '../../src/pipeline/audit.js';
import { CONVERSATION_LOGGER_JSON, SECRET_SCANNER_YAML } from '../fixtures/seed-examples.js';

/**
 * The two examples of the guide this product follows (test/fixtures/seed-examples.ts): the secret scanner written
 * as an inline Python validator, and the JSON conversation logger with rotation, encryption and compression.
 * They load from `.github/codex-hooks.yml` and from a `.json` config file, and behave as the guide says.
 * python3 is a real interpreter here (as on GitHub's runners).
 */

// Synthetic credential, assembled at run time.
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');
const AUDIT_KEY = 'ab'.repeat(32);

function review(path: string, lines: string[]): ReviewFile {
  const patch = `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}\n`;
  const file: ChangedFile = { path, status: 'added', additions: lines.length, deletions: 0, patch };
  return { file, parsed: parsePatch(patch) };
}

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function runHooks(config: HooksConfig, files: ReviewFile[]) {
  dir ??= await mkdtemp(join(tmpdir(), 'seed-'));
  const logger = createRecordingLogger();
  const result = await runPromptSubmittedHooks(files, {
    config,
    failOn: 'error',
    workspace: dir,
    ports: { runCommand, readRepositoryFile: async () => undefined, logger, now: () => new Date(0) },
  });
  return { result, logger };
}

const read = (files: Record<string, string>) => async (path: string) => files[path];

describe("the guide's secret-scanner validator (inline Python, from .github/codex-hooks.yml)", () => {
  it('is python3 on this machine', () => {
    expect(execFileSync('python3', ['--version']).toString()).toMatch(/^Python 3\./);
  });

  it('a prompt with a secret: the script raises, the request is blocked with its message', async () => {
    const loaded = await loadConfigSource({
      path: '.github/codex-hooks.yml',
      ref: 'base',
      refLabel: 'base 1234567',
      read: read({ '.github/codex-hooks.yml': SECRET_SCANNER_YAML }),
    });
    const { result } = await runHooks(loaded.config, [
      review('src/app.ts', ['export const ok = 1;']),
      review('src/keys.ts', [`export const key = "${AWS_KEY}";`]),
    ]);
    expect(result.blocked).toBe(true);
    expect(result.blockedBy).toBe('secret-scanner');
    const finding = result.findings.find((f) => f.source === 'secret-scanner');
    expect(finding).toMatchObject({ severity: 'error', category: 'validator' });
    expect(finding!.message).toBe('Potential secret detected in prompt');
    expect(result.executions.find((e) => e.hook === 'secret-scanner')).toMatchObject({ findings: 1 });
  });

  it('a clean prompt: no finding, not blocked', async () => {
    const { result } = await runHooks(parseHooksConfig(SECRET_SCANNER_YAML, '.github/codex-hooks.yml'), [
      review('src/app.ts', ['export const ok = 1;']),
    ]);
    expect(result.blocked).toBe(false);
    expect(result.findings.filter((f) => f.source === 'secret-scanner')).toEqual([]);
    expect(result.executions.find((e) => e.hook === 'secret-scanner')).toMatchObject({ findings: 0 });
    expect(result.executions.find((e) => e.hook === 'secret-scanner')!.error).toBeUndefined();
  });
});

describe('validator scripts: interpreter, event, failures', () => {
  const configWith = (action: string) =>
    parseHooksConfig(
      `version: 1\nhooks:\n  - name: check\n    events: [prompt.submitted]\n    actions:\n${action}`,
      '.github/codex-hooks.yml',
    );
  const files = [review('src/a.ts', ['const x = 1;', 'const y = 2;'])];

  it.each([
    [
      'event as attributes; sys.exit with a message',
      `      - type: validator\n        script: |\n          import sys\n          if event.files[0].added_lines[1].text == "const y = 2;":\n              sys.exit("y is not allowed in " + event.files[0].path)\n`,
      'y is not allowed in src/a.ts',
    ],
    [
      'a shebang picks node; the event on stdin; a non-zero exit',
      `      - type: validator\n        script: |\n          #!/usr/bin/env node\n          const e = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n          console.error(e.hook + ' saw ' + e.files.length + ' file(s)');\n          process.exit(3);\n`,
      'check saw 1 file(s)',
    ],
    [
      'runtime: sh',
      `      - type: validator\n        runtime: sh\n        script: |\n          grep -q 'const x' && { echo "x found" >&2; exit 1; }\n          exit 0\n`,
      'x found',
    ],
    [
      'a message prefix',
      `      - type: validator\n        message: Policy\n        severity: warning\n        script: raise RuntimeError("no")\n`,
      'Policy: no',
    ],
  ])('%s', async (_name, action, message) => {
    const { result } = await runHooks(configWith(action), files);
    const finding = result.findings.find((f) => f.source === 'check');
    expect(finding?.message).toBe(message);
    expect(finding?.path).toBe('src/a.ts');
    expect(result.blocked).toBe(!message.startsWith('Policy'));
  });

  it('a script that passes leaves no trace; a missing interpreter is a hook error, not a finding', async () => {
    const passing = await runHooks(
      configWith('      - type: validator\n        script: assert event["hook"] == "check"\n'),
      files,
    );
    expect(passing.result.findings).toEqual([]);
    expect(passing.result.blocked).toBe(false);
    const missing = await runHooks(
      configWith('      - type: validator\n        runtime: /nonexistent/python3\n        script: pass\n'),
      files,
    );
    expect(missing.result.findings).toEqual([]);
    expect(missing.result.executions[1]!.error).toMatch(/could not run/);
    expect(missing.logger.lines.join('\n')).toMatch(/Hook 'check' failed/);
  });

  it.each([
    [
      'an unknown runtime',
      '        runtime: cobol\n        script: x\n',
      /runtime 'cobol' is not one of python, python3, node/,
    ],
    ['no script', '        runtime: python3\n', /is missing the required key 'script'/],
    ['on conversation.updated', null, /a validator action cannot run on conversation\.updated/],
  ])('refuses %s', (_name, body, message) => {
    const text =
      body === null
        ? 'version: 1\nhooks:\n  - name: check\n    events: [conversation.updated]\n    actions:\n      - type: validator\n        script: pass\n'
        : `version: 1\nhooks:\n  - name: check\n    events: [prompt.submitted]\n    actions:\n      - type: validator\n${body}`;
    expect(() => parseHooksConfig(text, '.github/codex-hooks.yml')).toThrow(message);
  });
});

describe("the guide's JSON conversation logger (from a .json config file)", () => {
  it('loads, and its options map onto the writer: gzip, AES-256-GCM, rotation at 100 MB x 10, metadata', async () => {
    const loaded = await loadConfigSource({
      path: '.github/codex-hooks.json',
      ref: 'base',
      refLabel: 'base 1234567',
      read: read({ '.github/codex-hooks.json': CONVERSATION_LOGGER_JSON }),
    });
    const [logger] = collectLoggers(loaded.config, 'conversation.updated') as [LoggerAction];
    expect(logger.output).toBe('logs/conversations.jsonl');
    const options = auditLogOptionsFor(logger, '/ws/logs/conversations.jsonl', { CODEX_HOOKS_AUDIT_KEY: AUDIT_KEY });
    expect(options).toEqual({
      path: '/ws/logs/conversations.jsonl',
      gzip: true,
      rotate: { maxBytes: 100 * 1024 * 1024, maxFiles: 10 },
      key: Buffer.from(AUDIT_KEY, 'hex'),
    });
  });

  it('writes one encrypted, compressed line per exchange, with metadata; `audit read` prints it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'seed-logger-'));
    const config = parseHooksConfig(CONVERSATION_LOGGER_JSON, '.github/codex-hooks.json');
    const exchange: HookExchange = {
      timestamp: '2026-11-24T10:00:00.000Z',
      chunk: { index: 0, total: 1 },
      attempt: 1,
      status: 200,
      outcome: 'ok',
      latencyMs: 12,
      requestBytes: 345,
      requestSha256: 'f'.repeat(64),
      idempotencyKey: 'e'.repeat(64),
      commentCount: 2,
    };
    const env = { CODEX_HOOKS_AUDIT_KEY: AUDIT_KEY };
    const [written] = await writeAuditLogs(config, dir, {
      exchanges: [exchange],
      executions: [],
      context: {
        repository: 'acme/widgets',
        pullRequestNumber: 42,
        headSha: 'a'.repeat(40),
        tokenFingerprint: '0123456789ab',
        tokenScopes: ['hooks:trigger'],
      },
      now: () => new Date('2026-11-24T10:00:00Z'),
      env,
    });
    expect(written).toBe(join(dir, 'logs', 'conversations.jsonl'));
    expect(await readdir(join(dir, 'logs'))).toEqual(['conversations.jsonl']);
    const raw = await readFile(written!, 'utf8');
    expect(raw).not.toContain('acme/widgets'); // encrypted at rest
    const out: string[] = [];
    await runAuditCommand(['read', written!], env, { write: (t: string) => out.push(t) });
    expect(JSON.parse(out.join(''))).toMatchObject({
      event: 'conversation.updated',
      repository: 'acme/widgets',
      pull_request_number: 42,
      token_fingerprint: '0123456789ab',
      status: 200,
      request_sha256: 'f'.repeat(64),
    });
  });
});
