import type {
  Agency, AudienceEntry, Behaviour, ConcernCategory, ConsentLevel, DataOf, EventType, OffenceClass,
  PartnerAgency, ReferredPerson, RiskGrade, Sharing, Subject, SubjectRole, WithheldEntry,
} from '@convene/shared/contracts';

export type EntryKind =
  | 'incident' | 'risk' | 'classification' | 'arrest' | 'bail' | 'order' | 'breach' | 'charging' | 'hearing'
  | 'outcome' | 'concern' | 'disclosure' | 'engagement' | 'victim_view' | 'safety_plan' | 'diary' | 'review'
  | 'action' | 'listing' | 'other';

export type Referral = DataOf<'conference.case.listed.v1'>['referral'];
export type SpoKind = DataOf<'police.spo.applied.v1'>['kind'];
export type ConcernSeverity = DataOf<'health.concern.flagged.v1'>['severity'];
export type ConcernContact = DataOf<'health.concern.flagged.v1'>['contact'];
export type ConcernResolution = DataOf<'health.concern.resolved.v1'>['resolution'];
/** Which kind of order a breach breaks; an SPO breach may name a restraining order (before breaches had kinds). */
export type BreachedOrderKind = 'spo' | 'restraining_order' | 'bail';
export type ActionStatus = DataOf<'conference.action.updated.v1'>['status'];

/**
 * The minimum each entry keeps so every other part of the view can be folded from the sorted timeline
 * alone: that makes the view independent of delivery order, and lets a viewer's copy be rebuilt from
 * only the entries that viewer may see. Free text is kept only where it was written to be shared.
 */
export type Facts =
  | { on: 'none' }
  | { on: 'incident'; incidentRef: string; text: string }
  | { on: 'listing'; referral: Referral; people: ReferredPerson[]; repeatOf: string | null }
  | { on: 'closure'; retentionDays: number | null }
  | {
    on: 'police_risk'; tool: 'DASH' | 'S-DASH'; declined: boolean; grade: RiskGrade | null; yesCount: number | null;
    raisedByProfessionalJudgement: boolean; victimOwnView: RiskGrade | null;
  }
  | { on: 'victim_view'; grade: RiskGrade }
  | { on: 'review'; grade: RiskGrade; nextReviewOn: string }
  | { on: 'spo_applied'; orderRef: string; spoKind: SpoKind }
  | { on: 'spo_granted'; orderRef: string; spoKind: SpoKind; conditions: string[]; expiresOn: string }
  | { on: 'breach'; orderRef: string; orderKind?: BreachedOrderKind }
  | { on: 'bail'; bailRef: string; conditions: string[]; until: string | null }
  | { on: 'spo_considered'; decision: 'applied' | 'not_applied'; orderRef: string | null; reason: string }
  | { on: 'restraining_order'; orderRef: string; onConviction: boolean; conditions: string[]; expiresOn: string | null }
  | {
    on: 'action'; actionId: string; status?: ActionStatus; outcome?: string;
    assigned?: { owner: PartnerAgency; description: string; dueOn: string };
  }
  | {
    on: 'concern'; concernRef: string; subjectRole?: SubjectRole; category?: ConcernCategory;
    severity?: ConcernSeverity; contact?: ConcernContact; resolution?: ConcernResolution;
  }
  | { on: 'disclosure'; requestRef: string; concernRef: string; decision: 'requested' | 'disclosed' | 'refused'; detail?: string }
  | { on: 'consent'; level: ConsentLevel; limitedTo: PartnerAgency[]; givenOn: string }
  | { on: 'consent_revoked'; revokedOn: string; withdrawn?: number }
  | { on: 'research'; recordCount: number; withheld: WithheldEntry[] };

export interface TimelineEntry {
  eventId: string;
  type: EventType;
  agency: Agency;
  /** `agency` records never reach the view; see evolve. */
  sharing: Exclude<Sharing, 'agency'>;
  audience?: AudienceEntry[];
  occurredAt: string;
  recordedAt: string;
  summary: string;
  kind: EntryKind;
  behaviours?: Behaviour[];
  offenceClass?: OffenceClass;
  subjects?: Subject[];
  facts: Facts;
}

/** Timestamps may carry different offsets, so order by instant, then by id so ties are stable. */
export function compareEntries(a: Pick<TimelineEntry, 'occurredAt' | 'eventId'>, b: Pick<TimelineEntry, 'occurredAt' | 'eventId'>): number {
  const byTime = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  if (byTime !== 0) return byTime;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

export function insertEntry(timeline: readonly TimelineEntry[], entry: TimelineEntry): TimelineEntry[] {
  const at = lowerBound(timeline.length, (i) => compareEntries(timeline[i]!, entry) < 0);
  return [...timeline.slice(0, at), entry, ...timeline.slice(at)];
}

/** Applied ids are kept sorted so the view is the same whatever order events arrived in. */
export function insertId(ids: readonly string[], id: string): string[] {
  const at = lowerBound(ids.length, (i) => ids[i]! < id);
  return ids[at] === id ? [...ids] : [...ids.slice(0, at), id, ...ids.slice(at)];
}

export function hasId(ids: readonly string[], id: string): boolean {
  return ids[lowerBound(ids.length, (i) => ids[i]! < id)] === id;
}

function lowerBound(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
