import { existsSync, lstatSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addedFile, FakeGitHub, type FakePullFile } from '../support/fake-github.js';
import { FakeEndpoint, type EndpointStep } from '../support/fake-endpoint.js';
import { expectAbsentEverywhere } from '../support/leaks.js';
import { ACTION_ENTRY, pullRequestEvent, runAction } from '../support/run-action.js';
import { fakeJwt } from '../support/tokens.js';
import { hook, hooksYaml } from '../fixtures/hooks-config.js';

// The red-team findings of docs/security.md, each replayed through the built action. Synthetic values only.
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');
const BASE = 'b'.repeat(40);

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

async function start(files: FakePullFile[], steps: EndpointStep[] = [{ review: true }], config?: string) {
  github = await new FakeGitHub({
    files,
    ...(config ? { contents: { [BASE]: { '.github/codex-hooks.yml': config } } } : {}),
  }).start();
  endpoint = await new FakeEndpoint(steps).start();
  return { github, endpoint };
}

const appFile = addedFile('src/app.ts', ['export function start() {', '  console.log("starting");', '}']);

describe('4: symbolic links the pull request commits do not redirect what the action writes or reads', () => {
  it('refuses the audit log, its folder and the SARIF file when they are links out of the workspace', async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-ws-'));
    const outside = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-outside-'));
    await writeFile(path.join(outside, 'victim.sh'), '#!/bin/sh\necho original\n');
    await writeFile(path.join(outside, 'report.sarif'), 'original\n');
    await symlink(path.join(outside, 'victim.sh'), path.join(workspace, 'codex-audit.jsonl'));
    await symlink(outside, path.join(workspace, 'logs'));
    await symlink(path.join(outside, 'report.sarif'), path.join(workspace, 'codex-hooks.sarif'));
    const pattern = hook('p', 'prompt.submitted', { type: 'pattern', pattern: 'console' });
    const config = (output: string | undefined) =>
      output === undefined
        ? hooksYaml(pattern)
        : hooksYaml(pattern, hook('audit', 'hook.executed', { type: 'logger', output }));
    // One run per link: the audit log is written before the SARIF file, and a refusal ends the run.
    for (const output of ['codex-audit.jsonl', 'logs/new/audit.jsonl', undefined]) {
      const { github } = await start([appFile], [{ review: true }], config(output));
      const run = await runAction({
        inputs: { 'github-token': 't', 'sarif-file': 'codex-hooks.sarif' },
        event: pullRequestEvent(),
        apiUrl: github.url,
        workspace,
      });
      expect(run.code).not.toBe(0);
      expect(run.stdout).toMatch(/symbolic link/);
      await github.stop();
    }
    // Nothing outside changed: no append, no folder created, no overwrite.
    expect(await readFile(path.join(outside, 'victim.sh'), 'utf8')).toBe('#!/bin/sh\necho original\n');
    expect(await readFile(path.join(outside, 'report.sarif'), 'utf8')).toBe('original\n');
    expect(await readdir(outside)).toEqual(['report.sarif', 'victim.sh']);
    expect(lstatSync(path.join(workspace, 'logs')).isSymbolicLink()).toBe(true);
  });

  it('writes the SARIF file and audit log normally when no link is in the way', async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-ws-'));
    const config = hooksYaml(
      hook('audit', 'hook.executed', { type: 'logger', output: 'logs/deep/audit.jsonl' }),
      hook('p', 'prompt.submitted', { type: 'pattern', pattern: 'console' }),
    );
    const { github } = await start([appFile], [{ review: true }], config);
    const run = await runAction({
      inputs: { 'github-token': 't', 'sarif-file': 'out/codex-hooks.sarif' },
      event: pullRequestEvent(),
      apiUrl: github.url,
      workspace,
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(workspace, 'out/codex-hooks.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(await readFile(path.join(workspace, 'logs/deep/audit.jsonl'), 'utf8')).toMatch(/hook\.executed/);
  });

  it('with config-ref: head, does not read a config that is a link out of the workspace', async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-ws-'));
    const outside = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-outside-'));
    await writeFile(
      path.join(outside, 'config.yml'),
      hooksYaml(hook('planted', 'prompt.submitted', { type: 'pattern', pattern: 'start', severity: 'error' })),
    );
    await mkdir(path.join(workspace, '.github'));
    await symlink(path.join(outside, 'config.yml'), path.join(workspace, '.github/codex-hooks.yml'));
    const { github } = await start([appFile]);
    const run = await runAction({
      inputs: { 'github-token': 't', 'config-ref': 'head' },
      event: pullRequestEvent(),
      apiUrl: github.url,
      workspace,
    });
    expect(run.stdout).not.toMatch(/planted/);
    expect(run.code).toBe(0);
  });
});

