import { useState } from 'preact/hooks';
import { agencies, type Recorded, type Referral } from '../../api/agencies';
import type { PartnerAgency } from '../../api/types';
import { subjectRefs, type Subjects } from '../../people/SubjectPicker';
import { words } from '../../ui/format';
import { Field, FormOutcome, Select, fieldError, inputValue, useSubmit } from '../../ui/form';

/** Refer the case to the multi-agency conference: the one record that carries the people's names. */
export function ReferralForm({ agency, criteria, subjects }: { agency: Exclude<PartnerAgency, 'cps'>; criteria: readonly Referral['criterion'][]; subjects: Subjects }) {
  const [criterion, setCriterion] = useState(criteria[0]!);
  const [reason, setReason] = useState('');
  const sending = useSubmit<Recorded>();
  const submit = (e: Event) => {
    e.preventDefault();
    void sending.submit(() => agencies.refer(agency, { subjects: subjectRefs(subjects), criterion, reason }));
  };
  const id = `${agency}-referral`;
  return (
    <form class="panel" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Refer to the conference</h2>
      <Field id={`${id}-criterion`} label="Why it meets the threshold" error={fieldError(sending.error, 'criterion')}>
        <Select id={`${id}-criterion`} value={criterion} options={criteria.map((c) => ({ value: c, label: words(c) }))} onChange={setCriterion} />
      </Field>
      <Field id={`${id}-reason`} label="Reason" error={fieldError(sending.error, 'reason')}>
        <textarea id={`${id}-reason`} value={reason} onInput={(e) => setReason(inputValue(e))} required maxLength={2000} rows={2} />
      </Field>
      <button type="submit" disabled={sending.busy || !subjects.victim}>{sending.busy ? 'Referring…' : 'Refer'}</button>
      <FormOutcome error={sending.error} success={sending.result && `Referral ${sending.result.ref} sent: the conference lists the case and the agencies' research returns follow.`} />
    </form>
  );
}
