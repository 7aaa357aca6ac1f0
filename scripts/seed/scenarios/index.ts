/**
 * Every case the demo seeds: the named scenarios the demo is about, then generic cases to fill the caseload
 * out to about `targetEvents` events.
 */
import { declinedDash } from './declinedDash.js';
import { genericCase, GENERIC_CASES } from './generic.js';
import { harassmentCourse } from './harassmentCourse.js';
import { plannedEvents, type CaseScenario, type ScenarioContext } from './kit.js';
import { repeatFirst, repeatSecond } from './repeatReferral.js';
import { sameSuspectFirst, sameSuspectSecond } from './sameSuspect.js';
import { spoBreach } from './spoBreach.js';

export type { CaseScenario, ScenarioContext } from './kit.js';

/** The scenarios the issue names, in the order the demo shows them. */
export function namedScenarios(ctx: ScenarioContext): CaseScenario[] {
  return [
    harassmentCourse(ctx),
    declinedDash(ctx),
    spoBreach(ctx),
    repeatFirst(ctx),
    repeatSecond(ctx),
    sameSuspectFirst(ctx),
    sameSuspectSecond(ctx),
  ];
}

/**
 * All cases: the named ones, and as many generic ones as the scale allows (five at full scale), sharing
 * what is left of `targetEvents` once the named cases and `overheadEvents` (meetings) are counted.
 */
export function allScenarios(ctx: ScenarioContext, targetEvents: number, overheadEvents: number): CaseScenario[] {
  const named = namedScenarios(ctx);
  const count = Math.min(GENERIC_CASES, Math.max(1, Math.round(GENERIC_CASES * ctx.scale)));
  const left = targetEvents - overheadEvents - named.reduce((n, s) => n + plannedEvents(s), 0);
  const each = Math.max(8, Math.floor(left / count));
  const generic = Array.from({ length: count }, (_, i) => genericCase(ctx, i, i === count - 1 ? Math.max(8, left - each * (count - 1)) : each));
  return [...named, ...generic];
}
