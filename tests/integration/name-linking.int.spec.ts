import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkToken } from '@convene/shared/link-tokens';
import { DEV_LINK_SECRET } from '../../scripts/lib/devSecrets.js';
import { prefixedTopics, type CaseEvent, type EventOfType } from '@convene/shared/contracts';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { readTopic, type TopicReader } from '../support/topicReader.js';
import { caseListed, newCaseRef, publishAsConference } from '../support/fixtures.js';

// Issue 18.1: names and dates as agencies really write them give one token; near misses are offered to the
// agency holding both records, and nowhere else.
const officer = { sub: 'pc-181', agency: 'police', role: 'police', name: 'PC Lane' } as const;
const nurse = { sub: 'hv-181', agency: 'health', role: 'health' } as const;

type Person = { personId: string; given: string; family: string; dateOfBirth: string; tokens: string[] };
type Match = { matchId: string; reason: string; status: string; people: Person[]; decidedBy?: { userId: string } };

const ndOf = (p: Person) => p.tokens.find((t) => t.startsWith('lt1.nd.'));

describe('linking that survives how agencies write names and dates', () => {
  let police: RunningAgency;
  let health: RunningAgency;
  let atPolice: ReturnType<typeof client>;
  let atHealth: ReturnType<typeof client>;
  let topic: TopicReader;
  const dob = '1985-03-14';

  beforeAll(async () => {
    police = await startAgency('police');
    health = await startAgency('health', { prefix: police.prefix });
    atPolice = client(police.url, await tokenFor(officer));
    atHealth = client(health.url, await tokenFor(nurse));
    topic = await readTopic(prefixedTopics(police.prefix).events.police);
  }, 60_000);

  afterAll(async () => {
    await topic?.stop();
    await health?.stop();
    await police?.stop();
  });

  const isReturnFor = (caseRef: string) => (e: CaseEvent): e is EventOfType<'police.research.returned.v1'> =>
    e.type === 'police.research.returned.v1' && (e as EventOfType<'police.research.returned.v1'>).data.purpose.kind === 'listing'
    && (e as EventOfType<'police.research.returned.v1'>).subject === caseRef;

  /** List a case whose victim is known by these tokens only; the police research return's record ids. */
  async function researchFor(tokens: string[]) {
    const caseRef = newCaseRef();
    await publishAsConference(police.prefix, caseListed(caseRef, [{ role: 'victim', tokens }]));
    const returned = await topic.waitFor(isReturnFor(caseRef), `police research return for ${caseRef}`);
    return returned.data.records as CaseEvent[];
  }

  async function incidentAbout(personId: string, summary: string): Promise<string> {
    const res = await atPolice.post('/incidents', {
      subjects: [{ personId, role: 'victim' }], occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
      behaviours: ['messages'], offenceClass: 'pha_s2', summary,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.ref as string;
  }

  it("O'Neil-Smith born 14/03/1985 at police and oneil smith born 1985-03-14 at health get the same token", async () => {
    const p = await atPolice.post('/people', { given: 'Siobhán', family: "O'Neil-Smith", dateOfBirth: '14/03/1985' });
    const h = await atHealth.post('/people', { given: 'SIOBHAN', family: 'oneil smith', dateOfBirth: dob });
    const h2 = await atHealth.post('/people', { given: ' siobhan ', family: 'O’NEIL  SMITH', dateOfBirth: '14 Mar 1985' });
    expect([p.status, h.status, h2.status]).toEqual([201, 201, 201]);
    expect(p.body.dateOfBirth).toBe(dob);
    expect(h2.body.dateOfBirth).toBe(dob);
    expect(ndOf(p.body)).toBeDefined();
    expect(ndOf(h.body)).toBe(ndOf(p.body));
    expect(ndOf(h2.body)).toBe(ndOf(p.body));
  });

  it.each([
    ['14/03/85', /two-digit year/],
    ['03/14/1985', /not a calendar date/],
    ['1985/03/14', /unrecognised format/],
    ['14/03/2999', /in the future/],
  ])('refuses the date of birth %s with a 400 naming body.dateOfBirth and the accepted formats', async (dateOfBirth, why) => {
    const res = await atPolice.post('/people', { given: 'Ann', family: 'Lee', dateOfBirth });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'invalid_date_of_birth', errors: [{ field: 'body.dateOfBirth' }] });
    expect(res.body.detail).toMatch(why);
    expect(res.body.detail).toContain('YYYY-MM-DD, DD/MM/YYYY (day first) or D MMM YYYY');
    expect(JSON.stringify(res.body)).not.toContain(dateOfBirth);
  });

  describe('possible matches, decided by the agency that holds both records', () => {
    let exact: Person;
    let typo: Person;
    let initial: Person;

    beforeAll(async () => {
      exact = (await atPolice.post('/people', { given: 'Niamh', family: 'Gallagher', dateOfBirth: '02/07/1990' })).body;
      typo = (await atPolice.post('/people', { given: 'Niamh', family: 'Gallager', dateOfBirth: '1990-07-02' })).body;
      initial = (await atPolice.post('/people', { given: 'N.', family: 'Gallagher', dateOfBirth: '2 July 1990' })).body;
      // Health holds the correctly spelled person only: nothing there to offer.
      expect((await atHealth.post('/people', { given: 'Niamh', family: 'Gallagher', dateOfBirth: '1990-07-02' })).status).toBe(201);
    });

    const pairOf = (list: Match[], a: Person, b: Person) =>
      list.find((m) => m.people.some((p) => p.personId === a.personId) && m.people.some((p) => p.personId === b.personId));

    it('offers the typo and the initial at police, and nothing at health', async () => {
      const offered = (await atPolice.get('/people/possible-matches')).body as Match[];
      expect(pairOf(offered, exact, typo)).toMatchObject({ reason: 'one_letter', status: 'offered' });
      expect(pairOf(offered, exact, initial)).toMatchObject({ reason: 'initial', status: 'offered' });
      expect(pairOf(offered, typo, initial)).toBeUndefined();
      const mine = (await atPolice.get(`/people/${typo.personId}/possible-matches`)).body as Match[];
      expect(mine.map((m) => m.reason)).toEqual(['one_letter']);
      const atHealthList = await atHealth.get('/people/possible-matches');
      expect(atHealthList.status).toBe(200);
      expect(atHealthList.body).toEqual([]);
      // Another agency's staff may not see police's people, nor decide on them.
      const nosy = client(police.url, await tokenFor(nurse));
      expect((await nosy.get('/people/possible-matches')).status).toBe(403);
      expect((await nosy.post(`/people/${exact.personId}/matches/${typo.personId}/confirm`, { reason: 'same person' })).status).toBe(403);
    });

    it('a confirmed match links by alias: a listing by one token finds records of both, streamed with both tokens', async () => {
      const aboutTypo = await incidentAbout(typo.personId, 'Messages recorded under the misspelt name');
      const before = await researchFor(exact.tokens);
      expect(before.map((r) => (r.data as { incidentRef?: string }).incidentRef)).not.toContain(aboutTypo);

      const res = await atPolice.post(`/people/${exact.personId}/matches/${typo.personId}/confirm`, { reason: 'Same person: custody record spelling' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ status: 'confirmed', reason: 'one_letter', decidedBy: { userId: officer.sub }, note: 'Same person: custody record spelling' });
      const [linkedExact, linkedTypo] = [(await atPolice.get(`/people/${exact.personId}`)).body as Person, (await atPolice.get(`/people/${typo.personId}`)).body as Person];
      expect(linkedExact.tokens).toEqual(expect.arrayContaining(typo.tokens));
      expect(linkedTypo.tokens).toEqual(expect.arrayContaining(exact.tokens));

      const after = await researchFor(exact.tokens);
      const found = after.find((r) => (r.data as { incidentRef?: string }).incidentRef === aboutTypo);
      expect(found, 'the typo record in the research return').toBeDefined();
      expect(found!.subjects[0]!.tokens).toEqual(expect.arrayContaining([...exact.tokens, ...typo.tokens]));

      // A new record about the misspelt person streams with both people's tokens.
      const later = await incidentAbout(typo.personId, 'A later message');
      const streamed = await topic.waitFor((e) => e.type === 'police.incident.recorded.v1' && (e.data as { incidentRef?: string }).incidentRef === later, 'the later incident');
      expect(streamed.subjects[0]!.tokens).toEqual(expect.arrayContaining([...exact.tokens, ...typo.tokens]));
      // Names never travel: not in the research return, not in the stream.
      expect(JSON.stringify(topic.events)).not.toMatch(/Gallag/);

      const offered = (await atPolice.get('/people/possible-matches')).body as Match[];
      expect(pairOf(offered, exact, typo)).toBeUndefined();
      const again = await atPolice.post(`/people/${typo.personId}/matches/${exact.personId}/reject`, { reason: 'changed my mind' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('match_already_decided');
    });

    it('a rejected pair is not offered again, and keeps its tokens apart', async () => {
      const res = await atPolice.post(`/people/${initial.personId}/matches/${exact.personId}/reject`, { reason: 'Different person: N is Nora, per the GP' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ status: 'rejected', reason: 'initial' });
      expect(pairOf((await atPolice.get('/people/possible-matches')).body, exact, initial)).toBeUndefined();
      expect((await atPolice.get(`/people/${initial.personId}/possible-matches`)).body).toEqual([]);
      // A new record with that spelling is a new pair, offered; the rejected pair stays decided.
      const another = (await atPolice.post('/people', { given: 'N', family: 'Gallagher', dateOfBirth: '1990-07-02' })).body as Person;
      const offered = (await atPolice.get('/people/possible-matches')).body as Match[];
      expect(pairOf(offered, exact, another)).toMatchObject({ reason: 'initial', status: 'offered' });
      expect(pairOf(offered, exact, initial)).toBeUndefined();
      const late = await atPolice.post(`/people/${exact.personId}/matches/${initial.personId}/confirm`, { reason: 'second thoughts' });
      expect(late.status).toBe(409);
      const initialNow = (await atPolice.get(`/people/${initial.personId}`)).body as Person;
      expect(initialNow.tokens).toEqual(initial.tokens);
    });

    it('refuses to confirm people who are not a possible match, or unknown people', async () => {
      const stranger = (await atPolice.post('/people', { given: 'Mark', family: 'Dawson', dateOfBirth: '1990-07-02' })).body as Person;
      const notClose = await atPolice.post(`/people/${exact.personId}/matches/${stranger.personId}/confirm`, { reason: 'just because' });
      expect(notClose.status).toBe(409);
      expect(notClose.body.code).toBe('not_a_possible_match');
      const unknown = await atPolice.post(`/people/${exact.personId}/matches/00000000-0000-4000-8000-000000000000/confirm`, { reason: 'nobody' });
      expect(unknown.status).toBe(404);
      const noReason = await atPolice.post(`/people/${exact.personId}/matches/${typo.personId}/reject`, {});
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].field).toBe('body.reason');
    });
  });

  it('people recorded under the old normalisation get the new token on start-up and keep the old one as an alias', async () => {
    // Before issue 18.1 an apostrophe separated: O'Neil was "o neil".
    const old = `lt1.nd.${createHmac('sha256', DEV_LINK_SECRET).update('nd:ann|o neil|1970-01-01').digest('base64url')}`;
    const fresh = linkToken(DEV_LINK_SECRET, { kind: 'nd', given: 'Ann', family: "O'Neil", dateOfBirth: '1970-01-01' });
    expect(fresh).not.toBe(old);
    const personId = randomUUID();
    await police.runtime.db.collection('people').insertOne({ _id: personId as never, given: 'Ann', family: "O'Neil", dateOfBirth: '1970-01-01', tokens: [old], createdAt: new Date() });
    expect(await police.kit.people.refreshTokens()).toBe(1);
    expect(await police.kit.people.refreshTokens()).toBe(0);
    const person = (await atPolice.get(`/people/${personId}`)).body as Person;
    expect(person.tokens).toEqual([old, fresh]);
    // Records written under either token are found by a listing under the other.
    expect(await police.kit.people.widen([fresh])).toEqual([fresh, old]);
  });
});

