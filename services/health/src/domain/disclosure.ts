import type { AudienceEntry, DataOf, DisclosureDecisionCommand, Sharing, StaffMember } from '@convene/shared/contracts';
import { conflict, DomainError } from '@convene/shared/errors';

/** The most detail one decision can release: the size of a shareable text on the bus. */
export const MAX_DISCLOSED_DETAIL = 2000;

/** A disclosure request as the Caldicott queue holds it. */
export interface DisclosureRequestState {
  requestRef: string;
  caseRef: string;
  concernRef: string;
  status: 'pending' | 'disclosed' | 'refused';
}

export type DisclosureCommand = DisclosureDecisionCommand;

export interface DisclosureDecision {
  data: DataOf<'health.disclosure.decided.v1'>;
  sharing: Sharing;
  audience?: AudienceEntry[];
}

/** Stored clinical detail cut to what one event may carry, marking the cut. */
export function shareableDetail(detail: string): string {
  const text = detail.trim();
  return text.length <= MAX_DISCLOSED_DETAIL ? text : `${text.slice(0, MAX_DISCLOSED_DETAIL - 1).trimEnd()}…`;
}

/**
 * The Caldicott guardian's decision on one request. Detail leaves the health service only when disclosed,
 * and then only to the named audience (restricted); a refusal is partnership business and carries none.
 */
export function decideDisclosure(
  request: DisclosureRequestState,
  command: DisclosureCommand,
  concern: { detail?: string | undefined } | undefined,
  decidedBy: StaffMember,
): DisclosureDecision {
  if (request.status !== 'pending') throw conflict('disclosure_already_decided', `disclosure request ${request.requestRef} was already ${request.status}`);
  const base = { requestRef: request.requestRef, concernRef: request.concernRef, caseRef: request.caseRef, reason: command.reason, decidedBy };
  if (command.decision === 'refused') return { sharing: 'partnership', data: { ...base, decision: 'refused' } };

  if (!concern) throw conflict('concern_not_held', `concern ${request.concernRef} is not held by this service; only a refusal is possible`);
  const detail = command.detail ?? (concern.detail ? shareableDetail(concern.detail) : undefined);
  if (!detail) throw new DomainError('no_detail_to_disclose', `concern ${request.concernRef} has no stored detail; give the detail to disclose`, { status: 400, field: 'body.detail' });
  if (!command.audience || command.audience.length === 0) {
    throw new DomainError('audience_required', 'a disclosure names its audience', { status: 400, field: 'body.audience' });
  }
  if (!command.legalGateway) throw new DomainError('legal_gateway_required', 'a disclosure names the legal gateway it relies on', { status: 400, field: 'body.legalGateway' });
  return { sharing: 'restricted', audience: command.audience, data: { ...base, decision: 'disclosed', detail, legalGateway: command.legalGateway } };
}
