import { defineScenario } from '../support/scenario.js';

/** A DASH from four months ago, and the conduct has gone on since. */
export default defineScenario({
  name: 'stale DASH',
  source: 'SafeLives DASH guidance (reassess when circumstances change); super-complaint report (2022)',
  async build(run) {
    const v = await run.person('victim', { given: 'Freya', family: 'Nancarrow', dateOfBirth: '1992-10-19' });
    const s = await run.person('suspect', { given: 'Jordan', family: 'Hocking', dateOfBirth: '1981-08-08' });
    await run.police.incident(v, s, { daysAgo: 125, behaviours: ['messages'], offenceClass: 'pha_s2a' });
    await run.police.dash(v, s, { daysAgo: 120, ticks: 10 });
    await run.police.incident(v, s, { daysAgo: 6, behaviours: ['loitering_home'], offenceClass: 'pha_s2a' });
    return { case: await run.refer('police', v, s, 'professional_judgement') };
  },
  expect: {
    case: {
      raises: [{ kind: 'risk_assessment_stale', with: { because: ['older_than_90_days', 'older_than_latest_incident'] } }],
      silent: ['risk_assessment_declined', 'risk_assessment_missing', 'harassment_may_be_stalking'],
    },
  },
});
