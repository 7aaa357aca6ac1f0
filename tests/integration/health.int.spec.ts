import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, prefixedTopics, type CaseEvent, type CaseRef, type EventOfType } from '@convene/shared/contracts';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { readTopic, type TopicReader } from '../support/topicReader.js';
import { caseListed, newCaseRef, people, publishAsConference } from '../support/fixtures.js';

const worker = { sub: 'hw-201', agency: 'health', role: 'health', name: 'Nurse Ahmed' } as const;
const guardian = { sub: 'cg-1', agency: 'health', role: 'caldicott', name: 'Dr Patel' } as const;

const CATEGORY_SYSTEM = 'https://convene.example/fhir/CodeSystem/concern-category';
const SEVERITY_EXTENSION = 'https://convene.example/fhir/StructureDefinition/concern-severity';

/** Clinical detail in each concern: it must never appear on the bus except in a disclosed decision. */
const marker = randomUUID().slice(0, 8);
const DETAIL = `Clinical note ${marker}: bruising to both wrists; patient says her ex-partner waits outside the clinic`;
const FHIR_DETAIL = `Clinical note ${marker}-fhir: patient anxious, not sleeping, reports being followed home`;

function disclosureRequested(caseRef: CaseRef, concernRef: string, requestRef = randomUUID()) {
  return createEvent('conference.disclosure.requested.v1', {
    occurredAt: new Date(), sharing: 'partnership', subject: caseRef,
    data: { requestRef, caseRef, concernRef, requestedBy: { userId: 'chair-1', displayName: 'DI Khan' }, reason: 'Risk to life; the meeting needs the injury detail', proposedAudience: [{ agency: 'police' }] },
  });
}

