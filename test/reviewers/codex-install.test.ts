import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/logger.js';
import { findOrInstallCodex, PINNED_CODEX_VERSION } from '../../src/reviewers/codex-install.js';

const dirs: string[] = [];
let registry: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (registry ? registry.close(() => resolve()) : resolve()));
  registry = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'codex-install-'));
  dirs.push(dir);
  return dir;
}

function executable(file: string, text: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  chmodSync(file, 0o755);
  return file;
}

/** A PATH with node, npm and sh only (no `codex`), so the lookup falls through to the tool cache. */
function pathWithNpmOnly(): string {
  const npm = (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((d) => path.join(d, 'npm'))
    .find((f) => {
      try {
        accessSync(f, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  if (!npm) throw new Error('npm is not on PATH');
  const bin = path.join(tempDir(), 'bin');
  mkdirSync(bin);
  symlinkSync(process.execPath, path.join(bin, 'node'));
  symlinkSync(npm, path.join(bin, 'npm'));
  // npm runs install scripts with sh.
  symlinkSync('/bin/sh', path.join(bin, 'sh'));
  return bin;
}

/** `@openai/codex` as a tarball: a `codex` bin that prints its version (built offline with `npm pack`). */
function packFakeCodex(version: string): Buffer {
  const dir = tempDir();
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: '@openai/codex',
      version,
      bin: { codex: 'bin/codex.js' },
      scripts: { postinstall: 'node probe.js' },
    }),
  );
  // What an install script could read of the environment npm was given.
  writeFileSync(
    path.join(dir, 'probe.js'),
    "require('fs').writeFileSync(process.env.PROBE_FILE, String(process.env.OPENAI_API_KEY ?? 'absent'));\n",
  );
  executable(path.join(dir, 'bin', 'codex.js'), `#!/usr/bin/env node\nconsole.log('codex-cli ${version} (fake)');\n`);
  const out = tempDir();
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', out], {
    cwd: dir,
    encoding: 'utf8',
  }).trim();
  return readFileSync(path.join(out, name));
}

/** A loopback npm registry holding that one package; every request is recorded. */
async function startRegistry(version: string, tarball: Buffer): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  registry = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const url = decodeURIComponent(req.url ?? '');
    const origin = `http://127.0.0.1:${(registry!.address() as AddressInfo).port}`;
    if (url === '/@openai/codex') {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          name: '@openai/codex',
          'dist-tags': { latest: version },
          versions: {
            [version]: {
              name: '@openai/codex',
              version,
              bin: { codex: 'bin/codex.js' },
              scripts: { postinstall: 'node probe.js' },
              hasInstallScript: true,
              dist: {
                tarball: `${origin}/@openai/codex/-/codex-${version}.tgz`,
                shasum: createHash('sha1').update(tarball).digest('hex'),
                integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
              },
            },
          },
        }),
      );
    } else if (url === `/@openai/codex/-/codex-${version}.tgz`) {
      res.setHeader('content-type', 'application/octet-stream');
      res.end(tarball);
    } else {
      res.statusCode = 404;
      res.end('{"error":"not found"}');
    }
  });
  await new Promise<void>((resolve) => registry!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(registry.address() as AddressInfo).port}/`, requests };
}

describe('findOrInstallCodex', () => {
  it('takes `codex` on PATH first, and says so', async () => {
    const bin = path.join(tempDir(), 'bin');
    const codex = executable(path.join(bin, 'codex'), '#!/bin/sh\necho codex\n');
    const logger = createRecordingLogger();
    const found = await findOrInstallCodex({ env: { PATH: bin, RUNNER_TOOL_CACHE: tempDir() }, logger });
    expect(found).toBe(codex);
    expect(logger.lines).toContain(`info: Codex CLI: ${codex} (on PATH)`);
  });

  it('uses the pinned version already in the tool cache without installing', async () => {
    const cache = tempDir();
    const dir = path.join(cache, 'codex', PINNED_CODEX_VERSION, 'x64');
    const codex = executable(path.join(dir, 'node_modules', '.bin', 'codex'), '#!/bin/sh\necho codex\n');
    writeFileSync(`${dir}.complete`, '');
    const logger = createRecordingLogger();
    const found = await findOrInstallCodex({ env: { PATH: pathWithNpmOnly(), RUNNER_TOOL_CACHE: cache }, logger });
    expect(found).toBe(codex);
    expect(logger.lines.join('\n')).toMatch(/tool cache, @openai\/codex 0\.171\.0/);
  });

  it('installs the pinned version into the tool cache from the registry npm is given, logged, and marks it complete', async () => {
    const version = PINNED_CODEX_VERSION;
    const { url, requests } = await startRegistry(version, packFakeCodex(version));
    const cache = tempDir();
    const logger = createRecordingLogger();
    const env = {
      PATH: pathWithNpmOnly(),
      HOME: tempDir(),
      RUNNER_TOOL_CACHE: cache,
      npm_config_registry: url,
      npm_config_cache: path.join(tempDir(), 'npm-cache'),
      npm_config_update_notifier: 'false',
      PROBE_FILE: path.join(tempDir(), 'probe.txt'),
      // Not for npm: it must not reach the install script.
      OPENAI_API_KEY: 'sk-never-for-npm',
    };
    const found = await findOrInstallCodex({ env, logger });

    const dir = path.join(cache, 'codex', version, 'x64');
    expect(found).toBe(path.join(dir, 'node_modules', '.bin', 'codex'));
    expect(existsSync(`${dir}.complete`)).toBe(true);
    expect(execFileSync(found, { encoding: 'utf8', env: { PATH: env.PATH } })).toContain(`codex-cli ${version} (fake)`);
    // Nothing left the machine: npm asked the loopback registry for the package and its tarball.
    expect(requests).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GET \/@openai%2[fF]codex$/),
        `GET /@openai/codex/-/codex-${version}.tgz`,
      ]),
    );
    expect(readFileSync(env.PROBE_FILE, 'utf8')).toBe('absent');
    const log = logger.lines.join('\n');
    expect(log).toContain(`installing @openai/codex@${version} into the tool cache (${dir})`);
    expect(log).toContain(`installed @openai/codex@${version} at ${found}`);
  });
});
