import { describe, expect, it } from 'vitest';
import { LineRanges } from '../../src/core/diff/line-ranges.js';

describe('LineRanges', () => {
  it.each([
    ['nothing', [], []],
    ['empty ranges dropped', [[5, 5]], []],
    ['one range', [[3, 6]], [3, 4, 5]],
    [
      'unsorted',
      [
        [10, 12],
        [1, 3],
      ],
      [1, 2, 10, 11],
    ],
    [
      'overlapping merged',
      [
        [1, 5],
        [3, 8],
      ],
      [1, 2, 3, 4, 5, 6, 7],
    ],
    [
      'contained',
      [
        [1, 10],
        [2, 3],
      ],
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    ],
    [
      'touching merged',
      [
        [1, 3],
        [3, 5],
      ],
      [1, 2, 3, 4],
    ],
  ] as [string, [number, number][], number[]][])('%s', (_name, ranges, lines) => {
    const set = new LineRanges(ranges);
    expect([...set]).toEqual(lines);
    expect(set.size).toBe(lines.length);
    for (let n = 0; n <= 13; n++) expect(set.has(n)).toBe(lines.includes(n));
  });
});
