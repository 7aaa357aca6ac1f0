import type { CaseEvent, MeetingInvitation, MeetingMember, MeetingView } from '@convene/shared/contracts';
import type { Principal } from '@convene/shared/auth';

/** An invited member, with when the invitation was made (the contracts' MeetingInvitation). */
export type Invitation = MeetingInvitation;

/** A meeting as the conference knows it, folded from its events: what it answers with, plus the events applied. */
export interface Meeting extends MeetingView {
  appliedEventIds: string[];
}

/** Apply one conference event to a meeting; unchanged (same object) if it does not concern it or was applied. */
export function evolveMeeting(meeting: Meeting | undefined, event: CaseEvent): Meeting | undefined {
  if (meeting?.appliedEventIds.includes(event.id)) return meeting;
  const applied = (m: Meeting): Meeting => ({ ...m, appliedEventIds: [...m.appliedEventIds, event.id] });
  switch (event.type) {
    case 'conference.meeting.scheduled.v1':
      if (meeting) return meeting;
      return applied({
        meetingId: event.data.meetingId, title: event.data.title, scheduledFor: event.data.scheduledFor, area: event.data.area ?? null, chair: event.data.chair,
        members: event.data.members.map((m) => ({ ...m, invitedAt: event.occurredat })), agenda: event.data.agenda, status: 'scheduled', position: null, startedAt: null, endedAt: null,
        attendance: null, appliedEventIds: [],
      });
    case 'conference.members.set.v1':
      return meeting && applied({ ...meeting, members: reinvite(meeting.members, event.data.members, event.occurredat) });
    case 'conference.agenda.set.v1':
      return meeting && applied({ ...meeting, agenda: event.data.agenda, position: meeting.position === null ? null : Math.min(meeting.position, Math.max(0, event.data.agenda.length - 1)) });
    case 'conference.meeting.started.v1':
      return meeting && applied({ ...meeting, status: 'running', position: meeting.agenda.length > 0 ? 0 : null, startedAt: event.occurredat });
    case 'conference.agenda.moved.v1':
      return meeting && applied({ ...meeting, position: event.data.position });
    case 'conference.meeting.ended.v1':
      return meeting && applied({ ...meeting, status: 'ended', endedAt: event.occurredat });
    case 'conference.attendance.recorded.v1':
      return meeting && applied({ ...meeting, attendance: { present: event.data.present, apologies: event.data.apologies, recordedAt: event.occurredat } });
    default:
      return meeting;
  }
}

/** The new invitation list: those already invited keep their invitation's date; the others are invited now. */
function reinvite(before: Invitation[], members: MeetingMember[], at: string): Invitation[] {
  const since = new Map(before.map((m) => [m.userId, m.invitedAt]));
  return members.map((m) => {
    const invitedAt = since.has(m.userId) ? since.get(m.userId) : at;
    return invitedAt === undefined ? { ...m } : { ...m, invitedAt };
  });
}

/** The member's invitation, if invited (the chair is not in it). */
export function invitationOf(meeting: Meeting, principal: Principal): Invitation | undefined {
  return meeting.members.find((m) => m.userId === principal.sub);
}

export function meetingIdOf(event: CaseEvent): string | undefined {
  return event.type.startsWith('conference.') ? ((event.data as { meetingId?: string }).meetingId) : undefined;
}

/** Members are named by user id; the chair is always a member. */
export function isMember(meeting: Meeting, principal: Principal): boolean {
  return meeting.chair.userId === principal.sub || meeting.members.some((m) => m.userId === principal.sub);
}

export function isChair(meeting: Meeting, principal: Principal): boolean {
  return meeting.chair.userId === principal.sub && principal.role === 'chair';
}
