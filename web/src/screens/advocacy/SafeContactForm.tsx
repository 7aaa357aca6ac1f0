import { useState } from 'preact/hooks';
import { agencies, type Recorded } from '../../api/agencies';
import type { PartnerAgency } from '../../api/types';
import { subjectRefs, type Subjects } from '../../people/SubjectPicker';
import { localToIso, nowLocal } from '../../ui/format';
import { Choices, Field, FormOutcome, fieldError, inputValue, useSubmit } from '../../ui/form';
import { agencyLabel, agencyOptions } from '../../ui/labels';

/** How to contact her safely, shown only to the agencies that need to contact her (within her consent). */
export function SafeContactForm({ subjects, engagementRef }: { subjects: Subjects; engagementRef: string }) {
  const [contacting, setContacting] = useState<PartnerAgency[]>(['police']);
  const [safeTimes, setSafeTimes] = useState('');
  const [safeNumber, setSafeNumber] = useState('');
  const [noPostHome, setNoPostHome] = useState(true);
  const [instructions, setInstructions] = useState('');
  const [at, setAt] = useState(nowLocal());
  const sending = useSubmit<Recorded & { audience?: { agency?: PartnerAgency }[] }>();
  const submit = (e: Event) => {
    e.preventDefault();
    void sending.submit(() => agencies.advocacy.safeContact({
      subjects: subjectRefs(subjects, false), occurredAt: localToIso(at), engagementRef, contactingAgencies: contacting, safeTimes, noPostHome,
      ...(safeNumber.trim() ? { safeNumber } : {}), ...(instructions.trim() ? { instructions } : {}),
    }));
  };
  const told = sending.result?.audience?.flatMap((a) => (a.agency ? [agencyLabel[a.agency]] : [])) ?? [];
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="contact-heading">
      <h2 id="contact-heading">Safe contact</h2>
      <Choices legend="Agencies that need to contact her (only they see these details)" name="contact-agencies" options={agencyOptions.filter((a) => a.value !== 'advocacy')}
        value={contacting} onChange={setContacting} error={fieldError(sending.error, 'contactingAgencies')} />
      <Field id="contact-times" label="Safe times to contact her" error={fieldError(sending.error, 'safeTimes')}>
        <input id="contact-times" value={safeTimes} onInput={(e) => setSafeTimes(inputValue(e))} required maxLength={200} />
      </Field>
      <Field id="contact-number" label="Safe number (optional)" error={fieldError(sending.error, 'safeNumber')}>
        <input id="contact-number" type="tel" value={safeNumber} onInput={(e) => setSafeNumber(inputValue(e))} maxLength={20} />
      </Field>
      <label class="choice">
        <input type="checkbox" checked={noPostHome} onChange={(e) => setNoPostHome((e.currentTarget as HTMLInputElement).checked)} /> Nothing to be posted to her home
      </label>
      <Field id="contact-instructions" label="Other instructions (optional)" error={fieldError(sending.error, 'instructions')}>
        <textarea id="contact-instructions" value={instructions} onInput={(e) => setInstructions(inputValue(e))} maxLength={500} rows={2} />
      </Field>
      <Field id="contact-at" label="Agreed with her on" error={fieldError(sending.error, 'occurredAt')}>
        <input id="contact-at" type="datetime-local" value={at} onInput={(e) => setAt(inputValue(e))} required />
      </Field>
      <button type="submit" disabled={sending.busy || !engagementRef || contacting.length === 0}>{sending.busy ? 'Recording…' : 'Record safe contact'}</button>
      <FormOutcome error={sending.error} success={sending.result && (told.length
        ? `Recorded; shown only to ${told.join(', ')}${sending.result.published ? '' : ' once she is listed'}.`
        : 'Recorded and kept in advocacy: her consent names none of these agencies.')} />
    </form>
  );
}
