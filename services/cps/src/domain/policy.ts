import { agencyPolicy } from '@convene/shared/agency';

/** Who may do what in the CPS service: CPS lawyers of the CPS agency, nobody else. */
export const cpsPolicy = agencyPolicy('cps', {
  'people.read': ['cps'],
  'people.write': ['cps'],
  'research.write': ['cps'],
  'people.match': ['cps'],
  'actions.read': ['cps'],
  'actions.update': ['cps'],
  'history.read': ['cps'],
  'history.write': ['cps'],
  'records.read': ['cps'],
  'charging.write': ['cps'],
  'court.write': ['cps'],
  'orders.write': ['cps'],
  'bail.write': ['cps'],
  'statistics.read': ['cps'],
  'statistics.publish': ['cps'],
});
