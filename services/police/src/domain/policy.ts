import { agencyPolicy } from '@convene/shared/agency';

/** Who may do what in the police service: police officers of the police agency, nobody else. */
export const policePolicy = agencyPolicy('police', {
  'people.read': ['police'],
  'people.write': ['police'],
  'people.match': ['police'],
  'actions.read': ['police'],
  'actions.update': ['police'],
  'incidents.read': ['police'],
  'incidents.write': ['police'],
  'risk.write': ['police'],
  'justice.write': ['police'],
  'orders.write': ['police'],
  'referrals.write': ['police'],
  'research.write': ['police'],
  'statistics.read': ['police'],
  'statistics.publish': ['police'],
});
