import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shortHash } from '../../src/core/findings/finalize.js';
import { withBase62Checksum } from '../../src/core/secrets/checksum.js';
import { addedFile, FakeGitHub, type FakePullFile } from '../support/fake-github.js';
import { FakeEndpoint, type EndpointStep } from '../support/fake-endpoint.js';
import { expectAbsentEverywhere } from '../support/leaks.js';
import { ACTION_ENTRY, pullRequestEvent, runAction } from '../support/run-action.js';
import { fakeJwt } from '../support/tokens.js';
import type { HookResponse } from '../../src/endpoint/types.js';
import { hook, hooksYaml } from '../fixtures/hooks-config.js';

// Red-team findings 1-3, 5 and 7 (issue 17): nothing secret leaves the runner. Synthetic values only.
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');
const GH_TOKEN = withBase62Checksum('ghp_', 'Q7rK2mZp9LwVb7Rc1Qn5Hd8Gf3Js6Y');
const BASE = 'b'.repeat(40);
const KEY_BODY = [
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
  'LyG9JpWxq2cN8mT4vR7dH1sE6kB3fA0oZ5uQ9iP2lX8wC4nJ7yV1tG6rD3hS0aMb',
];
const KEY_LINES = ['-----BEGIN RSA PRIVATE KEY-----', ...KEY_BODY, '-----END RSA PRIVATE KEY-----'];

const CODEX_TOKEN = fakeJwt({ sub: 'ci-bot', scope: 'hooks:trigger', exp: 4102444800 });

let github: FakeGitHub | undefined;
let endpoint: FakeEndpoint | undefined;
beforeAll(() => {
  if (!existsSync(ACTION_ENTRY)) throw new Error('dist/index.js is missing: run `npm run build` first');
});
afterEach(async () => {
  await github?.stop();
  await endpoint?.stop();
  github = endpoint = undefined;
});

async function start(
  files: FakePullFile[],
  steps: EndpointStep[] = [{ review: true }],
  contents: Record<string, string> = {},
) {
  github = await new FakeGitHub({ files, contents: { [BASE]: contents } }).start();
  endpoint = await new FakeEndpoint(steps).start();
  return { github, endpoint };
}

const appFile = addedFile('src/app.ts', ['export function start() {', '  console.log("starting");', '}']);
const aiInputs = (url: string, more: Record<string, string> = {}) => ({
  'github-token': 't',
  'codex-token': CODEX_TOKEN,
  'hook-url': url,
  ...more,
});

