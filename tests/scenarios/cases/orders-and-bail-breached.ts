import { defineScenario } from '../support/scenario.js';

/** A restraining order from an earlier conviction, police bail on the new arrest, then court bail: all broken. */
export default defineScenario({
  name: 'a restraining order, police bail and court bail breached',
  source: 'CPS legal guidance on stalking and harassment (restraining orders, bail); Living in fear (2017)',
  async build(run) {
    const v = await run.person('victim', { given: 'Jasmine', family: 'Carne', dateOfBirth: '1985-08-30' });
    const s = await run.person('suspect', { given: 'Wayne', family: 'Trevithick', dateOfBirth: '1977-02-14' });
    const order = await run.cps.restrainingOrder(v, s, { daysAgo: 60 });
    await run.police.incident(v, s, { daysAgo: 20, behaviours: ['messages'], offenceClass: 'pha_s2a' });
    const bail = await run.police.bail(v, s, { daysAgo: 19 });
    await run.police.dash(v, s, { daysAgo: 18, ticks: 12 });
    await run.cps.restrainingOrderBreached(v, order.ref, { daysAgo: 15, behaviours: ['calls'] });
    await run.police.bailBreached(v, bail.ref, { daysAgo: 15, behaviours: ['loitering_home'] });
    const courtBail = await run.cps.courtBail(v, s, { daysAgo: 10 });
    await run.cps.courtBailBreached(v, courtBail.ref, { daysAgo: 5, behaviours: ['approaching'] });
    return { case: await run.refer('police', v, s, 'escalation') };
  },
  expect: {
    case: {
      raises: [
        { kind: 'order_breached', with: { orderKind: 'restraining_order' } },
        { kind: 'order_breached', with: { orderKind: 'bail' }, count: 2 },
        'risk_assessment_stale',
      ],
      silent: ['high_risk_no_spo', 'risk_assessment_missing'],
    },
  },
});
