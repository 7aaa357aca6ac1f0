import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prefixedTopics, type CaseEvent, type EventOfType } from '@convene/shared/contracts';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { readTopic, type TopicReader } from '../support/topicReader.js';
import { caseListed, newCaseRef, people, publishAsConference } from '../support/fixtures.js';

const advocate = { sub: 'isac-7', agency: 'advocacy', role: 'advocate', name: 'A. Advocate' } as const;

/** Victims of their own, so each consent story is told about a different person. */
const victims = {
  full: people.victim,
  revoking: { given: 'Ruth', family: 'Adeyemi', dateOfBirth: '1990-06-15', postcode: 'LS7 3AA' },
  limited: { given: 'Joanne', family: 'Pryce', dateOfBirth: '1975-12-03', postcode: 'LS8 1QT' },
  refusing: { given: 'Grace', family: 'Okafor', dateOfBirth: '1996-03-22', postcode: 'LS9 8HD' },
};

type Person = { personId: string; tokens: string[] };
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const today = () => new Date().toISOString().slice(0, 10);
const isEvent = <T extends CaseEvent['type']>(type: T, pred: (e: EventOfType<T>) => boolean = () => true) =>
  (e: CaseEvent): e is EventOfType<T> => e.type === type && pred(e as EventOfType<T>);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('advocacy service on the real stack', () => {
  let advocacy: RunningAgency;
  let api: ReturnType<typeof client>;
  let topic: TopicReader;
  const person = {} as Record<keyof typeof victims, Person>;
  let suspect: Person;
  const cases = { full: newCaseRef(), revoking: newCaseRef(), limited: newCaseRef(), refusing: newCaseRef() };

  beforeAll(async () => {
    advocacy = await startAgency('advocacy');
    api = client(advocacy.url, await tokenFor(advocate));
    topic = await readTopic(prefixedTopics(advocacy.prefix).events.advocacy);
    suspect = (await api.post('/people', people.suspect)).body;
    for (const key of Object.keys(victims) as (keyof typeof victims)[]) {
      person[key] = (await api.post('/people', victims[key])).body;
      // Only the first case lists the suspect too: a record streams to the latest listing of any of its subjects.
      await publishAsConference(advocacy.prefix, caseListed(cases[key], [
        { role: 'victim', tokens: person[key].tokens }, ...(key === 'full' ? [{ role: 'suspect' as const, tokens: suspect.tokens }] : []),
      ]));
    }
    for (const caseRef of Object.values(cases)) {
      await topic.waitFor(isEvent('advocacy.research.returned.v1', (e) => e.subject === caseRef), `research return for ${caseRef}`);
    }
  });

  afterAll(async () => {
    await topic?.stop();
    await advocacy?.stop();
  });

  const victim = (who: keyof typeof victims) => [{ personId: person[who].personId, role: 'victim' }];
  const withSuspect = (who: keyof typeof victims) => [...victim(who), { personId: suspect.personId, role: 'suspect' }];
  const engage = async (who: keyof typeof victims, consent: 'full' | 'limited' | 'none', extra: Record<string, unknown> = {}) => {
    const res = await api.post('/engagements', { subjects: victim(who), occurredAt: hoursAgo(48), consent, consentGivenOn: today(), ...extra });
    expect(res.status).toBe(201);
    return res.body as { ref: string; eventId: string; published: boolean; sharing: string; audience?: unknown[] };
  };
  const diary = (who: keyof typeof victims, account: string) => api.post('/diary-entries', {
    subjects: who === 'full' ? withSuspect(who) : victim(who), occurredAt: hoursAgo(2), behaviours: ['loitering_home', 'messages'], happenedAt: hoursAgo(3), place: 'outside home', account,
  });
  /** A later event that is shared: once it is on the topic, the relay has had its chance with anything earlier. */
  const controlEvent = async () => {
    const res = await diary('full', 'Control entry: he messaged again');
    expect(res.body.published).toBe(true);
    await topic.waitFor((e) => e.id === res.body.eventId, 'control event');
    await sleep(2_000);
  };

  it('publishes every record about a listed victim who consents in full, on the case', async () => {
    const engaged = await engage('full', 'full');
    expect(engaged).toMatchObject({ published: true, sharing: 'partnership', caseRef: cases.full });
    const engagedEvent = await topic.waitFor(isEvent('advocacy.victim.engaged.v1', (e) => e.data.engagementRef === engaged.ref), 'engagement event');
    expect(engagedEvent).toMatchObject({ subject: cases.full, sharing: 'partnership', data: { consent: 'full', consentGivenOn: today() } });
    expect(engagedEvent.legalbasis).toMatch(/^uk-gdpr/);

    const view = await api.post('/victim-views', { subjects: victim('full'), occurredAt: hoursAgo(24), engagementRef: engaged.ref, ownViewOfRisk: 'high', wishes: 'Wants him kept away from work', fears: 'That he will come to the house' });
    expect(view.status).toBe(201);
    expect(view.body).toMatchObject({ ref: engaged.ref, published: true });
    const viewEvent = await topic.waitFor((e) => e.id === view.body.eventId, 'victim view event');
    expect(viewEvent).toMatchObject({ type: 'advocacy.victim.view.recorded.v1', subject: cases.full, data: { ownViewOfRisk: 'high', engagementRef: engaged.ref } });

    const plan = await api.post('/safety-plans', { subjects: victim('full'), occurredAt: hoursAgo(20), engagementRef: engaged.ref, measures: ['Panic alarm fitted', 'Route to work varied'], reviewOn: '2027-01-15' });
    expect(plan.status).toBe(201);
    const planEvent = await topic.waitFor((e) => e.id === plan.body.eventId, 'safety plan event');
    expect(planEvent).toMatchObject({ type: 'advocacy.safety_plan.updated.v1', data: { measures: ['Panic alarm fitted', 'Route to work varied'], reviewOn: '2027-01-15' } });

    const entry = await diary('full', 'He sat in his car outside for an hour, then texted');
    expect(entry.status).toBe(201);
    const entryEvent = await topic.waitFor(isEvent('advocacy.diary.entry.v1', (e) => e.data.entryRef === entry.body.ref), 'diary event');
    expect(entryEvent).toMatchObject({ subject: cases.full, sharing: 'partnership', data: { behaviours: ['loitering_home', 'messages'], place: 'outside home' } });
    expect(entryEvent.subjects.map((s) => s.role)).toEqual(['victim', 'suspect']);
    // Ordered by when the victim says it happened, not when the advocate typed it.
    expect(Date.parse(entryEvent.occurredat)).toBe(Date.parse(entryEvent.data.happenedAt));
    expect(JSON.stringify(entryEvent)).not.toContain("O'Neill");

    const referral = await api.post('/referrals', { subjects: withSuspect('full'), criterion: 'victim_request', reason: 'Victim asks for a multi-agency meeting' });
    expect(referral.status).toBe(201);
    const referralEvent = await topic.waitFor(isEvent('advocacy.referral.made.v1', (e) => e.data.referralRef === referral.body.ref), 'referral event');
    expect(referralEvent.data.criterion).toBe('victim_request');

    const read = await api.get(`/engagements/${engaged.ref}`);
    expect(read.body).toMatchObject({ status: 'active', consent: 'full', latestView: { ownViewOfRisk: 'high' }, safetyPlan: { measures: ['Panic alarm fitted', 'Route to work varied'] } });
    expect(read.body.eventIds).toEqual(expect.arrayContaining([engaged.eventId, view.body.eventId, plan.body.eventId]));
    expect((await api.get(`/diary-entries/${entry.body.ref}`)).body).toMatchObject({ entryRef: entry.body.ref, account: 'He sat in his car outside for an hour, then texted' });
    expect((await api.get(`/consent/${person.full.personId}`)).body).toMatchObject({ consent: 'full', engagementRef: engaged.ref, sharing: 'shared' });
  });

  it('after consent is revoked, publishes the revocation and nothing more about that victim', async () => {
    const engaged = await engage('revoking', 'full');
    const before = await diary('revoking', 'Flowers left on the doorstep with a note');
    expect(before.body.published).toBe(true);
    await topic.waitFor((e) => e.id === before.body.eventId, 'diary entry before revocation');

    const revoked = await api.post(`/engagements/${engaged.ref}/revoke`, { revokedOn: today() });
    expect(revoked.status).toBe(201);
    expect(revoked.body).toMatchObject({ published: true, caseRef: cases.revoking });
    const revokedEvent = await topic.waitFor(isEvent('advocacy.consent.revoked.v1', (e) => e.data.engagementRef === engaged.ref), 'revocation event');
    expect(revokedEvent).toMatchObject({ subject: cases.revoking, sharing: 'partnership', data: { revokedOn: today() } });

    const after = await diary('revoking', 'SECRET-AFTER-REVOCATION he followed me to the bus');
    expect(after.status).toBe(201);
    expect(after.body.published).toBe(false);
    const view = await api.post('/victim-views', { subjects: victim('revoking'), occurredAt: hoursAgo(1), engagementRef: engaged.ref, ownViewOfRisk: 'high', wishes: 'SECRET-VIEW wants to move house' });
    expect(view.status).toBe(201);
    expect(view.body.published).toBe(false);

    await controlEvent();
    const onTopic = JSON.stringify(topic.events);
    for (const id of [after.body.eventId, view.body.eventId]) expect(topic.events.some((e) => e.id === id)).toBe(false);
    expect(onTopic).not.toContain(after.body.ref);
    expect(onTopic).not.toContain('SECRET-');
    expect((await api.get(`/consent/${person.revoking.personId}`)).body).toMatchObject({ consent: 'full', revokedOn: today(), sharing: 'withheld' });
    expect((await api.get(`/engagements/${engaged.ref}`)).body).toMatchObject({ status: 'revoked', revokedOn: today() });

    const again = await api.post(`/engagements/${engaged.ref}/revoke`, { revokedOn: today() });
    expect(again.status).toBe(409);
    expect(again.contentType).toContain('application/problem+json');
    expect(again.body.code).toBe('consent_already_revoked');

    // A new listing of the same victim: advocacy says what it holds back and why, never what it says.
    const relisted = newCaseRef();
    await publishAsConference(advocacy.prefix, caseListed(relisted, [{ role: 'victim', tokens: person.revoking.tokens }]));
    const research = await topic.waitFor(isEvent('advocacy.research.returned.v1', (e) => e.subject === relisted), 'research return for the new listing');
    expect(research.data.records).toEqual([]);
    expect(research.data.withheld).toEqual(expect.arrayContaining([
      { recordKind: 'victim.engaged', reason: 'consent_not_given', count: 1 },
      { recordKind: 'diary.entry', reason: 'consent_not_given', count: 2 },
      { recordKind: 'consent.revoked', reason: 'consent_not_given', count: 1 },
      { recordKind: 'victim.view.recorded', reason: 'consent_not_given', count: 1 },
    ]));
    expect(JSON.stringify(research)).not.toContain('SECRET-');
    expect(JSON.stringify(research)).not.toContain('Flowers left');
  });

  it('shares nothing about a victim who gave no consent from the start', async () => {
    const engaged = await engage('refusing', 'none');
    expect(engaged.published).toBe(false);
    const entry = await diary('refusing', 'SECRET-NONE he rang my mother');
    expect(entry.body.published).toBe(false);
    const plan = await api.post('/safety-plans', { subjects: victim('refusing'), occurredAt: hoursAgo(1), engagementRef: engaged.ref, measures: ['SECRET-NONE plan'] });
    expect(plan.body.published).toBe(false);
    await controlEvent();
    for (const id of [engaged.eventId, entry.body.eventId, plan.body.eventId]) expect(topic.events.some((e) => e.id === id)).toBe(false);
    expect(JSON.stringify(topic.events)).not.toContain('SECRET-NONE');
    expect((await api.get(`/consent/${person.refusing.personId}`)).body).toMatchObject({ consent: 'none', sharing: 'withheld' });
  });

  it('publishes records under limited consent as restricted to the agencies named and the chair', async () => {
    const engaged = await engage('limited', 'limited', { limitedTo: ['police'] });
    const audience = [{ agency: 'police' }, { role: 'chair' }];
    expect(engaged).toMatchObject({ published: true, sharing: 'restricted', audience });
    const engagedEvent = await topic.waitFor((e) => e.id === engaged.eventId, 'limited engagement event');
    expect(engagedEvent).toMatchObject({ sharing: 'restricted', audience, data: { consent: 'limited', limitedTo: ['police'] } });

    const entry = await diary('limited', 'He turned up at the school gate');
    expect(entry.body).toMatchObject({ published: true, sharing: 'restricted', audience });
    const entryEvent = await topic.waitFor((e) => e.id === entry.body.eventId, 'limited diary event');
    expect(entryEvent).toMatchObject({ type: 'advocacy.diary.entry.v1', subject: cases.limited, sharing: 'restricted', audience });

    // The advocate may narrow further, never widen beyond what the victim agreed to.
    const view = await api.post('/victim-views', { subjects: victim('limited'), occurredAt: hoursAgo(1), engagementRef: engaged.ref, ownViewOfRisk: 'medium', wishes: 'Keep the school informed', sharing: 'restricted', audience: [{ agency: 'health' }] });
    expect(view.body).toMatchObject({ published: true, sharing: 'restricted', audience: [{ role: 'chair' }] });
    expect((await api.get(`/consent/${person.limited.personId}`)).body).toMatchObject({ consent: 'limited', limitedTo: ['police'], sharing: 'restricted', audience });
  });

  it('shares safe contact details only with the agencies that need to contact her, within her consent, and her household as counts and ages', async () => {
    const limited = (await api.get(`/consent/${person.limited.personId}`)).body as { engagementRef: string };
    const contact = { safeTimes: 'Weekdays 12:00-13:00 only', safeNumber: '07700 900123', noPostHome: true };
    const narrowed = await api.post('/safe-contacts', { subjects: victim('limited'), occurredAt: hoursAgo(1), engagementRef: limited.engagementRef, contactingAgencies: ['health', 'police'], ...contact });
    expect(narrowed.status).toBe(201);
    // Her consent names police only: health is not told, and neither is the chair.
    expect(narrowed.body).toMatchObject({ published: true, sharing: 'restricted', audience: [{ agency: 'police' }] });
    const event = await topic.waitFor((e) => e.id === narrowed.body.eventId, 'safe contact event');
    expect(event).toMatchObject({ type: 'advocacy.safe_contact.recorded.v1', subject: cases.limited, sharing: 'restricted', audience: [{ agency: 'police' }], data: contact });
    const noneAllowed = await api.post('/safe-contacts', { subjects: victim('limited'), occurredAt: hoursAgo(1), engagementRef: limited.engagementRef, contactingAgencies: ['cps'], ...contact });
    expect(noneAllowed.body).toMatchObject({ published: false, sharing: 'agency' });
    const asPartnership = await api.post('/safe-contacts', { subjects: victim('limited'), occurredAt: hoursAgo(1), engagementRef: limited.engagementRef, contactingAgencies: ['police'], sharing: 'partnership', ...contact });
    expect(asPartnership.status).toBe(400);

    const household = await api.post('/households', { subjects: victim('limited'), occurredAt: hoursAgo(1), engagementRef: limited.engagementRef, childrenAges: [4, 9], otherAdults: 0, safeguardingReferralMade: true, safeguardingReferralOn: today() });
    expect(household.status).toBe(201);
    const recorded = await topic.waitFor((e) => e.id === household.body.eventId, 'household event');
    expect(recorded).toMatchObject({ type: 'advocacy.household.recorded.v1', sharing: 'restricted', audience: [{ agency: 'police' }, { role: 'chair' }], data: { childrenAges: [4, 9], otherAdults: 0, safeguardingReferralMade: true } });
    const named = await api.post('/households', { subjects: victim('limited'), occurredAt: hoursAgo(1), engagementRef: limited.engagementRef, childrenAges: [{ name: 'Amy', age: 4 }], otherAdults: 0, safeguardingReferralMade: false });
    expect(named.status).toBe(400);
    expect(named.body.errors[0].field).toMatch(/^body\.childrenAges/);
    // The engagement holds the latest details, with who was told: the last ones were kept here.
    expect((await api.get(`/engagements/${limited.engagementRef}`)).body).toMatchObject({ household: { childrenAges: [4, 9] }, safeContact: { ...contact, audience: [] } });
  });

  it('answers bad input with problem+json naming the field, unknown ids with 404, others with 401/403', async () => {
    const missingEngagement = await api.post('/engagements', { subjects: victim('full'), occurredAt: hoursAgo(1), consentGivenOn: today() });
    expect(missingEngagement.status).toBe(400);
    expect(missingEngagement.contentType).toContain('application/problem+json');
    expect(missingEngagement.body.errors).toContainEqual(expect.objectContaining({ field: 'body.consent' }));
    const noAgencies = await api.post('/engagements', { subjects: victim('full'), occurredAt: hoursAgo(1), consent: 'limited', consentGivenOn: today() });
    expect(noAgencies.body.errors).toContainEqual(expect.objectContaining({ field: 'body.limitedTo' }));
    const wrongEngagement = await api.post('/engagements', { subjects: victim('full'), occurredAt: hoursAgo(1), consent: 'maybe', consentGivenOn: 20260101 });
    expect(wrongEngagement.status).toBe(400);
    expect(wrongEngagement.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['body.consent', 'body.consentGivenOn']));
    const notVictim = await api.post('/engagements', { subjects: [{ personId: suspect.personId, role: 'suspect' }], occurredAt: hoursAgo(1), consent: 'full', consentGivenOn: today() });
    expect(notVictim.body.errors).toContainEqual(expect.objectContaining({ field: 'body.subjects' }));

    const { ref } = await engage('full', 'full');
    const missingView = await api.post('/victim-views', { subjects: victim('full'), occurredAt: hoursAgo(1), engagementRef: ref, wishes: 'x' });
    expect(missingView.body.errors).toContainEqual(expect.objectContaining({ field: 'body.ownViewOfRisk' }));
    const wrongView = await api.post('/victim-views', { subjects: victim('full'), occurredAt: hoursAgo(1), engagementRef: ref, ownViewOfRisk: 'extreme', wishes: 7 });
    expect(wrongView.status).toBe(400);
    expect(wrongView.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['body.ownViewOfRisk', 'body.wishes']));
    const otherVictim = await api.post('/victim-views', { subjects: victim('limited'), occurredAt: hoursAgo(1), engagementRef: ref, ownViewOfRisk: 'high', wishes: 'x' });
    expect(otherVictim.status).toBe(400);
    expect(otherVictim.body.errors).toContainEqual(expect.objectContaining({ field: 'body.subjects' }));

    const missingPlan = await api.post('/safety-plans', { subjects: victim('full'), occurredAt: hoursAgo(1), engagementRef: ref });
    expect(missingPlan.body.errors).toContainEqual(expect.objectContaining({ field: 'body.measures' }));
    const wrongPlan = await api.post('/safety-plans', { subjects: victim('full'), occurredAt: hoursAgo(1), engagementRef: ref, measures: 'alarm', reviewOn: 'soon' });
    expect(wrongPlan.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['body.measures', 'body.reviewOn']));

    const missingDiary = await api.post('/diary-entries', { subjects: victim('full'), occurredAt: hoursAgo(1), behaviours: ['calls'], place: 'home', account: 'x' });
    expect(missingDiary.body.errors).toContainEqual(expect.objectContaining({ field: 'body.happenedAt' }));
    const wrongDiary = await api.post('/diary-entries', { subjects: victim('full'), occurredAt: hoursAgo(1), behaviours: ['knitting'], happenedAt: 5, place: 'home', account: 'x' });
    expect(wrongDiary.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['body.behaviours.0', 'body.happenedAt']));

    const missingRevoke = await api.post(`/engagements/${ref}/revoke`, {});
    expect(missingRevoke.body.errors).toContainEqual(expect.objectContaining({ field: 'body.revokedOn' }));
    const wrongRevoke = await api.post(`/engagements/${ref}/revoke`, { revokedOn: true });
    expect(wrongRevoke.status).toBe(400);
    const early = await api.post(`/engagements/${ref}/revoke`, { revokedOn: '2001-01-01' });
    expect(early.body.errors).toContainEqual(expect.objectContaining({ field: 'body.revokedOn' }));
    expect((await api.post('/referrals', { subjects: withSuspect('full'), criterion: 'escalation', reason: 'x' })).body.errors).toContainEqual(expect.objectContaining({ field: 'body.criterion' }));

    const nobody = [{ personId: '00000000-0000-4000-8000-000000000000', role: 'victim' }];
    expect((await api.post('/engagements', { subjects: nobody, occurredAt: hoursAgo(1), consent: 'full', consentGivenOn: today() })).status).toBe(404);
    expect((await api.post('/diary-entries', { subjects: nobody, occurredAt: hoursAgo(1), behaviours: ['calls'], happenedAt: hoursAgo(1), place: 'home', account: 'x' })).status).toBe(404);
    expect((await api.post('/victim-views', { subjects: victim('full'), occurredAt: hoursAgo(1), engagementRef: 'ENG-NOPE', ownViewOfRisk: 'high', wishes: 'x' })).status).toBe(404);
    expect((await api.post('/safety-plans', { subjects: victim('full'), occurredAt: hoursAgo(1), engagementRef: 'ENG-NOPE', measures: ['x'] })).status).toBe(404);
    const unknownRevoke = await api.post('/engagements/ENG-NOPE/revoke', { revokedOn: today() });
    expect(unknownRevoke.status).toBe(404);
    expect(unknownRevoke.contentType).toContain('application/problem+json');
    expect((await api.get('/engagements/ENG-NOPE')).status).toBe(404);
    expect((await api.get('/diary-entries/DIARY-NOPE')).status).toBe(404);
    expect((await api.get('/consent/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api.get('/consent/not-a-uuid')).status).toBe(400);

    expect((await client(advocacy.url).get(`/engagements/${ref}`)).status).toBe(401);
    expect((await client(advocacy.url).post('/diary-entries', {})).status).toBe(401);
    const officer = client(advocacy.url, await tokenFor({ sub: 'pc-101', agency: 'police', role: 'police' }));
    const refused = await officer.get(`/consent/${person.full.personId}`);
    expect(refused.status).toBe(403);
    expect(refused.contentType).toContain('application/problem+json');
    expect((await officer.post('/diary-entries', {})).status).toBe(403);
    const wrongRole = client(advocacy.url, await tokenFor({ sub: 'chair-1', agency: 'advocacy', role: 'chair' }));
    expect((await wrongRole.get(`/engagements/${ref}`)).status).toBe(403);
  });

  it('lets a hospital IDVA (employed by health) do casework with a victim here, her reads audited in her name, and nothing of advocacy\'s own business', async () => {
    const hospitalIdva = client(advocacy.url, await tokenFor({ sub: 'hidva-3', agency: 'health', role: 'health_idva', name: 'L. Brooks' }));
    const engaged = await hospitalIdva.post('/engagements', { subjects: victim('full'), occurredAt: hoursAgo(2), consent: 'full', consentGivenOn: today() });
    expect(engaged.status).toBe(201);
    const plan = await hospitalIdva.post('/safety-plans', { subjects: victim('full'), occurredAt: hoursAgo(1), engagementRef: engaged.body.ref, measures: ['Discharged to her sister\'s address'] });
    expect(plan.status).toBe(201);
    const published = await topic.waitFor(isEvent('advocacy.safety_plan.updated.v1', (e) => e.data.engagementRef === engaged.body.ref), 'the IDVA\'s safety plan');
    expect(published).toMatchObject({ agency: 'advocacy', subject: cases.full });
    expect((await hospitalIdva.get(`/engagements/${engaged.body.ref}`)).body).toMatchObject({ safetyPlan: { measures: ['Discharged to her sister\'s address'] } });
    expect((await advocacy.kit.audit.log.list({ actorSub: 'hidva-3', limit: 1000 })).map((e) => e.actor)).toContainEqual(expect.objectContaining({ sub: 'hidva-3', agency: 'health', role: 'health_idva' }));
    // Advocacy's figures, actions and match decisions stay with its own advocates; a health worker is not an IDVA.
    for (const path of ['/statistics/2026-11', '/actions', '/people/possible-matches']) expect((await hospitalIdva.get(path)).status, path).toBe(403);
    const nurse = client(advocacy.url, await tokenFor({ sub: 'hw-9', agency: 'health', role: 'health' }));
    expect((await nurse.post('/engagements', { subjects: victim('full'), occurredAt: hoursAgo(2), consent: 'full', consentGivenOn: today() })).status).toBe(403);
  });

  it('shares its research summary on a case only as the victim consents', async () => {
    const refused = await api.post('/research-summaries', { caseRef: cases.refusing, summary: 'Engaged; she does not want anything shared.' });
    expect(refused.status).toBe(201);
    expect(refused.body.published).toBe(false);
    const shared = await api.post('/research-summaries', { caseRef: cases.full, summary: 'Engaged weekly; safety plan in place.' });
    expect(shared.body.published).toBe(true);
    expect(await topic.waitFor((e) => e.id === shared.body.eventId, 'the consented summary')).toMatchObject({ type: 'advocacy.research.summarised.v1', subject: cases.full });
    await sleep(500);
    expect(topic.events.some((e) => e.id === refused.body.eventId)).toBe(false);
  });

  it('describes itself as OpenAPI', async () => {
    const doc = await client(advocacy.url).get('/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining([
      '/engagements', '/engagements/{engagementRef}/revoke', '/engagements/{engagementRef}', '/victim-views', '/safety-plans',
      '/diary-entries', '/diary-entries/{entryRef}', '/consent/{personId}', '/referrals', '/people', '/actions',
    ]));
  });
});
