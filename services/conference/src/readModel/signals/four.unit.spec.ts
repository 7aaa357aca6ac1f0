import { describe, expect, it } from 'vitest';
import { NOW, diary, incident, replay, risk } from '../../../../../tests/fixtures/caseEvents.js';
import { four, fourReport } from './four.js';

describe('FOUR indicators', () => {
  it('warns when fixated, obsessive, unwanted and repeated are all met, each with its events', () => {
    const events = [incident(['messages'], { daysAgo: 30 }), diary(['following'], { daysAgo: 20 }), incident(['gifts', 'calls'], { daysAgo: 10 })];
    const view = replay(events);
    const [signal] = four(view, NOW);
    expect(signal).toMatchObject({ id: 'four', severity: 'warning' });
    const report = fourReport(view, NOW);
    const ids = events.map((e) => e.id);
    expect(report).toEqual({
      fixated: { met: true, eventIds: ids },
      obsessive: { met: true, eventIds: ids },
      unwanted: { met: true, eventIds: ids },
      repeated: { met: true, eventIds: ids },
    });
  });

  it('reports each indicator as not met on a single incident, and does not warn', () => {
    const view = replay([incident(['messages'], { daysAgo: 3 })]);
    expect(fourReport(view, NOW)).toMatchObject({
      fixated: { met: false, eventIds: [] }, obsessive: { met: false }, unwanted: { met: true }, repeated: { met: false },
    });
    expect(four(view, NOW)[0]).toMatchObject({ severity: 'info', title: 'FOUR indicators: 1 of 4' });
  });

  it('is not fixated when repeated behaviour falls on only two days, nor obsessive with two types', () => {
    const view = replay([
      incident(['messages'], { daysAgo: 5 }), incident(['calls'], { daysAgo: 5.1 }), incident(['messages'], { daysAgo: 4 }),
    ]);
    const report = fourReport(view, NOW);
    expect([report.fixated.met, report.obsessive.met, report.repeated.met]).toEqual([false, false, true]);
    expect(four(view, NOW)[0]!.severity).toBe('info');
  });

  it('is absent when there is no behaviour at all', () => {
    expect(four(replay([risk('high')]), NOW)).toEqual([]);
  });
});
