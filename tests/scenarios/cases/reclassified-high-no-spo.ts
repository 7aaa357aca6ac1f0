import { defineScenario } from '../support/scenario.js';

/** Reclassified as s2A stalking and graded high: the SPO question must be asked. */
export default defineScenario({
  name: 'high risk stalking with no SPO considered',
  source: 'Stalking Protection Act 2019 statutory guidance; Living in fear (2017): stalking powers unused',
  async build(run) {
    const v = await run.person('victim', { given: 'Chloe', family: 'Maddern', dateOfBirth: '1993-09-30' });
    const s = await run.person('suspect', { given: 'Ryan', family: 'Tolley', dateOfBirth: '1979-04-17' });
    const first = await run.police.incident(v, s, { daysAgo: 30, behaviours: ['following'], offenceClass: 'pha_s2' });
    await run.police.incident(v, s, { daysAgo: 12, behaviours: ['loitering_work'], offenceClass: 'pha_s2' });
    await run.police.reclassify(v, first.ref, 'pha_s2a');
    await run.police.dash(v, s, { daysAgo: 0.01, ticks: 15 });
    return { case: await run.refer('police', v, s) };
  },
  expect: {
    case: {
      raises: ['high_risk_no_spo'],
      silent: ['harassment_may_be_stalking', 'order_breached', 'risk_assessment_stale'],
    },
  },
});
