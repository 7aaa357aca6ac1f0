import type { Agency, ScrutinyFigures } from '../../api/types';
import { when } from '../../ui/format';
import { agencyLabel } from '../../ui/labels';
import { measuresOf } from './figures';
import { MeasureTable } from './MeasureTable';
import { monthLabel } from './period';

/** Which months the agency has published, and when it last did. */
function Publication({ figures, agency }: { figures: ScrutinyFigures; agency: Agency }) {
  const months = figures.months.map((m) => ({ month: m.month, figures: m.agencies.find((a) => a.agency === agency) }));
  const published = months.filter((m) => m.figures?.published);
  const missing = months.filter((m) => !m.figures?.published).map((m) => monthLabel(m.month, 'short'));
  const latest = published.map((m) => m.figures!.publishedAt).filter((t): t is string => t !== null).sort().at(-1);
  return (
    <p class="publication">
      Published for {published.length} of {months.length} month{months.length === 1 ? '' : 's'}
      {latest && <>; last published {when(latest)}</>}
      {missing.length > 0 && published.length > 0 && <>. Not yet published: {missing.join(', ')}</>}.
    </p>
  );
}

/** One agency's figures for the period: each measure month by month. */
export function AgencyFigures({ figures, agency }: { figures: ScrutinyFigures; agency: Agency }) {
  const id = `agency-${agency}`;
  const any = figures.months.some((m) => m.agencies.some((a) => a.agency === agency && a.published));
  return (
    <section class={`agency-figures agency-${agency}`} aria-labelledby={id}>
      <h2 id={id}><span class={`swatch agency-${agency}`} aria-hidden="true" />{agencyLabel[agency]}</h2>
      <Publication figures={figures} agency={agency} />
      {any
        ? <div class="measure-grid">{measuresOf(figures, agency).map((m) => <MeasureTable key={m.measure} figures={figures} agency={agency} measure={m} />)}</div>
        : <p class="state empty">{agencyLabel[agency]} has not published figures for this period yet.</p>}
    </section>
  );
}
