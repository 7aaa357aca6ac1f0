import { idsByKey, type KeyedIndex } from '@convene/shared/mongo';
import type { Meeting } from '../domain/meeting.js';

/** The meetings not ended, by the cases on their agendas: where a round's pushes go, answered from memory. */
export interface RunningMeetings extends KeyedIndex<Meeting> {
  withCases(caseRefs: readonly string[]): Map<string, Meeting[]>;
}

export function runningMeetings(meetings: Iterable<Meeting> = []): RunningMeetings {
  const byId = new Map<string, Meeting>();
  const byCase = idsByKey();
  const index: RunningMeetings = {
    put(meeting) {
      index.remove(meeting.meetingId);
      if (meeting.status === 'ended') return;
      const held = { ...meeting, agenda: meeting.agenda ?? [] };
      byId.set(meeting.meetingId, held);
      byCase.add(held.agenda, meeting.meetingId);
    },
    remove(meetingId) {
      const old = byId.get(meetingId);
      if (!old) return;
      byId.delete(meetingId);
      byCase.remove(old.agenda, meetingId);
    },
    withCases(caseRefs) {
      const found = new Map<string, Meeting[]>();
      for (const caseRef of caseRefs) {
        const ids = byCase.get(caseRef);
        if (ids) found.set(caseRef, [...ids].map((id) => byId.get(id)!));
      }
      return found;
    },
  };
  for (const meeting of meetings) index.put(meeting);
  return index;
}
