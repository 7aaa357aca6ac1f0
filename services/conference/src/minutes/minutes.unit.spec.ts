import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CASE, LISTING, make, replay } from '../../../../tests/fixtures/caseEvents.js';
import type { Meeting } from '../domain/meeting.js';
import { minutesHtml } from './html.js';
import { minutesOf } from './minutes.js';
import { minutesPdf } from './pdf.js';

const meetingId = randomUUID();
const otherMeeting = randomUUID();
const chair = { userId: 'chair-1', displayName: 'Sam Okafor' };
const meeting: Meeting = {
  meetingId, title: 'Leeds stalking clinic <December>', scheduledFor: '2026-12-07T09:00:00.000Z', area: null, chair,
  members: [{ userId: 'pc-1', displayName: 'PC Jo Ward', agency: 'police', role: 'police' }, { userId: 'hw-1', displayName: 'Dr Moss', agency: 'health', role: 'health' }],
  agenda: [CASE], status: 'ended', position: 0, startedAt: '2026-12-07T09:02:00.000Z', endedAt: '2026-12-07T10:30:00.000Z',
  attendance: { present: ['chair-1', 'pc-1'], apologies: ['hw-1'], recordedAt: '2026-12-07T09:05:00.000Z' }, appliedEventIds: [],
};

describe('the minutes of a meeting', () => {
  const reviewed = (id: string, grade: 'high' | 'medium', rationale: string) => make('conference.case.reviewed.v1', { caseRef: CASE as never, meetingId: id, riskDecision: grade, rationale, nextReviewOn: '2027-01-07' }, { daysAgo: 1 });
  const assigned = (id: string, description: string) => make('conference.action.assigned.v1', { actionId: randomUUID(), caseRef: CASE as never, meetingId: id, agency: 'police', description, dueOn: '2026-12-21', assignedBy: chair }, { daysAgo: 1 });

  it('say who came, and for each case only the decisions and actions of this meeting, with where each action stands', () => {
    const view = replay([LISTING, reviewed(otherMeeting, 'medium', 'Earlier meeting'), reviewed(meetingId, 'high', 'Fixated; <escalating>'), assigned(meetingId, 'Apply for an SPO'), assigned(otherMeeting, 'Old action')]);
    const minutes = minutesOf(meeting, [view], new Date('2026-12-07T11:00:00Z'));
    expect(minutes.attendance).toEqual({
      present: [{ name: 'Sam Okafor', agency: 'conference', role: 'chair' }, { name: 'PC Jo Ward', agency: 'police', role: 'police' }],
      apologies: [{ name: 'Dr Moss', agency: 'health', role: 'health' }],
      absent: [],
    });
    expect(minutes.cases).toEqual([{
      caseRef: CASE,
      decisions: [{ at: expect.any(String), grade: 'high', rationale: 'Fixated; <escalating>', nextReviewOn: '2027-01-07' }],
      actions: [{ description: 'Apply for an SPO', owner: 'police', dueOn: '2026-12-21', status: 'open' }],
    }]);
    const html = minutesHtml(minutes);
    expect(html).toContain('Fixated; &#60;escalating&#62;');
    expect(html).toContain('Minutes: Leeds stalking clinic &#60;December&#62;');
    expect(html).not.toContain('Earlier meeting');
    expect(html).not.toMatch(/<script/i);
  });

  it('say so when attendance was not recorded, and print as a PDF', async () => {
    const minutes = minutesOf({ ...meeting, attendance: null }, [replay([LISTING])], new Date('2026-12-07T11:00:00Z'));
    expect(minutes.attendance).toBeNull();
    expect(minutesHtml(minutes)).toContain('The chair has not recorded attendance.');
    const pdf = await minutesPdf(minutes);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await minutesPdf(minutes)).toEqual(pdf);
  });
});
