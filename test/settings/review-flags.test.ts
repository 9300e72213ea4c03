import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/settings/action-inputs.js';
import { readReviewFlags } from '../../src/settings/review-flags.js';

describe('readReviewFlags', () => {
  it("without flags: the action's defaults, the model timeout included", () => {
    expect(readReviewFlags({})).toEqual(readInputs(() => ''));
    expect(readReviewFlags({ 'hook-timeout': '' }).hookTimeoutMs).toBe(60_000);
  });

  it('--hook-timeout sets the endpoint and model timeout, in seconds', () => {
    expect(readReviewFlags({ 'hook-timeout': '300' }).hookTimeoutMs).toBe(300_000);
  });

  it.each([
    ['0', "--hook-timeout must be a whole number from 1 to 600; got '0'"],
    ['5m', "--hook-timeout must be a whole number from 1 to 600; got '5m'"],
  ])('refuses --hook-timeout %s with the action rule, naming the flag', (value, message) => {
    expect(() => readReviewFlags({ 'hook-timeout': value })).toThrow(message);
  });

  it('reads no other flag as an input (the review command has its own --include, --fail-on …)', () => {
    expect(readReviewFlags({ 'fail-on': 'bogus', include: '!x' })).toEqual(readInputs(() => ''));
  });
});
