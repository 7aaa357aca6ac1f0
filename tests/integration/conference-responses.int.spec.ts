import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AgendaLine, AssignedAction, CaseSummary, CaseViewResponse, ChronologyReport, DecisionRecorded, MeetingView,
} from '@convene/shared/contracts';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { startConference, type RunningConference } from '../support/conference.js';
import { recordCaseFile } from '../support/cpsCaseFile.js';
import { people } from '../support/fixtures.js';
import { eventually, uniqueId } from '../support/infra.js';

// The conference documents its responses with the contracts' schemas (docs/api is generated from them, and the
// web UI types what it reads with them). Nothing checks a response against its schema at run time, so this file
// reads real ones (a case with signals, orders, outlines and records some viewers may not see; a meeting through
// its life; a history check) and parses each with the schema its route documents.

const chair = { sub: 'chair-9', agency: 'conference', role: 'chair', name: 'Sam Chair' } as const;
const officer = { sub: 'pc-310', agency: 'police', role: 'police' } as const;
const lawyer = { sub: 'cps-lawyer-31', agency: 'cps', role: 'cps', name: 'Alex Morgan' } as const;

/**
 * The body, parsed with the schema its route documents: a missing or mistyped field fails the parse, and since
 * parsing drops every field the schema does not name, an undocumented field makes the parsed body differ.
 */
