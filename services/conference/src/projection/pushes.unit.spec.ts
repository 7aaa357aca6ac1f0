import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEvent } from '@convene/shared/contracts';
import { CASE, LISTING, make, replay } from '../../../../tests/fixtures/caseEvents.js';
import type { Meeting } from '../domain/meeting.js';
import { overdueActionAlerts } from './pushes.js';

const meetingId = randomUUID();
const chair = { userId: 'chair-1' };
const meeting: Meeting = {
  meetingId, title: 'MARAC', scheduledFor: '2026-12-07T09:00:00.000Z', area: null, chair, members: [], agenda: [CASE], status: 'running', position: 0,
  startedAt: '2026-12-07T09:01:00.000Z', endedAt: null, attendance: null, appliedEventIds: [],
};
const started = createEvent('conference.meeting.started.v1', { occurredAt: '2026-12-07T09:01:00.000Z', sharing: 'partnership', subjects: [], data: { meetingId, startedBy: chair } });
const assigned = (actionId: string, dueOn: string) => make('conference.action.assigned.v1', { actionId, caseRef: CASE as never, agency: 'police', description: `Action due ${dueOn}`, dueOn, assignedBy: chair }, { daysAgo: 30 });

describe('overdue actions raised when a meeting starts', () => {
  it('raises each action still to do and past due, once each, and nothing done, cancelled or not yet due', () => {
    const [late, lateAccepted, done, cancelled, notDue] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const view = replay([
      LISTING, assigned(late, '2026-11-30'), assigned(lateAccepted, '2026-12-06'), assigned(done, '2026-11-01'), assigned(cancelled, '2026-11-01'), assigned(notDue, '2026-12-07'),
      make('police.action.accepted.v1', { actionId: lateAccepted, caseRef: CASE as never, acceptedBy: { userId: 'pc-1' } }, { daysAgo: 20 }),
      make('police.action.completed.v1', { actionId: done, caseRef: CASE as never, outcome: 'Done', completedBy: { userId: 'pc-1' } }, { daysAgo: 20 }),
      make('conference.action.updated.v1', { actionId: cancelled, caseRef: CASE as never, status: 'cancelled' }, { daysAgo: 20 }),
    ]);
    const pushes = overdueActionAlerts(started, meeting, new Map([[CASE, view]]));
    expect(pushes.map((p) => p.payload)).toEqual([
      { alert: 'action_overdue', actionId: late, owner: 'police', description: 'Action due 2026-11-30', dueOn: '2026-11-30', status: 'open' },
      { alert: 'action_overdue', actionId: lateAccepted, owner: 'police', description: 'Action due 2026-12-06', dueOn: '2026-12-06', status: 'accepted' },
    ]);
    expect(pushes.every((p) => p.kind === 'alert' && p.caseRef === CASE && p.sharing === 'partnership')).toBe(true);
    expect(new Set(pushes.map((p) => p.sourceId)).size).toBe(2);
    expect(overdueActionAlerts(createEvent('conference.meeting.ended.v1', { occurredAt: '2026-12-07T10:00:00.000Z', sharing: 'partnership', subjects: [], data: { meetingId, endedBy: chair } }), meeting, new Map([[CASE, view]]))).toEqual([]);
  });
});
