import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LiveMessage } from '@convene/shared/contracts';
import { createMeetingLogs, type LivePosition } from './meetingLogs.js';

const meetingId = randomUUID();
const other = randomUUID();
const at = (offset: number, partition = 0, timestamp = 1_000_000 + offset * 1000): LivePosition => ({ partition, offset: String(offset), timestamp });
const push = (sourceId: string, extra: Record<string, unknown> = {}, meeting = meetingId): LiveMessage => ({
  type: 'push',
  push: { meetingId: meeting, kind: 'timeline.entry', caseRef: 'CNV-2026-000001', sharing: 'partnership', audience: null, payload: {}, at: new Date(0).toISOString(), sourceId, ...extra },
});
const presence = (instanceId: string, users: string[]): LiveMessage => ({
  type: 'presence', meetingId, instanceId,
  present: users.map((userId, i) => ({ userId, agency: 'police', role: 'police', since: new Date(i * 1000).toISOString() })),
});
const presentIds = (payload: unknown) => (payload as { present: { userId: string }[] }).present.map((u) => u.userId);

describe('the meeting logs an instance builds from the live topic', () => {
  it('gives each push its offset + 1 as seq and keeps meetings apart', () => {
    const logs = createMeetingLogs();
    expect(logs.apply(push('a'), at(0))).toMatchObject({ seq: 1, sourceId: 'a' });
    expect(logs.apply(push('b', {}, other), at(1))).toMatchObject({ seq: 2, meetingId: other });
    expect(logs.apply(push('c'), at(2))).toMatchObject({ seq: 3 });
    expect(logs.since(meetingId, 0).map((p) => p.seq)).toEqual([1, 3]);
    expect(logs.since(meetingId, 1).map((p) => p.sourceId)).toEqual(['c']);
    expect(logs.latestSeq(meetingId)).toBe(3);
    expect(logs.latestSeq(other)).toBe(2);
    expect(logs.latestSeq(randomUUID())).toBe(0);
  });

  it('drops a redelivered push (same source and kind) but not another kind from the same source', () => {
    const logs = createMeetingLogs();
    logs.apply(push('a'), at(0));
    expect(logs.apply(push('a'), at(1))).toBeUndefined();
    expect(logs.apply(push('a', { kind: 'alert' }), at(2))).toMatchObject({ seq: 3, kind: 'alert' });
    expect(logs.since(meetingId, 0).map((p) => p.seq)).toEqual([1, 3]);
  });

  it('withdraws a case\'s advocacy entries, or the whole case, only in the retraction\'s partition and only before it', () => {
    const logs = createMeetingLogs();
    const entry = (agency: string) => ({ payload: { entry: { agency } } });
    logs.apply(push('diary', entry('advocacy')), at(0));
    logs.apply(push('incident', entry('police')), at(1));
    logs.apply(push('elsewhere', entry('advocacy'), other), at(0, 1));
    logs.apply({ type: 'retract', caseRef: 'CNV-2026-000001', scope: 'advocacy' }, at(2));
    expect(logs.since(meetingId, 0).map((p) => p.sourceId)).toEqual(['incident']);
    expect(logs.since(other, 0).map((p) => p.sourceId)).toEqual(['elsewhere']);
    logs.apply(push('later diary', entry('advocacy')), at(3));
    expect(logs.since(meetingId, 0).map((p) => p.sourceId)).toEqual(['incident', 'later diary']);

    logs.apply(push('agenda', { kind: 'meeting.state', caseRef: null, payload: { agenda: ['CNV-2026-000001'] } }), at(4));
    logs.apply(push('other case', { caseRef: 'CNV-2026-000002' }), at(5));
    logs.apply({ type: 'retract', caseRef: 'CNV-2026-000001', scope: 'all' }, at(6));
    expect(logs.since(meetingId, 0).map((p) => p.sourceId)).toEqual(['other case']);
  });

  it('merges the presence of every instance into one push per change, and drops an instance gone quiet', () => {
    const logs = createMeetingLogs({ presenceExpiryMs: 10_000 });
    expect(presentIds(logs.apply(presence('one', ['chair']), at(0))?.payload)).toEqual(['chair']);
    expect(presentIds(logs.apply(presence('two', ['pc', 'chair']), at(1))?.payload)).toEqual(['chair', 'pc']);
    // The same lists again (a heartbeat): no push, no seq taken.
    expect(logs.apply(presence('one', ['chair']), at(2))).toBeUndefined();
    expect(logs.apply(presence('two', ['pc', 'chair']), at(3))).toBeUndefined();
    // Instance two is killed; one keeps announcing. Past the expiry, two's users are gone.
    expect(logs.apply(presence('one', ['chair']), at(4, 0, 1_003_000 + 10_001))).toMatchObject({ kind: 'presence', seq: 5 });
    expect(presentIds(logs.since(meetingId, 4)[0]?.payload)).toEqual(['chair']);
    expect(logs.present(meetingId).map((u) => u.userId)).toEqual(['chair']);
  });

  it('keeps at most maxPerMeeting pushes and says when a catch-up reaches further back', () => {
    const logs = createMeetingLogs({ maxPerMeeting: 3 });
    for (let i = 0; i < 5; i++) logs.apply(push(`p${i}`), at(i));
    expect(logs.since(meetingId, 0).map((p) => p.seq)).toEqual([3, 4, 5]);
    expect(logs.holdsSince(meetingId, 1)).toBe(false);
    expect(logs.holdsSince(meetingId, 2)).toBe(true);
    expect(logs.since(meetingId, 3, 1).map((p) => p.seq)).toEqual([4]);
  });

  it('forgets meetings nothing was heard of in the retention window', () => {
    const logs = createMeetingLogs();
    logs.apply(push('old'), at(0, 0, 1000));
    logs.apply(push('new', {}, other), at(1, 0, 5000));
    expect(logs.forgetQuietSince(2000)).toBe(1);
    expect(logs.latestSeq(meetingId)).toBe(0);
    expect(logs.latestSeq(other)).toBe(2);
  });
});
