import { monthWindow, type Month, type MonthWindow } from './months.js';
import { monthsOf, periodsEnding, periodWindow, spanOf, type PeriodKind, type PeriodSpan } from './periods.js';
import type { StatisticsSnapshot } from './revision.js';
import { cellKey, suppress, type RawCell, type StatisticCell } from './suppression.js';
import { audit, type Equation, type Unknown } from './disclosure.js';

/** Releases this many months either side of the one decided are audited with it (and the months their years span). */
export const AUDIT_HORIZON_MONTHS = 24;

/** A family of totals and parts larger than this is not audited: its periods are withheld wherever a month is suppressed. */
export const LARGEST_AUDITED_FAMILY = 12;

export interface ReleaseInput {
  month: Month;
  threshold: number;
  /** The figures before suppression for any window (a month, a quarter, 12 months), from the records. */
  rawOf(window: MonthWindow): RawCell[];
  /** Measures counted as things stood at a window's end (not summed over it): not published for periods. */
  stocks?: readonly string[];
  /** Every release this service has published, every revision, oldest first. */
  published: readonly StatisticsSnapshot[];
  /** False: the month's figures only, no quarter or year (STATISTICS_PERIODS). */
  periods?: boolean;
}

type Decided = Pick<StatisticsSnapshot, 'cells' | 'periods'>;

interface Scope {
  span: PeriodSpan;
  cells: Map<string, StatisticCell>;
}

const scopeId = (span: PeriodSpan) => `${span.period}:${span.to}`;
const figureId = (span: PeriodSpan, key: string) => `${scopeId(span)}|${key}`;

/**
 * A month's release: the month's figures (primary and secondary suppression, as every month), then the
 * quarter's and the year's. A period figure is published only where nothing suppressed, in this release or
 * any other within two years of it, could then be worked out from what is published (a period less its
 * other months, two years less each other, a total less its parts); where it could, it is suppressed too.
 * A month figure is likewise suppressed where, with periods published before it (a revision of an earlier
 * month), it would give away a suppressed one. A figure suppressed in an earlier release of the same month
 * stays suppressed in every later one, so two revisions cannot be subtracted either.
 */
