import { useState } from 'preact/hooks';
import { agencies, type Recorded } from '../../api/agencies';
import type { ConsentLevel, PartnerAgency } from '../../api/types';
import { subjectRefs, type Subjects } from '../../people/SubjectPicker';
import { nowLocal, today } from '../../ui/format';
import { Choices, Field, FormOutcome, Select, fieldError, inputValue, useSubmit } from '../../ui/form';
import { agencyOptions } from '../../ui/labels';
import { localToIso } from '../../ui/format';

const levels: { value: ConsentLevel; label: string }[] = [
  { value: 'full', label: 'Full — share with every agency in the case' },
  { value: 'limited', label: 'Limited — only the agencies named' },
  { value: 'none', label: 'None — share nothing' },
];

const advocateRoles = [
  { value: 'ISAC', label: 'ISAC (stalking advocate)' },
  { value: 'IDVA', label: 'IDVA' },
  { value: 'hospital_IDVA', label: 'Hospital IDVA' },
] as const;
type AdvocateRole = (typeof advocateRoles)[number]['value'];

/** Engage the victim and record their consent to share, with the date they gave it, and who is her advocate. */
export function ConsentForm({ subjects, onEngaged }: { subjects: Subjects; onEngaged: (engagementRef: string) => void }) {
  const [consent, setConsent] = useState<ConsentLevel>('full');
  const [givenOn, setGivenOn] = useState(today());
  const [limitedTo, setLimitedTo] = useState<PartnerAgency[]>([]);
  const [occurredAt, setOccurredAt] = useState(nowLocal());
  const [advocateName, setAdvocateName] = useState('');
  const [advocateRole, setAdvocateRole] = useState<AdvocateRole>('ISAC');
  const [advocatePhone, setAdvocatePhone] = useState('');
  const sending = useSubmit<Recorded>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const done = await sending.submit(() => agencies.advocacy.engage({
      subjects: subjectRefs(subjects, false), occurredAt: localToIso(occurredAt), consent, consentGivenOn: givenOn, ...(consent === 'limited' ? { limitedTo } : {}),
      ...(advocateName.trim() ? { advocate: { name: advocateName, role: advocateRole, ...(advocatePhone.trim() ? { telephone: advocatePhone } : {}) } } : {}),
    }));
    if (done) onEngaged(done.ref);
  };
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="consent-heading">
      <h2 id="consent-heading">Engagement and consent to share</h2>
      <Field id="consent-level" label="Consent" error={fieldError(sending.error, 'consent')}>
        <Select id="consent-level" value={consent} options={levels} onChange={setConsent} />
      </Field>
      {consent === 'limited' && <Choices legend="Agencies the victim agreed to share with" name="consent-limited" options={agencyOptions.filter((a) => a.value !== 'advocacy')} value={limitedTo} onChange={setLimitedTo} error={fieldError(sending.error, 'limitedTo')} />}
      <div class="row">
        <Field id="consent-given" label="Consent given on" error={fieldError(sending.error, 'consentGivenOn')}>
          <input id="consent-given" type="date" value={givenOn} max={today()} onInput={(e) => setGivenOn(inputValue(e))} required />
        </Field>
        <Field id="consent-when" label="Engaged at" error={fieldError(sending.error, 'occurredAt')}>
          <input id="consent-when" type="datetime-local" value={occurredAt} onInput={(e) => setOccurredAt(inputValue(e))} required />
        </Field>
      </div>
      <div class="row">
        <Field id="advocate-name" label="Allocated advocate (optional)" hint="Shown to meeting members as she consents" error={fieldError(sending.error, 'advocate.name')}>
          <input id="advocate-name" aria-describedby="advocate-name-hint" value={advocateName} onInput={(e) => setAdvocateName(inputValue(e))} maxLength={120} />
        </Field>
        <Field id="advocate-role" label="Their role" error={fieldError(sending.error, 'advocate.role')}>
          <Select id="advocate-role" value={advocateRole} options={advocateRoles} onChange={setAdvocateRole} />
        </Field>
        <Field id="advocate-phone" label="Their work number (optional)" error={fieldError(sending.error, 'advocate.telephone')}>
          <input id="advocate-phone" type="tel" value={advocatePhone} onInput={(e) => setAdvocatePhone(inputValue(e))} maxLength={20} />
        </Field>
      </div>
      <button type="submit" disabled={sending.busy || !subjects.victim}>{sending.busy ? 'Recording…' : 'Record consent'}</button>
      <FormOutcome error={sending.error} success={sending.result && `Engagement ${sending.result.ref} recorded with ${consent} consent.`} />
    </form>
  );
}
