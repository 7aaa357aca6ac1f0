import { describe, expect, it } from 'vitest';
import { incident, replay, reviewed, risk, spoApplied, spoGranted, victimView } from '../testing/fixtures.js';
import { highRiskNoSpo, riskAssessmentDeclinedOrMissing, victimViewHigher } from './risk.js';

describe('risk assessment declined or missing', () => {
  it('fires when the latest assessment was declined', () => {
    const declined = risk(null, { daysAgo: 2 });
    expect(riskAssessmentDeclinedOrMissing(replay([risk('medium', { daysAgo: 30 }), declined])))
      .toMatchObject([{ id: 'risk_assessment_declined', eventIds: [declined.id] }]);
  });

  it('fires when incidents exist and no assessment does', () => {
    const a = incident(['messages']);
    expect(riskAssessmentDeclinedOrMissing(replay([a]))).toMatchObject([{ id: 'risk_assessment_missing', eventIds: [a.id] }]);
  });

  it('does not fire after a completed assessment, even one following a declined one', () => {
    expect(riskAssessmentDeclinedOrMissing(replay([incident(['messages']), risk('standard')]))).toEqual([]);
    expect(riskAssessmentDeclinedOrMissing(replay([risk(null, { daysAgo: 30 }), risk('medium', { daysAgo: 2 })]))).toEqual([]);
  });

  it('does not fire on an empty case', () => {
    expect(riskAssessmentDeclinedOrMissing(replay([]))).toEqual([]);
  });
});

describe("victim's view higher than the assessed grade", () => {
  it('fires when the advocate records a higher view than the police grade', () => {
    const dash = risk('medium', { daysAgo: 20 });
    const view = victimView('high', { daysAgo: 5 });
    expect(victimViewHigher(replay([dash, view])))
      .toMatchObject([{ kind: 'victim_view_higher', victimView: 'high', assessedGrade: 'medium', eventIds: [view.id, dash.id] }]);
  });

  it('fires on the victim’s own view given in the DASH itself', () => {
    const dash = risk('standard', { victimOwnView: 'medium' });
    expect(victimViewHigher(replay([dash]))).toMatchObject([{ eventIds: [dash.id], victimView: 'medium', assessedGrade: 'standard' }]);
  });

  it('does not fire when the victim’s view equals or is below the grade', () => {
    expect(victimViewHigher(replay([risk('high', { daysAgo: 20 }), victimView('high', { daysAgo: 5 })]))).toEqual([]);
    expect(victimViewHigher(replay([risk('medium', { victimOwnView: 'standard' })]))).toEqual([]);
  });

  it('compares with the later conference decision, and with nothing when there is no grade', () => {
    expect(victimViewHigher(replay([risk('medium', { daysAgo: 20 }), victimView('high', { daysAgo: 15 }), reviewed('high', { daysAgo: 5 })]))).toEqual([]);
    expect(victimViewHigher(replay([risk(null), victimView('high')]))).toEqual([]);
  });
});

describe('high risk with no SPO considered', () => {
  it('fires on a high police grade or a high conference decision without an SPO', () => {
    const dash = risk('high');
    expect(highRiskNoSpo(replay([dash]))).toMatchObject([{ id: 'high_risk_no_spo', eventIds: [dash.id] }]);
    const review = reviewed('high');
    expect(highRiskNoSpo(replay([risk('medium', { daysAgo: 20 }), review]))).toMatchObject([{ eventIds: [review.id] }]);
  });

  it('does not fire once an SPO is applied for or granted', () => {
    expect(highRiskNoSpo(replay([risk('high'), spoApplied()]))).toEqual([]);
    expect(highRiskNoSpo(replay([reviewed('high'), spoGranted()]))).toEqual([]);
  });

  it('does not fire below high risk', () => {
    expect(highRiskNoSpo(replay([risk('high', { daysAgo: 30 }), risk('medium', { daysAgo: 5 })]))).toEqual([]);
  });
});