function documented<S extends z.ZodType>(schema: S, res: { status: number; body: unknown }, status = 200): z.infer<S> {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const parsed = schema.safeParse(res.body);
  if (!parsed.success) throw new Error(`the response does not match its documented schema:\n${z.prettifyError(parsed.error)}`);
  expect(parsed.data).toEqual(res.body);
  return parsed.data;
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const dayIn = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('what the conference answers with is what its routes document', () => {
  const prefix = uniqueId('resp');
  let conference: RunningConference;
  let police: RunningAgency;
  let cps: RunningAgency;
  let chairApi: ReturnType<typeof client>;
  let policeApi: ReturnType<typeof client>;
  let caseRef: string;
  let meetingId: string;

  beforeAll(async () => {
    conference = await startConference(prefix);
    police = await startAgency('police', { prefix });
    cps = await startAgency('cps', { prefix });
    chairApi = client(conference.url, await tokenFor(chair));
    policeApi = client(police.url, await tokenFor(officer));
  });

  afterAll(async () => {
    await cps?.stop();
    await police?.stop();
    await conference?.stop();
  });

  it('the case view, as the chair and as members who may not see all of it', async () => {
    const victim = (await policeApi.post('/people', people.victim)).body;
    const suspect = (await policeApi.post('/people', people.suspect)).body;
    const otherVictim = (await policeApi.post('/people', people.bystander)).body;
    const pair = [{ personId: victim.personId, role: 'victim' }, { personId: suspect.personId, role: 'suspect' }];
    for (const [i, behaviours] of [['messages'], ['loitering_home'], ['following', 'approaching'], ['threats']].entries()) {
      const res = await policeApi.post('/incidents', { subjects: pair, occurredAt: daysAgo(40 - 10 * i), behaviours, offenceClass: 'pha_s2', summary: `Incident ${i + 1}` });
      expect(res.status).toBe(201);
    }
    // The suspect's record about another victim: the chair sees it in outline only.
    await policeApi.post('/incidents', {
      subjects: [{ personId: otherVictim.personId, role: 'victim' }, { personId: suspect.personId, role: 'suspect' }],
      occurredAt: daysAgo(200), behaviours: ['calls'], offenceClass: 'pha_s2', summary: 'Elsewhere',
    });
    expect((await policeApi.post('/risk-assessments', { subjects: pair, occurredAt: daysAgo(5), declined: true, victimOwnView: 'high' })).status).toBe(201);
    const spo = await policeApi.post('/spos', { subjects: pair, occurredAt: daysAgo(4), kind: 'interim' });
    expect(spo.status).toBe(201);
    expect((await policeApi.post(`/spos/${spo.body.ref}/grant`, { occurredAt: daysAgo(3), kind: 'interim', conditions: ['No contact with the victim'], expiresOn: dayIn(90) })).status).toBe(201);
    expect((await policeApi.post(`/spos/${spo.body.ref}/breaches`, { occurredAt: daysAgo(2), behaviours: ['messages'] })).status).toBe(201);
    expect((await policeApi.post('/referrals', { subjects: pair, criterion: 'high_risk', reason: 'Escalating course of conduct' })).status).toBe(201);

    caseRef = (await eventually(async () => (await chairApi.get('/cases')).body.find((c: { status: string }) => c.status === 'listed'), { what: 'the case to be listed' })).caseRef;
    // A record for the chair alone, made once the case is listed: the police member sees their own, the CPS member does not.
    expect((await policeApi.post('/incidents', {
      subjects: pair, occurredAt: daysAgo(1), behaviours: ['violence'], offenceClass: 'pha_s4a', summary: 'For the chair', sharing: 'restricted', audience: [{ role: 'chair' }],
    })).status).toBe(201);
    const full = await eventually(async () => {
      const res = await chairApi.get(`/cases/${caseRef}`);
      return res.body?.view?.timeline.filter((e: { kind: string }) => e.kind === 'incident').length === 5 ? res : undefined;
    }, { what: 'every incident in the chair\'s view', timeoutMs: 30_000, intervalMs: 250 });

    const asChair = documented(CaseViewResponse, full);
    expect(asChair.view.elsewhere.length).toBeGreaterThan(0);
    expect(asChair.ordersInForce.map((o) => o.kind)).toEqual(['spo']);
    expect(asChair.view.orders.breaches).toHaveLength(1);
    expect(asChair.signals.map((s) => s.kind)).toEqual(expect.arrayContaining(['behaviour_counts', 'risk_assessment_declined', 'victim_view_higher', 'order_breached']));
    documented(z.array(CaseSummary), await chairApi.get('/cases'));

    const scheduled = documented(MeetingView, await chairApi.post('/meetings', {
      title: 'Stalking clinic', scheduledFor: new Date(Date.now() + 3600_000).toISOString(), agenda: [caseRef],
      members: [{ userId: officer.sub, agency: 'police', role: 'police' }, { userId: lawyer.sub, displayName: lawyer.name, agency: 'cps', role: 'cps' }],
    }), 201);
    meetingId = scheduled.meetingId;

    const asPolice = documented(CaseViewResponse, await client(conference.url, await tokenFor(officer)).get(`/cases/${caseRef}`));
    expect(asPolice.view.elsewhere).toEqual([]);
    const asCps = documented(CaseViewResponse, await client(conference.url, await tokenFor(lawyer)).get(`/cases/${caseRef}`));
    expect(asCps.withheld).toEqual([{ kind: 'incident', agency: 'police', count: 1 }]);
    expect(asCps.view.pending).toEqual([]);
    // The lawyer preparing for a hearing asks what stands on its date: the SPO made 3 days ago stands on a hearing
    // in a month, not on a date before it was granted, nor after it expires; a date that is not one is a 400.
    const lawyerApi = client(conference.url, await tokenFor(lawyer));
    const hearing = documented(CaseViewResponse, await lawyerApi.get(`/cases/${caseRef}?ordersOn=${dayIn(30)}`));
    expect(hearing.ordersOn).toBe(dayIn(30));
    expect(hearing.ordersInForce.map((o) => o.kind)).toEqual(['spo']);
    expect(documented(CaseViewResponse, await lawyerApi.get(`/cases/${caseRef}?ordersOn=${daysAgo(10).slice(0, 10)}`)).ordersInForce).toEqual([]);
    expect(documented(CaseViewResponse, await lawyerApi.get(`/cases/${caseRef}?ordersOn=${dayIn(120)}`)).ordersInForce).toEqual([]);
    const notADay = await lawyerApi.get(`/cases/${caseRef}?ordersOn=next-tuesday`);
    expect(notADay.status).toBe(400);
    expect(JSON.stringify(notADay.body)).toContain('ordersOn');
  });

  it('a meeting through its life, and the chair\'s decisions in it', async () => {
    documented(z.array(MeetingView), await chairApi.get('/meetings'));
    documented(MeetingView, await chairApi.get(`/meetings/${meetingId}`));
    const agenda = documented(z.array(AgendaLine), await chairApi.get(`/meetings/${meetingId}/agenda`));
    expect(agenda.map((l) => l.caseRef)).toEqual([caseRef]);
    documented(MeetingView, await chairApi.post(`/meetings/${meetingId}/members`, { members: [{ userId: officer.sub, agency: 'police', role: 'police' }] }));
    documented(MeetingView, await chairApi.post(`/meetings/${meetingId}/agenda`, { agenda: [caseRef] }));
    expect(documented(MeetingView, await chairApi.post(`/meetings/${meetingId}/start`)).status).toBe('running');
    expect(documented(MeetingView, await chairApi.post(`/meetings/${meetingId}/move`, { position: 0 })).position).toBe(0);
    documented(DecisionRecorded, await chairApi.post(`/cases/${caseRef}/review`, { meetingId, riskDecision: 'high', rationale: 'Escalating fixation', nextReviewOn: dayIn(28) }), 201);
    const action = documented(AssignedAction, await chairApi.post(`/cases/${caseRef}/actions`, { agency: 'police', description: 'Consider a full order', dueOn: dayIn(14), meetingId }), 201);
    const withDecisions = await eventually(async () => {
      const res = await chairApi.get(`/cases/${caseRef}`);
      return res.body?.view?.actions.some((a: { actionId: string }) => a.actionId === action.actionId) && res.body.view.risk.conference ? res : undefined;
    }, { what: 'the decisions in the view' });
    documented(CaseViewResponse, withDecisions);
    expect(documented(MeetingView, await chairApi.post(`/meetings/${meetingId}/end`)).status).toBe('ended');
    documented(DecisionRecorded, await chairApi.post(`/cases/${caseRef}/close`, { reason: 'risk_reduced', retentionDays: 30 }), 201);
  });

  it('a history check\'s chronology, for the lawyer who asked', async () => {
    const cpsApi = client(cps.url, await tokenFor(lawyer));
    const cpsVictim = (await cpsApi.post('/people', people.victim)).body;
    const cpsSuspect = (await cpsApi.post('/people', people.suspect)).body;
    const urn = await recordCaseFile(cpsApi, { victim: cpsVictim.personId, suspect: cpsSuspect.personId });
    const request = await cpsApi.post('/history-requests', { urn, suspects: [cpsSuspect.personId], lawfulBasis: 'charging_decision', purpose: 'Charging decision on a harassment file' });
    expect(request.status).toBe(201);
    const lawyerApi = client(conference.url, await tokenFor(lawyer));
    const answered = await eventually(async () => {
      const res = await lawyerApi.get(`/history-checks/${request.body.requestRef}`);
      return res.status === 200 && res.body.answeredBy.includes('police') ? res : undefined;
    }, { what: 'the police answer in the chronology', timeoutMs: 30_000, intervalMs: 250 });
    const report = documented(ChronologyReport, answered);
    expect(report.entries.length).toBeGreaterThan(0);
  });
});
