import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/adapters/command-runner.js';
import type { CommandRunner } from '../../src/ports.js';
import { parseHooksConfig } from '../../src/config/load.js';
import type { HookDefinition, HooksConfig } from '../../src/config/types.js';
import { parsePatch } from '../../src/core/diff/index.js';
import type { ChangedFile, FailOn } from '../../src/core/types.js';
import { collectLoggers, runPromptSubmittedHooks, type HookPorts, type ReviewFile } from '../../src/hooks/index.js';
import { createRecordingLogger } from '../../src/logger.js';
import { hook, hooksConfig, hooksYaml } from '../fixtures/hooks-config.js';
import { writeAuditLogs } from '../../src/pipeline/audit.js';

// Built at run time so no raw secret sits in the source or any snapshot.
const AWS_KEY = ['AKIA', 'Z3MSJV4WWNKWW3D2'].join('');

function review(path: string, lines: string[], status: ChangedFile['status'] = 'modified', size?: number): ReviewFile {
  const patch =
    lines.length > 0 ? `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}\n` : undefined;
  const file: ChangedFile = { path, status, additions: lines.length, deletions: 0, ...(patch ? { patch } : {}) };
  return { file, parsed: parsePatch(patch), ...(size !== undefined ? { size } : {}) };
}

function ports(overrides: Partial<HookPorts> = {}) {
  const logger = createRecordingLogger();
  const calls: { argv: readonly string[]; cwd: string }[] = [];
  const runner: CommandRunner = async (argv, options) => {
    calls.push({ argv, cwd: options.cwd });
    return { exitCode: 0, stdout: '', stderr: '', timedOut: false, truncated: false };
  };
  const value: HookPorts = {
    runCommand: runner,
    readRepositoryFile: async () => undefined,
    logger,
    now: () => new Date(0),
    ...overrides,
  };
  return { ports: value, logger, calls };
}

const run = (files: ReviewFile[], cfg: HooksConfig, p = ports().ports, failOn: FailOn = 'error') =>
  runPromptSubmittedHooks(files, { config: cfg, failOn, workspace: '/ws', ports: p });

describe('command hooks where the job holds secrets', () => {
  it('are not run at all when refused, and the reason is said', async () => {
    const p = ports();
    const cfg: HooksConfig = {
      version: 1,
      hooks: [
        { name: 'lint', events: ['prompt.submitted'], actions: [{ type: 'command', run: ['eslint'], format: 'unix' }] },
      ],
    };
    const result = await runPromptSubmittedHooks([review('src/a.ts', ['x'])], {
      config: cfg,
      failOn: 'error',
      workspace: '/ws',
      ports: p.ports,
      commandsRefused: 'not on pull_request_target',
    });
    expect(p.calls).toEqual([]);
    expect(result.executions.find((e) => e.hook === 'lint')!.error).toBe(
      "'eslint' was not run: not on pull_request_target",
    );
    expect(p.logger.lines).toContain("warning: Hook 'lint' failed: 'eslint' was not run: not on pull_request_target");
  });
});

