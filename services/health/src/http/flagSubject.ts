import type { Person, People } from '@convene/shared/partnership';
import type { FlagSubject } from '../domain/fhirFlag.js';
import { issue, operationOutcome, type OperationOutcome } from '../domain/operationOutcome.js';

export type ResolvedSubject = { ok: true; personId: string } | { ok: false; status: 404 | 409; outcome: OperationOutcome };

const ambiguous = (n: number): ResolvedSubject => ({
  ok: false, status: 409,
  outcome: operationOutcome([issue('multiple-matches', `${n} people held by this service match this subject; flag it by Patient/<id> once staff have decided who it is`, 'Flag.subject')]),
});

/**
 * The health service's own person a Flag is about. A contained Patient that matches nobody held here is added
 * (a hospital flags people the service has not met yet); an NHS number alone cannot be, as a person here has
 * a name and a date of birth. More than one match is never guessed between.
 */
export async function resolveFlagSubject(people: People, subject: FlagSubject): Promise<ResolvedSubject> {
  if (subject.kind === 'person') return { ok: true, personId: subject.personId };
  const { nhsNumber } = subject;
  const { given, family, dateOfBirth } = subject.kind === 'patient' ? subject : {};
  let found: Person[] = nhsNumber ? await people.withIdentity({ nhsNumber }) : [];
  if (found.length === 0 && given && family && dateOfBirth) found = await people.withIdentity({ given, family, dateOfBirth });
  if (found.length > 1) return ambiguous(found.length);
  if (found[0]) return { ok: true, personId: found[0]._id };
  if (given && family && dateOfBirth) return { ok: true, personId: (await people.add({ given, family, dateOfBirth, ...(nhsNumber ? { nhsNumber } : {}) }))._id };
  return { ok: false, status: 404, outcome: operationOutcome([issue('not-found', 'no person with this NHS number is held by this service', 'Flag.subject.identifier')]) };
}
