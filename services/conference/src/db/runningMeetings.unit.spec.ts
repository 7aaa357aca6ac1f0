import { describe, expect, it } from 'vitest';
import type { Meeting } from '../domain/meeting.js';
import { runningMeetings } from './runningMeetings.js';

const meeting = (meetingId: string, agenda: string[], status: Meeting['status'] = 'scheduled'): Meeting => ({
  meetingId, title: meetingId, scheduledFor: '2026-12-08T10:00:00Z', area: null, chair: { userId: 'chair', name: 'Chair', agency: 'police' },
  members: [], agenda, status, position: null, startedAt: null, endedAt: null, attendance: null, appliedEventIds: [],
} as unknown as Meeting);

describe('running meetings', () => {
  it('finds the meetings not ended that have each case on their agenda', () => {
    const index = runningMeetings([meeting('M1', ['C1', 'C2']), meeting('M2', ['C2'], 'running'), meeting('M3', ['C1'], 'ended')]);
    const found = index.withCases(['C1', 'C2', 'C3']);
    expect(found.get('C1')?.map((m) => m.meetingId)).toEqual(['M1']);
    expect(found.get('C2')?.map((m) => m.meetingId).sort()).toEqual(['M1', 'M2']);
    expect(found.has('C3')).toBe(false);
  });

  it('follows an agenda changed, a meeting ended and one removed', () => {
    const index = runningMeetings([meeting('M1', ['C1', 'C2'])]);
    index.put(meeting('M1', ['C2']));
    expect(index.withCases(['C1']).has('C1')).toBe(false);
    index.put(meeting('M1', ['C2'], 'ended'));
    expect(index.withCases(['C2']).size).toBe(0);
    index.put(meeting('M2', ['C3'], 'running'));
    index.remove('M2');
    expect(index.withCases(['C3']).size).toBe(0);
  });
});
