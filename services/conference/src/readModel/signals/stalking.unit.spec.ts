import { describe, expect, it } from 'vitest';
import { NOW, charged, classificationChanged, concern, diary, incident, replay } from '../../../../../tests/fixtures/caseEvents.js';
import { harassmentMayBeStalking, stalkingEvidence } from './stalking.js';

describe('possible stalking recorded as harassment', () => {
  it('fires on two records of repeated behaviour while police classify as s2 or malicious communications', () => {
    const a = incident(['following'], { daysAgo: 30, offenceClass: 'pha_s2' });
    const b = incident(['messages', 'gifts'], { daysAgo: 10, offenceClass: 'malicious_communications' });
    const [signal] = harassmentMayBeStalking(replay([a, b]), NOW);
    expect(signal).toMatchObject({ kind: 'harassment_may_be_stalking', severity: 'warning', eventIds: [a.id, b.id] });
  });

  it('counts repeated messages, calls and social media: contact is how most stalking is done', () => {
    const a = incident(['messages'], { daysAgo: 30 });
    const b = incident(['calls', 'social_media'], { daysAgo: 20, offenceClass: 'pha_s4' });
    expect(harassmentMayBeStalking(replay([a, b]), NOW)).toMatchObject([{ eventIds: [a.id, b.id] }]);
  });

  it("counts any agency's records, the victim's diary and a health flag of fixation included", () => {
    const logged = incident(['messages'], { daysAgo: 40, offenceClass: 'other' });
    const written = diary(['loitering_home'], { daysAgo: 20 });
    const flagged = concern('perpetrator_fixation', { daysAgo: 15 });
    const [signal] = harassmentMayBeStalking(replay([logged, written, flagged]), NOW);
    expect(signal!.eventIds).toEqual([logged.id, written.id, flagged.id]);
    expect(signal!.explanation).toContain('3 agencies');
  });

  it('stays silent on one record only, or when nothing is classified by police', () => {
    expect(harassmentMayBeStalking(replay([incident(['following'], { daysAgo: 3 })]), NOW)).toEqual([]);
    expect(harassmentMayBeStalking(replay([diary(['messages'], { daysAgo: 9 }), diary(['calls'], { daysAgo: 3 })]), NOW)).toEqual([]);
    expect(harassmentMayBeStalking(replay([incident(['following'], { daysAgo: 3 }), concern('psychological_distress', { daysAgo: 2 })]), NOW)).toEqual([]);
  });

  it('stays silent once police reclassify as stalking (s2A or s4A), or record it as stalking to begin with', () => {
    const events = [incident(['following'], { daysAgo: 30 }), incident(['loitering_home'], { daysAgo: 20 })];
    expect(harassmentMayBeStalking(replay([...events, classificationChanged('pha_s2a', { daysAgo: 5 })]), NOW)).toEqual([]);
    expect(harassmentMayBeStalking(replay([...events, classificationChanged('pha_s4a', { daysAgo: 5 })]), NOW)).toEqual([]);
    expect(harassmentMayBeStalking(replay([
      incident(['following'], { daysAgo: 30, offenceClass: 'pha_s2a' }), incident(['tracking'], { daysAgo: 20, offenceClass: 'pha_s4a' }),
    ]), NOW)).toEqual([]);
  });

  it('still fires on a reclassification to something other than stalking', () => {
    const events = [incident(['following'], { daysAgo: 30 }), incident(['loitering_home'], { daysAgo: 20 })];
    expect(harassmentMayBeStalking(replay([...events, classificationChanged('pha_s4', { daysAgo: 5 })]), NOW)).toHaveLength(1);
  });

  it('counts only records after the latest classification as stalking, when police then record harassment again', () => {
    const after = [incident(['approaching'], { daysAgo: 4 }), incident(['tracking'], { daysAgo: 2 })];
    const events = [incident(['following'], { daysAgo: 30 }), classificationChanged('pha_s2a', { daysAgo: 20 }), ...after];
    expect(harassmentMayBeStalking(replay(events), NOW)[0]!.eventIds).toEqual(after.map((e) => e.id));
  });
});

describe('stalking evidence (for the SPO signal)', () => {
  it('is a police or CPS classification as stalking', () => {
    const charge = charged('pha_s4a', { daysAgo: 3 });
    expect(stalkingEvidence(replay([incident(['messages'], { daysAgo: 9 }), charge]), NOW)).toEqual([charge.id]);
  });

  it('is the possible-stalking signal, or all four FOUR indicators', () => {
    const two = [incident(['messages'], { daysAgo: 9 }), incident(['calls'], { daysAgo: 3 })];
    expect(stalkingEvidence(replay(two), NOW)).toEqual(two.map((e) => e.id));
    const four = [diary(['following'], { daysAgo: 9 }), diary(['gifts'], { daysAgo: 6 }), diary(['calls'], { daysAgo: 3 })];
    expect(stalkingEvidence(replay(four), NOW)).toEqual(four.map((e) => e.id));
  });

  it('is nothing for a single harassment incident', () => {
    expect(stalkingEvidence(replay([incident(['threats'], { daysAgo: 5 })]), NOW)).toEqual([]);
  });
});
