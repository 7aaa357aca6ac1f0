import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { startConference, type RunningConference } from '../support/conference.js';
import { meetingClient, type MeetingClient } from '../support/meetingClient.js';
import { people } from '../support/fixtures.js';
import { eventually, uniqueId } from '../support/infra.js';

const chair = { sub: 'chair-live', agency: 'conference', role: 'chair', name: 'Chair' } as const;
const officer = { sub: 'pc-live', agency: 'police', role: 'police' } as const;
const nurse = { sub: 'hw-live', agency: 'health', role: 'health' } as const;

describe('a live meeting across two conference instances', () => {
  const prefix = uniqueId('live');
  const group = uniqueId('conference');
  const dbSuffix = `${prefix}_shared`;
  let one: RunningConference;
  let two: RunningConference;
  let police: RunningAgency;
  let health: RunningAgency;
  const clients: MeetingClient[] = [];

  beforeAll(async () => {
    // Same database and the same consumer group: the two instances share the partitions between them.
    one = await startConference(prefix, { dbSuffix, groupId: group });
    two = await startConference(prefix, { dbSuffix, groupId: group });
    police = await startAgency('police', { prefix });
    health = await startAgency('health', { prefix });
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await police?.stop();
    await health?.stop();
    await two?.stop({ keepDatabase: true });
    await one?.stop();
  });

  it('pushes every event to clients on either instance, in the same order, with the mid-meeting health alert', async () => {
    const policeApi = client(police.url, await tokenFor(officer));
    const healthApi = client(health.url, await tokenFor(nurse));
    const chairApi = client(one.url, await tokenFor(chair));
    const victimP = (await policeApi.post('/people', people.victim)).body;
    const suspectP = (await policeApi.post('/people', people.suspect)).body;
    const victimH = (await healthApi.post('/people', people.victim)).body;
    await policeApi.post('/referrals', { subjects: [{ personId: victimP.personId, role: 'victim' }, { personId: suspectP.personId, role: 'suspect' }], criterion: 'high_risk', reason: 'Live test' });
    const caseRef = (await eventually(async () => (await chairApi.get('/cases')).body.find((c: { status: string }) => c.status === 'listed'), { what: 'listing' })).caseRef;
    const meeting = (await chairApi.post('/meetings', {
      title: 'Live', scheduledFor: new Date().toISOString(), agenda: [caseRef],
      members: [{ userId: officer.sub, agency: 'police', role: 'police' }, { userId: nurse.sub, agency: 'health', role: 'health' }],
    })).body;
    expect((await chairApi.post(`/meetings/${meeting.meetingId}/start`)).status).toBe(200);

    const onOne = await meetingClient(one.url, await tokenFor(chair));
    const onTwo = await meetingClient(two.url, await tokenFor(officer));
    clients.push(onOne, onTwo);
    expect(await onOne.join(meeting.meetingId, 0)).toMatchObject({ ok: true });
    expect(await onTwo.join(meeting.meetingId, 0)).toMatchObject({ ok: true });

    const pair = [{ personId: victimP.personId, role: 'victim' }, { personId: suspectP.personId, role: 'suspect' }];
    for (let i = 0; i < 8; i++) {
      expect((await policeApi.post('/incidents', { subjects: pair, occurredAt: new Date(Date.now() - i * 3600_000).toISOString(), behaviours: ['messages'], offenceClass: 'pha_s2', summary: `Live incident ${i}` })).status).toBe(201);
    }
    const concern = await healthApi.post('/concerns', {
      subjects: [{ personId: victimH.personId, role: 'victim' }], occurredAt: new Date().toISOString(), subjectRole: 'victim',
      category: 'psychological_distress', severity: 'high', contact: { service: 'ED safeguarding team' }, detail: 'Clinical detail that stays in health',
    });
    expect(concern.status).toBe(201);

    const timelineSeqs = (c: MeetingClient) => c.pushes.filter((p) => p.kind === 'timeline.entry' && p.caseRef === caseRef);
    await eventually(async () => timelineSeqs(onOne).length >= 9 && onOne.pushes.some((p) => p.kind === 'alert'), { what: 'pushes on instance one', timeoutMs: 30_000 });
    await eventually(async () => timelineSeqs(onTwo).length >= 9, { what: 'pushes on instance two', timeoutMs: 30_000 });
    const alert = onOne.pushes.find((p) => p.kind === 'alert')!;
    expect(alert.payload).toMatchObject({ alert: 'health_concern', category: 'psychological_distress', severity: 'high' });
    expect(JSON.stringify(onOne.pushes)).not.toContain('Clinical detail');

    // The same pushes, in the same order, on both instances: compare the partnership-visible ones.
    const shared = (c: MeetingClient) => c.pushes.filter((p) => p.kind !== 'presence' && p.sharing === 'partnership').map((p) => `${p.seq}:${p.kind}:${p.sourceId}`);
    const seqs = onOne.pushes.map((p) => p.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    await eventually(async () => JSON.stringify(shared(onTwo)) === JSON.stringify(shared(onOne)), { what: 'the same pushes on both', timeoutMs: 10_000 });
  });
});
