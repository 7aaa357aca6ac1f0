import type { CaseEvent } from '@convene/shared/contracts';
import type { Logger } from '@convene/shared/log';
import { identifying } from '@convene/shared/sharing';
import type { CaseView } from '../readModel/index.js';
import type { CaseStore } from '../db/cases.js';
import type { MeetingStore } from '../db/meetings.js';
import type { Live } from '../live/index.js';
import type { ChronologyStore } from '../db/chronologies.js';
import type { ErasedCases } from '../db/erasedCases.js';
import { evolveMeeting, meetingIdOf, type Meeting } from '../domain/meeting.js';
import { caseRefOf, isReferral } from './routing.js';
import { chronologyAnswer } from './chronologyAnswer.js';
import { casePushes, meetingPushes, overdueActionAlerts, type PushDraft } from './pushes.js';
import { listReferral, openHistoryCheck, type CommandDeps } from './commands.js';
import { createCaseViews } from './caseViews.js';
import { createRounds } from './rounds.js';

export interface ProjectorDeps extends CommandDeps {
  cases: CaseStore;
  meetings: MeetingStore;
  /** The live topic: where the meeting rooms are told, and told to forget. */
  live: Pick<Live, 'pushes' | 'retract'>;
  chronologies: ChronologyStore;
  /** Cases erased after their retention: nothing more is applied to them. */
  erased?: ErasedCases;
  logger: Logger;
  /** Called after a case.closed is applied (the purge runs at once when retention is 0). */
  onCaseClosed?: (caseRef: string, retentionDays: number | undefined) => Promise<void>;
  /** Where `*.statistics.published.v1` go: the scrutiny store keeps the latest per agency and month. */
  statistics?: { apply(events: readonly CaseEvent[]): Promise<void> };
  /** The most case views kept in memory between batches. */
  maxCachedViews?: number;
}

/** Consent narrowed, or records withdrawn: what the live topic holds of advocacy may no longer be shown as it was. */
function consentNarrowed(before: CaseView, after: CaseView): boolean {
  if (before === after) return false;
  const kept = new Set(after.timeline.map((e) => e.eventId));
  if (before.timeline.some((e) => !kept.has(e.eventId))) return true;
  const c = after.consent;
  const narrow = c !== null && (c.revoked || c.level !== 'full');
  return narrow && JSON.stringify(before.consent) !== JSON.stringify(c);
}

/** Where each event of a batch goes when its envelope does not say it all: referrals, suspect-alone records. */
type Placement = Map<string, string[]>;

function casesOf(event: CaseEvent, placed: Placement): string[] {
  const named = caseRefOf(event);
  return placed.get(event.id) ?? (named ? [named] : []);
}

/** An agency's record about someone (a suspect, a child) that names no victim. */
function aboutNoVictim(event: CaseEvent): boolean {
  return event.agency !== 'conference' && !event.type.endsWith('.research.returned.v1') && event.subjects.length > 0
    && !event.subjects.some((s) => s.role === 'victim') && caseRefOf(event) !== undefined;
}

type HistoryReturn = Extract<CaseEvent, { type: `${string}.research.returned.v1` }>;

/**
 * Applies events to the conference's read model: case views (batched: each case loaded and saved once per
 * batch), meetings and CPS chronologies. Every step is idempotent by event id, so the same batch may be
 * applied again after a crash or a replay and the result is the same.
 */
