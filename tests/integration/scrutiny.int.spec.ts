import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordEvent, prefixedTopics, type CaseEvent } from '@convene/shared/contracts';
import { mountRoutes } from '@convene/shared/http';
import { createBaseApp } from '@convene/shared/runtime';
import { addMonths, daysBetween, median, monthOf, monthWindow, periodLabel, type StatisticCell } from '@convene/shared/statistics';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { startConference, type RunningConference } from '../support/conference.js';
import { dashAnswers } from '../support/fixtures.js';
import { newUrn } from '../support/cpsCaseFile.js';
import { eventually, testLogger, uniqueId } from '../support/infra.js';
import { readTopic, type TopicReader } from '../support/topicReader.js';
import { gradeDash, type DashAnswers } from '../../services/police/src/domain/dash.js';
import { conferencePolicy } from '../../services/conference/src/domain/policy.js';
import { scrutinyRoutes } from '../../services/conference/src/http/scrutiny.js';

const officer = { sub: 'pc-501', agency: 'police', role: 'police' } as const;
const lawyer = { sub: 'cps-501', agency: 'cps', role: 'cps' } as const;
const clinician = { sub: 'hw-501', agency: 'health', role: 'health' } as const;
const advocate = { sub: 'isac-501', agency: 'advocacy', role: 'advocate' } as const;
const chair = { sub: 'chair-501', agency: 'conference', role: 'chair' } as const;
const panel = { sub: 'panel-501', agency: 'conference', role: 'scrutiny' } as const;

type Api = ReturnType<typeof client>;
const AGENCIES = ['police', 'cps', 'health', 'advocacy'] as const;

// Everything is seeded in the current month: reclassifications, referrals and the conference's own records
// are stamped "now" by the services, so that is the only month all of them can share.
const MONTH = monthOf(new Date());
const at = () => new Date(Math.max(Date.now() - 60_000, monthWindow(MONTH).from.getTime() + 1000)).toISOString();

const n = (value: number): Pick<StatisticCell, 'value' | 'suppressed'> => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true } as const;
const cell = (measure: string, v: Pick<StatisticCell, 'value' | 'suppressed'>, breakdown?: string): StatisticCell => ({ measure, ...(breakdown ? { breakdown } : {}), ...v });

