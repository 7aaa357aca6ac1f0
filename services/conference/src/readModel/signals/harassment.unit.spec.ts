import { describe, expect, it } from 'vitest';
import { NOW, classificationChanged, incident, replay } from '../testing/fixtures.js';
import { harassmentMayBeStalking } from './harassment.js';

describe('possible stalking recorded as harassment', () => {
  it('fires on two incidents with fixation behaviours recorded under s2 or malicious communications', () => {
    const a = incident(['following'], { daysAgo: 30, offenceClass: 'pha_s2' });
    const b = incident(['messages', 'gifts'], { daysAgo: 10, offenceClass: 'malicious_communications' });
    const [signal] = harassmentMayBeStalking(replay([a, b]), NOW);
    expect(signal).toMatchObject({ kind: 'harassment_may_be_stalking', severity: 'warning', eventIds: [a.id, b.id] });
  });

  it('does not fire on one incident only', () => {
    expect(harassmentMayBeStalking(replay([incident(['following'], { daysAgo: 3 })]), NOW)).toEqual([]);
  });

  it('does not fire when the incidents were later reclassified to s2A or s4A', () => {
    const events = [incident(['following'], { daysAgo: 30 }), incident(['loitering_home'], { daysAgo: 20 })];
    expect(harassmentMayBeStalking(replay([...events, classificationChanged('pha_s2a', { daysAgo: 5 })]), NOW)).toEqual([]);
    expect(harassmentMayBeStalking(replay([...events, classificationChanged('pha_s4a', { daysAgo: 5 })]), NOW)).toEqual([]);
  });

  it('still fires on a reclassification to something other than stalking', () => {
    const events = [incident(['following'], { daysAgo: 30 }), incident(['loitering_home'], { daysAgo: 20 })];
    expect(harassmentMayBeStalking(replay([...events, classificationChanged('pha_s4', { daysAgo: 5 })]), NOW)).toHaveLength(1);
  });

  it('does not fire on incidents already recorded as stalking, or without fixation behaviours', () => {
    expect(harassmentMayBeStalking(replay([
      incident(['following'], { daysAgo: 30, offenceClass: 'pha_s2a' }), incident(['tracking'], { daysAgo: 20, offenceClass: 'pha_s4a' }),
    ]), NOW)).toEqual([]);
    expect(harassmentMayBeStalking(replay([
      incident(['messages'], { daysAgo: 30 }), incident(['calls', 'threats'], { daysAgo: 20 }),
    ]), NOW)).toEqual([]);
  });

  it('counts only incidents after the latest reclassification', () => {
    const after = [incident(['approaching'], { daysAgo: 4 }), incident(['tracking'], { daysAgo: 2 })];
    const events = [incident(['following'], { daysAgo: 30 }), classificationChanged('pha_s2a', { daysAgo: 20 }), ...after];
    expect(harassmentMayBeStalking(replay(events), NOW)[0]!.eventIds).toEqual(after.map((e) => e.id));
  });
});
