import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prefixedTopics, type CaseEvent, type EventOfType } from '@convene/shared/contracts';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { readTopic, type TopicReader } from '../support/topicReader.js';
import { caseListed, dashAnswers, newCaseRef, people, publishAsConference } from '../support/fixtures.js';

const officer = { sub: 'pc-101', agency: 'police', role: 'police', name: 'PC Ward' } as const;

describe('police service on the real stack', () => {
  let police: RunningAgency;
  let api: ReturnType<typeof client>;
  let topic: TopicReader;
  let victim: { personId: string; tokens: string[] };
  let suspect: { personId: string; tokens: string[] };
  const caseRef = newCaseRef();

  beforeAll(async () => {
    police = await startAgency('police');
    api = client(police.url, await tokenFor(officer));
    topic = await readTopic(prefixedTopics(police.prefix).events.police);
    victim = (await api.post('/people', people.victim)).body;
    suspect = (await api.post('/people', people.suspect)).body;
    await publishAsConference(police.prefix, caseListed(caseRef, [
      { role: 'victim', tokens: victim.tokens }, { role: 'suspect', tokens: suspect.tokens },
    ]));
    await topic.waitFor((e) => e.type === 'police.research.returned.v1', 'research return for the listing');
  });

  afterAll(async () => {
    await topic?.stop();
    await police?.stop();
  });

  const subjects = () => [{ personId: victim.personId, role: 'victim' }, { personId: suspect.personId, role: 'suspect' }];
  const isEvent = <T extends CaseEvent['type']>(type: T, pred: (e: EventOfType<T>) => boolean = () => true) =>
    (e: CaseEvent): e is EventOfType<T> => e.type === type && pred(e as EventOfType<T>);

  it('computes link tokens for people and never returns a bad NHS number as a token', async () => {
    expect(victim.tokens.length).toBe(3);
    expect(victim.tokens.every((t) => /^lt1\.(nhs|nd|dp)\./.test(t))).toBe(true);
    const bad = await api.post('/people', { ...people.victim, nhsNumber: '943 476 5918' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'invalid_nhs_number', errors: [{ field: 'body.nhsNumber' }] });
  });

  it('publishes an incident about a listed person on its topic, with the case reference', async () => {
    const res = await api.post('/incidents', {
      subjects: subjects(), occurredAt: '2026-11-01T18:20:00Z', behaviours: ['loitering_work', 'gifts'], offenceClass: 'pha_s2',
      summary: 'Suspect waited outside the victim\'s workplace with flowers', location: 'victim workplace',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ caseRef, published: true });
    const event = await topic.waitFor(isEvent('police.incident.recorded.v1', (e) => e.data.incidentRef === res.body.ref), 'incident event');
    expect(event).toMatchObject({ subject: caseRef, sharing: 'partnership', legalbasis: 'dpa-2018-part-3', occurredat: '2026-11-01T18:20:00Z' });
    expect(event.subjects.map((s) => s.role)).toEqual(['victim', 'suspect']);
    expect(JSON.stringify(event)).not.toContain('Dawson');
  });

  it('grades DASH: 14 ticks high, professional judgement raises, declined recorded as declined', async () => {
    const base = { subjects: subjects(), occurredAt: '2026-11-02T10:00:00Z' };
    const high = await api.post('/risk-assessments', { ...base, declined: false, answers: dashAnswers(14), victimOwnView: 'high' });
    expect(high.body).toMatchObject({ grade: 'high', yesCount: 14, raisedByProfessionalJudgement: false });
    const raised = await api.post('/risk-assessments', { ...base, declined: false, answers: dashAnswers(4), professionalJudgement: { grade: 'high', rationale: 'Escalating fixation' } });
    expect(raised.body).toMatchObject({ grade: 'high', yesCount: 4, raisedByProfessionalJudgement: true });
    const notLowered = await api.post('/risk-assessments', { ...base, declined: false, answers: dashAnswers(16), professionalJudgement: { grade: 'standard', rationale: 'Officer view' } });
    expect(notLowered.body).toMatchObject({ grade: 'high', raisedByProfessionalJudgement: false });
    const declined = await api.post('/risk-assessments', { ...base, declined: true, victimOwnView: 'medium' });
    expect(declined.body).toMatchObject({ grade: null, declined: true });
    const event = await topic.waitFor(isEvent('police.risk.assessed.v1', (e) => e.data.assessmentRef === declined.body.ref), 'declined DASH event');
    expect(event.data).toMatchObject({ outcome: 'declined', grade: null, victimOwnView: 'medium' });
    const needsSdash = await api.post('/risk-assessments', { ...base, declined: false, answers: dashAnswers(3, { stalking_or_harassment: 'yes' }) });
    expect(needsSdash.status).toBe(400);
    expect(needsSdash.body.errors[0].field).toBe('body.sdashAnswers');
  });

  it('walks an SPO from application to grant to breach, refusing a breach before a grant', async () => {
    const applied = await api.post('/spos', { subjects: subjects(), occurredAt: '2026-11-03T09:00:00Z', kind: 'interim' });
    expect(applied.status).toBe(201);
    const early = await api.post(`/spos/${applied.body.ref}/breaches`, { occurredAt: '2026-11-03T10:00:00Z', behaviours: ['approaching'] });
    expect(early.status).toBe(409);
    expect(early.contentType).toContain('application/problem+json');
    const granted = await api.post(`/spos/${applied.body.ref}/grant`, { occurredAt: '2026-11-04T09:00:00Z', kind: 'interim', conditions: ['No contact with the victim'], expiresOn: '2027-05-04' });
    expect(granted.status).toBe(201);
    const breach = await api.post(`/spos/${applied.body.ref}/breaches`, { occurredAt: '2026-11-05T21:00:00Z', behaviours: ['approaching', 'threats'] });
    expect(breach.status).toBe(201);
    await topic.waitFor(isEvent('police.spo.breached.v1', (e) => e.data.orderRef === applied.body.ref), 'breach event');
    expect((await api.post('/spos/SPO-UNKNOWN/grant', { occurredAt: '2026-11-04T09:00:00Z', kind: 'full', conditions: ['x'], expiresOn: '2027-01-01' })).status).toBe(404);
  });

  it('reclassifies harassment as stalking, and refuses a no-op', async () => {
    const inc = await api.post('/incidents', { subjects: subjects(), occurredAt: '2026-11-06T08:00:00Z', behaviours: ['following'], offenceClass: 'pha_s2', summary: 'Followed to the station' });
    const changed = await api.post(`/incidents/${inc.body.ref}/classification`, { to: 'pha_s2a', reason: 'Course of conduct amounts to stalking' });
    expect(changed.status).toBe(201);
    expect((await api.get(`/incidents/${inc.body.ref}`)).body.offenceClass).toBe('pha_s2a');
    expect((await api.post(`/incidents/${inc.body.ref}/classification`, { to: 'pha_s2a', reason: 'again' })).status).toBe(409);
    await topic.waitFor(isEvent('police.classification.changed.v1', (e) => e.data.crimeRef === inc.body.ref && e.data.to === 'pha_s2a'), 'classification event');
  });

  it('sends a referral with names only for the people referred', async () => {
    const res = await api.post('/referrals', { subjects: subjects(), criterion: 'high_risk', reason: 'High risk DASH with stalking behaviours' });
    expect(res.status).toBe(201);
    const event = await topic.waitFor(isEvent('police.referral.made.v1', (e) => e.data.referralRef === res.body.ref), 'referral event');
    expect(event.data.people.map((p) => p.family)).toEqual(["O'Neill", 'Dawson']);
  });

  it('summarises its research on a listed case for the meeting, and only on a case listed here', async () => {
    const res = await api.post('/research-summaries', { caseRef, summary: 'Three incidents since October; bail conditions in force; no SPO yet.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ref: caseRef, caseRef, published: true });
    const event = await topic.waitFor((e) => e.id === res.body.eventId, 'the summary on the police topic');
    expect(event).toMatchObject({ type: 'police.research.summarised.v1', subject: caseRef, sharing: 'partnership', data: { caseRef, summary: 'Three incidents since October; bail conditions in force; no SPO yet.' } });
    expect((await api.post('/research-summaries', { caseRef: newCaseRef(), summary: 'Nothing held' })).status).toBe(404);
    expect((await api.post('/research-summaries', { caseRef, summary: 'x'.repeat(601) })).body.errors[0].field).toBe('body.summary');
    expect((await api.post('/research-summaries', { caseRef, summary: 'For the chair', sharing: 'restricted' })).body.errors[0].field).toBe('body.audience');
  });

  it('answers bad input with problem+json naming the field, unknown ids with 404, and other agencies with 403', async () => {
    const missing = await api.post('/incidents', { subjects: subjects(), occurredAt: '2026-11-01T18:20:00Z', offenceClass: 'pha_s2', summary: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.contentType).toContain('application/problem+json');
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ field: 'body.behaviours' }));
    const wrongType = await api.post('/incidents', { subjects: subjects(), occurredAt: 12, behaviours: 'gifts', offenceClass: 'pha_s2', summary: 'x' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['body.occurredAt', 'body.behaviours']));
    const unknownPerson = await api.post('/incidents', { subjects: [{ personId: '00000000-0000-4000-8000-000000000000', role: 'victim' }], occurredAt: '2026-11-01T18:20:00Z', behaviours: ['calls'], offenceClass: 'pha_s2', summary: 'x' });
    expect(unknownPerson.status).toBe(404);
    expect((await api.get('/incidents/INC-NOPE')).status).toBe(404);
    expect((await api.post('/incidents', '{"broken json')).status).toBe(400);
    expect((await client(police.url).get('/incidents/INC-NOPE')).status).toBe(401);
    const lawyer = client(police.url, await tokenFor({ sub: 'cps-1', agency: 'cps', role: 'cps' }));
    expect((await lawyer.get('/actions')).status).toBe(403);
  });
});
