import { useState } from 'preact/hooks';
import { agencies, type Recorded } from '../../api/agencies';
import type { RiskGrade } from '../../api/types';
import { subjectRefs, type Subjects } from '../../people/SubjectPicker';
import { nowLocal } from '../../ui/format';
import { Field, FormOutcome, Select, fieldError, inputValue, useSubmit } from '../../ui/form';
import { gradeOptions } from '../../ui/labels';
import { RecordMeta, metaBody, type Meta } from '../../ui/RecordMeta';

/** The victim's own view of their risk, their wishes and fears — shown beside the assessed grade. */
export function VictimViewForm({ subjects, engagementRef }: { subjects: Subjects; engagementRef: string }) {
  const [grade, setGrade] = useState<RiskGrade>('high');
  const [wishes, setWishes] = useState('');
  const [fears, setFears] = useState('');
  const [meta, setMeta] = useState<Meta>({ occurredAt: nowLocal(), sharing: 'partnership', audience: [] });
  const sending = useSubmit<Recorded>();
  const submit = (e: Event) => {
    e.preventDefault();
    void sending.submit(() => agencies.advocacy.victimView({
      subjects: subjectRefs(subjects, false), ...metaBody(meta), engagementRef, ownViewOfRisk: grade, wishes, ...(fears.trim() ? { fears } : {}),
    }));
  };
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="view-heading">
      <h2 id="view-heading">The victim's own view</h2>
      <Field id="view-grade" label="How much danger they feel they are in" error={fieldError(sending.error, 'ownViewOfRisk')}>
        <Select id="view-grade" value={grade} options={gradeOptions} onChange={setGrade} />
      </Field>
      <Field id="view-wishes" label="Their wishes" error={fieldError(sending.error, 'wishes')}>
        <textarea id="view-wishes" value={wishes} onInput={(e) => setWishes(inputValue(e))} required maxLength={2000} rows={2} />
      </Field>
      <Field id="view-fears" label="Their fears (optional)" error={fieldError(sending.error, 'fears')}>
        <textarea id="view-fears" value={fears} onInput={(e) => setFears(inputValue(e))} maxLength={2000} rows={2} />
      </Field>
      <RecordMeta idPrefix="view" value={meta} onChange={setMeta} error={sending.error} whenLabel="When they said it" />
      <button type="submit" disabled={sending.busy || !engagementRef}>{sending.busy ? 'Recording…' : 'Record their view'}</button>
      {!engagementRef && <p class="hint">Record the engagement and consent first.</p>}
      <FormOutcome error={sending.error} success={sending.result && (sending.result.published ? 'Recorded and shared under their consent.' : 'Recorded; not shared (no open listing, or their consent does not allow it).')} />
    </form>
  );
}
