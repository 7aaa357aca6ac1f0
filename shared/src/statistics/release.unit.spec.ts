import { describe, expect, it } from 'vitest';
import { addMonths, within, type MonthWindow } from './months.js';
import { decideRelease } from './release.js';
import type { StatisticsSnapshot } from './revision.js';
import { count, type RawCell } from './suppression.js';
import { monthsOf } from './periods.js';

const THRESHOLD = 5;

/** One measure counted from dated records: `perMonth[i]` records in the i-th month from `first`. */
function series(first: string, perMonth: readonly number[]) {
  const dates = perMonth.flatMap((n, i) => Array.from({ length: n }, () => `${addMonths(first, i)}-15T12:00:00Z`));
  return (window: MonthWindow): RawCell[] => [count('spo.applications', dates.filter((d) => within(d, window)).length)];
}

/** Every month released in turn, as an agency publishes them, each knowing the releases before it. */
function releaseAll(first: string, perMonth: readonly number[]): StatisticsSnapshot[] {
  const rawOf = series(first, perMonth);
  const published: StatisticsSnapshot[] = [];
  perMonth.forEach((_, i) => {
    const month = addMonths(first, i);
    published.push({ month, suppressionThreshold: THRESHOLD, ...decideRelease({ month, threshold: THRESHOLD, rawOf, published }) });
  });
  return published;
}

const valueOf = (cells: StatisticsSnapshot['cells']) => cells[0]!;

/**
 * The attacker: every value the suppressed months could take (1 to threshold − 1 each: one figure, in no
 * group, is suppressed only for being small) that agrees with every published figure, a suppressed period
 * being at least 1 (it may be small, or withheld).
 */
function feasible(releases: readonly StatisticsSnapshot[], truth: readonly number[], first: string) {
  const months = releases.map((r) => r.month);
  const hidden = releases.map((r, i) => (valueOf(r.cells).suppressed ? i : -1)).filter((i) => i >= 0);
  const periods = releases.flatMap((r) => r.periods ?? []).map((p) => {
    const span = monthsOf(p).map((m) => months.indexOf(m));
    const cell = valueOf(p.cells);
    const actual = span.reduce((s, i) => s + (i >= 0 ? truth[i]! : 0), 0);
    return { span, value: cell.value, small: cell.suppressed && actual < THRESHOLD };
  });
  const seen = new Map<number, Set<number>>(hidden.map((i) => [i, new Set()]));
  const periodSeen = periods.map(() => new Set<number>());
  const values = [...truth];
  const visit = (k: number) => {
    if (k === hidden.length) {
      const sums = periods.map((p) => p.span.reduce((s, i) => s + (i >= 0 ? values[i]! : 0), 0));
      const ok = periods.every((p, j) => (p.value !== null ? sums[j] === p.value : sums[j]! >= 1));
      if (!ok) return;
      for (const i of hidden) seen.get(i)!.add(values[i]!);
      periods.forEach((p, j) => { if (p.value === null) periodSeen[j]!.add(sums[j]!); });
      return;
    }
    for (let v = 1; v < THRESHOLD; v++) {
      values[hidden[k]!] = v;
      visit(k + 1);
    }
  };
  visit(0);
  void first;
  return { months: [...seen].map(([i, s]) => ({ month: months[i]!, values: s.size })), periods: periods.map((p, j) => ({ ...p, values: periodSeen[j]!.size })) };
}

