import { describe, expect, it } from 'vitest';
import { summarise } from './summary.js';
import { CASE, diary, incident, listed, make, reviewed, risk, spoGranted, victimView } from '../../../../tests/fixtures/caseEvents.js';

describe('summarise', () => {
  it.each([
    ['an incident', incident(['messages', 'gifts'], { offenceClass: 'pha_s2' }), 'Incident: messages, gifts (PHA s2)'],
    ['a completed DASH', risk('high', { yesCount: 15 }), 'DASH completed: high (15 ticks)'],
    ['a declined DASH', risk(null), 'DASH declined by victim'],
    ['the victim’s own view', victimView('high'), "Victim's own view of risk: high"],
    ['a diary entry', diary(['loitering_home', 'contacting_third_parties']), 'Diary entry: loitering at home, contacting third parties'],
    ['an SPO grant', spoGranted('SPO-9', { kind: 'full', expiresOn: '2027-05-01' }), 'Full SPO granted (SPO-9): 1 condition, expires 2027-05-01'],
    ['a review', reviewed('medium'), 'Case reviewed: risk medium, next review 2026-12-01'],
    ['a listing', listed({ repeatOf: 'CNV-2025-000009' }), 'Case listed: referred by Police (high risk), repeat of CNV-2025-000009'],
  ])('describes %s in one line', (_what, event, line) => {
    expect(summarise(event)).toBe(line);
  });

  it('describes a health flag by category and severity only', () => {
    const flagged = make('health.concern.flagged.v1', {
      concernRef: 'HC-1', subjectRole: 'suspect', category: 'perpetrator_fixation', severity: 'high',
      contact: { service: 'Community mental health team', telephone: '0161 000 0000' },
    });
    expect(summarise(flagged)).toBe('Health concern flagged: perpetrator fixation (high)');
  });

  it('never carries names, dates of birth or free text', () => {
    const withText = [
      listed(),
      make('police.referral.made.v1', {
        referralRef: 'R-1', criterion: 'professional_judgement', reason: 'Vicky is terrified',
        people: [{ role: 'victim', tokens: [listed().data.people[0]!.tokens[0]!], given: 'Vicky', family: 'Victimson', dateOfBirth: '1990-05-06' }],
      }),
      make('health.disclosure.decided.v1', {
        requestRef: '77777777-7777-4777-8777-777777777777', concernRef: 'HC-1', caseRef: CASE, decision: 'disclosed',
        reason: 'Vicky consented', decidedBy: { userId: 'cg' }, detail: 'Clinical detail about Vicky',
      }, { sharing: 'restricted', audience: [{ role: 'chair' }] }),
      victimView('high'),
      diary(['following']),
      incident(['threats']),
    ];
    for (const e of withText) {
      expect(summarise(e)).not.toMatch(/Vicky|Victimson|Alex|Suspectson|1990-05-06|1980-02-03|terrified|Clinical|front counter|outside again|feel safe/);
    }
  });
});
