import type { Principal } from '@convene/shared/auth';
import type { CaseStore } from '../db/cases.js';
import type { MeetingStore } from '../db/meetings.js';
import { decideMeetingAccess, needsOpenActions, type HeldAction, type MeetingAccess } from '../domain/access.js';
import type { Meeting } from '../domain/meeting.js';
import type { Areas } from '../domain/areas.js';

export interface AccessCheckDeps {
  meetings: Pick<MeetingStore, 'find'>;
  /** Where open actions are read from; without it no action keeps access open once the time after a meeting is over. */
  cases?: Pick<CaseStore, 'load'> | undefined;
  afterMeetingDays: number;
  now: () => Date;
  /** The areas served: a meeting's room is its own area's only. */
  areas: Areas;
}

export interface AccessRound {
  now: Date;
  /** The meeting and this caller's access to it; undefined if there is no such meeting. */
  decide(principal: Principal, meetingId: string): Promise<{ meeting: Meeting; access: MeetingAccess } | undefined>;
}

/**
 * One pass of access decisions at one instant: each meeting (and, where needed, the actions of its cases) is
 * read once however many sockets ask, so re-checking a full room costs a read per meeting, not per socket.
 */
export function accessRound(deps: AccessCheckDeps): AccessRound {
  const now = deps.now();
  const terms = { now, afterMeetingDays: deps.afterMeetingDays };
  const meetingReads = new Map<string, Promise<Meeting | undefined>>();
  const actionReads = new Map<string, Promise<Map<string, readonly HeldAction[]>>>();

  const meetingOf = (meetingId: string) => {
    let read = meetingReads.get(meetingId);
    if (!read) meetingReads.set(meetingId, read = deps.meetings.find(meetingId));
    return read;
  };
  const actionsOf = (meeting: Meeting) => {
    let read = actionReads.get(meeting.meetingId);
    if (!read) {
      const { cases } = deps;
      read = cases && meeting.agenda.length > 0
        ? cases.load(meeting.agenda).then((views) => new Map([...views].map(([ref, view]) => [ref, view.actions])))
        : Promise.resolve(new Map());
      actionReads.set(meeting.meetingId, read);
    }
    return read;
  };

  return {
    now,
    async decide(principal, meetingId) {
      const meeting = await meetingOf(meetingId);
      if (!meeting) return undefined;
      let area: { held: string; viewer: string };
      try {
        area = deps.areas.judge(principal, meeting.area);
      } catch (err) {
        return { meeting, access: { allowed: false, reason: (err as Error).message } };
      }
      const actions = needsOpenActions(principal, meeting, terms) ? await actionsOf(meeting) : new Map<string, readonly HeldAction[]>();
      return { meeting, access: decideMeetingAccess(principal, meeting, (caseRef) => actions.get(caseRef) ?? [], { ...terms, areas: { ofMeeting: area.held, ofViewer: area.viewer } }) };
    },
  };
}
