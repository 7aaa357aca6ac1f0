import { PersonView } from '../contracts/index.js';
import type { Person } from './people.js';

export { PersonView };

export function personView(p: Pick<Person, '_id' | 'given' | 'family' | 'dateOfBirth' | 'tokens'>): PersonView {
  return { personId: p._id, given: p.given, family: p.family, dateOfBirth: p.dateOfBirth, tokens: p.tokens };
}
