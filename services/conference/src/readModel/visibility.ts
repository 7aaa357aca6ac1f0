import type { Agency, Role } from '@convene/shared/contracts';
import type { CaseView } from './caseView.js';
import { project } from './project.js';
import type { TimelineEntry } from './timeline.js';

export interface Viewer {
  agency: Agency;
  role: Role;
}

/**
 * A restricted entry is seen by its audience (by agency or by role) and by the agency that published it.
 * Partnership entries are seen by every member of the case.
 */
export function canSee(entry: Pick<TimelineEntry, 'sharing' | 'audience' | 'agency'>, viewer: Viewer): boolean {
  if (entry.sharing === 'partnership') return true;
  if (entry.agency === viewer.agency) return true;
  return (entry.audience ?? []).some((a) => ('agency' in a ? a.agency === viewer.agency : a.role === viewer.role));
}

/**
 * The case as one viewer may see it. Everything derived is folded again from the visible entries only, so
 * nothing that rests on a hidden entry survives (a disclosure's detail, a restricted assessment), and an
 * earlier visible value takes its place where there is one. Hidden ids leave `appliedEventIds` too, so
 * even their existence is not shown.
 */
export function viewFor(view: CaseView, viewer: Viewer): CaseView {
  const timeline = view.timeline.filter((e) => canSee(e, viewer));
  if (timeline.length === view.timeline.length) return view;
  const hidden = new Set(view.timeline.filter((e) => !canSee(e, viewer)).map((e) => e.eventId));
  return {
    caseRef: view.caseRef,
    ...project(timeline),
    timeline,
    appliedEventIds: view.appliedEventIds.filter((id) => !hidden.has(id)),
  };
}
