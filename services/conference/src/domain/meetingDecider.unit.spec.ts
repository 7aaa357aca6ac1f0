import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEvent, type CaseEvent } from '@convene/shared/contracts';
import { evolveMeeting, type Meeting } from './meeting.js';
import { decideMeeting, type MeetingCommand, type MeetingEvent } from './meetingDecider.js';

// Given the meeting's events, when the chair asks, then these events (or this refusal): the decider's contract,
// written as event-driven-io/emmett's decider specifications are.
const meetingId = randomUUID();
const chair = { userId: 'chair-1', displayName: 'Chair One' };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 9, minute));
const AGENDA = ['CNV-2026-000001', 'CNV-2026-000002'];

const scheduled = createEvent('conference.meeting.scheduled.v1', {
  occurredAt: at(0), sharing: 'partnership', subjects: [],
  data: { meetingId, title: 'MARAC', scheduledFor: at(30).toISOString(), chair, members: [{ userId: 'pc-1', agency: 'police', role: 'police' }], agenda: AGENDA as never },
});
const started = createEvent('conference.meeting.started.v1', { occurredAt: at(31), sharing: 'partnership', subjects: [], data: { meetingId, startedBy: chair } });
const ended = createEvent('conference.meeting.ended.v1', { occurredAt: at(90), sharing: 'partnership', subjects: [], data: { meetingId, endedBy: chair } });

function given(...events: CaseEvent[]) {
  const meeting = events.reduce<Meeting | undefined>((m, e) => evolveMeeting(m, e), undefined)!;
  return {
    when: (command: MeetingCommand) => ({
      then: (expected: MeetingEvent[]) => expect(decideMeeting(command, meeting)).toEqual(expected),
      thenRefused: (code: string) => expect(() => decideMeeting(command, meeting)).toThrow(expect.objectContaining({ code, status: 409 })),
      /** The events decided, folded back: what the meeting becomes. */
      becomes: () => decideMeeting(command, meeting).reduce<Meeting>((m, d, i) => evolveMeeting(m, createEvent(d.type, { occurredAt: at(40 + i), sharing: 'partnership', subjects: [], data: d.data } as never))!, meeting),
    }),
  };
}

describe('the meeting decider', () => {
  it('starts a scheduled meeting, and only a scheduled one', () => {
    given(scheduled).when({ kind: 'start', by: chair }).then([{ type: 'conference.meeting.started.v1', data: { meetingId, startedBy: chair } }]);
    given(scheduled, started).when({ kind: 'start', by: chair }).thenRefused('meeting_not_scheduled');
    given(scheduled, started, ended).when({ kind: 'start', by: chair }).thenRefused('meeting_not_scheduled');
  });

  it('moves a running meeting to an agenda item that exists, naming its case', () => {
    given(scheduled, started).when({ kind: 'move', position: 1 }).then([{ type: 'conference.agenda.moved.v1', data: { meetingId, position: 1, caseRef: AGENDA[1] as never } }]);
    expect(given(scheduled, started).when({ kind: 'move', position: 1 }).becomes().position).toBe(1);
    given(scheduled, started).when({ kind: 'move', position: 2 }).thenRefused('no_such_agenda_item');
    given(scheduled).when({ kind: 'move', position: 0 }).thenRefused('meeting_not_running');
    given(scheduled, started, ended).when({ kind: 'move', position: 0 }).thenRefused('meeting_not_running');
  });

  it('ends a running meeting only', () => {
    given(scheduled, started).when({ kind: 'end', by: chair }).then([{ type: 'conference.meeting.ended.v1', data: { meetingId, endedBy: chair } }]);
    expect(given(scheduled, started).when({ kind: 'end', by: chair }).becomes().status).toBe('ended');
    given(scheduled).when({ kind: 'end', by: chair }).thenRefused('meeting_not_running');
    given(scheduled, started, ended).when({ kind: 'end', by: chair }).thenRefused('meeting_not_running');
  });

  it('replaces the agenda until the meeting has ended; replaces the invitations at any time', () => {
    given(scheduled, started).when({ kind: 'set_agenda', agenda: [AGENDA[1]!] }).then([{ type: 'conference.agenda.set.v1', data: { meetingId, agenda: [AGENDA[1]] as never } }]);
    given(scheduled, started, ended).when({ kind: 'set_agenda', agenda: [] }).thenRefused('meeting_ended');
    const members = [{ userId: 'nurse-1', agency: 'health' as const, role: 'health' as const }];
    given(scheduled, started, ended).when({ kind: 'set_members', members, by: chair }).then([{ type: 'conference.members.set.v1', data: { meetingId, members, setBy: chair } }]);
  });

  it('records attendance once the meeting has started, naming only those invited, each once', () => {
    const attendance = (present: string[], apologies: string[] = []): MeetingCommand => ({ kind: 'record_attendance', present, apologies, by: chair });
    given(scheduled).when(attendance(['chair-1'])).thenRefused('meeting_not_started');
    given(scheduled, started).when(attendance(['chair-1'], ['pc-1'])).then([{ type: 'conference.attendance.recorded.v1', data: { meetingId, present: ['chair-1'], apologies: ['pc-1'], recordedBy: chair } }]);
    expect(given(scheduled, started, ended).when(attendance(['chair-1', 'pc-1'])).becomes().attendance).toMatchObject({ present: ['chair-1', 'pc-1'], apologies: [] });
    expect(() => decideMeeting(attendance(['stranger-9']), evolveMeeting(evolveMeeting(undefined, scheduled), started)!)).toThrow(expect.objectContaining({ code: 'not_invited', status: 400, field: 'body.present' }));
    expect(() => decideMeeting(attendance(['pc-1'], ['pc-1']), evolveMeeting(evolveMeeting(undefined, scheduled), started)!)).toThrow(expect.objectContaining({ code: 'named_twice', status: 400 }));
  });
});
