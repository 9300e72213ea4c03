import { afterEach, describe, expect, it } from 'vitest';
import { samplePullRequest } from '../support/pull-request.js';
import { createGitHubClient } from '../../src/adapters/github/index.js';
import { createRecordingLogger } from '../../src/logger.js';
import { addedFile, FakeGitHub } from '../support/fake-github.js';

const pr = samplePullRequest();

let github: FakeGitHub;
afterEach(async () => github?.stop());

async function list(count: number, changedFiles?: number) {
  github = await new FakeGitHub({
    files: Array.from({ length: count }, (_, i) => addedFile(`f${i}.ts`, ['x'])),
  }).start();
  const client = createGitHubClient({ token: 't', baseUrl: github.url, logger: createRecordingLogger() });
  return client.listPullRequestFiles(changedFiles === undefined ? pr : { ...pr, changedFiles });
}

describe('listPullRequestFiles and the 3,000-file cap', () => {
  it.each([
    ['250 files', 250, 250, false, 3],
    ['exactly 3,000 files, as the PR says', 3000, 3000, false, 30],
    ['3,000 listed of 4,200 changed', 4200, 4200, true, 30],
    ['3,000 listed and no count in the event', 3000, undefined, true, 30],
  ])('%s', async (_name, count, changedFiles, capped, pages) => {
    const listed = await list(count, changedFiles);
    expect(listed.files).toHaveLength(Math.min(count, 3000));
    expect(listed.capped).toBe(capped);
    expect(github.requestsTo('GET', /\/files$/)).toHaveLength(pages);
  });
});
