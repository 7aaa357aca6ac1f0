import type { AgencyKit } from '@convene/shared/agency';
import type { Principal } from '@convene/shared/auth';
import type { StaffMember } from '@convene/shared/contracts';
import type { HealthRecords } from '../db/records.js';

export interface HealthDeps {
  kit: AgencyKit;
  records: HealthRecords;
}

/** The caller as the staff member named in an event: their id and, if the token gives one, their name. */
export function staffMember(principal: Principal): StaffMember {
  return { userId: principal.sub, ...(principal.name ? { displayName: principal.name } : {}) };
}
