// The conference's case views on the real database: stored packed with the queried fields plain, read back
// equal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkToken } from '@convene/shared';
import { createCaseStore, type CaseStore } from '../../services/conference/src/db/cases.js';
import { evolve, initialView, type CaseView } from '../../services/conference/src/readModel/index.js';
import { freshDatabase } from '../support/infra.js';
import { caseListed, newCaseRef } from '../support/fixtures.js';
import { incidentFor } from '../support/poison.js';

const secret = 'case-store-test-partnership-secret-0123456789';
const victimTokens = [linkToken(secret, { kind: 'nhs', nhsNumber: '9434765919' })];
const suspectTokens = [linkToken(secret, { kind: 'pnc', pncId: '12/0345678U' })];

function viewWith(incidents: number): CaseView {
  const caseRef = newCaseRef();
  let view = evolve(initialView(caseRef), caseListed(caseRef, [{ role: 'victim', tokens: victimTokens }, { role: 'suspect', tokens: suspectTokens }]));
  for (let i = 1; i <= incidents; i++) view = evolve(view, incidentFor(caseRef, victimTokens[0]!, i));
  return view;
}

describe('case store', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let cases: CaseStore;
  const raw = (caseRef: string) => database.db.collection('cases').findOne({ _id: caseRef as never });

  beforeAll(async () => {
    database = await freshDatabase();
    cases = createCaseStore(database.db);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('stores the view packed beside plain query fields, and reads it back equal', async () => {
    const view = viewWith(40);
    expect(view.timeline.length).toBe(41);
    await cases.saveMany([view]);

    const stored = await raw(view.caseRef);
    expect(stored).toMatchObject({ status: view.status, victimTokens: victimTokens });
    expect(stored).not.toHaveProperty('view');
    const packedBytes = (stored!.packedView as { buffer: Uint8Array }).buffer.length;
    expect(packedBytes).toBeLessThan(JSON.stringify(view).length / 3);

    expect(await cases.get(view.caseRef)).toEqual(view);
    expect((await cases.load([view.caseRef])).get(view.caseRef)).toEqual(view);
    // Many at once (a backlog) are read with one query: stored ones as stored, the rest fresh.
    const many = [view.caseRef, ...Array.from({ length: 30 }, () => newCaseRef())];
    const loaded = await cases.load(many);
    expect(loaded.size).toBe(31);
    expect(loaded.get(view.caseRef)).toEqual(view);
    expect(loaded.get(many[5]!)).toEqual(initialView(many[5]!));
    expect((await cases.openWithVictimTokens(victimTokens)).map((d) => d.view)).toContainEqual(view);
  });
});
