import { useState } from 'preact/hooks';
import { agencies, type Recorded } from '../../api/agencies';
import type { ConcernCategory, SubjectRole } from '../../api/types';
import { subjectRefs, type Subjects } from '../../people/SubjectPicker';
import { nowLocal } from '../../ui/format';
import { Field, FormOutcome, Select, fieldError, inputValue, useSubmit } from '../../ui/form';
import { concernCategoryOptions } from '../../ui/labels';
import { RecordMeta, metaBody, type Meta } from '../../ui/RecordMeta';
import { sharedNote } from '../../ui/sharedNote';

const severities = [{ value: 'low' as const, label: 'Low' }, { value: 'medium' as const, label: 'Medium' }, { value: 'high' as const, label: 'High' }];
const roles = [{ value: 'victim' as const, label: 'The victim' }, { value: 'suspect' as const, label: 'The perpetrator (suspect)' }];

/** Flag a concern: only category, severity and a contact point are shared; the detail stays in health. */
export function ConcernForm({ subjects }: { subjects: Subjects }) {
  const [subjectRole, setRole] = useState<Extract<SubjectRole, 'victim' | 'suspect'>>('victim');
  const [category, setCategory] = useState<ConcernCategory>('psychological_distress');
  const [severity, setSeverity] = useState<'low' | 'medium' | 'high'>('medium');
  const [service, setService] = useState('Emergency department');
  const [telephone, setTelephone] = useState('');
  const [detail, setDetail] = useState('');
  const [meta, setMeta] = useState<Meta>({ occurredAt: nowLocal(), sharing: 'partnership', audience: [] });
  const sending = useSubmit<Recorded>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await sending.submit(() => agencies.health.concern({
      subjects: subjectRefs(subjects), ...metaBody(meta), subjectRole, category, severity, contact: { service, ...(telephone.trim() ? { telephone } : {}) }, detail,
    }))) setDetail('');
  };
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="concern-heading">
      <h2 id="concern-heading">Flag a concern</h2>
      <div class="row">
        <Field id="concern-role" label="About" error={fieldError(sending.error, 'subjectRole')}><Select id="concern-role" value={subjectRole} options={roles} onChange={setRole} /></Field>
        <Field id="concern-category" label="Category" error={fieldError(sending.error, 'category')}><Select id="concern-category" value={category} options={concernCategoryOptions} onChange={setCategory} /></Field>
        <Field id="concern-severity" label="Severity" error={fieldError(sending.error, 'severity')}><Select id="concern-severity" value={severity} options={severities} onChange={setSeverity} /></Field>
      </div>
      <div class="row">
        <Field id="concern-service" label="Contact service" error={fieldError(sending.error, 'contact')}>
          <input id="concern-service" value={service} onInput={(e) => setService(inputValue(e))} required maxLength={120} />
        </Field>
        <Field id="concern-phone" label="Contact telephone (optional)" error={fieldError(sending.error, 'contact.telephone')}>
          <input id="concern-phone" type="tel" value={telephone} onInput={(e) => setTelephone(inputValue(e))} />
        </Field>
      </div>
      <Field id="concern-detail" label="Clinical detail" hint="Stays in the health record. Partners see it only after a Caldicott disclosure decision." error={fieldError(sending.error, 'detail')}>
        <textarea id="concern-detail" aria-describedby="concern-detail-hint" value={detail} onInput={(e) => setDetail(inputValue(e))} required maxLength={4000} rows={3} />
      </Field>
      <RecordMeta idPrefix="concern" value={meta} onChange={setMeta} error={sending.error} whenLabel="Seen at" />
      <button type="submit" disabled={sending.busy || !subjects.victim || (subjectRole === 'suspect' && !subjects.suspect)}>{sending.busy ? 'Flagging…' : 'Flag concern'}</button>
      <FormOutcome error={sending.error} success={sending.result && `Concern ${sending.result.ref} flagged. ${sharedNote(sending.result)}`} />
    </form>
  );
}
