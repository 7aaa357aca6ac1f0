import { recordEventTypes, type CaseEvent, type CaseViewFields, type ElsewhereOutline } from '@convene/shared/contracts';
import { caseSubjectsOf, outlineElsewhere, relationToCase, subjectsWithin, type CaseSubjects } from '@convene/shared/sharing';
import { toEntry } from './entries.js';
import { emptySections, project } from './project.js';
import { hasId, insertEntry, insertId, type TimelineEntry } from './timeline.js';
import { withdrawRevoked } from './withdrawal.js';

export type * from './sections.js';
export type { EntryKind, Facts, TimelineEntry } from './timeline.js';
export type { ElsewhereOutline };

/**
 * One listed case as the meeting sees it: a plain JSON document (one per case in MongoDB). Everything but
 * the timeline, the outlines and the applied ids is folded from the timeline, so the view depends only on
 * which events it holds, never on the order they arrived in. Its fields are the contracts' (the case view the
 * conference answers with), and `appliedEventIds` holds every event (and research record) already applied,
 * so redelivery changes nothing.
 */
export interface CaseView extends CaseViewFields {
  /**
   * Records that arrived before the case's people were known (a replay reads the agencies' topics and the
   * listing's in no set order): judged when the listing comes, shown to nobody until then.
   */
  pending: CaseEvent[];
}

export function initialView(caseRef: string): CaseView {
  return { caseRef, ...emptySections(), timeline: [], appliedEventIds: [], elsewhere: [], pending: [] };
}

export interface Log {
  timeline: TimelineEntry[];
  applied: string[];
  elsewhere: ElsewhereOutline[];
  pending: CaseEvent[];
  /** Whose records join: the people of the case's listings, never anyone a record names. */
  people: CaseSubjects;
}

/**
 * Apply one event to a case view. Pure; returns the same object when the event changes nothing (already
 * applied, another case's, not case history, agency-only, or about nobody on the case). Choosing which case
 * an event belongs to (subject, link tokens) is the projector's job; this refuses events that name a
 * different case, and keeps out every record that is not about this case's own victim.
 */
export function evolve(view: CaseView, event: CaseEvent): CaseView {
  return evolveAll(view, [event]);
}

/**
 * Apply several events at once: the same view as evolving by each in turn, but the sections are folded from
 * the timeline once, not once per event (a chunk of a replay holds hundreds of events per case).
 */
export function evolveAll(view: CaseView, events: readonly CaseEvent[]): CaseView {
  const elsewhere = view.elsewhere ?? [];
  const pending = view.pending ?? [];
  const start: Log = { timeline: view.timeline, applied: view.appliedEventIds, elsewhere, pending, people: listedPeople(view.timeline) };
  let log = start;
  for (const event of events) {
    if (concernsCase(event, view.caseRef)) log = absorb(log, event) ?? log;
  }
  log = withdrawRevoked(log);
  if (log.timeline === view.timeline && log.applied === view.appliedEventIds && log.elsewhere === elsewhere && log.pending === pending) return view;
  return {
    caseRef: view.caseRef, ...project(log.timeline), timeline: log.timeline, appliedEventIds: log.applied, elsewhere: log.elsewhere, pending: log.pending,
  };
}

/** Add one event's entry to the log; a research return adds each embedded record as an event of its own. */
function absorb(log: Log, event: CaseEvent): Log | null {
  if (hasId(log.applied, event.id)) return null;
  if (!isResearchReturn(event)) return absorbRecord(log, event);
  const entry = toEntry(event);
  if (entry === null) return null;
  let next: Log = log;
  for (const record of event.data.records as readonly CaseEvent[]) {
    // An agency answers only with its own records.
    if (record.agency === event.agency) next = absorbRecord(next, record) ?? next;
  }
  (event.data.elsewhere ?? []).forEach((outline, i) => {
    next = addOutline(next, { ...outline, id: `${event.id}:${i}` });
  });
  return { ...next, timeline: insertEntry(next.timeline, entry), applied: insertId(next.applied, event.id) };
}

/**
 * One record: its own victim's (or the suspect's alone) joins the timeline, with only the case's own people
 * among its subjects; one naming another victim leaves only its outline; one about nobody here is dropped.
 */
function absorbRecord(log: Log, event: CaseEvent): Log | null {
  if (hasId(log.applied, event.id)) return null;
  const entry = toEntry(event);
  if (entry === null) return null;
  if (entry.facts.on === 'listing') {
    const people = caseSubjectsOf([...peopleOf(log.people), ...entry.facts.people]);
    const listed: Log = { ...log, people, pending: [], timeline: insertEntry(log.timeline, entry), applied: insertId(log.applied, event.id) };
    return log.pending.reduce((next, parked) => absorbRecord(next, parked) ?? next, listed);
  }
  if (event.agency === 'conference' || (event.subjects.length === 0 && !isRecordAboutSomeone(event))) {
    return { ...log, timeline: insertEntry(log.timeline, entry), applied: insertId(log.applied, event.id) };
  }
  // A record about a person that names nobody cannot be shown to be this case's: it stays out.
  if (event.subjects.length === 0) return null;
  if (log.people.victimTokens.length === 0 && log.people.otherTokens.length === 0) {
    if (log.pending.some((p) => p.id === event.id)) return null;
    const pending = [...log.pending, event].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { ...log, pending };
  }
  const relation = relationToCase(event.subjects, log.people);
  if (relation === 'unrelated') return null;
  if (relation === 'elsewhere') {
    const outline = outlineElsewhere(event);
    return outline ? { ...addOutline(log, { ...outline, id: event.id }), applied: insertId(log.applied, event.id) } : null;
  }
  const subjects = subjectsWithin(event.subjects, log.people);
  const { subjects: _named, ...rest } = entry;
  const kept: TimelineEntry = subjects.length > 0 ? { ...rest, subjects } : rest;
  return { ...log, timeline: insertEntry(log.timeline, kept), applied: insertId(log.applied, event.id) };
}

function isRecordAboutSomeone(event: CaseEvent): boolean {
  return event.agency !== 'conference' && recordEventTypes[event.agency].has(event.type);
}

function addOutline(log: Log, outline: ElsewhereOutline): Log {
  if (log.elsewhere.some((o) => o.id === outline.id)) return log;
  const elsewhere = [...log.elsewhere, outline].sort((a, b) => a.month.localeCompare(b.month) || a.id.localeCompare(b.id));
  return { ...log, elsewhere };
}

function listedPeople(timeline: readonly TimelineEntry[]): CaseSubjects {
  return caseSubjectsOf(timeline.flatMap((e) => (e.facts.on === 'listing' ? e.facts.people : [])));
}

function peopleOf(subjects: CaseSubjects) {
  return [{ role: 'victim' as const, tokens: subjects.victimTokens }, { role: 'other' as const, tokens: subjects.otherTokens }];
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
