import { useState } from 'preact/hooks';
import { agencies, type PersonInput } from '../api/agencies';
import type { PartnerAgency } from '../api/types';
import { agencyLabel } from '../ui/labels';
import { Field, FormOutcome, fieldError, inputValue, useSubmit } from '../ui/form';
import { rememberPerson, type KnownPerson } from './store';

const EMPTY: PersonInput = { given: '', family: '', dateOfBirth: '', nhsNumber: '', pncId: '', postcode: '' };

/**
 * Record a person at this agency (POST /people). The identifiers stay with the agency; only link tokens
 * derived from them leave it, which is how the same person is matched across agencies.
 */
export function RecordPerson({ agency, idPrefix, onRecorded }: { agency: PartnerAgency; idPrefix: string; onRecorded?: (p: KnownPerson) => void }) {
  const [person, setPerson] = useState<PersonInput>(EMPTY);
  const sending = useSubmit<KnownPerson>();
  const set = (field: keyof PersonInput) => (e: Event) => setPerson((p) => ({ ...p, [field]: inputValue(e) }));
  const id = (field: string) => `${idPrefix}-${field}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    const body = Object.fromEntries(Object.entries(person).filter(([, v]) => v.trim() !== '')) as unknown as PersonInput;
    const known = await sending.submit(async () => {
      const { personId } = await agencies.recordPerson(agency, body);
      return { personId, label: `${person.given} ${person.family} (born ${person.dateOfBirth})` };
    });
    if (known) {
      rememberPerson(agency, known);
      setPerson(EMPTY);
      onRecorded?.(known);
    }
  };

  return (
    <form class="record-person" onSubmit={submit} aria-label={`Record a person at ${agencyLabel[agency]}`}>
      <div class="row">
        <Field id={id('given')} label="Given name" error={fieldError(sending.error, 'given')}>
          <input id={id('given')} value={person.given} onInput={set('given')} required maxLength={80} autoComplete="off" />
        </Field>
        <Field id={id('family')} label="Family name" error={fieldError(sending.error, 'family')}>
          <input id={id('family')} value={person.family} onInput={set('family')} required maxLength={80} autoComplete="off" />
        </Field>
        <Field id={id('dob')} label="Date of birth" error={fieldError(sending.error, 'dateOfBirth')}>
          <input id={id('dob')} type="date" value={person.dateOfBirth} onInput={set('dateOfBirth')} required />
        </Field>
      </div>
      <div class="row">
        <Field id={id('nhs')} label="NHS number (optional)" error={fieldError(sending.error, 'nhsNumber')}>
          <input id={id('nhs')} value={person.nhsNumber} onInput={set('nhsNumber')} inputMode="numeric" autoComplete="off" />
        </Field>
        <Field id={id('pnc')} label="PNC id (optional)" error={fieldError(sending.error, 'pncId')}>
          <input id={id('pnc')} value={person.pncId} onInput={set('pncId')} autoComplete="off" />
        </Field>
        <Field id={id('postcode')} label="Postcode (optional)" error={fieldError(sending.error, 'postcode')}>
          <input id={id('postcode')} value={person.postcode} onInput={set('postcode')} autoComplete="off" />
        </Field>
      </div>
      <button type="submit" class="secondary" disabled={sending.busy}>{sending.busy ? 'Recording…' : 'Record person'}</button>
      <FormOutcome error={sending.error} success={sending.result ? `Recorded ${sending.result.label}.` : undefined} />
    </form>
  );
}
