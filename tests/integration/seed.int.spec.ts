import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '@convene/shared/link-tokens';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { startConference, type RunningConference } from '../support/conference.js';
import { eventually, uniqueId } from '../support/infra.js';
import { createEvent, prefixedTopics } from '@convene/shared/contracts';
import { linkToken } from '@convene/shared/link-tokens';
import { dumpDatabase, dumpTopics, identifiersIn, isReferralOrListing, type Dumped, type RawIdentity, type TopicMessage } from '../support/minimisation.js';
import { seedDemo, type SeedResult } from '../../scripts/seed/seed.js';
import { scheduleLiveConcern } from '../../scripts/seed/liveConcern.js';
import { IdentityBook } from '../../scripts/seed/identities.js';
import { createRng } from '../../scripts/seed/random.js';
import { staff } from '../../scripts/seed/people.js';

const AGENCIES = ['police', 'cps', 'health', 'advocacy'] as const;

interface Entry { type: string; agency: string }
interface Signal { kind: string; otherCases?: { caseRef: string }[]; repeatOf?: string }
interface CaseBody { view: { timeline: Entry[]; repeatOf: string | null; healthConcerns: { concernRef: string }[] }; signals: Signal[] }

describe('the demo seeder, through the services\' APIs', () => {
  const prefix = uniqueId('seed');
  let conference: RunningConference;
  const agencies: Partial<Record<(typeof AGENCIES)[number], RunningAgency>> = {};
  let urls: Parameters<typeof seedDemo>[0];
  let result: SeedResult;
  const lines: string[] = [];
  let chairApi: ReturnType<typeof client>;
  const caseRefOf = (key: string) => result.cases.find((c) => c.key === key)!.caseRef;
  const caseView = async (key: string) => (await chairApi.get(`/cases/${caseRefOf(key)}`)).body as CaseBody;
  const kinds = (body: CaseBody) => body.signals.map((s) => s.kind);

  beforeAll(async () => {
    // The in-process harness gives each service a random port, so the seeder is told where they are.
    conference = await startConference(prefix, { env: { CASE_RETENTION_DAYS: '30' } });
    for (const name of AGENCIES) agencies[name] = await startAgency(name, { prefix });
    urls = { conference: conference.url, police: agencies.police!.url, cps: agencies.cps!.url, health: agencies.health!.url, advocacy: agencies.advocacy!.url };
    chairApi = client(conference.url, await tokenFor(staff('chair')));
  });

  afterAll(async () => {
    await Promise.all(Object.values(agencies).map((a) => a.stop()));
    await conference?.stop();
  });

  it('seeds a small partnership, reporting progress', async () => {
    const started = Date.now();
    const log = (line: string) => lines.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${line}`);
    try {
      result = await seedDemo(urls, { scale: 0.15, log });
    } catch (err) {
      throw new Error(`${(err as Error).message}\nseed log:\n${lines.join('\n')}`);
    }
    if (process.env.SEED_LOG) console.log(lines.join('\n'));
    expect(result.skipped).toBe(false);
    expect(result.cases.every((c) => /^CNV-\d{4}-\d{6}$/.test(c.caseRef))).toBe(true);
    expect(lines.some((l) => /s cases \d+\/\d+ · events \d+\/\d+ · /.test(l))).toBe(true);
    expect(result.events).toBeGreaterThan(100);
    expect(Object.keys(result.meetings).sort()).toEqual(['ended', 'next', 'running']);
  }, 240_000);

  it('lists the cases at the conference, each case once', async () => {
    const listed = (await chairApi.get('/cases')).body as { caseRef: string; status: string }[];
    expect(listed.length).toBeGreaterThanOrEqual(2);
    expect(listed.map((c) => c.caseRef).sort()).toEqual(result.cases.map((c) => c.caseRef).sort());
    expect(listed.find((c) => c.caseRef === caseRefOf('repeat-first'))?.status).toBe('closed');
  });

  it('joins records from at least three agencies into one case view, with the harassment signal', async () => {
    const body = await caseView('harassment-course');
    const lanes = new Set(body.view.timeline.filter((e) => !e.type.endsWith('.research.returned.v1') && e.agency !== 'conference').map((e) => e.agency));
    expect(lanes.size).toBeGreaterThanOrEqual(3);
    expect(kinds(body)).toEqual(expect.arrayContaining(['harassment_may_be_stalking', 'victim_view_higher']));
  });

  it('marks the repeat referral as a repeat of the closed case', async () => {
    const body = await caseView('repeat-second');
    expect(body.view.repeatOf).toBe(caseRefOf('repeat-first'));
    expect(body.signals.find((s) => s.kind === 'repeat_referral')).toMatchObject({ repeatOf: caseRefOf('repeat-first') });
  });

  it('links the two cases with the same suspect, and keeps them apart', async () => {
    const first = await caseView('same-suspect-first');
    const second = await caseView('same-suspect-second');
    expect(first.signals.find((s) => s.kind === 'same_suspect_other_cases')?.otherCases?.map((c) => c.caseRef)).toEqual([caseRefOf('same-suspect-second')]);
    expect(second.signals.find((s) => s.kind === 'same_suspect_other_cases')?.otherCases?.map((c) => c.caseRef)).toEqual([caseRefOf('same-suspect-first')]);
    expect(caseRefOf('same-suspect-first')).not.toBe(caseRefOf('same-suspect-second'));
  });

  it('shows the declined DASH and the SPO breach', async () => {
    expect(kinds(await caseView('declined-dash'))).toContain('risk_assessment_declined');
    expect(kinds(await caseView('spo-breach'))).toContain('order_breached');
  });

  it('runs today\'s meeting with the demo partnership invited, and lands a health concern in it', async () => {
    const member = client(conference.url, await tokenFor(staff('police')));
    const running = (await member.get(`/meetings/${result.meetings.running}`)).body as { status: string; agenda: string[] };
    expect(running.status).toBe('running');
    expect(running.agenda[0]).toBe(result.liveConcern!.caseRef);
    const events: string[] = [];
    const scheduled = scheduleLiveConcern(urls, result.liveConcern!, { delayMs: 0, log: (line) => events.push(line) });
    await scheduled.done;
    expect(events.at(-1)).toMatch(/landed on CNV-/);
  }, 40_000);

  describe('data minimisation: every database and topic after the scenario', () => {
    let topics: TopicMessage[];
    let dbs: Record<(typeof AGENCIES)[number] | 'conference', Dumped[]>;
    let persons: RawIdentity[];
    const shareIds = new Map<string, string>(); // published event id → agency

    beforeAll(async () => {
      const named = prefixedTopics(prefix);
      topics = await dumpTopics([...Object.values(named.events), named.dlq]);
      dbs = {
        police: await dumpDatabase(agencies.police!.runtime.db, 'police'), cps: await dumpDatabase(agencies.cps!.runtime.db, 'cps'),
        health: await dumpDatabase(agencies.health!.runtime.db, 'health'), advocacy: await dumpDatabase(agencies.advocacy!.runtime.db, 'advocacy'),
        conference: await dumpDatabase(conference.runtime.db, 'conference'),
      };
      persons = result.identities.map((i) => ({ given: i.given, family: i.family, dateOfBirth: i.dateOfBirth, nhsNumber: i.nhsNumber, pncId: i.pncId, postcode: i.postcode }));
      for (const m of topics) if (m.event?.agency && typeof (m.event as { id?: unknown }).id === 'string') shareIds.set((m.event as { id: string }).id, m.event.agency);
    }, 120_000);

    it('read every topic and database (the checks below are not vacuous)', () => {
      expect(topics.length).toBeGreaterThan(result.events / 2);
      for (const agency of AGENCIES) expect(topics.some((m) => m.event?.agency === agency), agency).toBe(true);
      for (const [name, docs] of Object.entries(dbs)) expect(docs.length, name).toBeGreaterThan(0);
      expect(persons.length).toBeGreaterThan(4);
    });

    it('no agency database holds another agency\'s records', () => {
      const leaks: string[] = [];
      for (const agency of AGENCIES) {
        const others = AGENCIES.filter((a) => a !== agency);
        const otherType = new RegExp(`"(${others.join('|')})\\.[a-z_]+\\.[a-z_.]+\\.v\\d+"`);
        for (const d of dbs[agency]) {
          const type = otherType.exec(d.text);
          if (type) leaks.push(`${d.where} holds a ${type[1]} event type: ${d.text.slice(0, 160)}`);
          for (const [id, owner] of shareIds) if (owner !== agency && owner !== 'conference' && d.text.includes(id)) leaks.push(`${d.where} holds ${owner} event ${id}`);
        }
      }
      expect(leaks).toEqual([]);
    });

    it('no topic carries an NHS number, PNC id or postcode, nor a name or date of birth outside a referral or listing of that person', () => {
      const leaks: string[] = [];
      for (const m of topics) {
        for (const person of persons) {
          for (const kind of identifiersIn(m.text, person)) {
            const listedHere = isReferralOrListing(m.event?.type) && ((m.event?.data?.people ?? []) as { given?: string; family?: string }[])
              .some((p) => p.given === person.given && p.family === person.family);
            if ((kind === 'name' || kind === 'dateOfBirth') && listedHere) continue;
            leaks.push(`${m.topic}@${m.offset} (${m.event?.type ?? 'unparsed'}) carries the ${kind} of ${person.given} ${person.family}`);
          }
        }
      }
      expect(leaks).toEqual([]);
      // And the referrals and listings did carry names: the check above could have found them.
      expect(topics.some((m) => isReferralOrListing(m.event?.type) && persons.some((p) => identifiersIn(m.text, p).includes('name')))).toBe(true);
    });

    it('no case holds a record of another case\'s victim: not in its timeline, outlines, pending records or pushes', () => {
      const cases = dbs.conference.filter((d) => d.where === 'conference.cases').map((d) => d.doc.packedView as {
        caseRef: string; subjectTokens: { victim: string[] }; timeline: { eventId: string; subjects?: { role: string; tokens: string[] }[] }[];
      });
      expect(cases.length).toBe(result.cases.length);
      const victimsOf = new Map(cases.map((c) => [c.caseRef, new Set(c.subjectTokens.victim)]));
      const leaks: string[] = [];
      for (const c of cases) {
        const own = victimsOf.get(c.caseRef)!;
        expect(own.size, `${c.caseRef} has a victim`).toBeGreaterThan(0);
        for (const e of c.timeline) {
          for (const s of e.subjects ?? []) if (s.role === 'victim' && !s.tokens.some((t) => own.has(t))) leaks.push(`${c.caseRef}: entry ${e.eventId} is about another victim`);
        }
        const text = JSON.stringify(c);
        const pushes = dbs.conference.filter((d) => d.where === 'conference.pushes' && d.doc.caseRef === c.caseRef).map((d) => d.text).join('');
        for (const [other, victims] of victimsOf) {
          if (other === c.caseRef) continue;
          for (const t of victims) {
            if (own.has(t)) continue;
            if (text.includes(t)) leaks.push(`${c.caseRef} holds a token of ${other}'s victim`);
            if (pushes.includes(t)) leaks.push(`${c.caseRef}'s pushes carry a token of ${other}'s victim`);
          }
        }
      }
      expect(leaks).toEqual([]);
      // The two cases of one suspect know of each other, in outline only. An outline names the other case when
      // that case was already listed as the agency answered, so at least one direction does, and none names a third.
      const outlines = (key: string) => (cases.find((c) => c.caseRef === caseRefOf(key)) as unknown as { elsewhere: { otherCaseRef?: string }[] }).elsewhere;
      const [first, second] = [outlines('same-suspect-first'), outlines('same-suspect-second')];
      expect(first.length).toBeGreaterThan(0);
      expect(second.length).toBeGreaterThan(0);
      for (const o of first) if (o.otherCaseRef) expect(o.otherCaseRef).toBe(caseRefOf('same-suspect-second'));
      for (const o of second) if (o.otherCaseRef) expect(o.otherCaseRef).toBe(caseRefOf('same-suspect-first'));
      expect([...first, ...second].some((o) => o.otherCaseRef !== undefined)).toBe(true);
    });

    it('health detail leaves the health service only in a disclosed, restricted decision naming its legal gateway', () => {
      const details = dbs.health.filter((d) => d.where === 'health.concerns' && typeof d.doc.detail === 'string').map((d) => d.doc.detail as string);
      expect(details.length).toBeGreaterThan(0);
      const leaks: string[] = [];
      let disclosed = 0;
      for (const m of topics) {
        for (const detail of details) {
          if (!m.text.includes(JSON.stringify(detail).slice(1, -1))) continue;
          const ok = m.event?.type === 'health.disclosure.decided.v1' && m.event.sharing === 'restricted' && m.event.data?.decision === 'disclosed'
            && Array.isArray(m.event.audience) && m.event.audience.length > 0 && typeof m.event.data?.legalGateway === 'string';
          if (ok) disclosed++;
          else leaks.push(`${m.topic}@${m.offset} (${m.event?.type}, ${m.event?.sharing}) carries clinical detail`);
        }
      }
      expect(leaks).toEqual([]);
      const decided = topics.filter((m) => m.event?.type === 'health.disclosure.decided.v1' && m.event.data?.decision === 'disclosed');
      expect(decided.length).toBeGreaterThan(0);
      for (const m of decided) expect(m.event?.sharing, `${m.offset}`).toBe('restricted');
      for (const m of decided) expect(m.event?.data?.legalGateway, `${m.offset}`).toBe('overriding_public_interest');
      expect(disclosed + decided.length).toBeGreaterThan(0);
      // Other agencies never store it.
      for (const agency of ['police', 'cps', 'advocacy'] as const) {
        for (const d of dbs[agency]) for (const detail of details) expect(d.text.includes(JSON.stringify(detail).slice(1, -1)), d.where).toBe(false);
      }
    });

    it('a closed case past its retention (set when closing, within policy) leaves only audit entries; the audit log holds no personal data', async () => {
      const caseRef = caseRefOf('declined-dash');
      const tooLong = await chairApi.post(`/cases/${caseRef}/close`, { reason: 'risk_reduced', retentionDays: 100_000 });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.errors).toContainEqual(expect.objectContaining({ field: 'body.retentionDays' }));
      // Retention 0 set on this close: erased as soon as the closure is applied, though the default here is 30 days.
      expect((await chairApi.post(`/cases/${caseRef}/close`, { reason: 'risk_reduced', retentionDays: 0 })).status).toBe(201);
      await eventually(async () => (await chairApi.get(`/cases/${caseRef}`)).status === 404 || undefined, { what: 'the case to be erased', timeoutMs: 30_000 });
      // A late or replayed event about the erased case brings nothing of it back.
      const late = createEvent('police.incident.recorded.v1', {
        occurredAt: new Date(), sharing: 'partnership', subject: caseRef as never,
        subjects: [{ role: 'suspect', tokens: [linkToken('late-event-secret-0123456789abcdefghij', { kind: 'pnc', pncId: '12/0345678U' })] }],
        data: { incidentRef: 'INC-LATE-1', behaviours: ['messages'], offenceClass: 'pha_s2', summary: 'Late after erasure' },
      });
      await conference.service.projector().handle([late]);
      expect((await chairApi.get(`/cases/${caseRef}`)).status).toBe(404);
      const after = await dumpDatabase(conference.runtime.db, 'conference');
      const remains = after.filter((d) => d.text.includes(caseRef) && !/^conference\.audit/.test(d.where)).map((d) => `${d.where}: ${d.text.slice(0, 160)}`);
      expect(remains).toEqual([]);
      expect((await chairApi.get(`/cases/${caseRef}`)).status).toBe(404);
      const audit = after.filter((d) => /^conference\.audit/.test(d.where));
      expect(audit.some((d) => d.text.includes(caseRef))).toBe(true);
      const tokens = result.cases.length > 0 ? topics.flatMap((m) => ((m.event?.data?.people ?? []) as { tokens?: string[] }[]).flatMap((p) => p.tokens ?? [])) : [];
      expect(tokens.length).toBeGreaterThan(0);
      for (const d of audit) {
        for (const person of persons) expect(identifiersIn(d.text, person), d.where).toEqual([]);
        for (const token of tokens) expect(d.text.includes(token), `${d.where} holds a link token`).toBe(false);
      }
    }, 60_000);
  });

  it('makes valid, distinct identities, the same on every run', () => {
    const make = () => {
      const book = new IdentityBook(createRng('check'));
      for (let i = 0; i < 40; i++) book.person(`p${i}`, i % 2 ? 'suspect' : 'victim');
      return book.all();
    };
    const people = make();
    expect(people).toEqual(make());
    expect(people.every(([, p]) => isValidNhsNumber(p.nhsNumber))).toBe(true);
    expect(new Set(people.map(([, p]) => p.nhsNumber)).size).toBe(people.length);
    expect(people.filter(([, p]) => p.pncId).every(([, p]) => /^\d{2}\/\d{7}[A-Z]$/.test(p.pncId!))).toBe(true);
  });
});
