import { describe, expect, it } from 'vitest';
import { NOW, breach, diary, incident, replay, risk } from '../../../../../tests/fixtures/caseEvents.js';
import { behaviourCounts } from './counts.js';

describe('behaviour counts', () => {
  it('counts behaviours by type and records by agency over 7, 30 and 90 days', () => {
    const a = incident(['messages', 'following'], { daysAgo: 2 });
    const b = diary(['following'], { daysAgo: 20 });
    const c = breach('SPO-1', ['approaching'], { daysAgo: 60 });
    const old = incident(['threats'], { daysAgo: 120 });
    const [signal] = behaviourCounts(replay([a, b, c, old, risk('high', { daysAgo: 1 })]), NOW);
    expect(signal).toMatchObject({ id: 'behaviour_counts', kind: 'behaviour_counts', severity: 'info', eventIds: [c.id, b.id, a.id] });
    if (signal?.kind !== 'behaviour_counts') throw new Error('expected counts');
    expect(signal.counts).toEqual([
      { window: 7, byBehaviour: { messages: 1, following: 1 }, byAgency: { police: 1 } },
      { window: 30, byBehaviour: { messages: 1, following: 2 }, byAgency: { police: 1, advocacy: 1 } },
      { window: 90, byBehaviour: { messages: 1, following: 2, approaching: 1 }, byAgency: { police: 2, advocacy: 1 } },
    ]);
  });

  it('does not count what has not happened yet, and is absent when nothing happened in 90 days', () => {
    expect(behaviourCounts(replay([incident(['threats'], { daysAgo: 91 }), incident(['calls'], { daysAgo: -1 })]), NOW)).toEqual([]);
    expect(behaviourCounts(replay([risk('high')]), NOW)).toEqual([]);
  });
});
