import type { Principal } from '@convene/shared/auth';

/**
 * The demo partnership: one person per role, used by the development sign-in and by anything that seeds
 * demo data (meeting invitations name these user ids). Never used when the partnership signs in through its
 * own OIDC provider.
 */
export interface DemoPerson extends Required<Omit<Principal, 'area'>>, Pick<Principal, 'area'> {
  /** What the person does, shown on the sign-in screen. */
  title: string;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { sub: 'chair-sam-okafor', name: 'Sam Okafor', agency: 'conference', role: 'chair', title: 'Stalking clinic chair' },
  { sub: 'police-jo-ward', name: 'PC Jo Ward', agency: 'police', role: 'police', title: 'Police stalking liaison officer' },
  { sub: 'cps-priya-nair', name: 'Priya Nair', agency: 'cps', role: 'cps', title: 'CPS lawyer' },
  { sub: 'health-alex-moss', name: 'Dr Alex Moss', agency: 'health', role: 'health', title: 'Emergency department consultant' },
  { sub: 'health-ruth-caldwell', name: 'Ruth Caldwell', agency: 'health', role: 'caldicott', title: 'Caldicott guardian' },
  { sub: 'health-lena-brooks', name: 'Lena Brooks', agency: 'health', role: 'health_idva', title: 'Hospital IDVA (employed by health, works with advocacy)' },
  { sub: 'advocacy-kim-adeyemi', name: 'Kim Adeyemi', agency: 'advocacy', role: 'advocate', title: 'Independent stalking advocate (ISAC)' },
  { sub: 'scrutiny-morgan-lee', name: 'Morgan Lee', agency: 'conference', role: 'scrutiny', title: 'Scrutiny panel member' },
];

export function demoPerson(personId: string): DemoPerson | undefined {
  return DEMO_PEOPLE.find((p) => p.sub === personId);
}
