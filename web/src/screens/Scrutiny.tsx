import { useState } from 'preact/hooks';
import { conference } from '../api/conference';
import { Empty, ErrorBox, Loading } from '../ui/states';
import { useAsync } from '../ui/useAsync';
import { AgencyFigures } from './scrutiny/AgencyFigures';
import { Downloads } from './scrutiny/Downloads';
import { SCRUTINY_AGENCIES, anyPublished } from './scrutiny/figures';
import { KeyRatios } from './scrutiny/KeyRatios';
import { PeriodPicker } from './scrutiny/PeriodPicker';
import { defaultPeriod, periodLabel, type Period } from './scrutiny/period';
import { SuppressionNote } from './scrutiny/SuppressionNote';

/** Partnership scrutiny: de-identified monthly figures per agency, never a case or a meeting. */
export function Scrutiny() {
  const [period, setPeriod] = useState<Period>(defaultPeriod);
  const figures = useAsync(() => conference.scrutinyFigures(period.from, period.to), [period.from, period.to]);

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
          <KeyRatios figures={figures.data} />
          {SCRUTINY_AGENCIES.map((agency) => <AgencyFigures key={agency} figures={figures.data} agency={agency} />)}
        </>
      )}
    </section>
  );
}
