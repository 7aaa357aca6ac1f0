import { useState } from 'preact/hooks';
import { agencies, type Recorded } from '../api/agencies';
import type { PartnerAgency } from '../api/types';
import { Field, FormOutcome, fieldError, inputValue, useSubmit } from '../ui/form';

/** What this agency's research on a listed case found, in a few lines for the meeting (shared with the partnership). */
export function ResearchSummaryForm({ agency }: { agency: PartnerAgency }) {
  const [caseRef, setCaseRef] = useState('');
  const [summary, setSummary] = useState('');
  const sending = useSubmit<Recorded>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await sending.submit(() => agencies.summariseResearch(agency, { caseRef: caseRef.trim(), summary }))) setSummary('');
  };
  return (
    <form class="panel" onSubmit={submit} aria-labelledby={`${agency}-summary-heading`}>
      <h2 id={`${agency}-summary-heading`}>Research summary for a meeting</h2>
      <Field id={`${agency}-summary-case`} label="Case reference" hint="The listed case, for example CNV-2026-000123" error={fieldError(sending.error, 'caseRef')}>
        <input id={`${agency}-summary-case`} aria-describedby={`${agency}-summary-case-hint`} value={caseRef} onInput={(e) => setCaseRef(inputValue(e))} required pattern="CNV-[0-9]{4}-[0-9]{6}" />
      </Field>
      <Field id={`${agency}-summary-text`} label="What your research found" hint="At most 600 characters; shared with the partnership. No clinical or intelligence detail you may not share." error={fieldError(sending.error, 'summary')}>
        <textarea id={`${agency}-summary-text`} aria-describedby={`${agency}-summary-text-hint`} value={summary} onInput={(e) => setSummary(inputValue(e))} required maxLength={600} rows={3} />
      </Field>
      <button type="submit" disabled={sending.busy}>{sending.busy ? 'Recording…' : 'Record summary'}</button>
      <FormOutcome error={sending.error} success={sending.result && (sending.result.published ? 'Recorded and shared with the case.' : 'Recorded; not shared (her consent does not allow it).')} />
    </form>
  );
}
