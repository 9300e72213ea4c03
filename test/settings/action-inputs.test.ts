import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/settings/action-inputs.js';
import { ConfigurationError } from '../../src/errors.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('readInputs', () => {
  it('applies the documented defaults', () => {
    const inputs = readInputs(reader({ 'github-token': 't' }));
    expect(inputs).toMatchObject({
      config: '.github/codex-hooks.yml',
      configRef: 'base',
      include: ['**'],
      exclude: [],
      failOn: 'error',
      secretAction: 'block',
      fingerprintKey: '',
      commentMode: 'review',
      onHookError: 'warn',
      hookTimeoutMs: 60_000,
      hookRetries: 3,
      hookMaxBytes: 500_000,
      maxComments: 30,
      requestChanges: false,
      sarifFile: '',
      dryRun: false,
    });
    expect(Object.isFrozen(inputs)).toBe(true);
  });

  it('fingerprint-key: a short key is refused with its length only, never its text', () => {
    expect(() => readInputs(reader({ 'fingerprint-key': 'hunter2-short' }))).toThrow(
      "Input 'fingerprint-key' must be at least 16 characters (a random repository secret); got 13",
    );
    try {
      readInputs(reader({ 'fingerprint-key': 'hunter2-short' }));
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
    expect(readInputs(reader({ 'fingerprint-key': ' k'.repeat(10) })).fingerprintKey).toBe('k k k k k k k k k k');
  });

  it('reads lists of globs separated by newlines or commas', () => {
    const inputs = readInputs(reader({ include: 'src/**\n.github/**', exclude: '**/*.snap, docs/**' }));
    expect(inputs.include).toEqual(['src/**', '.github/**']);
    expect(inputs.exclude).toEqual(['**/*.snap', 'docs/**']);
  });

  it.each([
    ['fail-on', 'high', "Input 'fail-on' must be one of error, warning, notice, never; got 'high'"],
    ['secret-action', 'ignore', "Input 'secret-action' must be one of block, redact; got 'ignore'"],
    ['comment-mode', 'loud', "Input 'comment-mode' must be one of review, check, none; got 'loud'"],
    ['on-hook-error', 'ignore', "Input 'on-hook-error' must be one of warn, fail; got 'ignore'"],
    ['config-ref', 'main', "Input 'config-ref' must be one of base, head; got 'main'"],
    ['hook-timeout', '0', "Input 'hook-timeout' must be a whole number from 1 to 600; got '0'"],
    ['hook-retries', 'three', "Input 'hook-retries' must be a whole number from 0 to 10; got 'three'"],
    ['max-comments', '-1', "Input 'max-comments' must be a whole number from 0 to 1000; got '-1'"],
    ['dry-run', 'maybe', "Input 'dry-run' must be true or false; got 'maybe'"],
    [
      'include',
      '!src/**',
      "Input 'include' has an invalid glob '!src/**': negated globs are not supported: list the path under exclude instead",
    ],
  ])('refuses %s = %j with a clear message', (name, value, message) => {
    const read = () => readInputs(reader({ [name]: value }));
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(message);
  });
});
