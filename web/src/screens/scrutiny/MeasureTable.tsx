import type { Agency, ScrutinyFigures } from '../../api/types';
import type { Column } from './columns';
import { breakdownLabel, figureOf, secondarySuppressionPossible, type Measure } from './figures';
import { FigureCell } from './FigureCell';

/** One measure of one agency, month by month (quarter, year): a table whose cells carry bars, so the table is the chart. */
export function MeasureTable({ figures, columns: periods, noun, agency, measure }: { figures: ScrutinyFigures; columns: readonly Column[]; noun: string; agency: Agency; measure: Measure }) {
  const columns = measure.breakdowns?.length ? measure.breakdowns.map((b) => ({ breakdown: b as string | undefined, label: breakdownLabel(measure.measure, b) }))
    : [{ breakdown: undefined, label: measure.kind === 'median_days' ? 'Median' : 'Number' }];
  const rows = periods.map((p) => {
    const published = p.agencies.find((a) => a.agency === agency);
    return { key: p.key, short: p.short, exact: p.onlySmallSuppressed, published: published?.published ?? false, cells: columns.map((c) => figureOf(figures, published, measure.measure, c.breakdown)) };
  });
  // One scale for the whole table, never shorter than twice the threshold so that a few records look few.
  const max = Math.max(2 * figures.suppression.threshold, ...rows.flatMap((r) => r.cells.map((f) => (f.kind === 'value' ? f.value : 0))));
  const grouped = columns.map((c) => secondarySuppressionPossible(agency, measure.measure, c.breakdown));
  const withheld = (exact: boolean, i: number) => grouped[i] === true || !exact;
  const footnote = rows.some((r) => r.cells.some((f, i) => f.kind === 'suppressed' && withheld(r.exact, i)));
  const id = `measure-${agency}-${measure.measure.replaceAll('.', '-')}`;

  return (
    // A plain box, not a region: a page of thirty landmarks would be no help; the heading is the way in.
    <div class={`measure panel${columns.length > 3 ? ' wide' : ''}`}>
      <h3 id={id}>{measure.label}</h3>
      <div class="table-scroll">
        <table class="data compact figures" aria-labelledby={id}>
          <thead>
            <tr><th scope="col">{noun === 'month' ? 'Month' : noun === 'quarter' ? 'Quarter' : 'Year ending'}</th>{columns.map((c) => <th scope="col" key={c.label}>{c.label}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.short}</th>
                {r.published
                  ? r.cells.map((f, i) => <FigureCell key={i} figure={f} kind={measure.kind} max={max} agency={agency} footnote={withheld(r.exact, i)} />)
                  : <td colSpan={columns.length} class="figure figure-not_published">not published</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {footnote && <p class="hint">† Suppressed: fewer than {figures.suppression.threshold}, or withheld because a suppressed figure could otherwise be worked out by subtraction (from a total published with it, or from a quarter or year).</p>}
    </div>
  );
}
