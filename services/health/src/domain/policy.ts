import { agencyPolicy } from '@convene/shared/agency';

/**
 * Who may do what in the health service: health workers record concerns; the Caldicott guardian alone sees
 * and decides disclosure requests. Both read concerns, because the guardian decides on their detail.
 */
export const healthPolicy = agencyPolicy('health', {
  'people.read': ['health', 'caldicott'],
  'people.write': ['health'],
  'people.match': ['health'],
  'actions.read': ['health', 'caldicott'],
  'actions.update': ['health'],
  'concerns.read': ['health', 'caldicott'],
  'concerns.write': ['health'],
  'referrals.write': ['health'],
  'disclosures.read': ['caldicott'],
  'disclosures.decide': ['caldicott'],
  'statistics.read': ['health'],
  'statistics.publish': ['health'],
});
