import { useState } from 'preact/hooks';
import { conference } from '../../api/conference';
import type { PartnerAgency, RiskGrade } from '../../api/types';
import { today } from '../../ui/format';
import { Field, FormOutcome, Select, fieldError, inputValue, useSubmit } from '../../ui/form';
import { agencyOptions, gradeOptions } from '../../ui/labels';

interface Props {
  caseRef: string;
  meetingId: string;
  onRecorded: () => void;
}

/** The meeting's risk decision for the case, and when it is next reviewed. */
export function ReviewForm({ caseRef, meetingId, onRecorded }: Props) {
  const [grade, setGrade] = useState<RiskGrade>('high');
  const [rationale, setRationale] = useState('');
  const [nextReviewOn, setNext] = useState(today(28));
  const sending = useSubmit<unknown>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await sending.submit(() => conference.review(caseRef, { meetingId, riskDecision: grade, rationale, nextReviewOn }))) {
      setRationale('');
      onRecorded();
    }
  };
  return (
    <form class="panel decision" onSubmit={submit} aria-labelledby="review-heading">
      <h3 id="review-heading">Record the risk decision</h3>
      <Field id="review-grade" label="Risk decided by the meeting" error={fieldError(sending.error, 'riskDecision')}>
        <Select id="review-grade" value={grade} options={gradeOptions} onChange={setGrade} />
      </Field>
      <Field id="review-rationale" label="Rationale" hint="Shared with every member of the case. No names." error={fieldError(sending.error, 'rationale')}>
        <textarea id="review-rationale" aria-describedby="review-rationale-hint" value={rationale} onInput={(e) => setRationale(inputValue(e))} required maxLength={2000} rows={3} />
      </Field>
      <Field id="review-next" label="Next review" error={fieldError(sending.error, 'nextReviewOn')}>
        <input id="review-next" type="date" value={nextReviewOn} min={today()} onInput={(e) => setNext(inputValue(e))} required />
      </Field>
      <button type="submit" disabled={sending.busy}>{sending.busy ? 'Recording…' : 'Record decision'}</button>
      <FormOutcome error={sending.error} success={sending.result ? 'Decision recorded.' : undefined} />
    </form>
  );
}

/** An action agreed in the meeting, owned by one agency, with a due date. */
export function AssignActionForm({ caseRef, meetingId, onRecorded }: Props) {
  const [agency, setAgency] = useState<PartnerAgency>('police');
  const [description, setDescription] = useState('');
  const [dueOn, setDue] = useState(today(14));
  const sending = useSubmit<unknown>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await sending.submit(() => conference.assignAction(caseRef, { agency, description, dueOn, meetingId }))) {
      setDescription('');
      onRecorded();
    }
  };
  return (
    <form class="panel decision" onSubmit={submit} aria-labelledby="action-heading">
      <h3 id="action-heading">Assign an action</h3>
      <Field id="action-agency" label="Owner" error={fieldError(sending.error, 'agency')}>
        <Select id="action-agency" value={agency} options={agencyOptions} onChange={setAgency} />
      </Field>
      <Field id="action-description" label="What is to be done" error={fieldError(sending.error, 'description')}>
        <textarea id="action-description" value={description} onInput={(e) => setDescription(inputValue(e))} required maxLength={2000} rows={2} />
      </Field>
      <Field id="action-due" label="Due" error={fieldError(sending.error, 'dueOn')}>
        <input id="action-due" type="date" value={dueOn} min={today()} onInput={(e) => setDue(inputValue(e))} required />
      </Field>
      <button type="submit" disabled={sending.busy}>{sending.busy ? 'Assigning…' : 'Assign action'}</button>
      <FormOutcome error={sending.error} success={sending.result ? 'Action assigned; the agency has been told.' : undefined} />
    </form>
  );
}