describe('partnership scrutiny: monthly de-identified figures from every agency and the conference', () => {
  const prefix = uniqueId('scrutiny');
  const running: Record<string, RunningAgency> = {};
  let conference: RunningConference;
  let api: Record<(typeof AGENCIES)[number] | 'chair' | 'panel', Api>;
  let scrutinyUrl: string;
  let sideServer: Server | undefined;
  const readers: TopicReader[] = [];
  const personIds: string[] = [];
  const personTokens: string[] = [];
  const names: string[] = [];
  let caseRefs: string[] = [];
  let meetingId: string;
  let firstPoliceEventId: string;
  const grade = gradeDash(dashAnswers(3) as DashAnswers).grade;

  /** A distinct person per `i`, known by name and date of birth only, so no two share a link token. */
  async function person(agencyApi: Api, i: number, given: string) {
    const p = { given, family: `Scrutinee${'abcdefghijklmnop'[i]}`, dateOfBirth: `19${70 + i}-0${1 + (i % 9)}-1${i % 10}` };
    const res = await agencyApi.post('/people', p);
    expect(res.status).toBe(201);
    personIds.push(res.body.personId);
    personTokens.push(...res.body.tokens);
    names.push(p.given, p.family);
    return res.body as { personId: string; tokens: string[] };
  }

  beforeAll(async () => {
    conference = await startConference(prefix);
    const started = await Promise.all(AGENCIES.map((a) => startAgency(a, { prefix })));
    AGENCIES.forEach((a, i) => { running[a] = started[i]!; });
    api = {
      police: client(running.police!.url, await tokenFor(officer)),
      cps: client(running.cps!.url, await tokenFor(lawyer)),
      health: client(running.health!.url, await tokenFor(clinician)),
      advocacy: client(running.advocacy!.url, await tokenFor(advocate)),
      chair: client(conference.url, await tokenFor(chair)),
      panel: client(conference.url, await tokenFor(panel)),
    };
    const topics = prefixedTopics(prefix);
    for (const agency of [...AGENCIES, 'conference'] as const) readers.push(await readTopic(topics.events[agency]));

    // The scrutiny routes are served by the conference app once mounted there; until then, on a side app.
    if ((await client(conference.url).get('/scrutiny/figures')).status === 401) scrutinyUrl = conference.url;
    else {
      const app = createBaseApp({
        service: 'conference', logger: testLogger, metrics: conference.runtime.metrics, health: conference.runtime.health,
        uiOrigin: 'http://127.0.0.1:5173', rateLimitPerMinute: 1000,
        routers: [mountRoutes(scrutinyRoutes({ scrutiny: conference.service.scrutiny, audit: conference.service.audit }), { verifyToken: conference.runtime.verifyToken, policy: conferencePolicy })],
      });
      sideServer = await new Promise<Server>((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
      scrutinyUrl = `http://127.0.0.1:${(sideServer.address() as { port: number }).port}`;
    }
  });

  afterAll(async () => {
    for (const r of readers) await r.stop();
    if (sideServer) {
      sideServer.closeAllConnections();
      await new Promise((r) => sideServer!.close(r));
    }
    await Promise.all(Object.values(running).map((a) => a.stop()));
    await conference?.stop();
  });

  it('seeds a month of records through the agencies and the conference', async () => {
    const seedPolice = async () => {
      // Police: 6 s2A and 7 s2 incidents about one victim (two s2 later reclassified), 2 s4 about another who
      // has no DASH, 5 DASH completed and 5 declined, 1 SPO application.
      const v1 = await person(api.police, 0, 'Vera');
      const v2 = await person(api.police, 1, 'Bea');
      const s = await person(api.police, 2, 'Sid');
      const pair = [{ personId: v1.personId, role: 'victim' }, { personId: s.personId, role: 'suspect' }];
      const incident = async (offenceClass: string, subjects = pair) => {
        const res = await api.police.post('/incidents', { subjects, occurredAt: at(), behaviours: ['messages'], offenceClass, summary: 'Unwanted messages' });
        expect(res.status).toBe(201);
        return res.body.ref as string;
      };
      for (let i = 0; i < 6; i++) await incident('pha_s2a');
      const s2 = [];
      for (let i = 0; i < 7; i++) s2.push(await incident('pha_s2'));
      for (let i = 0; i < 2; i++) await incident('pha_s4', [{ personId: v2.personId, role: 'victim' }, { personId: s.personId, role: 'suspect' }]);
      for (const ref of s2.slice(0, 2)) {
        expect((await api.police.post(`/incidents/${ref}/classification`, { to: 'pha_s2a', reason: 'Fixated, obsessive, unwanted and repeated' })).status).toBe(201);
      }
      for (let i = 0; i < 5; i++) {
        expect((await api.police.post('/risk-assessments', { subjects: pair, occurredAt: at(), declined: false, answers: dashAnswers(3) })).status).toBe(201);
        expect((await api.police.post('/risk-assessments', { subjects: pair, occurredAt: at(), declined: true })).status).toBe(201);
      }
      expect((await api.police.post('/spos', { subjects: pair, occurredAt: at(), kind: 'interim' })).status).toBe(201);

      // Conference: 5 police referrals about 5 victims list 5 cases; one meeting takes them all; 5 actions
      // for the police fall due yesterday and are still open.
      for (let i = 0; i < 5; i++) {
        const v = await person(api.police, i + 6, 'Ren');
        const res = await api.police.post('/referrals', { subjects: [{ personId: v.personId, role: 'victim' }, { personId: s.personId, role: 'suspect' }], criterion: 'high_risk', reason: 'High risk DASH' });
        expect(res.status).toBe(201);
      }
    };
    const seedCps = async () => {
      // CPS: 2 history checks, 5 decisions to charge and 1 of no further action.
      const suspect = await person(api.cps, 3, 'Sam');
      const victim = await person(api.cps, 4, 'Val');
      const cpsPair = [{ personId: victim.personId, role: 'victim' }, { personId: suspect.personId, role: 'suspect' }];
      // The first decision is filed under the case file's URN: a history check is only on a suspect of a CPS case.
      const urn = newUrn();
      for (const [i, outcome] of ['charge', 'charge', 'charge', 'charge', 'charge', 'no_further_action'].entries()) {
        expect((await api.cps.post('/charging-decisions', { ...(i === 0 ? { urn } : {}), subjects: cpsPair, occurredAt: at(), outcome, offenceClass: 'pha_s2a' })).status).toBe(201);
      }
      for (let i = 0; i < 2; i++) {
        expect((await api.cps.post('/history-requests', { urn, suspects: [suspect.personId], lawfulBasis: 'charging_decision', purpose: 'Charging review' })).status).toBe(201);
      }
    };
    const seedHealth = async () => {
      // Health: 5 concerns of psychological distress and 1 injury; 3 disclosures and 2 refusals, decided
      // 1, 2, 2, 3 and 5 days after the request reached the Caldicott queue (written to the health service's own
      // event log, as its disclosure flow would, without running a whole case through the conference).
      const patient = await person(api.health, 5, 'Pat');
      for (const category of ['psychological_distress', 'psychological_distress', 'psychological_distress', 'psychological_distress', 'psychological_distress', 'injury']) {
        const res = await api.health.post('/concerns', {
          subjects: [{ personId: patient.personId, role: 'victim' }], occurredAt: at(), subjectRole: 'victim', category, severity: 'medium',
          contact: { service: 'Leeds community mental health team' }, detail: 'Anxiety since the contact began',
        });
        expect(res.status).toBe(201);
      }
      const store = running.health!.kit.store;
      for (const [i, days] of [1, 2, 2, 3, 5].entries()) {
        const decidedAt = new Date(at());
        const requestRef = randomUUID();
        const common = { sharing: 'agency' as const, subjects: [] };
        await store.insertIfAbsent(createRecordEvent('health.disclosure.requested.v1', {
          ...common, occurredAt: new Date(decidedAt.getTime() - days * 86_400_000),
          data: { requestRef, concernRef: 'CON-1', caseRef: 'CNV-2026-000001', requestedBy: { userId: 'chair-501' } },
        }), { publish: false });
        const disclosed = i < 3;
        await store.insertIfAbsent(createRecordEvent('health.disclosure.decided.v1', {
          ...common, occurredAt: decidedAt,
          data: {
            requestRef, concernRef: 'CON-1', caseRef: 'CNV-2026-000001', decision: disclosed ? 'disclosed' : 'refused', reason: 'Caldicott decision',
            decidedBy: { userId: 'caldicott-1' }, ...(disclosed ? { detail: 'Detail' } : {}),
          },
        }), { publish: false });
      }
    };
    const seedAdvocacy = async () => {
      // Advocacy: 6 victims engaged, 5 giving full consent and 1 none.
      for (const [i, consent] of ['full', 'full', 'full', 'full', 'full', 'none'].entries()) {
        const v = await person(api.advocacy, i + 6, 'Ada');
        const res = await api.advocacy.post('/engagements', {
          subjects: [{ personId: v.personId, role: 'victim' }], occurredAt: at(), consent, consentGivenOn: at().slice(0, 10),
        });
        expect(res.status).toBe(201);
      }
    };
    // The agencies are seeded side by side; each agency's own records in order.
    await Promise.all([seedPolice(), seedCps(), seedHealth(), seedAdvocacy()]);
    caseRefs = await eventually(async () => {
      const res = await api.chair.get('/cases');
      const listed = (res.body as { caseRef: string; status: string }[]).filter((c) => c.status === 'listed');
      return listed.length === 5 ? listed.map((c) => c.caseRef) : undefined;
    }, { what: 'five listed cases', timeoutMs: 30_000 });
    const meeting = await api.chair.post('/meetings', {
      title: 'Stalking clinic', scheduledFor: new Date(Date.now() + 3_600_000).toISOString(), members: [{ userId: officer.sub, agency: 'police', role: 'police' }], agenda: caseRefs,
    });
    expect(meeting.status).toBe(201);
    meetingId = meeting.body.meetingId;
    expect((await api.chair.post(`/meetings/${meetingId}/start`)).status).toBe(200);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    for (const caseRef of caseRefs) {
      expect((await api.chair.post(`/cases/${caseRef}/actions`, { agency: 'police', description: 'Consider an SPO', dueOn: yesterday, meetingId })).status).toBe(201);
    }
  });

  it('publishes each agency\'s figures once per revision, and a late record makes a new revision', async () => {
    const first = await api.police.post(`/statistics/${MONTH}/publish`);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('published');
    firstPoliceEventId = first.body.eventId;
    const again = await api.police.post(`/statistics/${MONTH}/publish`, {});
    expect(again.body).toMatchObject({ status: 'unchanged', eventId: firstPoliceEventId });

    // A late s2A record: the figures change, so the month is published again under a new id.
    const late = await person(api.police, 12, 'Lee');
    expect((await api.police.post('/incidents', { subjects: [{ personId: late.personId, role: 'victim' }], occurredAt: at(), behaviours: ['following'], offenceClass: 'pha_s2a', summary: 'Followed home' })).status).toBe(201);
    const preview = await api.police.get(`/statistics/${MONTH}`);
    expect(preview.body.published).toMatchObject({ eventId: firstPoliceEventId, current: false });
    const second = await api.police.post(`/statistics/${MONTH}/publish`);
    expect(second.body.status).toBe('published');
    expect(second.body.eventId).not.toBe(firstPoliceEventId);

    await Promise.all((['cps', 'health', 'advocacy'] as const).map(async (agency) => {
      const res = await api[agency].post(`/statistics/${MONTH}/publish`);
      expect(res.status, `${agency} publish`).toBe(200);
    }));
    // Someone else's staff may not publish an agency's figures; the scrutiny role may not publish the conference's.
    expect((await client(running.police!.url, await tokenFor(lawyer)).post(`/statistics/${MONTH}/publish`)).status).toBe(403);
    expect((await client(scrutinyUrl, await tokenFor(panel)).post(`/scrutiny/statistics/${MONTH}/publish`)).status).toBe(403);
    const conf = await client(scrutinyUrl, await tokenFor(chair)).post(`/scrutiny/statistics/${MONTH}/publish`);
    expect(conf.status).toBe(200);
    expect(conf.body.status).toBe('published');
  });

  it('shows the scrutiny role every agency\'s figures exactly, small cells suppressed, with the derived ratios', async () => {
    const panelApi = client(scrutinyUrl, await tokenFor(panel));
    const figures = await eventually(async () => {
      const res = await panelApi.get(`/scrutiny/figures?to=${MONTH}&months=1`);
      const month = res.body?.months?.[0];
      const police = month?.agencies.find((a: { agency: string }) => a.agency === 'police');
      return month?.agencies.every((a: { published: boolean }) => a.published) && police.eventId !== firstPoliceEventId ? res.body : undefined;
    }, { what: 'every agency\'s figures at the conference', timeoutMs: 30_000 });
    expect(figures.from).toBe(MONTH);
    expect(figures.suppression.threshold).toBe(5);
    const month = figures.months[0];
    const cellsOf = (agency: string) => month.agencies.find((a: { agency: string }) => a.agency === agency).cells;

    expect(cellsOf('police')).toEqual([
      cell('offences.recorded', n(7), 'pha_s2'), cell('offences.recorded', n(7), 'pha_s2a'), cell('offences.recorded', hidden, 'pha_s4'),
      cell('offences.recorded', n(0), 'pha_s4a'), cell('offences.recorded', n(0), 'malicious_communications'), cell('offences.recorded', n(0), 'other'),
      // By their class now: the two harassment incidents reclassified as stalking count as stalking.
      cell('offences.current_class', n(5), 'pha_s2'), cell('offences.current_class', n(9), 'pha_s2a'), cell('offences.current_class', hidden, 'pha_s4'),
      cell('offences.current_class', n(0), 'pha_s4a'), cell('offences.current_class', n(0), 'malicious_communications'), cell('offences.current_class', n(0), 'other'),
      cell('reclassifications', hidden, 'harassment_to_stalking'), cell('reclassifications', n(0), 'stalking_to_harassment'), cell('reclassifications', n(0), 'other'),
      cell('dash', n(5), 'completed'), cell('dash', n(5), 'declined'), cell('dash', hidden, 'not_done'),
      ...(['standard', 'medium', 'high'] as const).map((g) => cell('risk.grade', n(g === grade ? 5 : 0), g)),
      cell('risk.victim_view_higher', n(0)),
      cell('spo.applications', hidden),
      cell('spo.grants', n(0), 'interim'), cell('spo.grants', n(0), 'full'),
      cell('spo.breaches', n(0)),
      cell('arrests', n(0)),
    ]);
    expect(cellsOf('cps')).toEqual([
      cell('history_checks.requested', hidden),
      cell('charging.decisions', n(5), 'charge'), cell('charging.decisions', hidden, 'no_further_action'),
      cell('charging.decisions', n(0), 'caution'), cell('charging.decisions', n(0), 'more_evidence_needed'),
      cell('restraining_orders', n(0), 'on_conviction'), cell('restraining_orders', n(0), 'on_acquittal'),
    ]);
    expect(cellsOf('health')).toEqual([
      cell('concerns.flagged', hidden, 'injury'), cell('concerns.flagged', n(5), 'psychological_distress'),
      ...['self_harm_risk', 'perpetrator_fixation', 'threats_disclosed', 'child_safeguarding', 'substance_misuse', 'other'].map((c) => cell('concerns.flagged', n(0), c)),
      cell('disclosures.decided', hidden, 'disclosed'), cell('disclosures.decided', hidden, 'refused'),
      cell('disclosures.median_days_to_decide', n(2)),
    ]);
    // 6 engaged: 5 full and 1 none. "none" is suppressed, and "full" with it, or 6 − 5 would give it away.
    expect(cellsOf('advocacy')).toEqual([
      cell('victims.engaged', n(6)),
      cell('consent', hidden, 'full'), cell('consent', n(0), 'limited'), cell('consent', hidden, 'none'),
      cell('consent.revoked', n(0)),
      cell('victim_view', n(0), 'standard'), cell('victim_view', n(0), 'medium'), cell('victim_view', n(0), 'high'),
    ]);
    const meeting = await conference.service.meetings.get(meetingId);
    const listedAt = await Promise.all(caseRefs.map(async (ref) => (await conference.service.cases.get(ref))!.listedAt!));
    const toMeeting = median(listedAt.map((l) => daysBetween(l, meeting.startedAt!)))!;
    expect(cellsOf('conference')).toEqual([
      cell('referrals', n(5), 'police'), cell('referrals', n(0), 'health'), cell('referrals', n(0), 'advocacy'),
      cell('referrals.repeat', n(0)),
      cell('referral_to_meeting.median_days', n(toMeeting)),
      ...['police', 'cps', 'health', 'advocacy'].map((a) => cell('actions.assigned', n(a === 'police' ? 5 : 0), a)),
      ...['police', 'cps', 'health', 'advocacy'].map((a) => cell('actions.completed', n(0), a)),
      ...['police', 'cps', 'health', 'advocacy'].map((a) => cell('actions.overdue', n(a === 'police' ? 5 : 0), a)),
      cell('cases.closed', n(0)),
      cell('cases.victim_view_higher', n(0)),
    ]);

    expect(month.derived.declinedAssessmentRate).toEqual({ value: 0.5, numerator: 5, denominator: 10, reason: null });
    expect(month.derived.spoApplicationsPerStalkingOffence).toEqual({
      value: null, numerator: null, denominator: 9, reason: { code: 'suppressed', message: 'police spo.applications is suppressed' },
    });
  });

  it('publishes events that hold no link token, name or id of a person', async () => {
    const published = await eventually(async () => {
      const events = readers.flatMap((r) => r.events).filter((e: CaseEvent) => e.type.endsWith('.statistics.published.v1'));
      return events.length >= 6 ? events : undefined;
    }, { what: 'the statistics events on the topics' });
    expect(new Set(published.map((e) => e.agency))).toEqual(new Set(['police', 'cps', 'health', 'advocacy', 'conference']));
    for (const event of published) {
      const text = JSON.stringify(event);
      expect(text).not.toMatch(/lt1\./);
      for (const value of [...personIds, ...personTokens, ...names, ...caseRefs]) expect(text).not.toContain(value);
      expect(event.subjects).toEqual([]);
      expect(event.subject).toBeUndefined();
      // Nothing in the figures looks like an identifier at all.
      expect(JSON.stringify(event.data)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|CNV-\d{4}|lt1\./i);
    }
  });

  it('refuses the scrutiny role every case, meeting and chronology endpoint of the conference', async () => {
    const doc = (await client(conference.url).get('/openapi.json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const panelApi = client(conference.url, await tokenFor(panel));
    const fill = (path: string) => path
      .replace('{caseRef}', 'CNV-2026-000001')
      .replace(/\{[A-Za-z]+\}/g, () => randomUUID());
    const checked: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      if (path.startsWith('/scrutiny/') || path === '/openapi.json') continue;
      for (const [method, op] of Object.entries(item)) {
        if (Array.isArray(op.security) && op.security.length === 0) continue; // public: /config.json, /health …
        const url = fill(path);
        const res = method === 'get' ? await panelApi.get(url) : await panelApi.post(url, {});
        expect(res.status, `${method.toUpperCase()} ${path}`).toBe(403);
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['get /cases', 'get /cases/{caseRef}', 'get /meetings/{meetingId}', 'get /history-checks/{requestRef}']));
  });

  it('serves a period as its last month and how many months it spans, each parameter checked on its own', async () => {
    const panelApi = client(scrutinyUrl, await tokenFor(panel));
    const quarter = await panelApi.get('/scrutiny/figures?to=2026-03&months=3');
    expect(quarter.status).toBe(200);
    expect(quarter.body).toMatchObject({ from: '2026-01', to: '2026-03' });
    expect(quarter.body.months.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    for (const months of ['0', '37', '1.5', 'twelve']) {
      const refused = await panelApi.get(`/scrutiny/figures?to=2026-03&months=${months}`);
      expect(refused.status, months).toBe(400);
      expect(refused.body.errors[0].field).toBe('query.months');
    }
    expect((await panelApi.get('/scrutiny/figures?to=2026-13')).body.errors[0].field).toBe('query.to');
  });

  it('exports the figures as CSV and PDF, headed with the period, time generated and suppression rule', async () => {
    const panelApi = client(scrutinyUrl, await tokenFor(panel));
    const csv = await panelApi.get(`/scrutiny/figures.csv?to=${MONTH}&months=1`);
    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain('text/csv');
    const lines = (csv.body as string).split('\r\n');
    expect(lines[0]).toBe('Convene partnership scrutiny figures');
    expect(lines[1]).toBe(`Period,${MONTH}`);
    expect(lines[2]).toMatch(/^Generated,\d{4}-\d{2}-\d{2}T/);
    expect(lines[3]).toMatch(/^Suppression,.*1 to 4/);
    const row = `${periodLabel({ period: 'month', from: MONTH, to: MONTH })},${MONTH},${MONTH}`;
    expect(lines).toContain(`${row},Police,spo.applications,,Stalking Protection Order applications,suppressed,yes,${lines.find((l) => l.includes(',Police,arrests,'))!.split(',').at(-1)}`);
    expect(lines.some((l) => l.startsWith(`${row},Police,dash,completed,`) && l.includes(',5,no,'))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${row},Partnership,derived.declined_assessment_rate,`) && l.includes(',0.5,'))).toBe(true);

    const res = await fetch(`${scrutinyUrl}/scrutiny/figures.pdf?to=${MONTH}&months=1`, { headers: { authorization: `Bearer ${await tokenFor(panel)}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('publishes a quarter and the year ending it where small months add up, never where a suppressed month could be worked out', async () => {
    // A quarter ending at least six months ago, away from this month's records: in its first two months 2 and
    // 3 SPO applications and 3 and 2 stalking (s2A) offences, all suppressed (each pair adding up to 5, which
    // leaves each month every value from 1 to 4), then none and 6; and 2 then 6
    // s4 offences, of which only the first month's is suppressed.
    const quarterEnd = addMonths(MONTH, -6 - (Number(addMonths(MONTH, -6).slice(5)) % 3));
    const months = [addMonths(quarterEnd, -2), addMonths(quarterEnd, -1), quarterEnd];
    const victim = await person(api.police, 13, 'Quinn');
    const suspect = await person(api.police, 14, 'Stan');
    const subjects = [{ personId: victim.personId, role: 'victim' }, { personId: suspect.personId, role: 'suspect' }];
    const on = (month: string) => `${month}-10T10:00:00.000Z`;
    const plan = [{ spo: 2, s2a: 3, s4: 2 }, { spo: 3, s2a: 2, s4: 6 }, { spo: 0, s2a: 6, s4: 0 }];
    for (const [i, month] of months.entries()) {
      const p = plan[i]!;
      for (let k = 0; k < p.spo; k++) expect((await api.police.post('/spos', { subjects, occurredAt: on(month), kind: 'interim' })).status).toBe(201);
      for (const [offenceClass, count] of [['pha_s2a', p.s2a], ['pha_s4', p.s4]] as const) {
        for (let k = 0; k < count; k++) {
          expect((await api.police.post('/incidents', { subjects, occurredAt: on(month), behaviours: ['following'], offenceClass, summary: 'Waited outside work' })).status).toBe(201);
        }
      }
    }
    for (const month of months) expect((await api.police.post(`/statistics/${month}/publish`)).body.status).toBe('published');
    const preview = await api.police.get(`/statistics/${quarterEnd}`);
    expect(preview.body.periods.map((p: { period: string; from: string }) => [p.period, p.from])).toEqual([['quarter', months[0]], ['rolling_12_months', addMonths(quarterEnd, -11)]]);

    const panelApi = client(scrutinyUrl, await tokenFor(panel));
    const figures = await eventually(async () => {
      const res = await panelApi.get(`/scrutiny/figures?to=${quarterEnd}&months=3`);
      return res.body?.quarters?.[0]?.agencies.find((a: { agency: string }) => a.agency === 'police')?.published ? res.body : undefined;
    }, { what: 'the police quarter at the conference', timeoutMs: 30_000 });
    type Cells = StatisticCell[];
    const police = (entry: { agencies: { agency: string; cells: Cells }[] }) => entry.agencies.find((a) => a.agency === 'police')!.cells;
    const pick = (cells: Cells, measure: string, breakdown?: string) => cells.find((c) => c.measure === measure && c.breakdown === breakdown);
    const [quarter] = figures.quarters;
    expect(quarter).toMatchObject({ period: 'quarter', from: months[0], to: quarterEnd, label: periodLabel({ period: 'quarter', from: months[0]!, to: quarterEnd }) });
    expect(figures.months.map((m: { agencies: { agency: string; cells: Cells }[] }) => pick(police(m), 'spo.applications'))).toEqual([cell('spo.applications', hidden), cell('spo.applications', hidden), cell('spo.applications', n(0))]);
    expect(pick(police(quarter), 'spo.applications')).toEqual(cell('spo.applications', n(5)));
    expect(pick(police(quarter), 'offences.current_class', 'pha_s2a')).toEqual(cell('offences.current_class', n(11), 'pha_s2a'));
    // s4: 2 (suppressed) + 6 + 0 would give the 2 away by subtraction, so the quarter is suppressed too.
    expect(pick(police(figures.months[1]), 'offences.recorded', 'pha_s4')).toEqual(cell('offences.recorded', n(6), 'pha_s4'));
    expect(pick(police(quarter), 'offences.recorded', 'pha_s4')).toEqual(cell('offences.recorded', hidden, 'pha_s4'));
    // The ratio no month could give, over the quarter: 5 SPO applications to 11 stalking offences.
    expect(figures.months.slice(0, 2).map((m: { derived: { spoApplicationsPerStalkingOffence: { value: number | null } } }) => m.derived.spoApplicationsPerStalkingOffence.value)).toEqual([null, null]);
    expect(quarter.derived.spoApplicationsPerStalkingOffence).toEqual({ value: 0.4545, numerator: 5, denominator: 11, reason: null });
    expect(figures.years[0]).toMatchObject({ period: 'rolling_12_months', from: addMonths(quarterEnd, -11), to: quarterEnd });

    // The auditor's check on what the panel reads: no published quarter or year, less its published months,
    // leaves one suppressed month, or narrows suppressed months below every value from 1 to 4.
    const byMonth = new Map<string, Cells>(figures.months.map((m: { month: string; agencies: { agency: string; cells: Cells }[] }) => [m.month, police(m)]));
    for (const period of [...figures.quarters, ...figures.years]) {
      for (const c of police(period)) {
        if (c.suppressed || c.value === null) continue;
        const inside = [...byMonth].filter(([m]) => m >= period.from && m <= period.to).map(([, cells]) => pick(cells, c.measure, c.breakdown));
        if (inside.length < (period.period === 'quarter' ? 3 : 12)) continue;
        const hiddenMonths = inside.filter((x) => x?.suppressed).length;
        const rest = c.value - inside.reduce((sum, x) => sum + (x?.value ?? 0), 0);
        if (hiddenMonths === 0) continue;
        // Each suppressed month 1 to 4: their sum must leave each every one of those values.
        expect(hiddenMonths, `${period.label} ${c.measure} ${c.breakdown ?? ''}`).toBeGreaterThan(1);
        const each = [Math.max(1, rest - 4 * (hiddenMonths - 1)), Math.min(4, rest - (hiddenMonths - 1))];
        expect(each, `${period.label} ${c.measure} ${c.breakdown ?? ''}`).toEqual([1, 4]);
      }
    }
  });
});
