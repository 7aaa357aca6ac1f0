import { defineScenario } from '../support/scenario.js';

/** An interim SPO granted, then he turns up at her door. */
export default defineScenario({
  name: 'an SPO granted then breached',
  source: 'Stalking Protection Act 2019 statutory guidance (breach is an offence); super-complaint report (2022)',
  async build(run) {
    const v = await run.person('victim', { given: 'Imogen', family: 'Tregear', dateOfBirth: '1991-12-12' });
    const s = await run.person('suspect', { given: 'Shane', family: 'Bolitho', dateOfBirth: '1983-07-19' });
    await run.police.incident(v, s, { daysAgo: 40, behaviours: ['following', 'tracking'], offenceClass: 'pha_s4a' });
    await run.police.dash(v, s, { daysAgo: 39, ticks: 15 });
    const spo = await run.police.spoApplied(v, s, { daysAgo: 35 });
    await run.police.spoGranted(v, spo.ref, { daysAgo: 30 });
    await run.police.spoBreached(v, spo.ref, { daysAgo: 4, behaviours: ['approaching'] });
    await run.police.dash(v, s, { daysAgo: 3, ticks: 16 });
    return { case: await run.refer('police', v, s) };
  },
  expect: {
    case: {
      raises: [{ kind: 'order_breached', with: { orderKind: 'spo', severity: 'critical' } }, { kind: 'escalation', with: { stepUp: { to: 'approach' } } }],
      silent: ['high_risk_no_spo', 'harassment_may_be_stalking', 'risk_assessment_stale'],
    },
  },
});
