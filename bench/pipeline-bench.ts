// A synthetic 3,000-file pull request through the built action, as the runner runs it, against the loopback
// GitHub API. Reports wall time, the child's peak memory and the number of GitHub requests.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { addedFile, FakeGitHub } from '../test/support/fake-github.js';
import { ACTION_ENTRY, pullRequestEvent } from '../test/support/run-action.js';

const FILES = 3000;
const LINES_PER_FILE = 40;

export async function runPipelineBenchmark(): Promise<Record<string, string | number>> {
  const files = Array.from({ length: FILES }, (_, i) => {
    const lines = Array.from(
      { length: LINES_PER_FILE },
      (_, j) => `export const value_${i}_${j} = computeSomething(${j}, "label ${i}-${j}");`,
    );
    // A few planted secrets, so the annotation path runs too.
    if (i % 500 === 0)
      lines.push(`const leaked = "${['AKIA', 'Z3MSJV4WQ', String.fromCharCode(65 + i / 500), 'NKW3D2'].join('')}";`);
    return addedFile(`packages/pkg-${Math.floor(i / 100)}/src/file-${i}.ts`, lines);
  });
  const github = await new FakeGitHub({ files }).start();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-bench-'));
  const eventPath = path.join(dir, 'event.json');
  await writeFile(eventPath, JSON.stringify(pullRequestEvent()));
  await writeFile(path.join(dir, 'out.txt'), '');
  await writeFile(path.join(dir, 'summary.md'), '');
  // Reports the child's peak resident memory when it exits.
  const probe = path.join(dir, 'rss-probe.cjs');
  await writeFile(
    probe,
    "process.on('exit', () => require('fs').writeSync(2, '\\nBENCH_MAX_RSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n",
  );

  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['-r', probe, ACTION_ENTRY], {
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_OUTPUT: path.join(dir, 'out.txt'),
        GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
        GITHUB_API_URL: github.url,
        GITHUB_REPOSITORY: 'acme/widgets',
        RUNNER_TEMP: dir,
        GITHUB_WORKSPACE: dir,
        'INPUT_GITHUB-TOKEN': 'bench-token',
        'INPUT_FAIL-ON': 'never',
        ...(process.env.BENCH_COMMENT_MODE ? { 'INPUT_COMMENT-MODE': process.env.BENCH_COMMENT_MODE } : {}),
      },
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (c) => resolve({ code: c, stderr: err }));
  });
  const wallMs = performance.now() - started;
  await github.stop();
  const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(stderr);
  const requests = github.requests.length;
  if (code !== 0) throw new Error(`the action exited ${code}: ${stderr.slice(-2000)}`);
  return {
    'pipeline: files': FILES,
    'pipeline: added lines': FILES * LINES_PER_FILE,
    'pipeline: wall time (s)': Number((wallMs / 1000).toFixed(2)),
    'pipeline: peak RSS (MiB)': rss ? Number((Number(rss[1]) / 1024).toFixed(1)) : 'unknown',
    'pipeline: GitHub requests': requests,
    'pipeline: annotations': github.checkRuns[0]?.annotations.length ?? 0,
    'pipeline: target': `< 5 s and <= 40 requests: ${wallMs < 5000 && requests <= 40 ? 'met' : 'NOT met'}`,
  };
}
