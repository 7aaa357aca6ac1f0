import { useState } from 'preact/hooks';
import { conference } from '../../api/conference';
import { webConfig } from '../../api/config';
import type { CaseResponse } from '../../api/types';
import { Field, FormOutcome, Select, fieldError, inputValue, useSubmit } from '../../ui/form';
import { day } from '../../ui/format';
import { useAsync } from '../../ui/useAsync';

/**
 * Where the case belongs among the areas, for the chair: other areas holding a case with the same suspect (named
 * only by area and whom to contact there), and handing this case to another area's conference.
 */
export function Areas({ response, canTransfer, onTransferred }: { response: CaseResponse; canTransfer: boolean; onTransferred?: () => void }) {
  const config = useAsync(() => webConfig(), []);
  const areas = config.data?.areas ?? [];
  const others = response.sameSuspectInOtherAreas ?? [];
  const here = response.view.area ?? areas[0]?.id;
  const elsewhere = areas.filter((a) => a.id !== here);
  if (others.length === 0 && (!canTransfer || elsewhere.length === 0)) return null;
  return (
    <section class="panel areas" aria-labelledby="areas-heading">
      <h2 id="areas-heading">Other areas</h2>
      {others.length > 0 && (
        <>
          <p>The same suspect is on a case held by:</p>
          <ul class="plain">
            {others.map((a) => (
              <li key={a.area}>
                <strong>{a.name}</strong> · contact {a.contact}
                {(a.requests ?? []).map((r) => <p key={r.at} class="state info">{a.name} asks {r.kind === 'joint_discussion' ? 'for a joint discussion' : 'you to transfer this case to them'} ({day(r.at)}).</p>)}
                {canTransfer && <AskArea caseRef={response.view.caseRef} area={a} />}
              </li>
            ))}
          </ul>
          <p class="muted">Nothing of that case is shared here. Contact its coordinator to discuss it jointly or to ask for a transfer.</p>
        </>
      )}
      {canTransfer && elsewhere.length > 0 && <Transfer caseRef={response.view.caseRef} areas={elsewhere} onTransferred={onTransferred} />}
    </section>
  );
}

/** Ask the other area for a joint discussion, or to transfer its case here: it learns only that, and when. */
function AskArea({ caseRef, area }: { caseRef: string; area: { area: string; name: string } }) {
  const asking = useSubmit<unknown>();
  const ask = (kind: 'joint_discussion' | 'transfer_here') => void asking.submit(() => conference.askArea(caseRef, { toArea: area.area, kind }));
  return (
    <div class="ask-area">
      <button type="button" class="secondary small" disabled={asking.busy} onClick={() => ask('joint_discussion')}>Ask {area.name} for a joint discussion</button>{' '}
      <button type="button" class="secondary small" disabled={asking.busy} onClick={() => ask('transfer_here')}>Ask {area.name} to transfer their case here</button>
      <FormOutcome error={asking.error} success={asking.result ? `${area.name} has been asked.` : undefined} />
    </div>
  );
}

function Transfer({ caseRef, areas, onTransferred }: { caseRef: string; areas: { id: string; name: string }[]; onTransferred?: (() => void) | undefined }) {
  const [toArea, setTo] = useState(areas[0]!.id);
  const [reason, setReason] = useState('');
  const sending = useSubmit<unknown>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await sending.submit(() => conference.transferCase(caseRef, { toArea, reason }))) setTimeout(() => onTransferred?.(), 400);
  };
  return (
    <details class="transfer">
      <summary>Transfer this case to another area</summary>
      <form onSubmit={submit} aria-label={`Transfer case ${caseRef} to another area`}>
        <p class="muted">The case goes with its whole history; this area then keeps only the record of the transfer.</p>
        <Field id="transfer-area" label="To" error={fieldError(sending.error, 'toArea')}>
          <Select id="transfer-area" value={toArea} options={areas.map((a) => ({ value: a.id, label: a.name }))} onChange={setTo} />
        </Field>
        <Field id="transfer-reason" label="Reason" hint="Shared with both areas. No names." error={fieldError(sending.error, 'reason')}>
          <input id="transfer-reason" aria-describedby="transfer-reason-hint" value={reason} onInput={(e) => setReason(inputValue(e))} required maxLength={2000} />
        </Field>
        <button type="submit" disabled={sending.busy}>{sending.busy ? 'Transferring…' : 'Transfer the case'}</button>
        <FormOutcome error={sending.error} />
      </form>
    </details>
  );
}
