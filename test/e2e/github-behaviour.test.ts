import { existsSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeEndpoint } from '../support/fake-endpoint.js';
import { addedFile, FakeGitHub, type FakeGitHubOptions, type FakePullFile } from '../support/fake-github.js';
import { ACTION_ENTRY, pullRequestEvent, runAction, type ActionRun } from '../support/run-action.js';

/**
 * GitHub as it really behaves (issue 15), one case per fault, through the built action (dist/index.js)
 * against a fake GitHub that answers with GitHub's own 422 texts, 5xx after creating, x-ratelimit headers,
 * `encoding: "none"` above 1 MB, outdated comments after a push and GraphQL review threads. Each case asserts
 * what a person sees (what landed, the log, the summary) and how many requests it took; none waits: the
 * retry waits are capped with `github-max-wait: 0` where a wait would happen.
 */

const GITHUB_TOKEN = ['ghs', 'githubBehaviourTokenNeverPrinted00'].join('_');
/** Distinct synthetic AWS key ids, assembled at run time. */
const key = (i: number) => `AKIAZ3MSJV4W${'QRSTUVWXYZ'[Math.floor(i / 10)]}${'ABCDEFGHIJ'[i % 10]}NKW3D2`;
const keyFile = (path: string, count: number, from = 0) =>
  addedFile(
    path,
    Array.from({ length: count }, (_, i) => `export const k${i} = "${key(from + i)}";`),
  );
const HEAD = 'a'.repeat(40);
const NEW_HEAD = 'c'.repeat(40);

let github: FakeGitHub | undefined;
let endpoint: FakeEndpoint | undefined;
afterEach(async () => {
  await github?.stop();
  await endpoint?.stop();
  github = endpoint = undefined;
});

beforeAll(() => {
  if (!existsSync(ACTION_ENTRY)) throw new Error('dist/index.js is missing: run `npm run build` first');
});

async function fake(files: FakePullFile[], options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  github = await new FakeGitHub({ files, ...options }).start();
  return github;
}

function act(gh: FakeGitHub, inputs: Record<string, string> = {}, event: unknown = pullRequestEvent()) {
  return runAction({
    inputs: { 'github-token': GITHUB_TOKEN, 'github-max-wait': '0', ...inputs },
    event,
    apiUrl: gh.url,
  });
}

/** The log without the runner's add-mask commands, and the summary: what a person reads. */
function seen(run: ActionRun): string {
  const log = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  return `${log}\n${run.stderr}\n${run.summary}`;
}

const posts = (gh: FakeGitHub, path: RegExp) => gh.requestsTo('POST', path).length;

