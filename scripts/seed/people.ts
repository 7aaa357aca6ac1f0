/**
 * The staff of the demo partnership. They come from the dev sign-in list (services/conference/src/http/
 * demoPartnership.ts) so that what the seeder records and invites is exactly who can sign in.
 */
import { DEMO_PEOPLE, type DemoPerson } from '../../services/conference/src/http/demoPartnership.js';
import type { Principal } from '@convene/shared/auth';

export type { DemoPerson };
export type StaffRole = 'chair' | 'police' | 'cps' | 'health' | 'caldicott' | 'advocate' | 'scrutiny' | 'health_idva';

/** The one demo person with this role. */
export function staff(role: StaffRole): DemoPerson {
  const found = DEMO_PEOPLE.find((p) => p.role === role);
  if (!found) throw new Error(`the demo partnership (demoPartnership.ts) has nobody with the role ${role}`);
  return found;
}

export const demoPeople: readonly DemoPerson[] = DEMO_PEOPLE;

/**
 * Who the seeder polls the conference as while it waits for listings: a chair of its own, so the audit log
 * tells the seeding's reads apart from the demo chair's. Meetings and decisions are the demo chair's.
 */
export const SEEDER: Principal = { sub: 'demo-seeder', name: 'Demo data seeder', agency: 'conference', role: 'chair' };

/** Everyone invited to the demo meetings: every partner who works on cases (scrutiny sees no case). */
export function meetingMembers() {
  return DEMO_PEOPLE.filter((p) => p.role !== 'scrutiny' && p.area === undefined).map((p) => ({ userId: p.sub, displayName: p.name, agency: p.agency, role: p.role }));
}

/** "Sam Okafor — Stalking clinic chair (chair-sam-okafor)": for the demo's sign-in list. */
/** Who can sign in: the first area's people, and with `secondArea` the second area's too. */
export function describeSignIns(secondArea = false): string[] {
  return DEMO_PEOPLE.filter((p) => secondArea || p.area === undefined)
    .map((p) => `${p.name.padEnd(14)} ${p.title.padEnd(40)} ${p.agency}/${p.role} (${p.sub})`);
}
