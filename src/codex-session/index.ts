#!/usr/bin/env node
import os from 'node:os';
import { enableHookCompileCache } from './compile-cache.js';

// The compile cache first, then the bundle it caches: the hook's code is a chunk of its own, loaded here.
const cache = enableHookCompileCache(process.env, os.homedir(), process.cwd());
if (process.env.CODEX_HOOKS_DEBUG) process.stderr.write(`codex-hooks debug: compile cache ${cache.kind}\n`);
const { run } = await import('./main.js');
await run();
