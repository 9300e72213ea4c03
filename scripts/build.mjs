// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with @vercel/ncc, and the Codex hook
// (dist/codex-hook/) with esbuild: Codex starts the hook on every prompt and tool call, and its start is
// measured against Node's own (docs/codex-hooks.md). esbuild's CommonJS output lets the hook run its body
// through V8's code cache on every supported Node (src/codex-session/compile-cache.ts), with no module
// wrappers to parse twice.
// The output must be byte-for-byte reproducible: CI rebuilds and compares it with what is committed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, rmSync, readdirSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const ncc = path.join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const bundles = [
  { entry: 'src/index.ts', out: 'dist' },
  { entry: 'src/cli/index.ts', out: 'dist/cli' },
];

rmSync('dist', { recursive: true, force: true });
// The three bundles are independent (separate entries and folders): built side by side, the build takes about
// as long as the largest one rather than the sum. Each is the same bytes however they interleave.
const built = await Promise.all([
  buildCodexHook().then(() => ({ b: { entry: 'src/codex-session' }, code: 0 })),
  ...bundles.map(
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
]);
for (const { b, code } of built) if (code !== 0) throw new Error(`ncc failed on ${b.entry} (exit ${code})`);
// The CLI and the hook are the package's bins: they must keep their shebang and be executable.
for (const bin of [path.join('dist', 'cli', 'index.js'), path.join('dist', 'codex-hook', 'index.js')]) {
  const text = readFileSync(bin, 'utf8');
  if (!text.startsWith('#!')) writeFileSync(bin, `#!/usr/bin/env node\n${text}`);
  chmodSync(bin, 0o755);
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

/**
 * dist/codex-hook/: `hook.cjs` (the body, src/codex-session/main.ts), `config-parser.cjs` (YAML and the
 * schema, loaded only when the config is not cached yet) and `index.js` (the entry: finds the code cache and
 * runs the body; it knows the body's content hash, which names the cache entry). All ASCII (esbuild's
 * default): V8 keeps a source with one non-ASCII character as two-byte text and scans it more slowly.
 */
async function buildCodexHook() {
  const out = path.join('dist', 'codex-hook');
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    charset: 'ascii',
    // Less for V8 to read and cache on every start; names are kept, so a stack trace still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    // import() of the config parser as a require(): the body runs in a vm.Script, which has no module loader.
    supported: { 'dynamic-import': false },
    // CommonJS has no import.meta; its one use (createRequire in src/core/lazy-builtin.ts) takes a path too.
    define: { 'import.meta.url': '__filename' },
  };
  const parser = {
    name: 'config-parser',
    setup(b) {
      b.onResolve({ filter: /\/config\/load\.js$/ }, () => ({ path: './config-parser.cjs', external: true }));
    },
  };
  const inputs = [];
  const build = async (options) =>
    inputs.push(...Object.keys((await esbuild.build({ ...common, ...options })).metafile.inputs));
  await Promise.all([
    build({ entryPoints: ['src/codex-session/main.ts'], outfile: path.join(out, 'hook.cjs'), plugins: [parser] }),
    build({ entryPoints: ['src/config/load.ts'], outfile: path.join(out, 'config-parser.cjs') }),
  ]);
  const id = createHash('sha256')
    .update(readFileSync(path.join(out, 'hook.cjs')))
    .digest('hex')
    .slice(0, 16);
  await build({
    entryPoints: ['src/codex-session/index.ts'],
    outfile: path.join(out, 'index.js'),
    define: { ...common.define, HOOK_BODY_ID: JSON.stringify(id) },
  });
  writeFileSync(path.join(out, 'package.json'), '{"type":"commonjs"}\n');
  writeFileSync(path.join(out, 'licenses.txt'), licensesOf(inputs));
}

/** The licences of the packages bundled, in ncc's licenses.txt layout: name, licence, its text. */
function licensesOf(inputs) {
  const roots = new Set();
  for (const input of inputs) {
    const m = /^(.*?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) roots.add(m[1]);
  }
  const entries = [...roots].map((root) => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const file = readdirSync(root).find((n) => /^licen[cs]e/i.test(n));
    const text = file && existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), 'utf8').trim() : '';
    return `${pkg.name}\n${pkg.license ?? ''}\n${text}\n`;
  });
  return [...new Set(entries)].sort().join('\n');
}
