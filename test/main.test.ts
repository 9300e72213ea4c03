import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GitHubPort, RunnerPort } from '../src/ports.js';
import { PermissionError, UpstreamError } from '../src/errors.js';
import type { HookRequest } from '../src/endpoint/types.js';
import { main, run, type ActionDeps } from '../src/main.js';
import { addedFile } from './support/fake-github.js';
import { pullRequestEvent } from './support/run-action.js';

// A synthetic credential, assembled at run time.
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');

/** The runner, recorded: what the step would print, output and mask. */
function fakeRunner(inputs: Record<string, string>) {
  const calls = {
    outputs: {} as Record<string, string>,
    masked: [] as string[],
    failed: [] as string[],
    annotations: [] as string[],
    logs: [] as string[],
    summary: '',
  };
  const log = (level: string) => (m: string) => void calls.logs.push(`${level}: ${m}`);
  const runner: RunnerPort = {
    getInput: (name) => inputs[name] ?? '',
    setSecret: (v) => void calls.masked.push(v),
    setOutput: (name, value) => void (calls.outputs[name] = String(value)),
    group: (_name, fn) => fn(),
    annotate: (level, message, p) => void calls.annotations.push(`${level} ${p.file}:${p.startLine} ${message}`),
    appendSummary: async (md) => void (calls.summary += md),
    setFailed: (m) => void calls.failed.push(m),
    debug: log('debug'),
    info: log('info'),
    notice: log('notice'),
    warning: log('warning'),
    error: log('error'),
    event: {
      eventName: 'pull_request',
      payload: pullRequestEvent() as unknown as Record<string, unknown>,
      repository: { owner: 'acme', repo: 'widgets' },
      apiUrl: 'https://api.github.example',
      serverUrl: 'https://github.example',
      runId: '7',
      runAttempt: '1',
      workflow: 'review',
      actor: 'octocat',
      workspace: os.tmpdir(),
    },
  };
  return { runner, calls };
}

/** GitHub, in memory. */
function fakeGitHub(files = [addedFile('src/app.ts', ['export const a = 1;'])], overrides: Partial<GitHubPort> = {}) {
  const checkRuns: Parameters<GitHubPort['createCheckRun']>[1][] = [];
  const port: GitHubPort = {
    listPullRequestFiles: async () => ({
      files: files.map((f) => ({
        path: f.filename,
        status: 'added' as const,
        additions: f.additions,
        deletions: 0,
        patch: f.patch!,
      })),
      capped: false,
    }),
    getPullRequest: async (pr) => ({ headSha: pr.headSha, state: 'open' }),
    createCheckRun: async (_pr, input) => (checkRuns.push(input), { id: 99, adopted: false }),
    listCheckRuns: async () => [],
    getFileContent: async () => undefined,
    listReviewComments: async () => [],
    listReviews: async () => [],
    dismissReview: async () => {},
    createReview: async () => 5,
    createFileComment: async () => 6,
    updateReviewComment: async () => {},
    upsertIssueComment: async () => ({ id: 7, created: true }),
    compareCommits: async () => undefined,
    identity: async () => 'github-actions[bot]',
    listReviewThreads: async () => [],
    setThreadResolved: async () => {},
    requestReviewers: async () => {},
    addLabels: async () => {},
    ...overrides,
  };
  return { port, checkRuns };
}

async function deps(runner: RunnerPort, github: GitHubPort, fetchImpl?: typeof fetch): Promise<ActionDeps> {
  return {
    runner,
    createGitHub: () => github,
    git: {
      diff: async () => undefined,
      mergeBase: async () => undefined,
      hasRevision: async () => false,
      show: async () => undefined,
      revParse: async () => undefined,
      isWorkTree: async () => true,
      emptyTree: async () => undefined,
    },
    runCommand: async () => ({ exitCode: 0, stdout: '', stderr: '', timedOut: false, truncated: false }),
    fetch:
      fetchImpl ??
      (async () => {
        throw new Error('no endpoint in this test');
      }),
    now: () => new Date('2026-11-24T10:00:00Z'),
    outputDir: await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-main-')),
  };
}

