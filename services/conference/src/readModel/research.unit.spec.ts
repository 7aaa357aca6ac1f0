import { describe, expect, it } from 'vitest';
import { evolve, initialView } from './caseView.js';
import { CASE, OTHER_CASE, ago, incident, listed, make, replay, risk } from '../../../../tests/fixtures/caseEvents.js';

function policeReturn(records: ReturnType<typeof incident | typeof risk>[], purpose: { kind: 'listing'; caseRef: string } | { kind: 'history_check'; requestRef: string } = { kind: 'listing', caseRef: CASE }) {
  return make('police.research.returned.v1', {
    purpose, windowFrom: ago(365), records,
    withheld: [{ recordKind: 'intelligence', reason: 'live_investigation', count: 2 }], elsewhere: [],
    part: { index: 1, total: 1 },
  }, { daysAgo: 55 });
}

describe('research returns', () => {
  it('applies each embedded record as an event of its own, placed by when it happened', () => {
    const old = incident(['messages'], { daysAgo: 200, subject: null });
    const assessed = risk('medium', { daysAgo: 150, subject: null });
    const ret = policeReturn([old, assessed]);
    const view = replay([listed(), ret]);
    expect(view.timeline.map((e) => e.eventId)).toEqual([old.id, assessed.id, view.listingEventId, ret.id]);
    expect(view.appliedEventIds).toEqual([old.id, assessed.id, ret.id, view.listingEventId].sort());
    expect(view.risk.police).toMatchObject({ grade: 'medium', eventId: assessed.id });
  });

  it('shows the return itself with what was withheld and why, never its content', () => {
    const ret = policeReturn([incident(['messages'], { daysAgo: 200 })]);
    const entry = replay([ret]).timeline.find((e) => e.eventId === ret.id)!;
    expect(entry).toMatchObject({ kind: 'other', summary: 'Police research return: 1 record, 2 withheld' });
    expect(entry.facts).toEqual({ on: 'research', recordCount: 1, withheld: [{ recordKind: 'intelligence', reason: 'live_investigation', count: 2 }] });
  });

  it('does not duplicate a record already streamed to the case, and ignores a redelivered return', () => {
    const streamed = incident(['following'], { daysAgo: 30 });
    const ret = policeReturn([streamed, incident(['gifts'], { daysAgo: 100 })]);
    const view = replay([streamed, ret]);
    expect(view.timeline.filter((e) => e.eventId === streamed.id)).toHaveLength(1);
    expect(view.timeline.filter((e) => e.kind !== 'listing')).toHaveLength(3);
    expect(evolve(view, ret)).toBe(view);
    expect(replay([ret, streamed])).toEqual(view);
  });

  it('leaves out returns for another case and for a CPS history check', () => {
    const view = initialView(CASE);
    expect(evolve(view, policeReturn([incident(['threats'])], { kind: 'listing', caseRef: OTHER_CASE }))).toBe(view);
    const check = policeReturn([incident(['threats'])], { kind: 'history_check', requestRef: '44444444-4444-4444-8444-444444444444' });
    expect(evolve(view, check)).toBe(view);
  });
});
