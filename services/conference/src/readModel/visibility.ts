import type { CaseView as ViewerCaseView, WithheldCount } from '@convene/shared/contracts';
import { canView, type ConsentLimit, type Viewer } from '@convene/shared/sharing';
import type { CaseView } from './caseView.js';
import { project } from './project.js';
import type { TimelineEntry } from './timeline.js';

export type { Viewer } from '@convene/shared/sharing';

/** The victim's consent as the case holds it, for the one visibility rule. */
export function consentOf(view: Pick<CaseView, 'consent'>): ConsentLimit | null {
  const c = view.consent;
  return c ? { level: c.level, limitedTo: c.limitedTo, revoked: c.revoked } : null;
}

/** May this viewer see this entry of this case? The shared rule, with the case's consent state. */
export function canSee(entry: Pick<TimelineEntry, 'sharing' | 'audience' | 'agency'> & { type?: string }, viewer: Viewer, consent?: ConsentLimit | null): boolean {
  return canView(entry, viewer, consent);
}

/**
 * The case as one viewer may see it. Everything derived is folded again from the visible entries only, so
 * nothing that rests on a hidden entry survives (a disclosure's detail, a restricted assessment), and an
 * earlier visible value takes its place where there is one. `appliedEventIds` lists only the visible entries,
 * so the existence of anything else is not shown. The suspect's history elsewhere is the chair's alone.
 */
export function viewFor(view: CaseView, viewer: Viewer): ViewerCaseView {
  const consent = consentOf(view);
  const elsewhere = viewer.role === 'chair' ? (view.elsewhere ?? []) : [];
  const timeline = view.timeline.filter((e) => canSee(e, viewer, consent));
  // Only what the viewer can open: the ids of outlined, withdrawn or hidden records are not told, not even counted.
  const appliedEventIds = timeline.map((e) => e.eventId).sort();
  const sections = timeline.length === view.timeline.length ? {} : project(timeline);
  return { ...view, ...sections, timeline, appliedEventIds, elsewhere, pending: [] };
}

/** What a viewer is not shown, by kind and holder: never content, so a signal can say whom to ask. */
export function withheldFrom(view: CaseView, viewer: Viewer): WithheldCount[] {
  const consent = consentOf(view);
  const counts = new Map<string, WithheldCount>();
  for (const e of view.timeline) {
    if (canSee(e, viewer, consent)) continue;
    const key = `${e.kind}|${e.agency}`;
    const c = counts.get(key) ?? { kind: e.kind, agency: e.agency, count: 0 };
    c.count++;
    counts.set(key, c);
  }
  return [...counts.values()];
}
