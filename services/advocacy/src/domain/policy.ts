import { agencyPolicy } from '@convene/shared/agency';

/** Who may do what in the advocacy service: advocates (ISACs) of the advocacy agency, nobody else. */
export const advocacyPolicy = agencyPolicy('advocacy', {
  'people.read': ['advocate'],
  'people.write': ['advocate'],
  'people.match': ['advocate'],
  'actions.read': ['advocate'],
  'actions.update': ['advocate'],
  'engagements.read': ['advocate'],
  'engagements.write': ['advocate'],
  'consent.read': ['advocate'],
  'consent.write': ['advocate'],
  'victim_records.write': ['advocate'],
  'diary.read': ['advocate'],
  'diary.write': ['advocate'],
  'referrals.write': ['advocate'],
  'statistics.read': ['advocate'],
  'statistics.publish': ['advocate'],
});
