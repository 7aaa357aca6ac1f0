import type { Principal } from '@convene/shared/auth';
import type { CaseViewResponse } from '@convene/shared/contracts';
import { computeSignals, ordersInForce, sharedView, signalsForViewer, viewFor, withheldFrom, type CaseView } from '../readModel/index.js';
import { identifying } from '@convene/shared/sharing';
import type { CaseStore } from '../db/cases.js';
import type { Areas } from '../domain/areas.js';

/**
 * The joined-up view one person may see: filtered by the one visibility rule, signals computed on the whole
 * case and then shown per viewer (a signal resting on records the viewer cannot open says what is withheld and
 * by whom), plus, for the chair, other cases with the same suspect, named only by reference and agencies.
 */
export async function caseViewFor(
  { cases, areas, repeatWindowMonths }: { cases: CaseStore; areas: Areas; repeatWindowMonths: number },
  view: CaseView, principal: Principal, now: Date, ordersOn: Date = now,
): Promise<CaseViewResponse> {
  const viewer = { agency: principal.agency, role: principal.role };
  const seen = await withinArea(cases, areas, view, viewFor(view, viewer));
  // Other victims' cases are the chair's to know (they coordinate); members see their own case only.
  const others = principal.role === 'chair' ? await otherVictimsCases(cases, view, now, repeatWindowMonths) : [];
  // Another area's cases are that area's: this chair learns only which area, and whom to ask there.
  const here = areas.placeOf(view.area);
  const heldHere = others.filter((doc) => areas.placeOf(doc.area) === here);
  const elsewhere = [...new Set(others.map((doc) => areas.placeOf(doc.area)).filter((area) => area !== here))].sort();
  const sameSuspectInOtherAreas = elsewhere.map((id) => {
    const area = areas.get(id)!;
    // What that area's chair asked this one, on its cases with the suspect: the kind and when, nothing else.
    const requests = others.filter((doc) => areas.placeOf(doc.area) === id).flatMap((doc) => doc.view.timeline.flatMap((e) => (
      e.facts.on === 'area_request' && e.facts.toArea === here ? [{ kind: e.facts.kind, at: e.recordedAt }] : [])));
    return { area: area.id, name: area.name, contact: area.contact, requests: requests.sort((a, b) => a.at.localeCompare(b.at)) };
  });
  const otherCasesWithSameSuspect = heldHere.map((doc) => ({
    caseRef: doc._id,
    agencies: [...new Set(doc.view.timeline.map((e) => e.agency))].sort(),
  }));
  const context = { otherCasesWithSameSuspect };
  const whole = computeSignals(view, now, context);
  // Signals of the viewer's own view are needed only when something is hidden from them.
  const seesAll = seen.timeline.length === view.timeline.length;
  const signals = seesAll ? whole : signalsForViewer(whole, computeSignals(seen, now, context), view, seen);
  return {
    view: sharedView(seen),
    signals,
    withheld: withheldFrom(view, viewer),
    ordersInForce: ordersInForce(seen, ordersOn),
    ordersOn: ordersOn.toISOString().slice(0, 10),
    sameSuspectInOtherAreas,
    generatedAt: now.toISOString(),
  };
}

/**
 * An agency's outline of the suspect's records about another victim names that victim's case when it knows one:
 * kept only where that case is this area's too. Another area's reference would be the key to its records there.
 */
async function withinArea<V extends Pick<CaseView, 'elsewhere'>>(cases: CaseStore, areas: Areas, view: CaseView, seen: V): Promise<V> {
  const named = [...new Set(seen.elsewhere.flatMap((o) => (o.otherCaseRef ? [o.otherCaseRef] : [])))];
  if (named.length === 0) return seen;
  const here = areas.placeOf(view.area);
  const stored = await cases.loadRevised(named);
  const ours = new Set(named.filter((ref) => (stored.get(ref)?.rev ?? 0) > 0 && areas.placeOf(stored.get(ref)!.view.area) === here));
  return {
    ...seen,
    elsewhere: seen.elsewhere.map((o) => {
      if (!o.otherCaseRef || ours.has(o.otherCaseRef)) return o;
      const { otherCaseRef: _elsewhere, ...outline } = o;
      return outline;
    }),
  };
}

/**
 * Other victims' cases with this case's suspect, open or closed within the repeat window, in every area (the
 * caller decides what of them may be told). The same victim's earlier case is a repeat, not another victim's.
 */
export async function otherVictimsCases(cases: CaseStore, view: CaseView, now: Date, repeatWindowMonths: number) {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - repeatWindowMonths);
  const victims = new Set(view.subjectTokens.victim ?? []);
  const withSuspect = await cases.withSuspect(identifying(view.subjectTokens.suspect ?? []), view.caseRef, since);
  return withSuspect.filter((doc) => !doc.victimTokens.some((t) => victims.has(t)));
}
