import { defineScenario } from '../support/scenario.js';

/** The officer's DASH says medium; she says high. Her view is shown beside the grade. */
export default defineScenario({
  name: 'a victim who rates her risk higher than the officer',
  source: 'SafeLives DASH guidance (the victim\'s own view of risk); Living in fear (2017)',
  async build(run) {
    const v = await run.person('victim', { given: 'Grace', family: 'Polglase', dateOfBirth: '1986-01-28' });
    const s = await run.person('suspect', { given: 'Aaron', family: 'Rowse', dateOfBirth: '1980-03-03' });
    await run.police.incident(v, s, { daysAgo: 14, behaviours: ['following', 'messages'], offenceClass: 'pha_s2a' });
    await run.police.dash(v, s, { daysAgo: 13, ticks: 10, victimOwnView: 'high' });
    return { case: await run.refer('police', v, s, 'professional_judgement') };
  },
  expect: {
    case: {
      raises: [{ kind: 'victim_view_higher', with: { victimView: 'high', assessedGrade: 'medium', assessment: 'graded' } }],
      silent: ['risk_assessment_declined', 'risk_assessment_missing', 'risk_assessment_stale', 'high_risk_no_spo'],
    },
  },
});
