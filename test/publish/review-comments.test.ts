import { describe, expect, it } from 'vitest';
import { samplePullRequest } from '../support/pull-request.js';
import type {
  CommitComparison,
  ExistingReviewComment,
  GitHubPort,
  InlineCommentInput,
  ReviewInput,
} from '../../src/ports.js';
import { parsePatch } from '../../src/core/diff/parse-patch.js';
import { createFindings, type FindingDraft } from '../../src/core/findings/finalize.js';
import { markFixed, readMarker, renderReviewComment } from '../../src/core/render/review-comment.js';
import type { ChangedFile, Finding, PullRequest } from '../../src/core/types.js';
import { GitHubError, PermissionError, UpstreamError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { changedSinceLastReview } from '../../src/pipeline/incremental.js';
import { planReview, publishReview } from '../../src/publish/review-comments.js';

const pr = samplePullRequest({ number: 7, action: 'synchronize', beforeSha: 'c'.repeat(40) });

const silent: Logger = { debug() {}, info() {}, notice() {}, warning() {}, error() {} };

function added(path: string, n: number): ChangedFile {
  const lines = Array.from({ length: n }, (_, i) => `+line ${i + 1}`);
  return { path, status: 'added', additions: n, deletions: 0, patch: `@@ -0,0 +1,${n} @@\n${lines.join('\n')}` };
}

function draft(over: Partial<FindingDraft> & { path: string; line: number }): FindingDraft {
  return {
    ruleId: 'ai/logic',
    category: 'ai',
    severity: 'warning',
    message: `problem at ${over.path}:${over.line}`,
    anchor: `${over.path}:${over.line}:${over.ruleId ?? ''}`,
    source: 'codex',
    ...over,
  };
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' };

/** A GitHubPort that behaves like GitHub's review endpoints: validates lines and can refuse chosen bodies. */
class FakePort implements Partial<GitHubPort> {
  comments: ExistingReviewComment[] = [];
  reviews: ReviewInput[] = [];
  fileComments: { path: string; body: string }[] = [];
  edits: { id: number; body: string }[] = [];
  issueComments: { id: number; body: string }[] = [];
  refuse: (c: InlineCommentInput) => boolean = () => false;
  forbidden = false;
  private id = 1;

  constructor(private readonly files: ChangedFile[]) {}

  port(): GitHubPort {
    return this as unknown as GitHubPort;
  }

  async listReviewComments() {
    return [...this.comments];
  }

  async createReview(_pr: PullRequest, input: ReviewInput) {
    if (this.forbidden) throw new PermissionError('pull-requests: write', 'create pull request reviews');
    for (const c of input.comments) {
      const right = parsePatch(this.files.find((f) => f.path === c.path)?.patch).commentable.right;
      if (!right.has(c.line) || (c.startLine !== undefined && !right.has(c.startLine)) || this.refuse(c)) {
        throw new GitHubError(
          'could not create pull request reviews: Unprocessable Entity: Line could not be resolved',
          'line-not-in-diff',
          422,
        );
      }
    }
    this.reviews.push(input);
    const reviewId = this.id++;
    for (const c of input.comments) {
      this.comments.push({ id: this.id++, body: c.body, path: c.path, line: c.line, author: BOT });
    }
    return reviewId;
  }

  async identity() {
    return undefined;
  }

  threadChanges: { id: string; resolved: boolean }[] = [];
  resolved = new Set<string>();

  async listReviewThreads() {
    return this.comments
      .filter((c) => c.inReplyToId === undefined)
      .map((c) => ({ id: `T${c.id}`, resolved: this.resolved.has(`T${c.id}`), firstCommentId: c.id }));
  }

  async setThreadResolved(id: string, resolved: boolean) {
    this.threadChanges.push({ id, resolved });
    if (resolved) this.resolved.add(id);
    else this.resolved.delete(id);
  }

  async createFileComment(_pr: PullRequest, input: { path: string; body: string }) {
    this.fileComments.push(input);
    const id = this.id++;
    this.comments.push({ id, body: input.body, path: input.path, line: null, author: BOT });
    return id;
  }

  async updateReviewComment(_pr: PullRequest, id: number, body: string) {
    this.edits.push({ id, body });
    const c = this.comments.find((x) => x.id === id)!;
    this.comments[this.comments.indexOf(c)] = { ...c, body };
  }

  async upsertIssueComment(_pr: PullRequest, marker: string, body: string, options: { create?: boolean } = {}) {
    const existing = this.issueComments.find((c) => c.body.startsWith(marker));
    if (existing) {
      existing.body = body;
      return { id: existing.id, created: false };
    }
    if (options.create === false) return undefined;
    const c = { id: this.id++, body };
    this.issueComments.push(c);
    return { id: c.id, created: true };
  }
}

const files = [added('src/a.ts', 20), added('src/b.ts', 5)];
const summary = (notes: readonly string[]) => `## Codex hooks\n\n${notes.join('\n')}`;

function publish(gh: FakePort, findings: Finding[], extra: Partial<Parameters<typeof publishReview>[2]> = {}) {
  return publishReview(gh.port(), silent, {
    pr,
    findings,
    files,
    maxComments: 30,
    aiScope: 'all',
    summary,
    ...extra,
  });
}

describe('publishReview', () => {
  it('posts one review with inline comments (AI suggestions included) and one sticky summary', async () => {
    const gh = new FakePort(files);
    const findings = createFindings([
      draft({ path: 'src/a.ts', line: 3, endLine: 5, title: 'Off-by-one', suggestion: 'a\nb\nc' }),
      draft({ path: 'src/b.ts', line: 2, severity: 'error', ruleId: 'ai/security' }),
      draft({ path: 'src/elsewhere.ts', line: 1 }),
    ]);
    const result = await publish(gh, findings, { aiSummary: 'Looks fine, @team' });
    expect(gh.reviews).toHaveLength(1);
    const review = gh.reviews[0]!;
    expect(review.event).toBe('COMMENT');
    expect(review.commitId).toBe(pr.headSha);
    expect(review.body).toContain('Looks fine, @\u200Dteam');
    // Most severe first; the range keeps start_line; the suggestion covers exactly lines 3–5.
    expect(review.comments.map((c) => [c.path, c.startLine, c.line])).toEqual([
      ['src/b.ts', undefined, 2],
      ['src/a.ts', 3, 5],
    ]);
    expect(review.comments[1]!.body).toContain('```suggestion\na\nb\nc\n```');
    expect(result).toMatchObject({ reviewId: 1, inlinePosted: 2, filePosted: 0, alreadyPosted: 0, fixed: 0 });
    expect(result.unposted.map((f) => f.path)).toEqual(['src/elsewhere.ts']);
    expect(result.notes.join('\n')).toMatch(/1 finding is on files outside this pull request's diff/);
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.issueComments[0]!.body).toMatch(/^<!-- codex-hooks:summary -->\n## Codex hooks/);
    expect(gh.issueComments[0]!.body).toContain('Review comments: 2 new, 0 already posted, 0 marked fixed.');

    // The same findings again: nothing new, the sticky summary is updated in place.
    const again = await publish(gh, findings);
    expect(gh.reviews).toHaveLength(1);
    expect(again).toMatchObject({ inlinePosted: 0, alreadyPosted: 2, fixed: 0 });
    expect(again.reviewId).toBeUndefined();
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.issueComments[0]!.body).toContain('Review comments: 0 new, 2 already posted');
  });

  it('puts lines outside the diff in file-level comments and keeps to max-comments by severity', async () => {
    const gh = new FakePort([added('src/a.ts', 20), { ...added('src/c.ts', 2), patch: '@@ -10,1 +10,2 @@\n x\n+y' }]);
    const findings = createFindings([
      draft({ path: 'src/c.ts', line: 50, severity: 'error' }), // outside the diff → file level
      draft({ path: 'src/a.ts', line: 1, severity: 'notice' }),
      draft({ path: 'src/a.ts', line: 2, severity: 'warning' }),
    ]);
    const result = await publishReview(gh.port(), silent, {
      pr,
      findings,
      files: [added('src/a.ts', 20), { ...added('src/c.ts', 2), patch: '@@ -10,1 +10,2 @@\n x\n+y' }],
      maxComments: 2,
      aiScope: 'all',
      summary,
    });
    expect(gh.fileComments.map((c) => c.path)).toEqual(['src/c.ts']);
    expect(gh.fileComments[0]!.body).toContain('_On line 50, outside the diff._');
    expect(gh.reviews[0]!.comments.map((c) => c.line)).toEqual([2]);
    expect(result.unposted.map((f) => f.line)).toEqual([1]);
    expect(result.notes.join('\n')).toMatch(/1 finding past max-comments \(2\) is in the annotations/);
  });

  it('halves a batch GitHub refuses with 422 until the good comments land', async () => {
    const gh = new FakePort(files);
    gh.refuse = (c) => c.body.includes('src/a.ts:7');
    const findings = createFindings(
      Array.from({ length: 7 }, (_, i) => draft({ path: 'src/a.ts', line: i + 1, ruleId: `ai/r${i}` })),
    );
    const result = await publish(gh, findings);
    const landed = gh.reviews.flatMap((r) => r.comments.map((c) => c.line)).sort((a, b) => a - b);
    expect(landed).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.reviewId).toBe(gh.reviews.length > 0 ? 1 : undefined);
    expect(result.inlinePosted).toBe(6);
    expect(result.unposted.map((f) => f.line)).toEqual([7]);
    expect(result.notes.join('\n')).toMatch(/GitHub refused 1 review comment/);
    // Only the first review carries the full body.
    expect(gh.reviews.slice(1).every((r) => r.body.includes('(continued)'))).toBe(true);
  });

  it('marks gone findings fixed, never touches a comment with replies, and reopens a finding that came back', async () => {
    const gh = new FakePort(files);
    const [a, b, c] = createFindings([
      draft({ path: 'src/a.ts', line: 1, ruleId: 'ai/x' }),
      draft({ path: 'src/a.ts', line: 2, ruleId: 'ai/y' }),
      draft({ path: 'src/b.ts', line: 3, ruleId: 'ai/z' }),
    ]) as [Finding, Finding, Finding];
    await publish(gh, [a, b, c]);
    const idOf = (f: Finding) => gh.comments.find((x) => readMarker(x.body)?.fingerprint === f.fingerprint)!.id;
    // Someone replies to c's comment.
    gh.comments.push({ id: 999, body: 'I disagree', path: 'src/b.ts', line: 3, inReplyToId: idOf(c) });

    const third = await publish(gh, [a]);
    expect(third.fixed).toBe(1);
    expect(gh.edits.map((e) => e.id)).toEqual([idOf(b)]);
    expect(gh.threadChanges).toEqual([{ id: `T${idOf(b)}`, resolved: true }]);
    gh.threadChanges = [];
    expect(gh.edits[0]!.body).toMatch(/^✅ \*\*Fixed in aaaaaaaaaaaa\*\*/);
    expect(gh.comments.find((x) => x.id === idOf(c))!.body).not.toMatch(/Fixed/);

    // b comes back on its line: its old thread is reopened (its "Fixed in" text stays), nothing is posted twice.
    const reviews = gh.reviews.length;
    const fourth = await publish(gh, [a, b]);
    expect(fourth.inlinePosted).toBe(0);
    expect(fourth.alreadyPosted).toBe(2);
    expect(gh.reviews).toHaveLength(reviews);
    expect(gh.threadChanges).toEqual([{ id: `T${idOf(b)}`, resolved: false }]);

    // A fixed comment GitHub no longer places (outdated, line null) is posted again instead.
    const old = gh.comments.find((x) => x.id === idOf(b))!;
    gh.comments[gh.comments.indexOf(old)] = { ...old, line: null };
    await publish(gh, [a]);
    const fifth = await publish(gh, [a, b]);
    expect(fifth.inlinePosted).toBe(1);
    expect(gh.reviews.at(-1)!.comments[0]!.body).toContain(b.fingerprint);
  });

  it('marks AI comments fixed only on files the endpoint reviewed again', async () => {
    const gh = new FakePort(files);
    const [a, b] = createFindings([
      draft({ path: 'src/a.ts', line: 1 }),
      draft({ path: 'src/b.ts', line: 1, category: 'secret', ruleId: 'aws-access-key-id' }),
    ]) as [Finding, Finding];
    await publish(gh, [a, b]);
    // Endpoint did not run: the AI comment stays, the gone local finding is fixed.
    expect((await publish(gh, [], { aiScope: 'none' })).fixed).toBe(1);
    expect(gh.edits.map((e) => readMarker(e.body)?.category)).toEqual(['secret']);
    // Incremental review that did not include src/a.ts: still left.
    expect((await publish(gh, [], { aiScope: new Set(['src/b.ts']) })).fixed).toBe(0);
    expect((await publish(gh, [], { aiScope: new Set(['src/a.ts']) })).fixed).toBe(1);
  });

  it('creates no sticky summary for a clean pull request, but updates an existing one', async () => {
    const gh = new FakePort(files);
    await publish(gh, []);
    expect(gh.issueComments).toHaveLength(0);
    expect(gh.reviews).toHaveLength(0);
    gh.issueComments.push({ id: 50, body: '<!-- codex-hooks:summary -->\nold' });
    const result = await publish(gh, []);
    expect(result.summaryCommentId).toBe(50);
    expect(gh.issueComments[0]!.body).toContain('## Codex hooks');
  });

  it('lets a missing permission through for the caller to report', async () => {
    const gh = new FakePort(files);
    gh.forbidden = true;
    await expect(publish(gh, createFindings([draft({ path: 'src/a.ts', line: 1 })]))).rejects.toThrow(
      /pull-requests: write/,
    );
  });
});

describe('planReview', () => {
  it('ignores other people’s comments and replies when deduplicating', () => {
    const [f] = createFindings([draft({ path: 'src/a.ts', line: 1 })]) as [Finding];
    const diffFiles = files.map((file) => ({ file, parsed: parsePatch(file.patch) }));
    const body = renderReviewComment(f, { kind: 'inline', path: 'src/a.ts', line: 1, side: 'RIGHT', exact: true });
    const opts = { maxComments: 10, headSha: pr.headSha, aiScope: 'all' as const, isOurs: () => true };
    // A reply quoting our marker does not count as posted.
    expect(
      planReview([f], diffFiles, [{ id: 2, body, path: 'src/a.ts', line: 1, inReplyToId: 1 }], opts).inline,
    ).toHaveLength(1);
    expect(planReview([f], diffFiles, [{ id: 1, body, path: 'src/a.ts', line: 1 }], opts)).toMatchObject({
      inline: [],
      alreadyPosted: 1,
    });
    const fixedBody = markFixed(body, pr.headSha);
    expect(planReview([], diffFiles, [{ id: 1, body: fixedBody, path: 'src/a.ts', line: 1 }], opts).fixed).toEqual([]);
  });
});

describe('changedSinceLastReview', () => {
  const port = (answer: CommitComparison | undefined | Error) => ({
    calls: [] as string[],
    async compareCommits(_pr: PullRequest, base: string, head: string) {
      this.calls.push(`${base.slice(0, 1)}...${head.slice(0, 1)}`);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });

  it('returns the files changed since the previous head on a fast-forward push', async () => {
    const gh = port({ status: 'ahead', files: ['src/a.ts', 'src/old.ts', 'src/new.ts'], truncated: false });
    expect(await changedSinceLastReview(pr, gh)).toEqual(new Set(['src/a.ts', 'src/old.ts', 'src/new.ts']));
    expect(gh.calls).toEqual(['c...a']);
  });

  it.each([
    ['a force-push (diverged)', { status: 'diverged', files: ['x'], truncated: false } as const],
    ['a reset to an older commit (behind)', { status: 'behind', files: [], truncated: false } as const],
    ['a before commit GitHub no longer knows (404/422)', undefined],
    ['more files than GitHub lists', { status: 'ahead', files: ['x'], truncated: true } as const],
    ['a compare that fails', new UpstreamError('boom', 'GitHub', 500)],
  ])('falls back to the whole pull request after %s', async (_name, answer) => {
    expect(await changedSinceLastReview(pr, port(answer as CommitComparison | undefined | Error))).toBeUndefined();
  });

  it('reviews everything on events other than synchronize, without asking GitHub', async () => {
    const gh = port({ status: 'ahead', files: [], truncated: false });
    expect(await changedSinceLastReview({ ...pr, action: 'opened' }, gh)).toBeUndefined();
    expect(await changedSinceLastReview({ ...pr, beforeSha: '0'.repeat(40) }, gh)).toBeUndefined();
    expect(gh.calls).toEqual([]);
  });
});
