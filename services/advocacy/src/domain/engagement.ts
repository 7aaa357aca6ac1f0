import type { DataOf, EventDraft } from '@convene/shared/contracts';
import { conflict, DomainError, notFound } from '@convene/shared/errors';

/** An engagement as the advocacy read model holds it, as far as deciding about it needs. */
export interface EngagementState {
  engagementRef: string;
  consentGivenOn: string;
  revokedOn?: string | undefined;
  /** The link tokens of the victim engaged. */
  victimTokens: string[];
}

/**
 * Engage a victim (with the reference the engagement is to have, and their consent), record them revoking it, or
 * record their own view or safety plan on it (with the victim tokens the record names).
 */
export type EngagementCommand =
  | { kind: 'engage'; engagement: DataOf<'advocacy.victim.engaged.v1'> }
  | { kind: 'revoke'; revokedOn: string }
  | { kind: 'record_view'; victimTokens: string[]; view: Omit<DataOf<'advocacy.victim.view.recorded.v1'>, 'engagementRef'> }
  | { kind: 'update_safety_plan'; victimTokens: string[]; plan: Omit<DataOf<'advocacy.safety_plan.updated.v1'>, 'engagementRef'> }
  | { kind: 'record_household'; victimTokens: string[]; household: Omit<DataOf<'advocacy.household.recorded.v1'>, 'engagementRef'> }
  | { kind: 'record_safe_contact'; victimTokens: string[]; contact: Omit<DataOf<'advocacy.safe_contact.recorded.v1'>, 'engagementRef'> };

export type EngagementDecision = EventDraft<
  | 'advocacy.victim.engaged.v1' | 'advocacy.consent.revoked.v1' | 'advocacy.victim.view.recorded.v1' | 'advocacy.safety_plan.updated.v1'
  | 'advocacy.household.recorded.v1' | 'advocacy.safe_contact.recorded.v1'
>;

/**
 * Decide against the engagement as it stands: an engagement is recorded once, with the consent the victim gave; a
 * revocation is of a live engagement, on or after the day consent was given, and only once; the victim's view,
 * safety plan, household and safe contact details belong to an engagement with the victim they name. Pure; whether and to whom the events may be
 * shared is the consent register's ruling, made by the handler.
 */
export function decideEngagement(command: EngagementCommand, engagement: EngagementState | undefined): EngagementDecision[] {
  if (command.kind === 'engage') {
    if (engagement) throw conflict('engagement_exists', `engagement ${engagement.engagementRef} is already recorded`);
    return [{ type: 'advocacy.victim.engaged.v1', data: command.engagement }];
  }
  if (!engagement) throw notFound('engagement', 'named');
  const { engagementRef } = engagement;
  if (command.kind !== 'revoke') {
    if (!command.victimTokens.some((t) => engagement.victimTokens.includes(t))) {
      throw new DomainError('engagement_of_another_victim', `engagement ${engagementRef} is not with a victim named in subjects`, { status: 400, field: 'body.subjects' });
    }
    switch (command.kind) {
      case 'record_view': return [{ type: 'advocacy.victim.view.recorded.v1', data: { engagementRef, ...command.view } }];
      case 'update_safety_plan': return [{ type: 'advocacy.safety_plan.updated.v1', data: { engagementRef, ...command.plan } }];
      case 'record_household': return [{ type: 'advocacy.household.recorded.v1', data: { engagementRef, ...command.household } }];
      case 'record_safe_contact': return [{ type: 'advocacy.safe_contact.recorded.v1', data: { engagementRef, ...command.contact } }];
    }
  }
  if (engagement.revokedOn) throw conflict('consent_already_revoked', `consent for engagement ${engagement.engagementRef} was already revoked on ${engagement.revokedOn}`);
  if (command.revokedOn < engagement.consentGivenOn) {
    throw new DomainError('revoked_before_given', `consent cannot be revoked before it was given (${engagement.consentGivenOn})`, { status: 400, field: 'body.revokedOn' });
  }
  return [{ type: 'advocacy.consent.revoked.v1', data: { engagementRef: engagement.engagementRef, revokedOn: command.revokedOn } }];
}
