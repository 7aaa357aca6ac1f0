import { useEffect, useMemo, useState } from 'preact/hooks';
import { conference } from '../../api/conference';
import type { Signal } from '../../api/types';
import { when, words } from '../../ui/format';
import { ErrorBox, Loading } from '../../ui/states';
import { useAsync } from '../../ui/useAsync';
import { Actions } from './Actions';
import { BehaviourChart } from './BehaviourChart';
import { CaseFacts } from './CaseFacts';
import { Elsewhere, Withheld } from './Elsewhere';
import { Areas } from './Areas';
import { Orders } from './Orders';
import { ResearchSummaries } from './ResearchSummaries';
import { RiskPanel } from './RiskPanel';
import { Signals } from './Signals';
import { Timeline } from './Timeline';

interface Props {
  caseRef: string;
  /** Bumped by the board when a live push touches this case: fetch the view again, quietly. */
  refreshKey?: number;
  /** Entries that arrived live. */
  fresh?: Set<string>;
  /** Entries to point at from outside (an alert's event). */
  focus?: string[];
  /** False when the screen's own h1 already names the case. */
  titled?: boolean;
  /** The chair of a running meeting may cancel or reassign the case's actions. */
  canDecide?: boolean;
  /** The chair of the case's area may hand it to another area's conference. */
  canTransfer?: boolean;
}

/** The joined-up view of one case, as the signed-in person may see it. */
export function CaseView({ caseRef, refreshKey = 0, fresh = new Set(), focus = [], titled = true, canDecide = false, canTransfer = false }: Props) {
  const loaded = useAsync(() => conference.caseView(caseRef), [caseRef]);
  const [shown, setShown] = useState<Signal | null>(null);

  useEffect(() => {
    if (refreshKey > 0) loaded.reload();
  }, [refreshKey]);
  useEffect(() => setShown(null), [caseRef]);

  const evidence = useMemo(() => new Set([...(shown?.eventIds ?? []), ...focus]), [shown, focus]);
  useEffect(() => {
    const first = [...evidence][0];
    if (first) document.getElementById(`entry-${first}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [evidence]);

  if (loaded.state === 'loading') return <Loading what={`case ${caseRef}`} />;
  if (loaded.state === 'error' && !loaded.data) return <ErrorBox error={loaded.error} retry={loaded.reload} title={`Could not open case ${caseRef}`} />;
  const response = loaded.data!;
  const { view } = response;

  return (
    <article class="case-view" aria-labelledby="case-heading">
      <header class="case-header">
        <h2 id="case-heading" class={titled ? '' : 'visually-hidden'}>Case {view.caseRef}</h2>
        <p class="muted">
          {view.status === 'closed' ? 'Closed' : 'Listed'} {when(view.listedAt)}
          {view.referral && <> · referred by {view.referral.agency} ({words(view.referral.criterion)})</>}
          {view.repeatOf && <> · repeat of {view.repeatOf}</>}
          {' '}· view as of {when(response.generatedAt)}
        </p>
        {loaded.state === 'error' && <ErrorBox error={loaded.error} retry={loaded.reload} title="Could not refresh this case; showing the last view" />}
      </header>
      {/* What the meeting needs first: risk as assessed beside the victim's own view, and the signals with their evidence. */}
      <div class="case-lead">
        <RiskPanel risk={view.risk} voice={view.victimVoice} />
        <Signals signals={response.signals} shown={shown?.id ?? null} onShow={setShown} />
        <Withheld response={response} />
      </div>
      <div class="case-grid">
        <div class="case-main">
          <section class="panel" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">Course of conduct</h2>
            {shown && <p class="state info" role="status">Showing the {shown.eventIds.length} entries “{shown.title}” rests on. <button type="button" class="link-button" onClick={() => setShown(null)}>Clear</button></p>}
            <Timeline timeline={view.timeline} evidence={evidence} fresh={fresh} />
          </section>
          <section class="panel chart-panel" aria-labelledby="chart-heading">
            <h2 id="chart-heading">Behaviours by week</h2>
            <BehaviourChart timeline={view.timeline} />
          </section>
        </div>
        <div class="case-side">
          <Orders response={response} />
          <ResearchSummaries summaries={view.researchSummaries} />
          <Actions caseRef={caseRef} actions={view.actions} canChange={canDecide} onChanged={loaded.reload} />
          <Areas response={response} canTransfer={canTransfer} onTransferred={loaded.reload} />
          <Elsewhere response={response} />
          <CaseFacts view={view} />
        </div>
      </div>
    </article>
  );
}
