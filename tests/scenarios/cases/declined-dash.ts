import { defineScenario } from '../support/scenario.js';

/** She declined the DASH: no grade is current, and nobody should read the case as standard risk. */
export default defineScenario({
  name: 'declined DASH',
  source: 'Living in fear (2017): risk assessments declined or not done; SafeLives DASH guidance',
  async build(run) {
    const v = await run.person('victim', { given: 'Esme', family: 'Trelawny', dateOfBirth: '1989-07-07' });
    const s = await run.person('suspect', { given: 'Dean', family: 'Kitto', dateOfBirth: '1985-05-25' });
    await run.police.incident(v, s, { daysAgo: 9, behaviours: ['approaching'], offenceClass: 'pha_s2' });
    await run.police.dash(v, s, { daysAgo: 8, declined: true });
    return { case: await run.refer('police', v, s, 'professional_judgement') };
  },
  expect: {
    case: { raises: ['risk_assessment_declined'], silent: ['risk_assessment_missing', 'risk_assessment_stale', 'victim_view_higher'] },
  },
});
