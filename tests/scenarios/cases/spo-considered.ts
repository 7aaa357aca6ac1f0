import { defineScenario } from '../support/scenario.js';

/** The same picture, but the SPO was considered and not applied for, with the reason written down. */
export default defineScenario({
  name: 'SPO considered and not applied, with the reason recorded',
  source: 'Stalking Protection Act 2019 statutory guidance (consider an SPO in every stalking case)',
  async build(run) {
    const v = await run.person('victim', { given: 'Daisy', family: 'Penhallow', dateOfBirth: '1995-02-11' });
    const s = await run.person('suspect', { given: 'Connor', family: 'Vosper', dateOfBirth: '1988-12-03' });
    await run.police.incident(v, s, { daysAgo: 20, behaviours: ['following', 'tracking'], offenceClass: 'pha_s4a' });
    await run.police.dash(v, s, { daysAgo: 19, ticks: 16 });
    await run.police.spoConsidered(v, s, { daysAgo: 18, decision: 'not_applied', reason: 'Charged and remanded; bail conditions protect her until trial' });
    return { case: await run.refer('police', v, s) };
  },
  expect: {
    case: { raises: [], silent: ['high_risk_no_spo', 'harassment_may_be_stalking'] },
  },
});
