import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FakeEndpoint, type EndpointStep } from '../support/fake-endpoint.js';
import { addedFile, FakeGitHub, type Fault, type FakePullFile } from '../support/fake-github.js';
import { ACTION_ENTRY, pullRequestEvent, runAction, type ActionRun } from '../support/run-action.js';

/**
 * The reliability suite: endpoint faults, GitHub faults and bad inputs, each run through the built action
 * (dist/index.js) as the runner runs it. Every case asserts a clear message, the exit status, that no
 * finding was lost, and that neither token nor secret appears in anything a person could see.
 * Tests run concurrently: most of their time is spent waiting on timeouts and Retry-After.
 */

// Synthetic credentials, assembled at run time.
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');
const GITHUB_TOKEN = ['ghs', 'faultSuiteTokenNeverPrinted0000000'].join('_');
function jwt(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.${Buffer.from('fault-suite-signature').toString('base64url')}`;
}
const CODEX_TOKEN = jwt({ sub: 'ci-bot', scope: 'hooks:trigger', exp: 4102444800 });

const appFile = addedFile('src/app.ts', ['export function start() {', '  console.log("starting");', '}']);
const keyFile = addedFile('src/keys.ts', [`export const key = "${AWS_KEY}";`]);

beforeAll(() => {
  if (!existsSync(ACTION_ENTRY)) throw new Error('dist/index.js is missing: run `npm run build` first');
});

interface Scenario {
  readonly files: FakePullFile[];
  readonly steps?: EndpointStep[];
  readonly faults?: Fault[];
  readonly inputs?: Record<string, string>;
  readonly contents?: Record<string, Record<string, string>>;
  readonly workspace?: string;
  readonly event?: unknown;
}

interface ScenarioRun {
  readonly run: ActionRun;
  readonly github: FakeGitHub;
  readonly endpoint: FakeEndpoint | undefined;
  readonly report: { findings: { ruleId: string; path: string; line: number }[]; conclusion: string } | undefined;
  /** Everything a person could see: logs (without the runner's add-mask commands), summary, outputs, report. */
  readonly visible: string;
}

async function scenario(s: Scenario): Promise<ScenarioRun> {
  const head = (s.event as { pull_request?: { head?: { sha?: string } } } | undefined)?.pull_request?.head?.sha;
  const github = await new FakeGitHub({
    files: s.files,
    ...(s.contents ? { contents: s.contents } : {}),
    ...(head ? { headSha: head } : {}),
  }).start();
  github.faults.push(...(s.faults ?? []));
  const endpoint = s.steps ? await new FakeEndpoint(s.steps).start() : undefined;
  try {
    const run = await runAction({
      inputs: {
        'github-token': GITHUB_TOKEN,
        ...(endpoint ? { 'codex-token': CODEX_TOKEN, 'hook-url': endpoint.url } : {}),
        ...s.inputs,
      },
      event: s.event ?? pullRequestEvent(),
      apiUrl: github.url,
      ...(s.workspace ? { workspace: s.workspace } : {}),
    });
    const reportText = run.outputs.report ? await readFile(run.outputs.report, 'utf8') : undefined;
    const stdout = run.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    const visible = [
      stdout,
      run.stderr,
      run.summary,
      JSON.stringify(run.outputs),
      reportText ?? '',
      JSON.stringify(github.requests.map((r) => r.body)),
    ].join('\n');
    return {
      run,
      github,
      endpoint,
      report: reportText ? JSON.parse(reportText) : undefined,
      visible,
    };
  } finally {
    await github.stop();
    await endpoint?.stop();
  }
}

/** No token or secret, in any common encoding, in anything visible; and no stack trace. */
function expectNothingLeaked(r: ScenarioRun): void {
  for (const secret of [AWS_KEY, GITHUB_TOKEN, CODEX_TOKEN]) {
    for (const form of [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)]) {
      expect(r.visible).not.toContain(form);
    }
  }
  expect(r.run.stdout + r.run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
}

/** The local secret finding survived whatever happened to the AI review. */
function expectLocalFindingKept(r: ScenarioRun): void {
  expect(r.report!.findings.map((f) => `${f.ruleId}@${f.path}:${f.line}`)).toContain('aws-access-key-id@src/keys.ts:1');
  expect(r.run.outputs).toMatchObject({ secrets: '1', conclusion: 'failure' });
  expect(r.run.code).toBe(1);
  expect(r.github.checkRuns[0]!.annotations.map((a) => a.title)).toContain('aws-access-key-id');
  expect(r.run.summary).toMatch(/AI review did not run to completion: .*Local findings and the gate are intact/);
}

describe.concurrent('endpoint faults', () => {
  it('5xx on every attempt: retried, then a warning that names the status and the attempts', async () => {
    const r = await scenario({
      files: [appFile, keyFile],
      steps: [{ status: 500 }, { status: 502 }, { status: 503, body: '{"message":"maintenance"}' }],
      inputs: { 'hook-retries': '2' },
    });
    expect(r.endpoint!.received).toHaveLength(3);
    expect(r.run.stdout).toMatch(
      /::warning::AI review did not complete: Codex hook endpoint 127\.0\.0\.1:\d+ answered 503 for chunk 1\/1 after 3 attempts: "maintenance"/,
    );
    expectLocalFindingKept(r);
    expectNothingLeaked(r);
  });

  it('a storm of 429s with Retry-After: 0 uses up the retries and stops', async () => {
    const r = await scenario({
      files: [appFile, keyFile],
      steps: [{ status: 429, headers: { 'retry-after': '0' } }],
      inputs: { 'hook-retries': '10' },
    });
    expect(r.endpoint!.received).toHaveLength(11);
    expect(r.run.stdout).toMatch(
      /::warning::AI review did not complete: Codex hook endpoint .* answered 429 for chunk 1\/1 after 11 attempts/,
    );
    expectLocalFindingKept(r);
    expectNothingLeaked(r);
  });

  it('a burst of 429s (Retry-After: 1, then 0) that ends: the review completes with the AI findings', async () => {
    const r = await scenario({
      files: [appFile],
      steps: [
        { status: 429, headers: { 'retry-after': '1' } },
        ...Array.from({ length: 4 }, () => ({ status: 429, headers: { 'retry-after': '0' } })),
        { review: true },
      ],
      inputs: { 'hook-retries': '5', 'fail-on': 'error' },
    });
    expect(r.endpoint!.received).toHaveLength(6);
    expect(new Set(r.endpoint!.received.map((x) => x.headers['idempotency-key'])).size).toBe(1);
    expect(r.run.code).toBe(0);
    expect(r.report!.findings.map((f) => f.ruleId)).toContain('reference/console-log');
    expect(r.run.summary).not.toMatch(/did not run to completion/);
    expectNothingLeaked(r);
  });

  it('an endpoint that never answers: each attempt ends at hook-timeout', async () => {
    const r = await scenario({
      files: [appFile, keyFile],
      steps: [{ hang: true }],
      inputs: { 'hook-timeout': '1', 'hook-retries': '1' },
    });
    expect(r.endpoint!.received).toHaveLength(2);
    expect(r.run.stdout).toMatch(/did not answer within 1 s for chunk 1\/1 after 2 attempts .*raise hook-timeout/);
    expectLocalFindingKept(r);
    expectNothingLeaked(r);
  });

  it('a slow body (headers at once, the body trickling past the timeout) counts as a timeout', async () => {
    const r = await scenario({
      files: [appFile, keyFile],
      steps: [{ stream: { status: 200, chunks: ['{"version":"1",', '"comments":[', ']', '}'], delayMs: 800 } }],
      inputs: { 'hook-timeout': '1', 'hook-retries': '0' },
    });
    expect(r.endpoint!.received).toHaveLength(1);
    expect(r.run.stdout).toMatch(
      /::warning::AI review did not complete: Codex hook endpoint .* did not answer within 1 s for chunk 1\/1/,
    );
    expectLocalFindingKept(r);
    expectNothingLeaked(r);
  });

  it('truncated JSON with 200: an endpoint error, not retried, quoting no token', async () => {
    const r = await scenario({
      files: [appFile, keyFile],
      steps: [{ status: 200, body: `{"version":"1","summary":"${CODEX_TOKEN}","comments":[{"path":"src/app.ts","li` }],
      inputs: { 'hook-retries': '3' },
    });
    expect(r.endpoint!.received).toHaveLength(1);
    expect(r.run.stdout).toMatch(
      /::warning::AI review did not complete: Codex hook endpoint .* answered 200 for chunk 1\/1 but .*an endpoint error/,
    );
    expectLocalFindingKept(r);
    expectNothingLeaked(r);
  });

  it.each([
    ['with Content-Length', { status: 200, body: `{"x":"${'a'.repeat(10 * 1024 * 1024)}"}` } as EndpointStep],
    [
      'chunked',
      { stream: { status: 200, chunks: Array.from({ length: 10 }, () => 'a'.repeat(1024 * 1024)), delayMs: 0 } },
    ],
  ])('a 10 MB body (%s) is not read past the 5 MB cap', async (_name, step) => {
    const r = await scenario({ files: [appFile, keyFile], steps: [step] });
    expect(r.endpoint!.received).toHaveLength(1);
    expect(r.run.stdout).toMatch(
      /::warning::AI review did not complete: Codex hook endpoint .* with a body larger than 5 MB; it was not read/,
    );
    expectLocalFindingKept(r);
    expectNothingLeaked(r);
  });

  it('a reset connection is retried and the retry succeeds', async () => {
    const r = await scenario({
      files: [appFile],
      steps: [{ reset: true }, { review: true }],
      inputs: { 'hook-retries': '1' },
    });
    expect(r.endpoint!.received).toHaveLength(2);
    expect(r.run.code).toBe(0);
    expect(r.report!.findings.map((f) => f.ruleId)).toContain('reference/console-log');
    expectNothingLeaked(r);
  });

  it('a connection reset on every attempt: "could not be reached" with the reason', async () => {
    const r = await scenario({
      files: [appFile, keyFile],
      steps: [{ reset: true }],
      inputs: { 'hook-retries': '1' },
    });
    expect(r.endpoint!.received).toHaveLength(2);
    // Said once, where it is decided: not once by the client and again by the pipeline.
    const said = r.run.stdout.match(/^::(warning|error)::.*could not be reached/gm) ?? [];
    expect(said).toHaveLength(1);
    expect(r.run.stdout).toMatch(
      /::warning::AI review did not complete: Codex hook endpoint .* could not be reached for chunk 1\/1 after 2 attempts: \S+ \(check input 'hook-url' and the runner's network\)/,
    );
    expectLocalFindingKept(r);
    expectNothingLeaked(r);
  });

  it('with on-hook-error: fail, an endpoint fault fails the step with one sentence', async () => {
    const r = await scenario({
      files: [appFile],
      steps: [{ reset: true }],
      inputs: { 'hook-retries': '0', 'on-hook-error': 'fail' },
    });
    expect(r.run.code).toBe(1);
    expect(r.run.stdout).toMatch(
      /::error::AI review did not run \(on-hook-error: fail\): Codex hook endpoint .* could not be reached/,
    );
    // The gate itself passed and says so on the check run.
    expect(r.github.checkRuns[0]!.conclusion).toBe('success');
    expectNothingLeaked(r);
  });
});

