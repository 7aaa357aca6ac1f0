import { describe, expect, it } from 'vitest';
import type { Principal } from '@convene/shared/auth';
import { decideCaseAccess, decideMeetingAccess, type HeldAction } from './access.js';
import { evolveMeeting, type Meeting } from './meeting.js';
import { CASE, NOW, OTHER_CASE, ago, make, nextId } from '../../../../tests/fixtures/caseEvents.js';

const officer: Principal = { sub: 'pc-1', agency: 'police', role: 'police' };
const coordinator: Principal = { sub: 'chair-1', agency: 'conference', role: 'chair' };
const terms = { now: NOW, afterMeetingDays: 7, areas: { ofMeeting: 'north', ofViewer: 'north' } };
const sameArea = { ofCase: 'north', ofViewer: 'north' };

/** A meeting with CASE on its agenda, the officer invited `invitedDaysAgo` days ago; ended `endedDaysAgo` days ago if given. */
function meeting(o: { invitedDaysAgo?: number; endedDaysAgo?: number; agenda?: string[] } = {}): Meeting {
  const ended = o.endedDaysAgo !== undefined;
  return {
    meetingId: '00000000-0000-4000-8000-00000000aaaa', title: 'MARAC North', scheduledFor: ago(20), area: null,
    chair: { userId: coordinator.sub }, agenda: o.agenda ?? [CASE], position: ended ? null : 0,
    members: [{ userId: officer.sub, agency: 'police', role: 'police', invitedAt: ago(o.invitedDaysAgo ?? 20) }],
    status: ended ? 'ended' : 'running', startedAt: ago(19), endedAt: ended ? ago(o.endedDaysAgo!) : null, attendance: null, appliedEventIds: [],
  };
}

const action = (owner: HeldAction['owner'], status: HeldAction['status'] = 'open'): HeldAction => ({ owner, status });

function caseAccess(principal: Principal, meetings: Meeting[], openActions: HeldAction[] = [], at: { now: Date; afterMeetingDays: number } = terms, areas = sameArea) {
  return decideCaseAccess({ ...at, principal, caseRef: CASE, meetingsWithCase: meetings, openActions, areas });
}

describe('areas (decideCaseAccess, decideMeetingAccess)', () => {
  it('given a case held by another area, when its chair or a member invited there asks, then no: only the area holding it', () => {
    const elsewhere = { ofCase: 'south', ofViewer: 'north' };
    expect(caseAccess(coordinator, [], [], terms, elsewhere)).toEqual({ allowed: false, reason: `${CASE} is held by another area's conference` });
    expect(caseAccess(officer, [meeting()], [action('police')], terms, elsewhere)).toMatchObject({ allowed: false });
    expect(caseAccess(coordinator, [], [], terms, { ofCase: 'south', ofViewer: 'south' })).toEqual({ allowed: true });
  });

  it('given a meeting of another area, when even an invited member or its chair asks, then no', () => {
    const other = { ...terms, areas: { ofMeeting: 'south', ofViewer: 'north' } };
    expect(decideMeetingAccess(officer, meeting(), () => [], other)).toEqual({ allowed: false, reason: 'this meeting is another area\'s' });
    expect(decideMeetingAccess(coordinator, meeting(), () => [], other)).toMatchObject({ allowed: false });
  });
});

