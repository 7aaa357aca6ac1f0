import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { startConference, type RunningConference } from '../support/conference.js';
import { people } from '../support/fixtures.js';
import { eventually, uniqueId } from '../support/infra.js';

const chair = { sub: 'chair-link', agency: 'conference', role: 'chair' } as const;
const officer = { sub: 'pc-link', agency: 'police', role: 'police' } as const;

describe('linking cases: same suspect with another victim, and repeat referrals', () => {
  const prefix = uniqueId('link');
  let police: RunningAgency;
  let conference: RunningConference;
  let policeApi: ReturnType<typeof client>;
  let chairApi: ReturnType<typeof client>;
  const ids: Record<string, { personId: string }> = {};

  async function refer(victim: string, suspect?: string): Promise<string> {
    const before = new Set(((await chairApi.get('/cases')).body as { caseRef: string }[]).map((c) => c.caseRef));
    const subjects = [{ personId: ids[victim]!.personId, role: 'victim' }, ...(suspect ? [{ personId: ids[suspect]!.personId, role: 'suspect' }] : [])];
    expect((await policeApi.post('/referrals', { subjects, criterion: 'high_risk', reason: 'Linking test' })).status).toBe(201);
    const created = await eventually(async () => ((await chairApi.get('/cases')).body as { caseRef: string; status: string }[]).find((c) => !before.has(c.caseRef) && c.status === 'listed'), { what: 'a new listing' });
    return created.caseRef;
  }

  beforeAll(async () => {
    conference = await startConference(prefix, { env: { CASE_RETENTION_DAYS: '30' } });
    police = await startAgency('police', { prefix });
    policeApi = client(police.url, await tokenFor(officer));
    chairApi = client(conference.url, await tokenFor(chair));
    for (const [key, person] of Object.entries(people)) ids[key] = (await policeApi.post('/people', person)).body;
  });

  afterAll(async () => {
    await police?.stop();
    await conference?.stop();
  });

  it('tells the chair of each case that the suspect appears in another, naming only its reference and agencies', async () => {
    const first = await refer('victim', 'suspect');
    const second = await refer('bystander', 'suspect');
    expect(second).not.toBe(first);
    const view = (await chairApi.get(`/cases/${second}`)).body;
    const signal = view.signals.find((s: { kind: string }) => s.kind === 'same_suspect_other_cases');
    expect(signal.otherCases).toEqual([{ caseRef: first, agencies: ['conference', 'police'] }]);
    expect(JSON.stringify(signal)).not.toContain("O'Neill");
    const back = (await chairApi.get(`/cases/${first}`)).body.signals.find((s: { kind: string }) => s.kind === 'same_suspect_other_cases');
    expect(back.otherCases.map((c: { caseRef: string }) => c.caseRef)).toEqual([second]);
    // A second referral about a victim with an open case joins it rather than opening another.
    await policeApi.post('/referrals', { subjects: [{ personId: ids.victim!.personId, role: 'victim' }], criterion: 'escalation', reason: 'Joins the open case' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(((await chairApi.get('/cases')).body as { caseRef: string }[]).map((c) => c.caseRef).sort()).toEqual([first, second].sort());
  });

  it('marks a referral about people whose case closed within 12 months as a repeat, linked to it', async () => {
    const cases = (await chairApi.get('/cases')).body as { caseRef: string }[];
    const first = cases.find((c) => c.caseRef)!.caseRef;
    const firstView = (await chairApi.get(`/cases/${first}`)).body.view;
    const victimKey = firstView.people.some((p: { family: string }) => p.family === "O'Neill") ? 'victim' : 'bystander';
    expect((await chairApi.post(`/cases/${first}/close`, { reason: 'risk_reduced' })).status).toBe(201);
    const repeat = await refer(victimKey);
    const view = (await chairApi.get(`/cases/${repeat}`)).body;
    expect(view.view.repeatOf).toBe(first);
    expect(view.signals.find((s: { kind: string }) => s.kind === 'repeat_referral')).toMatchObject({ repeatOf: first });
  });
});