describe('GitHub as it really behaves', () => {
  it('1. request-changes on a PR the token opened: GitHub refuses once, the review lands as a comment and says why', async () => {
    const gh = await fake([keyFile('src/keys.ts', 8)], { prAuthor: 'octocat', viewer: 'octocat' });
    const run = await act(gh, { 'request-changes': 'true' });
    expect(run.code).toBe(1);
    // One refused REQUEST_CHANGES, one COMMENT with every comment: 2 POSTs, not 16.
    expect(posts(gh, /\/pulls\/42\/reviews$/)).toBe(2);
    expect(gh.reviews.map((r) => [r.event, r.comments.length])).toEqual([['COMMENT', 8]]);
    const text = seen(run);
    expect(text).toContain('Review Can not request changes on your own pull request');
    expect(run.summary).toMatch(/the review is posted as a comment instead/);
    expect(text).not.toContain(GITHUB_TOKEN);
  });

  it('1. submitted too quickly: waited out once (github-max-wait caps the wait), then the review lands', async () => {
    const gh = await fake([keyFile('src/keys.ts', 2)]);
    gh.tooQuickly = 1;
    const run = await act(gh);
    expect(run.code).toBe(1);
    expect(posts(gh, /\/pulls\/42\/reviews$/)).toBe(2);
    expect(gh.reviews).toHaveLength(1);
    expect(run.stdout).toContain('was submitted too quickly');
  });

  it('1+2. a force-push while the run posts: GitHub says the commit is gone; the run stops posting and names the new head', async () => {
    const gh = await fake([keyFile('src/keys.ts', 6)]);
    gh.onRequest = (method, path) => {
      if (method === 'GET' && /\/pulls\/42\/comments$/.test(path)) gh.push(NEW_HEAD, { force: true });
    };
    const run = await act(gh);
    expect(posts(gh, /\/pulls\/42\/reviews$/)).toBe(1);
    expect(gh.reviews).toHaveLength(0);
    // The head was read at the start and once more after GitHub's refusal.
    expect(gh.requestsTo('GET', /\/pulls\/42$/)).toHaveLength(2);
    expect(run.stdout).toContain('commit_id is not part of the pull request');
    expect(run.summary).toMatch(/A push \(cccccccccccc\) superseded aaaaaaaaaaaa while this run was posting/);
    // Every finding is still in the check run's annotations.
    expect(gh.checkRuns[0]!.annotations).toHaveLength(6);
  });

  it('2. the head moved before the run: a neutral "superseded" check run, nothing reviewed or posted', async () => {
    const gh = await fake([keyFile('src/keys.ts', 2)], { headSha: NEW_HEAD });
    const run = await act(gh);
    expect(run.code).toBe(0);
    expect(run.outputs.conclusion).toBe('neutral');
    expect(gh.checkRuns.map((c) => [c.head_sha, c.conclusion, c.output.title])).toEqual([
      [HEAD, 'neutral', 'Superseded by cccccccccccc'],
    ]);
    expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/widgets/pulls/42',
      'POST /repos/acme/widgets/check-runs',
    ]);
    expect(run.summary).toMatch(/a newer push superseded it/);
  });

  it('3. a 502 after GitHub created the review and the check run: both are adopted, neither is posted twice', async () => {
    const gh = await fake([keyFile('src/keys.ts', 3)]);
    gh.faults.push(
      { method: 'POST', path: /\/pulls\/42\/reviews$/, status: 502, times: 1, afterHandling: true },
      { method: 'POST', path: /\/check-runs$/, status: 502, times: 1, afterHandling: true },
    );
    const run = await act(gh);
    expect(run.code).toBe(1);
    expect(posts(gh, /\/pulls\/42\/reviews$/)).toBe(1);
    expect(posts(gh, /\/check-runs$/)).toBe(1);
    expect(gh.reviews).toHaveLength(1);
    expect(gh.checkRuns).toHaveLength(1);
    expect(run.outputs['review-id']).toBe(String(gh.reviews[0]!.id));
    expect(run.outputs['check-run-id']).toBe(String(gh.checkRuns[0]!.id));
    expect(run.stdout).toMatch(/had created review \d+: using it/);
    expect(run.stdout).toMatch(/had created check run \d+: using it/);
  });

  it('3. a 502 before anything was created: looked for, not found, posted once more', async () => {
    const gh = await fake([keyFile('src/keys.ts', 1)]);
    gh.faults.push({ method: 'POST', path: /\/check-runs$/, status: 502, times: 1 });
    const run = await act(gh, { 'comment-mode': 'check' });
    expect(run.code).toBe(1);
    expect(posts(gh, /\/check-runs$/)).toBe(2);
    expect(gh.requestsTo('GET', /\/commits\/a+\/check-runs$/)).toHaveLength(1);
    expect(gh.checkRuns).toHaveLength(1);
  });

  it('4. a primary rate limit that resets in an hour: no wait, one clear message, the findings in summary and annotations', async () => {
    const gh = await fake([keyFile('src/keys.ts', 3)]);
    gh.onRequest = (method, path) => {
      if (method === 'POST' && /\/check-runs$/.test(path)) gh.rateLimitRemaining = 0;
    };
    // The default github-max-wait (120 s): a reset an hour away is not waited for.
    const run = await act(gh, { 'comment-mode': 'check', 'github-max-wait': '' });
    expect(run.code).toBe(1);
    expect(posts(gh, /\/check-runs$/)).toBe(1);
    expect(run.stdout).toMatch(
      /GitHub rate limit on POST \S+check-runs lifts in \d{4} s, longer than github-max-wait \(120 s\): not waiting/,
    );
    expect(run.stdout).toMatch(
      /::warning::The check run could not be created: .*API rate limit exceeded.*reported as workflow annotations instead/,
    );
    expect(run.stdout.match(/^::error .*file=src\/keys\.ts/gm)).toHaveLength(3);
    // Nothing after the limit: the POST was the last request.
    expect(gh.requests.at(-1)!.method).toBe('POST');
    expect(run.summary).toContain('src/keys.ts:3');
  });

  it("5. a fork's read-only token: the 10 most severe errors annotated, the rest counted, all in the job summary", async () => {
    const gh = await fake([keyFile('src/keys.ts', 25)], { readOnlyTokens: [GITHUB_TOKEN] });
    const run = await act(gh, { 'comment-mode': 'check' });
    expect(run.code).toBe(1);
    expect(run.stdout.match(/^::error .*file=/gm)).toHaveLength(10);
    expect(run.stdout).toMatch(/the 10 most severe are annotated, 15 more are in the job summary/);
    for (let line = 1; line <= 25; line++) expect(run.summary).toContain(`src/keys.ts:${line}\``);
  });

  it('6. a config over 1 MB at the base commit: read with the raw media type, not a crash', async () => {
    const config = `version: 1\n# ${'x'.repeat(1_200_000)}\nhooks: []\n`;
    const gh = await fake([keyFile('src/keys.ts', 1)], {
      contents: { ['b'.repeat(40)]: { '.github/codex-hooks.yml': config } },
    });
    const run = await act(gh, { 'comment-mode': 'check' });
    expect(run.stdout).toMatch(/Hooks config: .*codex-hooks\.yml/);
    const reads = gh.requestsTo('GET', /\/contents\/\.github/);
    expect(reads.map((r) => String(r.headers.accept))).toEqual([
      expect.stringContaining('json'),
      expect.stringContaining('raw'),
    ]);
    expect(run.stdout).not.toMatch(/ERR_UNKNOWN_ENCODING|Internal error/);
  });

  it('7. a fixed finding resolves its thread; when it comes back the thread is reopened, never posted twice', async () => {
    const gh = await fake([keyFile('src/keys.ts', 1)]);
    await act(gh);
    expect(gh.reviewComments).toHaveLength(1);
    const [comment] = gh.reviewComments;

    gh.push('d'.repeat(40), { files: [addedFile('src/keys.ts', ['export const k0 = process.env.K;'])] });
    const fixed = await act(gh, {}, pushEvent('d'.repeat(40), HEAD));
    expect(fixed.code).toBe(0);
    expect(comment!.body).toMatch(/^✅ \*\*Fixed in dddddddddddd\*\*/);
    expect(gh.resolvedThreads.get(comment!.id)).toBe(true);

    gh.push('e'.repeat(40), { files: [keyFile('src/keys.ts', 1)] });
    const back = await act(gh, {}, pushEvent('e'.repeat(40), 'd'.repeat(40)));
    expect(back.code).toBe(1);
    expect(gh.resolvedThreads.get(comment!.id)).toBe(false);
    expect(gh.reviewComments).toHaveLength(1);
    expect(comment!.body).toMatch(/Fixed in dddddddddddd/);
    expect(gh.requestsTo('POST', /\/graphql$/).length).toBeGreaterThanOrEqual(4);
  });

  it("8. a person's comments and reviews that carry our markers are never edited, dismissed or reused", async () => {
    const gh = await fake([keyFile('src/keys.ts', 1)]);
    const person = { login: 'mallory', type: 'User' };
    gh.issueComments.push({ id: 1, body: '<!-- codex-hooks:summary -->\nmine', user: person });
    gh.reviews.push({
      id: 2,
      commit_id: HEAD,
      body: '<!-- codex-hooks:review -->\nno',
      event: 'REQUEST_CHANGES',
      comments: [],
      user: person,
    });
    const first = await act(gh, { 'request-changes': 'true' });
    expect(first.code).toBe(1);
    expect(gh.issueComments.map((c) => [c.user.login, c.body.startsWith('<!-- codex-hooks:summary -->')])).toEqual([
      ['mallory', true],
      ['github-actions[bot]', true],
    ]);
    expect(gh.issueComments[0]!.body).toBe('<!-- codex-hooks:summary -->\nmine');
    // Mallory's change request does not stand in for ours.
    expect(gh.reviews.filter((r) => r.event === 'REQUEST_CHANGES')).toHaveLength(2);

    gh.push('d'.repeat(40), { files: [addedFile('src/keys.ts', ['export const k0 = process.env.K;'])] });
    const second = await act(gh, { 'request-changes': 'true' }, pushEvent('d'.repeat(40), HEAD));
    expect(second.code).toBe(0);
    expect(gh.reviews.find((r) => r.id === 2)!.dismissed).toBeUndefined();
    expect(gh.reviews.filter((r) => r.dismissed !== undefined)).toHaveLength(1);
  });

  it('10. escalation: reviewers requested and the label added once per head commit, and the summary says so', async () => {
    const gh = await fake([keyFile('src/keys.ts', 1)]);
    const inputs = {
      'comment-mode': 'check',
      'escalate-reviewers': 'alice, acme/security',
      'escalate-label': 'needs-security-review',
      'escalate-on': 'secrets',
    };
    const first = await act(gh, inputs);
    expect(first.code).toBe(1);
    expect(gh.requestedReviewers).toEqual([{ reviewers: ['alice'], team_reviewers: ['security'] }]);
    expect(gh.labels).toEqual(['needs-security-review']);
    expect(first.summary).toMatch(/a review was requested from @.alice, team security/);
    expect(first.summary).toMatch(/the label 'needs-security-review' was added/);

    const again = await act(gh, inputs);
    expect(posts(gh, /\/requested_reviewers$/)).toBe(1);
    expect(posts(gh, /\/labels$/)).toBe(1);
    expect(again.summary).toMatch(/Escalated on aaaaaaaaaaaa by an earlier run/);
  });
});

