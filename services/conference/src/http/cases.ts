import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import {
  AssignActionCommand, AssignedAction, CalendarDate, CancelActionCommand, CloseCaseCommand, TransferCaseCommand, AreaRequestCommand, ReassignActionCommand, CaseRef, CaseSummary, CaseViewResponse, DecisionRecorded, RequestDisclosureCommand, RequestedDisclosure, ReviewCaseCommand,
} from '@convene/shared/contracts';
import { forbidden, notFound } from '@convene/shared/errors';
import { assertCaseAccess } from '../domain/access.js';
import { decideCase, type CaseCommand } from '../domain/caseDecider.js';
import { decideMeeting } from '../domain/meetingDecider.js';
import type { Principal } from '@convene/shared/auth';
import { researchStatus, type CaseView } from '../readModel/index.js';
import { caseReadPurpose, meetingPurpose } from '../domain/auditing.js';
import type { ConferenceDeps } from './deps.js';
import { caseViewFor, otherVictimsCases } from './caseView.js';
import { staffOf } from './staff.js';

const CaseParams = z.object({ caseRef: CaseRef });
const ActionParams = CaseParams.extend({ actionId: z.uuid() });

/** The joined-up view of listed cases, and the chair's decisions about them. */
export function caseRoutes(deps: ConferenceDeps): RouteSpec[] {
  const { cases, meetings, recorder, audit } = deps;
  const now = () => deps.now?.() ?? new Date();

  /** A listed case of the chair's own area: another area's is, to them, not there (so its existence is not told either). */
  async function openCase(caseRef: string, principal: Principal) {
    const view = ownAreas(await cases.get(caseRef), deps.areas.ofPrincipal(principal));
    if (!view || view.status === 'pending') throw notFound('case', caseRef);
    return view;
  }
  function ownAreas(view: CaseView | undefined, area: string): CaseView | undefined {
    return view && deps.areas.placeOf(view.area) === area ? view : undefined;
  }
  /** Decide the chair's command against the case as it stands and record what it decides, filed under the case. */
  /** Decide, then record every event decided, in order; answers with the first. */
  async function decideAndRecord(view: CaseView, command: CaseCommand) {
    const recorded = [];
    for (const decided of decideCase(command, view)) {
      recorded.push((await recorder.record({ ...decided, occurredAt: new Date(), sharing: 'partnership', subjects: [], subject: decided.data.caseRef, alwaysPublish: true })).event);
    }
    return recorded[0]!;
  }

  return [
    defineRoute({
      method: 'get', path: '/cases', operationId: 'listCases', tag: 'cases', permission: 'cases.list',
      summary: 'Listed cases, for preparing agendas', query: z.object({ status: z.enum(['listed', 'closed']).optional() }),
      success: { status: 200, description: 'Cases, newest first', schema: z.array(CaseSummary) },
      handler: async ({ query, principal }) => {
        const area = deps.areas.ofPrincipal(principal);
        await audit(principal, { action: 'case.list', purpose: { kind: 'coordination' } });
        return (await cases.list(query.status, deps.areas.all[0]!.id === area ? [area, null] : [area])).filter((d) => d.status !== 'pending').map((d) => ({
          caseRef: d._id, status: d.status, listedAt: d.view.listedAt, repeatOf: d.view.repeatOf, criterion: d.view.referral?.criterion ?? null,
          agencies: [...new Set(d.view.timeline.map((e) => e.agency))].sort(), research: researchStatus(d.view),
        }));
      },
    }),
    defineRoute({
      method: 'get', path: '/cases/:caseRef', operationId: 'getCaseView', tag: 'cases', permission: 'cases.read',
      summary: 'The joined-up view of a case, filtered for you, with course-of-conduct signals', params: CaseParams, errors: [403, 404],
      query: z.object({
        meetingId: z.uuid().optional().describe('The meeting you read it for, audited as the purpose; by default the running or latest meeting of yours with the case'),
        ordersOn: CalendarDate.optional().describe('The day to list the orders and bail conditions in force for (a hearing\'s date, YYYY-MM-DD); by default today'),
      }),
      success: { status: 200, description: 'Case view, signals and the orders and bail conditions in force', schema: CaseViewResponse },
      handler: async ({ params, query, principal }) => {
        // Access is judged before existence, so someone without access learns nothing from 404 against 403.
        // Another area's case is judged as one that is not there: the same answer as for a reference never used.
        const area = deps.areas.ofPrincipal(principal);
        const stored = ownAreas(await cases.get(params.caseRef), area);
        const view = stored && stored.status !== 'pending' ? stored : undefined;
        const at = now();
        const withCase = await meetings.withCase(params.caseRef);
        const why = caseReadPurpose(principal, params.caseRef, withCase, query.meetingId);
        const read = { action: 'case.view.read', purpose: why.purpose, caseRef: params.caseRef, ...(why.meetingId ? { meetingId: why.meetingId } : {}) };
        try {
          if (why.mismatch) throw forbidden(`meeting ${query.meetingId} does not give you ${params.caseRef}: it is not on its agenda, or you are not invited`);
          assertCaseAccess({
            principal, caseRef: params.caseRef, meetingsWithCase: withCase, openActions: view?.actions ?? [],
            now: at, afterMeetingDays: deps.caseAccessAfterMeetingDays, areas: { ofCase: area, ofViewer: area },
          });
        } catch (err) {
          await audit(principal, { ...read, outcome: 'denied' });
          throw err;
        }
        if (!view) throw notFound('case', params.caseRef);
        await audit(principal, read);
        return caseViewFor(deps, view, principal, at, query.ordersOn ? new Date(`${query.ordersOn}T12:00:00Z`) : at);
      },
    }),
    defineRoute({
      method: 'post', path: '/cases/:caseRef/review', operationId: 'reviewCase', tag: 'decisions', permission: 'cases.decide',
      summary: 'Record the meeting\'s risk decision and next review date', params: CaseParams, errors: [404, 409],
      body: ReviewCaseCommand,
      success: { status: 201, description: 'Decision recorded', schema: DecisionRecorded },
      handler: async ({ params, body, principal }) => {
        const view = await openCase(params.caseRef, principal);
        const meeting = await meetings.get(body.meetingId);
        const event = await decideAndRecord(view, { kind: 'review', meeting, riskDecision: body.riskDecision, rationale: body.rationale, nextReviewOn: body.nextReviewOn });
        await audit(principal, { action: 'case.review', purpose: meetingPurpose(body.meetingId), caseRef: params.caseRef, meetingId: body.meetingId });
        return { eventId: event.id, caseRef: params.caseRef };
      },
    }),
    defineRoute({
      method: 'post', path: '/cases/:caseRef/actions', operationId: 'assignAction', tag: 'decisions', permission: 'cases.decide',
      summary: 'Assign an action to an agency, with a due date', params: CaseParams, errors: [404, 409],
      body: AssignActionCommand,
      success: { status: 201, description: 'Action assigned', schema: AssignedAction },
      handler: async ({ params, body, principal }) => {
        const actionId = randomUUID();
        const event = await decideAndRecord(await openCase(params.caseRef, principal), { kind: 'assign_action', actionId, agency: body.agency, description: body.description, dueOn: body.dueOn, by: staffOf(principal), meetingId: body.meetingId });
        await audit(principal, { action: 'action.assign', purpose: body.meetingId ? meetingPurpose(body.meetingId) : { kind: 'coordination' }, caseRef: params.caseRef, ...(body.meetingId ? { meetingId: body.meetingId } : {}) });
        return { eventId: event.id, caseRef: params.caseRef, actionId };
      },
    }),
    defineRoute({
      method: 'post', path: '/cases/:caseRef/research-reminders', operationId: 'remindResearch', tag: 'decisions', permission: 'cases.decide',
      summary: 'Remind the agencies whose research on the listed case is still awaited (conference.research.reminded): each answers if it has not', params: CaseParams, errors: [404, 409],
      success: { status: 201, description: 'Reminder sent', schema: DecisionRecorded },
      handler: async ({ params, principal }) => {
        const event = await decideAndRecord(await openCase(params.caseRef, principal), { kind: 'remind_research', by: staffOf(principal) });
        await audit(principal, { action: 'research.remind', purpose: { kind: 'coordination' }, caseRef: params.caseRef });
        return { eventId: event.id, caseRef: params.caseRef };
      },
    }),
    defineRoute({
      method: 'post', path: '/cases/:caseRef/actions/:actionId/cancel', operationId: 'cancelAction', tag: 'decisions', permission: 'cases.decide',
      summary: 'Cancel an action no longer needed, with the reason (the agency holding it is told)', params: ActionParams, errors: [404, 409],
      body: CancelActionCommand,
      success: { status: 201, description: 'Action cancelled', schema: DecisionRecorded },
      handler: async ({ params, body, principal }) => {
        const event = await decideAndRecord(await openCase(params.caseRef, principal), { kind: 'cancel_action', actionId: params.actionId, reason: body.reason });
        await audit(principal, { action: 'action.cancel', purpose: { kind: 'coordination' }, caseRef: params.caseRef });
        return { eventId: event.id, caseRef: params.caseRef };
      },
    }),
    defineRoute({
      method: 'post', path: '/cases/:caseRef/actions/:actionId/reassign', operationId: 'reassignAction', tag: 'decisions', permission: 'cases.decide',
      summary: 'Give an action to another agency (one that declined it, say): the action is cancelled with the reason and assigned anew', params: ActionParams, errors: [404, 409],
      body: ReassignActionCommand,
      success: { status: 201, description: 'Reassigned: the new action', schema: AssignedAction },
      handler: async ({ params, body, principal }) => {
        const actionId = randomUUID();
        const event = await decideAndRecord(await openCase(params.caseRef, principal), {
          kind: 'reassign_action', actionId: params.actionId, newActionId: actionId, agency: body.agency, dueOn: body.dueOn, reason: body.reason, by: staffOf(principal),
        });
        await audit(principal, { action: 'action.reassign', purpose: { kind: 'coordination' }, caseRef: params.caseRef });
        return { eventId: event.id, caseRef: params.caseRef, actionId };
      },
    }),
    defineRoute({
      method: 'post', path: '/cases/:caseRef/disclosure-requests', operationId: 'requestDisclosure', tag: 'decisions', permission: 'cases.decide',
      summary: 'Ask the health service\'s Caldicott guardian to disclose the detail of a concern', params: CaseParams, errors: [404, 409],
      body: RequestDisclosureCommand,
      success: { status: 201, description: 'Request sent to health', schema: RequestedDisclosure },
      handler: async ({ params, body, principal }) => {
        const requestRef = randomUUID();
        const event = await decideAndRecord(await openCase(params.caseRef, principal), { kind: 'request_disclosure', requestRef, concernRef: body.concernRef, reason: body.reason, proposedAudience: body.proposedAudience, by: staffOf(principal) });
        await audit(principal, { action: 'disclosure.request', purpose: { kind: 'disclosure_request', ref: requestRef }, caseRef: params.caseRef, requestRef });
        return { eventId: event.id, caseRef: params.caseRef, requestRef };
      },
    }),
    defineRoute({
      method: 'post', path: '/cases/:caseRef/transfer', operationId: 'transferCase', tag: 'decisions', permission: 'cases.decide',
      summary: 'Hand the case, with its history, to another area\'s conference: from then on only that area sees it; this area keeps the record of the transfer',
      params: CaseParams, errors: [403, 404, 409], body: TransferCaseCommand,
      success: { status: 201, description: 'Case transferred', schema: DecisionRecorded },
      handler: async ({ params, body, principal }) => {
        const view = await openCase(params.caseRef, principal);
        const fromArea = deps.areas.placeOf(view.area);
        const event = await decideAndRecord(view, { kind: 'transfer', fromArea, toArea: deps.areas.served(body.toArea), reason: body.reason, by: staffOf(principal) });
        // The sending area's meetings still to come no longer discuss it; past ones keep it on their agenda as history.
        for (const meeting of await meetings.withCase(params.caseRef)) {
          if (meeting.status === 'ended' || deps.areas.placeOf(meeting.area) !== fromArea) continue;
          for (const decided of decideMeeting({ kind: 'set_agenda', agenda: meeting.agenda.filter((ref) => ref !== params.caseRef) }, meeting)) {
            await recorder.record({ ...decided, occurredAt: new Date(), sharing: 'partnership', subjects: [], alwaysPublish: true });
          }
        }
        await audit(principal, { action: 'case.transfer', purpose: { kind: 'coordination' }, caseRef: params.caseRef });
        return { eventId: event.id, caseRef: params.caseRef };
      },
    }),
    defineRoute({
      method: 'post', path: '/cases/:caseRef/area-requests', operationId: 'askArea', tag: 'decisions', permission: 'cases.decide',
      summary: 'Ask the area holding another case with this suspect for a joint discussion, or to transfer its case here: it learns only the kind of request, from which area, and when',
      params: CaseParams, errors: [400, 404, 409], body: AreaRequestCommand,
      success: { status: 201, description: 'Request recorded on this case and shown to that area\'s chair', schema: DecisionRecorded },
      handler: async ({ params, body, principal }) => {
        const view = await openCase(params.caseRef, principal);
        const toArea = deps.areas.served(body.toArea);
        // The areas it may ask are those the chair's notice names: where another victim's case has this suspect.
        const others = await otherVictimsCases(cases, view, now(), deps.repeatWindowMonths);
        const event = await decideAndRecord(view, {
          kind: 'ask_area', fromArea: deps.areas.placeOf(view.area), toArea, request: body.kind, by: staffOf(principal),
          sharesSuspect: others.some((doc) => deps.areas.placeOf(doc.area) === toArea),
        });
        await audit(principal, { action: 'case.area_request', purpose: { kind: 'coordination' }, caseRef: params.caseRef });
        return { eventId: event.id, caseRef: params.caseRef };
      },
    }),
    defineRoute({
      method: 'post', path: '/cases/:caseRef/close', operationId: 'closeCase', tag: 'decisions', permission: 'cases.decide',
      summary: 'Close the case: agencies stop sharing, and the conference forgets it after the retention period (set here, within policy)', params: CaseParams, errors: [404, 409],
      body: CloseCaseCommand.extend({ retentionDays: z.int().min(0).max(deps.retention.maxDays, `at most ${deps.retention.maxDays} days (the partnership's policy, CASE_RETENTION_MAX_DAYS)`).optional() }),
      success: { status: 201, description: 'Case closed', schema: DecisionRecorded },
      handler: async ({ params, body, principal }) => {
        const event = await decideAndRecord(await openCase(params.caseRef, principal), { kind: 'close', reason: body.reason, retentionDays: body.retentionDays ?? deps.retention.defaultDays, by: staffOf(principal) });
        await audit(principal, { action: 'case.close', purpose: { kind: 'coordination' }, caseRef: params.caseRef });
        return { eventId: event.id, caseRef: params.caseRef };
      },
    }),
  ];
}
