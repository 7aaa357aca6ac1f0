import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { CaseRef, MeetingMember, Timestamp } from '@convene/shared/contracts';
import { conflict, forbidden } from '@convene/shared/errors';
import { isChair, type Meeting } from '../domain/meeting.js';
import { assertMeetingAccess, decideMeetingAccess } from '../domain/access.js';
import { meetingPurpose } from '../domain/auditing.js';
import { AgendaLine, agendaLine, type CaseView } from '../readModel/index.js';
import { caseViewFor } from './caseView.js';
import type { ConferenceDeps } from './deps.js';
import { staffOf } from './staff.js';

const MeetingParams = z.object({ meetingId: z.uuid() });
const MeetingView = z.object({
  meetingId: z.uuid(), title: z.string(), scheduledFor: z.string(), chair: z.object({ userId: z.string(), displayName: z.string().optional() }),
  members: z.array(MeetingMember.extend({ invitedAt: z.string().optional() })), agenda: z.array(z.string()), status: z.enum(['scheduled', 'running', 'ended']), position: z.int().nullable(),
  startedAt: z.string().nullable(), endedAt: z.string().nullable(),
});

const meetingView = ({ appliedEventIds, ...m }: Meeting) => m;

/** Scheduling and running meetings. Every change is a conference event; the chair of the meeting makes them. */
export function meetingRoutes(deps: ConferenceDeps): RouteSpec[] {
  const { meetings, cases, recorder, audit } = deps;

  async function chairedMeeting(meetingId: string, principal: Parameters<typeof isChair>[1]): Promise<Meeting> {
    const meeting = await meetings.get(meetingId);
    if (!isChair(meeting, principal)) throw forbidden(`only the chair of meeting ${meetingId} can do this`);
    return meeting;
  }

  async function assertListed(agenda: string[]): Promise<void> {
    const found = await cases.load(agenda);
    const missing = agenda.filter((ref) => found.get(ref)?.status !== 'listed');
    if (missing.length > 0) throw conflict('case_not_listed', `not listed (or closed): ${missing.join(', ')}`);
  }

  return [
    defineRoute({
      method: 'post', path: '/meetings', operationId: 'scheduleMeeting', tag: 'meetings', permission: 'meetings.create',
      summary: 'Schedule a meeting with its invited members and agenda of listed cases', errors: [409],
      body: z.object({ title: z.string().trim().min(1).max(120), scheduledFor: Timestamp, members: z.array(MeetingMember).min(1).max(60), agenda: z.array(CaseRef).max(40).default([]) }),
      success: { status: 201, description: 'The meeting', schema: MeetingView },
      handler: async ({ body, principal }) => {
        await assertListed(body.agenda);
        const meetingId = randomUUID();
        await recorder.record({
          type: 'conference.meeting.scheduled.v1', occurredAt: new Date(), sharing: 'partnership', subjects: [], alwaysPublish: true,
          data: { meetingId, title: body.title, scheduledFor: body.scheduledFor, chair: staffOf(principal), members: body.members, agenda: body.agenda },
        });
        await audit(principal, { action: 'meeting.schedule', purpose: meetingPurpose(meetingId), meetingId });
        return meetingView(await meetings.get(meetingId));
      },
    }),
    defineRoute({
      method: 'get', path: '/meetings', operationId: 'listMeetings', tag: 'meetings', permission: 'meetings.read',
      summary: 'Meetings you chair or are invited to', success: { status: 200, description: 'Meetings, latest first', schema: z.array(MeetingView) },
      handler: async ({ principal }) => (await meetings.forUser(principal.sub)).map(meetingView),
    }),
    defineRoute({
      method: 'get', path: '/meetings/:meetingId', operationId: 'getMeeting', tag: 'meetings', permission: 'meetings.read',
      summary: 'One meeting (invited members only)', params: MeetingParams, errors: [404],
      success: { status: 200, description: 'The meeting', schema: MeetingView },
      handler: async ({ params, principal }) => {
        const meeting = await meetings.get(params.meetingId);
        const read = { action: 'meeting.read', purpose: meetingPurpose(meeting.meetingId), meetingId: meeting.meetingId };
        try {
          assertMeetingAccess(principal, meeting);
        } catch (err) {
          await audit(principal, { ...read, outcome: 'denied' });
          throw err;
        }
        await audit(principal, read);
        return meetingView(meeting);
      },
    }),
    defineRoute({
      method: 'get', path: '/meetings/:meetingId/agenda', operationId: 'getAgenda', tag: 'meetings', permission: 'meetings.read',
      summary: 'The agenda as you may see it: each case\'s current grade and a short label (invited members, while their access lasts)', params: MeetingParams, errors: [403, 404],
      success: { status: 200, description: 'One line per case you may see, in agenda order', schema: z.array(AgendaLine) },
      handler: async ({ params, principal }) => {
        const meeting = await meetings.get(params.meetingId);
        const read = { action: 'meeting.agenda.read', purpose: meetingPurpose(meeting.meetingId), meetingId: meeting.meetingId };
        const at = deps.now?.() ?? new Date();
        const views = new Map<string, CaseView>();
        for (const caseRef of meeting.agenda) {
          const view = await cases.get(caseRef);
          if (view && view.status !== 'pending') views.set(caseRef, view);
        }
        // The same access as the case view: once a member's time after the meeting is over, only the cases their agency holds an open action on.
        const access = decideMeetingAccess(principal, meeting, (caseRef) => views.get(caseRef)?.actions ?? [], { now: at, afterMeetingDays: deps.caseAccessAfterMeetingDays });
        if (!access.allowed) {
          await audit(principal, { ...read, outcome: 'denied' });
          throw forbidden(access.reason);
        }
        await audit(principal, read);
        const lines: AgendaLine[] = [];
        for (const [caseRef, view] of views) {
          if (access.cases !== 'all' && !access.cases.has(caseRef)) continue;
          // The same per-viewer view and signals as the case view: a grade or signal withheld there is withheld here.
          const seen = await caseViewFor(cases, view, principal, at, deps.repeatWindowMonths);
          lines.push(agendaLine(seen.view, seen.signals));
        }
        return lines;
      },
    }),
    defineRoute({
      method: 'post', path: '/meetings/:meetingId/members', operationId: 'setMembers', tag: 'meetings', permission: 'meetings.manage',
      summary: 'Replace the invitation list: those left out lose access through this meeting, and their live sockets are closed',
      params: MeetingParams, errors: [404], body: z.object({ members: z.array(MeetingMember).min(1).max(60) }),
      success: { status: 200, description: 'The meeting', schema: MeetingView },
      handler: async ({ params, body, principal }) => {
        const meeting = await chairedMeeting(params.meetingId, principal);
        await recorder.record({ type: 'conference.members.set.v1', occurredAt: new Date(), sharing: 'partnership', subjects: [], alwaysPublish: true, data: { meetingId: meeting.meetingId, members: body.members, setBy: staffOf(principal) } });
        await audit(principal, { action: 'meeting.members.set', purpose: meetingPurpose(meeting.meetingId), meetingId: meeting.meetingId });
        return meetingView(await meetings.get(meeting.meetingId));
      },
    }),
    defineRoute({
      method: 'post', path: '/meetings/:meetingId/agenda', operationId: 'setAgenda', tag: 'meetings', permission: 'meetings.manage',
      summary: 'Replace the agenda (listed cases, in order)', params: MeetingParams, errors: [404, 409],
      body: z.object({ agenda: z.array(CaseRef).max(40) }), success: { status: 200, description: 'The meeting', schema: MeetingView },
      handler: async ({ params, body, principal }) => {
        const meeting = await chairedMeeting(params.meetingId, principal);
        if (meeting.status === 'ended') throw conflict('meeting_ended', 'the meeting has ended');
        await assertListed(body.agenda);
        await recorder.record({ type: 'conference.agenda.set.v1', occurredAt: new Date(), sharing: 'partnership', subjects: [], alwaysPublish: true, data: { meetingId: meeting.meetingId, agenda: body.agenda } });
        await audit(principal, { action: 'meeting.agenda.set', purpose: meetingPurpose(meeting.meetingId), meetingId: meeting.meetingId });
        return meetingView(await meetings.get(meeting.meetingId));
      },
    }),
    defineRoute({
      method: 'post', path: '/meetings/:meetingId/start', operationId: 'startMeeting', tag: 'meetings', permission: 'meetings.manage',
      summary: 'Start the meeting (the first agenda item becomes current)', params: MeetingParams, errors: [404, 409],
      success: { status: 200, description: 'The meeting', schema: MeetingView },
      handler: async ({ params, principal }) => {
        const meeting = await chairedMeeting(params.meetingId, principal);
        if (meeting.status !== 'scheduled') throw conflict('meeting_not_scheduled', `the meeting is ${meeting.status}`);
        await recorder.record({ type: 'conference.meeting.started.v1', occurredAt: new Date(), sharing: 'partnership', subjects: [], alwaysPublish: true, data: { meetingId: meeting.meetingId, startedBy: staffOf(principal) } });
        await audit(principal, { action: 'meeting.start', purpose: meetingPurpose(meeting.meetingId), meetingId: meeting.meetingId });
        return meetingView(await meetings.get(meeting.meetingId));
      },
    }),
    defineRoute({
      method: 'post', path: '/meetings/:meetingId/move', operationId: 'moveAgenda', tag: 'meetings', permission: 'meetings.manage',
      summary: 'Move the running meeting to an agenda item', params: MeetingParams, errors: [404, 409],
      body: z.object({ position: z.int().min(0) }), success: { status: 200, description: 'The meeting', schema: MeetingView },
      handler: async ({ params, body, principal }) => {
        const meeting = await chairedMeeting(params.meetingId, principal);
        if (meeting.status !== 'running') throw conflict('meeting_not_running', `the meeting is ${meeting.status}`);
        const caseRef = meeting.agenda[body.position];
        if (!caseRef) throw conflict('no_such_agenda_item', `the agenda has ${meeting.agenda.length} items`);
        await recorder.record({ type: 'conference.agenda.moved.v1', occurredAt: new Date(), sharing: 'partnership', subjects: [], alwaysPublish: true, data: { meetingId: meeting.meetingId, position: body.position, caseRef: caseRef as never } });
        await audit(principal, { action: 'meeting.agenda.move', purpose: meetingPurpose(meeting.meetingId), meetingId: meeting.meetingId, caseRef });
        return meetingView(await meetings.get(meeting.meetingId));
      },
    }),
    defineRoute({
      method: 'post', path: '/meetings/:meetingId/end', operationId: 'endMeeting', tag: 'meetings', permission: 'meetings.manage',
      summary: 'End the running meeting', params: MeetingParams, errors: [404, 409],
      success: { status: 200, description: 'The meeting', schema: MeetingView },
      handler: async ({ params, principal }) => {
        const meeting = await chairedMeeting(params.meetingId, principal);
        if (meeting.status !== 'running') throw conflict('meeting_not_running', `the meeting is ${meeting.status}`);
        await recorder.record({ type: 'conference.meeting.ended.v1', occurredAt: new Date(), sharing: 'partnership', subjects: [], alwaysPublish: true, data: { meetingId: meeting.meetingId, endedBy: staffOf(principal) } });
        await audit(principal, { action: 'meeting.end', purpose: meetingPurpose(meeting.meetingId), meetingId: meeting.meetingId });
        return meetingView(await meetings.get(meeting.meetingId));
      },
    }),
  ];
}
