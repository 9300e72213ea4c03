#!/usr/bin/env node
import os from 'node:os';
import path from 'node:path';
import { loadHookBody } from './compile-cache.js';

/** The build's content hash of `hook.cjs` (scripts/build.mjs defines it). */
declare const HOOK_BODY_ID: string;

// The hook's entry (dist/codex-hook/index.js) only finds the compiled-code cache and runs the body
// (dist/codex-hook/hook.cjs, src/codex-session/main.ts) through it.
const body = loadHookBody<typeof import('./main.js')>(
  { file: path.join(__dirname, 'hook.cjs'), id: HOOK_BODY_ID },
  process.env,
  os.homedir(),
  process.cwd(),
);
if (process.env.CODEX_HOOKS_DEBUG) process.stderr.write(`codex-hooks debug: compile cache ${body.cache.kind}\n`);
void body.exports.run(body.ran);
