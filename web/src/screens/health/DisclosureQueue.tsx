import { useState } from 'preact/hooks';
import type { LegalGateway } from '@convene/shared/contracts';
import { agencies, type DisclosureRequestView, type Recorded } from '../../api/agencies';
import type { AudienceEntry } from '../../api/types';
import { when } from '../../ui/format';
import { Choices, Field, FormOutcome, Select, fieldError, inputValue, useSubmit } from '../../ui/form';
import { agencyLabel, roleLabel } from '../../ui/labels';
import { Empty, ErrorBox, Loading } from '../../ui/states';
import { useAsync } from '../../ui/useAsync';

const audienceKey = (a: AudienceEntry) => ('agency' in a ? `agency:${a.agency}` : `role:${a.role}`);
const audienceName = (a: AudienceEntry) => ('agency' in a ? agencyLabel[a.agency] : roleLabel[a.role]);
const AUDIENCE: AudienceEntry[] = [{ role: 'chair' }, { agency: 'police' }, { agency: 'cps' }, { agency: 'advocacy' }];
const GATEWAYS: readonly { value: LegalGateway; label: string }[] = [
  { value: 'safeguarding_individual_at_risk', label: 'Safeguarding an individual at risk (DPA 2018 Sch. 1 para. 18)' },
  { value: 'overriding_public_interest', label: 'Overriding public interest: risk of serious harm' },
  { value: 'prevention_or_detection_of_crime', label: 'Prevention or detection of crime (DPA 2018 Sch. 2 para. 2; CDA 1998 s.115)' },
  { value: 'explicit_consent', label: 'The patient\'s explicit consent' },
  { value: 'statutory_duty', label: 'A statutory duty (e.g. Children Act 2004 s.11)' },
  { value: 'court_order', label: 'A court order' },
];
const gatewayLabel = (g: LegalGateway) => GATEWAYS.find((o) => o.value === g)?.label ?? g;

function Decide({ request, onDecided }: { request: DisclosureRequestView; onDecided: () => void }) {
  const [decision, setDecision] = useState<'disclosed' | 'refused'>('disclosed');
  const [reason, setReason] = useState('');
  const [gateway, setGateway] = useState<LegalGateway>('safeguarding_individual_at_risk');
  const [audience, setAudience] = useState<string[]>(request.proposedAudience.map(audienceKey));
  const sending = useSubmit<Recorded>();
  const id = `decide-${request.requestRef.slice(0, 8)}`;
  const options = [...new Map([...request.proposedAudience, ...AUDIENCE].map((a) => [audienceKey(a), a])).values()];
  const submit = async (e: Event) => {
    e.preventDefault();
    const chosen = options.filter((a) => audience.includes(audienceKey(a)));
    if (await sending.submit(() => agencies.health.decide(request.requestRef, { decision, reason, ...(decision === 'disclosed' ? { audience: chosen, legalGateway: gateway } : {}) }))) onDecided();
  };
  return (
    <form onSubmit={submit} class="decide" aria-label={`Decide request about concern ${request.concernRef}`}>
      <Field id={`${id}-decision`} label="Decision"><Select id={`${id}-decision`} value={decision} options={[{ value: 'disclosed', label: 'Disclose the detail' }, { value: 'refused', label: 'Refuse' }]} onChange={setDecision} /></Field>
      {decision === 'disclosed' && <Choices legend="Disclose to" name={`${id}-audience`} value={audience} onChange={setAudience} error={fieldError(sending.error, 'audience')}
        options={options.map((a) => ({ value: audienceKey(a), label: audienceName(a) }))} />}
      {decision === 'disclosed' && <Field id={`${id}-gateway`} label="Legal gateway" error={fieldError(sending.error, 'legalGateway')}>
        <Select id={`${id}-gateway`} value={gateway} options={GATEWAYS} onChange={setGateway} />
      </Field>}
      <Field id={`${id}-reason`} label="Reason (recorded and shared)" error={fieldError(sending.error, 'reason')}>
        <textarea id={`${id}-reason`} value={reason} onInput={(e) => setReason(inputValue(e))} required maxLength={2000} rows={2} />
      </Field>
      <button type="submit" disabled={sending.busy}>{sending.busy ? 'Recording…' : 'Record decision'}</button>
      <FormOutcome error={sending.error} />
    </form>
  );
}

/** The Caldicott guardian's queue: requests to disclose a concern's detail, pending first. */
export function DisclosureQueue() {
  const queue = useAsync(() => agencies.health.disclosureQueue(), []);
  return (
    <section class="panel" aria-labelledby="queue-heading">
      <h2 id="queue-heading">Disclosure requests</h2>
      {queue.state === 'loading' && <Loading what="the disclosure queue" />}
      {queue.state === 'error' && <ErrorBox error={queue.error} retry={queue.reload} title="Could not load the queue" />}
      {queue.state === 'ready' && queue.data.length === 0 && <Empty><p>No request to decide. Requests arrive when a meeting chair asks for a concern's detail.</p></Empty>}
      {queue.state === 'ready' && queue.data.length > 0 && (
        <ul class="queue">
          {queue.data.map((r) => (
            <li key={r.requestRef} class={`panel request status-${r.status}`}>
              <p><strong>Case {r.caseRef}</strong>, concern {r.concernRef} — <span class={`badge status-${r.status}`}>{r.status}</span></p>
              <p>Asked by {r.requestedBy.displayName ?? r.requestedBy.userId}, {when(r.requestedAt)}: “{r.reason}”</p>
              <p class="muted">Proposed audience: {r.proposedAudience.map(audienceName).join(', ')}</p>
              {r.status === 'pending' ? <Decide request={r} onDecided={queue.reload} /> : r.decision && (
                <p>Decided by {r.decision.decidedBy.displayName ?? r.decision.decidedBy.userId}, {when(r.decision.decidedAt)}: “{r.decision.reason}”{r.decision.audience ? ` — disclosed to ${r.decision.audience.map(audienceName).join(', ')}` : ''}{r.decision.legalGateway ? `, relying on: ${gatewayLabel(r.decision.legalGateway)}` : ''}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
