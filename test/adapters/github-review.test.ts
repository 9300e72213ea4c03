import { afterEach, describe, expect, it } from 'vitest';
import { samplePullRequest } from '../support/pull-request.js';
import { createGitHubClient } from '../../src/adapters/github/index.js';
import { PermissionError, UpstreamError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { addedFile, FakeGitHub } from '../support/fake-github.js';

const pr = samplePullRequest({ action: 'synchronize' });
const silent: Logger = { debug() {}, info() {}, notice() {}, warning() {}, error() {} };

let github: FakeGitHub;
afterEach(async () => {
  await github?.stop();
});

function client(token = 't') {
  return createGitHubClient({ token, baseUrl: github.url, logger: silent, retryBaseMs: 1 });
}

describe('GitHub review methods against the fake', () => {
  it('reads every page of review comments, with replies', async () => {
    github = await new FakeGitHub({ files: [addedFile('src/a.ts', ['x'])] }).start();
    for (let i = 0; i < 230; i++) {
      github.reviewComments.push({
        id: i + 1,
        pull_request_review_id: 1,
        commit_id: pr.headSha,
        path: 'src/a.ts',
        body: `c${i}`,
        line: i === 5 ? null : 1,
        start_line: null,
        side: 'RIGHT',
        subject_type: 'line',
        ...(i === 7 ? { in_reply_to_id: 1 } : {}),
        user: { login: 'someone', type: 'User' },
      });
    }
    const comments = await client().listReviewComments(pr);
    expect(comments).toHaveLength(230);
    expect(github.requestsTo('GET', /\/pulls\/42\/comments$/).map((r) => r.query.get('page') ?? '1')).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(comments[5]!.line).toBeNull();
    expect(comments[7]).toMatchObject({ id: 8, inReplyToId: 1, author: { login: 'someone', type: 'User' } });
  });

  it('creates a review with ranges, answers 422 for a line outside the diff, and names the permission on 403', async () => {
    github = await new FakeGitHub({
      files: [addedFile('src/a.ts', ['a', 'b', 'c'])],
      readOnlyTokens: ['ro'],
    }).start();
    const gh = client();
    const id = await gh.createReview(pr, {
      commitId: pr.headSha,
      body: 'b',
      event: 'COMMENT',
      comments: [{ path: 'src/a.ts', body: 'x', startLine: 1, line: 3, side: 'RIGHT' }],
    });
    expect(github.reviews[0]).toMatchObject({ id, event: 'COMMENT' });
    expect(github.reviews[0]!.comments[0]).toMatchObject({ start_line: 1, start_side: 'RIGHT', line: 3 });

    const bad = gh.createReview(pr, {
      commitId: pr.headSha,
      body: 'b',
      event: 'COMMENT',
      comments: [{ path: 'src/a.ts', body: 'x', line: 9, side: 'RIGHT' }],
    });
    await expect(bad).rejects.toBeInstanceOf(UpstreamError);
    await expect(bad).rejects.toMatchObject({ status: 422 });

    const denied = client('ro').createReview(pr, { commitId: pr.headSha, body: 'b', event: 'COMMENT', comments: [] });
    await expect(denied).rejects.toBeInstanceOf(PermissionError);
    await expect(denied).rejects.toThrow(/permissions: pull-requests: write/);
  });

  it('finds the sticky summary on a later page and updates it; creates it only when asked', async () => {
    github = await new FakeGitHub().start();
    for (let i = 0; i < 120; i++)
      github.issueComments.push({ id: i + 1, body: `chat ${i}`, user: { login: 'u', type: 'User' } });
    github.issueComments.push({ id: 500, body: 'quoting <!-- m --> is not ours', user: { login: 'u', type: 'User' } });
    const gh = client();
    expect(await gh.upsertIssueComment(pr, '<!-- m -->', '<!-- m -->\nv1', { create: false })).toBeUndefined();
    expect(await gh.upsertIssueComment(pr, '<!-- m -->', '<!-- m -->\nv1')).toMatchObject({ created: true });
    const again = await gh.upsertIssueComment(pr, '<!-- m -->', '<!-- m -->\nv2');
    expect(again).toMatchObject({ created: false });
    expect(github.issueComments.filter((c) => c.body.startsWith('<!-- m -->')).map((c) => c.body)).toEqual([
      '<!-- m -->\nv2',
    ]);
    expect(github.issueComments.find((c) => c.id === 500)!.body).toBe('quoting <!-- m --> is not ours');
  });

  it('edits review comments and posts file-level comments', async () => {
    github = await new FakeGitHub({ files: [addedFile('src/a.ts', ['a'])] }).start();
    const gh = client();
    const id = await gh.createFileComment(pr, { commitId: pr.headSha, path: 'src/a.ts', body: 'file' });
    expect(github.reviewComments[0]).toMatchObject({ id, subject_type: 'file', path: 'src/a.ts', line: null });
    await gh.updateReviewComment(pr, id, 'edited');
    expect(github.reviewComments[0]!.body).toBe('edited');
    await expect(gh.updateReviewComment(pr, 12345, 'x')).rejects.toMatchObject({ status: 404 });
  });

  it('compares commits: files under both names of a rename; undefined when GitHub does not know the base', async () => {
    github = await new FakeGitHub().start();
    github.comparisons[`${'c'.repeat(40)}...${pr.headSha}`] = {
      status: 'ahead',
      files: [addedFile('src/a.ts', ['x']), { ...addedFile('src/new.ts', ['y']), previous_filename: 'src/old.ts' }],
    };
    const gh = client();
    expect(await gh.compareCommits(pr, 'c'.repeat(40), pr.headSha)).toEqual({
      status: 'ahead',
      files: ['src/a.ts', 'src/new.ts', 'src/old.ts'],
      truncated: false,
    });
    expect(await gh.compareCommits(pr, 'd'.repeat(40), pr.headSha)).toBeUndefined();
  });
});
