import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect } from 'vitest';
import type { FakeEndpoint } from './fake-endpoint.js';
import type { FakeGitHub } from './fake-github.js';
import type { ActionRun } from './run-action.js';

/** Every form a planted value could leak in: raw, JSON-escaped, base64, base64url, URL-encoded. */
export function leakForms(value: string): string[] {
  const forms = [
    value,
    JSON.stringify(value).slice(1, -1),
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
    encodeURIComponent(value),
  ];
  return [...new Set(forms)];
}

/** Where a run's outputs went: the run, the fakes it talked to, and files it wrote (SARIF, audit logs). */
export interface RunOutputs {
  readonly run?: ActionRun;
  /** The CLI's output, when a CLI run is checked. */
  readonly cli?: { readonly stdout: string; readonly stderr: string };
  readonly github?: FakeGitHub;
  readonly endpoint?: FakeEndpoint;
  /** More files or folders to read whole (gzip members included): the workspace's SARIF and audit logs. */
  readonly files?: readonly string[];
}

/**
 * Every output a person or a service could see: logs (without the runner's add-mask commands, which the runner
 * consumes), outputs, the job summary, the files the run wrote in its temp folder (the JSON report), every
 * request body sent to GitHub (check run, reviews, comments) and every request sent to the endpoint.
 */
export async function collectOutputs(outputs: RunOutputs): Promise<string> {
  const parts: string[] = [];
  const { run } = outputs;
  if (run) {
    parts.push(withoutMasks(run.stdout), run.stderr, run.summary, JSON.stringify(run.outputs));
    // The event payload is the test's input, not an output.
    for (const file of await listFiles(run.dir)) {
      if (path.basename(file) !== 'event.json') parts.push(await readText(file));
    }
  }
  if (outputs.cli) parts.push(outputs.cli.stdout, outputs.cli.stderr);
  if (outputs.github) {
    for (const r of outputs.github.requests) parts.push(r.path, JSON.stringify(r.body ?? null));
  }
  if (outputs.endpoint) {
    for (const r of outputs.endpoint.received) {
      const headers = Object.entries(r.headers).filter(([name]) => name !== 'authorization');
      parts.push(r.raw, JSON.stringify(headers));
    }
  }
  for (const file of outputs.files ?? []) {
    for (const f of await listFiles(file)) parts.push(await readText(f));
  }
  return parts.join('\n');
}

/** Asserts that no planted value appears, in any form, in any output of the run. */
export async function expectAbsentEverywhere(planted: readonly string[], outputs: RunOutputs): Promise<void> {
  const everything = await collectOutputs(outputs);
  for (const value of planted) {
    expect(value.length, 'a planted value must be non-trivial').toBeGreaterThan(7);
    for (const form of leakForms(value)) {
      if (everything.includes(form)) {
        const at = everything.indexOf(form);
        const around = everything.slice(Math.max(0, at - 120), at).replaceAll(value, '<PLANTED>');
        expect.fail(`a planted value leaked (as ${form === value ? 'itself' : 'an encoding'}) after: …${around}`);
      }
    }
  }
}

function withoutMasks(stdout: string): string {
  return stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [root];
  const out: string[] = [];
  for (const e of entries) {
    const full = path.join(root, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

async function readText(file: string): Promise<string> {
  const bytes = await readFile(file).catch(() => Buffer.alloc(0));
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch {
      return bytes.toString('utf8');
    }
  }
  return bytes.toString('utf8');
}
