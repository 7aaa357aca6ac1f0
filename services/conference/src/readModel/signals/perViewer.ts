import type { Agency } from '@convene/shared/contracts';
import type { CaseView, EntryKind } from '../caseView.js';
import { agencyLabel } from '@convene/shared/contracts';
import type { Signal, SignalKind } from './types.js';

/** Signals that claim something is missing: on a viewer's partial view they may only mean "not shared with you". */
const absenceOf: Partial<Record<SignalKind, { what: string; kind: EntryKind }>> = {
  risk_assessment_missing: { what: 'risk assessment', kind: 'risk' },
  risk_assessment_stale: { what: 'more recent risk assessment', kind: 'risk' },
  victim_view_higher: { what: 'risk assessment', kind: 'risk' },
  high_risk_no_spo: { what: 'stalking protection order', kind: 'order' },
};

const holdersText = (holders: Agency[]) => holders.map((a) => agencyLabel[a]).join(', ');

/**
 * Signals are computed on the whole case, then shown per viewer: a signal whose evidence the viewer can see
 * is shown as it is; one resting partly on hidden records is shown as the viewer's own computation says, with
 * a note of what is withheld and by whom, or, where their view does not raise it, as a bare "a signal is withheld:
 * ask <holder>" (no name, no severity);
 * and a claim of absence that only the viewer's partial view makes ("no risk assessment") becomes a note that
 * something is held by an agency that has not shared it with them. Never the hidden content itself.
 */
export function signalsForViewer(whole: readonly Signal[], seenSignals: readonly Signal[], full: CaseView, seen: CaseView): Signal[] {
  const visible = new Set(seen.timeline.map((e) => e.eventId));
  const holderOf = new Map(full.timeline.filter((e) => !visible.has(e.eventId)).map((e) => [e.eventId, e.agency]));
  const seenById = new Map(seenSignals.map((s) => [s.id, s]));
  const wholeIds = new Set(whole.map((s) => s.id));
  const shown: Signal[] = [];
  let withheldCount = 0;
  for (const signal of whole) {
    const hidden = signal.eventIds.filter((id) => holderOf.has(id));
    if (hidden.length === 0) {
      shown.push(signal);
      continue;
    }
    const holders = [...new Set(hidden.map((id) => holderOf.get(id)!))].sort();
    const own = seenById.get(signal.id);
    if (own) {
      shown.push({ ...own, withheld: { count: hidden.length, holders } });
      continue;
    }
    // Neither its name nor its severity: "victim's view higher" or "critical" would tell what the hidden records say.
    withheldCount++;
    shown.push({
      id: `withheld:${withheldCount}`, kind: 'withheld', about: 'a course-of-conduct signal', severity: 'info', title: 'A signal is withheld from you',
      explanation: `A signal rests on ${hidden.length} record(s) not shared with you: ask ${holdersText(holders)}.`,
      eventIds: [], withheld: { count: hidden.length, holders },
    });
  }
  for (const signal of seenSignals) {
    const missing = absenceOf[signal.kind];
    if (wholeIds.has(signal.id) || !missing) continue;
    const held = full.timeline.filter((e) => holderOf.has(e.eventId) && e.kind === missing.kind);
    const basis = held.length > 0 ? held : full.timeline.filter((e) => holderOf.has(e.eventId));
    const holders = [...new Set(basis.map((e) => e.agency))].sort();
    shown.push({
      id: `withheld:${signal.id}`, kind: 'withheld', about: signal.title, severity: 'info',
      title: held.length > 0 ? `A ${missing.what} is held but not shared with you` : `${signal.title}: records not shared with you`,
      explanation: `Do not read this case as having no ${missing.what}: ask ${holdersText(holders)}.`,
      eventIds: [], withheld: { count: basis.length, holders },
    });
  }
  return shown;
}
