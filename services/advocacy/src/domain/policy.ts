import { agencyPolicy } from '@convene/shared/agency';

/**
 * Who may do what in the advocacy service: advocates (IDVAs, ISACs) of the advocacy agency, and hospital IDVAs
 * (employed by health) for the casework they do with victims; advocacy's figures and actions, and deciding
 * possible matches, stay with advocacy's own advocates.
 */
export const advocacyPolicy = agencyPolicy('advocacy', {
  'people.read': ['advocate', 'health_idva'],
  'people.write': ['advocate', 'health_idva'],
  'people.match': ['advocate'],
  'actions.read': ['advocate'],
  'actions.update': ['advocate'],
  'engagements.read': ['advocate', 'health_idva'],
  'engagements.write': ['advocate', 'health_idva'],
  'consent.read': ['advocate', 'health_idva'],
  'consent.write': ['advocate', 'health_idva'],
  'victim_records.write': ['advocate', 'health_idva'],
  'diary.read': ['advocate', 'health_idva'],
  'diary.write': ['advocate', 'health_idva'],
  'referrals.write': ['advocate', 'health_idva'],
  'research.write': ['advocate'],
  'statistics.read': ['advocate'],
  'statistics.publish': ['advocate'],
}, { health: ['health_idva'] });
