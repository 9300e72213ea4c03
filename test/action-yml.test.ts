import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUT_DEFAULTS, readInputs } from '../src/settings/action-inputs.js';
import { ROOT } from './support/run-action.js';

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

// The action's contract (README.md, docs/architecture.md): these names are what users write in workflows.
const INPUTS = [
  'github-token',
  'codex-token',
  'hook-url',
  'reviewer',
  'model',
  'openai-api-key',
  'openai-base-url',
  'azure-api-version',
  'max-input-tokens',
  'max-output-tokens',
  'config',
  'config-ref',
  'include',
  'exclude',
  'fail-on',
  'secret-action',
  'fingerprint-key',
  'comment-mode',
  'on-hook-error',
  'hook-timeout',
  'hook-retries',
  'hook-max-bytes',
  'max-comments',
  'request-changes',
  'sarif-file',
  'dry-run',
  'github-max-wait',
  'escalate-reviewers',
  'escalate-label',
  'escalate-on',
];
const OUTPUTS = ['findings', 'secrets', 'conclusion', 'report', 'check-run-id', 'review-id'];

describe('action.yml', () => {
  it('runs dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares every input of the contract, each described, and nothing else', () => {
    expect(Object.keys(action.inputs)).toEqual(INPUTS);
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toBeTruthy();
  });

  it('declares every output of the contract, each described', () => {
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(OUTPUTS));
    for (const [name, output] of Object.entries(action.outputs)) expect(output.description, name).toBeTruthy();
  });

  it('has the same defaults as the code', () => {
    for (const [name, value] of Object.entries(INPUT_DEFAULTS)) expect(action.inputs[name]?.default, name).toBe(value);
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
  });

  it('accepts its own defaults', () => {
    const defaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? '']));
    expect(() => readInputs((name) => defaults[name] ?? '')).not.toThrow();
  });

  it('is documented in the README: every input and output in its table', () => {
    for (const name of [...INPUTS, ...Object.keys(action.outputs)]) expect(readme, name).toContain(`| \`${name}\` |`);
  });
});
