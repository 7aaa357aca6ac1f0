import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { startConference, type RunningConference } from '../support/conference.js';
import { dashAnswers, people } from '../support/fixtures.js';
import { eventually, uniqueId } from '../support/infra.js';

const officer = { sub: 'pc-301', agency: 'police', role: 'police' } as const;
const chair = { sub: 'chair-1', agency: 'conference', role: 'chair', name: 'Sam Chair' } as const;
const invitedOfficer = { sub: 'pc-301', agency: 'police', role: 'police' } as const;
const strangerOfficer = { sub: 'pc-999', agency: 'police', role: 'police' } as const;
const scrutiny = { sub: 'panel-1', agency: 'conference', role: 'scrutiny' } as const;

describe('from a police referral to a joined-up case in a meeting, and forgotten after closing', () => {
  const prefix = uniqueId('flow');
  let police: RunningAgency;
  let conference: RunningConference;
  let policeApi: ReturnType<typeof client>;
  let chairApi: ReturnType<typeof client>;
  let caseRef: string;
  let meetingId: string;

  beforeAll(async () => {
    conference = await startConference(prefix);
    police = await startAgency('police', { prefix });
    policeApi = client(police.url, await tokenFor(officer));
    chairApi = client(conference.url, await tokenFor(chair));
  });

  afterAll(async () => {
    await police?.stop();
    await conference?.stop();
  });

  it('lists a referred case and joins the police research return into its view', async () => {
    const victim = (await policeApi.post('/people', people.victim)).body;
    const suspect = (await policeApi.post('/people', people.suspect)).body;
    const pair = [{ personId: victim.personId, role: 'victim' }, { personId: suspect.personId, role: 'suspect' }];
    for (const [i, behaviours] of [['gifts'], ['loitering_work'], ['following', 'approaching']].entries()) {
      await policeApi.post('/incidents', { subjects: pair, occurredAt: new Date(Date.now() - (20 - i) * 86_400_000).toISOString(), behaviours, offenceClass: 'pha_s2', summary: `Incident ${i + 1}` });
    }
    await policeApi.post('/risk-assessments', { subjects: pair, occurredAt: new Date().toISOString(), declined: true, victimOwnView: 'high' });
    const referral = await policeApi.post('/referrals', { subjects: pair, criterion: 'professional_judgement', reason: 'Course of conduct recorded as harassment' });
    expect(referral.status).toBe(201);

    const listed = await eventually(async () => {
      const res = await chairApi.get('/cases');
      return res.body.find((c: { status: string }) => c.status === 'listed');
    }, { what: 'the case to be listed' });
    caseRef = listed.caseRef;
    expect(caseRef).toMatch(/^CNV-\d{4}-\d{6}$/);

    const view = await eventually(async () => {
      const res = await chairApi.get(`/cases/${caseRef}`);
      return res.body.view.timeline.filter((e: { kind: string }) => e.kind === 'incident').length === 3 ? res.body : undefined;
    }, { what: 'the research return in the view' });
    expect(view.view.people.map((p: { family: string }) => p.family)).toEqual(["O'Neill", 'Dawson']);
    const kinds = view.signals.map((s: { kind: string }) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['harassment_may_be_stalking', 'risk_assessment_declined', 'behaviour_counts']));
    const harassment = view.signals.find((s: { kind: string }) => s.kind === 'harassment_may_be_stalking');
    expect(harassment.eventIds.length).toBeGreaterThanOrEqual(2);

    // The coordinator's list: police have answered the listing; the agencies not running here are still awaited.
    const summary = (await chairApi.get('/cases')).body.find((c: { caseRef: string }) => c.caseRef === caseRef);
    expect(summary.research.returned.map((r: { agency: string }) => r.agency)).toEqual(['police']);
    expect(summary.research.awaited).toEqual(['cps', 'health', 'advocacy']);
    expect(summary.research.remindedAt).toBeNull();
    // The coordinator chases the late agencies; the list says when.
    expect((await chairApi.post(`/cases/${caseRef}/research-reminders`)).status).toBe(201);
    const reminded = await eventually(async () => (await chairApi.get('/cases')).body.find((c: { caseRef: string; research: { remindedAt: string | null } }) => c.caseRef === caseRef && c.research.remindedAt), { what: 'the reminder on the case list' });
    expect(reminded.research.awaited).toEqual(['cps', 'health', 'advocacy']);
  });

  it('lets invited members see the case, and nobody else', async () => {
    const scheduled = await chairApi.post('/meetings', {
      title: 'Stalking clinic', scheduledFor: new Date(Date.now() + 3600_000).toISOString(),
      members: [{ userId: invitedOfficer.sub, agency: 'police', role: 'police' }], agenda: [caseRef],
    });
    expect(scheduled.status).toBe(201);
    meetingId = scheduled.body.meetingId;
    expect((await client(conference.url, await tokenFor(invitedOfficer)).get(`/cases/${caseRef}`)).status).toBe(200);
    const stranger = await client(conference.url, await tokenFor(strangerOfficer)).get(`/cases/${caseRef}`);
    expect(stranger.status).toBe(403);
    expect(stranger.contentType).toContain('application/problem+json');
    expect((await client(conference.url, await tokenFor(strangerOfficer)).get(`/meetings/${meetingId}`)).status).toBe(403);
    expect((await client(conference.url, await tokenFor(scrutiny)).get(`/cases/${caseRef}`)).status).toBe(403);
    expect((await client(conference.url).get(`/cases/${caseRef}`)).status).toBe(401);
  });

  it('runs the meeting: start, review, assign an action that police accept and complete', async () => {
    expect((await chairApi.post(`/meetings/${meetingId}/move`, { position: 0 })).status).toBe(409);
    expect((await chairApi.post(`/meetings/${meetingId}/start`)).body.status).toBe('running');
    const review = await chairApi.post(`/cases/${caseRef}/review`, { meetingId, riskDecision: 'high', rationale: 'Escalating fixation', nextReviewOn: '2026-12-20' });
    expect(review.status).toBe(201);
    const assigned = await chairApi.post(`/cases/${caseRef}/actions`, { agency: 'police', description: 'Consider a Stalking Protection Order', dueOn: '2026-12-01', meetingId });
    expect(assigned.status).toBe(201);
    const actionId = assigned.body.actionId;
    await eventually(async () => (await policeApi.get('/actions')).body.some((a: { actionId: string }) => a.actionId === actionId), { what: 'police to receive the action' });
    expect((await policeApi.post(`/actions/${actionId}/complete`, { outcome: 'x' })).status).toBe(409);
    expect((await policeApi.post(`/actions/${actionId}/accept`)).status).toBe(200);
    expect((await policeApi.post(`/actions/${actionId}/complete`, { outcome: 'SPO application made' })).status).toBe(200);
    const done = await eventually(async () => {
      const res = await chairApi.get(`/cases/${caseRef}`);
      const action = res.body.view.actions.find((a: { actionId: string }) => a.actionId === actionId);
      return action?.status === 'completed' ? res.body : undefined;
    }, { what: 'the action to complete in the view' });
    expect(done.view.risk.conference).toMatchObject({ grade: 'high' });
  });

  it('takes an action police decline back to the chair, who gives it to another agency or cancels it', async () => {
    const assigned = await chairApi.post(`/cases/${caseRef}/actions`, { agency: 'police', description: 'Serve the bail variation', dueOn: '2026-12-05', meetingId });
    const actionId = assigned.body.actionId;
    await eventually(async () => (await policeApi.get('/actions')).body.some((a: { actionId: string }) => a.actionId === actionId), { what: 'police to receive the action' });
    const declined = await policeApi.post(`/actions/${actionId}/decline`, { reason: 'Court bail: for CPS to serve' });
    expect(declined.body).toMatchObject({ status: 'declined', note: 'Court bail: for CPS to serve' });
    expect((await policeApi.post(`/actions/${actionId}/accept`)).status).toBe(409);
    const actionIn = async (id: string, status: string) => eventually(async () => {
      const action = (await chairApi.get(`/cases/${caseRef}`)).body.view.actions.find((a: { actionId: string }) => a.actionId === id);
      return action?.status === status ? action : undefined;
    }, { what: `action ${id} ${status} in the view` });
    expect(await actionIn(actionId, 'declined')).toMatchObject({ owner: 'police', note: 'Court bail: for CPS to serve' });

    const reassigned = await chairApi.post(`/cases/${caseRef}/actions/${actionId}/reassign`, { agency: 'cps', dueOn: '2026-12-12', reason: 'Court bail' });
    expect(reassigned.status).toBe(201);
    expect(await actionIn(actionId, 'cancelled')).toMatchObject({ note: 'Reassigned to cps: Court bail' });
    expect(await actionIn(reassigned.body.actionId, 'open')).toMatchObject({ owner: 'cps', description: 'Serve the bail variation', dueOn: '2026-12-12' });
    await eventually(async () => (await policeApi.get('/actions?status=cancelled')).body.some((a: { actionId: string }) => a.actionId === actionId), { what: 'police to see it cancelled' });
    expect((await chairApi.post(`/cases/${caseRef}/actions/${actionId}/cancel`, { reason: 'again' })).status).toBe(409);

    expect((await chairApi.post(`/cases/${caseRef}/actions/${reassigned.body.actionId}/cancel`, { reason: 'Bail varied at court' })).status).toBe(201);
    expect(await actionIn(reassigned.body.actionId, 'cancelled')).toMatchObject({ note: 'Bail varied at court' });
  });

  it('records attendance and generates the minutes, for the meeting\'s members only', async () => {
    const attendance = await chairApi.post(`/meetings/${meetingId}/attendance`, { present: [chair.sub, invitedOfficer.sub], apologies: [] });
    expect(attendance.status).toBe(200);
    expect(attendance.body.attendance).toMatchObject({ present: [chair.sub, invitedOfficer.sub], apologies: [] });
    expect((await chairApi.post(`/meetings/${meetingId}/attendance`, { present: [strangerOfficer.sub], apologies: [] })).body.errors[0].field).toBe('body.present');

    const officerApi = client(conference.url, await tokenFor(invitedOfficer));
    const html = await eventually(async () => {
      const res = await officerApi.get(`/meetings/${meetingId}/minutes.html`);
      return res.status === 200 && String(res.body).includes('Consider a Stalking Protection Order') ? res : undefined;
    }, { what: 'the minutes to list the action agreed' });
    expect(html.contentType).toContain('text/html');
    const text = String(html.body);
    expect(text).toContain('Escalating fixation');
    expect(text).toContain(`Case ${caseRef}`);
    expect(text).toMatch(/<h3>Present<\/h3>\s*<ul>/);
    const pdf = await fetch(`${conference.url}/meetings/${meetingId}/minutes.pdf`, { headers: { authorization: `Bearer ${await tokenFor(chair)}` } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await client(conference.url, await tokenFor(strangerOfficer)).get(`/meetings/${meetingId}/minutes.html`)).status).toBe(403);
    expect((await client(conference.url, await tokenFor(scrutiny)).get(`/meetings/${meetingId}/minutes.pdf`)).status).toBe(403);
  });

  it('replays to the same read model from offset 0', async () => {
    const live = await conference.service.cases.get(caseRef);
    const replay = await startConference(prefix, { groupId: uniqueId('replay') });
    try {
      const rebuilt = await eventually(async () => {
        const view = await replay.service.cases.get(caseRef);
        return view && view.appliedEventIds.length === live!.appliedEventIds.length ? view : undefined;
      }, { what: 'the replayed view', timeoutMs: 30_000 });
      expect(rebuilt).toEqual(live);
    } finally {
      await replay.stop();
    }
  });

  it('closes the case and purges everything of it but audit entries', async () => {
    expect((await chairApi.post(`/cases/${caseRef}/close`, { reason: 'risk_reduced' })).status).toBe(201);
    const db = conference.runtime.db;
    await eventually(async () => (await db.collection('cases').countDocuments({ _id: caseRef as never })) === 0, { what: 'the purge' });
    const leftovers: string[] = [];
    for (const { name } of await db.listCollections()) {
      const docs = await db.collection(name).find({}).toArray();
      const text = JSON.stringify(docs);
      if (name === 'audit' || name === 'audit_head') {
        expect(text).not.toMatch(/O'Neill|Dawson|Siobh|lt1\./);
        continue;
      }
      if (text.includes(caseRef) || text.includes("O'Neill") || text.includes('Dawson')) leftovers.push(name);
    }
    expect(leftovers).toEqual([]);
    expect((await chairApi.get(`/cases/${caseRef}`)).status).toBe(404);
  });
});
