import { defineScenario } from '../support/scenario.js';

/** No DASH was ever done; she told her advocate she is at high risk. That alone is the signal. */
export default defineScenario({
  name: 'victim\'s view with no risk assessment at all',
  source: 'Living in fear (2017): risk assessment skipped; SafeLives DASH guidance',
  async build(run) {
    const v = await run.person('victim', { given: 'Hollie', family: 'Jewell', dateOfBirth: '1994-04-04' });
    const s = await run.person('suspect', { given: 'Kieran', family: 'Opie', dateOfBirth: '1990-10-10' });
    await run.police.incident(v, s, { daysAgo: 16, behaviours: ['loitering_work'], offenceClass: 'pha_s2' });
    const engagement = await run.advocacy.engage(v, { daysAgo: 10 });
    await run.advocacy.victimView(v, engagement.ref, { daysAgo: 9, grade: 'high' });
    return { case: await run.refer('advocacy', v, s, 'victim_request') };
  },
  expect: {
    case: {
      raises: ['risk_assessment_missing', { kind: 'victim_view_higher', with: { victimView: 'high', assessedGrade: null, assessment: 'missing' } }],
      silent: ['risk_assessment_declined', 'risk_assessment_stale'],
    },
  },
});
