import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { conference } from '../../api/conference';
import type { ChronologyReport } from '../../api/types';
import { saveBlob } from '../../ui/download';
import { when } from '../../ui/format';
import { useSubmit } from '../../ui/form';
import { ErrorBox } from '../../ui/states';
import { agencyLabel } from '../../ui/labels';
import { SharingBadge } from '../case/Timeline';

const POLL_MS = 1500;

/** Waits for the conference to open the check (404 until then), then keeps it fresh while agencies answer. */
function useChronology(requestRef: string) {
  const [report, setReport] = useState<ChronologyReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    const poll = async () => {
      try {
        const next = await conference.historyCheck(requestRef);
        if (stopped) return;
        setReport(next);
        setError(null);
        // Agencies answer within seconds; keep refreshing for a minute, then leave it to the button.
        if (++polls < 40) timer = setTimeout(poll, POLL_MS * 2);
      } catch (err) {
        if (stopped) return;
        if (err instanceof ApiError && err.status === 404 && ++polls < 60) {
          timer = setTimeout(poll, POLL_MS);
          return;
        }
        setError(err);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [requestRef, tick]);
  return { report, error, refresh: () => setTick((t) => t + 1) };
}

function daysLeft(expiresAt: string): string {
  const days = Math.ceil((Date.parse(expiresAt) - Date.now()) / 86_400_000);
  return days <= 0 ? 'expired' : `${days} day${days === 1 ? '' : 's'} left`;
}

/** The chronology, visible to the requesting lawyer alone until it expires, with CSV and PDF exports. */
export function Chronology({ requestRef }: { requestRef: string }) {
  const { report, error, refresh } = useChronology(requestRef);
  const downloading = useSubmit<void>();
  const download = (format: 'csv' | 'pdf' | 'html') => void downloading.submit(async () => saveBlob(await conference.historyExport(requestRef, format), `history-check-${requestRef}.${format}`));

  if (error && !report) return <ErrorBox error={error} retry={refresh} title="Could not open the history check" />;
  if (!report) return <p class="state loading" role="status"><span class="spinner" aria-hidden="true" />Waiting for the conference to open the check and the agencies to answer…</p>;

  return (
    <article aria-labelledby="chronology-heading">
      <div class="chronology-head panel">
        <h2 id="chronology-heading">Chronology</h2>
        <dl class="facts-grid">
          {report.refusal && <><dt>Refused</dt><dd><strong>{report.refusal.reason}</strong> No agency was asked.</dd></>}
          <dt>Purpose</dt><dd>{report.purpose}</dd>
          <dt>Requested by</dt><dd>{report.requester}</dd>
          {report.urn && <><dt>CPS case file</dt><dd>{report.urn}</dd></>}
          {report.officerInCase && <><dt>Officer in the case</dt><dd>{[report.officerInCase.name, report.officerInCase.reference, report.officerInCase.contact].filter(Boolean).join(', ')}</dd></>}
          <dt>Looked back</dt><dd>{report.windowMonths ? `${report.windowMonths} months` : 'each agency\'s usual window (12 months by default)'}</dd>
          {report.caseRef && <><dt>Case</dt><dd>{report.caseRef}</dd></>}
          <dt>Answered by</dt><dd>{report.answeredBy.length ? report.answeredBy.map((a) => agencyLabel[a as 'police'] ?? a).join(', ') : 'no agency yet'}</dd>
          <dt>Generated</dt><dd>{when(report.generatedAt)}</dd>
          <dt>Expires</dt><dd><strong>{when(report.expiresAt)}</strong> ({daysLeft(report.expiresAt)}) — after that nobody can read it.</dd>
        </dl>
        <div class="buttons">
          <button type="button" onClick={() => download('csv')} disabled={downloading.busy}>Download CSV</button>
          <button type="button" onClick={() => download('pdf')} disabled={downloading.busy}>Download PDF</button>
          <button type="button" onClick={() => download('html')} disabled={downloading.busy}>Download HTML</button>
          <button type="button" class="secondary" onClick={refresh}>Refresh</button>
        </div>
        {downloading.error ? <ErrorBox error={downloading.error} title="Download failed" /> : null}
      </div>
      {report.refusal ? null : report.entries.length === 0
        ? <p class="state empty">No agency holds a shareable record about these suspects yet. Answers can take a few seconds; refresh to check again.</p>
        : (
          <table class="data">
            <caption>Course of conduct, in the order it happened ({report.entries.length} records)</caption>
            <thead><tr><th scope="col">Occurred</th><th scope="col">Agency</th><th scope="col">Record</th><th scope="col">Material</th><th scope="col">Summary</th><th scope="col">Sharing</th></tr></thead>
            <tbody>
              {report.entries.map((e) => (
                <tr key={e.eventId}>
                  <td>{when(e.occurredAt)}</td>
                  <td><span class={`badge agency-${e.agency}`}>{agencyLabel[e.agency as 'police'] ?? e.agency}</span></td>
                  <td>{e.record}</td>
                  <td><span class={`badge material-${e.material}`}>{e.material}</span></td>
                  <td>{e.summary}</td>
                  <td><SharingBadge entry={{ sharing: e.sharing as 'partnership', audience: [] }} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      {report.withheld.length > 0 && (
        <section class="panel" aria-labelledby="withheld-heading">
          <h3 id="withheld-heading">Held back</h3>
          <ul>{report.withheld.map((w, i) => <li key={i}>{agencyLabel[w.agency as 'police'] ?? w.agency}: {w.count} {w.recordKind.replaceAll('_', ' ')} record{w.count === 1 ? '' : 's'} withheld ({w.reason.replaceAll('_', ' ')})</li>)}</ul>
        </section>
      )}
    </article>
  );
}