export function createProjector(deps: ProjectorDeps) {
  const caseViews = createCaseViews({ cases: deps.cases, erased: deps.erased, ...(deps.maxCachedViews ? { maxCached: deps.maxCachedViews } : {}) });

  async function applyToCases(events: CaseEvent[], placed: Placement = new Map()): Promise<Map<string, CaseView>> {
    const byCase = new Map<string, CaseEvent[]>();
    for (const event of events) {
      for (const caseRef of casesOf(event, placed)) byCase.set(caseRef, [...(byCase.get(caseRef) ?? []), event]);
    }
    if (byCase.size === 0) return new Map();
    const { views, before } = await caseViews.fold(byCase);
    for (const [caseRef, view] of views) {
      if (consentNarrowed(before.get(caseRef)!, view)) await deps.live.retract(caseRef, 'advocacy');
      // Transferred: the sending area's rooms forget what they were pushed of it (catch-up included).
      else if (movedArea(before.get(caseRef)!, view)) await deps.live.retract(caseRef, 'all');
    }
    return views;
  }

  async function applyToMeetings(events: CaseEvent[]): Promise<Map<string, Meeting>> {
    const touched = new Map<string, Meeting>();
    for (const event of events) {
      const meetingId = meetingIdOf(event);
      if (!meetingId || event.type === 'conference.case.reviewed.v1' || event.type === 'conference.action.assigned.v1') continue;
      const before = touched.get(meetingId) ?? (await deps.meetings.find(meetingId));
      const after = evolveMeeting(before, event);
      if (after) touched.set(meetingId, after);
      if (after && after !== before) await deps.meetings.save(after);
    }
    return touched;
  }

  async function applyToChronologies(events: CaseEvent[]): Promise<void> {
    for (const event of events) {
      if (!event.type.endsWith('.research.returned.v1')) continue;
      const ret = event as HistoryReturn;
      if (ret.data.purpose.kind !== 'history_check') continue;
      const { rows, withheld } = chronologyAnswer(ret);
      await deps.chronologies.addAnswer(ret.data.purpose.requestRef, ret.agency, rows, withheld);
    }
  }

  /** The read model only: used right after the conference records its own event, for read-your-writes. */
  async function applyToReadModel(events: CaseEvent[], placed?: Placement) {
    const views = await applyToCases(events, placed);
    const meetings = await applyToMeetings(events);
    await applyToChronologies(events);
    await deps.statistics?.apply(events);
    return { views, meetings };
  }

  /**
   * Everything the conference does with consumed events: run the commands they trigger (referral → listing,
   * history request → history check), update the read model, then tell the meeting rooms. Batches consumed
   * at the same moment (one per partition) are handled together in one round.
   */
  async function handleRound(events: CaseEvent[]): Promise<void> {
    // A referral belongs to the case it opened or joined, whatever its envelope says; a record about the
    // suspect alone (an arrest, an order) belongs to every open case of that suspect, though an agency names one.
    const placed: Placement = new Map();
    for (const event of events) {
      if (isReferral(event)) placed.set(event.id, [await listReferral(deps, event)]);
      else if (event.type === 'cps.history.requested.v1') await openHistoryCheck(deps, event);
      else if (aboutNoVictim(event)) {
        const named = caseRefOf(event);
        const open = await deps.cases.openWithTokens(identifying(event.subjects.flatMap((s) => s.tokens)));
        placed.set(event.id, [...new Set([...(named ? [named] : []), ...open])]);
      }
    }
    const { views, meetings } = await applyToReadModel(events, placed);
    // The meetings running with the round's cases, read once: every meeting event of the round is applied above.
    const running = await deps.meetings.activeWithCases([...views.keys()]);
    const pushes: PushDraft[] = [];
    for (const event of events) {
      const caseRefs = casesOf(event, placed);
      for (const caseRef of caseRefs) {
        const view = views.get(caseRef);
        // Only to the rooms of the case's own area (a meeting of the sending area may still list a case moved away).
        const rooms = (running.get(caseRef) ?? []).filter((m) => deps.areas.placeOf(m.area) === deps.areas.placeOf(view?.area));
        if (view) pushes.push(...casePushes(event, view, rooms));
      }
      const meetingId = meetingIdOf(event);
      const meeting = meetingId ? meetings.get(meetingId) : undefined;
      if (meeting && (!caseRefs[0] || event.type === 'conference.agenda.moved.v1')) pushes.push(...meetingPushes(event, meeting));
      // A meeting starting reads its cases once, to raise the actions overdue on them.
      if (meeting && event.type === 'conference.meeting.started.v1') {
        const agenda = await deps.cases.load(meeting.agenda);
        const heldHere = new Map([...agenda].filter(([, view]) => deps.areas.placeOf(view.area) === deps.areas.placeOf(meeting.area)));
        pushes.push(...overdueActionAlerts(event, meeting, heldHere));
      }
    }
    // One write for the batch, after the read model holds it: a client that reads the case on a push sees it.
    const at = new Date().toISOString();
    await deps.live.pushes(pushes.map((push) => ({ ...push, at })));
    for (const event of events) {
      if (event.type === 'conference.case.closed.v1') await deps.onCaseClosed?.(event.data.caseRef, event.data.retentionDays);
    }
  }

  const rounds = createRounds(handleRound);
  return { handle: (events: CaseEvent[]) => rounds.run(events), applyToReadModel };
}

export type Projector = ReturnType<typeof createProjector>;

/** A case whose area changed in this fold (a transfer): prior stored views without an area count as the first's. */
function movedArea(before: CaseView, after: CaseView): boolean {
  return before.status !== 'pending' && (before.area ?? null) !== (after.area ?? null);
}