describe('1: a multi-line private key is redacted where it sits in the patch that is sent', () => {
  it('a key the pull request deletes (default settings): no body line reaches the endpoint', async () => {
    const removed = {
      filename: 'config/keys.ts',
      status: 'modified',
      additions: 1,
      deletions: KEY_LINES.length,
      changes: KEY_LINES.length + 1,
      patch: `@@ -1,${KEY_LINES.length + 1} +1,2 @@\n export const config = {};\n${KEY_LINES.map((l) => `-${l}`).join('\n')}\n+// the key moved to the vault`,
    };
    const { github, endpoint } = await start([appFile, removed]);
    const run = await runAction({ inputs: aiInputs(endpoint.url), event: pullRequestEvent(), apiUrl: github.url });
    expect(endpoint.received).toHaveLength(1);
    const sent = endpoint.received[0]!.body.files.find((f) => f.path === 'config/keys.ts');
    expect(sent?.patch).toContain('[REDACTED:private-key]');
    // The patch keeps its lines, so the endpoint's line numbers still point at the right place.
    expect(sent?.patch.split('\n')).toHaveLength(KEY_LINES.length + 3);
    await expectAbsentEverywhere([...KEY_BODY, CODEX_TOKEN], { run, github, endpoint });
  });

  it('a key the pull request adds, with secret-action: redact: the gate fails and no body line is sent', async () => {
    const { github, endpoint } = await start([appFile, addedFile('deploy/id_rsa.txt', KEY_LINES)]);
    const run = await runAction({
      inputs: aiInputs(endpoint.url, { 'secret-action': 'redact' }),
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(run.code).toBe(1);
    expect(run.outputs.secrets).toBe('1');
    expect(endpoint.received[0]!.raw).toContain('[REDACTED:private-key]');
    await expectAbsentEverywhere([...KEY_BODY, CODEX_TOKEN], { run, github, endpoint });
  });
});

describe('2: everything in the request goes through the redactor before the request is built', () => {
  it('a linter quoting a key, a memory source and the PR title never carry the key to the endpoint', async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-ws-'));
    await writeFile(
      path.join(workspace, 'lint.cjs'),
      "const fs = require('fs');\nfor (const f of process.argv.slice(2)) console.log(`${f}:1:1: hard-coded key: ${fs.readFileSync(f, 'utf8').split('\\n')[0]}`);\n",
    );
    await mkdir(path.join(workspace, 'src'), { recursive: true });
    await writeFile(path.join(workspace, 'src/keys.ts'), `export const key = "${AWS_KEY}";\n`);
    await writeFile(path.join(workspace, 'src/app.ts'), 'export function start() {\n');
    const config = hooksYaml(
      hook('lint', 'prompt.submitted', {
        type: 'command',
        run: ['node', 'lint.cjs', '{files}'],
        format: 'unix',
        severity: 'notice',
      }),
      hook('notes', 'prompt.submitted', { type: 'memory', sources: ['docs/notes.md'] }),
    );
    const { github, endpoint } = await start(
      [appFile, addedFile('src/keys.ts', [`export const key = "${AWS_KEY}";`])],
      [{ review: true }],
      { '.github/codex-hooks.yml': config, 'docs/notes.md': `The deploy bot uses ${GH_TOKEN} for now.\n` },
    );
    const event = pullRequestEvent();
    event.pull_request.title = `Rotate ${GH_TOKEN}`;
    const run = await runAction({ inputs: aiInputs(endpoint.url), event, apiUrl: github.url, workspace });
    expect(run.code).toBe(1);
    expect(endpoint.received).toHaveLength(1);
    const body = endpoint.received[0]!.body;
    expect(body.findings.some((f) => f.message.includes('[REDACTED:aws-access-key-id]'))).toBe(true);
    expect(body.memory[0]!.content).toContain('[REDACTED:github-token]');
    await expectAbsentEverywhere([AWS_KEY, GH_TOKEN, CODEX_TOKEN], { run, github, endpoint });
  });
});

describe('3: every changed file is scanned for secrets, whatever the filters review', () => {
  const filtered = [
    'dist/settings.js',
    'package-lock.json',
    'vendor/acme/client.js',
    'public/app.min.js',
    'public/app.js.map',
    'img/logo.png',
  ];

  it('finds a key in bundles, lockfiles, vendored, minified, source-map and binary-looking files', async () => {
    const { github } = await start(filtered.map((f) => addedFile(f, [`var k = "${AWS_KEY}";`])));
    const run = await runAction({ inputs: { 'github-token': 't' }, event: pullRequestEvent(), apiUrl: github.url });
    expect(run.code).toBe(1);
    expect(run.outputs.secrets).toBe(String(filtered.length));
    await expectAbsentEverywhere([AWS_KEY], { run, github });
  });

  it('scans a file whose patch GitHub omitted from the workspace, and lists loudly one it cannot read', async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-ws-'));
    await mkdir(path.join(workspace, 'src'), { recursive: true });
    const big = ['export const rows = [', ...Array.from({ length: 50 }, (_, i) => `  ${i},`), `  "${AWS_KEY}",`, '];'];
    await writeFile(path.join(workspace, 'src/big.ts'), big.join('\n') + '\n');
    const omitted = (filename: string): FakePullFile => ({
      filename,
      status: 'modified',
      additions: 4000,
      deletions: 10,
      changes: 4010,
    });
    const { github } = await start([appFile, omitted('src/big.ts'), omitted('src/gone.ts')]);
    const run = await runAction({
      inputs: { 'github-token': 't' },
      event: pullRequestEvent(),
      apiUrl: github.url,
      workspace,
    });
    expect(run.code).toBe(1);
    expect(run.outputs.secrets).toBe('1');
    expect(run.stdout).toMatch(/::warning::.*NOT scanned for secrets.*src\/gone\.ts/);
    expect(run.summary).toMatch(/NOT scanned for secrets/);
    await expectAbsentEverywhere([AWS_KEY], { run, github });
  });
});

