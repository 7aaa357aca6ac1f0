import type { CaseEvent } from '@convene/shared/contracts';
import { toEntry } from './entries.js';
import { emptySections, project } from './project.js';
import type { CaseSections } from './sections.js';
import { hasId, insertEntry, insertId, type TimelineEntry } from './timeline.js';

export type * from './sections.js';
export type { EntryKind, Facts, TimelineEntry } from './timeline.js';

/**
 * One listed case as the meeting sees it: a plain JSON document (one per case in MongoDB). Everything but
 * the timeline and the applied ids is folded from the timeline, so the view depends only on which events
 * it holds, never on the order they arrived in.
 */
export interface CaseView extends CaseSections {
  caseRef: string;
  /** Sorted by occurredAt, then eventId: a late event takes its place by when it happened. */
  timeline: TimelineEntry[];
  /** Sorted; every event (and research record) already applied, so redelivery changes nothing. */
  appliedEventIds: string[];
}

export function initialView(caseRef: string): CaseView {
  return { caseRef, ...emptySections(), timeline: [], appliedEventIds: [] };
}

interface Log {
  timeline: TimelineEntry[];
  applied: string[];
}

/**
 * Apply one event to a case view. Pure; returns the same object when the event changes nothing (already
 * applied, another case's, not case history, or agency-only). Choosing which case an event belongs to
 * (subject, link tokens) is the projector's job; this only refuses events that name a different case.
 */
export function evolve(view: CaseView, event: CaseEvent): CaseView {
  return evolveAll(view, [event]);
}

/**
 * Apply several events at once: the same view as evolving by each in turn, but the sections are folded from
 * the timeline once, not once per event (a chunk of a replay holds hundreds of events per case).
 */
export function evolveAll(view: CaseView, events: readonly CaseEvent[]): CaseView {
  let log: Log = { timeline: view.timeline, applied: view.appliedEventIds };
  for (const event of events) {
    if (concernsCase(event, view.caseRef)) log = absorb(log, event) ?? log;
  }
  if (log.timeline === view.timeline && log.applied === view.appliedEventIds) return view;
  return { caseRef: view.caseRef, ...project(log.timeline), timeline: log.timeline, appliedEventIds: log.applied };
}

/** Add one event's entry to the log; a research return adds each embedded record as an event of its own. */
function absorb(log: Log, event: CaseEvent): Log | null {
  if (hasId(log.applied, event.id)) return null;
  const entry = toEntry(event);
  if (entry === null) return null;
  let next: Log = log;
  if (isResearchReturn(event)) {
    for (const record of event.data.records as readonly CaseEvent[]) next = absorb(next, record) ?? next;
  }
  return { timeline: insertEntry(next.timeline, entry), applied: insertId(next.applied, event.id) };
}

type ResearchReturn = Extract<CaseEvent, { type: `${string}.research.returned.v1` }>;

function isResearchReturn(event: CaseEvent): event is ResearchReturn {
  return event.type.endsWith('.research.returned.v1');
}

/**
 * A research return belongs to the listing it answers; history-check returns are the requesting lawyer's
 * alone and never enter a case view. Conference and action events name their case in `data.caseRef`.
 */
function concernsCase(event: CaseEvent, caseRef: string): boolean {
  if (isResearchReturn(event)) return event.data.purpose.kind === 'listing' && event.data.purpose.caseRef === caseRef;
  const named = (event.data as { caseRef?: unknown }).caseRef;
  return named === undefined || named === caseRef;
}
