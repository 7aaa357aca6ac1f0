import { useState } from 'preact/hooks';
import { conference } from '../api/conference';
import { Choices } from '../ui/form';
import { Empty, ErrorBox, Loading } from '../ui/states';
import { useAsync } from '../ui/useAsync';
import { AgencyFigures } from './scrutiny/AgencyFigures';
import { BY_LABEL, columnsOf, type FiguresBy } from './scrutiny/columns';
import { Downloads } from './scrutiny/Downloads';
import { SCRUTINY_AGENCIES, anyPublished } from './scrutiny/figures';
import { KeyRatios } from './scrutiny/KeyRatios';
import { PeriodPicker } from './scrutiny/PeriodPicker';
import { defaultPeriod, periodLabel, type Period } from './scrutiny/period';
import { SuppressionNote } from './scrutiny/SuppressionNote';

/** Partnership scrutiny: de-identified figures per agency by month, quarter or year, never a case or a meeting. */
export function Scrutiny() {
  const [period, setPeriod] = useState<Period>(defaultPeriod);
  const figures = useAsync(() => conference.scrutinyFigures(period.from, period.to), [period.from, period.to]);
  const [by, setBy] = useState<FiguresBy>('month');
  const noun = BY_LABEL[by].noun;

  return (
    <section class="scrutiny">
      <h1>Partnership figures</h1>
      <p class="lede">What each agency publishes about stalking and harassment work, month by month. The figures are counts only: no case, meeting or person can be seen here.</p>
      <div class="panel scrutiny-toolbar">
        <PeriodPicker value={period} onChange={setPeriod} />
        <Downloads period={period} />
      </div>
      {figures.state === 'loading' && <Loading what={`the figures for ${periodLabel(period)}`} />}
      {figures.state === 'error' && <ErrorBox error={figures.error} retry={figures.reload} title="Could not load the figures" />}
      {figures.state === 'ready' && !anyPublished(figures.data) && (
        <Empty>
          <p><strong>No figures published for this period yet — agencies publish monthly.</strong></p>
          <p class="hint">Each agency publishes the previous month's figures early in the month. Choose an earlier period, or come back later.</p>
        </Empty>
      )}
      {figures.state === 'ready' && anyPublished(figures.data) && (
        <>
          <SuppressionNote figures={figures.data} />
          <div class="panel figures-by">
            <Choices legend="Figures by" name="figures-by" type="radio" value={[by]} onChange={([v]) => v && setBy(v)}
              options={(Object.keys(BY_LABEL) as FiguresBy[]).map((value) => ({ value, label: BY_LABEL[value].option }))}
              hint="Quarters and the years ending each quarter are published at each quarter's end. Small monthly figures add up to quarters and years that can be given; where a quarter or year would let a suppressed month be worked out, it is suppressed too." />
          </div>
          {columnsOf(figures.data, by).length === 0
            ? <Empty><p>No {BY_LABEL[by].noun} ends in this period: quarters end in March, June, September and December.</p></Empty>
            : (
              <>
                <KeyRatios figures={figures.data} columns={columnsOf(figures.data, by)} noun={noun} />
                {SCRUTINY_AGENCIES.map((agency) => <AgencyFigures key={agency} figures={figures.data} columns={columnsOf(figures.data, by)} noun={noun} agency={agency} />)}
              </>
            )}
        </>
      )}
    </section>
  );
}