describe('9: endpoint markdown cannot swallow the findings, ping anyone or load an image', () => {
  it('closes a fence by length and character, neutralises mentions, drops images and closes <details>', async () => {
    const hostile = [
      '````',
      '```',
      'ping _@octo-org_ and `@admin',
      '![pixel](https://evil.example/p.png?leak=1)',
      '<img src="https://evil.example/q.png">',
      '<details><summary>more</summary>',
    ].join('\n');
    const { github, endpoint } = await start(
      [addedFile('src/app.ts', ['export function start() {', '  console.log("starting");', '}'])],
      [
        {
          review: true,
          extend: (_req, res) => ({
            ...res,
            summary: hostile,
            comments: res.comments.map((c) => ({ ...c, severity: 'error' as const, body: hostile })),
          }),
        },
      ],
    );
    const run = await runAction({
      inputs: { 'github-token': 't', 'codex-token': CODEX_TOKEN, 'hook-url': endpoint.url },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(endpoint.received).toHaveLength(1);
    const texts = [
      run.summary,
      github.checkRuns[0]!.output.summary,
      ...github.reviews.map((r) => r.body),
      ...github.reviewComments.map((c) => c.body),
      ...github.issueComments.map((c) => c.body),
    ];
    expect(run.summary).toMatch(/### Findings/);
    for (const text of texts) {
      // Every fence opened is closed by the same character and at least its length before the text ends.
      let open: string | undefined;
      for (const line of text.split('\n')) {
        const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
        if (!m) {
          if (open !== undefined) expect(line).not.toMatch(/^### Findings/);
          continue;
        }
        if (open === undefined) open = m[1];
        else if (m[1]![0] === open[0] && m[1]!.length >= open.length && m[2]!.trim() === '') open = undefined;
      }
      expect(open).toBeUndefined();
      expect(text).not.toMatch(/(^|[^A-Za-z0-9])@(octo-org|admin)/);
      expect(text).not.toMatch(/!\[pixel\]\(|<img/);
      expect((text.match(/<details/g) ?? []).length).toBe((text.match(/<\/details>/g) ?? []).length);
    }
    // The table follows the summary outside any fence.
    const summaryTail = run.summary.slice(run.summary.indexOf('### AI review'));
    expect(summaryTail.indexOf('\n````\n')).toBeLessThan(summaryTail.indexOf('### Findings'));
  });
});

describe('10: a token with a character a header cannot hold', () => {
  it('fails with one sentence that never quotes any part of the token', async () => {
    const first = `cdx_LongTokenPrefix${'A1b2C3d4'.repeat(8)}`;
    const second = `${'Z9y8X7w6'.repeat(8)}TokenSuffix`;
    const token = `${first}\n${second}`;
    expect(token.length).toBeGreaterThan(150);
    const { github, endpoint } = await start([appFile]);
    const run = await runAction({
      inputs: { 'github-token': 't', 'codex-token': token, 'hook-url': endpoint.url },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::Configuration error: input 'codex-token' holds a line break at position \d+ of \d+/,
    );
    expect(endpoint.received).toHaveLength(0);
    // Any 12 characters in a row of the token would be too many.
    const pieces = [first, second].flatMap((p) => Array.from({ length: p.length - 11 }, (_, i) => p.slice(i, i + 12)));
    await expectAbsentEverywhere(pieces, { run, github, endpoint });
  });
});

describe('11: content the pull request controls cannot stall the run', () => {
  it('brace paths, 2 MB of PEM headers and a keyword-less custom rule on a 320 KB line finish (the hang limit is generous)', async () => {
    const braces = Array.from({ length: 17 }, () => '{a,b}').join('');
    const config = [
      'version: 1',
      'hooks:',
      '  - name: tests',
      '    events: [prompt.submitted]',
      '    actions:',
      '      - type: path',
      '        companion:',
      '          when: "src/**"',
      '          require: "test/{dir}/{name}.test.ts"',
      '  - name: secrets',
      '    events: [prompt.submitted]',
      '    actions:',
      '      - type: secret-scan',
      '        rules:',
      '          - id: acme-key',
      "            pattern: 'acme_[a-z0-9]{8}x'",
      '',
    ].join('\n');
    const files = [
      ...Array.from({ length: 5 }, (_, i) => addedFile(`src/m${i}/${braces}.ts`, ['export {};'])),
      addedFile(
        'keys/headers.txt',
        Array.from({ length: 65_000 }, () => '-----BEGIN RSA PRIVATE KEY-----'),
      ),
      addedFile('data/line.txt', ['a'.repeat(320_000)]),
    ];
    const { github } = await start(files, [{ review: true }], config);
    const run = await runAction({
      inputs: { 'github-token': 't' },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(run.outputs.findings).toBe('5');
    expect(run.code).toBe(0);
    // The custom rule never read the 320 KB line, and the summary says so.
    expect(run.summary).toContain(
      "secret rule 'acme-key': 1 line was longer than 4096 characters and not scanned by this rule",
    );
  });

  it('refuses a user pattern with adjacent wide bounded quantifiers at load time', async () => {
    const config = hooksYaml(hook('p', 'prompt.submitted', { type: 'pattern', pattern: '\\w{1,2000}\\w{1,2000}!' }));
    const { github } = await start([appFile], [{ review: true }], config);
    const run = await runAction({ inputs: { 'github-token': 't' }, event: pullRequestEvent(), apiUrl: github.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/adjacent unbounded \(or widely bounded\) quantifiers/);
  });
});

describe('13: without GITHUB_STEP_SUMMARY the summary never reaches the log as commands', () => {
  it('writes the summary to a file and the runner obeys no line of the endpoint text', async () => {
    const { github, endpoint } = await start(
      [appFile],
      [
        {
          review: true,
          extend: (_req, res) => ({ ...res, summary: 'ok\n::error title=Forged::pwned\n::stop-commands::planted\n' }),
        },
      ],
    );
    const run = await runAction({
      inputs: { 'github-token': 't', 'codex-token': CODEX_TOKEN, 'hook-url': endpoint.url },
      event: pullRequestEvent(),
      apiUrl: github.url,
      env: { GITHUB_STEP_SUMMARY: '' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/^::(error title=Forged|stop-commands)/m);
    expect(run.stdout).toMatch(/GITHUB_STEP_SUMMARY is not set: the summary was written to /);
    expect(await readFile(path.join(run.dir, 'codex-hooks-summary.md'), 'utf8')).toMatch(/### AI review/);
  });
});

describe('14: an allow marker the pull request adds next to its own secret', () => {
  const marked = addedFile('src/keys.ts', [`export const key = "${AWS_KEY}"; // codex-hooks:allow`]);

  it.each(['block', 'redact'])(
    'fails the gate by default and never sends the key (secret-action: %s)',
    async (action) => {
      const { github, endpoint } = await start([appFile, marked]);
      const run = await runAction({
        inputs: { 'github-token': 't', 'codex-token': CODEX_TOKEN, 'hook-url': endpoint.url, 'secret-action': action },
        event: pullRequestEvent(),
        apiUrl: github.url,
      });
      expect(run.code).toBe(1);
      expect(run.outputs.secrets).toBe('1');
      expect(run.summary).toMatch(/inline allow marker is ignored/);
      expect(endpoint.received).toHaveLength(1);
      await expectAbsentEverywhere([AWS_KEY, CODEX_TOKEN], { run, github, endpoint });
    },
  );

  it('with inline_allow: true in the config, passes the gate and still never sends the key', async () => {
    const config = hooksYaml(hook('secrets', 'prompt.submitted', { type: 'secret-scan', inline_allow: true }));
    const { github, endpoint } = await start([appFile, marked], [{ review: true }], config);
    const run = await runAction({
      inputs: { 'github-token': 't', 'codex-token': CODEX_TOKEN, 'hook-url': endpoint.url, 'secret-action': 'redact' },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(run.code).toBe(0);
    expect(endpoint.received[0]!.raw).toContain('[REDACTED:aws-access-key-id]');
    await expectAbsentEverywhere([AWS_KEY, CODEX_TOKEN], { run, github, endpoint });
  });
});
