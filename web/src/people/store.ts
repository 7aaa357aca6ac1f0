import { useEffect, useState } from 'preact/hooks';
import type { PartnerAgency } from '../api/types';

export interface KnownPerson {
  personId: string;
  label: string;
}

// The agencies' APIs have no people search, so the people this user recorded are remembered for the tab's
// lifetime only (sessionStorage, cleared on sign-out), never beyond it.
const key = (agency: PartnerAgency) => `convene.people.${agency}`;
const listeners = new Set<() => void>();

export function knownPeople(agency: PartnerAgency): KnownPerson[] {
  try {
    return JSON.parse(sessionStorage.getItem(key(agency)) ?? '[]') as KnownPerson[];
  } catch {
    return [];
  }
}

export function rememberPerson(agency: PartnerAgency, person: KnownPerson): void {
  const others = knownPeople(agency).filter((p) => p.personId !== person.personId);
  sessionStorage.setItem(key(agency), JSON.stringify([person, ...others].slice(0, 50)));
  for (const l of listeners) l();
}

export function useKnownPeople(agency: PartnerAgency): KnownPerson[] {
  const [people, setPeople] = useState(() => knownPeople(agency));
  useEffect(() => {
    const update = () => setPeople(knownPeople(agency));
    listeners.add(update);
    return () => void listeners.delete(update);
  }, [agency]);
  return people;
}