describe('case access ends (decideCaseAccess)', () => {
  it('given an invitation to a running meeting with the case, when the member asks, then yes', () => {
    expect(caseAccess(officer, [meeting()])).toEqual({ allowed: true });
  });

  it('given the meeting ended 6 days ago, when the member asks, then yes (within the 7 days)', () => {
    expect(caseAccess(officer, [meeting({ endedDaysAgo: 6 })])).toEqual({ allowed: true });
  });

  it('given the meeting ended 8 days ago, when the member asks, then no: access ended 7 days after it ended', () => {
    const ended = meeting({ endedDaysAgo: 8 });
    const endedOn = ago(1).slice(0, 10);
    expect(caseAccess(officer, [ended])).toEqual({
      allowed: false,
      reason: `access ended on ${endedOn}, 7 days after meeting "MARAC North" (${ended.meetingId}) ended`,
    });
  });

  it('given the meeting ended 8 days ago but the member\'s agency holds an open action on the case, then yes', () => {
    expect(caseAccess(officer, [meeting({ endedDaysAgo: 8 })], [action('police')])).toEqual({ allowed: true });
    expect(caseAccess(officer, [meeting({ endedDaysAgo: 8 })], [action('police', 'accepted')])).toEqual({ allowed: true });
  });

  it('given the meeting ended 8 days ago and only another agency\'s or a finished action, then no', () => {
    for (const held of [action('health'), action('police', 'completed'), action('police', 'cancelled'), action(null)]) {
      expect(caseAccess(officer, [meeting({ endedDaysAgo: 8 })], [held]).allowed).toBe(false);
    }
  });

  it('given an invitation made after now, when the member asks before it, then no', () => {
    const decision = caseAccess(officer, [meeting({ invitedDaysAgo: -1 })]);
    expect(decision).toEqual({ allowed: false, reason: expect.stringMatching(/^your invitation to meeting "MARAC North" .* starts at /) });
  });

  it('given a chair (coordinator), then yes whatever the meetings', () => {
    expect(caseAccess(coordinator, [])).toEqual({ allowed: true });
    expect(caseAccess(coordinator, [meeting({ endedDaysAgo: 400 })])).toEqual({ allowed: true });
  });

  it('given no invitation, or the case taken off the agenda, then no', () => {
    const notInvited = { ...meeting(), members: [{ userId: 'someone-else', agency: 'health' as const, role: 'health' as const }] };
    expect(caseAccess(officer, [notInvited])).toEqual({ allowed: false, reason: `you are not invited to a meeting that has ${CASE} on its agenda` });
    expect(caseAccess(officer, [meeting({ agenda: [OTHER_CASE] })]).allowed).toBe(false);
  });

  it('given one lapsed and one open invitation with the case, then yes', () => {
    expect(caseAccess(officer, [meeting({ endedDaysAgo: 30 }), meeting({ endedDaysAgo: 2 })])).toEqual({ allowed: true });
  });

  it('given CASE_ACCESS_AFTER_MEETING_DAYS=0, then access ends when the meeting ends', () => {
    const decision = caseAccess(officer, [meeting({ endedDaysAgo: 0.01 })], [], { now: NOW, afterMeetingDays: 0 });
    expect(decision).toMatchObject({ allowed: false, reason: expect.stringContaining(', 0 days after meeting') });
  });
});

describe('meeting room access (decideMeetingAccess)', () => {
  const noActions = () => [];

  it('given a member of a running or recently ended meeting, then every case on its agenda', () => {
    expect(decideMeetingAccess(officer, meeting({ agenda: [CASE, OTHER_CASE] }), noActions, terms)).toEqual({ allowed: true, cases: 'all' });
    expect(decideMeetingAccess(officer, meeting({ endedDaysAgo: 6 }), noActions, terms)).toEqual({ allowed: true, cases: 'all' });
  });

  it('given the time after the meeting has run out, then only the cases the agency holds an open action on', () => {
    const ended = meeting({ endedDaysAgo: 8, agenda: [CASE, OTHER_CASE] });
    const actionsOn = (caseRef: string) => (caseRef === OTHER_CASE ? [action('police')] : []);
    expect(decideMeetingAccess(officer, ended, actionsOn, terms)).toEqual({ allowed: true, cases: new Set([OTHER_CASE]) });
    expect(decideMeetingAccess(officer, ended, noActions, terms)).toEqual({ allowed: false, reason: expect.stringMatching(/^access ended on /) });
  });

  it('given someone removed from the invitation list, then no', () => {
    const removed = { ...meeting(), members: [{ userId: 'someone-else', agency: 'health' as const, role: 'health' as const }] };
    expect(decideMeetingAccess(officer, removed, noActions, terms)).toEqual({ allowed: false, reason: 'you are not a member of this meeting' });
  });

  it('given the meeting\'s chair, then every case, however long ago it ended', () => {
    expect(decideMeetingAccess(coordinator, meeting({ endedDaysAgo: 400 }), noActions, terms)).toEqual({ allowed: true, cases: 'all' });
  });
});

describe('invitations carry when they were made', () => {
  const meetingId = '00000000-0000-4000-8000-00000000bbbb';
  const member = (userId: string) => ({ userId, agency: 'police' as const, role: 'police' as const });

  it('scheduling invites everyone then; a new list keeps the dates of those still invited and dates the newcomers', () => {
    const scheduled = make('conference.meeting.scheduled.v1', {
      meetingId, title: 'MARAC', scheduledFor: ago(5), chair: { userId: 'chair-1' }, members: [member('a'), member('b')], agenda: [],
    }, { daysAgo: 10, subject: null });
    const reset = make('conference.members.set.v1', { meetingId, members: [member('a'), member('c')], setBy: { userId: 'chair-1' } }, { daysAgo: 3, subject: null, id: nextId() });
    const after = evolveMeeting(evolveMeeting(undefined, scheduled), reset)!;
    expect(after.members).toEqual([{ ...member('a'), invitedAt: ago(10) }, { ...member('c'), invitedAt: ago(3) }]);
    expect(evolveMeeting(after, reset)).toBe(after);
  });
});
