import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Every temp folder the tests make (workspaces, git repositories, runner files) goes under one folder for
 * the run, removed at the end: the suite leaves nothing behind in the machine's temp directory.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'codex-hooks-tests-'));
  process.env.TMPDIR = root;
  return async () => {
    await rm(root, { recursive: true, force: true });
  };
}
