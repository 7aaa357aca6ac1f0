import { agencyPolicy } from '@convene/shared/agency';

/**
 * Who may do what in the health service: health workers and the hospital's IDVAs record concerns and refer; the
 * Caldicott guardian alone sees and decides disclosure requests. All three read concerns, because the guardian
 * decides on their detail. Health's figures are published by health workers.
 */
export const healthPolicy = agencyPolicy('health', {
  'people.read': ['health', 'caldicott', 'health_idva'],
  'people.write': ['health', 'health_idva'],
  'people.match': ['health'],
  'actions.read': ['health', 'caldicott', 'health_idva'],
  'actions.update': ['health'],
  'concerns.read': ['health', 'caldicott', 'health_idva'],
  'concerns.write': ['health', 'health_idva'],
  'referrals.write': ['health', 'health_idva'],
  'research.write': ['health'],
  'disclosures.read': ['caldicott'],
  'disclosures.decide': ['caldicott'],
  'statistics.read': ['health'],
  'statistics.publish': ['health'],
});
