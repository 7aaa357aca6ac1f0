import type { Principal } from '@convene/shared/auth';
import { computeSignals, ordersInForce, viewFor, type CaseView } from '../readModel/index.js';
import type { CaseStore } from '../db/cases.js';

/**
 * The joined-up view one person may see: filtered by sharing level first, then signals computed on what
 * is left (a signal never rests on an event the viewer cannot see), plus other cases with the same suspect,
 * named only by reference and agencies.
 */
export async function caseViewFor(cases: CaseStore, view: CaseView, principal: Principal, now: Date, repeatWindowMonths: number) {
  const seen = viewFor(view, { agency: principal.agency, role: principal.role });
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - repeatWindowMonths);
  const suspectTokens = view.subjectTokens.suspect ?? [];
  const others = await cases.withSuspect(suspectTokens, view.caseRef, since);
  const otherCasesWithSameSuspect = others.map((doc) => ({
    caseRef: doc._id,
    agencies: [...new Set(doc.view.timeline.map((e) => e.agency))].sort(),
  }));
  return {
    view: seen,
    signals: computeSignals(seen, now, { otherCasesWithSameSuspect }),
    ordersInForce: ordersInForce(seen, now),
    generatedAt: now.toISOString(),
  };
}