describe('runPromptSubmittedHooks', () => {
  it('runs the built-in secret scan with no config, never exposing the secret, and blocks', async () => {
    const result = await run([review('src/a.ts', ['const ok = 1;', `const key = "${AWS_KEY}";`])], hooksConfig());
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      ruleId: 'aws-access-key-id',
      category: 'secret',
      severity: 'error',
      path: 'src/a.ts',
      line: 2,
      column: 14,
      message: 'AWS access key ID found (AKIA…)',
      redacted: 'AKIA…',
    });
    // The path is the pull request's own name; no message carries the key.
    expect(result.findings.map((f) => f.message).join('\n')).not.toContain(AWS_KEY);
    expect(result.secrets).toHaveLength(1);
    expect(result.secrets[0]!.match.secret === AWS_KEY).toBe(true); // kept in memory for redaction
    // Secrets never stop the whole request: secret-action withholds or redacts each file.
    expect(result.blocked).toBe(false);
    expect(result.executions).toEqual([{ hook: 'secret-scan', event: 'prompt.submitted', findings: 1, durationMs: 0 }]);
  });

  it('a secret-scan action tunes the scan (allow, allow_paths, custom rules) and only enabled: false turns it off', async () => {
    const files = [
      review('src/a.ts', [`k = "${AWS_KEY}"`, 'acme_9f3b1c7e2a8d4f60']),
      review('fixtures/keys.txt', [AWS_KEY]),
    ];
    const secrets = (extra: object): HookDefinition => ({
      name: 'secrets',
      events: ['prompt.submitted'],
      actions: [{ type: 'secret-scan', ...extra }],
    });
    const tuned = await run(
      files,
      hooksConfig(
        secrets({
          allow_paths: ['fixtures/**'],
          rules: [{ id: 'acme', pattern: 'acme_[0-9a-f]{16}', keywords: ['acme_'], severity: 'warning' }],
        }),
      ),
    );
    expect(tuned.findings.map((f) => [f.ruleId, f.path, f.severity])).toEqual([
      ['aws-access-key-id', 'src/a.ts', 'error'],
      ['acme', 'src/a.ts', 'warning'],
    ]);
    expect(tuned.executions[0]!.hook).toBe('secrets');
    const allowed = await run(files, hooksConfig(secrets({ allow: ['^AKIAZ3'] })));
    expect(allowed.findings).toEqual([]);
    expect(allowed.blocked).toBe(false);
    const off = await run(files, hooksConfig(secrets({ enabled: false })));
    expect(off.findings).toEqual([]);
    expect(off.secrets).toEqual([]);
    expect(off.notes).toContain('The built-in secret scan is turned off (secret-scan enabled: false)');
  });

  it('a custom secret rule that uses its time budget stops, and a note and a warning say the scan is incomplete', async () => {
    // A clock that moves 6 s each time it is read: the rule is past its 10 s after its second line.
    let t = 0;
    const p = ports({ now: () => new Date((t += 6_000)) });
    const lines = Array.from({ length: 5 }, (_, i) => `ref INT-${482910 + i}`);
    const rule = { id: 'internal-ref', pattern: 'INT-[0-9]{6}' };
    const cfg = hooksConfig({
      name: 'secrets',
      events: ['prompt.submitted'],
      actions: [{ type: 'secret-scan', rules: [rule] }],
    });
    const result = await run([review('src/a.ts', lines), review('src/b.ts', ['INT-739164'])], cfg, p.ports);
    const sentence =
      "secret rule 'internal-ref': the rule used its time budget (10s) and stopped; the secret scan is incomplete for it";
    expect(result.findings.map((f) => [f.path, f.line])).toEqual([
      ['src/a.ts', 1],
      ['src/a.ts', 2],
    ]);
    expect(result.notes).toContain(sentence);
    expect(p.logger.lines).toContain(`warning: ${sentence}`);
  });

  it('a custom secret rule skips lines longer than the cap, and a note says how many', async () => {
    const long = `ref INT-482913 ${'x'.repeat(5_000)}`;
    const rule = { id: 'internal-ref', pattern: 'INT-[0-9]{6}', keywords: ['int-'] };
    const cfg = hooksConfig({
      name: 'secrets',
      events: ['prompt.submitted'],
      actions: [{ type: 'secret-scan', rules: [rule] }],
    });
    const result = await run([review('src/a.ts', [long, 'INT-739164'])], cfg);
    expect(result.findings.map((f) => [f.ruleId, f.line])).toEqual([['internal-ref', 2]]);
    expect(result.notes).toContain(
      "secret rule 'internal-ref': 1 line was longer than 4096 characters and not scanned by this rule",
    );
  });

  it('runs hooks in file order, each on the files its paths select', async () => {
    const files = [review('src/a.ts', ['console.log(1)', 'TODO']), review('docs/x.md', ['console.log(2)', 'TODO'])];
    const result = await run(
      files,
      hooksConfig(
        { name: 'todo', events: ['prompt.submitted'], actions: [{ type: 'pattern', pattern: 'TODO' }] },
        {
          name: 'console',
          events: ['prompt.submitted'],
          paths: ['src/**'],
          actions: [{ type: 'pattern', pattern: 'console' }],
        },
        { name: 'later', events: ['response.generated'], actions: [{ type: 'pattern', pattern: '.' }] },
      ),
    );
    expect(result.executions.map((e) => [e.hook, e.findings])).toEqual([
      ['secret-scan', 0],
      ['todo', 2],
      ['console', 1],
    ]);
    expect(result.findings.map((f) => [f.ruleId, f.path, f.line])).toEqual([
      ['todo', 'docs/x.md', 2],
      ['console', 'src/a.ts', 1],
      ['todo', 'src/a.ts', 2],
    ]);
  });

  it('block: true stops the request only when the hook’s findings reach fail-on', async () => {
    const files = [review('src/a.ts', ['debugger;'])];
    const cfg = hooksConfig({
      name: 'no-debugger',
      events: ['prompt.submitted'],
      block: true,
      actions: [{ type: 'pattern', pattern: 'debugger' }],
    });
    expect((await run(files, cfg, ports().ports, 'error')).blocked).toBe(false); // a warning, below fail-on error
    const blocked = await run(files, cfg, ports().ports, 'warning');
    expect(blocked.blocked).toBe(true);
    expect(blocked.blockedBy).toBe('no-debugger');
    expect((await run(files, cfg, ports().ports, 'never')).blocked).toBe(false);
  });

  it('path validators get sizes and every reviewed file for companions', async () => {
    const files = [
      review('src/a.ts', ['x'], 'modified', 10),
      review('assets/big.bin', [], 'added', 5_000_000),
      review('test/a.test.ts', ['t']),
    ];
    const result = await run(
      files,
      hooksConfig(
        { name: 'size', events: ['prompt.submitted'], actions: [{ type: 'path', max_bytes: 1_000_000 }] },
        {
          name: 'tests',
          events: ['prompt.submitted'],
          paths: ['src/**'],
          actions: [{ type: 'path', companion: { when: 'src/**/*.ts', require: 'test/{name}.test.ts' } }],
        },
      ),
    );
    expect(result.findings.map((f) => [f.ruleId, f.path])).toEqual([['size', 'assets/big.bin']]);
    expect(result.notes).toEqual(['size: the size of 1 file is unknown; max_bytes was not checked for it']);
  });

  it('command: {files} becomes one argv entry per file, removed files are left out, cwd is the workspace', async () => {
    const p = ports();
    const files = [review('src/a b.ts', ['x']), review('src/gone.ts', [], 'removed'), review('--help.ts', ['y'])];
    await run(
      files,
      hooksConfig({
        name: 'lint',
        events: ['prompt.submitted'],
        actions: [{ type: 'command', run: ['lint', '{files}', '--strict'] }],
      }),
      p.ports,
    );
    await run(
      files,
      hooksConfig({ name: 'lint2', events: ['prompt.submitted'], actions: [{ type: 'command', run: ['lint'] }] }),
      p.ports,
    );
    expect(p.calls).toEqual([
      { argv: ['lint', 'src/a b.ts', '--help.ts', '--strict'], cwd: '/ws' },
      { argv: ['lint', 'src/a b.ts', '--help.ts'], cwd: '/ws' },
    ]);
  });

  it('a failing hook is an execution with an error and a warning; the other hooks still run', async () => {
    const failing: CommandRunner = async (argv) =>
      argv[0] === 'missing'
        ? { exitCode: null, stdout: '', stderr: '', timedOut: false, truncated: false, error: 'spawn missing ENOENT' }
        : { exitCode: null, stdout: '', stderr: '', timedOut: true, truncated: false };
    const p = ports({ runCommand: failing });
    const result = await run(
      [review('a.ts', ['x'])],
      hooksConfig(
        { name: 'missing', events: ['prompt.submitted'], actions: [{ type: 'command', run: ['missing'] }] },
        { name: 'slow', events: ['prompt.submitted'], actions: [{ type: 'command', run: ['slow'], timeout: 2 }] },
        { name: 'still-runs', events: ['prompt.submitted'], actions: [{ type: 'pattern', pattern: 'x' }] },
      ),
      p.ports,
    );
    expect(result.executions.slice(1)).toEqual([
      {
        hook: 'missing',
        event: 'prompt.submitted',
        findings: 0,
        durationMs: 0,
        error: "'missing' could not run: spawn missing ENOENT",
      },
      {
        hook: 'slow',
        event: 'prompt.submitted',
        findings: 0,
        durationMs: 0,
        error: "'slow' timed out after 2s and was killed",
      },
      { hook: 'still-runs', event: 'prompt.submitted', findings: 1, durationMs: 0 },
    ]);
    expect(p.logger.lines.filter((l) => l.startsWith('warning:'))).toEqual([
      "warning: Hook 'missing' failed: 'missing' could not run: spawn missing ENOENT",
      "warning: Hook 'slow' failed: 'slow' timed out after 2s and was killed",
    ]);
  });

  it('memory: sources within max_bytes in total; a missing source is a warning', async () => {
    const repo: Record<string, string> = { 'docs/a.md': 'a'.repeat(60), 'docs/b.md': 'b'.repeat(60) };
    const p = ports({ readRepositoryFile: async (path) => repo[path] });
    const result = await run(
      [],
      hooksConfig({
        name: 'standards',
        events: ['prompt.submitted'],
        actions: [{ type: 'memory', sources: ['docs/a.md', 'docs/missing.md', 'docs/b.md'], max_bytes: 100 }],
      }),
      p.ports,
    );
    expect(result.memory).toEqual([
      { source: 'docs/a.md', content: 'a'.repeat(60) },
      { source: 'docs/b.md', content: 'b'.repeat(40) },
    ]);
    expect(result.notes).toEqual([
      "standards: memory source 'docs/missing.md' does not exist at the trusted ref; it was left out",
      "standards: memory source 'docs/b.md' (60 bytes) was cut to 40 bytes to stay within max_bytes 100",
    ]);
    expect(p.logger.lines).toContain(
      "warning: standards: memory source 'docs/missing.md' does not exist at the trusted ref; it was left out",
    );
  });

  it('runs a logger action as nothing, and hands each event its logger actions for the audit stage', async () => {
    const cfg = hooksConfig(
      {
        name: 'audit',
        events: ['conversation.updated', 'hook.executed'],
        actions: [{ type: 'logger', output: 'audit.jsonl' }],
      },
      { name: 'prompts', events: ['prompt.submitted'], actions: [{ type: 'logger', output: 'prompts.jsonl' }] },
    );
    const result = await run([review('src/a.ts', ['const a = 1;'])], cfg);
    expect(result.findings).toEqual([]);
    expect(result.executions.map((e) => [e.hook, e.error])).toEqual([
      ['secret-scan', undefined],
      ['prompts', undefined],
    ]);
    expect(collectLoggers(cfg, 'prompt.submitted')).toEqual([{ type: 'logger', output: 'prompts.jsonl' }]);
    expect(collectLoggers(cfg, 'hook.executed')).toEqual([{ type: 'logger', output: 'audit.jsonl' }]);
    expect(collectLoggers(cfg, 'conversation.updated')).toEqual([{ type: 'logger', output: 'audit.jsonl' }]);
  });
});

