// The conference's case views on the real database: stored packed with the queried fields plain, read back
// equal; a write folded from an old revision is refused, and the in-memory views fold anew when refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkToken } from '@convene/shared/link-tokens';
import { createCaseStore, type CaseStore } from '../../services/conference/src/db/cases.js';
import { createCaseViews } from '../../services/conference/src/projection/caseViews.js';
import { createErasedCases } from '../../services/conference/src/db/erasedCases.js';
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
    expect(await cases.saveRevised([{ view, rev: 0 }])).toEqual(new Set());

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

  it('refuses a write folded from a revision that is no longer the stored one, and creates a case only once', async () => {
    const view = viewWith(1);
    const ref = view.caseRef;
    expect(await cases.saveRevised([{ view, rev: 0 }])).toEqual(new Set());
    // A second writer that also thought the case new: refused, nothing overwritten.
    const other = evolve(view, incidentFor(ref, victimTokens[0]!, 2));
    expect(await cases.saveRevised([{ view: other, rev: 0 }])).toEqual(new Set([ref]));
    expect((await cases.loadRevised([ref])).get(ref)).toEqual({ view, rev: 1 });
    // Two writers folded revision 1: the first wins, the second is refused; a fresh case beside them is written.
    const first = evolve(view, incidentFor(ref, victimTokens[0]!, 3));
    const fresh = viewWith(2);
    expect(await cases.saveRevised([{ view: first, rev: 1 }, { view: fresh, rev: 0 }])).toEqual(new Set());
    expect(await cases.saveRevised([{ view: other, rev: 1 }])).toEqual(new Set([ref]));
    expect((await cases.loadRevised([ref])).get(ref)).toEqual({ view: first, rev: 2 });
    expect((await cases.loadRevised([fresh.caseRef])).get(fresh.caseRef)?.rev).toBe(1);
    // An erased case (its document gone) is not brought back by a writer that held it.
    await cases.remove(fresh.caseRef);
    expect(await cases.saveRevised([{ view: evolve(fresh, incidentFor(fresh.caseRef, victimTokens[0]!, 9)), rev: 1 }])).toEqual(new Set([fresh.caseRef]));
    expect(await raw(fresh.caseRef)).toBeNull();
  });

  it('two instances folding the same case lose nothing: the one holding a stale view reads it again', async () => {
    const erased = createErasedCases(database.db);
    const a = createCaseViews({ cases, erased });
    const b = createCaseViews({ cases, erased });
    const ref = newCaseRef();
    const listed = caseListed(ref, [{ role: 'victim', tokens: victimTokens }, { role: 'suspect', tokens: suspectTokens }]);
    await a.fold(new Map([[ref, [listed]]]));
    await b.fold(new Map([[ref, [incidentFor(ref, victimTokens[0]!, 1)]]]));
    // a still holds the view as it wrote it; b has written a newer one since.
    const folded = await a.fold(new Map([[ref, [incidentFor(ref, victimTokens[0]!, 2)]]]));
    const stored = (await cases.loadRevised([ref])).get(ref)!;
    expect(stored.rev).toBe(3);
    expect(stored.view).toEqual(folded.views.get(ref));
    expect(stored.view.timeline).toHaveLength(3);
    // Erased meanwhile: neither brings it back.
    await erased.record(ref);
    await cases.remove(ref);
    expect((await b.fold(new Map([[ref, [incidentFor(ref, victimTokens[0]!, 3)]]]))).views.size).toBe(0);
    expect(await raw(ref)).toBeNull();
  });
});
