import { defineScenario } from '../support/scenario.js';

/** One man, two women; police write his name one way, the hospital another. Not a repeat: other victims. */
export default defineScenario({
  name: 'two victims of one suspect with different spellings',
  source: 'Living in fear (2017): previous victims of the same perpetrator not linked',
  async build(run) {
    const s = await run.person('suspect', { given: 'Nathan', family: 'Pengelly', dateOfBirth: '1982-05-05' }, {
      health: { given: 'NATHAN', family: 'PENGELLY' }, advocacy: { given: ' nathan ', family: 'pengelly' },
    });
    const v = await run.person('first victim', { given: 'Kayleigh', family: 'Moyle', dateOfBirth: '1990-09-09' });
    const x = await run.person('second victim', { given: 'Lowenna', family: 'Rickard', dateOfBirth: '1992-02-22' });
    await run.police.incident(v, s, { daysAgo: 30, behaviours: ['following'], offenceClass: 'pha_s2a' });
    await run.police.dash(v, s, { daysAgo: 29, ticks: 11 });
    await run.health.concern(x, s, { daysAgo: 12, category: 'perpetrator_fixation', about: 'suspect' });
    const first = await run.refer('police', v, s);
    const second = await run.refer('health', x, s, 'health_concern');
    return { first, second };
  },
  expect: {
    first: { raises: ['same_suspect_other_cases'], silent: ['repeat_referral'] },
    second: { raises: ['same_suspect_other_cases'], silent: ['repeat_referral'] },
  },
});
