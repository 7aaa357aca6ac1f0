// The figures as rows of one kind: months, quarters, or years ending each quarter (the page's "Figures by").
import type { AgencyMonth, MonthFigures, ScrutinyFigures } from '../../api/types';
import { monthLabel } from './period';

export type FiguresBy = 'month' | 'quarter' | 'year';

/** One month, quarter or year of the figures, as the tables and charts show it. */
export interface Column {
  key: string;
  /** `March 2026`, `January to March 2026`, `Year ending March 2026`. */
  label: string;
  /** For a table's row heading or a chart's axis: `Mar 2026`, `Jan–Mar 2026`, `YE Mar 2026`. */
  short: string;
  agencies: readonly AgencyMonth[];
  derived: MonthFigures['derived'];
  /**
   * Whether a suppressed count here is always fewer than the threshold. Not for a quarter or year (a figure
   * may be withheld so a month cannot be worked out), nor a quarter's last month (withheld beside its quarter).
   */
  onlySmallSuppressed: boolean;
}

export const BY_LABEL: Record<FiguresBy, { option: string; noun: string; plural: string }> = {
  month: { option: 'Month', noun: 'month', plural: 'months' },
  quarter: { option: 'Quarter', noun: 'quarter', plural: 'quarters' },
  year: { option: 'Year ending each quarter', noun: 'year', plural: 'years' },
};

const shortMonth = (month: string) => monthLabel(month, 'short');

export function columnsOf(figures: ScrutinyFigures, by: FiguresBy): Column[] {
  if (by === 'month') {
    return figures.months.map((m) => ({
      key: m.month, label: monthLabel(m.month), short: shortMonth(m.month), agencies: m.agencies, derived: m.derived, onlySmallSuppressed: Number(m.month.slice(5)) % 3 !== 0,
    }));
  }
  const periods = by === 'quarter' ? figures.quarters : figures.years;
  return periods.map((p) => ({
    key: `${p.from}/${p.to}`,
    label: p.label,
    short: by === 'quarter' ? `${shortMonth(p.from).split(' ')[0]}–${shortMonth(p.to)}` : `YE ${shortMonth(p.to)}`,
    agencies: p.agencies,
    derived: p.derived,
    onlySmallSuppressed: false,
  }));
}
