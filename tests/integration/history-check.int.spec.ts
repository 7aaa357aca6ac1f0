import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { createEvent, prefixedTopics, type CaseEvent, type EventOfType } from '@convene/shared/contracts';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { startConference, type RunningConference } from '../support/conference.js';
import { newUrn, recordCaseFile } from '../support/cpsCaseFile.js';
import { people } from '../support/fixtures.js';
import { eventually, uniqueId } from '../support/infra.js';
import { readTopic, type TopicReader } from '../support/topicReader.js';

const lawyer = { sub: 'cps-lawyer-12', agency: 'cps', role: 'cps', name: 'Alex Morgan' } as const;
const otherLawyer = { sub: 'cps-lawyer-40', agency: 'cps', role: 'cps', name: 'Jo Patel' } as const;
const officer = { sub: 'pc-301', agency: 'police', role: 'police' } as const;

const PURPOSE = 'Charging decision on a harassment file';

type Person = { personId: string; tokens: string[] };
const isOpened = (requestRef: string) => (e: CaseEvent): e is EventOfType<'conference.history_check.opened.v1'> =>
  e.type === 'conference.history_check.opened.v1' && e.data.requestRef === requestRef;

interface Entry { eventId: string; occurredAt: string; agency: string; type: string; record: string; summary: string; sharing: string }