describe('a release with its quarter and 12 months', () => {
  it('publishes a quarter whose months are all suppressed, so a ratio over it can be given', () => {
    const [, , march] = releaseAll('2026-01', [2, 3, 1]);
    expect(march!.cells).toEqual([{ measure: 'spo.applications', value: null, suppressed: true }]);
    const quarter = march!.periods!.find((p) => p.period === 'quarter')!;
    expect(quarter).toMatchObject({ from: '2026-01', to: '2026-03', cells: [{ measure: 'spo.applications', value: 6, suppressed: false }] });
  });

  it('withholds a quarter that, less its published months, would give away the one suppressed month', () => {
    const [, , march] = releaseAll('2026-01', [3, 6, 0]);
    expect(march!.periods!.find((p) => p.period === 'quarter')!.cells[0]).toEqual({ measure: 'spo.applications', value: null, suppressed: true });
  });

  it('withholds a quarter whose suppressed months would all be pinned to a bound (two months of 4 make 8)', () => {
    const [, , march] = releaseAll('2026-01', [4, 4, 0]);
    expect(march!.periods!.find((p) => p.period === 'quarter')!.cells[0]!.suppressed).toBe(true);
  });

  it('withholds the year ending a quarter when, less the year before, it would give away a month', () => {
    // Every month of 2025 published; in 2026 January and February published, March suppressed. The year ending
    // March 2026 less the year ending December 2025 is the first quarter of 2026 less that of 2025.
    const releases = releaseAll('2025-01', [6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 3]);
    const december = releases[11]!.periods!;
    expect(december.map((p) => [p.period, p.cells[0]!.value])).toEqual([['quarter', 18], ['rolling_12_months', 72]]);
    const march = releases.at(-1)!;
    expect(march.cells[0]!.suppressed).toBe(true);
    expect(march.periods!.map((p) => [p.period, p.cells[0]!.suppressed])).toEqual([['quarter', true], ['rolling_12_months', true]]);
    // Months that are not a quarter's last carry no periods.
    expect(releases[0]!.periods).toEqual([]);
  });

  it('withholds a quarter\'s part where the total less the other parts would give away the small one', () => {
    const perMonth = { completed: [6, 6, 6], high: [1, 2, 0], medium: [5, 4, 6] };
    const rawOf = (window: MonthWindow): RawCell[] => {
      const sum = (xs: number[]) => xs.reduce((a, i, k) => a + (within(`2026-0${k + 1}-15T12:00:00Z`, window) ? i : 0), 0);
      return [count('dash', sum(perMonth.completed), 'completed'), count('risk.grade', sum(perMonth.high), 'high', 'dash/completed'), count('risk.grade', sum(perMonth.medium), 'medium', 'dash/completed')];
    };
    const published: StatisticsSnapshot[] = [];
    for (const month of ['2026-01', '2026-02', '2026-03']) published.push({ month, suppressionThreshold: THRESHOLD, ...decideRelease({ month, threshold: THRESHOLD, rawOf, published }) });
    const quarter = published[2]!.periods!.find((p) => p.period === 'quarter')!.cells;
    expect(quarter).toEqual([
      { measure: 'dash', breakdown: 'completed', value: 18, suppressed: false },
      { measure: 'risk.grade', breakdown: 'high', value: null, suppressed: true },
      { measure: 'risk.grade', breakdown: 'medium', value: null, suppressed: true },
    ]);
  });

  it('decides a quarter on today\'s counts when a late record has changed a month published before', () => {
    const before = [6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6];
    const rawBefore = series('2025-01', before);
    const published: StatisticsSnapshot[] = [];
    before.forEach((_, i) => {
      const month = addMonths('2025-01', i);
      published.push({ month, suppressionThreshold: THRESHOLD, ...decideRelease({ month, threshold: THRESHOLD, rawOf: rawBefore, published }) });
    });
    // A June 2025 record entered late, then January to March 2026: 3, 2, 0.
    const rawNow = series('2025-01', [6, 6, 6, 6, 6, 7, 6, 6, 6, 6, 6, 6, 3, 2, 0]);
    for (const month of ['2026-01', '2026-02', '2026-03']) published.push({ month, suppressionThreshold: THRESHOLD, ...decideRelease({ month, threshold: THRESHOLD, rawOf: rawNow, published }) });
    expect(published.at(-1)!.periods!.map((p) => [p.period, p.cells[0]!.value])).toEqual([['quarter', 5], ['rolling_12_months', 60]]);
  });

  it('keeps a figure suppressed in every later release of the same month, so two revisions cannot be subtracted', () => {
    const first = releaseAll('2026-01', [3, 6, 0]);
    expect(first[2]!.periods![0]!.cells[0]!.suppressed).toBe(true);
    // A late March record: the quarter, 3 + 6 + 1, would no longer pin January alone, but it stays suppressed.
    const rawNow = series('2026-01', [3, 6, 1]);
    const again = decideRelease({ month: '2026-03', threshold: THRESHOLD, rawOf: rawNow, published: first });
    expect(again.periods!.map((p) => p.cells[0]!.suppressed)).toEqual([true, true]);
    expect(again.cells[0]!.suppressed).toBe(true);
  });

  it('does not withhold a month because a year at the edge of the audit holds a suppressed month beyond it', () => {
    const months = [...Array(12).fill(6), 3, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 2, ...Array(15).fill(9)];
    const releases = releaseAll('2025-01', months);
    const months2028 = releases.filter((r) => r.month >= '2028-01');
    expect(months2028.map((r) => r.cells[0]!.value)).toEqual([9, 9, 9]);
  });

  it('never lets a suppressed month or period be worked out from everything published (random series, every assignment tried)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    let publishedPeriods = 0;
    let checked = 0;
    for (let run = 0; run < 40; run++) {
      const truth = Array.from({ length: 15 }, () => { const r = random(); return r < 0.3 ? 0 : r < 0.85 ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 5); });
      const releases = releaseAll('2025-01', truth);
      if (releases.filter((r) => r.cells[0]!.suppressed).length > 10) continue;
      checked++;
      const result = feasible(releases, truth, '2025-01');
      for (const m of result.months) expect(m.values, `run ${run}: ${truth.join(',')} month ${m.month}`).toBeGreaterThan(1);
      for (const p of result.periods) if (p.value === null && p.small) expect(p.values, `run ${run}: small period`).toBeGreaterThan(1);
      publishedPeriods += result.periods.filter((p) => p.value !== null).length;
    }
    // Most series small enough to try every assignment, and not everything withheld: periods get through.
    expect(checked).toBeGreaterThan(25);
    expect(publishedPeriods).toBeGreaterThan(20);
  });
});
