import type { ScrutinyFigures } from '../../api/types';
import type { Column } from './columns';
import { partText, reasonText, type DerivedInfo } from './derived';
import { DerivedChart } from './DerivedChart';

const thresholdIn = (figures: ScrutinyFigures, column: Column) =>
  column.agencies.find((a) => a.agency === 'police')?.suppressionThreshold ?? figures.suppression.threshold;

/** The latest month (quarter, year) the figure could be given, or why it could not be for the last one. */
function Headline({ figures, columns, noun, info }: { figures: ScrutinyFigures; columns: readonly Column[]; noun: string; info: DerivedInfo }) {
  const latest = [...columns].reverse().find((c) => c.derived[info.key].value !== null);
  const last = columns.at(-1);
  if (!latest) {
    return (
      <p class="headline not-given">
        <span class="headline-value">Not given</span>
        <span class="headline-detail">
          for any {noun} of this period.{last && <> {last.label}: {reasonText(info, last.derived[info.key], last.label, thresholdIn(figures, last), last.onlySmallSuppressed)}.</>}
        </span>
      </p>
    );
  }
  const d = latest.derived[info.key];
  return (
    <p class="headline">
      <span class="headline-value">{info.format(d.value!)}</span>
      <span class="headline-detail">in {latest.label}: {info.parts(d.numerator!, d.denominator!)}</span>
    </p>
  );
}

/** One derived figure: the latest value large, each month (quarter, year) as a chart, and a table with every part and reason. */
export function DerivedCard({ figures, columns, noun, info }: { figures: ScrutinyFigures; columns: readonly Column[]; noun: string; info: DerivedInfo }) {
  const id = `derived-${info.key}`;
  const heading = noun === 'month' ? 'Month' : noun === 'quarter' ? 'Quarter' : 'Year ending';
  return (
    <section class="panel derived-card" aria-labelledby={id}>
      <h3 id={id}>{info.title}</h3>
      <p class="hint">{info.definition}</p>
      <Headline figures={figures} columns={columns} noun={noun} info={info} />
      {columns.some((c) => c.derived[info.key].value !== null) && <DerivedChart columns={columns} noun={noun} info={info} />}
      <table class="data compact">
        <caption class="visually-hidden">{info.title} by {noun}, with its parts</caption>
        <thead>
          <tr><th scope="col">{heading}</th><th scope="col">Figure</th><th scope="col">{info.numerator}</th><th scope="col">{info.denominator}</th><th scope="col">Why not given</th></tr>
        </thead>
        <tbody>
          {columns.map((c) => {
            const d = c.derived[info.key];
            return (
              <tr key={c.key}>
                <th scope="row">{c.short}</th>
                <td>{d.value === null ? <span class="muted">not given</span> : <strong>{info.format(d.value)}</strong>}</td>
                <td>{partText(d.numerator, d)}</td>
                <td>{partText(d.denominator, d)}</td>
                <td>{d.reason ? reasonText(info, d, c.label, thresholdIn(figures, c), c.onlySmallSuppressed) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
