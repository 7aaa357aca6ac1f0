import { defineScenario } from '../support/scenario.js';

/**
 * Her advocate types up three months of her diary in one sitting today. Each entry is placed when she says it
 * happened, so a steady pattern is not mistaken for a sudden burst, nor the assessment for out of date.
 */
export default defineScenario({
  name: 'a diary written up in one sitting',
  source: 'Living in fear (2017): the victim\'s own record of the course of conduct; advocacy diary practice',
  async build(run) {
    const v = await run.person('victim', { given: 'Petra', family: 'Angove', dateOfBirth: '1989-05-15' });
    const s = await run.person('suspect', { given: 'Quentin', family: 'Blewett', dateOfBirth: '1980-12-24' });
    await run.advocacy.engage(v, { daysAgo: 100 });
    for (const d of [85, 70, 55, 40]) await run.advocacy.diary(v, s, { daysAgo: d, typedDaysAgo: 0, behaviours: ['calls'] });
    await run.police.incident(v, s, { daysAgo: 36, behaviours: ['calls'], offenceClass: 'pha_s2a' });
    await run.police.dash(v, s, { daysAgo: 35, ticks: 10 });
    return { case: await run.refer('advocacy', v, s, 'victim_request') };
  },
  expect: {
    case: { raises: [{ kind: 'four', with: { severity: 'info' } }], silent: ['escalation', 'risk_assessment_stale', 'harassment_may_be_stalking'] },
  },
});
