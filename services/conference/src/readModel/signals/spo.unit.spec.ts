import { describe, expect, it } from 'vitest';
import { NOW, classificationChanged, incident, replay, reviewed, risk, spoApplied, spoConsidered, spoGranted } from '../../../../../tests/fixtures/caseEvents.js';
import { highRiskNoSpo } from './spo.js';

const stalking = () => incident(['following'], { daysAgo: 20, offenceClass: 'pha_s2a' });

describe('high risk stalking with no SPO considered', () => {
  it('fires on a high police grade or a high conference decision where the conduct is classified stalking', () => {
    const s = stalking();
    const dash = risk('high');
    expect(highRiskNoSpo(replay([s, dash]), NOW)).toMatchObject([{ id: 'high_risk_no_spo', eventIds: [dash.id, s.id] }]);
    const review = reviewed('high');
    expect(highRiskNoSpo(replay([s, risk('medium', { daysAgo: 20 }), review]), NOW)).toMatchObject([{ eventIds: [review.id, s.id] }]);
  });

  it('fires where the conduct is signalled as possible stalking though recorded as harassment', () => {
    const a = incident(['messages'], { daysAgo: 30 });
    const b = incident(['loitering_home'], { daysAgo: 12 });
    const dash = risk('high', { daysAgo: 10 });
    expect(highRiskNoSpo(replay([a, b, dash]), NOW)).toMatchObject([{ eventIds: [dash.id, a.id, b.id] }]);
  });

  it('stays silent on high risk that is not stalking', () => {
    expect(highRiskNoSpo(replay([incident(['violence'], { daysAgo: 12, offenceClass: 'other' }), risk('high')]), NOW)).toEqual([]);
    expect(highRiskNoSpo(replay([risk('high')]), NOW)).toEqual([]);
  });

  it('stops once an SPO is considered, either way, with the reason recorded', () => {
    expect(highRiskNoSpo(replay([stalking(), risk('high'), spoConsidered('not_applied', { daysAgo: 2 })]), NOW)).toEqual([]);
    expect(highRiskNoSpo(replay([stalking(), risk('high'), spoConsidered('applied', { daysAgo: 2, orderRef: 'SPO-9' })]), NOW)).toEqual([]);
  });

  it('stays silent once an SPO is applied for or granted', () => {
    expect(highRiskNoSpo(replay([stalking(), risk('high'), spoApplied()]), NOW)).toEqual([]);
    expect(highRiskNoSpo(replay([stalking(), reviewed('high'), spoGranted()]), NOW)).toEqual([]);
  });

  it('stays silent below high risk, and after reclassification alone does not make it high', () => {
    expect(highRiskNoSpo(replay([stalking(), risk('high', { daysAgo: 30 }), risk('medium', { daysAgo: 5 })]), NOW)).toEqual([]);
    expect(highRiskNoSpo(replay([incident(['following'], { daysAgo: 20 }), classificationChanged('pha_s2a', { daysAgo: 3 }), risk('standard')]), NOW)).toEqual([]);
  });
});
