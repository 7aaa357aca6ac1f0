/**
 * The auditor's test of "whose records join a case": two victims of one suspect, recorded at police, health and
 * advocacy through their own APIs (the suspect's name written the way each agency writes it), both referred.
 * Then every path a person can read — case view per role, signals, sockets with catch-up — and a dump of the
 * conference database and of every topic: one victim's records never reach the other victim's case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prefixedTopics, type CaseEvent } from '@convene/shared/contracts';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { startConference, type RunningConference } from '../support/conference.js';
import { meetingClient, type MeetingClient } from '../support/meetingClient.js';
import { readTopic, type TopicReader } from '../support/topicReader.js';
import { dumpDatabase, dumpTopics, isReferralOrListing } from '../support/minimisation.js';
import { eventually, uniqueId } from '../support/infra.js';

const chair = { sub: 'chair-whose', agency: 'conference', role: 'chair', name: 'Chair' } as const;
const officer = { sub: 'pc-whose', agency: 'police', role: 'police' } as const;
const nurse = { sub: 'hw-whose', agency: 'health', role: 'health' } as const;
const advocate = { sub: 'isac-whose', agency: 'advocacy', role: 'advocate' } as const;
const lawyer = { sub: 'cps-whose', agency: 'cps', role: 'cps' } as const;

// V and X are victims of the same suspect S. Each agency writes names and dates of birth its own way.
const V = { given: 'Siobhan', family: 'Brennan', dateOfBirth: '1988-04-12', postcode: 'LS1 4AP' };
const X = {
  police: { given: 'Priya', family: 'Shah', dateOfBirth: '1979-02-01', postcode: 'LS6 2AB' },
  health: { given: 'PRIYA', family: 'shah', dateOfBirth: '01/02/1979', postcode: 'LS6 2AB' },
  advocacy: { given: 'Priya', family: 'Shah', dateOfBirth: '1 Feb 1979', postcode: 'LS6 2AB' },
};
const Y = { given: 'Hannah', family: 'Ward', dateOfBirth: '1991-07-19', postcode: 'LS7 3AA' };
const S = {
  police: { given: 'Mark', family: "O'Neil-Smith", dateOfBirth: '1983-09-30' },
  health: { given: 'MARK', family: 'O’NEIL SMITH', dateOfBirth: '30/09/1983' },
  advocacy: { given: ' mark ', family: 'oneil smith', dateOfBirth: '30 Sep 1983' },
};
// X's records that are restricted: a DASH for police only, a health concern for the chair and police, and a diary
// entry under consent limited to police.
const X_RESTRICTED = ['X-HEALTH: disclosed thoughts of harm at triage', 'X-DIARY: he phoned her mother twice'];
const V_TEXT = ['V-NARRATIVE: waited at her gate', 'V-NARRATIVE: flowers to her office', 'V-NARRATIVE: 40 texts overnight'];
const V_DIARY = ['V-DIARY: he sat in the car outside', 'V-DIARY: a card through the letterbox'];
const V_SAFE_NUMBER = '07700 900111';
const X_SAFE_NUMBER = '07700 900222';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

type Person = { personId: string; tokens: string[] };

describe('whose records join a case: two victims, one suspect, every path', () => {
  const prefix = uniqueId('whose');
  let conference: RunningConference;
  let police: RunningAgency;
  let health: RunningAgency;
  let advocacy: RunningAgency;
  let api: Record<'police' | 'health' | 'advocacy' | 'chair' | 'officerAtConference', ReturnType<typeof client>>;
  const topics: TopicReader[] = [];
  const sockets: MeetingClient[] = [];
  const p: Record<string, Person> = {};
  const vEventIds: string[] = [];
  let caseV = '';
  let caseX = '';
  let arrestEventId = '';
  let vEngagement = '';
  let meetingId = '';
  const xRestricted: string[] = [];

  const pair = (victim: string, suspect: string) => [{ personId: p[victim]!.personId, role: 'victim' }, { personId: p[suspect]!.personId, role: 'suspect' }];
  const created = (res: { status: number; body: any }) => {
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { ref: string; eventId: string; published: boolean };
  };

  async function refer(victim: string): Promise<string> {
    const before = new Set(((await api.chair.get('/cases')).body as { caseRef: string }[]).map((c) => c.caseRef));
    created(await api.police.post('/referrals', { subjects: pair(victim, 'S@police'), criterion: 'high_risk', reason: 'Stalking by an ex-partner' }));
    return (await eventually(async () => ((await api.chair.get('/cases')).body as { caseRef: string; status: string }[])
      .find((c) => !before.has(c.caseRef) && c.status === 'listed'), { what: `${victim}'s case to be listed` })).caseRef;
  }

  const researchFromAll = async (caseRef: string) => eventually(async () => {
    const view = (await api.chair.get(`/cases/${caseRef}`)).body;
    const answered = new Set(view.view.timeline.filter((e: { facts: { on: string } }) => e.facts.on === 'research').map((e: { agency: string }) => e.agency));
    return answered.size === 3 ? view : undefined;
  }, { what: `research returns from police, health and advocacy for ${caseRef}`, timeoutMs: 40_000 });

  beforeAll(async () => {
    conference = await startConference(prefix);
    [police, health, advocacy] = await Promise.all([
      startAgency('police', { prefix }), startAgency('health', { prefix }), startAgency('advocacy', { prefix }),
    ]);
    const names = prefixedTopics(prefix);
    for (const topic of Object.values(names.events)) topics.push(await readTopic(topic));
    api = {
      police: client(police.url, await tokenFor(officer)),
      health: client(health.url, await tokenFor(nurse)),
      advocacy: client(advocacy.url, await tokenFor(advocate)),
      chair: client(conference.url, await tokenFor(chair)),
      officerAtConference: client(conference.url, await tokenFor(officer)),
    };
    for (const [agency, at] of [['police', api.police], ['health', api.health], ['advocacy', api.advocacy]] as const) {
      p[`V@${agency}`] = (await at.post('/people', V)).body;
      p[`X@${agency}`] = (await at.post('/people', X[agency])).body;
      p[`S@${agency}`] = (await at.post('/people', S[agency])).body;
    }
    p['Y@advocacy'] = (await api.advocacy.post('/people', Y)).body;
    // One suspect, one token, however each agency wrote his name.
    expect(p['S@health']!.tokens).toEqual(p['S@police']!.tokens);
    expect(p['S@advocacy']!.tokens).toEqual(p['S@police']!.tokens);
    expect(p['X@health']!.tokens).toEqual(p['X@police']!.tokens);
    expect(p['X@advocacy']!.tokens).toEqual(p['X@police']!.tokens);

    // V's records at every agency.
    for (const [i, text] of V_TEXT.entries()) {
      const r = created(await api.police.post('/incidents', {
        subjects: pair('V@police', 'S@police'), occurredAt: daysAgo(60 - i * 10), behaviours: [['loitering_home'], ['gifts'], ['messages']][i], offenceClass: 'pha_s2', summary: text,
      }));
      vEventIds.push(r.eventId);
    }
    vEventIds.push(created(await api.police.post('/risk-assessments', { subjects: pair('V@police', 'S@police'), occurredAt: daysAgo(25), declined: true, victimOwnView: 'high' })).eventId);
    vEngagement = created(await api.advocacy.post('/engagements', { subjects: [pair('V@advocacy', 'S@advocacy')[0]], occurredAt: daysAgo(40), consent: 'full', consentGivenOn: daysAgo(40).slice(0, 10) })).ref;
    for (const account of V_DIARY) {
      vEventIds.push(created(await api.advocacy.post('/diary-entries', {
        subjects: pair('V@advocacy', 'S@advocacy'), occurredAt: daysAgo(30), behaviours: ['loitering_home'], happenedAt: daysAgo(31), place: 'outside home', account,
      })).eventId);
    }
    vEventIds.push(created(await api.health.post('/concerns', {
      subjects: pair('V@health', 'S@health'), occurredAt: daysAgo(20), subjectRole: 'suspect', category: 'perpetrator_fixation', severity: 'high',
      contact: { service: 'ED safeguarding' }, detail: 'V-HEALTH: he said he cannot stop thinking of her',
    })).eventId);

    // X's own records, and one about the suspect alone.
    created(await api.police.post('/incidents', {
      subjects: pair('X@police', 'S@police'), occurredAt: daysAgo(15), behaviours: ['following'], offenceClass: 'pha_s2', summary: 'X: followed from the bus stop',
    }));
    arrestEventId = created(await api.police.post('/arrests', { subjects: [{ personId: p['S@police']!.personId, role: 'suspect' }], occurredAt: daysAgo(10), offenceClass: 'pha_s4' })).eventId;
    created(await api.advocacy.post('/engagements', {
      subjects: [pair('X@advocacy', 'S@advocacy')[0]], occurredAt: daysAgo(12), consent: 'limited', limitedTo: ['police'], consentGivenOn: daysAgo(12).slice(0, 10),
    }));
    xRestricted.push(created(await api.advocacy.post('/diary-entries', {
      subjects: pair('X@advocacy', 'S@advocacy'), behaviours: ['contacting_third_parties'], happenedAt: daysAgo(11), place: 'by phone', account: X_RESTRICTED[1],
    })).eventId);
    xRestricted.push(created(await api.police.post('/risk-assessments', {
      subjects: pair('X@police', 'S@police'), occurredAt: daysAgo(9), declined: true, victimOwnView: 'high', sharing: 'restricted', audience: [{ agency: 'police' }],
    })).eventId);
    xRestricted.push(created(await api.health.post('/concerns', {
      subjects: [pair('X@health', 'S@health')[0]], occurredAt: daysAgo(8), subjectRole: 'victim', category: 'self_harm_risk', severity: 'high',
      contact: { service: 'ED safeguarding' }, detail: X_RESTRICTED[0], sharing: 'restricted', audience: [{ role: 'chair' }, { agency: 'police' }],
    })).eventId);

    caseV = await refer('V@police');
    caseX = await refer('X@police');
    await researchFromAll(caseV);
    await researchFromAll(caseX);
  }, 240_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const t of topics) await t.stop();
    await Promise.all([police?.stop(), health?.stop(), advocacy?.stop()]);
    await conference?.stop();
  });

  const vMarkers = () => [...p['V@police']!.tokens, ...p['V@health']!.tokens, ...p['V@advocacy']!.tokens, ...V_TEXT, ...V_DIARY, 'V-HEALTH', V.family, V.given];

  it('keeps V\'s records out of X\'s case view, risk and signals; X\'s own and the suspect-alone arrest are there', async () => {
    const body = (await api.chair.get(`/cases/${caseX}`)).body;
    const ids = body.view.timeline.map((e: { eventId: string }) => e.eventId);
    for (const id of vEventIds) expect(ids).not.toContain(id);
    expect(ids).toContain(arrestEventId);
    expect(body.view.timeline.some((e: { kind: string }) => e.kind === 'incident')).toBe(true);
    expect(body.view.risk.police).toBeNull();
    const kinds = body.signals.map((s: { kind: string }) => s.kind);
    expect(kinds).not.toContain('risk_assessment_declined');
    expect(kinds).not.toContain('victim_view_higher');
    for (const s of body.signals) for (const id of s.eventIds) expect(vEventIds).not.toContain(id);
    const { elsewhere: _outlines, ...rest } = body.view;
    const text = JSON.stringify({ ...body, view: rest });
    for (const marker of vMarkers()) expect(text, `X's case view must not hold ${marker}`).not.toContain(marker);
    // No link token leaves the conference in a case view: not the case's own people's either.
    expect(body.view).not.toHaveProperty('subjectTokens');
    expect(JSON.stringify(body)).not.toMatch(/lt1\.(nhs|pnc|nd|dp)\./);
  });

  it('shows the chair the suspect\'s history elsewhere in outline only, naming V\'s case; other members see none', async () => {
    const body = (await api.chair.get(`/cases/${caseX}`)).body;
    const outlines = body.view.elsewhere as { recordKind: string; agency: string; month: string; otherCaseRef?: string; behaviours?: string[] }[];
    expect(outlines.map((o) => `${o.agency}:${o.recordKind}`).sort()).toEqual([
      'advocacy:diary.entry', 'advocacy:diary.entry', 'health:concern.flagged', 'police:incident.recorded', 'police:incident.recorded',
      'police:incident.recorded', 'police:risk.assessed',
    ]);
    for (const o of outlines) expect(o.otherCaseRef).toBe(caseV);
    expect(outlines.find((o) => o.recordKind === 'incident.recorded')!.behaviours).toBeDefined();
    expect(outlines.find((o) => o.recordKind === 'diary.entry')).not.toHaveProperty('behaviours');
    const text = JSON.stringify(outlines);
    for (const marker of vMarkers()) expect(text).not.toContain(marker);
    expect(body.signals.find((s: { kind: string }) => s.kind === 'same_suspect_other_cases')?.otherCases.map((c: { caseRef: string }) => c.caseRef)).toEqual([caseV]);

    // A police member invited to X's meeting sees X's case, without the outlines.
    const meeting = await api.chair.post('/meetings', {
      title: 'MARAC', scheduledFor: new Date().toISOString(), agenda: [caseX],
      members: [{ userId: officer.sub, agency: 'police', role: 'police' }, { userId: lawyer.sub, agency: 'cps', role: 'cps' }],
    });
    expect(meeting.status).toBe(201);
    meetingId = meeting.body.meetingId;
    // Someone without access learns nothing from the answer: a case that does not exist and one they may not see look alike.
    expect((await api.officerAtConference.get(`/cases/${caseV}`)).status).toBe(403);
    expect((await api.officerAtConference.get('/cases/CNV-1999-999999')).status).toBe(403);
    const asOfficer = (await api.officerAtConference.get(`/cases/${caseX}`)).body;
    expect(asOfficer.view.appliedEventIds).toEqual(asOfficer.view.timeline.map((e: { eventId: string }) => e.eventId).sort());
    expect(asOfficer.view.elsewhere).toEqual([]);
    expect(JSON.stringify(asOfficer)).not.toContain(V_TEXT[0]);
  });

  it('streams a new record about V only to V\'s case, and the sockets of X\'s meeting (live and catch-up) carry nothing of V', async () => {
    expect((await api.chair.post(`/meetings/${meetingId}/start`)).status).toBe(200);
    const live = await meetingClient(conference.url, await tokenFor(officer));
    sockets.push(live);
    expect(await live.join(meetingId, 0)).toMatchObject({ ok: true });
    const streamed = created(await api.police.post('/incidents', {
      subjects: pair('V@police', 'S@police'), occurredAt: daysAgo(1), behaviours: ['threats'], offenceClass: 'pha_s4', summary: 'V-NARRATIVE: threat at her door',
    }));
    expect(streamed).toMatchObject({ published: true, caseRef: caseV });
    const xStreamed = created(await api.police.post('/incidents', {
      subjects: pair('X@police', 'S@police'), occurredAt: daysAgo(1), behaviours: ['approaching'], offenceClass: 'pha_s2', summary: 'X: approached at work',
    }));
    expect(xStreamed).toMatchObject({ published: true, caseRef: caseX });
    await eventually(async () => live.pushes.some((push) => push.sourceId === xStreamed.eventId), { what: 'X\'s new incident pushed live' });
    // A record about the suspect alone, made after both listings, joins both cases (an agency names only one).
    const bail = created(await api.police.post('/bail', {
      subjects: [{ personId: p['S@police']!.personId, role: 'suspect' }], occurredAt: daysAgo(0), conditions: ['Not to contact either victim'],
    }));
    expect(bail.published).toBe(true);
    for (const caseRef of [caseV, caseX]) {
      await eventually(async () => ((await api.chair.get(`/cases/${caseRef}`)).body.view.timeline.some((e: { eventId: string }) => e.eventId === bail.eventId)), { what: `the suspect's bail in ${caseRef}` });
    }
    await eventually(async () => live.pushes.some((push) => push.sourceId === bail.eventId), { what: 'the suspect\'s bail pushed to X\'s meeting' });
    await eventually(async () => ((await api.chair.get(`/cases/${caseV}`)).body.view.timeline.some((e: { eventId: string }) => e.eventId === streamed.eventId)), { what: 'V\'s new incident in V\'s case' });
    expect((await api.chair.get(`/cases/${caseX}`)).body.view.timeline.some((e: { eventId: string }) => e.eventId === streamed.eventId)).toBe(false);

    const catchUp = await live.socket.timeout(10_000).emitWithAck('catchUp', { meetingId, afterSeq: 0 });
    expect(catchUp.ok).toBe(true);
    const pushed = JSON.stringify([...live.pushes, ...catchUp.pushes]);
    for (const marker of [...vMarkers(), 'threat at her door']) expect(pushed).not.toContain(marker);
    // Nor any link token at all, X's people's included: sockets carry entries named by role only.
    expect(pushed).not.toMatch(/lt1\.(nhs|pnc|nd|dp)\./);
  });

  it('shows X\'s restricted records to their audience only, on the case view and the socket, and never says they do not exist', async () => {
    const ids = (body: { view: { timeline: { eventId: string }[] } }) => new Set(body.view.timeline.map((e) => e.eventId));
    const [diary, dash, concern] = xRestricted as [string, string, string];
    const asPolice = (await api.officerAtConference.get(`/cases/${caseX}`)).body;
    expect([...ids(asPolice)]).toEqual(expect.arrayContaining([diary, dash, concern]));
    const asChair = (await api.chair.get(`/cases/${caseX}`)).body;
    expect(ids(asChair).has(concern) && ids(asChair).has(diary)).toBe(true);
    expect(ids(asChair).has(dash)).toBe(false);
    const lawyerApi = client(conference.url, await tokenFor(lawyer));
    const asLawyer = (await lawyerApi.get(`/cases/${caseX}`)).body;
    for (const id of [diary, dash, concern]) expect(ids(asLawyer).has(id), `the CPS lawyer must not see ${id}`).toBe(false);
    for (const text of X_RESTRICTED) expect(JSON.stringify(asLawyer)).not.toContain(text);
    // The lawyer is not told there is no assessment: one is held, and by whom.
    const kinds = asLawyer.signals.map((sig: { kind: string }) => sig.kind);
    expect(kinds).not.toContain('risk_assessment_missing');
    expect(asLawyer.signals.find((sig: { title: string }) => sig.title === 'A risk assessment is held but not shared with you')?.withheld.holders).toEqual(['police']);
    expect(asChair.signals.map((sig: { kind: string }) => sig.kind)).not.toContain('risk_assessment_missing');
    // The same rule on the live meeting's catch-up.
    const socket = await meetingClient(conference.url, await tokenFor(lawyer));
    sockets.push(socket);
    expect(await socket.join(meetingId, 0)).toMatchObject({ ok: true });
    const catchUp = await socket.socket.timeout(10_000).emitWithAck('catchUp', { meetingId, afterSeq: 0 });
    expect(catchUp.ok).toBe(true);
    const seen = JSON.stringify([...socket.pushes, ...catchUp.pushes]);
    for (const id of [diary, dash, concern]) expect(seen).not.toContain(id);
    for (const text of X_RESTRICTED) expect(seen).not.toContain(text);
  });

  it('leaves nothing of V in X\'s case in the conference database, nor in any research return for X\'s case on the bus', async () => {
    const dump = await dumpDatabase(conference.runtime.db, 'conference');
    const xCase = dump.find((d) => d.where === 'conference.cases' && d.doc._id === caseX)!;
    const { elsewhere: _outlines, ...view } = xCase.doc.packedView as Record<string, unknown>;
    expect(view.caseRef).toBe(caseX);
    const xPushes = dump.filter((d) => d.where === 'conference.pushes' && d.doc.caseRef === caseX).map((d) => d.doc);
    const stored = JSON.stringify({ ...xCase.doc, packedView: view, xPushes });
    for (const marker of vMarkers()) expect(stored, `conference database, case ${caseX}`).not.toContain(marker);
    for (const id of vEventIds) expect(stored).not.toContain(id);

    const returnsForX = topics.flatMap((t) => t.events).filter((e): e is Extract<CaseEvent, { type: `${string}.research.returned.v1` }> =>
      e.type.endsWith('.research.returned.v1') && (e.data as { purpose: { caseRef?: string } }).purpose.caseRef === caseX);
    expect(new Set(returnsForX.map((e) => e.agency))).toEqual(new Set(['police', 'health', 'advocacy']));
    const onBus = JSON.stringify(returnsForX);
    for (const marker of vMarkers()) expect(onBus, 'research returns for X\'s case').not.toContain(marker);
    expect(returnsForX.flatMap((e) => e.data.elsewhere).length).toBe(7);
  });

  it('shows each victim\'s voice only in her own case, safe contact only to the agencies that contact her, research summaries and minutes only as shared', async () => {
    const engagementOf = async (who: string) => ((await api.advocacy.get(`/consent/${p[who]!.personId}`)).body as { engagementRef: string }).engagementRef;
    const [vRef, xRef] = [await engagementOf('V@advocacy'), await engagementOf('X@advocacy')];
    const victimOf = (who: string) => [{ personId: p[who]!.personId, role: 'victim' }];
    // V (full consent): her household and a safe number for police. X (consent limited to police): the same, asked for police and health.
    created(await api.advocacy.post('/households', { subjects: victimOf('V@advocacy'), occurredAt: daysAgo(2), engagementRef: vRef, childrenAges: [3], otherAdults: 0, safeguardingReferralMade: true }));
    const vContact = created(await api.advocacy.post('/safe-contacts', { subjects: victimOf('V@advocacy'), occurredAt: daysAgo(2), engagementRef: vRef, contactingAgencies: ['police'], safeTimes: 'V-SAFE: mornings only', safeNumber: V_SAFE_NUMBER, noPostHome: true }));
    created(await api.advocacy.post('/households', { subjects: victimOf('X@advocacy'), occurredAt: daysAgo(2), engagementRef: xRef, childrenAges: [8, 11], otherAdults: 1, safeguardingReferralMade: false }));
    const xContact = (await api.advocacy.post('/safe-contacts', { subjects: victimOf('X@advocacy'), occurredAt: daysAgo(2), engagementRef: xRef, contactingAgencies: ['police', 'health'], safeTimes: 'X-SAFE: after 6pm', safeNumber: X_SAFE_NUMBER, noPostHome: true })).body;
    expect(xContact).toMatchObject({ sharing: 'restricted', audience: [{ agency: 'police' }] });
    // Research summaries: police's to the chair only; advocacy's to the partnership is more than X's limited consent
    // allows, so it stays in advocacy; to police and the chair, within it, it is shared.
    created(await api.police.post('/research-summaries', { caseRef: caseX, summary: 'X-SUMMARY-POLICE: two incidents, one arrest', sharing: 'restricted', audience: [{ role: 'chair' }] }));
    expect(created(await api.advocacy.post('/research-summaries', { caseRef: caseX, summary: 'X-SUMMARY-WIDE: engaged weekly' })).published).toBe(false);
    created(await api.advocacy.post('/research-summaries', { caseRef: caseX, summary: 'X-SUMMARY-ADVOCACY: engaged weekly', sharing: 'restricted', audience: [{ agency: 'police' }, { role: 'chair' }] }));
    await eventually(async () => {
      const view = (await api.chair.get(`/cases/${caseX}`)).body.view;
      return view.researchSummaries.length === 2 && view.victimVoice.household ? view : undefined;
    }, { what: 'X\'s summaries and household in her case' });
    // V's safe contact goes to her case, for police only: even the chair's view of her case does not show it.
    expect(vContact.published).toBe(true);
    await eventually(async () => topics.some((t) => t.events.some((e) => e.id === vContact.eventId && e.subject === caseV && e.sharing === 'restricted')) || undefined, { what: 'V\'s safe contact on the bus' });
    await eventually(async () => (await api.chair.get(`/cases/${caseV}`)).body.view.victimVoice.household ?? undefined, { what: 'V\'s household in her case' });
    expect((await api.chair.get(`/cases/${caseV}`)).body.view.victimVoice.safeContact).toBeNull();

    // The meeting of X's case records attendance and a decision, so its minutes have content.
    expect((await api.chair.post(`/meetings/${meetingId}/attendance`, { present: [chair.sub, officer.sub], apologies: [lawyer.sub] })).status).toBe(200);
    expect((await api.chair.post(`/cases/${caseX}/review`, { meetingId, riskDecision: 'high', rationale: 'X-RATIONALE: escalating contact with her family', nextReviewOn: daysAgo(-28).slice(0, 10) })).status).toBe(201);
    const lawyerApi = client(conference.url, await tokenFor(lawyer));
    const readers = { chair: api.chair, police: api.officerAtConference, cps: lawyerApi };
    const minutes: Record<string, string> = {};
    for (const [who, reader] of Object.entries(readers)) {
      minutes[who] = await eventually(async () => {
        const res = await reader.get(`/meetings/${meetingId}/minutes.html`);
        expect(res.status, `${who} reads the minutes`).toBe(200);
        return String(res.body).includes('X-RATIONALE') ? String(res.body) : undefined;
      }, { what: `the minutes for ${who}` });
    }
    const views: Record<string, any> = {};
    for (const [who, reader] of Object.entries(readers)) views[who] = (await reader.get(`/cases/${caseX}`)).body;

    for (const [who, body] of Object.entries(views)) {
      const text = JSON.stringify(body) + minutes[who];
      for (const marker of [...vMarkers(), V_SAFE_NUMBER, 'V-SAFE']) expect(text, `${who}'s copy of X's case and minutes holds ${marker}`).not.toContain(marker);
    }
    // Safe contact: police only (the chair and the lawyer are not told, health was asked for but X's consent does not name it).
    expect(views.police.view.victimVoice.safeContact).toMatchObject({ safeNumber: X_SAFE_NUMBER });
    for (const who of ['chair', 'cps']) expect(JSON.stringify(views[who]) + minutes[who], who).not.toContain(X_SAFE_NUMBER);
    // Household: under X's consent (police, and the chair who runs the meeting), never the lawyer.
    expect(views.police.view.victimVoice.household).toMatchObject({ childrenAges: [8, 11] });
    expect(views.chair.view.victimVoice.household).toMatchObject({ childrenAges: [8, 11] });
    expect(views.cps.view.victimVoice.household).toBeNull();
    // Summaries: police's to the chair (and police itself); advocacy's within X's consent; the lawyer gets neither.
    const summaries = (who: string) => views[who].view.researchSummaries.map((r: { agency: string }) => r.agency).sort();
    expect(summaries('chair')).toEqual(['advocacy', 'police']);
    expect(summaries('police')).toEqual(['advocacy', 'police']);
    expect(summaries('cps')).toEqual([]);
    expect(minutes.cps).not.toMatch(/X-SUMMARY|X-SAFE|X-DIARY|X-HEALTH/);
    for (const who of Object.keys(views)) expect(JSON.stringify(views[who]), who).not.toContain('X-SUMMARY-WIDE');
    // And nothing of X's voice reaches V's case.
    const vCase = JSON.stringify((await api.chair.get(`/cases/${caseV}`)).body);
    for (const marker of [X_SAFE_NUMBER, 'X-SAFE', 'X-SUMMARY', 'X-RATIONALE']) expect(vCase).not.toContain(marker);
    expect(JSON.parse(vCase).view.victimVoice.household).toMatchObject({ childrenAges: [3] });
  });

  it('takes V\'s advocacy records back when V revokes consent, on the case view and on the live path, and says nothing about a victim who is not listed', async () => {
    // V's own meeting runs; a diary entry recorded now reaches its sockets live.
    const vMeeting = await api.chair.post('/meetings', { title: 'MARAC (V)', scheduledFor: new Date().toISOString(), agenda: [caseV], members: [{ userId: officer.sub, agency: 'police', role: 'police' }] });
    expect(vMeeting.status).toBe(201);
    const vMeetingId = vMeeting.body.meetingId as string;
    expect((await api.chair.post(`/meetings/${vMeetingId}/start`)).status).toBe(200);
    const before = await meetingClient(conference.url, await tokenFor(officer));
    sockets.push(before);
    expect(await before.join(vMeetingId, 0)).toMatchObject({ ok: true });
    const liveDiary = created(await api.advocacy.post('/diary-entries', {
      subjects: pair('V@advocacy', 'S@advocacy'), behaviours: ['messages'], happenedAt: daysAgo(0), place: 'by text', account: 'V-DIARY-LIVE: eleven texts overnight',
    }));
    await eventually(async () => before.pushes.some((push) => push.sourceId === liveDiary.eventId), { what: 'V\'s new diary entry pushed to V\'s meeting' });
    // Until the revocation, catch-up serves it too: the check below can fail.
    const served = await before.socket.timeout(10_000).emitWithAck('catchUp', { meetingId: vMeetingId, afterSeq: 0 });
    expect(served.ok && served.pushes.some((push: { sourceId: string }) => push.sourceId === liveDiary.eventId)).toBe(true);

    const revoked = created(await api.advocacy.post(`/engagements/${vEngagement}/revoke`, { revokedOn: new Date().toISOString().slice(0, 10) }));
    expect(revoked).toMatchObject({ published: true, caseRef: caseV });
    const view = await eventually(async () => {
      const body = (await api.chair.get(`/cases/${caseV}`)).body;
      return body.view.timeline.some((e: { facts: { on: string } }) => e.facts.on === 'consent_revoked') ? body.view : undefined;
    }, { what: 'the revocation in V\'s case' });
    expect(view.timeline.filter((e: { kind: string }) => e.kind === 'diary')).toEqual([]);
    expect(view.timeline.find((e: { facts: { on: string } }) => e.facts.on === 'consent_revoked').summary).toMatch(/^Withdrawn: consent revoked on \d{4}-\d{2}-\d{2} \(5 advocacy records taken back\)$/);
    const stored = (await dumpDatabase(conference.runtime.db, 'conference')).filter((d) => d.where === 'conference.cases').map((d) => d.text).join('\n');
    expect(stored).toContain(caseV);
    for (const account of V_DIARY) expect(stored).not.toContain(account);
    // Joining from the start after the revocation (catch-up), the diary entry is no longer served.
    const after = await eventually(async () => {
      const socket = await meetingClient(conference.url, await tokenFor(officer));
      sockets.push(socket);
      await socket.join(vMeetingId, 0);
      const replayed = await socket.socket.timeout(10_000).emitWithAck('catchUp', { meetingId: vMeetingId, afterSeq: 0 });
      return replayed.ok && !replayed.pushes.some((push: { sourceId: string }) => push.sourceId === liveDiary.eventId) ? replayed : undefined;
    }, { what: 'the retraction of V\'s advocacy pushes', timeoutMs: 10_000 });
    expect(after.pushes.length).toBeGreaterThan(0);

    const y = created(await api.advocacy.post('/engagements', { subjects: [{ personId: p['Y@advocacy']!.personId, role: 'victim' }], occurredAt: daysAgo(3), consent: 'full', consentGivenOn: daysAgo(3).slice(0, 10) }));
    const yRevoked = created(await api.advocacy.post(`/engagements/${y.ref}/revoke`, { revokedOn: new Date().toISOString().slice(0, 10) }));
    expect(yRevoked.published).toBe(false);
    const advocacyTopic = topics.find((t) => t.events.some((e) => e.agency === 'advocacy'))!;
    await advocacyTopic.waitFor((e) => e.type === 'advocacy.consent.revoked.v1' && e.subject === caseV, 'V\'s revocation on the bus');
    expect(advocacyTopic.events.some((e) => e.type === 'advocacy.consent.revoked.v1' && e.subject !== caseV)).toBe(false);
  });
  it('dumps every database and every topic: each agency holds only its own records, health detail stays in health, no case holds the other victim\'s, and no identity travels outside a referral', async () => {
    const dbs = {
      police: await dumpDatabase(police.runtime.db, 'police'), health: await dumpDatabase(health.runtime.db, 'health'),
      advocacy: await dumpDatabase(advocacy.runtime.db, 'advocacy'), conference: await dumpDatabase(conference.runtime.db, 'conference'),
    };
    const named = prefixedTopics(prefix);
    const onTopics = await dumpTopics([...Object.values(named.events), named.dlq, named.live]);
    const livePushes = onTopics.filter((m) => m.topic === named.live).map((m) => JSON.parse(m.text) as { type: string; push?: { caseRef: string | null } })
      .filter((m) => m.type === 'push').map((m) => m.push!);
    expect(livePushes.length, 'pushes read from the live topic').toBeGreaterThan(0);
    for (const agency of ['police', 'health', 'advocacy', 'conference']) expect(onTopics.some((m) => m.event?.agency === agency), `${agency}'s topic read`).toBe(true);
    for (const agency of ['police', 'health', 'advocacy'] as const) {
      const others = new RegExp(`"(${['police', 'cps', 'health', 'advocacy'].filter((a) => a !== agency).join('|')})\\.[a-z_]+\\.[a-z_.]+\\.v\\d+"`);
      const foreign = dbs[agency].filter((d) => others.test(d.text)).map((d) => d.where);
      expect(foreign, `${agency}'s database holds another agency's records`).toEqual([]);
    }
    // Safe numbers stay with advocacy and the conference (restricted in the victim's own case): never at police or health.
    for (const name of ['police', 'health'] as const) {
      for (const d of dbs[name]) for (const number of [V_SAFE_NUMBER, X_SAFE_NUMBER]) expect(d.text.includes(number), `${d.where} holds a safe number`).toBe(false);
    }
    const healthDetail = ['V-HEALTH', X_RESTRICTED[0]!];
    for (const [name, docs] of Object.entries(dbs)) {
      if (name === 'health') continue;
      for (const d of docs) for (const detail of healthDetail) expect(d.text.includes(detail), `${d.where} holds health detail`).toBe(false);
    }
    for (const m of onTopics) for (const detail of healthDetail) expect(m.text.includes(detail), `${m.topic}@${m.offset} carries health detail`).toBe(false);

    const cases = dbs.conference.filter((d) => d.where === 'conference.cases');
    const caseText = (ref: string) => {
      const { elsewhere: _outlines, ...view } = cases.find((d) => d.doc._id === ref)!.doc.packedView as Record<string, unknown>;
      return JSON.stringify(view) + livePushes.filter((push) => push.caseRef === ref).map((push) => JSON.stringify(push)).join('');
    };
    const xMarkers = [...p['X@police']!.tokens, 'X: followed', ...X_RESTRICTED, X.police.family, X_SAFE_NUMBER, 'X-SUMMARY'];
    for (const marker of [...vMarkers(), V_SAFE_NUMBER]) expect(caseText(caseX), `X's case holds ${marker}`).not.toContain(marker);
    for (const marker of xMarkers) expect(caseText(caseV), `V's case holds ${marker}`).not.toContain(marker);

    const identities = [
      { who: 'V', given: V.given, family: V.family, dateOfBirth: V.dateOfBirth, postcode: V.postcode },
      { who: 'X', given: X.police.given, family: X.police.family, dateOfBirth: X.police.dateOfBirth, postcode: X.police.postcode },
      { who: 'Y', given: Y.given, family: Y.family, dateOfBirth: Y.dateOfBirth, postcode: Y.postcode },
    ];
    const leaks: string[] = [];
    for (const m of onTopics) {
      const listing = isReferralOrListing(m.event?.type);
      for (const id of identities) {
        if (m.text.includes(id.postcode)) leaks.push(`${m.topic}@${m.offset} carries ${id.who}'s postcode`);
        const nameOrBirth = m.text.includes(`"${id.family}"`) || m.text.includes(id.dateOfBirth);
        if (nameOrBirth && !listing) leaks.push(`${m.topic}@${m.offset} (${m.event?.type}) carries ${id.who}'s name or date of birth`);
      }
    }
    expect(leaks).toEqual([]);
    // The check could have found them: the referrals did carry names.
    expect(onTopics.some((m) => isReferralOrListing(m.event?.type) && m.text.includes(`"${V.family}"`))).toBe(true);
  });

  it('stops V\'s records streaming the moment each agency learns her case closed, while X\'s still stream, and nothing recorded after reaches a topic or the conference', async () => {
    expect((await api.chair.post(`/cases/${caseV}/close`, { reason: 'risk_reduced', retentionDays: 30 })).status).toBe(201);
    // Each agency answers from the listings it holds in memory: once its own database shows the close, so must they.
    for (const agency of [police, health, advocacy]) {
      await eventually(async () => (await agency.runtime.db.collection('listings').findOne({ _id: caseV as never }))?.open === false, { what: 'the close at each agency' });
    }
    const after = [
      created(await api.police.post('/incidents', { subjects: pair('V@police', 'S@police'), occurredAt: daysAgo(0), behaviours: ['messages'], offenceClass: 'pha_s2', summary: 'V-AFTER-CLOSE: more messages' })),
      created(await api.health.post('/concerns', {
        subjects: pair('V@health', 'S@health'), occurredAt: daysAgo(0), subjectRole: 'victim', category: 'psychological_distress', severity: 'medium',
        contact: { service: 'ED safeguarding' }, detail: 'V-AFTER-CLOSE-HEALTH',
      })),
      created(await api.advocacy.post('/diary-entries', {
        subjects: pair('V@advocacy', 'S@advocacy'), occurredAt: daysAgo(0), behaviours: ['messages'], happenedAt: daysAgo(0), place: 'phone', account: 'V-AFTER-CLOSE-DIARY',
      })),
    ];
    for (const r of after) expect(r, 'a record about V after her case closed').toMatchObject({ published: false });
    for (const r of after) expect('caseRef' in r).toBe(false);
    const x = created(await api.police.post('/incidents', { subjects: pair('X@police', 'S@police'), occurredAt: daysAgo(0), behaviours: ['following'], offenceClass: 'pha_s2', summary: 'X-AFTER: followed again' }));
    expect(x).toMatchObject({ published: true, caseRef: caseX });

    const named = prefixedTopics(prefix);
    const policeTopic = topics.find((t) => t.events.some((e) => e.agency === 'police'))!;
    await policeTopic.waitFor((e) => e.id === x.eventId, 'X\'s record after V\'s close on the bus');
    const onTopics = await dumpTopics([...Object.values(named.events), named.dlq, named.live]);
    const conferenceDb = await dumpDatabase(conference.runtime.db, 'conference');
    for (const r of after) {
      expect(onTopics.filter((m) => m.text.includes(r.eventId)).map((m) => m.topic), `${r.eventId} on a topic`).toEqual([]);
      expect(conferenceDb.filter((d) => d.text.includes(r.eventId)).map((d) => d.where), `${r.eventId} at the conference`).toEqual([]);
    }
    for (const text of ['V-AFTER-CLOSE', 'V-AFTER-CLOSE-HEALTH', 'V-AFTER-CLOSE-DIARY']) {
      expect(onTopics.some((m) => m.text.includes(text)), `${text} on a topic`).toBe(false);
    }
  });
});
