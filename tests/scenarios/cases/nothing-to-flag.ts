import { defineScenario } from '../support/scenario.js';

/** One incident, a current DASH at standard risk, her own view the same: nothing for the meeting to flag. */
export default defineScenario({
  name: 'a case with nothing to flag',
  source: 'Control: signals must not cry wolf (Living in fear, 2017, on proportionate response)',
  async build(run) {
    const v = await run.person('victim', { given: 'Nessa', family: 'Rowe', dateOfBirth: '1996-03-03' });
    const s = await run.person('suspect', { given: 'Ollie', family: 'Trebilcock', dateOfBirth: '1995-01-01' });
    await run.police.incident(v, s, { daysAgo: 10, behaviours: ['messages'], offenceClass: 'pha_s2' });
    await run.police.dash(v, s, { daysAgo: 9, ticks: 3, victimOwnView: 'standard' });
    return { case: await run.refer('police', v, s, 'professional_judgement') };
  },
  expect: {
    case: {
      raises: [],
      silent: ['harassment_may_be_stalking', 'escalation', 'risk_assessment_missing', 'risk_assessment_declined', 'risk_assessment_stale',
        'victim_view_higher', 'high_risk_no_spo', 'order_breached', 'same_suspect_other_cases', 'repeat_referral'],
      onlyInformation: true,
    },
  },
});
