import { eventually } from '../../tests/support/poll.js';

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

const empty: Distribution = { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };

/** Nearest-rank percentiles of a sample (milliseconds), rounded to 0.1 ms. */
export function distribution(sample: ArrayLike<number>): Distribution {
  if (sample.length === 0) return empty;
  const sorted = Float64Array.from(sample).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  let sum = 0;
  for (const v of sorted) sum += v;
  const r = (v: number) => Math.round(v * 10) / 10;
  return { count: sorted.length, p50: r(at(0.5)), p95: r(at(0.95)), p99: r(at(0.99)), max: r(sorted[sorted.length - 1]!), mean: r(sum / sorted.length) };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Poll until `check` is truthy or the deadline passes; every wait in the bench is bounded (the tests' poller). */
export function until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs: number, intervalMs = 100): Promise<T> {
  return eventually(async () => check(), { what, timeoutMs, intervalMs });
}

export const fmtInt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-GB') : '–');
export const fmtMs = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : Math.round(n)} ms` : '–');
export const fmtMb = (kb: number) => (Number.isFinite(kb) ? `${Math.round(kb / 1024)} MB` : '–');
