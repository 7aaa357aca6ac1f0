import { agencyLabel } from '@convene/shared/contracts';
import { periodLabel } from '@convene/shared/statistics';
import { labelOf } from './catalogue.js';
import type { AgencyMonth, DerivedFigure, MonthFigures, ScrutinyFigures } from './figures.js';

/** A month, a quarter or a year of the figures, as the exports head it. */
export interface ReportPeriod {
  label: string;
  from: string;
  to: string;
  agencies: readonly AgencyMonth[];
  derived: MonthFigures['derived'];
}

/** The months, then the quarters, then the years ending in the range: each a table in the PDF, rows in the CSV. */
export function reportPeriods(figures: ScrutinyFigures): ReportPeriod[] {
  return [
    ...figures.months.map((m) => ({ label: periodLabel({ period: 'month', from: m.month, to: m.month }), from: m.month, to: m.month, agencies: m.agencies, derived: m.derived })),
    ...[...figures.quarters, ...figures.years].map((p) => ({ label: p.label, from: p.from, to: p.to, agencies: p.agencies, derived: p.derived })),
  ];
}

/** One line of the figures as the exports print them. */
export interface FigureRow {
  /** `March 2026`, `January to March 2026`, `Year ending March 2026`. */
  period: string;
  from: string;
  to: string;
  agency: string;
  measure: string;
  breakdown: string;
  figure: string;
  /** A number, `suppressed`, `not published`, or `not given` (a derived figure, with its reason). */
  value: string;
  suppressed: boolean;
  publishedAt: string;
}

const DERIVED: Record<keyof ScrutinyFigures['months'][number]['derived'], { measure: string; label: string }> = {
  spoApplicationsPerStalkingOffence: { measure: 'derived.spo_applications_per_stalking_offence', label: 'SPO applications per stalking offence (s2A + s4A)' },
  declinedAssessmentRate: { measure: 'derived.declined_assessment_rate', label: 'Declined DASH rate (declined / (completed + declined))' },
};

function derivedValue(d: DerivedFigure): string {
  return d.value === null ? `not given (${d.reason?.message ?? 'unknown'})` : String(d.value);
}

export function figureRows(figures: ScrutinyFigures): FigureRow[] {
  return reportPeriods(figures).flatMap((m) => [
    ...m.agencies.flatMap((a): FigureRow[] => {
      const agency = agencyLabel[a.agency];
      const at = { period: m.label, from: m.from, to: m.to };
      if (!a.published) return [{ ...at, agency, measure: '', breakdown: '', figure: 'No figures published for this period', value: 'not published', suppressed: false, publishedAt: '' }];
      return a.cells.map((c) => ({
        ...at, agency, measure: c.measure, breakdown: c.breakdown ?? '', figure: labelOf(a.agency, c.measure, c.breakdown),
        value: c.suppressed ? 'suppressed' : c.value === null ? 'none' : String(c.value), suppressed: c.suppressed, publishedAt: a.publishedAt ?? '',
      }));
    }),
    ...Object.entries(m.derived).map(([key, d]) => {
      const info = DERIVED[key as keyof typeof DERIVED];
      return {
        period: m.label, from: m.from, to: m.to, agency: 'Partnership', measure: info.measure, breakdown: '', figure: info.label, value: derivedValue(d),
        suppressed: d.reason?.code === 'suppressed', publishedAt: '',
      };
    }),
  ]);
}

export const REPORT_TITLE = 'Convene partnership scrutiny figures';
export const periodOf = (figures: Pick<ScrutinyFigures, 'from' | 'to'>) => (figures.from === figures.to ? figures.from : `${figures.from} to ${figures.to}`);
