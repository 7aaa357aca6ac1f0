import { useState } from 'preact/hooks';
import { SubjectPicker, type Subjects } from '../people/SubjectPicker';
import { DashForm } from './police/DashForm';
import { IncidentForm } from './police/IncidentForm';
import { ReferralForm } from './police/ReferralForm';
import { ResearchSummaryForm } from '../people/ResearchSummaryForm';
import { SpoForm } from './police/SpoForm';

/** What a police officer records: incidents, DASH assessments, SPO applications, referrals. */
export function PoliceRecords() {
  const [subjects, setSubjects] = useState<Subjects>({ victim: '', suspect: '' });
  return (
    <section class="records">
      <h1>Police records</h1>
      <nav aria-label="On this page" class="in-page">
        <a href="#incident-heading">Incident</a> · <a href="#dash-heading">DASH</a> · <a href="#spo-heading">SPO</a> · <a href="#police-referral-heading">Referral</a>
      </nav>
      <SubjectPicker agency="police" value={subjects} onChange={setSubjects} />
      <IncidentForm subjects={subjects} />
      <DashForm subjects={subjects} />
      <SpoForm subjects={subjects} />
      <ResearchSummaryForm agency="police" />
      <ReferralForm agency="police" criteria={['high_risk', 'professional_judgement', 'repeat_within_12_months', 'escalation']} subjects={subjects} />
    </section>
  );
}