export function decideRelease(input: ReleaseInput): Decided {
  const { month, threshold } = input;
  const monthRaw = input.rawOf(monthWindow(month));
  // Which figures are sums (counts of events), and which are parts of which total, as the month's measures say.
  const additive = new Set(monthRaw.filter((c) => c.base === undefined && !input.stocks?.includes(c.measure)).map(cellKey));
  const totalOf = new Map(monthRaw.filter((c) => c.partOf).map((c) => [cellKey(c), c.partOf!]));
  const family = familiesOf(additive, totalOf);

  const rawMemo = new Map<string, Map<string, number | null>>();
  const rawCells = (span: PeriodSpan) => {
    const cells = input.rawOf(periodWindow(span));
    rawMemo.set(scopeId(span), new Map(cells.map((c) => [cellKey(c), c.value])));
    return cells;
  };
  const trueValue = (span: PeriodSpan, key: string) => {
    if (!rawMemo.has(scopeId(span))) rawCells(span);
    return rawMemo.get(scopeId(span))!.get(key) ?? null;
  };
  const current: Scope = { span: spanOf('month', month), cells: keyed(suppress(rawCells(spanOf('month', month)), threshold)) };
  const periods: Scope[] = (input.periods === false ? [] : periodsEnding(month)).map((span) => {
    const raw = rawCells(span).filter((c) => !input.stocks?.includes(c.measure));
    // Primary suppression only: a period's totals and months are the audit's below.
    return { span, cells: keyed(suppress(raw.map(({ partOf: _, ...c }) => c), threshold)) };
  });
  const withhold = (scope: Scope, key: string) => {
    const cell = scope.cells.get(key)!;
    scope.cells.set(key, { ...cell, value: null, suppressed: true });
  };
  // Once suppressed in a release of this month, suppressed in every later one.
  for (const earlier of input.published.filter((p) => p.month === month)) {
    const suppressedIn = (cells: readonly StatisticCell[]) => cells.filter((c) => c.suppressed).map(cellKey);
    for (const key of suppressedIn(earlier.cells)) if (current.cells.has(key)) withhold(current, key);
    for (const q of earlier.periods ?? []) {
      const scope = periods.find((p) => p.span.period === q.period);
      for (const key of suppressedIn(q.cells)) if (scope?.cells.has(key)) withhold(scope, key);
    }
  }
  const others = latestOfEachMonth(input.published)
    .filter((p) => p.month !== month && Math.abs(monthsApart(p.month, month)) <= AUDIT_HORIZON_MONTHS + 11)
    .flatMap((p): Scope[] => [
      { span: spanOf('month', p.month), cells: keyed(p.cells) },
      // A year's months reach 11 months behind it: periods within the horizon, their months within it and the year.
      ...(Math.abs(monthsApart(p.month, month)) <= AUDIT_HORIZON_MONTHS ? p.periods ?? [] : [])
        .map((q) => ({ span: { period: q.period, from: q.from, to: q.to }, cells: keyed(q.cells) })),
    ]);
  const world = [current, ...periods, ...others];

  // Period figures not decided yet are, to the audit, not published: each is decided knowing the ones before it.
  const pending = new Set(periods.flatMap((p) => [...p.cells].filter(([, c]) => !c.suppressed).map(([key]) => figureId(p.span, key))));
  const auditOf = (key: string) => {
    const members = family.get(key) ?? [key];
    if (members.length > LARGEST_AUDITED_FAMILY) return 'too_large' as const;
    const { unknowns, equations } = systemOf(world, members, totalOf, threshold, trueValue, pending);
    // Every value a small figure could be (at least two, so a figure withheld at threshold 2 is not pinned).
    return audit(unknowns, equations, Math.max(threshold - 1, 2)).outcome;
  };

  // This month's figures first (a revision may meet periods published after it), then the quarter, then its year.
  // A quarter's figure the audit withholds withholds the year's too: the year less the quarters before it is
  // that quarter, and that it was withheld says something about it to a reader who knows the rule.
  const withheldByAudit = new Set<string>();
  for (const scope of [current, ...periods]) {
    for (const [key, cell] of scope.cells) {
      pending.delete(figureId(scope.span, key));
      // Zero is always published: a period of zero has no suppressed month in it.
      if (!additive.has(key) || cell.suppressed || cell.value === 0) continue;
      const outcome = scope !== current && withheldByAudit.has(key) ? 'disclosed' : auditOf(key);
      if (outcome === 'safe') continue;
      // Where revised figures make the equations disagree, a period is withheld; a month keeps the monthly rule.
      if (scope !== current || outcome === 'disclosed') {
        withhold(scope, key);
        if (scope !== current) withheldByAudit.add(key);
      }
    }
  }
  return {
    cells: [...current.cells.values()],
    periods: periods.map((p) => ({ period: p.span.period as PeriodKind, from: p.span.from, to: p.span.to, cells: [...p.cells.values()] })),
  };
}

/** The latest release of each month, from every release oldest first. */
function latestOfEachMonth(releases: readonly StatisticsSnapshot[]): StatisticsSnapshot[] {
  return [...new Map(releases.map((r) => [r.month, r])).values()];
}

function keyed(cells: readonly StatisticCell[]): Map<string, StatisticCell> {
  return new Map(cells.map((c) => [cellKey(c), c]));
}

function monthsApart(a: Month, b: Month): number {
  const n = (m: Month) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5));
  return n(a) - n(b);
}

/** Figures joined by totals and their parts audit together; every other figure alone. */
function familiesOf(additive: ReadonlySet<string>, totalOf: ReadonlyMap<string, string>): Map<string, string[]> {
  // A total that is (through its parts) a part of itself would be a measures mistake: it stops there.
  const root = (k: string, seen = new Set<string>()): string => (totalOf.has(k) && !seen.has(k) ? root(totalOf.get(k)!, seen.add(k)) : k);
  const groups = new Map<string, string[]>();
  for (const key of additive) groups.set(root(key), [...(groups.get(root(key)) ?? []), key]);
  const family = new Map<string, string[]>();
  for (const members of groups.values()) for (const key of members) family.set(key, members);
  return family;
}

