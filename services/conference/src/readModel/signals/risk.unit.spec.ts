import { describe, expect, it } from 'vitest';
import { NOW, breach, diary, incident, replay, reviewed, risk, spoGranted, victimView } from '../../../../../tests/fixtures/caseEvents.js';
import { riskAssessmentNotCurrent, victimViewHigher } from './risk.js';

describe('risk not current: declined, missing or stale', () => {
  it('fires when the latest assessment was declined', () => {
    const declined = risk(null, { daysAgo: 2 });
    expect(riskAssessmentNotCurrent(replay([risk('medium', { daysAgo: 30 }), declined]), NOW))
      .toMatchObject([{ id: 'risk_assessment_declined', eventIds: [declined.id] }]);
  });

  it('fires when behaviour is recorded and no assessment is, a diary entry included', () => {
    const a = incident(['messages']);
    expect(riskAssessmentNotCurrent(replay([a]), NOW)).toMatchObject([{ id: 'risk_assessment_missing', eventIds: [a.id] }]);
    const d = diary(['calls']);
    expect(riskAssessmentNotCurrent(replay([d]), NOW)).toMatchObject([{ id: 'risk_assessment_missing', eventIds: [d.id] }]);
  });

  it('fires when the latest assessment is older than 90 days', () => {
    const old = risk('medium', { daysAgo: 120 });
    expect(riskAssessmentNotCurrent(replay([incident(['messages'], { daysAgo: 130 }), old]), NOW))
      .toMatchObject([{ kind: 'risk_assessment_stale', because: ['older_than_90_days'], eventIds: [old.id], assessedAt: old.occurredat }]);
  });

  it('fires when an incident, a breach or a diary entry came after the latest assessment', () => {
    const dash = risk('medium', { daysAgo: 20 });
    const later = [incident(['threats'], { daysAgo: 8 }), diary(['following'], { daysAgo: 4 })];
    const [signal] = riskAssessmentNotCurrent(replay([incident(['messages'], { daysAgo: 25 }), dash, ...later]), NOW);
    expect(signal).toMatchObject({ kind: 'risk_assessment_stale', because: ['older_than_latest_incident'], eventIds: [dash.id, ...later.map((e) => e.id)] });
    expect(signal!.explanation).toContain('2 behaviour record(s) came after it');
    const broken = breach('SPO-1', ['approaching'], { daysAgo: 2 });
    expect(riskAssessmentNotCurrent(replay([spoGranted('SPO-1', { daysAgo: 60 }), dash, broken]), NOW)[0]!.eventIds).toEqual([dash.id, broken.id]);
  });

  it('gives both reasons when both hold', () => {
    const old = risk('high', { daysAgo: 100 });
    expect(riskAssessmentNotCurrent(replay([old, incident(['calls'], { daysAgo: 3 })]), NOW)[0])
      .toMatchObject({ because: ['older_than_90_days', 'older_than_latest_incident'] });
  });

  it('stays silent after a recent completed assessment, even one following a declined one', () => {
    expect(riskAssessmentNotCurrent(replay([incident(['messages'], { daysAgo: 12 }), risk('standard', { daysAgo: 10 })]), NOW)).toEqual([]);
    expect(riskAssessmentNotCurrent(replay([risk(null, { daysAgo: 30 }), risk('medium', { daysAgo: 2 })]), NOW)).toEqual([]);
  });

  it('stays silent on an empty case, and on behaviour not yet happened', () => {
    expect(riskAssessmentNotCurrent(replay([]), NOW)).toEqual([]);
    expect(riskAssessmentNotCurrent(replay([risk('medium', { daysAgo: 5 }), incident(['calls'], { daysAgo: -2 })]), NOW)).toEqual([]);
  });
});

describe("victim's view higher than assessed", () => {
  it('fires when the advocate records a higher view than the police grade', () => {
    const dash = risk('medium', { daysAgo: 20 });
    const view = victimView('high', { daysAgo: 5 });
    expect(victimViewHigher(replay([dash, view])))
      .toMatchObject([{ kind: 'victim_view_higher', victimView: 'high', assessedGrade: 'medium', assessment: 'graded', eventIds: [view.id, dash.id] }]);
  });

  it('fires on the victim’s own view given in the DASH itself', () => {
    const dash = risk('standard', { victimOwnView: 'medium' });
    expect(victimViewHigher(replay([dash]))).toMatchObject([{ eventIds: [dash.id], victimView: 'medium', assessedGrade: 'standard' }]);
  });

  it('fires when the DASH was declined: the victim’s view against no assessment is the signal', () => {
    const declined = risk(null, { daysAgo: 10, victimOwnView: 'high' });
    const [signal] = victimViewHigher(replay([declined]));
    expect(signal).toMatchObject({ victimView: 'high', assessedGrade: null, assessment: 'declined', eventIds: [declined.id] });
    expect(signal!.explanation).toContain('declined');
    const advocate = victimView('medium', { daysAgo: 3 });
    expect(victimViewHigher(replay([risk(null, { daysAgo: 10 }), advocate]))).toMatchObject([{ assessment: 'declined', victimView: 'medium' }]);
  });

  it('fires when there is no assessment at all', () => {
    const view = victimView('high', { daysAgo: 3 });
    expect(victimViewHigher(replay([incident(['following']), view])))
      .toMatchObject([{ assessment: 'missing', assessedGrade: null, eventIds: [view.id] }]);
  });

  it('stays silent when the victim’s view equals or is below the grade, or is not recorded', () => {
    expect(victimViewHigher(replay([risk('high', { daysAgo: 20 }), victimView('high', { daysAgo: 5 })]))).toEqual([]);
    expect(victimViewHigher(replay([risk('medium', { victimOwnView: 'standard' })]))).toEqual([]);
    expect(victimViewHigher(replay([risk(null), incident(['following'])]))).toEqual([]);
  });

  it('compares with the later conference decision', () => {
    expect(victimViewHigher(replay([risk('medium', { daysAgo: 20 }), victimView('high', { daysAgo: 15 }), reviewed('high', { daysAgo: 5 })]))).toEqual([]);
  });
});
