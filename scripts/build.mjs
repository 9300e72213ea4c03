// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with @vercel/ncc.
// The output must be byte-for-byte reproducible: CI rebuilds and compares it with what is committed.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync, readdirSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ncc = path.join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const bundles = [
  { entry: 'src/index.ts', out: 'dist' },
  { entry: 'src/cli/index.ts', out: 'dist/cli' },
];

rmSync('dist', { recursive: true, force: true });
for (const b of bundles) {
  execFileSync(
    process.execPath,
    [ncc, 'build', b.entry, '-o', b.out, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'],
    {
      stdio: 'inherit',
    },
  );
}
// The CLI is the package's bin: it must keep its shebang and be executable.
const cli = path.join('dist', 'cli', 'index.js');
const text = readFileSync(cli, 'utf8');
if (!text.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
chmodSync(cli, 0o755);

let bytes = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else bytes += statSync(p).size;
  }
};
walk('dist');
console.log(`dist/ built: ${(bytes / 1024).toFixed(0)} KiB`);
