import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/adapters/github/index.js';
import { gitHubFailureKind } from '../../src/errors.js';
import { createRecordingLogger } from '../../src/logger.js';
import { addedFile, FakeGitHub } from '../support/fake-github.js';
import { samplePullRequest } from '../support/pull-request.js';

const pr = samplePullRequest();
let github: FakeGitHub;
afterEach(async () => github?.stop());

/** A client whose waits are recorded, never slept. */
async function client(options: { maxWaitSeconds?: number } = {}) {
  github = await new FakeGitHub({ files: [addedFile('src/a.ts', ['x'])] }).start();
  const waits: number[] = [];
  const gh = createGitHubClient({
    token: 't',
    baseUrl: github.url,
    logger: createRecordingLogger(),
    sleep: async (ms) => void waits.push(ms),
    ...options,
  });
  return { gh, waits };
}

describe('retries and waits of the GitHub adapter', () => {
  it('retries a read after 5xx with growing waits (1 s, 4 s), as plugin-retry does', async () => {
    const { gh, waits } = await client();
    github.faults.push({ method: 'GET', path: /\/files$/, status: 502, times: 2 });
    expect((await gh.listPullRequestFiles(pr)).files).toHaveLength(1);
    expect(waits).toEqual([1000, 4000]);
    expect(github.requestsTo('GET', /\/files$/)).toHaveLength(3);
  });

  it('caps every wait at github-max-wait', async () => {
    const { gh, waits } = await client({ maxWaitSeconds: 2 });
    github.faults.push({ method: 'GET', path: /\/files$/, status: 503, times: 3 });
    await gh.listPullRequestFiles(pr);
    expect(waits).toEqual([1000, 2000, 2000]);
  });

  it('never re-sends a POST that creates a comment: one request, the 5xx reported with its kind', async () => {
    const { gh, waits } = await client();
    github.faults.push({ method: 'POST', path: /\/pulls\/42\/comments$/, status: 502 });
    const error = await gh
      .createFileComment(pr, { commitId: pr.headSha, path: 'src/a.ts', body: 'b' })
      .catch((e: unknown) => e);
    expect(gitHubFailureKind(error)).toBe('server');
    expect(github.requestsTo('POST', /\/pulls\/42\/comments$/)).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('stops at a primary rate limit that lifts past the cap, and sends nothing more until it lifts', async () => {
    const { gh } = await client({ maxWaitSeconds: 60 });
    github.rateLimitRemaining = 0;
    const first = await gh.listPullRequestFiles(pr).catch((e: unknown) => e);
    expect(gitHubFailureKind(first)).toBe('rate-limited');
    const second = await gh.getFileContent(pr, 'a', 'main').catch((e: unknown) => e);
    expect(gitHubFailureKind(second)).toBe('rate-limited');
    expect((second as Error).message).toMatch(/rate limit is used up until \d\d:\d\d UTC/);
    expect(github.requests).toHaveLength(1);
  });

  it('reads a file over 1 MB with the raw media type, and refuses one over the cap by its size', async () => {
    const big = 'y'.repeat(1_100_000);
    github = await new FakeGitHub({ contents: { main: { 'big.txt': big } } }).start();
    const gh = createGitHubClient({ token: 't', baseUrl: github.url, logger: createRecordingLogger() });
    expect(await gh.getFileContent(pr, 'big.txt', 'main')).toBe(big);
    expect(github.requestsTo('GET', /\/contents\//).map((r) => String(r.headers.accept))).toEqual([
      expect.stringContaining('json'),
      expect.stringContaining('raw'),
    ]);
    await expect(gh.getFileContent(pr, 'big.txt', 'main', { maxBytes: 1_000_000 })).rejects.toThrow(
      /big\.txt.*1100000 bytes, more than the 1000000 bytes/,
    );
  });
});
