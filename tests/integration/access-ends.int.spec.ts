import type { SessionEnded } from '@convene/shared/contracts';
import { issueLocalToken } from '@convene/shared/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_JWT_SECRET } from '../../scripts/lib/devSecrets.js';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { startConference, type RunningConference } from '../support/conference.js';
import { meetingClient, type MeetingClient } from '../support/meetingClient.js';
import { people } from '../support/fixtures.js';
import { eventually, uniqueId } from '../support/infra.js';

const chair = { sub: 'chair-ends', agency: 'conference', role: 'chair', name: 'Chair' } as const;
const officer = { sub: 'pc-ends', agency: 'police', role: 'police' } as const;
const nurse = { sub: 'hw-ends', agency: 'health', role: 'health' } as const;
const invite = (p: typeof officer | typeof nurse) => ({ userId: p.sub, agency: p.agency, role: p.role });

/** The notice a socket is sent before the server closes it, and the reason it was closed with. */
function whenEnded(c: MeetingClient): Promise<{ notice: SessionEnded | undefined; reason: string }> {
  let notice: SessionEnded | undefined;
  c.socket.on('sessionEnded', (n: SessionEnded) => (notice = n));
  return new Promise((resolve) => c.socket.once('disconnect', (reason) => resolve({ notice, reason })));
}

/**
 * Access ends: with CASE_ACCESS_AFTER_MEETING_DAYS=0 the time after a meeting is over as soon as it ends, which
 * stands in for "8 days after" with the default 7 (the day arithmetic is unit-tested in domain/access).
 */
