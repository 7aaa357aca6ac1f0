import { z } from 'zod';
import { RecordedView } from '@convene/shared/agency';
import { AudienceEntry, Sharing, type Subject } from '@convene/shared/contracts';
import { sharingUnder, type ConsentQuestion } from '../domain/consent.js';
import type { EngagementState } from '../domain/engagement.js';
import type { AdvocacyRecord } from '../db/records.js';
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

/** The engagement a record names, as its decider needs it. */
export function engagementState(record: AdvocacyRecord): EngagementState {
  const detail = record.detail as { consentGivenOn: string; revokedOn?: string };
  return { engagementRef: record._id, consentGivenOn: detail.consentGivenOn, revokedOn: detail.revokedOn, victimTokens: victimTokensOf(record.subjects) };
}

export const victimTokensOf = (subjects: Subject[]) => subjects.filter((s) => s.role === 'victim').flatMap((s) => s.tokens);
