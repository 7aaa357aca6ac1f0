import { describe, expect, it } from 'vitest';
import { NOW, breach, diary, incident, listed, replay, risk, spoGranted, victimView } from '../../../../../tests/fixtures/caseEvents.js';
import { computeSignals, signalCatalogue } from './index.js';

describe('computeSignals', () => {
  it('gives nothing for a case with nothing in it', () => {
    expect(computeSignals(replay([]), NOW)).toEqual([]);
  });

  it('gathers every family, each with a stable unique id and the events it rests on', () => {
    const view = replay([
      listed({ repeatOf: 'CNV-2025-000001' }),
      incident(['messages'], { daysAgo: 50 }),
      incident(['following'], { daysAgo: 20 }),
      diary(['loitering_home'], { daysAgo: 12 }),
      incident(['approaching', 'gifts'], { daysAgo: 4 }),
      risk('medium', { daysAgo: 15 }),
      victimView('high', { daysAgo: 3 }),
      spoGranted('SPO-1', { daysAgo: 10 }),
      breach('SPO-1', ['approaching'], { daysAgo: 1 }),
    ]);
    const signals = computeSignals(view, NOW, { otherCasesWithSameSuspect: [{ caseRef: 'CNV-2026-000099', agencies: ['police'] }] });
    expect(signals.map((s) => s.id)).toEqual([
      'order_breached:SPO-1', 'escalation', 'four', 'harassment_may_be_stalking', 'risk_assessment_stale',
      'victim_view_higher', 'same_suspect_other_cases', 'repeat_referral', 'behaviour_counts',
    ]);
    for (const s of signals) expect(s.eventIds.length, s.id).toBeGreaterThan(0);
    expect(computeSignals(view, NOW)).toEqual(computeSignals(structuredClone(view), NOW));
  });

  it('takes every title from the signal catalogue', () => {
    const view = replay([
      incident(['messages'], { daysAgo: 20, offenceClass: 'pha_s2a' }), risk('high', { daysAgo: 200 }), victimView('high', { daysAgo: 3 }),
    ]);
    for (const s of computeSignals(view, NOW)) {
      if (s.kind === 'withheld') continue;
      expect(s.title.startsWith(signalCatalogue[s.kind].title), s.kind).toBe(true);
    }
  });
});