describe('main, with every outside system faked', () => {
  it('masks, reviews, asks the endpoint, publishes, sets the outputs and fails on the gate', async () => {
    const { runner, calls } = fakeRunner({
      'github-token': 'gh-token',
      'codex-token': 'codex-token-value',
      'hook-url': 'https://hooks.example/review',
    });
    const github = fakeGitHub([
      addedFile('src/keys.ts', [`export const key = "${AWS_KEY}";`]),
      addedFile('src/app.ts', ['console.log(1);']),
    ]);
    const sent: { headers: Headers; body: HookRequest }[] = [];
    const endpoint: typeof fetch = async (_url, init) => {
      sent.push({ headers: new Headers(init?.headers), body: JSON.parse(String(init?.body)) as HookRequest });
      return new Response(
        JSON.stringify({
          comments: [
            { path: 'src/app.ts', line: 1, severity: 'notice', body: 'Use the logger.', rule_id: 'ai/logger' },
          ],
        }),
        {
          status: 200,
          headers: { 'content-type': 'application/json' },
        },
      );
    };
    const result = await main(await deps(runner, github.port, endpoint));

    expect(result).toEqual({
      failed: true,
      message: 'Codex hooks gate failed: 1 error, 1 notice: 1 at or above error',
    });
    expect(calls.masked).toEqual(expect.arrayContaining(['gh-token', 'codex-token-value', AWS_KEY]));
    // The file with the key was withheld (secret-action: block); the other went out with the token in the header.
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.files.map((f) => f.path)).toEqual(['src/app.ts']);
    expect(sent[0]!.headers.get('authorization')).toBe('Bearer codex-token-value');
    expect(JSON.stringify(sent[0]!.body)).not.toContain(AWS_KEY);
    expect(github.checkRuns[0]!.annotations.map((a) => `${a.path}:${a.start_line} ${a.title}`)).toEqual([
      'src/keys.ts:1 aws-access-key-id',
      'src/app.ts:1 ai/logger',
    ]);
    expect(calls.outputs).toMatchObject({
      findings: '2',
      secrets: '1',
      conclusion: 'failure',
      'check-run-id': '99',
      'review-id': '5',
    });
    const report = JSON.parse(await readFile(calls.outputs.report!, 'utf8')) as { conclusion: string };
    expect(report.conclusion).toBe('failure');
    expect([...calls.logs, calls.summary, report].join('\n')).not.toContain(AWS_KEY);
  });

  it('reports through workflow annotations when the token may not write checks, without failing for that alone', async () => {
    const { runner, calls } = fakeRunner({ 'github-token': 't', 'fail-on': 'never' });
    const github = fakeGitHub([addedFile('src/keys.ts', [`k = "${AWS_KEY}"`])], {
      createCheckRun: async () => {
        throw new PermissionError('checks: write', 'create check runs');
      },
      createReview: async () => {
        throw new PermissionError('pull-requests: write', 'create pull request reviews');
      },
    });
    const result = await main(await deps(runner, github.port));
    expect(result.failed).toBe(false);
    expect(calls.annotations).toEqual([expect.stringMatching(/^error src\/keys\.ts:1 AWS access key ID found/)]);
    expect(calls.summary).toMatch(/permissions: checks: write/);
    expect(calls.outputs.conclusion).toBe('neutral');
  });
});

describe('run', () => {
  it('turns an upstream failure into one sentence that fails the step', async () => {
    const { runner, calls } = fakeRunner({ 'github-token': 't' });
    const github = fakeGitHub([], {
      listPullRequestFiles: async () => {
        throw new UpstreamError('could not list the pull request files: Server Error', 'GitHub', 502);
      },
    });
    await run(await deps(runner, github.port));
    expect(calls.failed).toEqual(['GitHub answered 502: could not list the pull request files: Server Error']);
  });

  it('says a bug is a bug, in one sentence', async () => {
    const { runner, calls } = fakeRunner({ 'github-token': 't' });
    const github = fakeGitHub([], {
      listPullRequestFiles: async () => {
        throw new TypeError('x is not a function');
      },
    });
    await run(await deps(runner, github.port));
    expect(calls.failed).toEqual(['Internal error (please report it): x is not a function']);
  });
});
