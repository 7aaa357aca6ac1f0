import { useState } from 'preact/hooks';
import { agencies, type HistoryRequest } from '../../api/agencies';
import { useKnownPeople } from '../../people/store';
import { RecordPerson } from '../../people/RecordPerson';
import { navigate } from '../../router';
import { Choices, Field, FormOutcome, Select, fieldError, inputValue, useSubmit } from '../../ui/form';
import { rememberCheck } from './checks';

const bases: { value: HistoryRequest['lawfulBasis']; label: string }[] = [
  { value: 'charging_decision', label: 'Charging decision' },
  { value: 'bail_application', label: 'Bail application' },
  { value: 'sentencing', label: 'Sentencing' },
  { value: 'restraining_order_application', label: 'Restraining order application' },
];

/** Ask for a history check on suspects (recorded at CPS first) of a CPS case file (URN), with the lawful basis and purpose. */
export function RequestForm() {
  const people = useKnownPeople('cps');
  const [suspects, setSuspects] = useState<string[]>([]);
  const [urn, setUrn] = useState('');
  const [caseRef, setCaseRef] = useState('');
  const [lawfulBasis, setBasis] = useState<HistoryRequest['lawfulBasis']>('charging_decision');
  const [purpose, setPurpose] = useState('');
  const [windowMonths, setWindowMonths] = useState('12');
  const [oic, setOic] = useState({ name: '', reference: '', contact: '' });
  const officerInCase = oic.name.trim()
    ? { officerInCase: { name: oic.name.trim(), ...(oic.reference.trim() ? { reference: oic.reference.trim() } : {}), ...(oic.contact.trim() ? { contact: oic.contact.trim() } : {}) } }
    : {};
  const sending = useSubmit<{ requestRef: string }>();

  const submit = async (e: Event) => {
    e.preventDefault();
    const done = await sending.submit(() => agencies.cps.historyRequest({
      urn: urn.replace(/\s+/g, '').toUpperCase(), suspects, ...(caseRef.trim() ? { caseRef: caseRef.trim() } : {}), lawfulBasis, purpose,
      ...(windowMonths.trim() && Number(windowMonths) !== 12 ? { windowMonths: Number(windowMonths) } : {}), ...officerInCase,
    }));
    if (done) {
      rememberCheck({ requestRef: done.requestRef, at: new Date().toISOString(), purpose });
      navigate(`/history-checks/${done.requestRef}`);
    }
  };

  return (
    <>
      <section class="panel" aria-labelledby="suspect-heading">
        <h2 id="suspect-heading">1. Record the suspect</h2>
        <p class="hint">The suspect's identifiers stay at CPS; agencies match them only by link tokens.</p>
        <RecordPerson agency="cps" idPrefix="suspect" onRecorded={(p) => setSuspects((s) => [...s, p.personId])} />
      </section>
      <form class="panel" onSubmit={submit} aria-labelledby="request-heading">
        <h2 id="request-heading">2. Ask for the history check</h2>
        {people.length === 0
          ? <p class="state empty">No suspect recorded yet in this session. Record one above.</p>
          : <Choices legend="Suspects" name="history-suspects" options={people.map((p) => ({ value: p.personId, label: p.label }))} value={suspects} onChange={setSuspects} error={fieldError(sending.error, 'suspects')} />}
        <Field id="history-urn" label="CPS case file (URN)" hint="The case file naming the suspect, e.g. 42AB1234526. A check is only for a suspect of a CPS case." error={fieldError(sending.error, 'urn')}>
          <input id="history-urn" aria-describedby="history-urn-hint" value={urn} onInput={(e) => setUrn(inputValue(e))} required pattern="\s*\d{2}\s*[A-Za-z0-9]{2}\s*\d{5}\s*\d{2}\s*" />
        </Field>
        <div class="row">
          <Field id="history-case" label="Case reference (optional)" hint="e.g. CNV-2026-000123" error={fieldError(sending.error, 'caseRef')}>
            <input id="history-case" aria-describedby="history-case-hint" value={caseRef} onInput={(e) => setCaseRef(inputValue(e))} pattern="CNV-\d{4}-\d{6}" />
          </Field>
          <Field id="history-basis" label="Lawful basis" error={fieldError(sending.error, 'lawfulBasis')}>
            <Select id="history-basis" value={lawfulBasis} options={bases} onChange={setBasis} />
          </Field>
          <Field id="history-window" label="Look back (months)" hint="12 unless previous convictions or orders need longer; at most what your partnership's agreement allows." error={fieldError(sending.error, 'windowMonths')}>
            <input id="history-window" aria-describedby="history-window-hint" type="number" min={1} max={120} value={windowMonths} onInput={(e) => setWindowMonths(inputValue(e))} />
          </Field>
        </div>
        <div class="row">
          <Field id="history-oic" label="Officer in the case (optional)" hint="Whom agencies can call about the file." error={fieldError(sending.error, 'officerInCase.name')}>
            <input id="history-oic" aria-describedby="history-oic-hint" value={oic.name} onInput={(e) => setOic({ ...oic, name: inputValue(e) })} maxLength={120} />
          </Field>
          <Field id="history-oic-ref" label="Collar number or reference" error={fieldError(sending.error, 'officerInCase.reference')}>
            <input id="history-oic-ref" value={oic.reference} onInput={(e) => setOic({ ...oic, reference: inputValue(e) })} maxLength={40} />
          </Field>
          <Field id="history-oic-contact" label="Their work telephone or e-mail" error={fieldError(sending.error, 'officerInCase.contact')}>
            <input id="history-oic-contact" value={oic.contact} onInput={(e) => setOic({ ...oic, contact: inputValue(e) })} maxLength={120} />
          </Field>
        </div>
        <Field id="history-purpose" label="Purpose" hint="Why you need the check, in your own words: recorded on the check, sent to the agencies and kept by CPS." error={fieldError(sending.error, 'purpose')}>
          <textarea id="history-purpose" aria-describedby="history-purpose-hint" value={purpose} onInput={(e) => setPurpose(inputValue(e))} required minLength={10} maxLength={1000} rows={2} />
        </Field>
        <button type="submit" disabled={sending.busy || suspects.length === 0 || !urn.trim()}>{sending.busy ? 'Requesting…' : 'Request history check'}</button>
        <FormOutcome error={sending.error} />
      </form>
    </>
  );
}
