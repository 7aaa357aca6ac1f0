import type { AudienceEntry, DataOf, EventDraft, PartnerAgency, StaffMember } from '@convene/shared/contracts';
import { conflict, notFound } from '@convene/shared/errors';
import { researchStatus, type CaseView } from '../readModel/index.js';
import type { Meeting } from './meeting.js';

/** What the chair decides about a listed case. Ids the events carry (action, request) are made by the caller. */
export type CaseCommand =
  | { kind: 'review'; meeting: Pick<Meeting, 'meetingId' | 'agenda'>; riskDecision: DataOf<'conference.case.reviewed.v1'>['riskDecision']; rationale: string; nextReviewOn: string }
  | { kind: 'assign_action'; actionId: string; agency: PartnerAgency; description: string; dueOn: string; by: StaffMember; meetingId?: string | undefined }
  | { kind: 'request_disclosure'; requestRef: string; concernRef: string; reason: string; proposedAudience: AudienceEntry[]; by: StaffMember }
  | { kind: 'close'; reason: DataOf<'conference.case.closed.v1'>['reason']; retentionDays: number; by: StaffMember }
  | { kind: 'cancel_action'; actionId: string; reason: string }
  | { kind: 'remind_research'; by: StaffMember }
  | { kind: 'transfer'; fromArea: string; toArea: string; reason: string; by: StaffMember }
  | { kind: 'ask_area'; fromArea: string; toArea: string; request: DataOf<'conference.area.requested.v1'>['kind']; sharesSuspect: boolean; by: StaffMember }
  | { kind: 'reassign_action'; actionId: string; newActionId: string; agency: PartnerAgency; dueOn: string; reason: string; by: StaffMember; meetingId?: string | undefined };


export type CaseDecision = EventDraft<
  | 'conference.case.reviewed.v1' | 'conference.action.assigned.v1' | 'conference.action.updated.v1' | 'conference.disclosure.requested.v1' | 'conference.case.closed.v1'
  | 'conference.research.reminded.v1' | 'conference.case.transferred.v1' | 'conference.area.requested.v1'
>;

/** An action still to be done (or declined, waiting for the chair): the only ones that can be cancelled or given to another agency. */
function actionToChange(view: CaseView, actionId: string) {
  const action = view.actions.find((a) => a.actionId === actionId);
  if (!action) throw notFound('action', actionId);
  if (action.status === 'completed' || action.status === 'cancelled') throw conflict('action_finished', `action ${actionId} is already ${action.status}`);
  return action;
}

/**
 * Decide a chair's command against the case as folded: the event to record, or why not (a closed case takes no
 * more decisions; a review belongs to a meeting with the case on its agenda; a disclosure request names a
 * concern the case holds; an action is cancelled or reassigned only while not done, reassigned only to another agency,
 * as a new action with the same description, the old one cancelled with the reason). Pure: the handler loads,
 * decides, records.
 */
export function decideCase(command: CaseCommand, view: CaseView): CaseDecision[] {
  const caseRef = view.caseRef as DataOf<'conference.case.closed.v1'>['caseRef'];
  if (view.status === 'closed') throw conflict('case_closed', `case ${caseRef} is closed`);
  switch (command.kind) {
    case 'review':
      if (!command.meeting.agenda.includes(caseRef)) throw conflict('case_not_on_agenda', `case ${caseRef} is not on that meeting's agenda`);
      return [{ type: 'conference.case.reviewed.v1', data: { caseRef, meetingId: command.meeting.meetingId, riskDecision: command.riskDecision, rationale: command.rationale, nextReviewOn: command.nextReviewOn } }];
    case 'assign_action':
      return [{
        type: 'conference.action.assigned.v1',
        data: { actionId: command.actionId, caseRef, agency: command.agency, description: command.description, dueOn: command.dueOn, assignedBy: command.by, ...(command.meetingId ? { meetingId: command.meetingId } : {}) },
      }];
    case 'request_disclosure':
      if (!view.healthConcerns.some((c) => c.concernRef === command.concernRef)) throw notFound('health concern', command.concernRef);
      return [{
        type: 'conference.disclosure.requested.v1',
        data: { requestRef: command.requestRef, caseRef, concernRef: command.concernRef, requestedBy: command.by, reason: command.reason, proposedAudience: command.proposedAudience },
      }];
    case 'close':
      return [{ type: 'conference.case.closed.v1', data: { caseRef, reason: command.reason, closedBy: command.by, retentionDays: command.retentionDays } }];
    case 'remind_research': {
      if (view.status !== 'listed') throw conflict('case_not_listed', `case ${caseRef} is not listed`);
      const { awaited } = researchStatus(view);
      if (awaited.length === 0) throw conflict('research_complete', `every agency has returned its research on ${caseRef}`);
      return [{ type: 'conference.research.reminded.v1', data: { caseRef, agencies: awaited, remindedBy: command.by } }];
    }
    case 'transfer':
      if (command.toArea === command.fromArea) throw conflict('same_area', `case ${caseRef} is already held by area ${command.toArea}`);
      return [{ type: 'conference.case.transferred.v1', data: { caseRef, fromArea: command.fromArea, toArea: command.toArea, reason: command.reason, transferredBy: command.by } }];
    case 'ask_area':
      if (command.toArea === command.fromArea) throw conflict('same_area', `case ${caseRef} is this area's own`);
      if (!command.sharesSuspect) throw conflict('no_shared_suspect', `area ${command.toArea} holds no case with this case's suspect`);
      return [{ type: 'conference.area.requested.v1', data: { caseRef, fromArea: command.fromArea, toArea: command.toArea, kind: command.request, requestedBy: command.by } }];
    case 'cancel_action':
      actionToChange(view, command.actionId);
      return [{ type: 'conference.action.updated.v1', data: { actionId: command.actionId, caseRef, status: 'cancelled', note: command.reason } }];
    case 'reassign_action': {
      const action = actionToChange(view, command.actionId);
      if (action.owner === command.agency && action.status !== 'declined') throw conflict('same_agency', `action ${command.actionId} is already with ${command.agency}`);
      return [
        { type: 'conference.action.updated.v1', data: { actionId: command.actionId, caseRef, status: 'cancelled', note: `Reassigned to ${command.agency}: ${command.reason}` } },
        {
          type: 'conference.action.assigned.v1',
          data: {
            actionId: command.newActionId, caseRef, agency: command.agency, description: action.description ?? command.reason, dueOn: command.dueOn, assignedBy: command.by,
            ...(command.meetingId ? { meetingId: command.meetingId } : {}),
          },
        },
      ];
    }
  }
}
