import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, prefixedTopics, type CaseEvent, type EventOfType } from '@convene/shared/contracts';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { readTopic, type TopicReader } from '../support/topicReader.js';
import { caseListed, newCaseRef, people, publishAsConference } from '../support/fixtures.js';
import { newUrn, recordCaseFile } from '../support/cpsCaseFile.js';

const lawyer = { sub: 'cps-lawyer-7', agency: 'cps', role: 'cps', name: 'A. Okafor' } as const;

type Person = { personId: string; tokens: string[] };

describe('cps service on the real stack', () => {
  let cps: RunningAgency;
  let api: ReturnType<typeof client>;
  let topic: TopicReader;
  let victim: Person;
  let suspect: Person;
  let bystander: Person;
  const caseRef = newCaseRef();
  const yesterday = new Date(Date.now() - 24 * 3600_000).toISOString();

  beforeAll(async () => {
    cps = await startAgency('cps');
    api = client(cps.url, await tokenFor(lawyer));
    topic = await readTopic(prefixedTopics(cps.prefix).events.cps);
    victim = (await api.post('/people', people.victim)).body;
    suspect = (await api.post('/people', people.suspect)).body;
    bystander = (await api.post('/people', people.bystander)).body;
    // List the victim and suspect first, so CPS records about them are streamed to the case.
    await publishAsConference(cps.prefix, caseListed(caseRef, [
      { role: 'victim', tokens: victim.tokens }, { role: 'suspect', tokens: suspect.tokens },
    ]));
    await topic.waitFor((e) => e.type === 'cps.research.returned.v1' && e.data.purpose.kind === 'listing', 'research return for the listing');
  });

  afterAll(async () => {
    await topic?.stop();
    await cps?.stop();
  });

  const subjects = () => [{ personId: victim.personId, role: 'victim' }, { personId: suspect.personId, role: 'suspect' }];
  const isEvent = <T extends CaseEvent['type']>(type: T, pred: (e: EventOfType<T>) => boolean = () => true) =>
    (e: CaseEvent): e is EventOfType<T> => e.type === type && pred(e as EventOfType<T>);
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  /** Each record endpoint: a valid command, the event it becomes, and one field to leave out or mistype. */
  const recordEndpoints = [
    {
      path: '/charging-decisions', type: 'cps.charging.decided.v1', refField: 'decisionRef',
      valid: () => ({ subjects: subjects(), occurredAt: yesterday, outcome: 'charge', offenceClass: 'pha_s2a', rationale: 'Evidential and public interest tests met' }),
      missing: 'outcome', wrongType: { field: 'rationale', value: 42 },
    },
    {
      path: '/hearings', type: 'cps.hearing.scheduled.v1', refField: 'hearingRef',
      valid: () => ({ subjects: subjects(), occurredAt: yesterday, court: 'Leeds Magistrates\' Court', hearingAt: '2026-12-14T10:00:00Z', hearingType: 'first_appearance' }),
      missing: 'court', wrongType: { field: 'hearingAt', value: 'next tuesday' },
    },
    {
      path: '/restraining-orders', type: 'cps.restraining_order.made.v1', refField: 'orderRef',
      valid: () => ({ subjects: subjects(), occurredAt: yesterday, onConviction: true, conditions: ['No contact with the victim', 'Not to enter LS1'], expiresOn: '2028-11-22' }),
      missing: 'conditions', wrongType: { field: 'onConviction', value: 'yes' },
    },
    {
      path: '/bail-conditions', type: 'cps.bail.conditions.set.v1', refField: 'bailRef',
      valid: () => ({ subjects: subjects(), occurredAt: yesterday, conditions: ['Reside at home address', 'No contact with the victim'], until: '2026-12-14' }),
      missing: 'conditions', wrongType: { field: 'until', value: 20261214 },
    },
  ] as const;

  describe.each(recordEndpoints)('$path', (endpoint) => {
    it('records about listed people are published with the case reference, and read back by reference', async () => {
      const res = await api.post(endpoint.path, endpoint.valid());
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ caseRef, published: true });
      const event = await topic.waitFor((e) => e.type === endpoint.type && (e.data as Record<string, unknown>)[endpoint.refField] === res.body.ref, `${endpoint.type} event`);
      expect(event).toMatchObject({ id: res.body.eventId, subject: caseRef, sharing: 'partnership', legalbasis: 'dpa-2018-part-3', occurredat: yesterday, agency: 'cps' });
      expect(event.subjects).toEqual([{ role: 'victim', tokens: victim.tokens }, { role: 'suspect', tokens: suspect.tokens }]);
      expect(JSON.stringify(event)).not.toContain('Dawson');
      const read = await api.get(`${endpoint.path}/${res.body.ref}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ ref: res.body.ref, caseRef, eventIds: [res.body.eventId] });
    });

    it('answers a missing field, a wrong type, an unknown person and an unknown reference with problem+json', async () => {
      const { [endpoint.missing]: _dropped, ...withoutField } = endpoint.valid() as Record<string, unknown>;
      const missing = await api.post(endpoint.path, withoutField);
      expect(missing.status).toBe(400);
      expect(missing.contentType).toContain('application/problem+json');
      expect(fields(missing.body)).toContain(`body.${endpoint.missing}`);
      const wrongType = await api.post(endpoint.path, { ...endpoint.valid(), [endpoint.wrongType.field]: endpoint.wrongType.value, occurredAt: 12 });
      expect(wrongType.status).toBe(400);
      expect(wrongType.contentType).toContain('application/problem+json');
      expect(fields(wrongType.body)).toEqual(expect.arrayContaining([`body.${endpoint.wrongType.field}`, 'body.occurredAt']));
      const unknownPerson = await api.post(endpoint.path, { ...endpoint.valid(), subjects: [{ personId: randomUUID(), role: 'suspect' }] });
      expect(unknownPerson.status).toBe(404);
      expect(unknownPerson.contentType).toContain('application/problem+json');
      const unknownRef = await api.get(`${endpoint.path}/NOPE-20261123-000000`);
      expect(unknownRef.status).toBe(404);
      expect(unknownRef.contentType).toContain('application/problem+json');
    });
  });

  it('keeps a record about someone on no listing inside the agency', async () => {
    const res = await api.post('/charging-decisions', { subjects: [{ personId: bystander.personId, role: 'suspect' }], occurredAt: yesterday, outcome: 'caution' });
    expect(res.status).toBe(201);
    expect(res.body.published).toBe(false);
    expect(res.body.caseRef).toBeUndefined();
    expect((await api.get(`/charging-decisions/${res.body.ref}`)).body).toMatchObject({ outcome: 'caution', sharing: 'partnership' });
  });

  describe('/outcomes', () => {
    const decide = async (outcome: string) => (await api.post('/charging-decisions', { subjects: subjects(), occurredAt: yesterday, outcome })).body.ref as string;

    it('records the outcome of a charged case about the decision\'s subjects, published to the case', async () => {
      const decisionRef = await decide('charge');
      const res = await api.post('/outcomes', { decisionRef, occurredAt: yesterday, outcome: 'convicted', offenceClass: 'pha_s2a' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ caseRef, published: true });
      const event = await topic.waitFor(isEvent('cps.case.outcome.v1', (e) => e.data.outcomeRef === res.body.ref), 'case outcome event');
      expect(event.data).toMatchObject({ outcome: 'convicted', offenceClass: 'pha_s2a' });
      expect(event.subjects.map((s) => s.role)).toEqual(['victim', 'suspect']);
      expect((await api.get(`/outcomes/${res.body.ref}`)).body).toMatchObject({ ref: res.body.ref, outcome: 'convicted', caseRef });
    });

    it('refuses an outcome after a decision not to charge (409), an unknown decision (404) and bad input (400)', async () => {
      const nfa = await decide('no_further_action');
      const refused = await api.post('/outcomes', { decisionRef: nfa, occurredAt: yesterday, outcome: 'convicted' });
      expect(refused.status).toBe(409);
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'decision_not_to_charge' });
      const unknown = await api.post('/outcomes', { decisionRef: 'CHG-20261123-NOPE00', occurredAt: yesterday, outcome: 'convicted' });
      expect(unknown.status).toBe(404);
      expect(unknown.contentType).toContain('application/problem+json');
      const missing = await api.post('/outcomes', { occurredAt: yesterday, outcome: 'convicted' });
      expect(missing.status).toBe(400);
      expect(fields(missing.body)).toContain('body.decisionRef');
      const wrongType = await api.post('/outcomes', { decisionRef: nfa, occurredAt: yesterday, outcome: 'guilty' });
      expect(wrongType.status).toBe(400);
      expect(wrongType.contentType).toContain('application/problem+json');
      expect(fields(wrongType.body)).toContain('body.outcome');
      expect((await api.get('/outcomes/OUT-20261123-NOPE00')).status).toBe(404);
    });
  });

  describe('/history-requests', () => {
    it('publishes a request about an unlisted suspect of a case file at once, with the URN, who asked and why', async () => {
      const urn = await recordCaseFile(api, { suspect: bystander.personId });
      const res = await api.post('/history-requests', { urn, suspects: [bystander.personId], lawfulBasis: 'charging_decision', purpose: 'Charging decision on a s2A file' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ requestRef: expect.any(String), eventId: expect.any(String), urn, published: true });
      const event = await topic.waitFor(isEvent('cps.history.requested.v1', (e) => e.data.requestRef === res.body.requestRef), 'history request event');
      expect(event.id).toBe(res.body.eventId);
      expect(event.subject).toBeUndefined();
      expect(event.data).toMatchObject({
        urn, suspectTokens: bystander.tokens, victimTokens: [], lawfulBasis: 'charging_decision', purpose: 'Charging decision on a s2A file',
        requestedBy: { userId: lawyer.sub, displayName: lawyer.name },
      });
      expect(event.subjects).toEqual([{ role: 'suspect', tokens: bystander.tokens }]);
      expect(JSON.stringify(event)).not.toContain('Shah');
      const read = await api.get(`/history-requests/${res.body.requestRef}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ requestRef: res.body.requestRef, urn, suspectTokens: bystander.tokens, victimTokens: [], lawfulBasis: 'charging_decision', eventIds: [res.body.eventId] });
    });

    it('accepts a request naming the conference case too, keyed by the case reference, with the case file\'s victims', async () => {
      const hearing = await api.post('/hearings', {
        urn: newUrn(), subjects: subjects(), occurredAt: yesterday, court: 'Leeds Magistrates\' Court', hearingAt: '2026-12-14T10:00:00Z', hearingType: 'bail',
      });
      expect(hearing.status).toBe(201);
      const urn = (await api.get(`/hearings/${hearing.body.ref}`)).body.urn as string;
      const res = await api.post('/history-requests', { urn, suspects: [suspect.personId], caseRef, lawfulBasis: 'bail_application', purpose: 'Bail hearing tomorrow' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ caseRef, urn, published: true });
      const event = await topic.waitFor(isEvent('cps.history.requested.v1', (e) => e.data.requestRef === res.body.requestRef), 'case history request event');
      expect(event).toMatchObject({ subject: caseRef, data: { caseRef, urn, suspectTokens: suspect.tokens, victimTokens: victim.tokens } });
    });

    it('refuses a suspect named in no case file under the URN (403), whether or not the URN is held', async () => {
      const urn = await recordCaseFile(api, { suspect: suspect.personId, victim: victim.personId });
      for (const body of [
        { urn, suspects: [bystander.personId] },
        { urn, suspects: [suspect.personId, bystander.personId] },
        { urn: newUrn(), suspects: [suspect.personId] },
      ]) {
        const res = await api.post('/history-requests', { ...body, lawfulBasis: 'charging_decision', purpose: 'Charging decision on a s2A file' });
        expect(res.status).toBe(403);
        expect(res.contentType).toContain('application/problem+json');
        expect(res.body.code).toBe('not_a_suspect_in_case_file');
      }
    });

    it('shows a request to the lawyer who asked and answers every other lawyer 404', async () => {
      const urn = await recordCaseFile(api, { suspect: suspect.personId });
      const mine = await api.post('/history-requests', { urn, suspects: [suspect.personId], lawfulBasis: 'sentencing', purpose: 'Sentencing on the s2A file' });
      expect((await api.get(`/history-requests/${mine.body.requestRef}`)).status).toBe(200);
      const colleague = client(cps.url, await tokenFor({ sub: 'cps-lawyer-8', agency: 'cps', role: 'cps', name: 'B. Ansah' }));
      const theirs = await colleague.get(`/history-requests/${mine.body.requestRef}`);
      expect(theirs.status).toBe(404);
      expect(theirs.contentType).toContain('application/problem+json');
      expect(theirs.body.code).toBe((await colleague.get(`/history-requests/${randomUUID()}`)).body.code);
    });

    it('answers bad input with 400 naming the field, an unknown suspect or request with 404', async () => {
      const neither = await api.post('/history-requests', { lawfulBasis: 'sentencing', purpose: 'Sentencing on the file' });
      expect(neither.status).toBe(400);
      expect(neither.contentType).toContain('application/problem+json');
      expect(fields(neither.body)).toEqual(expect.arrayContaining(['body.suspects', 'body.urn']));
      const missing = await api.post('/history-requests', { suspects: [suspect.personId], purpose: 'Charging' });
      expect(missing.status).toBe(400);
      expect(fields(missing.body)).toContain('body.lawfulBasis');
      const wrongType = await api.post('/history-requests', { suspects: suspect.personId, caseRef: 'case 12', lawfulBasis: 'charging_decision', purpose: 'Charging' });
      expect(wrongType.status).toBe(400);
      expect(fields(wrongType.body)).toEqual(expect.arrayContaining(['body.suspects', 'body.caseRef']));
      const unknownSuspect = await api.post('/history-requests', { urn: newUrn(), suspects: [randomUUID()], lawfulBasis: 'charging_decision', purpose: 'Charging decision review' });
      expect(unknownSuspect.status).toBe(404);
      expect(unknownSuspect.contentType).toContain('application/problem+json');
      expect((await api.get(`/history-requests/${randomUUID()}`)).status).toBe(404);
      expect((await api.get('/history-requests/not-a-uuid')).status).toBe(400);
    });

    it('answers an opened history check with the suspect\'s CPS records and nothing about anyone else', async () => {
      const urn = newUrn();
      const about = await api.post('/charging-decisions', { urn, subjects: [{ personId: suspect.personId, role: 'suspect' }], occurredAt: yesterday, outcome: 'more_evidence_needed' });
      const other = await api.post('/bail-conditions', { subjects: [{ personId: bystander.personId, role: 'suspect' }], occurredAt: yesterday, conditions: ['Curfew 7pm to 7am'] });
      expect(other.body.published).toBe(false);
      const request = await api.post('/history-requests', { urn, suspects: [suspect.personId], lawfulBasis: 'charging_decision', purpose: 'Course of conduct review' });
      expect(request.status).toBe(201);
      const requestRef = request.body.requestRef as string;
      await publishAsConference(cps.prefix, createEvent('conference.history_check.opened.v1', {
        occurredAt: new Date(), sharing: 'restricted', audience: [{ role: 'cps' }],
        data: {
          requestRef, urn, suspectTokens: suspect.tokens, victimTokens: [], lawfulBasis: 'charging_decision', purpose: 'Course of conduct review',
          requestedBy: { userId: lawyer.sub }, expiresAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
        },
      }));
      const answer = await topic.waitFor(
        isEvent('cps.research.returned.v1', (e) => e.data.purpose.kind === 'history_check' && e.data.purpose.requestRef === requestRef),
        'research return for the history check',
      );
      const refs = answer.data.records.map((r) => JSON.stringify(r.data));
      expect(refs.some((d) => d.includes(about.body.ref))).toBe(true);
      expect(answer.data.records.every((r) => r.subjects.some((s) => s.tokens.some((t) => suspect.tokens.includes(t))))).toBe(true);
      expect(answer.data.records.map((r) => r.type)).not.toContain('cps.history.requested.v1');
      const whole = JSON.stringify(answer);
      expect(whole).not.toContain(other.body.ref);
      for (const token of bystander.tokens) expect(whole).not.toContain(token);
    });
  });

  it('serves the people and actions routes of the agency kit, and its OpenAPI document', async () => {
    expect((await api.get(`/people/${suspect.personId}`)).body).toMatchObject({ personId: suspect.personId, family: 'Dawson' });
    expect((await api.get(`/people/${randomUUID()}`)).status).toBe(404);
    const actions = await api.get('/actions');
    expect(actions.status).toBe(200);
    expect(actions.body).toEqual([]);
    const doc = await client(cps.url).get('/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining([
      '/history-requests', '/charging-decisions', '/hearings', '/outcomes', '/restraining-orders', '/bail-conditions',
    ]));
  });

  it('refuses callers without a token (401) and users of another agency (403)', async () => {
    const anonymous = client(cps.url);
    expect((await anonymous.get('/charging-decisions/CHG-1')).status).toBe(401);
    const noToken = await anonymous.post('/history-requests', { caseRef, lawfulBasis: 'sentencing', purpose: 'x' });
    expect(noToken.status).toBe(401);
    expect(noToken.contentType).toContain('application/problem+json');
    const officer = client(cps.url, await tokenFor({ sub: 'pc-101', agency: 'police', role: 'police' }));
    const refused = await officer.post('/history-requests', { caseRef, lawfulBasis: 'sentencing', purpose: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.contentType).toContain('application/problem+json');
    expect((await officer.post('/charging-decisions', { subjects: subjects(), occurredAt: yesterday, outcome: 'charge' })).status).toBe(403);
    expect((await officer.get('/actions')).status).toBe(403);
    // The CPS role in another agency's name is still not the CPS.
    const impostor = client(cps.url, await tokenFor({ sub: 'x-1', agency: 'health', role: 'cps' }));
    expect((await impostor.get('/hearings/HRG-1')).status).toBe(403);
  });
});
