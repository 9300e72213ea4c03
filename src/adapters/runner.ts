import { appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import type { RunnerPort } from '../ports.js';

export function createActionsRunner(env: NodeJS.ProcessEnv = process.env): RunnerPort {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  return {
    getInput: (name) => core.getInput(name),
    setSecret: (value) => core.setSecret(value),
    setOutput: (name, value) => core.setOutput(name, value),
    group: (name, fn) => core.group(name, fn),
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    notice: (m) => core.notice(m),
    warning: (m) => core.warning(m),
    error: (m) => core.error(m),
    annotate: (level, message, p) => {
      const props: core.AnnotationProperties = {
        ...(p.title !== undefined ? { title: p.title } : {}),
        ...(p.file !== undefined ? { file: p.file } : {}),
        ...(p.startLine !== undefined ? { startLine: p.startLine } : {}),
        ...(p.endLine !== undefined ? { endLine: p.endLine } : {}),
        ...(p.startColumn !== undefined ? { startColumn: p.startColumn } : {}),
      };
      if (level === 'error') core.error(message, props);
      else if (level === 'warning') core.warning(message, props);
      else core.notice(message, props);
    },
    appendSummary: async (markdown) => {
      // Without GITHUB_STEP_SUMMARY (a runner older than 2.297 or a local run) the summary goes to a file, never
      // to the log: endpoint text there could hold a line the runner would obey (`::stop-commands::`, `::error`).
      if (!env.GITHUB_STEP_SUMMARY) {
        const file = path.join(env.RUNNER_TEMP || os.tmpdir(), 'codex-hooks-summary.md');
        await appendFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, { flag: 'a' });
        core.info(`GITHUB_STEP_SUMMARY is not set: the summary was written to ${file}`);
        return;
      }
      await core.summary.addRaw(markdown, true).write();
    },
    setFailed: (m) => core.setFailed(m),
    event: {
      eventName: context.eventName ?? '',
      payload: (context.payload ?? {}) as Record<string, unknown>,
      repository: owner && repo ? { owner, repo } : undefined,
      apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
      serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
      runId: env.GITHUB_RUN_ID ?? '',
      runAttempt: env.GITHUB_RUN_ATTEMPT ?? '',
      workflow: env.GITHUB_WORKFLOW ?? '',
      actor: env.GITHUB_ACTOR ?? '',
      workspace: env.GITHUB_WORKSPACE || process.cwd(),
    },
  };
}
