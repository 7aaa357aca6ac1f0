import type { CaseView } from '../caseView.js';
import { signalCatalogue } from './catalogue.js';
import { stalkingEvidence } from './stalking.js';
import type { Signal } from './types.js';

/**
 * High risk stalking with no SPO considered: graded high (latest police grade or conference decision), the
 * conduct is stalking, and no SPO applied for or granted and no consideration recorded. Recording "SPO
 * considered: applied / not applied, reason" answers it either way.
 */
export function highRiskNoSpo(view: CaseView, now: Date): Signal[] {
  const high = [
    view.risk.police?.grade === 'high' ? view.risk.police.eventId : null,
    view.risk.conference?.grade === 'high' ? view.risk.conference.eventId : null,
  ].filter((id): id is string => id !== null);
  if (high.length === 0 || view.orders.spos.length > 0 || view.orders.spoConsiderations.length > 0) return [];
  const stalking = stalkingEvidence(view, now);
  if (stalking.length === 0) return [];
  return [{
    id: 'high_risk_no_spo',
    kind: 'high_risk_no_spo',
    severity: 'warning',
    title: signalCatalogue.high_risk_no_spo.title,
    explanation: 'The case is graded high risk and the conduct is stalking, but no stalking protection order has been applied for '
      + 'and no decision not to apply is recorded.',
    eventIds: [...new Set([...high, ...stalking])],
  }];
}
