import { defineScenario } from '../support/scenario.js';

/** Her case was closed as risk reduced; days later he is back. The same victim again is a repeat; a new victim is not. */
export default defineScenario({
  name: 'a repeat referral within 12 months',
  source: 'SafeLives MARAC guidance on repeat referrals; Living in fear (2017)',
  async build(run) {
    const v = await run.person('victim', { given: 'Morwenna', family: 'Hosken', dateOfBirth: '1988-11-11' });
    const s = await run.person('suspect', { given: 'Darren', family: 'Chenoweth', dateOfBirth: '1976-06-06' });
    await run.police.incident(v, s, { daysAgo: 60, behaviours: ['loitering_home'], offenceClass: 'pha_s2a' });
    await run.police.dash(v, s, { daysAgo: 59, ticks: 14 });
    const first = await run.refer('police', v, s);
    await run.close(first);
    await run.police.incident(v, s, { daysAgo: 2, behaviours: ['approaching'], offenceClass: 'pha_s2a' });
    await run.police.dash(v, s, { daysAgo: 1, ticks: 14 });
    const repeat = await run.refer('police', v, s, 'repeat_within_12_months');
    // A new victim of the same man after the first case closed: other victims, not a repeat.
    const y = await run.person('new victim', { given: 'Rosenwyn', family: 'Pascoe', dateOfBirth: '1993-08-18' });
    await run.police.incident(y, s, { daysAgo: 1, behaviours: ['following'], offenceClass: 'pha_s2a' });
    const newVictim = await run.refer('police', y, s);
    return { repeat, newVictim };
  },
  expect: {
    repeat: { raises: ['repeat_referral'], silent: ['risk_assessment_stale'] },
    newVictim: { raises: ['same_suspect_other_cases'], silent: ['repeat_referral'] },
  },
});
