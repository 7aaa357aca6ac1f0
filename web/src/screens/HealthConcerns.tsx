import { useState } from 'preact/hooks';
import { SubjectPicker, type Subjects } from '../people/SubjectPicker';
import { session } from '../session';
import { ConcernForm } from './health/ConcernForm';
import { DisclosureQueue } from './health/DisclosureQueue';
import { ReferralForm } from './police/ReferralForm';

/** Health workers flag concerns; the Caldicott guardian decides what detail is disclosed. */
export function HealthConcerns() {
  const [subjects, setSubjects] = useState<Subjects>({ victim: '', suspect: '' });
  if (session.current()?.principal.role === 'caldicott') {
    return (
      <section class="records">
        <h1>Caldicott disclosure requests</h1>
        <p class="lede">Each request asks for the clinical detail behind a concern flagged on a listed case. Disclose only what is necessary, to whom it is necessary.</p>
        <DisclosureQueue />
      </section>
    );
  }
  return (
    <section class="records">
      <h1>Health concerns</h1>
      <SubjectPicker agency="health" value={subjects} onChange={setSubjects} />
      <ConcernForm subjects={subjects} />
      <ReferralForm agency="health" criteria={['health_concern', 'professional_judgement', 'high_risk']} subjects={subjects} />
    </section>
  );
}
