/**
 * Usage limits: at most `maxRequests` per window of `intervalMs`, counted per token id. A window opens with
 * the first request after the previous one closed, so Retry-After is exact for every caller. In memory: a
 * restart starts every window afresh, which errs towards availability; the audit log keeps the true count.
 */

export interface UsageLimit {
  readonly maxRequests: number;
  readonly intervalMs: number;
}

export type UsageDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export class UsageWindows {
  private readonly windows = new Map<string, { start: number; count: number }>();

  /** Counts one request of `id` at `now` (ms) and says whether it is within the limit. */
  take(id: string, limit: UsageLimit, now: number): UsageDecision {
    let window = this.windows.get(id);
    if (!window || now >= window.start + limit.intervalMs) {
      window = { start: now, count: 0 };
      this.windows.set(id, window);
    }
    const { start } = window;
    if (window.count >= limit.maxRequests) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((start + limit.intervalMs - now) / 1000)) };
    }
    window.count++;
    return { allowed: true };
  }
}

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const NAMED_MS: Readonly<Record<string, number>> = {
  minute: 60_000,
  hourly: 3_600_000,
  hour: 3_600_000,
  daily: 86_400_000,
  day: 86_400_000,
  weekly: 604_800_000,
  week: 604_800_000,
  monthly: 30 * 86_400_000,
  month: 30 * 86_400_000,
};

/** `hourly`, `daily`, `weekly`, `monthly` (30 days) or `<n>s|m|h|d|w`; undefined when it is neither. */
export function parseInterval(text: string): number | undefined {
  const named = NAMED_MS[text.trim().toLowerCase()];
  if (named !== undefined) return named;
  const m = /^(\d{1,6})\s*([smhdw])$/.exec(text.trim());
  if (!m || Number(m[1]) === 0) return undefined;
  return Number(m[1]) * UNIT_MS[m[2]!]!;
}