describe("5: the endpoint's answer is scrubbed of the token and of secrets before it is used", () => {
  it('an endpoint echoing the token in summary, title, body and dropped paths', async () => {
    const { github, endpoint } = await start(
      [appFile],
      [
        {
          review: true,
          extend: (_req, res) => ({
            ...res,
            summary: `token ${CODEX_TOKEN} and key ${AWS_KEY}`,
            comments: [
              {
                path: 'src/app.ts',
                line: 2,
                severity: 'warning',
                title: `t ${CODEX_TOKEN}`,
                body: `b ${CODEX_TOKEN} ${AWS_KEY}`,
              },
              { path: `elsewhere/${AWS_KEY}.ts`, line: 1, body: 'on a file that was not sent' },
              { path: `elsewhere/${CODEX_TOKEN}.ts`, line: 1, body: 'on a file that was not sent' },
            ],
          }),
        },
      ],
    );
    const run = await runAction({
      inputs: aiInputs(endpoint.url, { 'sarif-file': 'out.sarif' }),
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(endpoint.received).toHaveLength(1);
    expect(run.summary).toMatch(/were dropped/);
    await expectAbsentEverywhere([CODEX_TOKEN, AWS_KEY], {
      run,
      github,
      endpoint,
      files: [path.join(run.dir, 'out.sarif')],
    });
  });
});

describe('7: secrets in paths, refs, the title and the author field', () => {
  it('are found by the gate and never sent to the endpoint', async () => {
    const renamed: FakePullFile = {
      ...addedFile(`config/${AWS_KEY}.txt`, ['nothing here']),
      status: 'renamed',
      previous_filename: `old/${GH_TOKEN}.txt`,
    };
    const { github, endpoint } = await start([appFile, renamed]);
    const event = pullRequestEvent();
    event.pull_request.head.ref = `fix/${GH_TOKEN}`;
    event.pull_request.title = `Use ${AWS_KEY}`;
    event.pull_request.user.login = GH_TOKEN;
    const run = await runAction({
      inputs: aiInputs(endpoint.url, { 'secret-action': 'redact' }),
      event,
      apiUrl: github.url,
    });
    expect(run.code).toBe(1);
    expect(Number(run.outputs.secrets)).toBeGreaterThanOrEqual(2);
    expect(endpoint.received).toHaveLength(1);
    const raw = endpoint.received.map((r) => r.raw).join('\n');
    expect(raw).toContain('[REDACTED:');
    // What reaches the endpoint holds none of them; GitHub already has the PR's own names.
    await expectAbsentEverywhere([AWS_KEY, GH_TOKEN, CODEX_TOKEN], { endpoint });
  });
});

describe('7: a secret pasted in the pull request description', () => {
  it('fails the gate, is quoted nowhere, and the description is never sent', async () => {
    const { github, endpoint } = await start([appFile]);
    const event = pullRequestEvent();
    (event.pull_request as Record<string, unknown>).body = `Deploy notes\n\nexport AWS_ACCESS_KEY_ID=${AWS_KEY}\n`;
    const run = await runAction({ inputs: aiInputs(endpoint.url), event, apiUrl: github.url });
    expect(run.code).toBe(1);
    expect(run.outputs.secrets).toBe('1');
    expect(run.summary).toContain("AWS access key ID found in the pull request's description (AKIA…)");
    expect(endpoint.received.map((r) => r.raw).join('\n')).not.toContain('Deploy notes');
    await expectAbsentEverywhere([AWS_KEY], { run, github, endpoint });
  });
});

describe('6: a push that touches another file keeps an earlier AI error in the gate', () => {
  it('push 1 flags src/danger.ts; push 2 changes only the README: the gate still fails', async () => {
    const danger = addedFile('src/danger.ts', ['export function run(cmd: string) {', '  return eval(cmd);', '}']);
    const readme = (text: string) => addedFile('README.md', [text]);
    const flag = {
      review: true as const,
      extend: (_req: unknown, res: HookResponse) => ({
        ...res,
        comments: [{ path: 'src/danger.ts', line: 2, severity: 'error' as const, body: 'eval of user input' }],
      }),
    };
    const quiet = {
      review: true as const,
      extend: (_req: unknown, res: HookResponse) => ({ ...res, comments: [] }),
    };
    const { github, endpoint } = await start([danger, readme('# Widgets')], [flag, quiet]);
    const first = await runAction({ inputs: aiInputs(endpoint.url), event: pullRequestEvent(), apiUrl: github.url });
    expect(first.code).toBe(1);
    expect(github.reviewComments.some((c) => c.path === 'src/danger.ts')).toBe(true);

    const HEAD1 = 'a'.repeat(40);
    const HEAD2 = 'c'.repeat(40);
    github.push(HEAD2, { files: [danger, readme('# Widgets, documented')] });
    github.comparisons[`${HEAD1}...${HEAD2}`] = { status: 'ahead', files: [readme('# Widgets, documented')] };
    const event = pullRequestEvent('synchronize') as ReturnType<typeof pullRequestEvent> & { before?: string };
    event.pull_request.head.sha = HEAD2;
    event.before = HEAD1;
    const second = await runAction({ inputs: aiInputs(endpoint.url), event, apiUrl: github.url });
    expect(endpoint.received[1]!.body.files.map((f) => f.path)).toEqual(['README.md']);
    expect(second.code).toBe(1);
    expect(second.summary).toMatch(/1 earlier AI findings on files not reviewed again in this run still stand/);
    // The earlier comment is neither posted twice nor marked fixed.
    const onDanger = github.reviewComments.filter((c) => c.path === 'src/danger.ts');
    expect(onDanger).toHaveLength(1);
    expect(onDanger[0]!.body).not.toMatch(/Fixed in/);
  });
});

describe('8: keyed fingerprints', () => {
  const KEY = 'fp-key-' + 'Zq8Lw2Nc5Rt9Yv3Hb6Jm';
  // What a pull request's author can compute offline: the plain fingerprint of their own secret's finding.
  const plain = shortHash('aws-access-key-id', 'src/keys.ts', createHash('sha256').update(AWS_KEY).digest('hex'));

  async function markerOf(inputs: Record<string, string>) {
    const { github } = await start([addedFile('src/keys.ts', [`export const key = "${AWS_KEY}";`])]);
    const run = await runAction({
      inputs: { 'github-token': 't', ...inputs },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(run.code).toBe(1);
    const markers = github.reviewComments.map((c) => /fingerprint=([0-9a-f]+)/.exec(c.body)?.[1]);
    expect(markers).toHaveLength(1);
    await expectAbsentEverywhere([AWS_KEY, KEY], { run, github });
    return markers[0];
  }

  it('without a key, the marker is the fingerprint an author can compute', async () => {
    expect(await markerOf({})).toBe(plain);
  });

  it('with fingerprint-key, the marker is keyed: nothing an author can compute offline', async () => {
    const keyed = await markerOf({ 'fingerprint-key': KEY });
    expect(keyed).toMatch(/^[0-9a-f]{16}$/);
    expect(keyed).not.toBe(plain);
  });
});