/** A raw GET, for the downloads the JSON client would mangle. */
async function download(url: string, token: string) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('a CPS history check: asked for at CPS on a suspect of a case file it holds, answered by police, read by the lawyer who asked and nobody else', () => {
  const prefix = uniqueId('hist');
  let conference: RunningConference;
  let police: RunningAgency;
  let cps: RunningAgency;
  let conferenceTopic: TopicReader;
  let lawyerToken: string;
  let cpsApi: ReturnType<typeof client>;
  let cpsVictim: Person;
  let cpsSuspect: Person;
  let urn: string;
  let requestRef: string;
  let entries: Entry[];

  beforeAll(async () => {
    conference = await startConference(prefix);
    police = await startAgency('police', { prefix });
    cps = await startAgency('cps', { prefix });
    conferenceTopic = await readTopic(prefixedTopics(prefix).events.conference);
    lawyerToken = await tokenFor(lawyer);
    cpsApi = client(cps.url, lawyerToken);
  });

  afterAll(async () => {
    await conferenceTopic?.stop();
    await cps?.stop();
    await police?.stop();
    await conference?.stop();
  });

  const checkUrl = (ref: string, suffix = '') => `${conference.url}/history-checks/${ref}${suffix}`;

  it('gathers the police incidents about the suspect into a chronology for the requesting lawyer', async () => {
    const policeApi = client(police.url, await tokenFor(officer));
    const victim = (await policeApi.post('/people', people.victim)).body;
    const suspect = (await policeApi.post('/people', people.suspect)).body;
    const pair = [{ personId: victim.personId, role: 'victim' }, { personId: suspect.personId, role: 'suspect' }];
    for (const [i, behaviours] of [['messages'], ['following', 'approaching']].entries()) {
      const incident = await policeApi.post('/incidents', {
        subjects: pair, occurredAt: new Date(Date.now() - (30 - 10 * i) * 86_400_000).toISOString(), behaviours, offenceClass: 'pha_s2', summary: `Incident ${i + 1}`,
      });
      expect(incident.status).toBe(201);
    }

    cpsVictim = (await cpsApi.post('/people', people.victim)).body;
    cpsSuspect = (await cpsApi.post('/people', people.suspect)).body;
    expect(cpsSuspect.tokens).toEqual(suspect.tokens);
    urn = await recordCaseFile(cpsApi, { victim: cpsVictim.personId, suspect: cpsSuspect.personId });
    const request = await cpsApi.post('/history-requests', { urn, suspects: [cpsSuspect.personId], lawfulBasis: 'charging_decision', purpose: PURPOSE });
    expect(request.status).toBe(201);
    expect(request.body).toMatchObject({ urn, requestRef: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    requestRef = request.body.requestRef;

    const api = client(conference.url, lawyerToken);
    const check = await eventually(async () => {
      const res = await api.get(`/history-checks/${requestRef}`);
      if (res.status !== 200) return undefined;
      const incidents = res.body.entries.filter((e: Entry) => e.type === 'police.incident.recorded.v1');
      return incidents.length === 2 ? res.body : undefined;
    }, { what: 'the police answer in the chronology', timeoutMs: 30_000, intervalMs: 250 });

    expect(check).toMatchObject({
      requestRef, urn, state: 'open', refusal: null, lawfulBasis: 'charging_decision', purposeText: PURPOSE, purpose: `Charging decision: ${PURPOSE}`,
      requestedBy: { userId: lawyer.sub, displayName: lawyer.name }, requester: `${lawyer.name} (${lawyer.sub})`,
      expiresAt: expect.any(String), generatedAt: expect.any(String), withheld: expect.any(Array),
    });
    expect(new Date(check.expiresAt).getTime()).toBeGreaterThan(Date.now());
    entries = check.entries;
    const times = entries.map((e) => new Date(e.occurredAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const e of entries) expect(e).toMatchObject({ agency: expect.any(String), sharing: expect.any(String), summary: expect.any(String) });
    const incidents = entries.filter((e) => e.type === 'police.incident.recorded.v1');
    expect(incidents.map((e) => e.summary)).toEqual(['Incident: messages (PHA s2)', 'Incident: following, approaching (PHA s2)']);
    expect(incidents.every((e) => e.agency === 'police' && e.sharing === 'partnership')).toBe(true);
    expect(JSON.stringify(check)).not.toMatch(/O'Neill|Dawson|Siobh/);

    const audited = await conference.service.auditLog.list({ requestRef, action: 'chronology.read', actorSub: lawyer.sub });
    expect(audited.length).toBeGreaterThan(0);
    expect(audited.every((a) => a.outcome === 'allowed' && a.purpose.kind === 'history_request' && a.purpose.ref === requestRef)).toBe(true);
  });

  it('looks as far back as the lawyer asks, within the partnership\'s agreement; by default, a year', async () => {
    const policeApi = client(police.url, await tokenFor(officer));
    const victim = (await policeApi.post('/people', people.victim)).body;
    const suspect = (await policeApi.post('/people', people.suspect)).body;
    const old = await policeApi.post('/incidents', {
      subjects: [{ personId: victim.personId, role: 'victim' }, { personId: suspect.personId, role: 'suspect' }],
      occurredAt: new Date(Date.now() - 900 * 86_400_000).toISOString(), behaviours: ['calls'], offenceClass: 'pha_s2', summary: 'Calls, two and a half years ago',
    });
    expect(old.status).toBe(201);
    const officerInCase = { name: 'DC Sam Reid', reference: '4471', contact: 'sam.reid@example.police.uk' };
    const ask = async (windowMonths?: number) => {
      const res = await cpsApi.post('/history-requests', { urn, suspects: [cpsSuspect.personId], lawfulBasis: 'sentencing', purpose: PURPOSE, officerInCase, ...(windowMonths ? { windowMonths } : {}) });
      expect(res.status).toBe(201);
      return eventually(async () => {
        const got = await client(conference.url, lawyerToken).get(`/history-checks/${res.body.requestRef}`);
        return got.status === 200 && got.body.answeredBy.includes('police') ? got.body : undefined;
      }, { what: 'the police answer', timeoutMs: 30_000, intervalMs: 250 });
    };
    const longer = await ask(36);
    expect(longer.windowMonths).toBe(36);
    // The officer in the case travels with the check, to the agencies and onto the chronology and its CSV.
    expect(longer.officerInCase).toEqual(officerInCase);
    const opened = await conferenceTopic.waitFor(isOpened(longer.requestRef), 'the longer check opened');
    expect(opened.data.officerInCase).toEqual(officerInCase);
    const csv = (await download(checkUrl(longer.requestRef, '/export.csv'), lawyerToken)).bytes.toString('utf8');
    expect(csv).toContain('Officer in the case,"DC Sam Reid, 4471, sam.reid@example.police.uk"');
    expect(csv).toContain('Looked back,36 months');
    expect(longer.entries.map((e: Entry) => e.summary)).toContain('Incident: calls (PHA s2)');
    const usual = await ask();
    expect(usual.windowMonths).toBeNull();
    expect(usual.entries.map((e: Entry) => e.summary)).not.toContain('Incident: calls (PHA s2)');
    // Beyond the agreement (60 months by default) or not a number of months: refused at CPS, naming the field.
    for (const windowMonths of [61, 0, 1.5]) {
      const refused = await cpsApi.post('/history-requests', { urn, suspects: [cpsSuspect.personId], lawfulBasis: 'sentencing', purpose: PURPOSE, windowMonths });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('windowMonths');
    }
  });

  it('carries the URN, the purpose and the case file\'s victims to the agencies, and audits the opening in the lawyer\'s name', async () => {
    const opened = await conferenceTopic.waitFor(isOpened(requestRef), 'the history check opened');
    expect(opened.data).toMatchObject({
      urn, lawfulBasis: 'charging_decision', purpose: PURPOSE, suspectTokens: cpsSuspect.tokens, victimTokens: cpsVictim.tokens,
      requestedBy: { userId: lawyer.sub },
    });
    const opening = await conference.service.auditLog.list({ requestRef, action: 'history_check.open' });
    expect(opening).toEqual([expect.objectContaining({
      outcome: 'allowed', requestRef, actor: { sub: lawyer.sub, role: 'cps', agency: 'cps' }, purpose: { kind: 'history_request', ref: requestRef },
    })]);
    // The check the audit entry points to holds the lawful basis and purpose it was opened for.
    expect(await conference.service.chronologies.get(requestRef)).toMatchObject({ lawfulBasis: 'charging_decision', purpose: PURPOSE, urn, state: 'open' });
  });

  it('shows the request at CPS to the lawyer who asked, with its URN and the case file\'s victims; to anyone else it does not exist', async () => {
    const own = await cpsApi.get(`/history-requests/${requestRef}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ requestRef, urn, suspectTokens: cpsSuspect.tokens, victimTokens: cpsVictim.tokens, lawfulBasis: 'charging_decision', purpose: PURPOSE });
    const other = client(cps.url, await tokenFor(otherLawyer));
    const notYours = await other.get(`/history-requests/${requestRef}`);
    const unknown = await other.get(`/history-requests/${randomUUID()}`);
    expect(notYours.status).toBe(404);
    expect(notYours.contentType).toContain('application/problem+json');
    expect(notYours.body.code).toBe(unknown.body.code);
    expect(notYours.body.detail.replace(requestRef, 'REF')).toBe(unknown.body.detail.replace(/[0-9a-f-]{36}/, 'REF'));
  });

  it('refuses at CPS a check on someone who is not a suspect in a case file it holds, and on a URN it does not hold, alike', async () => {
    const bystander = (await cpsApi.post('/people', people.bystander)).body as Person;
    const refusals = [
      await cpsApi.post('/history-requests', { urn, suspects: [bystander.personId], lawfulBasis: 'charging_decision', purpose: PURPOSE }),
      await cpsApi.post('/history-requests', { urn, suspects: [cpsVictim.personId], lawfulBasis: 'charging_decision', purpose: PURPOSE }),
      await cpsApi.post('/history-requests', { urn: newUrn(), suspects: [cpsSuspect.personId], lawfulBasis: 'charging_decision', purpose: PURPOSE }),
      await cpsApi.post('/history-requests', { urn: newUrn(), suspects: [bystander.personId], lawfulBasis: 'charging_decision', purpose: PURPOSE }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(res.contentType).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'not_a_suspect_in_case_file', detail: expect.stringMatching(/record the charging decision or hearing with its URN first/) });
    }
    const noUrn = await cpsApi.post('/history-requests', { suspects: [cpsSuspect.personId], lawfulBasis: 'charging_decision', purpose: PURPOSE });
    const spaced = await cpsApi.post('/history-requests', { urn: '42 AB 12345 26', suspects: [cpsSuspect.personId], lawfulBasis: 'charging_decision', purpose: PURPOSE });
    const terse = await cpsApi.post('/history-requests', { urn, suspects: [cpsSuspect.personId], lawfulBasis: 'charging_decision', purpose: 'Check' });
    for (const [res, field] of [[noUrn, 'body.urn'], [spaced, 'body.urn'], [terse, 'body.purpose']] as const) {
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('refuses a check on a conference case that does not exist: at CPS at once, and at the conference too if one gets through', async () => {
    const refusedAtCps = await cpsApi.post('/history-requests', { urn, suspects: [cpsSuspect.personId], caseRef: 'CNV-1999-999999', lawfulBasis: 'bail_application', purpose: 'Bail application on the file tomorrow' });
    expect(refusedAtCps.status).toBe(403);
    expect(refusedAtCps.body).toMatchObject({ code: 'case_not_about_suspect', detail: 'CNV-1999-999999 is not an open conference case about this suspect' });
    // The conference does not rely on CPS for this: a request that reaches it naming an unknown case opens nothing.
    const ref = randomUUID();
    const suspectTokens = (await cpsApi.get(`/people/${cpsSuspect.personId}`)).body.tokens as string[];
    await conference.service.projector().handle([createEvent('cps.history.requested.v1', {
      occurredAt: new Date(), sharing: 'partnership', subject: 'CNV-1999-999999' as never, subjects: [{ role: 'suspect', tokens: suspectTokens }],
      data: {
        requestRef: ref, urn, caseRef: 'CNV-1999-999999' as never, suspectTokens, victimTokens: [], lawfulBasis: 'bail_application',
        purpose: 'Bail application on the file tomorrow', requestedBy: { userId: lawyer.sub, displayName: lawyer.name },
      },
    })]);
    const api = client(conference.url, lawyerToken);
    const refused = await eventually(async () => {
      const res = await api.get(`/history-checks/${ref}`);
      return res.status === 200 ? res.body : undefined;
    }, { what: 'the refused check', timeoutMs: 30_000, intervalMs: 250 });
    expect(refused).toMatchObject({
      requestRef: ref, state: 'refused', caseRef: 'CNV-1999-999999', urn, lawfulBasis: 'bail_application', purposeText: 'Bail application on the file tomorrow',
      refusal: { code: 'case_not_about_suspect', reason: 'CNV-1999-999999 is not a conference case about this suspect.' }, entries: [], answeredBy: [],
    });
    // The refusal is stored instead of a check: nothing is opened for this request, now or later.
    expect(conferenceTopic.events.some(isOpened(ref))).toBe(false);
    const csv = (await download(checkUrl(ref, '/export.csv'), lawyerToken)).bytes.toString('utf8').split('\r\n');
    expect(csv).toContain('Refused,CNV-1999-999999 is not a conference case about this suspect.');
    expect(csv).toContain(`CPS case file (URN),${urn}`);
    const opening = await conference.service.auditLog.list({ requestRef: ref, action: 'history_check.open' });
    expect(opening.map((a) => [a.actor.sub, a.outcome])).toEqual([[lawyer.sub, 'denied']]);
    expect((await client(conference.url, await tokenFor(otherLawyer)).get(`/history-checks/${ref}`)).status).toBe(404);
  });

  it('names the agencies that have answered', async () => {
    const check = await eventually(async () => {
      const res = await client(conference.url, lawyerToken).get(`/history-checks/${requestRef}`);
      return res.status === 200 && res.body.answeredBy.includes('police') ? res.body : undefined;
    }, { what: 'police among the agencies that answered', timeoutMs: 10_000, intervalMs: 250 });
    expect(check.answeredBy).toEqual(expect.arrayContaining(['police']));
  });

  it('downloads the chronology as CSV, heading rows first, then one row per entry', async () => {
    const res = await download(checkUrl(requestRef, '/export.csv'), lawyerToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="history-check-${requestRef}.csv"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const lines = res.bytes.toString('utf8').split('\r\n');
    expect(lines[0]).toBe(`Purpose,Charging decision: ${PURPOSE}`);
    expect(lines[1]).toBe(`Requested by,${lawyer.name} (${lawyer.sub})`);
    expect(lines[2]).toBe('Lawful basis,Charging decision');
    expect(lines[3]).toBe(`CPS case file (URN),${urn}`);
    expect(lines[4]).toMatch(/^Generated,\d{4}-\d{2}-\d{2}T/);
    expect(lines[5]).toMatch(/^Expires,\d{4}-\d{2}-\d{2}T/);
    const header = lines.indexOf('Occurred at,Agency,Record,Material,Summary,Sharing');
    expect(header).toBeGreaterThan(5);
    expect(lines[header - 1]).toBe('');
    const rows = lines.slice(header + 1).filter((l) => l !== '');
    expect(rows).toHaveLength(entries.length);
    expect(rows.filter((r) => r.includes(',Police,incident recorded,evidence,'))).toEqual([
      expect.stringMatching(/,Incident: messages \(PHA s2\),partnership$/),
      expect.stringMatching(/,"Incident: following, approaching \(PHA s2\)",partnership$/),
    ]);
    expect((await conference.service.auditLog.list({ requestRef, action: 'chronology.export.csv' })).map((a) => a.outcome)).toEqual(['allowed']);
  });

  it('downloads the chronology as a PDF that names the requester', async () => {
    const res = await download(checkUrl(requestRef, '/export.pdf'), lawyerToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="history-check-${requestRef}.pdf"`);
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(res.bytes)), { mergePages: true });
    expect(text).toContain('CPS history check');
    expect(text).toContain(`${lawyer.name} (${lawyer.sub})`);
    expect(text).toContain(`Purpose: Charging decision: ${PURPOSE}`);
    expect(text).toContain('Lawful basis: Charging decision');
    expect(text).toContain(`CPS case file (URN): ${urn}`);
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain('Incident: messages (PHA s2)');
    expect((await conference.service.auditLog.list({ requestRef, action: 'chronology.export.pdf' })).map((a) => a.outcome)).toEqual(['allowed']);
  });

  it('downloads the chronology as one accessible HTML page, each entry marked evidence or intelligence', async () => {
    const report = (await client(conference.url, lawyerToken).get(`/history-checks/${requestRef}`)).body as { entries: { type: string; material: string }[] };
    const incidents = report.entries.filter((e) => e.type === 'police.incident.recorded.v1');
    expect(incidents.length).toBeGreaterThan(0);
    expect(new Set(incidents.map((e) => e.material))).toEqual(new Set(['evidence']));
    for (const e of report.entries) if (/^(health|advocacy|conference)\./.test(e.type) || e.type === 'police.risk.assessed.v1') expect(e.material).toBe('intelligence');
    const res = await download(checkUrl(requestRef, '/export.html'), lawyerToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="history-check-${requestRef}.html"`);
    const html = res.bytes.toString('utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html).not.toContain('<script');
    expect(html).toContain('<th scope="col">Material</th>');
    expect(html).toContain(`<dd>${urn}</dd>`);
    expect(html.match(/<tbody>([\s\S]*)<\/tbody>/)![1]!.split('<tr>').length - 1).toBe(report.entries.length);
    expect(html).toContain('<td>Police</td><td>incident recorded</td><td>evidence</td><td>Incident: messages (PHA s2)</td>');
    expect(html.split('OFFICIAL-SENSITIVE').length - 1).toBe(3);
    expect((await conference.service.auditLog.list({ requestRef, action: 'chronology.export.html' })).map((a) => a.outcome)).toEqual(['allowed']);
  });

  it('answers any other lawyer as if the check did not exist, and audits the refusal', async () => {
    const other = client(conference.url, await tokenFor(otherLawyer));
    const unknown = await other.get(`/history-checks/${randomUUID()}`);
    for (const suffix of ['', '/export.csv', '/export.pdf', '/export.html']) {
      const res = await other.get(`/history-checks/${requestRef}${suffix}`);
      expect(res.status).toBe(404);
      expect(res.contentType).toContain('application/problem+json');
      expect(res.body.code).toBe(unknown.body.code);
    }
    const denied = await conference.service.auditLog.list({ requestRef, actorSub: otherLawyer.sub });
    expect(denied.map((a) => [a.action, a.outcome])).toEqual([
      ['chronology.read', 'denied'], ['chronology.export.csv', 'denied'], ['chronology.export.pdf', 'denied'], ['chronology.export.html', 'denied'],
    ]);
    const police = client(conference.url, await tokenFor(officer));
    expect((await police.get(`/history-checks/${requestRef}`)).status).toBe(403);
    expect((await police.get(`/history-checks/${requestRef}/export.csv`)).status).toBe(403);
    expect((await client(conference.url).get(`/history-checks/${requestRef}`)).status).toBe(401);
  });

  it('answers an unknown check with 404 and a malformed reference with 400', async () => {
    const api = client(conference.url, lawyerToken);
    const unknown = await api.get(`/history-checks/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toContain('application/problem+json');
    expect((await api.get(`/history-checks/${randomUUID()}/export.pdf`)).status).toBe(404);
    expect((await api.get('/history-checks/not-a-uuid')).status).toBe(400);
  });

  it('shares in full only records about the case file\'s victim or the suspect alone: another victim\'s records about the suspect stay out', async () => {
    const policeApi = client(police.url, await tokenFor(officer));
    const other = (await policeApi.post('/people', people.bystander)).body;
    const suspect = (await policeApi.post('/people', people.suspect)).body;
    const otherVictims = await policeApi.post('/incidents', {
      subjects: [{ personId: other.personId, role: 'victim' }, { personId: suspect.personId, role: 'suspect' }],
      occurredAt: new Date(Date.now() - 5 * 86_400_000).toISOString(), behaviours: ['threats'], offenceClass: 'pha_s4', summary: 'Another victim: threatened at her door',
    });
    const alone = await policeApi.post('/arrests', { subjects: [{ personId: suspect.personId, role: 'suspect' }], occurredAt: new Date(Date.now() - 4 * 86_400_000).toISOString(), offenceClass: 'pha_s4' });
    expect([otherVictims.status, alone.status]).toEqual([201, 201]);
    const request = await cpsApi.post('/history-requests', { urn, suspects: [cpsSuspect.personId], lawfulBasis: 'charging_decision', purpose: PURPOSE });
    expect(request.status).toBe(201);
    const ref = request.body.requestRef as string;
    const check = await eventually(async () => {
      const res = await client(conference.url, lawyerToken).get(`/history-checks/${ref}`);
      return res.status === 200 && res.body.entries.some((e: Entry) => e.type === 'police.arrest.made.v1') ? res.body : undefined;
    }, { what: 'the police answer with the arrest', timeoutMs: 30_000, intervalMs: 250 });
    const ids = check.entries.map((e: { eventId: string }) => e.eventId);
    expect(ids).toContain(alone.body.eventId);
    expect(ids).not.toContain(otherVictims.body.eventId);
    expect(check.entries.filter((e: Entry) => e.type === 'police.incident.recorded.v1')).toHaveLength(2);
    // The same on every export the lawyer can take away.
    const exports = await Promise.all(['/export.csv', '/export.html'].map(async (suffix) => (await download(checkUrl(ref, suffix), lawyerToken)).bytes.toString('utf8')));
    expect(exports.every((e) => e.length > 0)).toBe(true);
    for (const text of [JSON.stringify(check), ...exports]) {
      expect(text).not.toContain('Another victim');
      expect(text).not.toContain(other.personId);
      for (const token of other.tokens as string[]) expect(text).not.toContain(token);
    }
  });

  it('answers 410 once the check has expired, for reading and for downloads', async () => {
    await conference.runtime.db.collection('chronologies').updateOne({ _id: requestRef as never }, { $set: { expiresAt: new Date(Date.now() - 60_000).toISOString() } });
    const api = client(conference.url, lawyerToken);
    for (const suffix of ['', '/export.csv', '/export.pdf', '/export.html']) {
      const res = await api.get(`/history-checks/${requestRef}${suffix}`);
      expect(res.status).toBe(410);
      expect(res.contentType).toContain('application/problem+json');
      expect(res.body.code).toBe('expired');
    }
    // Another lawyer still learns nothing, not even that it has expired.
    expect((await client(conference.url, await tokenFor(otherLawyer)).get(`/history-checks/${requestRef}`)).status).toBe(404);
  });

  it('lists the four routes in the conference OpenAPI document with their media types', async () => {
    const doc = (await client(conference.url).get('/openapi.json')).body;
    const check = doc.paths['/history-checks/{requestRef}'].get;
    expect(check.responses['200'].content['application/json']).toBeDefined();
    expect(Object.keys(check.responses)).toEqual(expect.arrayContaining(['403', '404', '410']));
    expect(doc.paths['/history-checks/{requestRef}/export.csv'].get.responses['200'].content['text/csv'].schema.type).toBe('string');
    expect(doc.paths['/history-checks/{requestRef}/export.pdf'].get.responses['200'].content['application/pdf'].schema.type).toBe('string');
    expect(doc.paths['/history-checks/{requestRef}/export.html'].get.responses['200'].content['text/html'].schema.type).toBe('string');
  });
});
