import { useState } from 'preact/hooks';
import { agencies, type Recorded } from '../../api/agencies';
import type { Behaviour, OffenceClass } from '../../api/types';
import { subjectRefs, type Subjects } from '../../people/SubjectPicker';
import { nowLocal } from '../../ui/format';
import { Choices, Field, FormOutcome, Select, fieldError, inputValue, useSubmit } from '../../ui/form';
import { behaviourOptions, offenceOptions } from '../../ui/labels';
import { RecordMeta, metaBody, type Meta } from '../../ui/RecordMeta';
import { sharedNote } from '../../ui/sharedNote';

/** An incident with its behaviours (the controlled list) and offence class. */
export function IncidentForm({ subjects }: { subjects: Subjects }) {
  const [behaviours, setBehaviours] = useState<Behaviour[]>([]);
  const [offenceClass, setOffence] = useState<OffenceClass>('pha_s2');
  const [summary, setSummary] = useState('');
  const [location, setLocation] = useState('');
  const [meta, setMeta] = useState<Meta>({ occurredAt: nowLocal(), sharing: 'partnership', audience: [] });
  const sending = useSubmit<Recorded>();

  const submit = async (e: Event) => {
    e.preventDefault();
    const done = await sending.submit(() => agencies.police.incident({
      subjects: subjectRefs(subjects), ...metaBody(meta), behaviours, offenceClass, summary, ...(location.trim() ? { location } : {}),
    }));
    if (done) {
      setSummary('');
      setBehaviours([]);
    }
  };

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="incident-heading">
      <h2 id="incident-heading">Record an incident</h2>
      <Choices legend="Behaviours" name="incident-behaviours" options={behaviourOptions} value={behaviours} onChange={setBehaviours} error={fieldError(sending.error, 'behaviours')} hint="Tick every behaviour in this incident." />
      <div class="row">
        <Field id="incident-offence" label="Offence class" error={fieldError(sending.error, 'offenceClass')}>
          <Select id="incident-offence" value={offenceClass} options={offenceOptions} onChange={setOffence} />
        </Field>
        <Field id="incident-location" label="Location (optional)" error={fieldError(sending.error, 'location')}>
          <input id="incident-location" value={location} onInput={(e) => setLocation(inputValue(e))} maxLength={120} />
        </Field>
      </div>
      <Field id="incident-summary" label="Summary" hint="Shared with partners when the case is listed: no names." error={fieldError(sending.error, 'summary')}>
        <textarea id="incident-summary" aria-describedby="incident-summary-hint" value={summary} onInput={(e) => setSummary(inputValue(e))} required maxLength={2000} rows={3} />
      </Field>
      <RecordMeta idPrefix="incident" value={meta} onChange={setMeta} error={sending.error} />
      <button type="submit" disabled={sending.busy || !subjects.victim || behaviours.length === 0}>{sending.busy ? 'Recording…' : 'Record incident'}</button>
      {!subjects.victim && <p class="hint">Choose the victim above first.</p>}
      <FormOutcome error={sending.error} success={sending.result && `Incident ${sending.result.ref} recorded. ${sharedNote(sending.result)}`} />
    </form>
  );
}
