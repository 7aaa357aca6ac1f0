import type { Principal } from '@convene/shared/auth';

/** The callers of the matrix: each role with the agency it belongs to, plus nobody at all. */
export const MATRIX_ROLES = ['chair', 'police', 'cps', 'health', 'caldicott', 'health_idva', 'advocate', 'scrutiny'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];
export type Caller = MatrixRole | 'unauthenticated';
export const CALLERS: readonly Caller[] = [...MATRIX_ROLES, 'unauthenticated'];

export const PRINCIPALS: Record<MatrixRole, Principal> = {
  chair: { sub: 'sec-chair-1', name: 'Security Chair', agency: 'conference', role: 'chair' },
  police: { sub: 'sec-pc-1', agency: 'police', role: 'police' },
  cps: { sub: 'sec-cps-1', agency: 'cps', role: 'cps' },
  health: { sub: 'sec-nurse-1', agency: 'health', role: 'health' },
  caldicott: { sub: 'sec-caldicott-1', agency: 'health', role: 'caldicott' },
  health_idva: { sub: 'sec-hidva-1', agency: 'health', role: 'health_idva' },
  advocate: { sub: 'sec-idva-1', agency: 'advocacy', role: 'advocate' },
  scrutiny: { sub: 'sec-panel-1', agency: 'conference', role: 'scrutiny' },
};

export const SERVICES = ['conference', 'police', 'cps', 'health', 'advocacy'] as const;
export type ServiceName = (typeof SERVICES)[number];
