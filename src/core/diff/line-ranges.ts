/**
 * A set of line numbers stored as sorted, disjoint ranges: a hunk's lines are consecutive, so a whole-file
 * diff of 100,000 lines is one range rather than 100,000 set entries.
 */
export class LineRanges implements Iterable<number> {
  /** Flat [start, end) pairs, sorted and merged. */
  private readonly bounds: readonly number[];
  readonly size: number;

  /** `ranges` are [start, end) pairs in any order; empty ones are dropped, overlapping ones merged. */
  constructor(ranges: readonly (readonly [number, number])[]) {
    const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
    const bounds: number[] = [];
    let size = 0;
    for (const [start, end] of sorted) {
      const last = bounds.length - 1;
      if (last > 0 && start <= bounds[last]!) {
        if (end > bounds[last]!) {
          size += end - bounds[last]!;
          bounds[last] = end;
        }
      } else {
        bounds.push(start, end);
        size += end - start;
      }
    }
    this.bounds = bounds;
    this.size = size;
  }

  has(line: number): boolean {
    const b = this.bounds;
    let lo = 0;
    let hi = b.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (line < b[2 * mid]!) hi = mid - 1;
      else if (line >= b[2 * mid + 1]!) lo = mid + 1;
      else return true;
    }
    return false;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (let i = 0; i < this.bounds.length; i += 2) for (let n = this.bounds[i]!; n < this.bounds[i + 1]!; n++) yield n;
  }
}