describe.concurrent('GitHub faults', () => {
  it('a 502 on the file listing once: retried by octokit, and the run succeeds', async () => {
    const r = await scenario({
      files: [keyFile],
      faults: [{ method: 'GET', path: /\/pulls\/42\/files$/, status: 502, times: 1 }],
      inputs: { 'github-max-wait': '0' },
    });
    expect(r.github.requestsTo('GET', /\/pulls\/42\/files$/)).toHaveLength(2);
    expect(r.run.code).toBe(1); // the planted key fails the gate; nothing else went wrong
    expect(r.run.outputs).toMatchObject({ secrets: '1', conclusion: 'failure' });
    expect(r.github.checkRuns).toHaveLength(1);
    expectNothingLeaked(r);
  });

  it('a 502 on the file listing every time: fails after the retries with a clear sentence', async () => {
    const r = await scenario({
      files: [keyFile],
      faults: [{ method: 'GET', path: /\/pulls\/42\/files$/, status: 502, body: { message: 'Server Error' } }],
      // The retries' waits (1 s, 4 s, 9 s) capped at nothing: the test counts, it does not wait.
      inputs: { 'github-max-wait': '0' },
    });
    // As octokit's retry plugin: the request and 3 retries.
    expect(r.github.requestsTo('GET', /\/pulls\/42\/files$/)).toHaveLength(4);
    expect(r.run.code).toBe(1);
    expect(r.run.stdout).toMatch(/::error::GitHub answered 502: could not list the pull request files: Server Error/);
    expect(r.github.checkRuns).toHaveLength(0);
    expectNothingLeaked(r);
  });

  it('a secondary rate limit (403, Retry-After: 1) on the check run: waits and creates it', async () => {
    const r = await scenario({
      files: [keyFile],
      faults: [
        {
          method: 'POST',
          path: /\/check-runs$/,
          status: 403,
          headers: { 'retry-after': '1' },
          body: {
            message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          },
          times: 1,
        },
      ],
    });
    expect(r.github.requestsTo('POST', /\/check-runs$/)).toHaveLength(2);
    expect(r.github.checkRuns).toHaveLength(1);
    expect(r.github.checkRuns[0]!.annotations.map((a) => a.title)).toEqual(['aws-access-key-id']);
    expect(r.run.stdout).toMatch(/::warning::GitHub secondary rate limit on POST .*check-runs; retrying in 1 s/);
    expect(r.run.code).toBe(1);
    expect(r.run.outputs.conclusion).toBe('failure');
    expectNothingLeaked(r);
  });

  it('a secondary rate limit that does not lift: fails clearly, the report and SARIF keep every finding', async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-faults-'));
    const r = await scenario({
      files: [keyFile, appFile],
      workspace,
      inputs: { 'sarif-file': 'results/codex-hooks.sarif' },
      faults: [
        {
          method: 'POST',
          path: /\/check-runs$/,
          status: 403,
          headers: { 'retry-after': '1' },
          body: { message: 'You have exceeded a secondary rate limit.' },
        },
      ],
    });
    expect(r.github.requestsTo('POST', /\/check-runs$/)).toHaveLength(3); // the request and 2 retries
    expect(r.run.code).toBe(1);
    // The findings still reach the user: workflow annotations and the job summary, with the reason.
    expect(r.run.stdout).toMatch(
      /::warning::The check run could not be created: GitHub answered 403: could not create check runs: You have exceeded a secondary rate limit/,
    );
    expect(r.run.stdout).toMatch(/::error title=aws-access-key-id,file=src\/keys\.ts,line=1/);
    expect(r.run.summary).toMatch(/aws-access-key-id/);
    expect(r.run.summary).toMatch(/The check run could not be created/);
    expect(r.report!.findings.map((f) => f.ruleId)).toEqual(['aws-access-key-id']);
    const sarif = JSON.parse(await readFile(path.join(workspace, 'results/codex-hooks.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['aws-access-key-id']);
    expectNothingLeaked(r);
  });

  it('a check run GitHub refuses fails the step even when the gate passes: the required check is missing', async () => {
    const r = await scenario({
      files: [appFile],
      faults: [{ method: 'POST', path: /\/check-runs$/, status: 404, body: { message: 'Not Found' } }],
    });
    expect(r.run.code).toBe(1);
    expect(r.run.stdout).toMatch(
      /::error::GitHub answered 404: could not create check runs: Not Found; the findings are in the job summary/,
    );
    expect(r.run.summary).toMatch(/The check run could not be created/);
    expectNothingLeaked(r);
  });

  // A 422 on a review: test/e2e/review.test.ts ('a forced 422 on one comment still lands the others').
});

/** A git repository in `dir`: a base commit, then a head commit adding `files`. */
async function gitRepo(dir: string, files: Record<string, string>): Promise<{ base: string; head: string }> {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
    // Fixed dates: the same commits, the same SHAs, on every run (scripts/e2e-snapshot.mjs compares runs).
    GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
    GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('commit', '-q', '--allow-empty', '-m', 'base');
  const base = git('rev-parse', 'HEAD');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'head');
  return { base, head: git('rev-parse', 'HEAD') };
}

/** The pull_request event with real commit SHAs, so the action can read omitted diffs from git. */
function withShas(base: string, head: string): unknown {
  const event = pullRequestEvent();
  event.pull_request.base.sha = base;
  event.pull_request.head.sha = head;
  return event;
}

/** A file whose patch GitHub gives verbatim (a modified file). */
function modified(filename: string, patch: string, additions: number, deletions: number): FakePullFile {
  return { filename, status: 'modified', additions, deletions, changes: additions + deletions, patch };
}

describe.concurrent('bad inputs', () => {
  it('a malformed config at the base commit: one sentence naming the file and line, before any review', async () => {
    const r = await scenario({
      files: [keyFile],
      contents: { ['b'.repeat(40)]: { '.github/codex-hooks.yml': 'version: 1\nhooks:\n  - name: [unclosed\n' } },
    });
    expect(r.run.code).toBe(1);
    expect(r.run.stdout).toMatch(/::error::Configuration error: \.github\/codex-hooks\.yml:\d+/);
    expect(r.github.checkRuns).toHaveLength(0);
    expectNothingLeaked(r);
  });

  it("an invalid glob (include: '!x'): one sentence, nothing requested from GitHub", async () => {
    const r = await scenario({ files: [keyFile], inputs: { include: '!x' } });
    expect(r.run.code).toBe(1);
    expect(r.run.stdout).toMatch(/::error::Configuration error: Input 'include' has an invalid glob '!x': /);
    expect(r.github.requests).toHaveLength(0);
    expectNothingLeaked(r);
  });

  it('binary and non-UTF-8 changes: the binary is listed as not reviewed, the rest is scanned', async () => {
    const r = await scenario({
      files: [
        { filename: 'assets/blob.dat', status: 'added', additions: 0, deletions: 0, changes: 0 },
        // Latin-1 bytes GitHub could not decode arrive as U+FFFD; a NUL and other controls come through as is.
        addedFile('legacy/latin1.txt', ['caf\uFFFD cr\uFFFDme \u0000\u0007', `key=${AWS_KEY}`]),
      ],
    });
    expect(r.run.code).toBe(1);
    expect(r.report!.findings.map((f) => `${f.ruleId}@${f.path}:${f.line}`)).toEqual([
      'aws-access-key-id@legacy/latin1.txt:2',
    ]);
    expect(r.run.summary).toMatch(/`assets\/blob\.dat`: binary file/);
    expectNothingLeaked(r);
  });

  it('a 10 MB single-line file whose diff GitHub omitted: read from git, scanned, the endpoint 413 explained', async () => {
    // GitHub leaves `patch` out of a diff this large; with fetch-depth: 0 the action reads it from git.
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-faults-'));
    const { base, head } = await gitRepo(workspace, {
      'gen/huge.js': `${'const x = 1; '.repeat(Math.ceil((10 * 1024 * 1024) / 13))}const key = "${AWS_KEY}";\n`,
      'src/app.ts': 'export function start() {\n  console.log("starting");\n}\n',
    });
    const r = await scenario({
      files: [{ filename: 'gen/huge.js', status: 'added', additions: 1, deletions: 0, changes: 1 }, { ...appFile }],
      steps: [{ status: 413 }],
      inputs: { 'secret-action': 'redact' },
      workspace,
      event: withShas(base, head),
    });
    expect(r.report!.findings.map((f) => `${f.ruleId}@${f.path}:${f.line}`)).toContain(
      'aws-access-key-id@gen/huge.js:1',
    );
    expect(r.run.code).toBe(1);
    expect(r.run.stdout).toMatch(/answered 413 for chunk .* which cannot be split further/);
    // The 10 MB line went to the endpoint redacted, never raw.
    expect(r.endpoint!.received.length).toBeGreaterThan(0);
    for (const req of r.endpoint!.received) expect(req.raw).not.toContain(AWS_KEY);
    expectNothingLeaked(r);
  });

  // A single JSON string over ~7 MB makes octokit's JSON parser overflow the stack and pagination then throws
  // an error whose text quotes the raw response (the patch). Errors name GitHub's own `message` field only.
  it('a 10 MB patch in the file listing is never quoted: reviewed, or one sentence about GitHub', async () => {
    const marker = 'PATCH-TEXT-MUST-NOT-BE-QUOTED';
    const r = await scenario({
      files: [addedFile('gen/huge.js', [`${marker} ${'const x = 1; '.repeat(Math.ceil((10 * 1024 * 1024) / 13))}`])],
    });
    expect(r.run.stdout + r.run.stderr).not.toContain(marker);
    // Node 24's fetch reads the 10 MB listing and the file is reviewed; Node 20's gives up on it, and the
    // step then fails saying GitHub could not be read, never quoting the body.
    if (r.run.code === 0) expect(r.run.stdout).toMatch(/1 changed files: 1 to review, 0 left out/);
    else expect(r.run.stdout).toMatch(/^::error::GitHub failed: could not list the pull request files: /m);
  });

  it('a 3,000-file pull request: every listed file reviewed, and a warning that the cap was hit', async () => {
    const files = Array.from({ length: 3001 }, (_, i) => addedFile(`src/m${i}.ts`, [`export const v${i} = ${i};`]));
    files[2500] = addedFile('src/m2500.ts', [`export const key = "${AWS_KEY}";`]);
    const r = await scenario({ files });
    expect(r.github.requestsTo('GET', /\/pulls\/42\/files$/)).toHaveLength(30);
    expect(r.run.stdout).toMatch(/::warning::GitHub lists at most 3,000 files of a pull request/);
    expect(r.run.summary).toMatch(/GitHub lists at most 3,000 files/);
    expect(r.report!.findings.map((f) => f.path)).toEqual(['src/m2500.ts']);
    expect(r.run.code).toBe(1);
    expectNothingLeaked(r);
  });

  it('paths with spaces, unicode and a leading dash: reported on their exact paths, SARIF URIs encoded', async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-faults-'));
    const names = ['docs/ré sumé.md', '-rf', 'a b/--help.ts', 'emoji/🔑.txt'];
    const r = await scenario({
      files: names.map((n) => addedFile(n, [`key ${AWS_KEY}`])),
      workspace,
      inputs: { 'sarif-file': 'codex-hooks.sarif' },
    });
    expect(r.run.code).toBe(1);
    expect(r.report!.findings.map((f) => f.path).sort()).toEqual([...names].sort());
    expect(r.github.checkRuns[0]!.annotations.map((a) => a.path).sort()).toEqual([...names].sort());
    const sarif = JSON.parse(await readFile(path.join(workspace, 'codex-hooks.sarif'), 'utf8'));
    const uris = sarif.runs[0].results.map(
      (x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        x.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    expect(uris.map(decodeURIComponent).sort()).toEqual([...names].sort());
    expect(uris).toContain('docs/r%C3%A9%20sum%C3%A9.md');
    expectNothingLeaked(r);
  });

  it('an empty pull request (no files): passes, says so, and sends nothing to the endpoint', async () => {
    const r = await scenario({ files: [], steps: [{ review: true }] });
    expect(r.run.code).toBe(0);
    expect(r.run.outputs).toMatchObject({ findings: '0', conclusion: 'success' });
    expect(r.github.checkRuns[0]!.conclusion).toBe('success');
    expect(r.run.summary).toMatch(/0 of 0 files reviewed/);
    expect(r.endpoint!.received).toHaveLength(0);
    expectNothingLeaked(r);
  });

  it('a pull request of deletions only (a removed secret among them): passes with no findings', async () => {
    const r = await scenario({
      files: [
        {
          filename: 'old/keys.ts',
          status: 'removed',
          additions: 0,
          deletions: 2,
          changes: 2,
          patch: `@@ -1,2 +0,0 @@\n-export const region = "eu";\n-export const key = "${AWS_KEY}";`,
        },
        modified('src/a.ts', '@@ -1,3 +1,1 @@\n const a = 1;\n-const b = 2;\n-const c = 3;', 0, 2),
      ],
    });
    expect(r.run.code).toBe(0);
    expect(r.run.outputs).toMatchObject({ findings: '0', secrets: '0', conclusion: 'success' });
    expectNothingLeaked(r);
  });
});
