import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prefixedTopics, type CaseEvent, type EventOfType } from '@convene/shared/contracts';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { readTopic, type TopicReader } from '../support/topicReader.js';
import { caseClosed, caseListed, newCaseRef, people, publishAsConference } from '../support/fixtures.js';
import { eventually } from '../support/infra.js';

const officer = { sub: 'pc-202', agency: 'police', role: 'police' } as const;
const monthsAgo = (n: number) => new Date(Date.now() - n * 30.5 * 24 * 3600 * 1000).toISOString();

type Returned = EventOfType<'police.research.returned.v1'>;

describe('what an agency shares, and when', () => {
  let police: RunningAgency;
  let api: ReturnType<typeof client>;
  let topic: TopicReader;
  const ids: Record<string, { personId: string; tokens: string[] }> = {};
  const refs: Record<string, string> = {};
  const caseRef = newCaseRef();

  async function incident(key: string, subjects: { personId: string; role: string }[], occurredAt: string, extra: Record<string, unknown> = {}) {
    const res = await api.post('/incidents', { subjects, occurredAt, behaviours: ['messages'], offenceClass: 'pha_s2', summary: `Record ${key}`, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    refs[key] = res.body.ref;
    return res.body;
  }

  beforeAll(async () => {
    police = await startAgency('police');
    api = client(police.url, await tokenFor(officer));
    topic = await readTopic(prefixedTopics(police.prefix).events.police);
    for (const [key, person] of Object.entries(people)) ids[key] = (await api.post('/people', person)).body;
    const pair = [{ personId: ids.victim!.personId, role: 'victim' }, { personId: ids.suspect!.personId, role: 'suspect' }];
    await incident('recent', pair, monthsAgo(2));
    await incident('old', pair, monthsAgo(13));
    await incident('agencyOnly', pair, monthsAgo(1), { sharing: 'agency' });
    await incident('restricted', pair, monthsAgo(1), { sharing: 'restricted', audience: [{ agency: 'cps' }, { role: 'chair' }] });
    const beforeListing = await incident('unlisted', [{ personId: ids.bystander!.personId, role: 'victim' }], monthsAgo(1));
    expect(beforeListing.published).toBe(false);
    await publishAsConference(police.prefix, caseListed(caseRef, [
      { role: 'victim', tokens: ids.victim!.tokens }, { role: 'suspect', tokens: ids.suspect!.tokens },
    ]));
  });

  afterAll(async () => {
    await topic?.stop();
    await police?.stop();
  });

  it('answers a listing with the listed subjects\' shareable records in the window, and withheld counts', async () => {
    const ret = (await topic.waitFor((e) => e.type === 'police.research.returned.v1' && e.subject === caseRef, 'research return')) as Returned;
    expect(ret.data.purpose).toEqual({ kind: 'listing', caseRef });
    const shared = ret.data.records.map((r) => (r as EventOfType<'police.incident.recorded.v1'>).data.incidentRef).sort();
    expect(shared).toEqual([refs.recent, refs.restricted].sort());
    const restricted = ret.data.records.find((r) => r.sharing === 'restricted')!;
    expect(restricted.audience).toEqual([{ agency: 'cps' }, { role: 'chair' }]);
    expect(ret.data.withheld).toEqual([{ recordKind: 'incident.recorded', reason: 'agency_only', count: 1 }]);
    const json = JSON.stringify(ret);
    expect(json).not.toContain(refs.agencyOnly);
    expect(json).not.toContain(refs.old);
    expect(json).not.toContain(refs.unlisted);
    for (const token of ids.bystander!.tokens) expect(json).not.toContain(token);
  });

  it('published nothing about anyone before a listing, and nothing about the unlisted person at all', async () => {
    await topic.waitFor((e) => e.type === 'police.research.returned.v1', 'research return');
    const standalone = topic.events.filter((e) => e.type === 'police.incident.recorded.v1');
    expect(standalone).toEqual([]);
    const everything = JSON.stringify(topic.events);
    for (const token of ids.bystander!.tokens) expect(everything).not.toContain(token);
  });

  it('streams new records about listed subjects with the case reference, and stops when the case closes', async () => {
    const live = await incident('live', [{ personId: ids.victim!.personId, role: 'victim' }], new Date().toISOString());
    expect(live).toMatchObject({ published: true, caseRef });
    await topic.waitFor((e) => e.type === 'police.incident.recorded.v1' && e.data.incidentRef === refs.live && e.subject === caseRef, 'streamed incident');

    await publishAsConference(police.prefix, caseClosed(caseRef));
    const after = await eventually(async () => {
      const res = await incident(`afterClose${Date.now()}`, [{ personId: ids.victim!.personId, role: 'victim' }], new Date().toISOString());
      return res.published === false ? res : undefined;
    }, { what: 'the listing to close' });
    expect(after.caseRef).toBeUndefined();
    // A later published event proves the topic has moved past the moment the closed-case record would have appeared.
    await api.post('/referrals', { subjects: [{ personId: ids.victim!.personId, role: 'victim' }], criterion: 'high_risk', reason: 'Marker' });
    await topic.waitFor((e: CaseEvent) => e.type === 'police.referral.made.v1', 'marker referral');
    expect(topic.events.some((e) => e.type === 'police.incident.recorded.v1' && e.data.incidentRef === after.ref)).toBe(false);
  });
});
