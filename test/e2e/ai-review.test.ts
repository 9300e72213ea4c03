import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addedFile, FakeGitHub, type FakePullFile } from '../support/fake-github.js';
import { FakeEndpoint } from '../support/fake-endpoint.js';
import { pullRequestEvent, runAction, type ActionRun } from '../support/run-action.js';
import { hook, hooksYaml } from '../fixtures/hooks-config.js';

const NO_TODO = hook('no-todo', 'prompt.submitted', { type: 'pattern', pattern: 'TODO' });

// Synthetic credentials, assembled at run time.
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');
const OLD_KEY = ['AKIA', 'Y7TRJX2PLMQVB6C4'].join('');
const PASTED_KEY = ['AKIA', 'QW5ERT7YUZ3XC2VB'].join('');

function jwt(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.${Buffer.from('signature-bytes').toString('base64url')}`;
}
const CODEX_TOKEN = jwt({ sub: 'ci-bot', scope: 'hooks:trigger', exp: 4102444800 });

/** Every form a secret could leak in: raw, base64, URL-encoded. */
function leakForms(value: string): string[] {
  return [
    value,
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
    encodeURIComponent(value),
  ];
}

/** What a person could see: logs (without the runner's add-mask commands), summary, outputs, and extras. */
function visible(run: ActionRun, extra: string[] = []): string {
  const stdout = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  return [stdout, run.stderr, run.summary, JSON.stringify(run.outputs), ...extra].join('\n');
}

const appFile = addedFile('src/app.ts', [
  'export function start() {',
  '  console.log("starting");',
  '  // TODO: config',
  '}',
]);

let github: FakeGitHub | undefined;
let endpoint: FakeEndpoint | undefined;
afterEach(async () => {
  await github?.stop();
  await endpoint?.stop();
  github = endpoint = undefined;
});

async function start(
  files: FakePullFile[],
  steps: ConstructorParameters<typeof FakeEndpoint>[0],
  options: ConstructorParameters<typeof FakeGitHub>[0] = {},
) {
  github = await new FakeGitHub({ files, ...options }).start();
  endpoint = await new FakeEndpoint(steps).start();
  return { github, endpoint };
}

describe('the AI review through the Codex hook endpoint', () => {
  it('retries 503 twice honouring Retry-After with one Idempotency-Key, then posts the AI comments', async () => {
    const { github, endpoint } = await start(
      [appFile],
      [
        { status: 503, headers: { 'retry-after': '1' } },
        { status: 503, headers: { 'retry-after': '1' } },
        { review: true },
      ],
    );
    const run = await runAction({
      inputs: { 'github-token': 't', 'codex-token': CODEX_TOKEN, 'hook-url': endpoint.url },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(run.code).toBe(0);
    expect(endpoint.received).toHaveLength(3);
    const keys = endpoint.received.map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/\S{16,}/);
    // Retry-After: 1 was honoured between attempts.
    expect(endpoint.received[1]!.at - endpoint.received[0]!.at).toBeGreaterThanOrEqual(950);
    expect(endpoint.received[2]!.at - endpoint.received[1]!.at).toBeGreaterThanOrEqual(950);
    const request = endpoint.received[2]!;
    expect(request.headers).toMatchObject({
      authorization: `Bearer ${CODEX_TOKEN}`,
      'content-type': 'application/json',
      'x-codex-hook-event': 'prompt.submitted',
    });
    expect(request.headers['user-agent']).toMatch(/^codex-hooks-action\/\d+\.\d+\.\d+/);
    expect(request.body).toMatchObject({
      version: '1',
      event: 'prompt.submitted',
      event_type: 'pull_request_opened',
      repository: 'acme/widgets',
      pull_request_number: 42,
      pull_request: { head_sha: 'a'.repeat(40), base_sha: 'b'.repeat(40), author: 'octocat' },
      metadata: { triggered_by: 'GitHub Actions', run_id: '4242', chunk: { index: 0, total: 1 } },
    });
    // The AI comments land on their lines, with the endpoint's summary.
    const annotations = github.checkRuns[0]!.annotations;
    expect(annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'src/app.ts',
          start_line: 2,
          annotation_level: 'warning',
          title: 'reference/console-log: console.log left in the change',
        }),
        expect.objectContaining({ path: 'src/app.ts', start_line: 3, annotation_level: 'notice' }),
      ]),
    );
    expect(run.outputs).toMatchObject({ findings: '2', conclusion: 'success' });
    expect(run.summary).toMatch(/### AI review/);
    expect(visible(run)).not.toContain(CODEX_TOKEN);
  });

  it('ends within its timeouts when the endpoint never answers, keeping local findings and the gate', async () => {
    const { github, endpoint } = await start(
      [appFile, addedFile('src/keys.ts', [`export const key = "${AWS_KEY}";`])],
      [{ hang: true }],
    );
    const run = await runAction({
      inputs: {
        'github-token': 't',
        'codex-token': CODEX_TOKEN,
        'hook-url': endpoint.url,
        'hook-timeout': '1',
        'hook-retries': '1',
      },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(endpoint.received).toHaveLength(2);
    expect(run.code).toBe(1); // the local secret fails the gate
    expect(run.outputs).toMatchObject({ secrets: '1', conclusion: 'failure' });
    expect(run.stdout).toMatch(/::warning::AI review did not complete: /);
    expect(run.summary).toMatch(/AI review did not run to completion: .*Local findings and the gate are intact/);
    expect(github.checkRuns[0]!.annotations.map((a) => a.title)).toEqual(['aws-access-key-id']);
  });

  it('with on-hook-error: fail, fails the step when the endpoint finally fails', async () => {
    const { github, endpoint } = await start([appFile], [{ status: 500 }]);
    const run = await runAction({
      inputs: {
        'github-token': 't',
        'codex-token': CODEX_TOKEN,
        'hook-url': endpoint.url,
        'hook-retries': '0',
        'on-hook-error': 'fail',
      },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::AI review did not run \(on-hook-error: fail\): /);
    expect(github.checkRuns[0]!.conclusion).toBe('success');
  });

  it('stops at once on 401 and says the token is invalid, expired or lacks the scope', async () => {
    const { github, endpoint } = await start([appFile], [{ status: 401, body: '{"message":"bad token"}' }]);
    const run = await runAction({
      inputs: { 'github-token': 't', 'codex-token': CODEX_TOKEN, 'hook-url': endpoint.url },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(endpoint.received).toHaveLength(1);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/hooks:trigger/);
  });

  it('refuses an expired token and a plain-http endpoint before any work', async () => {
    github = await new FakeGitHub({ files: [appFile] }).start();
    const expired = await runAction({
      inputs: {
        'github-token': 't',
        'codex-token': jwt({ exp: 1_000_000 }),
        'hook-url': 'https://hooks.example/review',
      },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(expired.code).toBe(1);
    expect(expired.stdout).toMatch(
      /::error::Configuration error: the token in input 'codex-token' \(fingerprint [0-9a-f]{12}\) expired/,
    );
    const http = await runAction({
      inputs: { 'github-token': 't', 'codex-token': CODEX_TOKEN, 'hook-url': 'http://hooks.example/review' },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(http.code).toBe(1);
    expect(http.stdout).toMatch(/::error::Configuration error: .*hook-url.*https/);
    expect(github.requests).toHaveLength(0);
  });

  it('sends no raw secret, and the token only in the Authorization header', async () => {
    const withRemovedSecret: FakePullFile = {
      filename: 'src/settings.ts',
      status: 'modified',
      additions: 2,
      deletions: 1,
      changes: 3,
      patch: [
        '@@ -1,2 +1,3 @@',
        ' export const region = "eu-west-1";',
        `-export const oldKey = "${OLD_KEY}";`,
        `+export const key = "${AWS_KEY}";`,
        '+console.log(region);',
      ].join('\n'),
    };
    const { github, endpoint } = await start(
      [withRemovedSecret, appFile, addedFile('src/blocked.ts', [`const k = "${AWS_KEY}";`])],
      [
        {
          review: true,
          // A hostile answer: a suggestion that pastes a key, and a body that quotes one.
          extend: (_req, res) => ({
            ...res,
            comments: [
              ...res.comments,
              {
                path: 'src/app.ts',
                line: 2,
                severity: 'warning',
                body: `Use ${PASTED_KEY} here`,
                suggestion: `  const key = "${PASTED_KEY}";`,
              },
            ],
          }),
        },
      ],
    );
    const run = await runAction({
      inputs: {
        'github-token': 'gh-token-value',
        'codex-token': CODEX_TOKEN,
        'hook-url': endpoint.url,
        'secret-action': 'redact',
      },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(endpoint.received).toHaveLength(1);
    const sent = endpoint.received[0]!;
    // No secret left the runner, in any encoding; each was replaced by its rule id.
    for (const secret of [AWS_KEY, OLD_KEY]) for (const form of leakForms(secret)) expect(sent.raw).not.toContain(form);
    expect(sent.raw).toContain('[REDACTED:aws-access-key-id]');
    // The token is in the Authorization header and nowhere else in the request.
    for (const [name, value] of Object.entries(sent.headers)) {
      if (name !== 'authorization') expect(String(value)).not.toContain(CODEX_TOKEN);
    }
    expect(sent.raw).not.toContain(CODEX_TOKEN);

    // The pasted key in the answer is reported as a finding and redacted before anything is posted.
    const report = await readFile(run.outputs.report!, 'utf8');
    const posted = JSON.stringify(github.requests.map((r) => r.body));
    expect(JSON.parse(report).findings.map((f: { ruleId: string; path: string }) => `${f.ruleId}@${f.path}`)).toEqual(
      expect.arrayContaining(['aws-access-key-id@src/app.ts', 'aws-access-key-id@src/settings.ts']),
    );
    const everything = visible(run, [report, posted]);
    for (const secret of [AWS_KEY, OLD_KEY, PASTED_KEY, CODEX_TOKEN, 'gh-token-value']) {
      for (const form of leakForms(secret)) expect(everything).not.toContain(form);
    }
    expect(run.stdout).toContain(`::add-mask::${PASTED_KEY}`);
  });

  it('with secret-action: block, withholds each file that has a secret and says so', async () => {
    const { github, endpoint } = await start(
      [appFile, addedFile('src/keys.ts', [`export const key = "${AWS_KEY}";`])],
      [{ review: true }],
    );
    const run = await runAction({
      inputs: { 'github-token': 't', 'codex-token': CODEX_TOKEN, 'hook-url': endpoint.url },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(endpoint.received[0]!.body.files.map((f) => f.path)).toEqual(['src/app.ts']);
    expect(run.summary).toMatch(/1 files with secrets were not sent to the AI review \(secret-action: block\)/);
  });
});

describe('AI comments in the pull request review', () => {
  it('posts suggestions over exactly the lines they replace, and puts a comment outside the diff where a person sees it', async () => {
    const file = addedFile('src/app.ts', [
      'export function start() {',
      '  console.log("starting");',
      '  // TODO: config',
      '}',
    ]);
    const { github, endpoint } = await start(
      [{ ...file, status: 'modified', patch: `@@ -10,0 +10,4 @@\n${file.patch!.split('\n').slice(1).join('\n')}` }],
      [
        {
          review: true,
          extend: (_req, res) => ({
            ...res,
            comments: [
              ...res.comments,
              // A range suggestion over lines 10..11.
              {
                path: 'src/app.ts',
                start_line: 10,
                line: 11,
                severity: 'warning',
                title: 'Name the function',
                body: 'Prefer a named start.',
                suggestion: 'export function startServer() {\n  logger.info("starting");',
                rule_id: 'ai/naming',
              },
              // Line 2 of the file is not in the diff (the hunk starts at 10).
              {
                path: 'src/app.ts',
                line: 2,
                severity: 'notice',
                title: 'Header',
                body: 'Consider a file header.',
                rule_id: 'ai/header',
              },
            ],
          }),
        },
      ],
    );
    const run = await runAction({
      inputs: { 'github-token': 't', 'codex-token': CODEX_TOKEN, 'hook-url': endpoint.url },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(run.code).toBe(0);
    expect(github.reviews).toHaveLength(1);
    expect(run.outputs['review-id']).toBe(String(github.reviews[0]!.id));
    const inline = github.reviewComments.filter((c) => c.subject_type === 'line');
    const naming = inline.find((c) => c.body.includes('ai/naming'))!;
    expect(naming).toMatchObject({ path: 'src/app.ts', start_line: 10, line: 11 });
    expect(naming.body).toContain('```suggestion\nexport function startServer() {\n  logger.info("starting");\n```');
    // The reference endpoint's own suggestion removes the console.log line: an empty suggestion block.
    const consoleLog = inline.find((c) => c.body.includes('reference/console-log'))!;
    expect(consoleLog).toMatchObject({ line: 11 });
    expect(consoleLog.body).toContain('```suggestion\n```');
    // Every inline comment carries its hidden fingerprint marker.
    for (const c of inline) expect(c.body).toMatch(/<!-- codex-hooks:fingerprint=[0-9a-f]{16}/);
    // The comment on a line outside the diff is not an inline comment, but it is not lost.
    expect(inline.some((c) => c.body.includes('ai/header'))).toBe(false);
    const elsewhere = [
      ...github.reviewComments.filter((c) => c.subject_type === 'file').map((c) => c.body),
      ...github.checkRuns[0]!.annotations.map((a) => String(a.title)),
      run.summary,
    ].join('\n');
    expect(elsewhere).toContain('ai/header');
    // GitHub never had to refuse a line.
    expect(github.requests.filter((r) => r.method === 'POST' && /reviews$/.test(r.path))).toHaveLength(1);
  });
});

describe('a hooks config with every action type, read from the base commit', () => {
  it('runs pattern, path, command, secret-scan, memory and logger hooks and keeps an audit log', async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-ws-'));
    await mkdir(path.join(workspace, 'src'), { recursive: true });
    await writeFile(
      path.join(workspace, 'src/app.ts'),
      'export function start() {\n  console.log("starting");\n  // TODO: config\n}\n',
    );
    await writeFile(path.join(workspace, 'secrets.pem'), 'not really\n');
    // A "linter" run as a command: reports line 3 of each file it is given, in unix format.
    await writeFile(
      path.join(workspace, 'lint.cjs'),
      'for (const f of process.argv.slice(2)) console.log(`${f}:3:1: no TODOs in shipped code`);\nprocess.exit(1);\n',
    );
    const config = hooksYaml(
      hook(
        'no-console',
        'prompt.submitted',
        {
          type: 'pattern',
          pattern: 'console\\.log\\(',
          severity: 'warning',
          message: 'Use the logger instead of console.log',
        },
        ['src/**'],
      ),
      hook(
        'lint',
        'prompt.submitted',
        { type: 'command', run: ['node', 'lint.cjs', '{files}'], format: 'unix', severity: 'notice' },
        ['src/**/*.ts'],
      ),
      hook('no-keys', 'prompt.submitted', { type: 'path', forbid: ['**/*.pem'], severity: 'error' }),
      hook('secrets', ['prompt.submitted', 'response.generated'], { type: 'secret-scan', allow: ['EXAMPLE'] }),
      hook('standards', 'prompt.submitted', {
        type: 'memory',
        sources: ['docs/coding-standards.md'],
        max_bytes: 16000,
      }),
      hook('audit', ['conversation.updated', 'hook.executed'], { type: 'logger', output: 'codex-audit.jsonl' }),
    );
    const { github, endpoint } = await start(
      [
        addedFile('src/app.ts', ['export function start() {', '  console.log("starting");', '  // TODO: config', '}']),
        addedFile('secrets.pem', ['not really']),
      ],
      [{ review: true }],
      {
        contents: {
          ['b'.repeat(40)]: {
            '.github/codex-hooks.yml': config,
            'docs/coding-standards.md': 'Prefer small functions.',
          },
        },
      },
    );
    const run = await runAction({
      inputs: { 'github-token': 't', 'codex-token': CODEX_TOKEN, 'hook-url': endpoint.url, 'fail-on': 'error' },
      event: pullRequestEvent(),
      apiUrl: github.url,
      workspace,
    });
    const report = JSON.parse(await readFile(run.outputs.report!, 'utf8')) as {
      findings: { ruleId: string; path: string; line: number }[];
    };
    const found = report.findings.map((f) => `${f.ruleId}@${f.path}:${f.line}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'no-console@src/app.ts:2',
        expect.stringMatching(/^lint.*@src\/app\.ts:3$/),
        'no-keys@secrets.pem:0',
        'reference/console-log@src/app.ts:2',
      ]),
    );
    expect(run.code).toBe(1); // the forbidden path is an error
    // The config came from the base commit via the contents API.
    expect(github.requestsTo('GET', /\/contents\/\.github(\/|%2F)codex-hooks\.yml$/)[0]!.query.get('ref')).toBe(
      'b'.repeat(40),
    );
    // Memory was read at the base commit and sent.
    expect(endpoint.received[0]!.body.memory).toEqual([
      { source: 'docs/coding-standards.md', content: 'Prefer small functions.' },
    ]);
    // The audit log: one line per exchange and per hook run, with a token fingerprint and never the token.
    expect(run.outputs['audit-log']).toBe(path.join(workspace, 'codex-audit.jsonl'));
    const audit = (await readFile(run.outputs['audit-log']!, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const exchange = audit.find((r) => r.event === 'conversation.updated');
    expect(exchange).toMatchObject({
      repository: 'acme/widgets',
      pull_request_number: 42,
      head_sha: 'a'.repeat(40),
      status: 200,
      comment_count: 2,
    });
    expect(exchange.token_fingerprint).toMatch(/^[0-9a-f]{8,}$/);
    expect(exchange.token_scopes).toEqual(['hooks:trigger']);
    expect(audit.filter((r) => r.event === 'hook.executed').map((r) => r.hook)).toEqual(
      expect.arrayContaining(['secrets', 'no-console', 'lint', 'no-keys', 'standards']),
    );
    expect(JSON.stringify(audit)).not.toContain(CODEX_TOKEN);
  });

  it('redacts a secret that a linter quotes in its output', async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-ws-'));
    // A linter that quotes the offending line, secret and all, as some do.
    await writeFile(
      path.join(workspace, 'lint.cjs'),
      "const fs = require('fs');\nfor (const f of process.argv.slice(2)) console.log(`${f}:1:1: hard-coded key: ${fs.readFileSync(f, 'utf8').trim()}`);\n",
    );
    await mkdir(path.join(workspace, 'src'), { recursive: true });
    await writeFile(path.join(workspace, 'src/keys.ts'), `export const key = "${AWS_KEY}";\n`);
    const config = hooksYaml(
      hook('lint', 'prompt.submitted', { type: 'command', run: ['node', 'lint.cjs', '{files}'], format: 'unix' }),
    );
    github = await new FakeGitHub({
      files: [addedFile('src/keys.ts', [`export const key = "${AWS_KEY}";`])],
      contents: { ['b'.repeat(40)]: { '.github/codex-hooks.yml': config } },
    }).start();
    const run = await runAction({
      inputs: { 'github-token': 't' },
      event: pullRequestEvent(),
      apiUrl: github.url,
      workspace,
    });
    const report = await readFile(run.outputs.report!, 'utf8');
    expect(
      JSON.parse(report)
        .findings.map((f: { ruleId: string }) => f.ruleId)
        .sort(),
    ).toEqual(['aws-access-key-id', 'lint']);
    expect(report).toContain('hard-coded key: export const key = \\"[REDACTED:aws-access-key-id]\\";');
    const everything = visible(run, [report, JSON.stringify(github.requests.map((r) => r.body))]);
    for (const form of leakForms(AWS_KEY)) expect(everything).not.toContain(form);
  });

  it('does not run command hooks on pull_request_target, where the job holds secrets', async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-ws-'));
    // If this "linter" ran, it would leave a marker file: PR code executing with secrets present.
    await writeFile(path.join(workspace, 'lint.cjs'), "require('fs').writeFileSync('RAN', 'yes');\n");
    const config = hooksYaml(
      hook('lint', 'prompt.submitted', { type: 'command', run: ['node', 'lint.cjs'], format: 'exit-code' }),
    );
    github = await new FakeGitHub({
      files: [appFile],
      contents: { ['b'.repeat(40)]: { '.github/codex-hooks.yml': config } },
    }).start();
    const run = await runAction({
      inputs: { 'github-token': 't' },
      event: pullRequestEvent(),
      eventName: 'pull_request_target',
      apiUrl: github.url,
      workspace,
    });
    expect(run.code).toBe(0);
    await expect(readFile(path.join(workspace, 'RAN'), 'utf8')).rejects.toThrow(/ENOENT/);
    expect(run.stdout).toMatch(
      /::warning::Hook 'lint' failed: 'node lint.cjs' was not run: command hooks do not run on pull_request_target/,
    );
  });

  it('with config-ref: head, uses the workspace version of the config, and says so when the PR changes it', async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-ws-'));
    await mkdir(path.join(workspace, '.github'), { recursive: true });
    const headConfig = hooksYaml(NO_TODO);
    await writeFile(path.join(workspace, '.github/codex-hooks.yml'), headConfig);
    github = await new FakeGitHub({
      files: [appFile, addedFile('.github/codex-hooks.yml', headConfig.trim().split('\n'))],
      contents: { ['b'.repeat(40)]: { '.github/codex-hooks.yml': hooksYaml() } },
    }).start();
    const run = await runAction({
      inputs: { 'github-token': 't', 'config-ref': 'head' },
      event: pullRequestEvent(),
      apiUrl: github.url,
      workspace,
    });
    // The head's rule ran (the base has none): on the app and on the config's own added line.
    const report = JSON.parse(await readFile(run.outputs.report!, 'utf8')) as {
      findings: { ruleId: string; path: string }[];
    };
    expect(report.findings.map((f) => `${f.ruleId}@${f.path}`).sort()).toEqual([
      'no-todo@.github/codex-hooks.yml',
      'no-todo@src/app.ts',
    ]);
    expect(github.requestsTo('GET', /\/contents\//)).toHaveLength(0);
    expect(run.summary).toMatch(/config-ref is head: the gate uses the pull request's own version/);

    // A config path that leaves the workspace is never read: the built-in defaults apply.
    const outside = await runAction({
      inputs: { 'github-token': 't', 'config-ref': 'head', config: '../../../../etc/hostname' },
      event: pullRequestEvent(),
      apiUrl: github.url,
      workspace,
    });
    expect(outside.code).toBe(0);
    expect(outside.stdout).toMatch(/Hooks config: built-in defaults/);
  });

  it('fails the step with the file, line and key of a config error', async () => {
    github = await new FakeGitHub({
      files: [appFile],
      contents: {
        ['b'.repeat(40)]: {
          '.github/codex-hooks.yml':
            'version: 1\nhooks:\n  - name: x\n    events: [prompt.submitted]\n    actions:\n      - type: pattern\n        pattern: "a"\n        severity: high\n',
        },
      },
    }).start();
    const run = await runAction({ inputs: { 'github-token': 't' }, event: pullRequestEvent(), apiUrl: github.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::Configuration error: \.github\/codex-hooks\.yml:8:\d+: hooks\[0\]\.actions\[0\]\.severity must be one of error, warning, notice; got 'high'/,
    );
  });

  it('says when the pull request changes its own config, and uses the base version', async () => {
    github = await new FakeGitHub({
      files: [appFile, addedFile('.github/codex-hooks.yml', ['version: 1', 'hooks: []'])],
      contents: {
        ['b'.repeat(40)]: {
          '.github/codex-hooks.yml': hooksYaml(NO_TODO),
        },
      },
    }).start();
    const run = await runAction({ inputs: { 'github-token': 't' }, event: pullRequestEvent(), apiUrl: github.url });
    expect(run.summary).toMatch(
      /This pull request changes \.github\/codex-hooks\.yml; the gate uses the version at the base commit/,
    );
    expect(run.outputs.findings).toBe('1');
  });
});