describe('9. the compare path of an incremental review', () => {
  const files = [
    addedFile('src/a.ts', ['export const a = 1;']),
    addedFile('src/b.ts', ['export const b = 1;']),
    addedFile('src/c.ts', ['export const c = 1;']),
  ];
  const BEFORE = 'f'.repeat(40);
  const CODEX_TOKEN = [
    Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'),
    Buffer.from('{"sub":"ci","scope":"hooks:trigger","exp":4102444800}').toString('base64url'),
    Buffer.from('sig').toString('base64url'),
  ].join('.');

  async function incremental(setup: (gh: FakeGitHub) => void) {
    const gh = await fake(files);
    setup(gh);
    endpoint = await new FakeEndpoint().start();
    const run = await act(gh, { 'codex-token': CODEX_TOKEN, 'hook-url': endpoint.url }, pushEvent(HEAD, BEFORE));
    const sent = endpoint.received.flatMap((r) => r.body.files.map((f) => f.path)).sort();
    return { run, gh, sent };
  }

  it('a fast-forward push: only the files changed since the last reviewed head go to the endpoint', async () => {
    const { run, gh, sent } = await incremental((g) => {
      g.comparisons[`${BEFORE}...${HEAD}`] = { status: 'ahead', files: [files[1]!] };
    });
    expect(gh.requestsTo('GET', /\/compare\//)).toHaveLength(1);
    expect(run.stdout).toContain('Incremental review: 1 files changed since ffffffffffff');
    expect(sent).toEqual(['src/b.ts']);
  });

  it('a force-push (before is no ancestor: diverged): the whole pull request', async () => {
    const { run, sent } = await incremental((g) => {
      g.comparisons[`${BEFORE}...${HEAD}`] = { status: 'diverged', files: [files[1]!] };
    });
    expect(run.stdout).toMatch(/rewritten since ffffffffffff \(diverged\); reviewing the whole pull request/);
    expect(sent).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);
  });

  it('a comparison of more than 300 files: the whole pull request', async () => {
    const many = Array.from({ length: 301 }, (_, i) => addedFile(`gen/f${i}.ts`, ['x']));
    const { run, sent } = await incremental((g) => {
      g.comparisons[`${BEFORE}...${HEAD}`] = { status: 'ahead', files: many };
    });
    expect(run.stdout).toMatch(/More files changed since ffffffffffff than GitHub lists/);
    expect(sent).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);
  });

  it('a before commit GitHub no longer knows (404): the whole pull request', async () => {
    const { run, gh, sent } = await incremental(() => {});
    expect(gh.requestsTo('GET', /\/compare\//)).toHaveLength(1);
    expect(run.stdout).toMatch(
      /ffffffffffff is unknown to GitHub \(a force-push\?\); reviewing the whole pull request/,
    );
    expect(sent).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);
  });
});

/** A `synchronize` event: a push moved the head from `before` to `head`. */
function pushEvent(head: string, before: string): unknown {
  const event = pullRequestEvent('synchronize') as ReturnType<typeof pullRequestEvent> & { before?: string };
  event.pull_request.head.sha = head;
  event.before = before;
  return event;
}