describe('end to end: a config with every action type, the real command runner', () => {
  const ws = mkdtempSync(join(tmpdir(), 'hooks-e2e-'));
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('produces findings from each validator and the scan, and notes what it left out', async () => {
    // A tiny "linter" printing unix diagnostics for each file it is given: one on line 1, one far outside the diff.
    writeFileSync(
      join(ws, 'lint.cjs'),
      'for (const f of process.argv.slice(2)) console.log(`${f}:1:1: no good [Error/bad]\\n${f}:500:1: far away [Error/far]`); process.exit(1);',
    );
    const cfg = parseHooksConfig(
      hooksYaml(
        hook(
          'no-console',
          ['prompt.submitted', 'response.generated'],
          { type: 'pattern', pattern: 'console\\.log\\(', fix: 'use the logger' },
          ['src/**'],
        ),
        hook('lint', 'prompt.submitted', {
          type: 'command',
          run: [process.execPath, 'lint.cjs', '{files}'],
          format: 'unix',
        }),
        hook('layout', 'prompt.submitted', { type: 'path', forbid: ['*.pem'] }),
        hook('secrets', ['prompt.submitted', 'response.generated'], { type: 'secret-scan', allow: ['EXAMPLE'] }),
        hook('standards', 'prompt.submitted', { type: 'memory', sources: ['docs/standards.md'] }),
        hook('audit', ['hook.executed', 'conversation.updated'], { type: 'logger', output: 'audit.jsonl' }),
      ),
      '.github/codex-hooks.yml',
    );
    const p = ports({
      runCommand,
      readRepositoryFile: async (path) => (path === 'docs/standards.md' ? 'Be kind.' : undefined),
    });
    const result = await runPromptSubmittedHooks(
      [review('src/a.ts', ['console.log(1);', `k = "${AWS_KEY}"`]), review('key.pem', ['-----'], 'added')],
      { config: cfg, failOn: 'error', workspace: ws, ports: p.ports },
    );
    expect(result.findings.map((f) => [f.ruleId, f.path, f.line])).toEqual([
      ['layout', 'key.pem', 0],
      ['lint/bad', 'key.pem', 1],
      ['no-console', 'src/a.ts', 1],
      ['lint/bad', 'src/a.ts', 1],
      ['aws-access-key-id', 'src/a.ts', 2],
    ]);
    expect(result.blocked).toBe(false);
    expect(result.memory).toEqual([{ source: 'docs/standards.md', content: 'Be kind.' }]);
    expect(result.notes).toEqual(['lint: 2 findings outside the diff were not reported']);
    expect(result.executions.map((e) => e.hook)).toEqual(['secrets', 'no-console', 'lint', 'layout', 'standards']);
    // The audit hook (hook.executed) gets one line per execution of this run.
    const written = await writeAuditLogs(cfg, ws, {
      exchanges: [],
      executions: result.executions,
      now: () => new Date(0),
    });
    expect(written).toEqual([join(ws, 'audit.jsonl')]);
    const lines = readFileSync(join(ws, 'audit.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { hook: string }).hook)).toEqual(result.executions.map((e) => e.hook));
    expect(JSON.stringify([result.findings, result.notes, result.executions])).not.toContain(AWS_KEY.slice(4));
  });
});

describe('the secret scan reads every changed file, every name and the pull request fields', () => {
  const pr = {
    title: 'Add the widget',
    headRef: 'feature',
    baseRef: 'main',
    author: 'octocat',
    description: 'Adds the widget.\nSee the design doc.',
  };

  it.each<[string, ReviewFile[], ReviewFile[], Partial<typeof pr>, string[]]>([
    [
      'a key in a file the filters left out',
      [review('src/a.ts', ['x'])],
      [review('dist/a.js', [`k="${AWS_KEY}"`])],
      {},
      ['dist/a.js:1:'],
    ],
    [
      'a key in a file name',
      [review(`config/${AWS_KEY}.txt`, ['x'])],
      [],
      {},
      [`config/${AWS_KEY}.txt:0: in the file name`],
    ],
    [
      'a key in the head branch',
      [review('src/a.ts', ['x'])],
      [],
      { headRef: `fix/${AWS_KEY}` },
      ["src/a.ts:0: in the pull request's head branch"],
    ],
    [
      'a key in the title',
      [review('src/a.ts', ['x'])],
      [],
      { title: `Rotate ${AWS_KEY} now` },
      ["src/a.ts:0: in the pull request's title"],
    ],
    [
      'a key in the author field',
      [review('src/a.ts', ['x'])],
      [],
      { author: AWS_KEY },
      ["src/a.ts:0: in the pull request's author"],
    ],
    [
      'a key pasted in the description',
      [review('src/a.ts', ['x'])],
      [],
      { description: `Deploy notes:\n\nexport AWS_ACCESS_KEY_ID=${AWS_KEY}\n` },
      ["src/a.ts:0: in the pull request's description"],
    ],
    ['nothing to find', [review('src/a.ts', ['x'])], [review('dist/a.js', ['y'])], {}, []],
  ])('%s', async (_name, files, scanOnly, fields, expected) => {
    const result = await runPromptSubmittedHooks(
      files,
      { config: hooksConfig(), failOn: 'error', workspace: '/ws', ports: ports().ports },
      { scanOnly, pullRequest: { ...pr, ...fields } },
    );
    const where = (m: string) => / found( in [^(]+)? \(/.exec(m)?.[1] ?? '';
    expect(result.findings.map((f) => `${f.path}:${f.line}:${where(f.message)}`)).toEqual(expected);
    // The path is the pull request's own name; no message carries the key.
    expect(result.findings.map((f) => f.message).join('\n')).not.toContain(AWS_KEY);
  });

  it('a secret only in the pull request fields withholds no file', async () => {
    const result = await runPromptSubmittedHooks(
      [review('src/a.ts', ['x'])],
      { config: hooksConfig(), failOn: 'error', workspace: '/ws', ports: ports().ports },
      { pullRequest: { ...pr, title: `Use ${AWS_KEY}` } },
    );
    expect(result.secrets.map((s) => s.path)).toEqual(['']);
  });
});
