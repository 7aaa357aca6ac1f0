import { z } from 'zod';
import { RecordedView } from '@convene/shared/agency';
import { AudienceEntry, Sharing, type Subject } from '@convene/shared/contracts';
import { DomainError } from '@convene/shared/errors';
import { sharingUnder, type ConsentQuestion } from '../domain/consent.js';
import type { AdvocacyDeps } from './deps.js';

/** Every advocacy write answers with how the victim's consent let it be shared. */
export const ConsentedView = RecordedView.extend({ sharing: Sharing, audience: z.array(AudienceEntry).optional() });

/**
 * The sharing a record gets under the consent of the victims it is about, decided before it is recorded:
 * limited consent makes it `restricted` to the agencies the victim named and the chair. No consent needs
 * nothing here: the kit's withhold policy keeps such a record from leaving advocacy.
 */
export async function sharingWithConsent(
  { records }: Pick<AdvocacyDeps, 'records'>, question: ConsentQuestion, requested: { sharing: Sharing; audience?: AudienceEntry[] | undefined },
) {
  return sharingUnder(await records.consents.rulingFor(question), requested);
}

/** Views and safety plans belong to an engagement with the victim they are about. */
export function assertSameVictim(engagement: { _id: string; subjects: Subject[] }, subjects: Subject[]): void {
  const engaged = engagement.subjects.filter((s) => s.role === 'victim').flatMap((s) => s.tokens);
  const named = subjects.filter((s) => s.role === 'victim').flatMap((s) => s.tokens);
  if (!named.some((t) => engaged.includes(t))) {
    throw new DomainError('engagement_of_another_victim', `engagement ${engagement._id} is not with a victim named in subjects`, { status: 400, field: 'body.subjects' });
  }
}
