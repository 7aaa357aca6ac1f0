import type { MonthFigures, ScrutinyFigures } from '../../api/types';
import { partText, reasonText, type DerivedInfo } from './derived';
import { DerivedChart } from './DerivedChart';
import { monthLabel } from './period';

const thresholdIn = (figures: ScrutinyFigures, month: MonthFigures) =>
  month.agencies.find((a) => a.agency === 'police')?.suppressionThreshold ?? figures.suppression.threshold;

/** The latest month the figure could be given, or why it could not be for the last month. */
function Headline({ figures, info }: { figures: ScrutinyFigures; info: DerivedInfo }) {
  const latest = [...figures.months].reverse().find((m) => m.derived[info.key].value !== null);
  if (!latest) {
    const last = figures.months.at(-1)!;
    return (
      <p class="headline not-given">
        <span class="headline-value">Not given</span>
        <span class="headline-detail">for any month of this period. {monthLabel(last.month)}: {reasonText(info, last.derived[info.key], last.month, thresholdIn(figures, last))}.</span>
      </p>
    );
  }
  const d = latest.derived[info.key];
  return (
    <p class="headline">
      <span class="headline-value">{info.format(d.value!)}</span>
      <span class="headline-detail">in {monthLabel(latest.month)}: {info.parts(d.numerator!, d.denominator!)}</span>
    </p>
  );
}

/** One derived figure: the latest value large, the months as a chart, and a table with every part and reason. */
export function DerivedCard({ figures, info }: { figures: ScrutinyFigures; info: DerivedInfo }) {
  const id = `derived-${info.key}`;
  return (
    <section class="panel derived-card" aria-labelledby={id}>
      <h3 id={id}>{info.title}</h3>
      <p class="hint">{info.definition}</p>
      <Headline figures={figures} info={info} />
      {figures.months.some((m) => m.derived[info.key].value !== null) && <DerivedChart figures={figures} info={info} />}
      <table class="data compact">
        <caption class="visually-hidden">{info.title} by month, with its parts</caption>
        <thead>
          <tr><th scope="col">Month</th><th scope="col">Figure</th><th scope="col">{info.numerator}</th><th scope="col">{info.denominator}</th><th scope="col">Why not given</th></tr>
        </thead>
        <tbody>
          {figures.months.map((m) => {
            const d = m.derived[info.key];
            return (
              <tr key={m.month}>
                <th scope="row">{monthLabel(m.month, 'short')}</th>
                <td>{d.value === null ? <span class="muted">not given</span> : <strong>{info.format(d.value)}</strong>}</td>
                <td>{partText(d.numerator, d)}</td>
                <td>{partText(d.denominator, d)}</td>
                <td>{d.reason ? reasonText(info, d, m.month, thresholdIn(figures, m)) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
