import type { SubjectRef } from '../api/agencies';
import type { PartnerAgency } from '../api/types';
import { Field } from '../ui/form';
import { RecordPerson } from './RecordPerson';
import { useKnownPeople } from './store';

export interface Subjects {
  victim: string;
  suspect: string;
}

export const subjectRefs = (s: Subjects, withSuspect = true): SubjectRef[] => [
  ...(s.victim ? [{ personId: s.victim, role: 'victim' as const }] : []),
  ...(withSuspect && s.suspect ? [{ personId: s.suspect, role: 'suspect' as const }] : []),
];

/** Who the records are about: people this user recorded at their agency, or a new one. */
export function SubjectPicker({ agency, value, onChange, withSuspect = true }: { agency: PartnerAgency; value: Subjects; onChange: (s: Subjects) => void; withSuspect?: boolean }) {
  const people = useKnownPeople(agency);
  const options = (role: string) => [<option key="" value="">{`Choose the ${role}…`}</option>, ...people.map((p) => <option key={p.personId} value={p.personId}>{p.label}</option>)];
  return (
    <section class="panel subjects" aria-labelledby="subjects-heading">
      <h2 id="subjects-heading">Who the records are about</h2>
      {people.length === 0 && <p class="state empty">Record the people first: they are held by your agency and matched across agencies only by link tokens.</p>}
      <div class="row">
        <Field id="subject-victim" label="Victim">
          <select id="subject-victim" value={value.victim} onChange={(e) => onChange({ ...value, victim: (e.currentTarget as HTMLSelectElement).value })}>{options('victim')}</select>
        </Field>
        {withSuspect && (
          <Field id="subject-suspect" label="Suspect (optional)">
            <select id="subject-suspect" value={value.suspect} onChange={(e) => onChange({ ...value, suspect: (e.currentTarget as HTMLSelectElement).value })}>{options('suspect')}</select>
          </Field>
        )}
      </div>
      <details>
        <summary>Record a person</summary>
        <RecordPerson agency={agency} idPrefix={`${agency}-person`} />
      </details>
    </section>
  );
}
