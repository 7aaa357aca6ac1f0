import { recordEventTypes, type CaseEvent, type CaseViewFields, type ElsewhereOutline } from '@convene/shared/contracts';
import { caseSubjectsOf, outlineElsewhere, relationToCase, subjectsWithin, type CaseSubjects } from '@convene/shared/sharing';
import { toEntry } from './entries.js';
import { emptySections, project } from './project.js';
import { mergeEntries, type TimelineEntry } from './timeline.js';
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
 * What one `evolveAll` has taken in so far, owned by that call and changed in place: a case view of a replay
 * takes hundreds of events at once, and copying its timeline and ids per event made folding quadratic. New
 * entries, ids and outlines are collected and put in order once, at the end.
 */
interface Intake {
  applied: Set<string>;
  newIds: string[];
  added: TimelineEntry[];
  outlineIds: Set<string>;
  addedOutlines: ElsewhereOutline[];
  pending: CaseEvent[];
  pendingChanged: boolean;
  people: CaseSubjects;
}

/** Apply one event to a case view: the same as `evolveAll` with one event. */
export function evolve(view: CaseView, event: CaseEvent): CaseView {
  return evolveAll(view, [event]);
}

/**
 * Apply one event after another to a case view. Pure; returns the same object when the events change nothing
 * (already applied, another case's, not case history, agency-only, or about nobody on the case). Choosing which
 * case an event belongs to (subject, link tokens) is the projector's job; this refuses events that name a
 * different case, and keeps out every record that is not about this case's own victim. The sections are folded
 * from the timeline once, however many events there are.
 */
export function evolveAll(view: CaseView, events: readonly CaseEvent[]): CaseView {
  const elsewhere = view.elsewhere ?? [];
  const pending = view.pending ?? [];
  const intake: Intake = {
    applied: new Set(view.appliedEventIds), newIds: [], added: [], outlineIds: new Set(elsewhere.map((o) => o.id)), addedOutlines: [],
    pending: [...pending], pendingChanged: false, people: listedPeople(view.timeline),
  };
  for (const event of events) {
    if (concernsCase(event, view.caseRef)) absorb(intake, event);
  }
  if (intake.newIds.length === 0 && intake.addedOutlines.length === 0 && !intake.pendingChanged) return view;
  const log = withdrawRevoked({
    timeline: mergeEntries(view.timeline, intake.added),
    applied: intake.newIds.length === 0 ? view.appliedEventIds : [...view.appliedEventIds, ...intake.newIds].sort(byCodeUnits),
    elsewhere: intake.addedOutlines.length === 0 ? elsewhere : [...elsewhere, ...intake.addedOutlines].sort(byMonthThenId),
    pending: intake.pendingChanged ? intake.pending.sort((a, b) => byCodeUnits(a.id, b.id)) : pending,
    people: intake.people,
  });
  return {
    caseRef: view.caseRef, ...project(log.timeline), timeline: log.timeline, appliedEventIds: log.applied, elsewhere: log.elsewhere, pending: log.pending,
  };
}

function accept(intake: Intake, id: string, entry?: TimelineEntry) {
  if (entry) intake.added.push(entry);
  if (intake.applied.has(id)) return;
  intake.applied.add(id);
  intake.newIds.push(id);
}

/** Add one event's entry; a research return adds each embedded record as an event of its own. */
function absorb(intake: Intake, event: CaseEvent): void {
  if (intake.applied.has(event.id)) return;
  if (!isResearchReturn(event)) return absorbRecord(intake, event);
  const entry = toEntry(event);
  if (entry === null) return;
  for (const record of event.data.records as readonly CaseEvent[]) {
    // An agency answers only with its own records.
    if (record.agency === event.agency) absorbRecord(intake, record);
  }
  (event.data.elsewhere ?? []).forEach((outline, i) => addOutline(intake, { ...outline, id: `${event.id}:${i}` }));
  accept(intake, event.id, entry);
}

/**
 * One record: its own victim's (or the suspect's alone) joins the timeline, with only the case's own people
 * among its subjects; one naming another victim leaves only its outline; one about nobody here is dropped.
 */
function absorbRecord(intake: Intake, event: CaseEvent): void {
  if (intake.applied.has(event.id)) return;
  const entry = toEntry(event);
  if (entry === null) return;
  if (entry.facts.on === 'listing') {
    intake.people = caseSubjectsOf([...peopleOf(intake.people), ...entry.facts.people]);
    accept(intake, event.id, entry);
    const parked = intake.pending;
    intake.pending = [];
    intake.pendingChanged ||= parked.length > 0;
    for (const record of parked) absorbRecord(intake, record);
    return;
  }
  if (event.agency === 'conference' || (event.subjects.length === 0 && !isRecordAboutSomeone(event))) return accept(intake, event.id, entry);
  // A record about a person that names nobody cannot be shown to be this case's: it stays out.
  if (event.subjects.length === 0) return;
  if (intake.people.victimTokens.length === 0 && intake.people.otherTokens.length === 0) {
    if (intake.pending.some((p) => p.id === event.id)) return;
    intake.pending.push(event);
    intake.pendingChanged = true;
    return;
  }
  const relation = relationToCase(event.subjects, intake.people);
  if (relation === 'unrelated') return;
  if (relation === 'elsewhere') {
    const outline = outlineElsewhere(event);
    if (!outline) return;
    addOutline(intake, { ...outline, id: event.id });
    return accept(intake, event.id);
  }
  const subjects = subjectsWithin(event.subjects, intake.people);
  const { subjects: _named, ...rest } = entry;
  accept(intake, event.id, subjects.length > 0 ? { ...rest, subjects } : rest);
}

function isRecordAboutSomeone(event: CaseEvent): boolean {
  return event.agency !== 'conference' && recordEventTypes[event.agency].has(event.type);
}

function addOutline(intake: Intake, outline: ElsewhereOutline): void {
  if (intake.outlineIds.has(outline.id)) return;
  intake.outlineIds.add(outline.id);
  intake.addedOutlines.push(outline);
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byMonthThenId = (a: ElsewhereOutline, b: ElsewhereOutline) => a.month.localeCompare(b.month) || a.id.localeCompare(b.id);

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
