import { csvField } from '../export/csv.js';
import { figureRows, periodOf, REPORT_TITLE } from './report.js';
import type { ScrutinyFigures } from './figures.js';

const row = (cells: string[]) => cells.map(csvField).join(',');

/** The figures as CSV: heading rows (title, period, when generated, the suppression rule), a blank row, then one row per figure of each month, quarter and year. */
export function figuresCsv(figures: ScrutinyFigures): string {
  const lines = [
    row([REPORT_TITLE]),
    row(['Period', periodOf(figures)]),
    row(['Generated', figures.generatedAt]),
    row(['Suppression', figures.suppression.rule]),
    '',
    row(['Period', 'From', 'To', 'Agency', 'Measure', 'Breakdown', 'Figure', 'Value', 'Suppressed', 'Published at']),
    ...figureRows(figures).map((r) => row([r.period, r.from, r.to, r.agency, r.measure, r.breakdown, r.figure, r.value, r.suppressed ? 'yes' : 'no', r.publishedAt])),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