/** The equations a reader can write over one family's figures, and what they know of each unknown one. */
function systemOf(
  world: readonly Scope[], members: readonly string[], totalOf: ReadonlyMap<string, string>, threshold: number,
  trueValue: (span: PeriodSpan, key: string) => number | null, pending: ReadonlySet<string>,
): { unknowns: Map<string, Unknown>; equations: Equation[] } {
  const unknowns = new Map<string, Unknown>();
  const byId = new Map(world.map((s) => [scopeId(s.span), s]));
  // A quarter withheld by the audit withholds its year, so a suppressed quarter beside a published year was small.
  const smallQuarter = (span: PeriodSpan, key: string) => {
    if (span.period !== 'quarter') return false;
    const year = spanOf('rolling_12_months', span.to);
    const cell = byId.get(scopeId(year))?.cells.get(key);
    return cell !== undefined && !cell.suppressed && !pending.has(figureId(year, key));
  };
  // A figure as a reader sees it: a number, or a term of the equation.
  const termOf = (span: PeriodSpan, key: string): { value: number } | { term: string } => {
    const cell = byId.get(scopeId(span))?.cells.get(key);
    const id = figureId(span, key);
    const now = trueValue(span, key);
    // A figure published before later records changed it tells of a count that no longer holds: the reader
    // knows neither the count now nor how it changed, so it is unknown (and the revision is the reader's, not ours).
    const stale = cell !== undefined && (cell.suppressed ? now === 0 : cell.value !== now);
    if (cell && !stale && !cell.suppressed && cell.value !== null && !pending.has(id)) return { value: cell.value };
    // A month never published (nothing recorded in it, or not yet): the audit grants the reader its true figure.
    if (!cell && span.period === 'month') return { value: now ?? 0 };
    if (!unknowns.has(id)) {
      const secret = cell?.suppressed === true && !stale && !pending.has(id);
      // What a reader knows of a suppressed figure, from the rule alone (never from its value, which the audit
      // must not let its decisions depend on): a month's figure outside any group is 1 to threshold − 1, and so
      // is a quarter's beside a published year; any other may have been withheld, so is only at least 1.
      const upper = (span.period === 'month' && members.length === 1) || smallQuarter(span, key) ? threshold - 1 : Infinity;
      unknowns.set(id, secret ? { lower: 1, upper, secret } : { lower: 0, upper: Infinity, secret });
    }
    return { term: id };
  };
  const equation = (sides: ReadonlyArray<readonly [PeriodSpan, string, number]>): Equation => {
    const terms: [string, number][] = [];
    let value = 0;
    for (const [span, key, coefficient] of sides) {
      const t = termOf(span, key);
      if ('value' in t) value -= coefficient * t.value;
      else terms.push([t.term, coefficient]);
    }
    return { terms, value };
  };

  const equations: Equation[] = [];
  const parts = new Map<string, string[]>();
  for (const key of members) {
    const total = totalOf.get(key);
    if (total && members.includes(total)) parts.set(total, [...(parts.get(total) ?? []), key]);
  }
  for (const scope of world) {
    for (const key of members) {
      if (!scope.cells.has(key)) continue;
      // A period is the sum of its months.
      if (scope.span.period !== 'month') {
        equations.push(equation([[scope.span, key, 1], ...monthsOf(scope.span).map((m) => [spanOf('month', m), key, -1] as const)]));
      }
      // A total is the sum of its parts, where it is (a completed DASH without a grade is in the total, in no part).
      const own = parts.get(key);
      const sums = own?.every((p) => scope.cells.has(p)) && own.reduce((n, p) => n + (trueValue(scope.span, p) ?? 0), 0) === trueValue(scope.span, key);
      if (own && sums) equations.push(equation([[scope.span, key, 1], ...own.map((p) => [scope.span, p, -1] as const)]));
    }
  }
  return { unknowns, equations };
}
