import type { Principal } from '@convene/shared/auth';
import type { Areas } from '../domain/areas.js';

/**
 * The demo partnership: one person per role, used by the development sign-in and by anything that seeds
 * demo data (meeting invitations name these user ids). Never used when the partnership signs in through its
 * own OIDC provider.
 */
export interface DemoPerson extends Required<Omit<Principal, 'area'>>, Pick<Principal, 'area'> {
  /** What the person does, shown on the sign-in screen. */
  title: string;
}

/** The demo's two areas (`npm run demo -- --areas 2`); a demo of one area serves the first alone. */
export const FIRST_DEMO_AREA = { id: 'leeds', name: 'Leeds stalking clinic', contact: 'stalking.clinic@leeds.example.gov.uk, 0113 496 0100' };
export const SECOND_DEMO_AREA = { id: 'bradford', name: 'Bradford MARAC', contact: 'marac@bradford.example.gov.uk, 01274 496 0200' };

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { sub: 'chair-sam-okafor', name: 'Sam Okafor', agency: 'conference', role: 'chair', title: 'Stalking clinic chair' },
  { sub: 'police-jo-ward', name: 'PC Jo Ward', agency: 'police', role: 'police', title: 'Police stalking liaison officer' },
  { sub: 'cps-priya-nair', name: 'Priya Nair', agency: 'cps', role: 'cps', title: 'CPS lawyer' },
  { sub: 'health-alex-moss', name: 'Dr Alex Moss', agency: 'health', role: 'health', title: 'Emergency department consultant' },
  { sub: 'health-ruth-caldwell', name: 'Ruth Caldwell', agency: 'health', role: 'caldicott', title: 'Caldicott guardian' },
  { sub: 'health-lena-brooks', name: 'Lena Brooks', agency: 'health', role: 'health_idva', title: 'Hospital IDVA (employed by health, works with advocacy)' },
  { sub: 'advocacy-kim-adeyemi', name: 'Kim Adeyemi', agency: 'advocacy', role: 'advocate', title: 'Independent stalking advocate (ISAC)' },
  { sub: 'scrutiny-morgan-lee', name: 'Morgan Lee', agency: 'conference', role: 'scrutiny', title: 'Scrutiny panel member' },
  // The second area's, in a demo of two areas (`npm run demo -- --areas 2`); everyone above is the first area's.
  { sub: 'chair-nia-campbell', name: 'Nia Campbell', agency: 'conference', role: 'chair', title: 'MARAC chair, second area', area: SECOND_DEMO_AREA.id },
  { sub: 'police-tom-reid', name: 'PC Tom Reid', agency: 'police', role: 'police', title: 'Police officer, second area', area: SECOND_DEMO_AREA.id },
];

export function demoPerson(personId: string): DemoPerson | undefined {
  return DEMO_PEOPLE.find((p) => p.sub === personId);
}

/**
 * The demo people of the areas served, each with the area claim their token carries: their own, or (where the
 * conference serves several areas) the first area's; none where it serves one.
 */
export function demoPeopleServed(areas: Areas): { person: DemoPerson; area: string | undefined }[] {
  return DEMO_PEOPLE
    .filter((person) => person.area === undefined || areas.get(person.area) !== undefined)
    .map((person) => ({ person, area: person.area ?? (areas.all.length > 1 ? areas.all[0]!.id : undefined) }));
}
