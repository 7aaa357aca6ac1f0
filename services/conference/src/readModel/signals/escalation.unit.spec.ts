import { describe, expect, it } from 'vitest';
import { NOW, diary, incident, replay } from '../testing/fixtures.js';
import { risingFrequency, severityStepUp } from './escalation.js';

describe('escalation: rising frequency', () => {
  it('fires with at least three records in 30 days and twice the 30 days before', () => {
    const previous = incident(['messages'], { daysAgo: 45 });
    const recent = [incident(['messages'], { daysAgo: 25 }), diary(['calls'], { daysAgo: 10 }), incident(['messages'], { daysAgo: 2 })];
    const [signal] = risingFrequency(replay([previous, ...recent]), NOW);
    expect(signal).toMatchObject({ kind: 'escalation_frequency', severity: 'warning', last30Days: 3, previous30Days: 1 });
    expect(signal!.eventIds).toEqual([previous.id, ...recent.map((e) => e.id)]);
  });

  it('does not fire on a steady pattern', () => {
    const steady = [40, 45, 50, 5, 10, 15].map((d) => incident(['messages'], { daysAgo: d }));
    expect(risingFrequency(replay(steady), NOW)).toEqual([]);
  });

  it('does not fire on fewer than three recent records', () => {
    expect(risingFrequency(replay([incident(['messages'], { daysAgo: 5 }), incident(['calls'], { daysAgo: 6 })]), NOW)).toEqual([]);
  });

  it('does not fire on old behaviours only', () => {
    const old = [100, 101, 102, 103].map((d) => incident(['messages'], { daysAgo: d }));
    expect(risingFrequency(replay(old), NOW)).toEqual([]);
  });
});

describe('escalation: severity stepping up', () => {
  it('fires when the worst recent behaviour is on a higher rung than anything before', () => {
    const early = incident(['messages', 'gifts'], { daysAgo: 60 });
    const loiter = diary(['loitering_home'], { daysAgo: 45 });
    const approach = incident(['approaching'], { daysAgo: 5 });
    const [signal] = severityStepUp(replay([early, loiter, approach, incident(['calls'], { daysAgo: 3 })]), NOW);
    expect(signal).toMatchObject({ kind: 'escalation_severity', severity: 'warning', from: 'loitering', to: 'approach', eventIds: [loiter.id, approach.id] });
  });

  it('is critical when the step up reaches violence', () => {
    const [signal] = severityStepUp(replay([incident(['threats'], { daysAgo: 40 }), incident(['violence'], { daysAgo: 1 })]), NOW);
    expect(signal).toMatchObject({ from: 'threats', to: 'violence', severity: 'critical' });
  });

  it('does not fire when recent behaviour is no worse than before', () => {
    expect(severityStepUp(replay([incident(['threats'], { daysAgo: 40 }), incident(['approaching'], { daysAgo: 1 })]), NOW)).toEqual([]);
    expect(severityStepUp(replay([incident(['following'], { daysAgo: 40 }), incident(['loitering_work'], { daysAgo: 1 })]), NOW)).toEqual([]);
  });

  it('does not fire without earlier behaviour to step up from, or on old behaviours only', () => {
    expect(severityStepUp(replay([incident(['messages'], { daysAgo: 10 }), incident(['violence'], { daysAgo: 1 })]), NOW)).toEqual([]);
    expect(severityStepUp(replay([incident(['messages'], { daysAgo: 90 }), incident(['violence'], { daysAgo: 60 })]), NOW)).toEqual([]);
  });
});
