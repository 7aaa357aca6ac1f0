import type { Principal } from '../auth/index.js';
import type { PartnerAgency, Role } from '../contracts/index.js';
import type { Policy } from '../http/index.js';

/**
 * An agency service's whole authorisation policy: a permission is granted to the listed roles of that
 * agency only; anything not listed is refused. Kept as data so it can be printed as a matrix.
 */
export function agencyPolicy(agency: PartnerAgency, rules: Record<string, readonly Role[]>): Policy & { rules: Record<string, readonly Role[]> } {
  const policy = (principal: Principal, permission: string) =>
    principal.agency === agency && (rules[permission]?.includes(principal.role) ?? false);
  return Object.assign(policy, { rules });
}
