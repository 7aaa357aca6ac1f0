import type { CaseEvent } from '@convene/shared/contracts';

/**
 * Which case an event belongs to, if any: the research purpose for research returns, the case named in
 * the data for conference and action events, else the envelope subject set by the publishing agency.
 */
export function caseRefOf(event: CaseEvent): string | undefined {
  if (event.type.endsWith('.research.returned.v1')) {
    const purpose = (event.data as { purpose: { kind: string; caseRef?: string } }).purpose;
    return purpose.kind === 'listing' ? purpose.caseRef : undefined;
  }
  // Referrals are placed by the projector (the case they open or join); history requests have no case view.
  if (event.type === 'cps.history.requested.v1' || isReferral(event)) return undefined;
  const named = (event.data as { caseRef?: unknown }).caseRef;
  if (typeof named === 'string') return named;
  return event.subject;
}

export function isReferral(event: CaseEvent): event is Extract<CaseEvent, { type: `${string}.referral.made.v1` }> {
  return event.type.endsWith('.referral.made.v1');
}
