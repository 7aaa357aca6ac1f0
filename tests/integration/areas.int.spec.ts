import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { startConference, type RunningConference } from '../support/conference.js';
import { people } from '../support/fixtures.js';
import { eventually, uniqueId } from '../support/infra.js';
import { meetingClient, type MeetingClient } from '../support/meetingClient.js';
import { dumpDatabase, dumpTopics } from '../support/minimisation.js';
import { LiveMessage, prefixedTopics } from '@convene/shared/contracts';

// Two areas on one deployment: one suspect, a victim in each. What one area's people can reach of the other's.
const AREAS = [
  { id: 'north', name: 'North MARAC', contact: 'marac.north@example.gov.uk' },
  { id: 'south', name: 'South stalking clinic', contact: '0113 496 0000 (clinic coordinator)' },
];
const chairNorth = { sub: 'chair-north', agency: 'conference', role: 'chair', area: 'north' } as const;
const chairSouth = { sub: 'chair-south', agency: 'conference', role: 'chair', area: 'south' } as const;
const officerNorth = { sub: 'pc-north', agency: 'police', role: 'police', area: 'north' } as const;
const officerSouth = { sub: 'pc-south', agency: 'police', role: 'police', area: 'south' } as const;

describe('areas: many partnerships on one deployment', () => {
  const prefix = uniqueId('areas');
  let police: RunningAgency;
  let conference: RunningConference;
  let north: ReturnType<typeof client>;
  let south: ReturnType<typeof client>;
  const ids: Record<string, string> = {};
  let northCase = '';
  let southCase = '';
  const sockets: MeetingClient[] = [];

  async function refer(officer: ReturnType<typeof client>, chair: ReturnType<typeof client>, victim: string): Promise<string> {
    const subjects = [{ personId: ids[victim]!, role: 'victim' }, { personId: ids.suspect!, role: 'suspect' }];
    expect((await officer.post('/referrals', { subjects, criterion: 'high_risk', reason: 'Following her to work and messaging at night' })).status).toBe(201);
    const listed = await eventually(async () => ((await chair.get('/cases')).body as { caseRef: string; status: string }[]).find((c) => c.status === 'listed'), { what: 'a listing in the area' });
    return listed.caseRef;
  }

  beforeAll(async () => {
    conference = await startConference(prefix, { env: { CONVENE_AREAS: JSON.stringify(AREAS) } });
    police = await startAgency('police', { prefix });
    const policeNorth = client(police.url, await tokenFor(officerNorth));
    const policeSouth = client(police.url, await tokenFor(officerSouth));
    north = client(conference.url, await tokenFor(chairNorth));
    south = client(conference.url, await tokenFor(chairSouth));
    for (const [key, person] of Object.entries(people)) ids[key] = (await policeNorth.post('/people', person)).body.personId;
    southCase = await refer(policeSouth, south, 'bystander');
    // The suspect's record about the south's victim: police outline it in their research for the north's listing.
    const incident = await policeSouth.post('/incidents', {
      subjects: [{ personId: ids.bystander!, role: 'victim' }, { personId: ids.suspect!, role: 'suspect' }],
      occurredAt: new Date(Date.now() - 86_400_000).toISOString(), behaviours: ['following'], offenceClass: 'pha_s2a', summary: 'Waited outside her home at night',
    });
    expect(incident.status).toBe(201);
    northCase = await refer(policeNorth, north, 'victim');
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await police?.stop();
    await conference?.stop();
  });

  it('lists each case in the referrer\'s area, and each chair sees only their own', async () => {
    expect(northCase).not.toBe(southCase);
    expect(((await north.get('/cases')).body as { caseRef: string }[]).map((c) => c.caseRef)).toEqual([northCase]);
    expect(((await south.get('/cases')).body as { caseRef: string }[]).map((c) => c.caseRef)).toEqual([southCase]);
    expect((await north.get(`/cases/${northCase}`)).body.view.area).toBe('north');
  });

  it('answers another area\'s case to its chair as one that is not there: reading it, deciding on it, putting it on an agenda', async () => {
    const never = 'CNV-2026-999999';
    for (const ref of [southCase, never]) {
      const read = await north.get(`/cases/${ref}`);
      expect(read.status).toBe(404);
      expect(read.body.detail).toBe(`case ${ref} was not found`);
      expect((await north.post(`/cases/${ref}/actions`, { agency: 'police', description: 'Visit', dueOn: '2027-01-10' })).status).toBe(404);
      expect((await north.post(`/cases/${ref}/close`, { reason: 'risk_reduced' })).status).toBe(404);
      const meeting = await north.post('/meetings', { title: 'North MARAC', scheduledFor: new Date().toISOString(), members: [{ userId: officerNorth.sub, agency: 'police', role: 'police' }], agenda: [ref] });
      expect(meeting.status).toBe(409);
      expect(meeting.body).toMatchObject({ code: 'case_not_listed', detail: `not listed in this area (or closed): ${ref}` });
    }
  });

  it('tells the chair that another area holds a case with the same suspect, naming only that area and its coordinator', async () => {
    const body = (await north.get(`/cases/${northCase}`)).body;
    expect(body.sameSuspectInOtherAreas).toEqual([{ area: 'south', name: 'South stalking clinic', contact: '0113 496 0000 (clinic coordinator)', requests: [] }]);
    // Police's outline of the suspect's record about the other victim is there, without the other area's reference.
    expect(body.view.elsewhere).toEqual([expect.objectContaining({ agency: 'police', behaviours: ['following'] })]);
    expect(body.view.elsewhere[0].otherCaseRef).toBeUndefined();
    const text = JSON.stringify(body);
    expect(text).not.toContain(southCase);
    expect(text).not.toContain('Shah');
    expect(text).not.toContain('Priya');
    // Within one area the chair would see the other case by reference; across areas there is nothing of it.
    expect(body.signals.find((s: { kind: string }) => s.kind === 'same_suspect_other_cases')).toBeUndefined();
    expect((await south.get(`/cases/${southCase}`)).body.sameSuspectInOtherAreas).toEqual([{ area: 'north', name: 'North MARAC', contact: 'marac.north@example.gov.uk', requests: [] }]);
  });

  it('lets a chair ask the other area for a joint discussion: that area learns the kind of request, from where and when, nothing more', async () => {
    expect((await south.post(`/cases/${southCase}/area-requests`, { toArea: 'south', kind: 'joint_discussion' })).status).toBe(409);
    expect((await south.post(`/cases/${southCase}/area-requests`, { toArea: 'east', kind: 'joint_discussion' })).status).toBe(400);
    expect((await south.post(`/cases/${southCase}/area-requests`, { toArea: 'north', kind: 'joint_discussion' })).status).toBe(201);
    const asked = await eventually(async () => {
      const [other] = (await north.get(`/cases/${northCase}`)).body.sameSuspectInOtherAreas;
      return other.requests.length > 0 ? other : undefined;
    }, { what: 'the request on the north\'s case' });
    expect(asked).toEqual({ area: 'south', name: 'South stalking clinic', contact: '0113 496 0000 (clinic coordinator)', requests: [{ kind: 'joint_discussion', at: expect.any(String) }] });
    const text = JSON.stringify((await north.get(`/cases/${northCase}`)).body);
    expect(text).not.toContain(southCase);
    expect(text).not.toContain('Shah');
    // The asking area keeps it on its own case.
    expect((await south.get(`/cases/${southCase}`)).body.view.timeline.at(-1).summary).toBe('Asked area north for a joint discussion');
  });

  it('refuses a token without an area, or naming an area the conference does not serve, where there are several', async () => {
    const noArea = client(conference.url, await tokenFor({ sub: 'chair-x', agency: 'conference', role: 'chair' }));
    const res = await noArea.get('/cases');
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/names no area/);
    const elsewhere = client(conference.url, await tokenFor({ sub: 'chair-y', agency: 'conference', role: 'chair', area: 'west' }));
    expect((await elsewhere.get(`/cases/${northCase}`)).status).toBe(403);
  });

  it('keeps a meeting to its own area: a member of another area is refused even if invited', async () => {
    const members = [{ userId: officerNorth.sub, agency: 'police', role: 'police' }, { userId: officerSouth.sub, agency: 'police', role: 'police' }];
    const meeting = (await north.post('/meetings', { title: 'North MARAC', scheduledFor: new Date().toISOString(), members, agenda: [northCase] })).body;
    expect(meeting.area).toBe('north');
    const asNorth = client(conference.url, await tokenFor(officerNorth));
    const asSouth = client(conference.url, await tokenFor(officerSouth));
    expect((await asNorth.get(`/cases/${northCase}`)).status).toBe(200);
    expect((await asSouth.get(`/cases/${northCase}`)).status).toBe(404);
    expect((await asSouth.get(`/meetings/${meeting.meetingId}`)).status).toBe(403);
    expect((await asSouth.get(`/meetings/${meeting.meetingId}/agenda`)).status).toBe(403);
    expect(((await asSouth.get('/meetings')).body as unknown[])).toEqual([]);
  });

  it('transfers a case with its history: the receiving area sees all of it, the sending area nothing but the transfer', async () => {
    expect((await north.post(`/cases/${northCase}/transfer`, { toArea: 'east', reason: 'Victim moved' })).status).toBe(400);
    expect((await north.post(`/cases/${northCase}/transfer`, { toArea: 'north', reason: 'Victim moved' })).status).toBe(409);
    const [meeting] = ((await north.get('/meetings')).body as { meetingId: string; agenda: string[]; status: string }[]).filter((m) => m.status === 'scheduled');
    expect(meeting!.agenda).toEqual([northCase]);
    // The meeting runs, and its room is pushed a new record of the case.
    expect((await north.post(`/meetings/${meeting!.meetingId}/start`)).status).toBe(200);
    const room = await meetingClient(conference.url, await tokenFor(chairNorth));
    sockets.push(room);
    expect(await room.join(meeting!.meetingId, 0)).toMatchObject({ ok: true });
    const policeNorth = client(police.url, await tokenFor(officerNorth));
    expect((await policeNorth.post('/incidents', {
      subjects: [{ personId: ids.victim!, role: 'victim' }, { personId: ids.suspect!, role: 'suspect' }],
      occurredAt: new Date().toISOString(), behaviours: ['messages'], offenceClass: 'pha_s2a', summary: 'Forty messages overnight',
    })).status).toBe(201);
    await eventually(async () => room.pushes.some((p) => p.caseRef === northCase && p.kind === 'timeline.entry') || undefined, { what: 'a push of the case to the room' });
    // A meeting that discussed it and ended: its minutes stay the north's, without the case once it has gone.
    const past = (await north.post('/meetings', { title: 'North MARAC (past)', scheduledFor: new Date().toISOString(), members: [{ userId: officerNorth.sub, agency: 'police', role: 'police' }], agenda: [northCase] })).body;
    expect((await north.post(`/meetings/${past.meetingId}/start`)).status).toBe(200);
    expect((await north.post(`/meetings/${past.meetingId}/end`)).status).toBe(200);
    const minutesOf = async (meetingId: string) => (await fetch(`${conference.url}/meetings/${meetingId}/minutes.html`, { headers: { authorization: `Bearer ${await tokenFor(chairNorth)}` } })).text();
    expect(await minutesOf(past.meetingId)).toContain(northCase);
    const before = (await north.get(`/cases/${northCase}`)).body.view.timeline.length;
    const moved = await north.post(`/cases/${northCase}/transfer`, { toArea: 'south', reason: 'The victim moved to the south; heard with the suspect\'s other victim' });
    expect(moved.status).toBe(201);
    const received = await eventually(async () => {
      const res = await south.get(`/cases/${northCase}`);
      return res.status === 200 && res.body.view.area === 'south' ? res.body : undefined;
    }, { what: 'the case in the south' });
    expect(received.view.timeline.length).toBe(before + 1);
    expect(received.view.timeline.at(-1).summary).toMatch(/^Case transferred from area north to area south/);
    expect((await north.get(`/cases/${northCase}`)).status).toBe(404);
    expect(((await north.get('/cases')).body as unknown[])).toEqual([]);
    expect(((await south.get('/cases')).body as { caseRef: string }[]).map((c) => c.caseRef).sort()).toEqual([northCase, southCase].sort());
    // The north's meeting still to come no longer has it on its agenda.
    await eventually(async () => ((await north.get(`/meetings/${meeting!.meetingId}`)).body.agenda.length === 0 ? true : undefined), { what: 'the agenda without the case' });
    // A socket joining the room now catches up on nothing of the case: the transfer retracted it there.
    await eventually(async () => {
      const late = await meetingClient(conference.url, await tokenFor(chairNorth));
      sockets.push(late);
      await late.join(meeting!.meetingId, 0);
      await new Promise((r) => setTimeout(r, 300));
      return late.pushes.some((p) => p.kind !== 'presence') && !late.pushes.some((p) => p.caseRef === northCase) ? true : undefined;
    }, { what: 'a catch-up without the transferred case' });
    const page = await minutesOf(past.meetingId);
    expect(page).toContain('North MARAC (past)');
    expect(page).not.toContain(northCase);
    expect(page).not.toContain("O'Neill");
    // Both now in the south: the chair there sees them by reference, and no other area.
    const view = (await south.get(`/cases/${southCase}`)).body;
    expect(view.sameSuspectInOtherAreas).toEqual([]);
    expect(view.signals.find((s: { kind: string }) => s.kind === 'same_suspect_other_cases').otherCases.map((c: { caseRef: string }) => c.caseRef)).toEqual([northCase]);
  });

  it('does not tell a repeat referral\'s earlier case when another area held it', async () => {
    expect((await south.post(`/cases/${southCase}/close`, { reason: 'risk_reduced' })).status).toBe(201);
    const policeNorth = client(police.url, await tokenFor(officerNorth));
    const again = await refer(policeNorth, north, 'bystander');
    const body = (await north.get(`/cases/${again}`)).body;
    expect(body.view.repeatOf).toBeNull();
    expect(JSON.stringify(body)).not.toContain(southCase);
    expect(JSON.stringify((await north.get('/cases')).body)).not.toContain(southCase);
  });

  it('dumps the conference database and every topic: across areas go only a request\'s kind, areas and time, and a room is pushed only its own area\'s cases', async () => {
    const named = prefixedTopics(prefix);
    const onTopics = await dumpTopics([...Object.values(named.events), named.dlq, named.live]);
    const db = await dumpDatabase(conference.runtime.db, 'conference');
    const meetings = db.filter((d) => d.where === 'conference.meetings').map((d) => d.doc as { _id: string; area: string; agenda: string[] });
    const areaOfMeeting = new Map(meetings.map((m) => [m._id, m.area]));
    expect(new Set(meetings.map((m) => m.area))).toEqual(new Set(['north']));
    for (const m of meetings) expect(m.agenda, `meeting ${m._id}`).not.toContain(southCase);

    // The south's request to the north: its own case, the two areas, the kind and who asked; nothing of the north's case.
    const requests = onTopics.filter((m) => m.event?.type === 'conference.area.requested.v1');
    expect(requests).toHaveLength(1);
    expect(Object.keys(requests[0]!.event!.data as object).sort()).toEqual(['caseRef', 'fromArea', 'kind', 'requestedBy', 'toArea']);
    expect(requests[0]!.event!.data).toMatchObject({ caseRef: southCase, fromArea: 'south', toArea: 'north', kind: 'joint_discussion' });
    expect(requests[0]!.text).not.toContain(northCase);

    // Every push on the live topic went to a room of the case's own area at the time: the south's case never to
    // the north's rooms, the north's case only until it moved, and then withdrawn there.
    const moved = JSON.parse(onTopics.find((m) => m.event?.type === 'conference.case.transferred.v1' && m.event.data?.caseRef === northCase)!.text) as { time: string };
    const live = onTopics.filter((m) => m.topic === named.live).map((m) => LiveMessage.parse(JSON.parse(m.text)));
    const pushes = live.flatMap((m) => (m.type === 'push' ? [m.push] : []));
    expect(pushes.filter((p) => p.caseRef === northCase).length).toBeGreaterThan(0);
    for (const push of pushes) {
      expect(push.caseRef, `push to ${push.meetingId}`).not.toBe(southCase);
      if (push.caseRef === northCase) expect(areaOfMeeting.get(push.meetingId) === 'north' && Date.parse(push.at) <= Date.parse(moved.time)).toBe(true);
      expect(JSON.stringify(push.payload)).not.toContain('Shah');
    }
    expect(live.some((m) => m.type === 'retract' && m.caseRef === northCase)).toBe(true);
  });
});
