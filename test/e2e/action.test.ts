import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addedFile, FakeGitHub, type FakePullFile } from '../support/fake-github.js';
import { ACTION_ENTRY, pullRequestEvent, runAction, type ActionRun } from '../support/run-action.js';

// Synthetic credentials, made up for these tests.
const AWS_KEYS = Array.from(
  { length: 60 },
  (_, i) =>
    `AKIAZ3MSJV4W${String(i)
      .padStart(2, '0')
      .replace(/\d/g, (d) => 'QRSTUVWXYZ'[Number(d)]!)}NKW3D2`,
);
const GITHUB_TOKEN = 'ghs_e2eTokenThatMustNeverBePrinted000000';

let github: FakeGitHub;

beforeAll(() => {
  if (!existsSync(ACTION_ENTRY)) throw new Error('dist/index.js is missing: run `npm run build` first');
});

afterEach(async () => {
  await github?.stop();
});

function manyFiles(count: number, secretFiles: number): FakePullFile[] {
  return Array.from({ length: count }, (_, i) =>
    i < secretFiles
      ? addedFile(`src/config-${i}.ts`, ['export const region = "eu-west-1";', `export const key = "${AWS_KEYS[i]}";`])
      : addedFile(`src/module-${i}.ts`, [`export const value${i} = ${i};`]),
  );
}

/**
 * Everything a person could see. `::add-mask::` commands are left out: the runner consumes them and never
 * shows them, and they must carry the value to mask it.
 */
function allOutput(run: ActionRun, extra: string[] = []): string {
  const visible = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  return [visible, run.stderr, run.summary, JSON.stringify(run.outputs), ...extra].join('\n');
}

