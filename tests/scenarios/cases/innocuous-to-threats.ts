import { defineScenario } from '../support/scenario.js';

/** Flowers, messages, a fixated man in A&E, loitering, then a threat: each agency saw one piece. */
export default defineScenario({
  name: 'innocuous acts building to threats across agencies',
  source: 'HMIC/HMCPSI, Living in fear (2017): incidents dealt with in isolation, the course of conduct overlooked',
  async build(run) {
    const v = await run.person('victim', { given: 'Amelia', family: 'Thornbury', dateOfBirth: '1990-03-14' });
    const s = await run.person('suspect', { given: 'Gareth', family: 'Pellow', dateOfBirth: '1984-11-02' });
    await run.advocacy.engage(v, { daysAgo: 50 });
    await run.police.incident(v, s, { daysAgo: 45, behaviours: ['gifts'], offenceClass: 'other', summary: 'Flowers left at her office' });
    await run.advocacy.diary(v, s, { daysAgo: 25, behaviours: ['messages'] });
    await run.health.concern(v, s, { daysAgo: 15, category: 'perpetrator_fixation', about: 'suspect' });
    await run.advocacy.diary(v, s, { daysAgo: 10, behaviours: ['loitering_home'] });
    await run.police.incident(v, s, { daysAgo: 3, behaviours: ['threats'], offenceClass: 'pha_s4', summary: 'Threatened her on the doorstep' });
    await run.police.dash(v, s, { daysAgo: 2, ticks: 11 });
    return { case: await run.refer('police', v, s) };
  },
  expect: {
    case: {
      raises: [
        { kind: 'escalation', with: { stepUp: { from: 'contact', to: 'threats', steppedUp: 'against_earlier' } } },
        'harassment_may_be_stalking',
        { kind: 'four', with: { severity: 'warning' } },
      ],
      silent: ['order_breached', 'risk_assessment_stale', 'repeat_referral', 'same_suspect_other_cases'],
    },
  },
});
