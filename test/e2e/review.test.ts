import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addedFile, FakeGitHub, type FakePullFile } from '../support/fake-github.js';
import { ACTION_ENTRY, runAction, type ActionRun } from '../support/run-action.js';

// Synthetic AWS access key IDs, made up for these tests (realistic shape, so the scanner keeps them).
const KEYS = ['QR', 'ST', 'UV', 'WX', 'YZ', 'RS'].map((s) => `AKIAZ3MSJV4W${s}NKW3D2`);
const GITHUB_TOKEN = 'ghs_reviewE2eTokenThatMustNeverBePrinted0';

let github: FakeGitHub;

beforeAll(() => {
  if (!existsSync(ACTION_ENTRY)) throw new Error('dist/index.js is missing: run `npm run build` first');
});

afterEach(async () => {
  await github?.stop();
});

/** The event of a push to head: GitHub's pull request is at that head too (the fake's head follows it). */
function event(action: string, base: string, head: string, before?: string) {
  if (github) github.headSha = head;
  github?.prCommits.add(head);
  return {
    action,
    number: 42,
    ...(before ? { before, after: head } : {}),
    pull_request: {
      number: 42,
      title: 'Add the widget',
      draft: false,
      user: { login: 'octocat' },
      head: { sha: head, ref: 'feature' },
      base: { sha: base, ref: 'main', repo: { full_name: 'acme/widgets' } },
    },
    repository: { full_name: 'acme/widgets' },
  };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
    cwd,
    encoding: 'utf8',
    // Fixed dates: the same commits, the same SHAs, on every run (scripts/e2e-snapshot.mjs compares runs).
    env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' },
  }).trim();
}

/**
 * A workspace whose `big.sql` GitHub lists without a patch (too large to show): the action reads its diff from
 * local history, so its secret is found on a line GitHub cannot place an inline comment on.
 */
