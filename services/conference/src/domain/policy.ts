import type { Principal } from '@convene/shared/auth';
import type { Role } from '@convene/shared/contracts';

/**
 * The conference's authorisation policy, by role. Membership of a meeting (and so of its cases) is checked
 * on top of this in the handlers, from the meeting's invitation list. `scrutiny` sees no case at all.
 */
export const conferenceRules: Record<string, readonly Role[]> = {
  'meetings.create': ['chair'],
  'meetings.manage': ['chair'],
  'meetings.read': ['chair', 'police', 'cps', 'health', 'advocate', 'caldicott', 'health_idva'],
  'cases.list': ['chair'],
  'cases.read': ['chair', 'police', 'cps', 'health', 'advocate', 'caldicott', 'health_idva'],
  'cases.decide': ['chair'],
  'history.read': ['cps'],
  'scrutiny.read': ['scrutiny', 'chair'],
  'scrutiny.publish': ['chair'],
};

export function conferencePolicy(principal: Principal, permission: string): boolean {
  return conferenceRules[permission]?.includes(principal.role) ?? false;
}
