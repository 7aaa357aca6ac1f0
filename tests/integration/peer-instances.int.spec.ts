// Two instances of one service on one database: each answers from what it mirrors in memory (an agency's listings
// and people's tokens, the conference's running meetings), its own changes at once, the other's within PEER_REFRESH_MS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListings, createPeople } from '@convene/shared/partnership';
import { createMeetingStore } from '../../services/conference/src/db/meetings.js';
import type { Meeting } from '../../services/conference/src/domain/meeting.js';
import { eventually, freshDatabase } from '../support/infra.js';

const refreshMs = 300;
const secret = 'x'.repeat(40);
const suspect = { role: 'suspect' as const, tokens: ['lt1.pnc.SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS'] };
const victim = { role: 'victim' as const, tokens: ['lt1.nhs.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] };

describe('instances of one service', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const reads: string[] = [];

  beforeAll(async () => {
    database = await freshDatabase({ monitorCommands: true });
    database.db.getClient().on('commandStarted', (e: { commandName: string; command: Record<string, unknown> }) => {
      if (e.commandName === 'find') reads.push(String(e.command.find));
    });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('sees a listing opened and closed through the other at once here, there within the refresh, and reads nothing per command', async () => {
    const here = createListings(database.db, { refreshMs });
    const there = createListings(database.db, { refreshMs });
    expect(await there.openFor([victim, suspect])).toBeUndefined();
    await here.open('CASE-PEER-1', [victim, suspect], new Date('2026-11-01T09:00:00Z'));
    expect((await here.openFor([victim, suspect]))?._id).toBe('CASE-PEER-1');
    await eventually(async () => (await there.openFor([victim, suspect]))?._id === 'CASE-PEER-1', { timeoutMs: 5_000, what: 'the other instance to see the listing' });

    reads.length = 0;
    for (let i = 0; i < 50; i++) expect((await here.openFor([suspect]))?._id).toBe('CASE-PEER-1');
    expect(reads.filter((c) => c === 'listings').length).toBeLessThanOrEqual(1);

    await here.close('CASE-PEER-1', new Date('2026-11-20T09:00:00Z'));
    expect(await here.openFor([victim, suspect])).toBeUndefined();
    await eventually(async () => (await there.openFor([victim, suspect])) === undefined, { timeoutMs: 5_000, intervalMs: 20, what: 'the other instance to see the close' });
  });

  it('answers a person\'s tokens from memory, a confirmed match\'s tokens at once here and there within the refresh', async () => {
    const here = createPeople(database.db, secret, { refreshMs });
    const there = createPeople(database.db, secret, { refreshMs });
    const person = await here.add({ given: 'Dawn', family: 'Hale', dateOfBirth: '1990-04-12', postcode: 'LS1 4AP' });
    reads.length = 0;
    for (let i = 0; i < 20; i++) expect(await here.subjectsOf([{ role: 'victim', personId: person._id }])).toEqual([{ role: 'victim', tokens: person.tokens }]);
    expect(reads.filter((c) => c === 'people')).toHaveLength(0);
    expect((await there.subjectsOf([{ role: 'victim', personId: person._id }]))[0]!.tokens).toEqual(person.tokens);

    const adopted = 'lt1.nd.ADOPTEDADOPTEDADOPTEDADOPTEDADOPTEDADOPT';
    await here.adopt(person._id, [adopted]);
    expect((await here.subjectsOf([{ role: 'victim', personId: person._id }]))[0]!.tokens).toContain(adopted);
    await eventually(async () => (await there.subjectsOf([{ role: 'victim', personId: person._id }]))[0]!.tokens.includes(adopted), { timeoutMs: 5_000, what: 'the other instance to see the adopted token' });

    await expect(here.subjectsOf([{ role: 'victim', personId: 'no-such-person' }])).rejects.toMatchObject({ status: 404 });
  });

  it('finds where a conference round\'s pushes go in memory: a meeting saved through the other instance once its push arrives, or within the refresh', async () => {
    const here = createMeetingStore(database.db, { refreshMs });
    const slow = createMeetingStore(database.db, { refreshMs: 60_000 });
    const there = createMeetingStore(database.db, { refreshMs });
    for (const store of [here, slow, there]) expect((await store.activeWithCases(['CASE-M1'])).size).toBe(0);
    const meeting = {
      meetingId: 'MTG-PEER-1', title: 'Peers', scheduledFor: '2026-12-08T10:00:00.000Z', area: null,
      chair: { userId: 'chair-1', name: 'Chair', agency: 'police' }, members: [], agenda: ['CASE-M1'], status: 'scheduled',
      position: null, startedAt: null, endedAt: null, attendance: null, appliedEventIds: [],
    } as unknown as Meeting;
    await here.save(meeting);
    reads.length = 0;
    expect((await here.activeWithCases(['CASE-M1'])).get('CASE-M1')?.map((m) => m.meetingId)).toEqual(['MTG-PEER-1']);
    expect(reads.filter((c) => c === 'meetings')).toHaveLength(0);

    // Not due for a re-read for a minute: only the push's reload shows it.
    expect((await slow.activeWithCases(['CASE-M1'])).size).toBe(0);
    await slow.reload('MTG-PEER-1');
    expect((await slow.activeWithCases(['CASE-M1'])).get('CASE-M1')?.map((m) => m.meetingId)).toEqual(['MTG-PEER-1']);
    await eventually(async () => (await there.activeWithCases(['CASE-M1'])).size === 1, { timeoutMs: 5_000, what: 'the other instance to see the meeting' });

    // A reload begun before this instance's own later save never puts the older meeting back.
    const reloading = slow.reload('MTG-PEER-1');
    await slow.save({ ...meeting, agenda: ['CASE-M1', 'CASE-M2'] } as Meeting);
    await reloading;
    expect((await slow.activeWithCases(['CASE-M2'])).get('CASE-M2')?.map((m) => m.meetingId)).toEqual(['MTG-PEER-1']);

    await here.save({ ...meeting, status: 'ended' } as Meeting);
    expect((await here.activeWithCases(['CASE-M1'])).size).toBe(0);
    await slow.reload('MTG-PEER-1');
    expect((await slow.activeWithCases(['CASE-M1'])).size).toBe(0);
  });
});