describe('the action on a pull request', () => {
  it('lists every page, annotates each secret on its line, posts one check run, and fails the gate', async () => {
    github = await new FakeGitHub({ files: manyFiles(130, 60) }).start();
    const run = await runAction({
      inputs: { 'github-token': GITHUB_TOKEN },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::Codex hooks gate failed: 60 errors: 60 at or above error/);
    // Pagination: two pages of 100, following the Link header.
    const pages = github.requestsTo('GET', /\/pulls\/42\/files$/);
    expect(pages.map((r) => r.query.get('page') ?? '1')).toEqual(['1', '2']);
    expect(pages.every((r) => r.query.get('per_page') === '100')).toBe(true);

    // One check run on the PR head (never GITHUB_SHA), 60 annotations sent 50 + 10.
    expect(github.checkRuns).toHaveLength(1);
    const check = github.checkRuns[0]!;
    expect(check).toMatchObject({
      name: 'codex-hooks',
      head_sha: 'a'.repeat(40),
      status: 'completed',
      conclusion: 'failure',
    });
    expect(github.requestsTo('PATCH', /check-runs\/\d+$/)).toHaveLength(1);
    expect(check.annotations).toHaveLength(60);
    expect(check.annotations[0]).toMatchObject({
      path: 'src/config-0.ts',
      start_line: 2,
      end_line: 2,
      annotation_level: 'failure',
    });
    expect(new Set(check.annotations.map((a) => a.path)).size).toBe(60);
    expect(check.output.title).toBe('60 errors: 60 at or above error');
    expect(check.output.summary).toMatch(/Codex hooks: ❌ Failed/);

    // Outputs and the JSON report.
    expect(run.outputs).toMatchObject({
      findings: '60',
      secrets: '60',
      conclusion: 'failure',
      'check-run-id': String(check.id),
    });
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    expect(report.version).toBe(1);
    expect(report.conclusion).toBe('failure');
    expect(report.stats).toMatchObject({ files: 130, filesScanned: 130 });
    expect(report.findings[0]).toMatchObject({
      ruleId: 'aws-access-key-id',
      category: 'secret',
      severity: 'error',
      line: 2,
      redacted: 'AKIA…',
    });

    // The job summary has the findings table.
    expect(run.summary).toMatch(/\| 🔴 \| `aws-access-key-id` \| \[`src\/config-0.ts:2`\]/);

    // Nothing secret anywhere: not the token, not a key, in logs, summary, outputs, report or the check run.
    const everything = allOutput(run, [
      readFileSync(run.outputs.report!, 'utf8'),
      JSON.stringify(github.requests.map((r) => r.body)),
    ]);
    expect(everything).not.toContain(GITHUB_TOKEN);
    for (const key of AWS_KEYS) expect(everything).not.toContain(key);
    // The runner is told to mask the token and each secret.
    expect(run.stdout).toContain(`::add-mask::${GITHUB_TOKEN}`);
    for (const key of AWS_KEYS) expect(run.stdout).toContain(`::add-mask::${key}`);
  });

  it('passes a clean pull request', async () => {
    github = await new FakeGitHub({ files: manyFiles(3, 0) }).start();
    const run = await runAction({
      inputs: { 'github-token': 't' },
      event: pullRequestEvent('synchronize'),
      apiUrl: github.url,
    });
    expect(run.code).toBe(0);
    expect(github.checkRuns[0]).toMatchObject({ conclusion: 'success', annotations: [] });
    expect(run.outputs).toMatchObject({ findings: '0', secrets: '0', conclusion: 'success' });
    expect(run.summary).toMatch(/✅ Passed/);
    expect(run.stdout).toMatch(/AI review skipped: the codex-token input is empty/);
  });

  it('with a read-only token still reports every finding as workflow annotations and names the permission', async () => {
    github = await new FakeGitHub({ files: manyFiles(4, 2), readOnlyTokens: ['fork-token'] }).start();
    const run = await runAction({
      inputs: { 'github-token': 'fork-token' },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(run.code).toBe(1);
    expect(github.checkRuns).toHaveLength(0);
    expect(run.stdout).toMatch(
      /::error title=aws-access-key-id,file=src\/config-0\.ts,line=2,endLine=2,col=\d+::AWS access key ID found/,
    );
    expect(run.stdout).toMatch(/::error title=aws-access-key-id,file=src\/config-1\.ts,line=2/);
    expect(run.stdout).toMatch(/::warning::The check run could not be created: .*permissions: checks: write/);
    expect(run.summary).toMatch(/permissions: checks: write/);
    expect(run.summary).toMatch(/src\/config-1\.ts:2/);
    expect(run.outputs.conclusion).toBe('failure');
    expect(run.outputs['check-run-id']).toBeUndefined();
  });

  it('honours include/exclude and lists what it left out', async () => {
    github = await new FakeGitHub({
      files: [
        addedFile('src/a.ts', [`const k = "${AWS_KEYS[0]}";`]),
        addedFile('docs/b.md', [`key: ${AWS_KEYS[1]}`]),
        addedFile('package-lock.json', [`"x": "${AWS_KEYS[2]}"`]),
        { filename: 'logo.svgz', status: 'added', additions: 0, deletions: 0, changes: 0 },
        { filename: 'huge.sql', status: 'modified', additions: 90000, deletions: 0, changes: 90000 },
      ],
    }).start();
    const run = await runAction({
      inputs: { 'github-token': 't', exclude: 'docs/**', 'fail-on': 'never' },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(run.code).toBe(0);
    // The filters decide what is reviewed, never what is scanned for secrets: every changed file is.
    expect(run.outputs).toMatchObject({ findings: '3', secrets: '3', conclusion: 'neutral' });
    expect(github.checkRuns[0]!.annotations.map((a) => a.path).sort()).toEqual([
      'docs/b.md',
      'package-lock.json',
      'src/a.ts',
    ]);
    expect(run.summary).toMatch(/`docs\/b.md`: excluded by 'docs\/\*\*'/);
    expect(run.summary).toMatch(/`package-lock.json`: built-in exclude/);
    expect(run.summary).toMatch(/`logo.svgz`: binary file/);
    expect(run.summary).toMatch(/`huge.sql`: GitHub omitted the diff/);
    expect(run.stdout).toMatch(/::warning::2 files could not be reviewed/);
    expect(run.stdout).toMatch(/::warning::1 changed files were NOT scanned for secrets .*: huge\.sql\./);
  });

  it('ends a run on another event with a notice and success', async () => {
    github = await new FakeGitHub().start();
    const run = await runAction({
      inputs: { 'github-token': 't' },
      event: { ref: 'refs/heads/main' },
      eventName: 'push',
      apiUrl: github.url,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::notice::codex-hooks reviews pull requests; this run was triggered by 'push'/);
    expect(github.requests).toHaveLength(0);
    expect(run.outputs.conclusion).toBe('neutral');
  });

  it('fails with one clear sentence on a bad input, without a stack trace', async () => {
    github = await new FakeGitHub().start();
    const run = await runAction({
      inputs: { 'github-token': 't', 'fail-on': 'high' },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "::error::Configuration error: Input 'fail-on' must be one of error, warning, notice, never; got 'high'",
    );
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(github.requests).toHaveLength(0);
  });

  it('says which service failed and how when GitHub refuses the file listing', async () => {
    github = await new FakeGitHub({ files: manyFiles(2, 0) }).start();
    github.faults.push({ method: 'GET', path: /\/pulls\/42\/files$/, status: 404, body: { message: 'Not Found' } });
    const run = await runAction({ inputs: { 'github-token': 't' }, event: pullRequestEvent(), apiUrl: github.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::GitHub answered 404: could not list the pull request files: Not Found/);
  });

  it('honours dry-run: computes everything and writes nothing to GitHub', async () => {
    github = await new FakeGitHub({ files: manyFiles(2, 1) }).start();
    const run = await runAction({
      inputs: { 'github-token': 't', 'dry-run': 'true' },
      event: pullRequestEvent(),
      apiUrl: github.url,
    });
    expect(run.code).toBe(1);
    expect(github.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
    expect(run.summary).toMatch(/Dry run: nothing was written to GitHub/);
    expect(run.outputs.findings).toBe('1');
  });
});
