import type { CaseView } from '../caseView.js';
import { behaviourCounts } from './counts.js';
import { risingFrequency, severityStepUp } from './escalation.js';
import { four } from './four.js';
import { harassmentMayBeStalking } from './harassment.js';
import { sameSuspectOtherCases, repeatReferral } from './linked.js';
import { orderBreached } from './orders.js';
import { highRiskNoSpo, riskAssessmentDeclinedOrMissing, victimViewHigher } from './risk.js';
import type { Signal, SignalContext } from './types.js';

export type * from './types.js';
export { fourReport } from './four.js';
export { rungOf } from './conduct.js';

/**
 * Course-of-conduct signals for one case (DESIGN §6). Call it on the view as the viewer may see it
 * (viewFor), so no signal rests on an entry the viewer cannot open.
 */
export function computeSignals(view: CaseView, now: Date, context: SignalContext = {}): Signal[] {
  return [
    ...orderBreached(view),
    ...severityStepUp(view, now),
    ...risingFrequency(view, now),
    ...four(view, now),
    ...harassmentMayBeStalking(view, now),
    ...riskAssessmentDeclinedOrMissing(view),
    ...victimViewHigher(view),
    ...highRiskNoSpo(view),
    ...sameSuspectOtherCases(view, context),
    ...repeatReferral(view),
    ...behaviourCounts(view, now),
  ];
}
