import type { CaseEvent, MeetingMember, StaffMember } from '@convene/shared/contracts';
import type { Principal } from '@convene/shared/auth';

/** A meeting as the conference knows it, folded from its events. */
export interface Meeting {
  meetingId: string;
  title: string;
  scheduledFor: string;
  chair: StaffMember;
  members: MeetingMember[];
  agenda: string[];
  status: 'scheduled' | 'running' | 'ended';
  /** Index into the agenda of the case being discussed, once the meeting runs. */
  position: number | null;
  startedAt: string | null;
  endedAt: string | null;
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
        meetingId: event.data.meetingId, title: event.data.title, scheduledFor: event.data.scheduledFor, chair: event.data.chair,
        members: event.data.members, agenda: event.data.agenda, status: 'scheduled', position: null, startedAt: null, endedAt: null, appliedEventIds: [],
      });
    case 'conference.agenda.set.v1':
      return meeting && applied({ ...meeting, agenda: event.data.agenda, position: meeting.position === null ? null : Math.min(meeting.position, Math.max(0, event.data.agenda.length - 1)) });
    case 'conference.meeting.started.v1':
      return meeting && applied({ ...meeting, status: 'running', position: meeting.agenda.length > 0 ? 0 : null, startedAt: event.occurredat });
    case 'conference.agenda.moved.v1':
      return meeting && applied({ ...meeting, position: event.data.position });
    case 'conference.meeting.ended.v1':
      return meeting && applied({ ...meeting, status: 'ended', endedAt: event.occurredat });
    default:
      return meeting;
  }
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
