import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from '@convene/shared/auth';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { AgendaLine, MeetingView, MoveAgendaCommand, RecordAttendanceCommand, ScheduleMeetingCommand, SetAgendaCommand, SetMembersCommand } from '@convene/shared/contracts';
import { conflict, forbidden } from '@convene/shared/errors';
import { isChair, type Meeting } from '../domain/meeting.js';
import { decideMeeting, type MeetingCommand } from '../domain/meetingDecider.js';
import { assertMeetingAccess } from '../domain/access.js';
import { agendaFor } from './agendaAccess.js';
import { meetingPurpose } from '../domain/auditing.js';
import { agendaLine } from '../readModel/index.js';
import { caseViewFor } from './caseView.js';
import type { ConferenceDeps } from './deps.js';
import { staffOf } from './staff.js';

const MeetingParams = z.object({ meetingId: z.uuid() });
// Meetings folded before attendance was kept have none.
const meetingView = ({ appliedEventIds, ...m }: Meeting): MeetingView => ({ ...m, area: m.area ?? null, attendance: m.attendance ?? null });

/** Scheduling and running meetings. Every change is a conference event; the chair of the meeting makes them. */
export function meetingRoutes(deps: ConferenceDeps): RouteSpec[] {
  const { meetings, cases, recorder, audit } = deps;

  /** A meeting is its own area's only: anyone of another area is refused as if not invited. */
  function assertSameArea(meeting: Meeting, principal: Principal): void {
    const area = deps.areas.judge(principal, meeting.area);
    if (area.held !== area.viewer) throw forbidden(`meeting ${meeting.meetingId} is another area's`);
  }

  async function chairedMeeting(meetingId: string, principal: Principal): Promise<Meeting> {
    const meeting = await meetings.get(meetingId);
    assertSameArea(meeting, principal);
    if (!isChair(meeting, principal)) throw forbidden(`only the chair of meeting ${meetingId} can do this`);
    return meeting;
  }

  /** Decide the command against the meeting as it stands and record what it decides: one shape for every change. */
  async function decideAndRecord(meeting: Meeting, command: MeetingCommand): Promise<Meeting> {
    for (const event of decideMeeting(command, meeting)) {
      await recorder.record({ ...event, occurredAt: new Date(), sharing: 'partnership', subjects: [], alwaysPublish: true });
    }
    return meetings.get(meeting.meetingId);
  }

  /** An agenda holds the area's own listed cases only. */
  async function assertListed(agenda: string[], area: string): Promise<void> {
    const found = await cases.load(agenda);
    // Another area's case is answered as one this area has not listed: its existence is that area's to tell.
    const missing = agenda.filter((ref) => found.get(ref)?.status !== 'listed' || deps.areas.placeOf(found.get(ref)?.area) !== area);
    if (missing.length > 0) throw conflict('case_not_listed', `not listed in this area (or closed): ${missing.join(', ')}`);
  }

  return [
    defineRoute({
      method: 'post', path: '/meetings', operationId: 'scheduleMeeting', tag: 'meetings', permission: 'meetings.create',
      summary: 'Schedule a meeting with its invited members and agenda of listed cases', errors: [409],
      body: ScheduleMeetingCommand,
      success: { status: 201, description: 'The meeting', schema: MeetingView },
      handler: async ({ body, principal }) => {
        const area = deps.areas.ofPrincipal(principal);
        await assertListed(body.agenda, area);
        const meetingId = randomUUID();
        await recorder.record({
          type: 'conference.meeting.scheduled.v1', occurredAt: new Date(), sharing: 'partnership', subjects: [], alwaysPublish: true,
          data: { meetingId, title: body.title, scheduledFor: body.scheduledFor, area, chair: staffOf(principal), members: body.members, agenda: body.agenda },
        });
        await audit(principal, { action: 'meeting.schedule', purpose: meetingPurpose(meetingId), meetingId });
        return meetingView(await meetings.get(meetingId));
      },
    }),
    defineRoute({
      method: 'get', path: '/meetings', operationId: 'listMeetings', tag: 'meetings', permission: 'meetings.read',
      summary: 'Meetings of your area you chair or are invited to', success: { status: 200, description: 'Meetings, latest first', schema: z.array(MeetingView) },
      handler: async ({ principal }) => {
        const area = deps.areas.ofPrincipal(principal);
        return (await meetings.forUser(principal.sub)).filter((m) => deps.areas.placeOf(m.area) === area).map(meetingView);
      },
    }),
    defineRoute({
      method: 'get', path: '/meetings/:meetingId', operationId: 'getMeeting', tag: 'meetings', permission: 'meetings.read',
      summary: 'One meeting (invited members only)', params: MeetingParams, errors: [404],
      success: { status: 200, description: 'The meeting', schema: MeetingView },
      handler: async ({ params, principal }) => {
        const meeting = await meetings.get(params.meetingId);
        const read = { action: 'meeting.read', purpose: meetingPurpose(meeting.meetingId), meetingId: meeting.meetingId };
        try {
          assertSameArea(meeting, principal);
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
        const { at, views } = await agendaFor(deps, await meetings.get(params.meetingId), principal, 'meeting.agenda.read');
        const lines: AgendaLine[] = [];
        for (const view of views) {
          // The same per-viewer view and signals as the case view: a grade or signal withheld there is withheld here.
          const seen = await caseViewFor(deps, view, principal, at);
          lines.push(agendaLine(seen.view, seen.signals));
        }
        return lines;
      },
    }),
    defineRoute({
      method: 'post', path: '/meetings/:meetingId/members', operationId: 'setMembers', tag: 'meetings', permission: 'meetings.manage',
      summary: 'Replace the invitation list: those left out lose access through this meeting, and their live sockets are closed',
      params: MeetingParams, errors: [404], body: SetMembersCommand,
      success: { status: 200, description: 'The meeting', schema: MeetingView },
      handler: async ({ params, body, principal }) => {
        const meeting = await chairedMeeting(params.meetingId, principal);
        const after = await decideAndRecord(meeting, { kind: 'set_members', members: body.members, by: staffOf(principal) });
        await audit(principal, { action: 'meeting.members.set', purpose: meetingPurpose(meeting.meetingId), meetingId: meeting.meetingId });
        return meetingView(after);
      },
    }),
    defineRoute({
      method: 'post', path: '/meetings/:meetingId/agenda', operationId: 'setAgenda', tag: 'meetings', permission: 'meetings.manage',
      summary: 'Replace the agenda (listed cases, in order)', params: MeetingParams, errors: [404, 409],
      body: SetAgendaCommand, success: { status: 200, description: 'The meeting', schema: MeetingView },
      handler: async ({ params, body, principal }) => {
        const meeting = await chairedMeeting(params.meetingId, principal);
        if (meeting.status !== 'ended') await assertListed(body.agenda, deps.areas.placeOf(meeting.area));
        const after = await decideAndRecord(meeting, { kind: 'set_agenda', agenda: body.agenda });
        await audit(principal, { action: 'meeting.agenda.set', purpose: meetingPurpose(meeting.meetingId), meetingId: meeting.meetingId });
        return meetingView(after);
      },
    }),
    defineRoute({
      method: 'post', path: '/meetings/:meetingId/start', operationId: 'startMeeting', tag: 'meetings', permission: 'meetings.manage',
      summary: 'Start the meeting (the first agenda item becomes current)', params: MeetingParams, errors: [404, 409],
      success: { status: 200, description: 'The meeting', schema: MeetingView },
      handler: async ({ params, principal }) => {
        const meeting = await chairedMeeting(params.meetingId, principal);
        const after = await decideAndRecord(meeting, { kind: 'start', by: staffOf(principal) });
        await audit(principal, { action: 'meeting.start', purpose: meetingPurpose(meeting.meetingId), meetingId: meeting.meetingId });
        return meetingView(after);
      },
    }),
    defineRoute({
      method: 'post', path: '/meetings/:meetingId/move', operationId: 'moveAgenda', tag: 'meetings', permission: 'meetings.manage',
      summary: 'Move the running meeting to an agenda item', params: MeetingParams, errors: [404, 409],
      body: MoveAgendaCommand, success: { status: 200, description: 'The meeting', schema: MeetingView },
      handler: async ({ params, body, principal }) => {
        const meeting = await chairedMeeting(params.meetingId, principal);
        const after = await decideAndRecord(meeting, { kind: 'move', position: body.position });
        await audit(principal, { action: 'meeting.agenda.move', purpose: meetingPurpose(meeting.meetingId), meetingId: meeting.meetingId, caseRef: after.agenda[body.position]! });
        return meetingView(after);
      },
    }),
    defineRoute({
      method: 'post', path: '/meetings/:meetingId/end', operationId: 'endMeeting', tag: 'meetings', permission: 'meetings.manage',
      summary: 'End the running meeting', params: MeetingParams, errors: [404, 409],
      success: { status: 200, description: 'The meeting', schema: MeetingView },
      handler: async ({ params, principal }) => {
        const meeting = await chairedMeeting(params.meetingId, principal);
        const after = await decideAndRecord(meeting, { kind: 'end', by: staffOf(principal) });
        await audit(principal, { action: 'meeting.end', purpose: meetingPurpose(meeting.meetingId), meetingId: meeting.meetingId });
        return meetingView(after);
      },
    }),
    defineRoute({
      method: 'post', path: '/meetings/:meetingId/attendance', operationId: 'recordAttendance', tag: 'meetings', permission: 'meetings.manage',
      summary: 'Record who is at the meeting and who sent apologies (invited members and the chair, by user id), once it has started', params: MeetingParams, errors: [404, 409],
      body: RecordAttendanceCommand, success: { status: 200, description: 'The meeting, with its attendance', schema: MeetingView },
      handler: async ({ params, body, principal }) => {
        const meeting = await chairedMeeting(params.meetingId, principal);
        const after = await decideAndRecord(meeting, { kind: 'record_attendance', present: body.present, apologies: body.apologies, by: staffOf(principal) });
        await audit(principal, { action: 'meeting.attendance', purpose: meetingPurpose(meeting.meetingId), meetingId: meeting.meetingId });
        return meetingView(after);
      },
    }),
  ];
}
