import { agencyLabel } from '@convene/shared/contracts';
import { labelOf } from './catalogue.js';
import type { DerivedFigure, ScrutinyFigures } from './figures.js';

/** One line of the figures as the exports print them. */
export interface FigureRow {
  month: string;
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
  return figures.months.flatMap((m) => [
    ...m.agencies.flatMap((a): FigureRow[] => {
      const agency = agencyLabel[a.agency];
      if (!a.published) return [{ month: m.month, agency, measure: '', breakdown: '', figure: 'No figures published for this month', value: 'not published', suppressed: false, publishedAt: '' }];
      return a.cells.map((c) => ({
        month: m.month, agency, measure: c.measure, breakdown: c.breakdown ?? '', figure: labelOf(a.agency, c.measure, c.breakdown),
        value: c.suppressed ? 'suppressed' : c.value === null ? 'none' : String(c.value), suppressed: c.suppressed, publishedAt: a.publishedAt ?? '',
      }));
    }),
    ...Object.entries(m.derived).map(([key, d]) => {
      const info = DERIVED[key as keyof typeof DERIVED];
      return {
        month: m.month, agency: 'Partnership', measure: info.measure, breakdown: '', figure: info.label, value: derivedValue(d),
        suppressed: d.reason?.code === 'suppressed', publishedAt: '',
      };
    }),
  ]);
}

export const REPORT_TITLE = 'Convene partnership scrutiny figures';
export const periodOf = (figures: Pick<ScrutinyFigures, 'from' | 'to'>) => (figures.from === figures.to ? figures.from : `${figures.from} to ${figures.to}`);
