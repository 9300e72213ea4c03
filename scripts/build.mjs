// Bundles the action (dist/index.js), the CLI (dist/cli/index.js) and the Codex hook (dist/codex-hook/index.js,
// its own lean bundle: Codex starts it on every prompt and tool call) with @vercel/ncc.
// The output must be byte-for-byte reproducible: CI rebuilds and compares it with what is committed.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, rmSync, readdirSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ncc = path.join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const bundles = [
  { entry: 'src/index.ts', out: 'dist' },
  { entry: 'src/cli/index.ts', out: 'dist/cli' },
  { entry: 'src/codex-session/index.ts', out: 'dist/codex-hook' },
];

rmSync('dist', { recursive: true, force: true });
// The three bundles are independent (separate entries and folders): built side by side, the build takes about
// as long as the largest one rather than the sum. Each is the same bytes however they interleave.
const built = await Promise.all(
  bundles.map(
    (b) =>
      new Promise((resolve) => {
        const child = spawn(
          process.execPath,
          [ncc, 'build', b.entry, '-o', b.out, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'],
          { stdio: 'inherit' },
        );
        child.on('error', () => resolve({ b, code: -1 }));
        child.on('close', (code) => resolve({ b, code }));
      }),
  ),
);
for (const { b, code } of built) if (code !== 0) throw new Error(`ncc failed on ${b.entry} (exit ${code})`);
// The CLI and the hook are the package's bins: they must keep their shebang and be executable.
for (const bin of [path.join('dist', 'cli', 'index.js'), path.join('dist', 'codex-hook', 'index.js')]) {
  const text = readFileSync(bin, 'utf8');
  if (!text.startsWith('#!')) writeFileSync(bin, `#!/usr/bin/env node\n${text}`);
  chmodSync(bin, 0o755);
}

// The hook's chunks as ASCII: V8 keeps a source with one non-ASCII character (a `…` in a comment) as two-byte
// text and decodes and scans it more slowly, on every prompt and tool call. A \uXXXX escape means the same
// character in a string, a regex and an identifier, and is inert in a comment; the bundle holds no String.raw.
for (const name of readdirSync(path.join('dist', 'codex-hook')).filter((n) => n.endsWith('.js'))) {
  const file = path.join('dist', 'codex-hook', name);
  const text = readFileSync(file, 'utf8');
  if (text.includes('String.raw')) throw new Error(`${file}: String.raw would see the escapes`);
  writeFileSync(
    file,
    text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
  // An escaped character outside a string (a no-break space between tokens) would not parse: make sure.
  execFileSync(process.execPath, ['--check', file], { stdio: 'inherit' });
}

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