describe('health service on the real stack', () => {
  let health: RunningAgency;
  let api: ReturnType<typeof client>;
  let caldicott: ReturnType<typeof client>;
  let workerToken: string;
  let topic: TopicReader;
  let victim: { personId: string; tokens: string[] };
  let suspect: { personId: string; tokens: string[] };
  const caseRef = newCaseRef();

  beforeAll(async () => {
    health = await startAgency('health');
    workerToken = await tokenFor(worker);
    api = client(health.url, workerToken);
    caldicott = client(health.url, await tokenFor(guardian));
    topic = await readTopic(prefixedTopics(health.prefix).events.health);
    victim = (await api.post('/people', people.victim)).body;
    suspect = (await api.post('/people', people.suspect)).body;
    await publishAsConference(health.prefix, caseListed(caseRef, [
      { role: 'victim', tokens: victim.tokens }, { role: 'suspect', tokens: suspect.tokens },
    ]));
    await topic.waitFor((e) => e.type === 'health.research.returned.v1', 'research return for the listing');
  });

  afterAll(async () => {
    await topic?.stop();
    await health?.stop();
  });

  const isEvent = <T extends CaseEvent['type']>(type: T, pred: (e: EventOfType<T>) => boolean = () => true) =>
    (e: CaseEvent): e is EventOfType<T> => e.type === type && pred(e as EventOfType<T>);
  const concernBody = (overrides: Record<string, unknown> = {}) => ({
    subjects: [{ personId: victim.personId, role: 'victim' }, { personId: suspect.personId, role: 'suspect' }],
    occurredAt: '2026-11-08T14:00:00Z', subjectRole: 'victim', category: 'injury', severity: 'high',
    contact: { service: 'Leeds Teaching Hospitals safeguarding', telephone: '0113 243 3144' }, detail: DETAIL, ...overrides,
  });
  const flag = (overrides: Record<string, unknown> = {}) => ({
    resourceType: 'Flag', status: 'active',
    code: { coding: [{ system: CATEGORY_SYSTEM, code: 'psychological_distress' }], text: FHIR_DETAIL },
    subject: { reference: `Patient/${victim.personId}` },
    extension: [{ url: SEVERITY_EXTENSION, valueCode: 'medium' }],
    author: { display: 'St James\'s ED' },
    period: { start: '2026-11-09T08:30:00Z' },
    ...overrides,
  });
  async function postFhir(body: unknown, contentType = 'application/fhir+json') {
    const res = await fetch(`${health.url}/fhir/Flag`, {
      method: 'POST', headers: { authorization: `Bearer ${workerToken}`, 'content-type': contentType }, body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any, contentType: res.headers.get('content-type') ?? '' };
  }
  async function flagConcern(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await api.post('/concerns', concernBody(overrides));
    expect(res.status).toBe(201);
    return res.body.ref;
  }

  describe('concerns', () => {
    it('publishes only the minimal flag about a listed victim and keeps the clinical detail at home', async () => {
      const res = await api.post('/concerns', concernBody());
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ caseRef, published: true });
      const event = await topic.waitFor(isEvent('health.concern.flagged.v1', (e) => e.data.concernRef === res.body.ref), 'concern flag');
      expect(event).toMatchObject({ subject: caseRef, sharing: 'partnership', legalbasis: 'uk-gdpr-art-6-1-e+art-9-2-h', occurredat: '2026-11-08T14:00:00Z' });
      expect(event.data).toEqual({
        concernRef: res.body.ref, subjectRole: 'victim', category: 'injury', severity: 'high',
        contact: { service: 'Leeds Teaching Hospitals safeguarding', telephone: '0113 243 3144' },
      });
      expect(JSON.stringify(event)).not.toContain(marker);
      for (const reader of [api, caldicott]) {
        const held = await reader.get(`/concerns/${res.body.ref}`);
        expect(held.status).toBe(200);
        expect(held.body).toMatchObject({ concernRef: res.body.ref, detail: DETAIL, status: 'open', source: 'api', category: 'injury' });
      }
    });

    it('updates and resolves a concern, refusing a no-op, and any change once resolved', async () => {
      const ref = await flagConcern();
      expect((await api.post(`/concerns/${ref}/update`, { severity: 'high' })).status).toBe(409);
      const updated = await api.post(`/concerns/${ref}/update`, { severity: 'medium', category: 'injury' });
      expect(updated.status).toBe(201);
      const updateEvent = await topic.waitFor(isEvent('health.concern.updated.v1', (e) => e.data.concernRef === ref), 'concern update');
      expect(updateEvent.data).toEqual({ concernRef: ref, severity: 'medium' });
      expect((await api.get(`/concerns/${ref}`)).body).toMatchObject({ severity: 'medium', category: 'injury' });
      const resolved = await api.post(`/concerns/${ref}/resolve`, { resolution: 'transferred' });
      expect(resolved.status).toBe(201);
      await topic.waitFor(isEvent('health.concern.resolved.v1', (e) => e.data.concernRef === ref && e.data.resolution === 'transferred'), 'concern resolved');
      const again = await api.post(`/concerns/${ref}/resolve`, { resolution: 'transferred' });
      expect(again.status).toBe(409);
      expect(again.contentType).toContain('application/problem+json');
      expect(again.body.code).toBe('concern_resolved');
      expect((await api.post(`/concerns/${ref}/update`, { severity: 'low' })).status).toBe(409);
      expect((await api.get(`/concerns/${ref}`)).body).toMatchObject({ status: 'resolved', resolution: 'transferred' });
    });

    it('answers bad concern input with problem+json naming the field, unknown ids with 404', async () => {
      const { category: _c, ...noCategory } = concernBody();
      const missing = await api.post('/concerns', noCategory);
      expect(missing.status).toBe(400);
      expect(missing.contentType).toContain('application/problem+json');
      expect(missing.body.errors).toContainEqual(expect.objectContaining({ field: 'body.category' }));
      const wrongType = await api.post('/concerns', concernBody({ severity: 3, contact: 'ED' }));
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['body.severity', 'body.contact']));
      expect((await api.post('/concerns', concernBody({ detail: 'x'.repeat(4001) }))).body.errors[0].field).toBe('body.detail');
      expect((await api.post('/concerns', concernBody({ subjectRole: 'child' }))).body.errors[0].field).toBe('body.subjectRole');
      const unknownPerson = await api.post('/concerns', concernBody({ subjects: [{ personId: randomUUID(), role: 'victim' }] }));
      expect(unknownPerson.status).toBe(404);

      expect((await api.get('/concerns/CON-NOPE')).status).toBe(404);
      expect((await api.get('/concerns/bad%20ref')).body.errors[0].field).toBe('path.concernRef');

      const noChange = await api.post('/concerns/CON-NOPE/update', {});
      expect(noChange.status).toBe(400);
      expect(noChange.body.errors[0].field).toBe('body.category');
      expect((await api.post('/concerns/CON-NOPE/update', { severity: 5 })).body.errors[0].field).toBe('body.severity');
      expect((await api.post('/concerns/CON-NOPE/update', { severity: 'low' })).status).toBe(404);

      expect((await api.post('/concerns/CON-NOPE/resolve', {})).body.errors[0].field).toBe('body.resolution');
      expect((await api.post('/concerns/CON-NOPE/resolve', { resolution: 7 })).status).toBe(400);
      const unknown = await api.post('/concerns/CON-NOPE/resolve', { resolution: 'transferred' });
      expect(unknown.status).toBe(404);
      expect(unknown.contentType).toContain('application/problem+json');
    });
  });

  describe('FHIR Flag', () => {
    it('accepts a Flag as application/fhir+json, echoes it with the concern reference and publishes the mapped flag', async () => {
      const res = await postFhir(flag());
      expect(res.status).toBe(201);
      expect(res.contentType).toContain('application/fhir+json');
      expect(res.body).toMatchObject({ resourceType: 'Flag', status: 'active', code: flag().code, subject: flag().subject });
      const concernRef = res.body.id as string;
      expect(concernRef).toMatch(/^CON-/);
      const event = await topic.waitFor(isEvent('health.concern.flagged.v1', (e) => e.data.concernRef === concernRef), 'FHIR concern flag');
      expect(event).toMatchObject({ subject: caseRef, occurredat: '2026-11-09T08:30:00Z' });
      expect(event.data).toEqual({ concernRef, subjectRole: 'victim', category: 'psychological_distress', severity: 'medium', contact: { service: 'St James\'s ED' } });
      expect(event.subjects).toEqual([{ role: 'victim', tokens: victim.tokens }]);
      expect((await api.get(`/concerns/${concernRef}`)).body).toMatchObject({ source: 'fhir', detail: FHIR_DETAIL, severity: 'medium' });
    });

    it('accepts application/json too, and refuses other media types with 415', async () => {
      const asJson = await api.post('/fhir/Flag', flag({ subject: { reference: `Person/${suspect.personId}` } }));
      expect(asJson.status).toBe(201);
      const text = await fetch(`${health.url}/fhir/Flag`, { method: 'POST', headers: { authorization: `Bearer ${workerToken}`, 'content-type': 'text/plain' }, body: 'Flag' });
      expect(text.status).toBe(415);
      expect(await text.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported' }] });
    });

    it.each([
      ['a missing code', () => { const { code: _c, ...f } = flag(); return f; }, 'required', 'Flag.code'],
      ['the wrong resourceType', () => flag({ resourceType: 'Observation' }), 'invalid', 'Flag.resourceType'],
      ['a status outside the value set', () => flag({ status: 'open' }), 'invalid', 'Flag.status'],
      ['an element Flag does not have', () => flag({ note: [{ text: 'x' }] }), 'structure', 'Flag.note'],
      ['a category code outside the code system', () => flag({ code: { coding: [{ system: CATEGORY_SYSTEM, code: 'sadness' }] } }), 'invalid', 'Flag.code.coding[0].code'],
      ['no severity extension', () => flag({ extension: [] }), 'required', 'Flag.extension'],
    ])('refuses %s with a 400 OperationOutcome naming the path', async (_what, body, code, expression) => {
      const res = await postFhir(body());
      expect(res.status).toBe(400);
      expect(res.contentType).toContain('application/fhir+json');
      expect(res.body.resourceType).toBe('OperationOutcome');
      expect(res.body.issue).toContainEqual(expect.objectContaining({ severity: 'error', code, expression: [expression], diagnostics: expect.any(String) }));
    });

    it('finds the person a hospital names by NHS number or by a contained Patient, adds one it has not met, and never guesses between two', async () => {
      // The victim was recorded here as "Siobhán O'Neill", NHS number 943 476 5919.
      const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
      const byNhs = await postFhir(flag({ subject: { identifier: { system: NHS, value: '9434765919' } } }));
      expect(byNhs.status).toBe(201);
      const nhsEvent = await topic.waitFor(isEvent('health.concern.flagged.v1', (e) => e.data.concernRef === byNhs.body.id), 'flag by NHS number');
      expect(nhsEvent.subjects).toEqual([{ role: 'victim', tokens: victim.tokens }]);
      // The hospital spells her name without the accent or apostrophe, and sends no NHS number.
      const patient = { resourceType: 'Patient', id: 'pt', name: [{ use: 'official', given: ['Siobhan'], family: 'ONeill' }], birthDate: '1988-04-12' };
      const byName = await postFhir(flag({ contained: [patient], subject: { reference: '#pt' } }));
      expect(byName.status).toBe(201);
      const nameEvent = await topic.waitFor(isEvent('health.concern.flagged.v1', (e) => e.data.concernRef === byName.body.id), 'flag by contained Patient');
      expect(nameEvent.subjects).toEqual([{ role: 'victim', tokens: victim.tokens }]);
      // Someone not held yet: added from the Patient, with the NHS number it gives.
      const stranger = { resourceType: 'Patient', id: 'new', identifier: [{ system: NHS, value: '401 023 2137' }], name: [{ given: ['Amira'], family: 'Haddad' }], birthDate: '1995-01-20' };
      const added = await postFhir(flag({ contained: [stranger], subject: { reference: '#new' } }));
      expect(added.status).toBe(201);
      const again = await postFhir(flag({ subject: { identifier: { system: NHS, value: '4010232137' } } }));
      expect(again.status).toBe(201);
      // Not on any listing, so not published: the concerns as the health service holds them.
      const [first, second] = await Promise.all([added, again].map(async (r) => (await api.get(`/concerns/${r.body.id}`)).body as { subjects: { tokens: string[] }[] }));
      expect(second!.subjects).toEqual(first!.subjects);
      expect(first!.subjects[0]!.tokens).toHaveLength(2);
      expect(first!.subjects[0]!.tokens.some((t) => victim.tokens.includes(t))).toBe(false);
      // An NHS number nobody here holds cannot make a person (no name, no birth date).
      const unknown = await postFhir(flag({ subject: { identifier: { system: NHS, value: '9876543210' } } }));
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-found' }] });
      // Two people held with the same name and birth date: refused, not guessed.
      for (const _ of [1, 2]) expect((await api.post('/people', { given: 'Sam', family: 'Twin', dateOfBirth: '2001-03-03' })).status).toBe(201);
      const twin = { resourceType: 'Patient', id: 't', name: [{ given: ['Sam'], family: 'Twin' }], birthDate: '2001-03-03' };
      const ambiguous = await postFhir(flag({ contained: [twin], subject: { reference: '#t' } }));
      expect(ambiguous.status).toBe(409);
      expect(ambiguous.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'multiple-matches' }] });
    });

    it('answers a Flag about a person this service does not hold with a 404 OperationOutcome', async () => {
      const res = await postFhir(flag({ subject: { reference: `Patient/${randomUUID()}` } }));
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-found', expression: ['Flag.subject.reference'] }] });
    });
  });

  describe('Caldicott disclosure', () => {
    let concernRef: string;
    const disclosedRef = randomUUID();
    const refusedRef = randomUUID();

    beforeAll(async () => {
      concernRef = await flagConcern();
    });

    it('queues a request once, acknowledges it on the bus, and shows it to the guardian only', async () => {
      const request = disclosureRequested(caseRef, concernRef, disclosedRef);
      await publishAsConference(health.prefix, request);
      await publishAsConference(health.prefix, request); // redelivered
      await publishAsConference(health.prefix, disclosureRequested(caseRef, concernRef, refusedRef));
      const ack = await topic.waitFor(isEvent('health.disclosure.requested.v1', (e) => e.data.requestRef === disclosedRef), 'disclosure acknowledgement');
      expect(ack).toMatchObject({ subject: caseRef, sharing: 'partnership', data: { concernRef, caseRef, requestedBy: { userId: 'chair-1' } } });
      // Same case, same partition: once the later request is acknowledged, the redelivery has been handled.
      await topic.waitFor(isEvent('health.disclosure.requested.v1', (e) => e.data.requestRef === refusedRef), 'second acknowledgement');
      expect(topic.events.filter(isEvent('health.disclosure.requested.v1', (e) => e.data.requestRef === disclosedRef))).toHaveLength(1);

      const queue = await caldicott.get('/disclosure-requests');
      expect(queue.status).toBe(200);
      expect(queue.body.filter((r: { requestRef: string }) => r.requestRef === disclosedRef)).toHaveLength(1);
      expect(queue.body.find((r: { requestRef: string }) => r.requestRef === disclosedRef)).toMatchObject({ status: 'pending', concernRef, caseRef, proposedAudience: [{ agency: 'police' }] });
      expect((await api.get('/disclosure-requests')).status).toBe(403);
    });

    it('refuses a decision by a health worker with 403', async () => {
      const res = await api.post(`/disclosure-requests/${disclosedRef}/decide`, { decision: 'refused', reason: 'Not my call' });
      expect(res.status).toBe(403);
      expect(res.contentType).toContain('application/problem+json');
    });

    it('discloses the stored detail to the named audience only, once', async () => {
      const audience = [{ agency: 'police' }, { role: 'chair' }];
      const res = await caldicott.post(`/disclosure-requests/${disclosedRef}/decide`, { decision: 'disclosed', reason: 'Necessary to protect the victim from serious harm', audience, legalGateway: 'safeguarding_individual_at_risk' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ ref: disclosedRef, caseRef, published: true });
      const event = await topic.waitFor(isEvent('health.disclosure.decided.v1', (e) => e.data.requestRef === disclosedRef), 'disclosure decision');
      expect(event).toMatchObject({ subject: caseRef, sharing: 'restricted', audience });
      expect(event.data).toMatchObject({ decision: 'disclosed', concernRef, detail: DETAIL, legalGateway: 'safeguarding_individual_at_risk', decidedBy: { userId: 'cg-1', displayName: 'Dr Patel' } });

      const twice = await caldicott.post(`/disclosure-requests/${disclosedRef}/decide`, { decision: 'refused', reason: 'Changed my mind' });
      expect(twice.status).toBe(409);
      expect(twice.contentType).toContain('application/problem+json');
      expect((await caldicott.get(`/disclosure-requests/${disclosedRef}`)).body).toMatchObject({ status: 'disclosed', decision: { audience, eventId: event.id } });
    });

    it('refuses as partnership business, carrying no detail; decided requests list after pending ones', async () => {
      const pending = disclosureRequested(caseRef, concernRef);
      await publishAsConference(health.prefix, pending);
      await topic.waitFor(isEvent('health.disclosure.requested.v1', (e) => e.data.requestRef === pending.data.requestRef), 'third acknowledgement');

      const res = await caldicott.post(`/disclosure-requests/${refusedRef}/decide`, { decision: 'refused', reason: 'Not necessary or proportionate' });
      expect(res.status).toBe(201);
      const event = await topic.waitFor(isEvent('health.disclosure.decided.v1', (e) => e.data.requestRef === refusedRef), 'refusal');
      expect(event.sharing).toBe('partnership');
      expect(event).not.toHaveProperty('audience');
      expect(event.data).not.toHaveProperty('detail');
      expect(event.data).toMatchObject({ decision: 'refused', reason: 'Not necessary or proportionate' });

      const queue = (await caldicott.get('/disclosure-requests')).body as { requestRef: string; status: string }[];
      expect(queue.map((r) => r.status)).toEqual(['pending', 'disclosed', 'refused']);
      expect(queue[0]?.requestRef).toBe(pending.data.requestRef);
      expect((await caldicott.get('/disclosure-requests?status=refused')).body.map((r: { requestRef: string }) => r.requestRef)).toEqual([refusedRef]);
    });

    it('answers bad decisions with problem+json naming the field, unknown requests with 404', async () => {
      const missing = await caldicott.post(`/disclosure-requests/${randomUUID()}/decide`, { reason: 'x' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toContainEqual(expect.objectContaining({ field: 'body.decision' }));
      const wrongType = await caldicott.post(`/disclosure-requests/${randomUUID()}/decide`, { decision: 'disclosed', reason: 12, audience: [{ agency: 'police' }] });
      expect(wrongType.body.errors).toContainEqual(expect.objectContaining({ field: 'body.reason' }));
      const noAudience = await caldicott.post(`/disclosure-requests/${randomUUID()}/decide`, { decision: 'disclosed', reason: 'x' });
      expect(noAudience.body.errors).toContainEqual(expect.objectContaining({ field: 'body.audience' }));
      expect(noAudience.body.errors).toContainEqual(expect.objectContaining({ field: 'body.legalGateway' }));
      const refusalWithGateway = await caldicott.post(`/disclosure-requests/${randomUUID()}/decide`, { decision: 'refused', reason: 'x', legalGateway: 'court_order' });
      expect(refusalWithGateway.body.errors).toContainEqual(expect.objectContaining({ field: 'body.legalGateway' }));
      const unknownGateway = await caldicott.post(`/disclosure-requests/${randomUUID()}/decide`, { decision: 'disclosed', reason: 'x', audience: [{ agency: 'police' }], legalGateway: 'because' });
      expect(unknownGateway.body.errors).toContainEqual(expect.objectContaining({ field: 'body.legalGateway' }));
      expect((await caldicott.post('/disclosure-requests/not-a-uuid/decide', { decision: 'refused', reason: 'x' })).body.errors[0].field).toBe('path.requestRef');
      const unknown = await caldicott.post(`/disclosure-requests/${randomUUID()}/decide`, { decision: 'refused', reason: 'x' });
      expect(unknown.status).toBe(404);
      expect(unknown.contentType).toContain('application/problem+json');
      expect((await caldicott.get(`/disclosure-requests/${randomUUID()}`)).status).toBe(404);
      expect((await caldicott.get('/disclosure-requests?status=lost')).body.errors[0].field).toBe('query.status');
    });
  });

  it('audits every read of clinical detail inside health: who read which concern or request, and for what', async () => {
    const concernRef = await flagConcern();
    const requestRef = randomUUID();
    await publishAsConference(health.prefix, disclosureRequested(caseRef, concernRef, requestRef));
    await topic.waitFor(isEvent('health.disclosure.requested.v1', (e) => e.data.requestRef === requestRef), 'acknowledgement of the audited request');
    const seqBefore = Math.max(0, ...(await health.kit.audit.log.list({ limit: 1000 })).map((e) => e.seq));

    const concern = await api.get(`/concerns/${concernRef}?caseRef=${caseRef}`);
    expect(concern.status).toBe(200);
    expect(concern.body.detail).toBe(DETAIL);
    expect((await api.get(`/concerns/${concernRef}`)).status).toBe(200);
    expect((await caldicott.get(`/disclosure-requests/${requestRef}`)).body).toMatchObject({ requestRef, concernRef });
    expect((await caldicott.get('/disclosure-requests?status=pending')).status).toBe(200);
    // A read refused or of nothing shows no clinical detail, and is not a read of a record.
    expect((await api.get(`/disclosure-requests/${requestRef}`)).status).toBe(403);
    expect((await caldicott.get(`/disclosure-requests/${randomUUID()}`)).status).toBe(404);

    const reads = (await health.kit.audit.log.list({ limit: 1000 })).filter((e) => e.seq > seqBefore);
    const about = (e: (typeof reads)[number]) => [e.actor.sub, e.action, e.record ?? null, e.purpose, e.requestRef ?? null];
    expect(reads.map(about)).toEqual([
      [worker.sub, 'get_concern', { kind: 'concern', ref: concernRef }, { kind: 'case', ref: caseRef }, null],
      [worker.sub, 'get_concern', { kind: 'concern', ref: concernRef }, { kind: 'casework' }, null],
      [guardian.sub, 'get_disclosure_request', { kind: 'disclosure_request', ref: requestRef }, { kind: 'disclosure_request', ref: requestRef }, requestRef],
      [guardian.sub, 'list_disclosure_requests', null, { kind: 'casework' }, null],
    ]);
    expect(reads.every((e) => e.outcome === 'allowed' && e.actor.agency === 'health')).toBe(true);
    await expect(health.kit.audit.log.verify()).resolves.toMatchObject({ ok: true });
  });

  it('answers a research reminder for a listing it holds and has not answered, and only once', async () => {
    const remindedCase = newCaseRef();
    // The listing reached health but its answer did not (as after a crash before the answer was written).
    await health.kit.listings.open(remindedCase, [{ role: 'victim', tokens: victim.tokens }, { role: 'suspect', tokens: suspect.tokens }], new Date());
    const reminder = (agencies: ('health' | 'police')[]) => createEvent('conference.research.reminded.v1', {
      occurredAt: new Date(), sharing: 'partnership', subject: remindedCase, data: { caseRef: remindedCase, agencies, remindedBy: { userId: 'chair-1' } },
    });
    await publishAsConference(health.prefix, reminder(['police']));
    await publishAsConference(health.prefix, reminder(['health']));
    const answered = await topic.waitFor(isEvent('health.research.returned.v1', (e) => e.subject === remindedCase), 'the research return the reminder asked for');
    expect(answered.data.purpose).toEqual({ kind: 'listing', caseRef: remindedCase });
    expect(answered.data.records.length).toBeGreaterThan(0);
    // Reminded again, it has answered already: the same return is not published twice.
    await publishAsConference(health.prefix, reminder(['health']));
    const later = newCaseRef();
    await publishAsConference(health.prefix, caseListed(later, [{ role: 'victim', tokens: victim.tokens }]));
    await topic.waitFor(isEvent('health.research.returned.v1', (e) => e.subject === later), 'a later listing\'s return, after the second reminder');
    expect(topic.events.filter(isEvent('health.research.returned.v1', (e) => e.subject === remindedCase))).toHaveLength(answered.data.part.total);
  });

  it('refers a case with a health criterion only', async () => {
    const subjects = [{ personId: victim.personId, role: 'victim' }];
    expect((await api.post('/referrals', { subjects, criterion: 'escalation', reason: 'x' })).body.errors[0].field).toBe('body.criterion');
    const res = await api.post('/referrals', { subjects, criterion: 'health_concern', reason: 'Injuries consistent with assault; fixated ex-partner' });
    expect(res.status).toBe(201);
    await topic.waitFor(isEvent('health.referral.made.v1', (e) => e.data.referralRef === res.body.ref), 'referral');
  });

  it('lets only its own people in: another agency gets 403, no token gets 401', async () => {
    const officer = client(health.url, await tokenFor({ sub: 'pc-1', agency: 'police', role: 'police' }));
    expect((await officer.post('/concerns', concernBody())).status).toBe(403);
    expect((await officer.post('/fhir/Flag', flag())).status).toBe(403);
    expect((await officer.get('/disclosure-requests')).status).toBe(403);
    expect((await officer.get('/concerns/CON-NOPE')).status).toBe(403);
    expect((await caldicott.post('/concerns', concernBody())).status).toBe(403);
    const anonymous = client(health.url);
    for (const [method, path] of [['post', '/concerns'], ['get', '/concerns/CON-NOPE'], ['post', '/concerns/CON-NOPE/update'], ['post', '/concerns/CON-NOPE/resolve'],
      ['post', '/fhir/Flag'], ['get', '/disclosure-requests'], ['post', `/disclosure-requests/${randomUUID()}/decide`]] as const) {
      const res = method === 'get' ? await anonymous.get(path) : await anonymous.post(path, {});
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it('documents its API, the FHIR endpoint and the Caldicott decision included', async () => {
    const res = await client(health.url).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/concerns', '/concerns/{concernRef}', '/fhir/Flag', '/disclosure-requests', '/disclosure-requests/{requestRef}/decide', '/referrals', '/people']));
    expect(res.body.paths['/fhir/Flag'].post.requestBody.content['application/json'].schema.properties.resourceType).toMatchObject({ const: 'Flag' });
  });

  it('never puts clinical detail on the bus except in a disclosed decision, research returns included', async () => {
    const relisted = newCaseRef();
    await publishAsConference(health.prefix, caseListed(relisted, [{ role: 'victim', tokens: victim.tokens }]));
    const research = await topic.waitFor(isEvent('health.research.returned.v1', (e) => e.subject === relisted), 'research return with the concerns');
    expect(research.data.records.filter((r) => r.type === 'health.concern.flagged.v1').length).toBeGreaterThanOrEqual(4);
    let disclosed = 0;
    for (const message of topic.raw) {
      const json = message.value!.toString();
      const event = JSON.parse(json) as CaseEvent;
      if (event.type === 'health.disclosure.decided.v1' && event.data.decision === 'disclosed') {
        disclosed++;
        expect(event.sharing).toBe('restricted');
        expect(json).toContain(marker);
      } else {
        expect(json, event.type).not.toContain(marker);
      }
    }
    expect(disclosed).toBe(1);
  });
});
