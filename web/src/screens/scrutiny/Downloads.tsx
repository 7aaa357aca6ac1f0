import { conference } from '../../api/conference';
import { saveBlob } from '../../ui/download';
import { useSubmit } from '../../ui/form';
import { ErrorBox } from '../../ui/states';
import type { Period } from './period';

/** The same figures as CSV or PDF, fetched with the bearer token and saved as a file. */
export function Downloads({ period }: { period: Period }) {
  const downloading = useSubmit<void>();
  const download = (format: 'csv' | 'pdf') => void downloading.submit(async () => {
    saveBlob(await conference.scrutinyExport(period.from, period.to, format), `scrutiny-${period.from}-to-${period.to}.${format}`);
  });
  return (
    <div class="scrutiny-downloads" aria-labelledby="downloads-heading" role="group">
      <h2 id="downloads-heading">Export</h2>
      <p class="hint">Every figure of the period, with the suppression rule.</p>
      <div class="buttons">
        <button type="button" onClick={() => download('csv')} disabled={downloading.busy}>Download CSV</button>
        <button type="button" onClick={() => download('pdf')} disabled={downloading.busy}>Download PDF</button>
      </div>
      <p class="hint" role="status" aria-live="polite">{downloading.busy ? 'Preparing the file…' : ''}</p>
      {downloading.error ? <ErrorBox error={downloading.error} title="Download failed" /> : null}
    </div>
  );
}
