import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { addedFile, FakeGitHub } from '../support/fake-github.js';
import { FakeEndpoint } from '../support/fake-endpoint.js';
import { pullRequestEvent, ROOT, runAction } from '../support/run-action.js';
import { CONVERSATION_LOGGER_JSON, SECRET_SCANNER_YAML } from '../fixtures/seed-examples.js';

/**
 * The guide's two hook examples through the built action, as a team would commit them: the inline Python
 * secret scanner in `.github/codex-hooks.yml`, and the JSON conversation logger in a `.json` config file.
 */

const run = promisify(execFile);
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
// Synthetic credential, assembled at run time.
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');
const AUDIT_KEY = 'cd'.repeat(32);
const BASE = 'b'.repeat(40);

const appFile = addedFile('src/app.ts', ['export function start() {', '  console.log("starting");', '}']);

let github: FakeGitHub | undefined;
let endpoint: FakeEndpoint | undefined;
afterEach(async () => {
  await github?.stop();
  await endpoint?.stop();
  github = endpoint = undefined;
});

describe("the guide's examples through the built action", () => {
  it('the inline Python secret scanner blocks the request with its message; nothing reaches the endpoint', async () => {
    github = await new FakeGitHub({
      files: [appFile, addedFile('src/keys.ts', [`export const key = "${AWS_KEY}";`])],
      contents: { [BASE]: { '.github/codex-hooks.yml': SECRET_SCANNER_YAML } },
    }).start();
    endpoint = await new FakeEndpoint([{ review: true }]).start();
    const r = await runAction({
      inputs: { 'github-token': 't', 'codex-token': 'cdx_seed_example_token_0001', 'hook-url': endpoint.url },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(endpoint.received).toHaveLength(0);
    expect(r.stdout).toMatch(/AI review not requested: hook 'secret-scanner' blocks the request/);
    const annotations = github.checkRuns[0]!.annotations;
    expect(annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: expect.stringContaining('Potential secret detected in prompt') as unknown }),
      ]),
    );
    expect(r.outputs.conclusion).toBe('failure');
    // The runner's own ::add-mask:: commands carry the secret by design; the runner never shows them.
    const shown = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect([shown, r.stderr, r.summary].join('\n')).not.toContain(AWS_KEY);
  });

  it('a clean pull request passes the scanner and is reviewed', async () => {
    github = await new FakeGitHub({
      files: [appFile],
      contents: { [BASE]: { '.github/codex-hooks.yml': SECRET_SCANNER_YAML } },
    }).start();
    endpoint = await new FakeEndpoint([{ review: true }]).start();
    const r = await runAction({
      inputs: { 'github-token': 't', 'codex-token': 'cdx_seed_example_token_0001', 'hook-url': endpoint.url },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(endpoint.received).toHaveLength(1);
    expect(r.stdout).not.toMatch(/AI review not requested/);
  });

  it('the JSON conversation logger, from a .json config file: an encrypted, compressed log `audit read` opens', async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'seed-logger-ws-'));
    github = await new FakeGitHub({
      files: [appFile],
      contents: { [BASE]: { '.github/codex-hooks.json': CONVERSATION_LOGGER_JSON } },
    }).start();
    endpoint = await new FakeEndpoint([{ review: true }]).start();
    const token = 'cdx_seed_example_token_0002';
    const r = await runAction({
      inputs: {
        'github-token': 't',
        'codex-token': token,
        'hook-url': endpoint.url,
        config: '.github/codex-hooks.json',
      },
      event: pullRequestEvent(),
      apiUrl: github.url,
      workspace,
      env: { CODEX_HOOKS_AUDIT_KEY: AUDIT_KEY },
    });
    expect(r.stdout).not.toMatch(/::error::/);
    const file = path.join(workspace, 'logs', 'conversations.jsonl');
    const stored = await readFile(file, 'utf8');
    expect(stored).not.toContain('conversation.updated'); // encrypted at rest
    const { stdout } = await run(process.execPath, [CLI, 'audit', 'read', file], {
      env: { PATH: process.env.PATH ?? '', CODEX_HOOKS_AUDIT_KEY: AUDIT_KEY },
    });
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({
        event: 'conversation.updated',
        status: 200,
        pull_request_number: expect.any(Number) as unknown,
      }),
    ]);
    expect(stdout).not.toContain(token);
  });
});
