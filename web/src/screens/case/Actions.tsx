import { useState } from 'preact/hooks';
import { conference } from '../../api/conference';
import type { CaseAction, PartnerAgency } from '../../api/types';
import { day, today, words } from '../../ui/format';
import { Field, FormOutcome, Select, fieldError, inputValue, useSubmit } from '../../ui/form';
import { agencyLabel, agencyOptions } from '../../ui/labels';

const stillToDo = (a: CaseAction) => a.status === 'open' || a.status === 'accepted';
export const isOverdue = (a: CaseAction, on = today()) => stillToDo(a) && a.dueOn !== null && a.dueOn < on;

/** Actions agreed for the case: who owns each, when it is due, where it stands; the chair may cancel or reassign one. */
export function Actions({ caseRef, actions, canChange = false, onChanged }: { caseRef: string; actions: CaseAction[]; canChange?: boolean; onChanged?: () => void }) {
  return (
    <section class="panel actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      {actions.length === 0 ? <p class="state empty">No action assigned yet.</p> : (
        <table class="data compact">
          <thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.actionId} class={isOverdue(a) ? 'overdue' : ''}>
                <td>
                  {a.description ?? '—'}{a.outcome && <p class="muted">Outcome: {a.outcome}</p>}
                  {a.note && <p class="muted">{a.status === 'declined' ? 'Declined' : 'Note'}: {a.note}</p>}
                  {canChange && (stillToDo(a) || a.status === 'declined') && <ChangeAction caseRef={caseRef} action={a} onChanged={onChanged} />}
                </td>
                <td>{a.owner ? agencyLabel[a.owner] : '—'}</td>
                <td>{day(a.dueOn)}{isOverdue(a) && <> <span class="badge overdue-badge">Overdue</span></>}</td>
                <td>{words(a.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Cancel an action, or give it to another agency with a new due date: the reason goes to the agencies. */
function ChangeAction({ caseRef, action, onChanged }: { caseRef: string; action: CaseAction; onChanged?: (() => void) | undefined }) {
  const id = action.actionId.slice(0, 8);
  const [to, setTo] = useState<'cancel' | PartnerAgency>('cancel');
  const [dueOn, setDue] = useState(today(14));
  const [reason, setReason] = useState('');
  const sending = useSubmit<unknown>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const done = await sending.submit(() => (to === 'cancel'
      ? conference.cancelAction(caseRef, action.actionId, { reason })
      : conference.reassignAction(caseRef, action.actionId, { agency: to, dueOn, reason })));
    // The case view folds the decision a moment after it is recorded: look again then.
    if (done) setTimeout(() => onChanged?.(), 400);
  };
  const options = [{ value: 'cancel' as const, label: 'Cancel it' }, ...agencyOptions.filter((o) => o.value !== action.owner || action.status === 'declined').map((o) => ({ value: o.value, label: `Give it to ${o.label}` }))];
  return (
    <details class="change-action">
      <summary>Cancel or reassign</summary>
      <form onSubmit={submit} aria-label={`Cancel or reassign the action ${action.description ?? id}`}>
        <Field id={`change-${id}`} label="What to do" error={fieldError(sending.error, 'agency')}>
          <Select id={`change-${id}`} value={to} options={options} onChange={setTo} />
        </Field>
        {to !== 'cancel' && (
          <Field id={`change-due-${id}`} label="New due date" error={fieldError(sending.error, 'dueOn')}>
            <input id={`change-due-${id}`} type="date" value={dueOn} min={today()} onInput={(e) => setDue(inputValue(e))} required />
          </Field>
        )}
        <Field id={`change-reason-${id}`} label="Reason" hint="Shared with the agencies in the case. No names." error={fieldError(sending.error, 'reason')}>
          <input id={`change-reason-${id}`} aria-describedby={`change-reason-${id}-hint`} value={reason} onInput={(e) => setReason(inputValue(e))} required maxLength={2000} />
        </Field>
        <button type="submit" disabled={sending.busy}>{sending.busy ? 'Recording…' : to === 'cancel' ? 'Cancel the action' : 'Reassign the action'}</button>
        <FormOutcome error={sending.error} />
      </form>
    </details>
  );
}
