#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  // Read only when a `-` asks for it: a pre-commit hook's stdin may be a terminal.
  readStdin: () => readFileSync(0, 'utf8'),
  stdin: process.stdin,
});
