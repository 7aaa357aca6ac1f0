import type { DataOf, EventDraft } from '@convene/shared/contracts';
import { conflict, DomainError, notFound } from '@convene/shared/errors';

/** An engagement as the advocacy read model holds it, as far as deciding about it needs. */
export interface EngagementState {
  engagementRef: string;
  consentGivenOn: string;
  revokedOn?: string | undefined;
}

/** Engage a victim (with the reference the engagement is to have, and their consent), or record them revoking it. */
export type EngagementCommand =
  | { kind: 'engage'; engagement: DataOf<'advocacy.victim.engaged.v1'> }
  | { kind: 'revoke'; revokedOn: string };

export type EngagementDecision = EventDraft<'advocacy.victim.engaged.v1' | 'advocacy.consent.revoked.v1'>;

/**
 * Decide against the engagement as it stands: an engagement is recorded once, with the consent the victim gave; a
 * revocation is of a live engagement, on or after the day consent was given, and only once. Pure; whether and to
 * whom the events may be shared is the consent register's ruling, made by the handler.
 */
export function decideEngagement(command: EngagementCommand, engagement: EngagementState | undefined): EngagementDecision[] {
  if (command.kind === 'engage') {
    if (engagement) throw conflict('engagement_exists', `engagement ${engagement.engagementRef} is already recorded`);
    return [{ type: 'advocacy.victim.engaged.v1', data: command.engagement }];
  }
  if (!engagement) throw notFound('engagement', 'to revoke');
  if (engagement.revokedOn) throw conflict('consent_already_revoked', `consent for engagement ${engagement.engagementRef} was already revoked on ${engagement.revokedOn}`);
  if (command.revokedOn < engagement.consentGivenOn) {
    throw new DomainError('revoked_before_given', `consent cannot be revoked before it was given (${engagement.consentGivenOn})`, { status: 400, field: 'body.revokedOn' });
  }
  return [{ type: 'advocacy.consent.revoked.v1', data: { engagementRef: engagement.engagementRef, revokedOn: command.revokedOn } }];
}