async function workspace(): Promise<{ dir: string; base: string; head1: string; head2: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-review-'));
  git(dir, 'init', '-q');
  await writeFile(path.join(dir, 'big.sql'), 'select 1;\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  await writeFile(path.join(dir, 'big.sql'), `select 1;\n-- key ${KEYS[5]}\n`);
  git(dir, 'commit', '-qam', 'head 1');
  const head1 = git(dir, 'rev-parse', 'HEAD');
  await writeFile(path.join(dir, 'big.sql'), `select 1;\n-- key ${KEYS[5]}\nselect 2;\n`);
  git(dir, 'commit', '-qam', 'head 2');
  const head2 = git(dir, 'rev-parse', 'HEAD');
  return { dir, base, head1, head2 };
}

const bigSql = (additions: number): FakePullFile => ({
  filename: 'big.sql',
  status: 'modified',
  additions,
  deletions: 0,
  changes: additions,
});

function secretsIn(run: ActionRun, gh: FakeGitHub): string {
  const visible = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  return [visible, run.stderr, run.summary, JSON.stringify(gh.requests.map((r) => r.body))].join('\n');
}

describe('review comments across runs', () => {
  it('posts once, skips what is posted, marks fixed findings, and places what is outside the diff', async () => {
    const ws = await workspace();
    github = await new FakeGitHub({
      files: [
        addedFile('src/a.ts', ['export const region = "eu-west-1";', `export const key = "${KEYS[0]}";`]),
        addedFile('src/b.ts', [`const k = "${KEYS[1]}";`]),
        addedFile('src/c.ts', ['// c', '// c', `const k = "${KEYS[2]}";`]),
        bigSql(1),
      ],
    }).start();
    const run = (ev: unknown) =>
      runAction({ inputs: { 'github-token': GITHUB_TOKEN }, event: ev, apiUrl: github.url, workspace: ws.dir });

    // Run 1: three inline comments in one review, a file-level comment for big.sql, one sticky summary.
    const first = await run(event('opened', ws.base, ws.head1));
    expect(first.code).toBe(1);
    expect(github.reviews).toHaveLength(1);
    const review = github.reviews[0]!;
    expect(review).toMatchObject({ event: 'COMMENT', commit_id: ws.head1 });
    expect(review.comments.map((c) => [c.path, c.line, c.side])).toEqual([
      ['src/a.ts', 2, 'RIGHT'],
      ['src/b.ts', 1, 'RIGHT'],
      ['src/c.ts', 3, 'RIGHT'],
    ]);
    expect(String(review.comments[0]!.body)).toMatch(
      /^<!-- codex-hooks:fingerprint=[0-9a-f]{16} category=secret -->\n\*\*🔴 Error\*\* · `aws-access-key-id`/,
    );
    expect(first.outputs['review-id']).toBe(String(review.id));
    const fileLevel = github.reviewComments.filter((c) => c.subject_type === 'file');
    expect(fileLevel.map((c) => c.path)).toEqual(['big.sql']);
    expect(fileLevel[0]!.body).toContain('_On line 2, outside the diff._');
    // The finding outside GitHub's diff is annotated too.
    expect(github.checkRuns[0]!.annotations.map((a) => a.path)).toContain('big.sql');
    expect(github.issueComments).toHaveLength(1);
    expect(github.issueComments[0]!.body).toMatch(/^<!-- codex-hooks:summary -->\n## Codex hooks: ❌ Failed/);
    expect(github.issueComments[0]!.body).toContain('Review comments: 4 new, 0 already posted, 0 marked fixed.');

    // Run 2, same head: nothing new is posted; the summary is updated in place.
    const second = await run(event('reopened', ws.base, ws.head1));
    expect(second.code).toBe(1);
    expect(github.reviews).toHaveLength(1);
    expect(github.reviewComments).toHaveLength(4);
    expect(github.requestsTo('PATCH', /\/pulls\/comments\/\d+$/)).toHaveLength(0);
    expect(github.issueComments).toHaveLength(1);
    expect(github.issueComments[0]!.body).toContain('Review comments: 0 new, 4 already posted, 0 marked fixed.');
    expect(second.outputs['review-id']).toBeUndefined();

    // A person replies to the comment on src/c.ts.
    const cComment = github.reviewComments.find((c) => c.path === 'src/c.ts')!;
    github.reviewComments.push({
      ...cComment,
      id: 9000,
      body: 'This is a test fixture, not a real key.',
      in_reply_to_id: cComment.id,
      user: { login: 'reviewer', type: 'User' },
    });
    const cBody = cComment.body;

    // Run 3, a new head: b and c fixed, a moved two lines down (same fingerprint), d is new.
    github.files = [
      addedFile('src/a.ts', [
        '// header',
        '// header',
        'export const region = "eu-west-1";',
        `const key = "${KEYS[0]}";`,
      ]),
      addedFile('src/b.ts', ['const k = process.env.KEY;']),
      addedFile('src/c.ts', ['// c', '// c', 'const k = process.env.KEY;']),
      addedFile('src/d.ts', [`const k = "${KEYS[3]}";`]),
      bigSql(2),
    ];
    github.comparisons[`${ws.head1}...${ws.head2}`] = { status: 'ahead', files: github.files };
    const third = await run(event('synchronize', ws.base, ws.head2, ws.head1));
    expect(third.code).toBe(1);
    expect(github.reviews).toHaveLength(2);
    expect(github.reviews[1]!.comments.map((c) => [c.path, c.line])).toEqual([['src/d.ts', 1]]);
    expect(third.outputs['review-id']).toBe(String(github.reviews[1]!.id));
    const edits = github.requestsTo('PATCH', /\/pulls\/comments\/\d+$/);
    expect(edits).toHaveLength(1);
    const bComment = github.reviewComments.find((c) => c.path === 'src/b.ts')!;
    expect(edits[0]!.path).toMatch(new RegExp(`/pulls/comments/${bComment.id}$`));
    expect(bComment.body).toMatch(new RegExp(`^✅ \\*\\*Fixed in ${ws.head2.slice(0, 12)}\\*\\*`));
    // The comment someone replied to is left as it was; nothing is ever deleted.
    expect(github.reviewComments.find((c) => c.id === cComment.id)!.body).toBe(cBody);
    expect(github.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    expect(github.issueComments).toHaveLength(1);
    expect(github.issueComments[0]!.body).toContain('Review comments: 1 new, 2 already posted, 1 marked fixed,');

    for (const r of [first, second, third]) {
      const everything = secretsIn(r, github);
      expect(everything).not.toContain(GITHUB_TOKEN);
      for (const key of KEYS) expect(everything).not.toContain(key);
    }
  });

  it('lands the other comments when GitHub refuses one with 422', async () => {
    github = await new FakeGitHub({
      files: ['a', 'b', 'c', 'd', 'e'].map((n, i) => addedFile(`src/${n}.ts`, [`const k = "${KEYS[i]}";`])),
    }).start();
    github.rejectReviewComment = (c) => c.path === 'src/c.ts';
    // Octokit's throttling spaces requests that notify people (3 s each), so the halving takes a while.
    const run = await runAction({
      inputs: { 'github-token': 't' },
      event: event('opened', 'b'.repeat(40), 'a'.repeat(40)),
      apiUrl: github.url,
    });
    expect(run.code).toBe(1);
    const landed = github.reviews.flatMap((r) => r.comments.map((c) => c.path)).sort();
    expect(landed).toEqual(['src/a.ts', 'src/b.ts', 'src/d.ts', 'src/e.ts']);
    // Every attempt that failed carried the bad comment; the refused finding is still annotated.
    const refused = github.requestsTo('POST', /\/pulls\/42\/reviews$/).length - github.reviews.length;
    expect(refused).toBeGreaterThan(0);
    expect(github.checkRuns[0]!.annotations.map((a) => a.path)).toContain('src/c.ts');
    expect(run.stdout).toMatch(/::warning::GitHub refused the comment on src\/c.ts:1/);
    expect(github.issueComments[0]!.body).toContain('GitHub refused 1 review comment');
    expect(run.outputs['review-id']).toBe(String(github.reviews[0]!.id));
  });

  it('posts no review with comment-mode check, and nothing at all with none', async () => {
    for (const mode of ['check', 'none']) {
      github = await new FakeGitHub({ files: [addedFile('src/a.ts', [`const k = "${KEYS[0]}";`])] }).start();
      const run = await runAction({
        inputs: { 'github-token': 't', 'comment-mode': mode },
        event: event('opened', 'b'.repeat(40), 'a'.repeat(40)),
        apiUrl: github.url,
      });
      expect(run.code).toBe(1);
      expect(github.reviews).toHaveLength(0);
      expect(github.reviewComments).toHaveLength(0);
      expect(github.issueComments).toHaveLength(0);
      expect(github.checkRuns).toHaveLength(mode === 'check' ? 1 : 0);
      await github.stop();
    }
  });

  it('reports a read-only token once, naming pull-requests: write, and still gates', async () => {
    github = await new FakeGitHub({
      files: [addedFile('src/a.ts', [`const k = "${KEYS[0]}";`])],
      readOnlyTokens: ['fork-token'],
    }).start();
    const run = await runAction({
      inputs: { 'github-token': 'fork-token' },
      event: event('opened', 'b'.repeat(40), 'a'.repeat(40)),
      apiUrl: github.url,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::warning::Review comments could not be posted: .*permissions: pull-requests: write/);
    expect(run.summary).toMatch(/pull-requests: write/);
    expect(run.outputs.conclusion).toBe('failure');
  });
});

describe('request-changes: the review state follows the gate', () => {
  it('requests changes on a failed gate once, and dismisses the request when the gate passes', async () => {
    const base = 'b'.repeat(40);
    const head1 = '1'.repeat(40);
    const head2 = '2'.repeat(40);
    const withKey = addedFile('src/keys.ts', [`export const key = "${KEYS[0]}";`]);
    github = await new FakeGitHub({ files: [withKey] }).start();
    const inputs = { 'github-token': GITHUB_TOKEN, 'request-changes': 'true' };

    const first = await runAction({ inputs, event: event('opened', base, head1), apiUrl: github.url });
    expect(first.code).toBe(1);
    expect(github.reviews.map((r) => r.event)).toEqual(['REQUEST_CHANGES']);
    expect(first.outputs['review-id']).toBe(String(github.reviews[0]!.id));

    // The same head again: the change request stands, nothing new is posted.
    const second = await runAction({ inputs, event: event('synchronize', base, head1, head1), apiUrl: github.url });
    expect(second.code).toBe(1);
    expect(github.reviews).toHaveLength(1);

    // The key is removed: the gate passes and our change request is dismissed; no new review.
    github.files = [addedFile('src/keys.ts', ['export const key = process.env.KEY;'])];
    const third = await runAction({ inputs, event: event('synchronize', base, head2, head1), apiUrl: github.url });
    expect(third.code).toBe(0);
    expect(github.reviews).toHaveLength(1);
    expect(github.reviews[0]!.dismissed).toMatch(/The codex-hooks gate passes on 222222222222/);
  });

  it('leaves every review a comment when it is off', async () => {
    github = await new FakeGitHub({ files: [addedFile('src/keys.ts', [`export const key = "${KEYS[1]}";`])] }).start();
    const run = await runAction({
      inputs: { 'github-token': GITHUB_TOKEN },
      event: event('opened', 'b'.repeat(40), '1'.repeat(40)),
      apiUrl: github.url,
    });
    expect(run.code).toBe(1);
    expect(github.reviews.map((r) => r.event)).toEqual(['COMMENT']);
  });
});
