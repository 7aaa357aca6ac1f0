import { z } from 'zod';
import type { Person } from './people.js';

/** A person as the agency's own staff see them: identifiers and every token their records carry. */
export const PersonView = z.object({ personId: z.uuid(), given: z.string(), family: z.string(), dateOfBirth: z.string(), tokens: z.array(z.string()) });

export function personView(p: Pick<Person, '_id' | 'given' | 'family' | 'dateOfBirth' | 'tokens'>): z.infer<typeof PersonView> {
  return { personId: p._id, given: p.given, family: p.family, dateOfBirth: p.dateOfBirth, tokens: p.tokens };
}
