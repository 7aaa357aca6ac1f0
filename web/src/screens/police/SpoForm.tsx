import { useState } from 'preact/hooks';
import { agencies, type Recorded } from '../../api/agencies';
import { subjectRefs, type Subjects } from '../../people/SubjectPicker';
import { nowLocal } from '../../ui/format';
import { Field, FormOutcome, Select, useSubmit } from '../../ui/form';
import { RecordMeta, metaBody, type Meta } from '../../ui/RecordMeta';
import { sharedNote } from '../../ui/sharedNote';

const kinds = [{ value: 'interim' as const, label: 'Interim order' }, { value: 'full' as const, label: 'Full order' }];

/** An application to the magistrates for a Stalking Protection Order. */
export function SpoForm({ subjects }: { subjects: Subjects }) {
  const [kind, setKind] = useState<'interim' | 'full'>('interim');
  const [meta, setMeta] = useState<Meta>({ occurredAt: nowLocal(), sharing: 'partnership', audience: [] });
  const sending = useSubmit<Recorded>();
  const submit = (e: Event) => {
    e.preventDefault();
    void sending.submit(() => agencies.police.spoApplication({ subjects: subjectRefs(subjects), ...metaBody(meta), kind }));
  };
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="spo-heading">
      <h2 id="spo-heading">Apply for a Stalking Protection Order</h2>
      <Field id="spo-kind" label="Order applied for"><Select id="spo-kind" value={kind} options={kinds} onChange={setKind} /></Field>
      <RecordMeta idPrefix="spo" value={meta} onChange={setMeta} error={sending.error} whenLabel="Applied on" />
      <button type="submit" disabled={sending.busy || !subjects.victim || !subjects.suspect}>{sending.busy ? 'Recording…' : 'Record application'}</button>
      {!subjects.suspect && <p class="hint">An order is against the suspect: choose them above.</p>}
      <FormOutcome error={sending.error} success={sending.result && `Application ${sending.result.ref} recorded. ${sharedNote(sending.result)}`} />
    </form>
  );
}
