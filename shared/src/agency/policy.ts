import type { Principal } from '../auth/index.js';
import type { PartnerAgency, Role } from '../contracts/index.js';
import type { Policy } from '../http/index.js';

/** Roles of another agency whose holders also work in this service (a hospital IDVA, employed by health, at advocacy). */
export type WorkingWith = Partial<Record<PartnerAgency, readonly Role[]>>;

/**
 * An agency service's whole authorisation policy: a permission is granted to the listed roles of that agency,
 * and of the roles named in `workingWith` to their holders in their own agency; anything not listed is refused.
 * Kept as data so it can be printed as a matrix.
 */
export function agencyPolicy(
  agency: PartnerAgency, rules: Record<string, readonly Role[]>, workingWith: WorkingWith = {},
): Policy & { rules: Record<string, readonly Role[]>; workingWith: WorkingWith } {
  const belongs = (principal: Principal) => principal.agency === agency || (workingWith[principal.agency as PartnerAgency]?.includes(principal.role) ?? false);
  const policy = (principal: Principal, permission: string) => belongs(principal) && (rules[permission]?.includes(principal.role) ?? false);
  return Object.assign(policy, { rules, workingWith });
}
