import type { Agency, AgencyMonth, DerivedFigure, MonthFigures, PeriodFigures, ScrutinyFigures } from '@convene/shared/contracts';
import { monthsBetween, periodLabel, periodsEnding, suppressionRule, type PeriodKind } from '@convene/shared/statistics';
import { MEASURES } from './catalogue.js';
import type { PublishedFigures } from './store.js';

export const SCRUTINY_AGENCIES = ['police', 'cps', 'health', 'advocacy', 'conference'] as const satisfies readonly Agency[];

export type { AgencyMonth, DerivedFigure, MonthFigures, PeriodFigures, ScrutinyFigures };

type Ref = { agency: Agency; measure: string; breakdown?: string };
type Sum = { value: number } | { reason: NonNullable<DerivedFigure['reason']> };

/** `month` names the month or period in the reasons, as the page shows them. */
function sumOf(agencies: readonly AgencyMonth[], month: string, refs: readonly Ref[]): Sum {
  let value = 0;
  for (const ref of refs) {
    const name = `${ref.agency} ${ref.measure}${ref.breakdown ? ` (${ref.breakdown})` : ''}`;
    const figures = agencies.find((a) => a.agency === ref.agency);
    if (!figures?.published) return { reason: { code: 'not_published', message: `${ref.agency} has not published figures for ${month}` } };
    const cell = figures.cells.find((c) => c.measure === ref.measure && (c.breakdown ?? undefined) === ref.breakdown);
    if (!cell) return { reason: { code: 'not_published', message: `${name} was not published for ${month}` } };
    if (cell.suppressed || cell.value === null) return { reason: { code: 'suppressed', message: `${name} is suppressed` } };
    value += cell.value;
  }
  return { value };
}

/** A ratio of published cells; a suppressed or missing cell leaves it null, saying why. */
export function ratio(agencies: readonly AgencyMonth[], month: string, numerator: readonly Ref[], denominator: readonly Ref[], emptyDenominator: string): DerivedFigure {
  const n = sumOf(agencies, month, numerator);
  const d = sumOf(agencies, month, denominator);
  const known = { numerator: 'value' in n ? n.value : null, denominator: 'value' in d ? d.value : null };
  if ('reason' in n) return { value: null, ...known, reason: n.reason };
  if ('reason' in d) return { value: null, ...known, reason: d.reason };
  if (d.value === 0) return { value: null, ...known, reason: { code: 'no_denominator', message: emptyDenominator } };
  return { value: Math.round((n.value / d.value) * 10_000) / 10_000, ...known, reason: null };
}

const police = (measure: string, breakdown?: string): Ref => ({ agency: 'police', measure, ...(breakdown ? { breakdown } : {}) });

function derive(agencies: readonly AgencyMonth[], month: string): MonthFigures['derived'] {
  return {
    spoApplicationsPerStalkingOffence: ratio(agencies, month, [police('spo.applications')],
      // Stalking by the offences' class now: harassment later recognised as stalking counts.
      [police('offences.current_class', 'pha_s2a'), police('offences.current_class', 'pha_s4a')], 'no stalking offences were recorded'),
    declinedAssessmentRate: ratio(agencies, month, [police('dash', 'declined')],
      [police('dash', 'completed'), police('dash', 'declined')], 'no DASH was completed or declined'),
  };
}

const notPublished = (agency: Agency): AgencyMonth => ({ agency, published: false, publishedAt: null, eventId: null, suppressionThreshold: null, cells: [] });

/** Each quarter (or year) ending in the range, as each agency's release for its last month gave it. */
function periodFigures(published: readonly PublishedFigures[], months: readonly string[], kind: PeriodKind): PeriodFigures[] {
  return months.flatMap((month) => periodsEnding(month).filter((s) => s.period === kind)).map((span) => {
    const label = periodLabel(span);
    const agencies = SCRUTINY_AGENCIES.map((agency): AgencyMonth => {
      const release = published.find((f) => f.agency === agency && f.month === span.to);
      const period = release?.periods?.find((p) => p.period === kind && p.from === span.from);
      return release && period
        ? { agency, published: true, publishedAt: release.publishedAt, eventId: release.eventId, suppressionThreshold: release.suppressionThreshold, cells: period.cells }
        : notPublished(agency);
    });
    return { period: kind, from: span.from, to: span.to, label, agencies, derived: derive(agencies, label) };
  });
}

/** Every month in the range, each agency's latest figures (or "not published"), and the derived figures; then the quarters and years ending in it. */
export function buildFigures(published: readonly PublishedFigures[], from: string, to: string, generatedAt: Date, threshold: number): ScrutinyFigures {
  const inRange = monthsBetween(from, to);
  const months = inRange.map((month) => {
    const agencies = SCRUTINY_AGENCIES.map((agency): AgencyMonth => {
      const p = published.find((f) => f.agency === agency && f.month === month);
      return p ? { agency, published: true, publishedAt: p.publishedAt, eventId: p.eventId, suppressionThreshold: p.suppressionThreshold, cells: p.cells } : notPublished(agency);
    });
    return { month, agencies, derived: derive(agencies, month) };
  });
  return {
    from, to, generatedAt: generatedAt.toISOString(), suppression: { threshold, rule: suppressionRule(threshold) }, measures: MEASURES, months,
    quarters: periodFigures(published, inRange, 'quarter'), years: periodFigures(published, inRange, 'rolling_12_months'),
  };
}
