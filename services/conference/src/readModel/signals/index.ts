import type { CaseView } from '../caseView.js';
import { behaviourCounts } from './counts.js';
import { escalation } from './escalation.js';
import { four } from './four.js';
import { harassmentMayBeStalking } from './stalking.js';
import { sameSuspectOtherCases, repeatReferral } from './linked.js';
import { orderBreached } from './orders.js';
import { riskAssessmentNotCurrent, victimViewHigher } from './risk.js';
import { highRiskNoSpo } from './spo.js';
import type { Signal, SignalContext } from './types.js';

export type * from './types.js';
export { fourReport } from './four.js';
export { rungOf } from './conduct.js';
export { signalCatalogue, type SignalDefinition } from './catalogue.js';

/**
 * Course-of-conduct signals for one case (DESIGN §6, defined in signalCatalogue). Computed on the whole case,
 * then shown per viewer (signalsForViewer), so no viewer sees a signal resting on an entry they cannot open.
 */
export function computeSignals(view: CaseView, now: Date, context: SignalContext = {}): Signal[] {
  return [
    ...orderBreached(view),
    ...escalation(view, now),
    ...four(view, now),
    ...harassmentMayBeStalking(view, now),
    ...riskAssessmentNotCurrent(view, now),
    ...victimViewHigher(view),
    ...highRiskNoSpo(view, now),
    ...sameSuspectOtherCases(view, context),
    ...repeatReferral(view),
    ...behaviourCounts(view, now),
  ];
}
