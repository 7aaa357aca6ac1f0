import { useState } from 'preact/hooks';
import { SubjectPicker, type Subjects } from '../people/SubjectPicker';
import { Field, inputValue } from '../ui/form';
import { ConsentForm } from './advocacy/ConsentForm';
import { DiaryForm } from './advocacy/DiaryForm';
import { HouseholdForm } from './advocacy/HouseholdForm';
import { SafeContactForm } from './advocacy/SafeContactForm';
import { VictimViewForm } from './advocacy/VictimViewForm';
import { ReferralForm } from './police/ReferralForm';

const KEY = 'convene.advocacy.engagement';

/** What an advocate records with the victim: consent, their own view, household, safe contact, their diary; and referrals. */
export function AdvocacyRecords() {
  const [subjects, setSubjects] = useState<Subjects>({ victim: '', suspect: '' });
  const [engagementRef, setEngagement] = useState(() => sessionStorage.getItem(KEY) ?? '');
  const remember = (ref: string) => {
    sessionStorage.setItem(KEY, ref);
    setEngagement(ref);
  };
  return (
    <section class="records">
      <h1>Advocacy records</h1>
      <nav aria-label="On this page" class="in-page">
        <a href="#consent-heading">Consent</a> · <a href="#view-heading">Victim's view</a> · <a href="#household-heading">Household</a> · <a href="#contact-heading">Safe contact</a> · <a href="#diary-heading">Diary</a> · <a href="#advocacy-referral-heading">Referral</a>
      </nav>
      <SubjectPicker agency="advocacy" value={subjects} onChange={setSubjects} />
      <ConsentForm subjects={subjects} onEngaged={remember} />
      <div class="panel">
        <Field id="engagement-ref" label="Engagement reference" hint="Filled in when you record an engagement; views and plans belong to one.">
          <input id="engagement-ref" aria-describedby="engagement-ref-hint" value={engagementRef} onInput={(e) => remember(inputValue(e).trim())} />
        </Field>
      </div>
      <VictimViewForm subjects={subjects} engagementRef={engagementRef} />
      <HouseholdForm subjects={subjects} engagementRef={engagementRef} />
      <SafeContactForm subjects={subjects} engagementRef={engagementRef} />
      <DiaryForm subjects={subjects} />
      <ReferralForm agency="advocacy" criteria={['victim_request', 'professional_judgement', 'high_risk']} subjects={subjects} />
    </section>
  );
}
