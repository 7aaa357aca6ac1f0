import { describe, expect, it } from 'vitest';
import { NOW, diary, incident, replay } from '../../../../../tests/fixtures/caseEvents.js';
import { escalation } from './escalation.js';

describe('escalation: rising frequency', () => {
  it('fires with at least three records in 30 days and twice the 30 days before, showing severity too', () => {
    const previous = incident(['messages'], { daysAgo: 45 });
    const recent = [incident(['messages'], { daysAgo: 25 }), diary(['calls'], { daysAgo: 10 }), incident(['messages'], { daysAgo: 2 })];
    const [signal] = escalation(replay([previous, ...recent]), NOW);
    expect(signal).toMatchObject({
      kind: 'escalation', severity: 'warning',
      frequency: { last30Days: 3, previous30Days: 1, rising: true }, stepUp: { to: 'contact', from: null, steppedUp: null },
    });
    expect(signal!.eventIds).toEqual([previous.id, ...recent.map((e) => e.id)]);
    expect(signal!.explanation).toContain('no step up');
  });

  it('stays silent on a steady pattern, on fewer than three recent records, and on old behaviour only', () => {
    expect(escalation(replay([40, 45, 50, 5, 10, 15].map((d) => incident(['messages'], { daysAgo: d }))), NOW)).toEqual([]);
    expect(escalation(replay([incident(['messages'], { daysAgo: 5 }), incident(['calls'], { daysAgo: 6 })]), NOW)).toEqual([]);
    expect(escalation(replay([100, 101, 102, 103].map((d) => incident(['messages'], { daysAgo: d }))), NOW)).toEqual([]);
  });
});

describe('escalation: severity stepping up', () => {
  it('fires when the worst recent behaviour is above anything before the window, showing frequency too', () => {
    const early = incident(['messages', 'gifts'], { daysAgo: 60 });
    const loiter = diary(['loitering_home'], { daysAgo: 45 });
    const approach = incident(['approaching'], { daysAgo: 5 });
    const [signal] = escalation(replay([early, loiter, approach, incident(['calls'], { daysAgo: 3 })]), NOW);
    expect(signal).toMatchObject({
      severity: 'warning', stepUp: { from: 'loitering', to: 'approach', steppedUp: 'against_earlier' },
      frequency: { last30Days: 2, previous30Days: 1, rising: false }, eventIds: [loiter.id, approach.id],
    });
  });

  it('fires on a step up inside the recent window, even after worse long ago', () => {
    const old = incident(['violence'], { daysAgo: 200 });
    const card = incident(['gifts'], { daysAgo: 20 });
    const threat = incident(['threats'], { daysAgo: 4 });
    const [signal] = escalation(replay([old, card, threat]), NOW);
    expect(signal).toMatchObject({ stepUp: { from: 'contact', to: 'threats', steppedUp: 'within_window' }, eventIds: [card.id, threat.id] });
    expect(signal!.explanation).toContain('within the last 30 days');
  });

  it('fires on innocuous contact building to violence within 30 days, as critical', () => {
    const [signal] = escalation(replay([incident(['messages'], { daysAgo: 10 }), incident(['violence'], { daysAgo: 1 })]), NOW);
    expect(signal).toMatchObject({ severity: 'critical', stepUp: { from: 'contact', to: 'violence', steppedUp: 'within_window' } });
    const [critical] = escalation(replay([incident(['threats'], { daysAgo: 40 }), incident(['violence'], { daysAgo: 1 })]), NOW);
    expect(critical).toMatchObject({ severity: 'critical', stepUp: { from: 'threats', to: 'violence', steppedUp: 'against_earlier' } });
  });

  it('stays silent when recent behaviour is no worse than before, or falls within the window', () => {
    expect(escalation(replay([incident(['threats'], { daysAgo: 40 }), incident(['approaching'], { daysAgo: 1 })]), NOW)).toEqual([]);
    expect(escalation(replay([incident(['following'], { daysAgo: 40 }), incident(['loitering_work'], { daysAgo: 1 })]), NOW)).toEqual([]);
    expect(escalation(replay([incident(['threats'], { daysAgo: 20 }), incident(['messages'], { daysAgo: 2 })]), NOW)).toEqual([]);
  });

  it('stays silent on a single recent record, and on old behaviour only', () => {
    expect(escalation(replay([incident(['violence'], { daysAgo: 1 })]), NOW)).toEqual([]);
    expect(escalation(replay([incident(['messages'], { daysAgo: 90 }), incident(['violence'], { daysAgo: 60 })]), NOW)).toEqual([]);
  });
});
