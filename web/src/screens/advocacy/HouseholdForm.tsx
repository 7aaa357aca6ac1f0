import { useState } from 'preact/hooks';
import { agencies, type Recorded } from '../../api/agencies';
import { subjectRefs, type Subjects } from '../../people/SubjectPicker';
import { nowLocal } from '../../ui/format';
import { Field, FormOutcome, fieldError, inputValue, useSubmit } from '../../ui/form';
import { RecordMeta, metaBody, type Meta } from '../../ui/RecordMeta';

/** Ages as the advocate types them ("4, 9"): whole years, or undefined if any is not one. */
function parseAges(text: string): number[] | undefined {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  const ages = parts.map(Number);
  return ages.every((a) => Number.isInteger(a) && a >= 0 && a <= 17) ? ages : undefined;
}

/** Who lives with her: children's ages and other adults as counts, never names; and the safeguarding referral. */
export function HouseholdForm({ subjects, engagementRef }: { subjects: Subjects; engagementRef: string }) {
  const [ages, setAges] = useState('');
  const [adults, setAdults] = useState('0');
  const [referred, setReferred] = useState(false);
  const [referredOn, setReferredOn] = useState('');
  const [meta, setMeta] = useState<Meta>({ occurredAt: nowLocal(), sharing: 'partnership', audience: [] });
  const sending = useSubmit<Recorded>();
  const parsed = parseAges(ages);
  const submit = (e: Event) => {
    e.preventDefault();
    void sending.submit(() => agencies.advocacy.household({
      subjects: subjectRefs(subjects, false), ...metaBody(meta), engagementRef, childrenAges: parsed ?? [], otherAdults: Number(adults),
      safeguardingReferralMade: referred, ...(referred && referredOn ? { safeguardingReferralOn: referredOn } : {}),
    }));
  };
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="household-heading">
      <h2 id="household-heading">Household</h2>
      <Field id="household-ages" label="Children's ages" hint="Whole years, separated by commas (for example 4, 9); leave empty if none. Never names."
        error={ages && !parsed ? 'Ages are whole years from 0 to 17, separated by commas.' : fieldError(sending.error, 'childrenAges')}>
        <input id="household-ages" aria-describedby="household-ages-hint" value={ages} onInput={(e) => setAges(inputValue(e))} inputMode="numeric" />
      </Field>
      <Field id="household-adults" label="Other adults living with her" error={fieldError(sending.error, 'otherAdults')}>
        <input id="household-adults" type="number" min={0} max={12} value={adults} onInput={(e) => setAdults(inputValue(e))} required />
      </Field>
      <label class="choice">
        <input type="checkbox" checked={referred} onChange={(e) => setReferred((e.currentTarget as HTMLInputElement).checked)} /> A safeguarding referral has been made
      </label>
      {referred && (
        <Field id="household-referred-on" label="Referral made on (optional)" error={fieldError(sending.error, 'safeguardingReferralOn')}>
          <input id="household-referred-on" type="date" value={referredOn} onInput={(e) => setReferredOn(inputValue(e))} />
        </Field>
      )}
      <RecordMeta idPrefix="household" value={meta} onChange={setMeta} error={sending.error} whenLabel="As of" />
      <button type="submit" disabled={sending.busy || !engagementRef || (ages !== '' && !parsed)}>{sending.busy ? 'Recording…' : 'Record the household'}</button>
      <FormOutcome error={sending.error} success={sending.result && (sending.result.published ? 'Recorded and shared under her consent.' : 'Recorded; not shared (no open listing, or her consent does not allow it).')} />
    </form>
  );
}
