import type { DataOf, EventDraft, MeetingMember, StaffMember } from '@convene/shared/contracts';
import { conflict, DomainError } from '@convene/shared/errors';
import type { Meeting } from './meeting.js';

/** What the chair asks of a meeting that exists. Scheduling one makes it, so it is not decided against a state. */
export type MeetingCommand =
  | { kind: 'set_members'; members: MeetingMember[]; by: StaffMember }
  | { kind: 'set_agenda'; agenda: string[] }
  | { kind: 'start'; by: StaffMember }
  | { kind: 'move'; position: number }
  | { kind: 'end'; by: StaffMember }
  | { kind: 'record_attendance'; present: string[]; apologies: string[]; by: StaffMember };


/** The events a meeting command records: recorded as they are by the handler, folded by `evolveMeeting`. */
export type MeetingEvent = EventDraft<
  | 'conference.members.set.v1' | 'conference.agenda.set.v1' | 'conference.meeting.started.v1' | 'conference.agenda.moved.v1' | 'conference.meeting.ended.v1'
  | 'conference.attendance.recorded.v1'
>;

/**
 * Decide a meeting command against the meeting as folded from its events: the events to record, or a 409
 * naming why not. Pure; whether the agenda's cases are listed (the case store) and whether the caller chairs
 * the meeting (the token) are checked by the handler before it asks.
 */
export function decideMeeting(command: MeetingCommand, meeting: Meeting): MeetingEvent[] {
  const { meetingId } = meeting;
  switch (command.kind) {
    case 'set_members':
      return [{ type: 'conference.members.set.v1', data: { meetingId, members: command.members, setBy: command.by } }];
    case 'set_agenda':
      if (meeting.status === 'ended') throw conflict('meeting_ended', 'the meeting has ended');
      return [{ type: 'conference.agenda.set.v1', data: { meetingId, agenda: command.agenda as DataOf<'conference.agenda.set.v1'>['agenda'] } }];
    case 'start':
      if (meeting.status !== 'scheduled') throw conflict('meeting_not_scheduled', `the meeting is ${meeting.status}`);
      return [{ type: 'conference.meeting.started.v1', data: { meetingId, startedBy: command.by } }];
    case 'move': {
      if (meeting.status !== 'running') throw conflict('meeting_not_running', `the meeting is ${meeting.status}`);
      const caseRef = meeting.agenda[command.position];
      if (!caseRef) throw conflict('no_such_agenda_item', `the agenda has ${meeting.agenda.length} items`);
      return [{ type: 'conference.agenda.moved.v1', data: { meetingId, position: command.position, caseRef: caseRef as DataOf<'conference.agenda.moved.v1'>['caseRef'] } }];
    }
    case 'end':
      if (meeting.status !== 'running') throw conflict('meeting_not_running', `the meeting is ${meeting.status}`);
      return [{ type: 'conference.meeting.ended.v1', data: { meetingId, endedBy: command.by } }];
    case 'record_attendance': {
      if (meeting.status === 'scheduled') throw conflict('meeting_not_started', 'attendance is recorded once the meeting has started');
      const invited = new Set([meeting.chair.userId, ...meeting.members.map((m) => m.userId)]);
      const named = [...command.present, ...command.apologies];
      const stranger = named.find((id) => !invited.has(id));
      if (stranger) throw new DomainError('not_invited', `${stranger} is not invited to this meeting`, { status: 400, field: 'body.present' });
      if (new Set(named).size !== named.length) throw new DomainError('named_twice', 'name each person once, as present or with apologies', { status: 400, field: 'body.apologies' });
      return [{ type: 'conference.attendance.recorded.v1', data: { meetingId, present: command.present, apologies: command.apologies, recordedBy: command.by } }];
    }
  }
}
