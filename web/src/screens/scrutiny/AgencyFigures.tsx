import type { Agency, ScrutinyFigures } from '../../api/types';
import { when } from '../../ui/format';
import { agencyLabel } from '../../ui/labels';
import { measuresOf } from './figures';
import { MeasureTable } from './MeasureTable';
import type { Column } from './columns';

/** Which months (quarters, years) the agency has published, and when it last did. */
function Publication({ columns, noun, agency }: { columns: readonly Column[]; noun: string; agency: Agency }) {
  const months = columns.map((c) => ({ short: c.short, figures: c.agencies.find((a) => a.agency === agency) }));
  const published = months.filter((m) => m.figures?.published);
  const missing = months.filter((m) => !m.figures?.published).map((m) => m.short);
  const latest = published.map((m) => m.figures!.publishedAt).filter((t): t is string => t !== null).sort().at(-1);
  return (
    <p class="publication">
      Published for {published.length} of {months.length} {noun}{months.length === 1 ? '' : 's'}
      {latest && <>; last published {when(latest)}</>}
      {missing.length > 0 && published.length > 0 && <>. Not yet published: {missing.join(', ')}</>}.
    </p>
  );
}

/** Measures counted at a month's end (e.g. actions overdue) are not given for quarters or years. */
const inAnyPeriod = (columns: readonly Column[], agency: Agency, measure: string) =>
  columns.some((c) => c.agencies.some((a) => a.agency === agency && a.cells.some((x) => x.measure === measure)));

/** One agency's figures for the period: each measure month by month (quarter by quarter, year by year). */
export function AgencyFigures({ figures, columns, noun, agency }: { figures: ScrutinyFigures; columns: readonly Column[]; noun: string; agency: Agency }) {
  const id = `agency-${agency}`;
  const any = columns.some((c) => c.agencies.some((a) => a.agency === agency && a.published));
  return (
    <section class={`agency-figures agency-${agency}`} aria-labelledby={id}>
      <h2 id={id}><span class={`swatch agency-${agency}`} aria-hidden="true" />{agencyLabel[agency]}</h2>
      <Publication columns={columns} noun={noun} agency={agency} />
      {any
        ? <div class="measure-grid">{measuresOf(figures, agency).filter((m) => noun === 'month' || inAnyPeriod(columns, agency, m.measure)).map((m) => <MeasureTable key={m.measure} figures={figures} columns={columns} noun={noun} agency={agency} measure={m} />)}</div>
        : <p class="state empty">{agencyLabel[agency]} has not published figures for this period yet{noun === 'month' ? '' : ` (${noun}s are published at each quarter's end)`}.</p>}
    </section>
  );
}
