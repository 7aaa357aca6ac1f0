import type { Principal } from '@convene/shared/auth';

export function staffOf(principal: Principal) {
  return { userId: principal.sub, ...(principal.name ? { displayName: principal.name } : {}) };
}
