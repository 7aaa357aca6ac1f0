import { defineScenario } from '../support/scenario.js';

/** Months of messages and calls, each logged as malicious communications or s2 harassment. */
export default defineScenario({
  name: 'stalking logged as harassment',
  source: 'HMICFRS et al., super-complaint report on the police response to stalking (2022); College of Policing APP (FOUR)',
  async build(run) {
    const v = await run.person('victim', { given: 'Bethany', family: 'Carrow', dateOfBirth: '1987-06-21' });
    const s = await run.person('suspect', { given: 'Liam', family: 'Struthers', dateOfBirth: '1982-01-09' });
    await run.police.incident(v, s, { daysAgo: 70, behaviours: ['messages'], offenceClass: 'malicious_communications' });
    await run.police.incident(v, s, { daysAgo: 50, behaviours: ['calls', 'social_media'], offenceClass: 'pha_s2' });
    await run.police.incident(v, s, { daysAgo: 20, behaviours: ['messages', 'calls'], offenceClass: 'pha_s2' });
    await run.police.dash(v, s, { daysAgo: 19, ticks: 4 });
    return { case: await run.refer('police', v, s, 'professional_judgement') };
  },
  expect: {
    case: {
      raises: ['harassment_may_be_stalking'],
      silent: ['high_risk_no_spo', 'escalation', 'order_breached', 'risk_assessment_missing', 'risk_assessment_stale'],
    },
  },
});