describe('access to a meeting\'s cases ends', () => {
  const prefix = uniqueId('ends');
  let conference: RunningConference;
  let police: RunningAgency;
  let caseRef: string;
  const clients: MeetingClient[] = [];
  const chairApi = async () => client(conference.url, await tokenFor(chair));

  async function runningMeeting(title: string, members: (typeof officer | typeof nurse)[]): Promise<string> {
    const api = await chairApi();
    const meeting = await api.post('/meetings', { title, scheduledFor: new Date().toISOString(), agenda: [caseRef], members: members.map(invite) });
    expect(meeting.status).toBe(201);
    expect((await api.post(`/meetings/${meeting.body.meetingId}/start`)).status).toBe(200);
    return meeting.body.meetingId as string;
  }

  async function connected(token: string): Promise<MeetingClient> {
    const c = await meetingClient(conference.url, token);
    clients.push(c);
    return c;
  }

  beforeAll(async () => {
    conference = await startConference(prefix, { env: { CASE_ACCESS_AFTER_MEETING_DAYS: '0', LIVE_ACCESS_RECHECK_SECONDS: '1' } });
    police = await startAgency('police', { prefix });
    const policeApi = client(police.url, await tokenFor(officer));
    const victim = (await policeApi.post('/people', people.victim)).body;
    const suspect = (await policeApi.post('/people', people.suspect)).body;
    await policeApi.post('/referrals', {
      subjects: [{ personId: victim.personId, role: 'victim' }, { personId: suspect.personId, role: 'suspect' }], criterion: 'high_risk', reason: 'Access ends test',
    });
    const api = await chairApi();
    caseRef = (await eventually(async () => (await api.get('/cases')).body.find((c: { status: string }) => c.status === 'listed'), { what: 'listing' })).caseRef;
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await police?.stop();
    await conference?.stop();
  });

  it('after the meeting and its time after: 403 with the reason; while the member\'s agency holds an open action: 200', async () => {
    const meetingId = await runningMeeting('Access ends', [officer, nurse]);
    const officerApi = client(conference.url, await tokenFor(officer));
    const nurseApi = client(conference.url, await tokenFor(nurse));
    expect((await officerApi.get(`/cases/${caseRef}`)).status).toBe(200);

    // A member's socket in the meeting is closed when the meeting ends and with it (0 days) their access.
    const live = await connected(await tokenFor(nurse));
    expect(await live.join(meetingId, 0)).toMatchObject({ ok: true });
    const ended = whenEnded(live);

    const api = await chairApi();
    expect((await api.post(`/meetings/${meetingId}/end`)).status).toBe(200);
    const refused = await officerApi.get(`/cases/${caseRef}`);
    expect(refused.status).toBe(403);
    const today = new Date().toISOString().slice(0, 10);
    expect(refused.body.detail).toBe(`access ended on ${today}, 0 days after meeting "Access ends" (${meetingId}) ended`);
    expect(await ended).toEqual({ notice: { code: 'access_ended', reason: expect.stringMatching(/^access ended on /), meetingId }, reason: 'io server disconnect' });

    // An action for police keeps police's members in; health's stay out. Once police completes it, police is out too.
    const assigned = await api.post(`/cases/${caseRef}/actions`, { agency: 'police', description: 'Consider a Stalking Protection Order', dueOn: '2030-12-01', meetingId });
    expect(assigned.status).toBe(201);
    expect((await officerApi.get(`/cases/${caseRef}`)).status).toBe(200);
    expect((await nurseApi.get(`/cases/${caseRef}`)).status).toBe(403);

    // The officer may still join the ended meeting's room, for that case; the nurse may not.
    const kept = await connected(await tokenFor(officer));
    expect(await kept.join(meetingId, 0)).toMatchObject({ ok: true });
    const keptEnded = whenEnded(kept);
    const nurseAgain = await connected(await tokenFor(nurse));
    expect(await nurseAgain.join(meetingId, 0)).toMatchObject({ ok: false, error: { code: 'forbidden', reason: refused.body.detail } });

    const policeApi = client(police.url, await tokenFor(officer));
    const { actionId } = assigned.body as { actionId: string };
    await eventually(async () => (await policeApi.get('/actions')).body.some((a: { actionId: string }) => a.actionId === actionId), { what: 'police to receive the action' });
    expect((await policeApi.post(`/actions/${actionId}/accept`)).status).toBe(200);
    expect((await policeApi.post(`/actions/${actionId}/complete`, { outcome: 'SPO application made' })).status).toBe(200);
    await eventually(async () => (await officerApi.get(`/cases/${caseRef}`)).status === 403, { what: 'access to end with the action', timeoutMs: 30_000 });
    // No meeting changed: the periodic re-check (every second here) finds the lapse and closes the socket.
    expect(await keptEnded).toEqual({ notice: { code: 'access_ended', reason: refused.body.detail, meetingId }, reason: 'io server disconnect' });
  });

  it('closes a socket whose token expires while it is connected', async () => {
    const meetingId = await runningMeeting('Token expiry', [officer]);
    const live = await connected(await issueLocalToken(DEV_JWT_SECRET, officer, { expiresIn: '3s' }));
    expect(await live.join(meetingId, 0)).toMatchObject({ ok: true });
    const started = Date.now();
    expect(await whenEnded(live)).toEqual({ notice: { code: 'token_expired', reason: expect.any(String) }, reason: 'io server disconnect' });
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it('closes the socket of a member removed from the meeting, and only theirs', async () => {
    const meetingId = await runningMeeting('Removal', [officer, nurse]);
    const staying = await connected(await tokenFor(officer));
    const removed = await connected(await tokenFor(nurse));
    expect(await staying.join(meetingId, 0)).toMatchObject({ ok: true });
    expect(await removed.join(meetingId, 0)).toMatchObject({ ok: true });
    const ended = whenEnded(removed);

    const set = await (await chairApi()).post(`/meetings/${meetingId}/members`, { members: [invite(officer)] });
    expect(set.status).toBe(200);
    expect(set.body.members).toEqual([expect.objectContaining({ userId: officer.sub, invitedAt: expect.any(String) })]);

    expect(await ended).toEqual({ notice: { code: 'access_ended', reason: 'you are not a member of this meeting', meetingId }, reason: 'io server disconnect' });
    expect((await client(conference.url, await tokenFor(nurse)).get(`/cases/${caseRef}`)).status).toBe(403);
    // Re-checks go on (every second here): the member still invited stays connected and in the meeting.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(staying.socket.connected).toBe(true);
    expect((await client(conference.url, await tokenFor(officer)).get(`/cases/${caseRef}`)).status).toBe(200);
  });
});
