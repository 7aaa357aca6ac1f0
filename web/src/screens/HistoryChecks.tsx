import { Link } from '../router';
import { when } from '../ui/format';
import { Chronology } from './history/Chronology';
import { myChecks } from './history/checks';
import { RequestForm } from './history/RequestForm';

/** CPS history checks: ask for one, then read the chronology and export it. */
export function HistoryChecks({ requestRef }: { requestRef?: string }) {
  if (requestRef) {
    return (
      <section>
        <p class="breadcrumb"><Link href="/history-checks">History checks</Link> › {requestRef.slice(0, 8)}</p>
        <h1>History check</h1>
        <Chronology requestRef={requestRef} />
      </section>
    );
  }
  const mine = myChecks();
  return (
    <section class="records">
      <h1>History checks</h1>
      <p class="lede">A chronology of what every agency holds about a suspect, for a charging or bail decision. Only you can read it, and it expires.</p>
      {mine.length > 0 && (
        <section class="panel" aria-labelledby="mine-heading">
          <h2 id="mine-heading">Your checks in this session</h2>
          <ul>{mine.map((c) => <li key={c.requestRef}><Link href={`/history-checks/${c.requestRef}`}>{c.purpose || c.requestRef}</Link> <span class="muted">— {when(c.at)}</span></li>)}</ul>
        </section>
      )}
      <RequestForm />
    </section>
  );
}
