import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '@convene/shared/contracts';
import { evolveAll, initialView } from './caseView.js';
import {
  ago, breach, diary, incident, listed, make, replay, restrainingOrder, reviewed, risk, spoApplied, spoGranted, victimView,
  CASE,
} from '../../../../tests/fixtures/caseEvents.js';

const actionId = '55555555-5555-4555-8555-555555555555';

/** A case with something of every kind, some at the same instant so the id tie-break is exercised. */
function history(): CaseEvent[] {
  const streamedAlsoReturned = incident(['messages', 'calls'], { daysAgo: 80 });
  return [
    listed({ daysAgo: 60 }),
    streamedAlsoReturned,
    make('police.research.returned.v1', {
      purpose: { kind: 'listing', caseRef: CASE }, windowFrom: ago(365),
      records: [streamedAlsoReturned, incident(['gifts'], { daysAgo: 120, subject: null }), risk('standard', { daysAgo: 119, subject: null })],
      withheld: [], elsewhere: [], part: { index: 1, total: 1 },
    }, { daysAgo: 59 }),
    incident(['following', 'loitering_home'], { daysAgo: 40 }),
    diary(['loitering_work'], { daysAgo: 40 }),
    risk('medium', { daysAgo: 40, victimOwnView: 'high' }),
    victimView('high', { daysAgo: 30 }),
    spoApplied('SPO-1', { daysAgo: 25 }),
    spoGranted('SPO-1', { daysAgo: 20, kind: 'interim', expiresOn: '2026-11-30' }),
    spoGranted('SPO-1', { daysAgo: 5, kind: 'full', expiresOn: '2028-11-30' }),
    breach('SPO-1', ['approaching'], { daysAgo: 3 }),
    restrainingOrder('RO-1', { daysAgo: 15 }),
    reviewed('high', { daysAgo: 12 }),
    make('conference.action.assigned.v1', {
      actionId, caseRef: CASE, agency: 'health', description: 'Share contact point', dueOn: '2026-11-10', assignedBy: { userId: 'chair-1' },
    }, { daysAgo: 12 }),
    make('health.action.accepted.v1', { actionId, caseRef: CASE, acceptedBy: { userId: 'n-1' } }, { daysAgo: 11 }),
    make('health.action.completed.v1', { actionId, caseRef: CASE, outcome: 'Shared', completedBy: { userId: 'n-1' } }, { daysAgo: 4 }),
    make('health.concern.flagged.v1', {
      concernRef: 'HC-1', subjectRole: 'victim', category: 'psychological_distress', severity: 'medium', contact: { service: 'GP practice' },
    }, { daysAgo: 18 }),
    make('health.concern.updated.v1', { concernRef: 'HC-1', severity: 'high' }, { daysAgo: 9 }),
    make('health.disclosure.decided.v1', {
      requestRef: '66666666-6666-4666-8666-666666666666', concernRef: 'HC-1', caseRef: CASE, decision: 'disclosed',
      reason: 'Safeguarding', decidedBy: { userId: 'cg-1' }, detail: 'Detail for the chair',
    }, { daysAgo: 7, sharing: 'restricted', audience: [{ role: 'chair' }] }),
    make('advocacy.victim.engaged.v1', { engagementRef: 'ENG-1', consent: 'full', consentGivenOn: '2026-09-01' }, { daysAgo: 58 }),
    make('conference.case.closed.v1', { caseRef: CASE, reason: 'risk_reduced', closedBy: { userId: 'chair-1' } }, { daysAgo: 1 }),
  ];
}

/** Deterministic permutation from a small linear congruential generator: the same "shuffle" every run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('replay equality', () => {
  const events = history();
  const inOrder = replay(events);

  it('builds the full case from the history', () => {
    expect(inOrder.status).toBe('closed');
    expect(inOrder.timeline).toHaveLength(events.length + 2); // two records only in the research return
    expect(inOrder.orders.spos[0]!.granted!.kind).toBe('full');
    expect(inOrder.actions[0]!.status).toBe('completed');
    expect(inOrder.disclosures[0]).toMatchObject({ decision: 'disclosed', detail: 'Detail for the chair', audience: [{ role: 'chair' }] });
  });

  it.each([
    ['reversed', [...events].reverse()],
    ['shuffle 1', shuffled(events, 1)],
    ['shuffle 7', shuffled(events, 7)],
    ['shuffle 2026', shuffled(events, 2026)],
  ])('gives the same view when events arrive %s', (_name, order) => {
    expect(replay(order)).toStrictEqual(inOrder);
  });

  it('gives the same view when every event is delivered twice, interleaved', () => {
    const twice = shuffled([...events, ...events], 42);
    expect(replay(twice)).toStrictEqual(inOrder);
  });

  it('gives the same view applied in chunks (evolveAll) as one event at a time, and keeps an unchanged view as it is', () => {
    const order = shuffled([...events, ...events], 9);
    let view = initialView(CASE);
    for (let i = 0; i < order.length; i += 7) view = evolveAll(view, order.slice(i, i + 7));
    expect(view).toStrictEqual(inOrder);
    expect(evolveAll(initialView(CASE), shuffled([...events, ...events], 3))).toStrictEqual(inOrder);
    expect(evolveAll(view, events)).toBe(view);
    expect(evolveAll(view, [])).toBe(view);
  });

  it('is plain JSON: a round trip through JSON changes nothing', () => {
    expect(JSON.parse(JSON.stringify(inOrder))).toStrictEqual(inOrder);
  });
});
