import {
  createEvent, isRecordOf, recordEventTypes, type CaseEvent, type DataOf, type ElsewhereEntry, type NewEventFields, type PartnerAgency,
  type ResearchPurpose, type WithheldEntry, type WithheldReason,
} from '../contracts/index.js';
import { canView, historyCheckReader, outlineElsewhere, recordKindOf, relationToCase, type CaseSubjects } from '../sharing/index.js';
import { deterministicUuid } from '../agency/deterministicId.js';
import type { StoredEvent } from '../eventlog/index.js';

/** An agency's own reasons to hold a record back, beyond `agency` sharing (e.g. no consent). */
export type WithholdPolicy = (record: CaseEvent) => Promise<WithheldReason | undefined> | WithheldReason | undefined;

/** The listed case another victim's record belongs to, if the agency knows one (named in the outline). */
export type OtherCaseOf = (record: CaseEvent) => Promise<string | undefined>;

export interface ResearchRequest {
  agency: PartnerAgency;
  purpose: ResearchPurpose;
  /** Whose records join: the listing's people, or the history check's suspect and the CPS case's victims. */
  subjects: CaseSubjects;
  records: StoredEvent[];
  windowFrom: Date;
  withhold?: WithholdPolicy;
  otherCaseOf?: OtherCaseOf;
  now?: Date;
}

export interface ResearchSelection {
  shared: CaseEvent[];
  withheld: WithheldEntry[];
  elsewhere: ElsewhereEntry[];
}

const PART_SIZE = 200;

type ReturnedType = `${PartnerAgency}.research.returned.v1`;
/** One part of a return, all but the records, which are typed per agency. */
type ReturnedPart = Omit<NewEventFields<ReturnedType>, 'data'> & { data: Omit<DataOf<ReturnedType>, 'records'> };

// One builder per agency: each embeds only that agency's own records, typed as such (selectForResearch kept no other).
const returnedBy: Record<PartnerAgency, (part: ReturnedPart, records: CaseEvent[]) => CaseEvent> = {
  police: (part, records) => createEvent('police.research.returned.v1', { ...part, data: { ...part.data, records: records.filter(isRecordOf('police')) } }),
  cps: (part, records) => createEvent('cps.research.returned.v1', { ...part, data: { ...part.data, records: records.filter(isRecordOf('cps')) } }),
  health: (part, records) => createEvent('health.research.returned.v1', { ...part, data: { ...part.data, records: records.filter(isRecordOf('health')) } }),
  advocacy: (part, records) => createEvent('advocacy.research.returned.v1', { ...part, data: { ...part.data, records: records.filter(isRecordOf('advocacy')) } }),
};

/**
 * Split what the agency holds about the subjects into what it shares (its own victim's records and records
 * about the suspect alone, whole), what it outlines (the suspect's records naming another victim: kind, month,
 * categories only) and what it holds back (counted by kind and reason, never content). A history check's
 * chronology is read by the requesting lawyer alone, so a record that lawyer may not see is held back too.
 * Only record types count: referrals, actions and the like are not records about a person.
 */
export async function selectForResearch(request: ResearchRequest): Promise<ResearchSelection> {
  const recordTypes = recordEventTypes[request.agency];
  const shared: CaseEvent[] = [];
  const elsewhere: ElsewhereEntry[] = [];
  const held = new Map<string, WithheldEntry>();
  const holdBack = (recordKind: string, reason: WithheldReason) => {
    const key = `${recordKind}|${reason}`;
    const entry = held.get(key) ?? { recordKind, reason, count: 0 };
    entry.count++;
    held.set(key, entry);
  };
  for (const record of request.records) {
    if (!recordTypes.has(record.type) || record.occurredAt < request.windowFrom) continue;
    const kind = recordKindOf(record.type);
    const relation = relationToCase(record.event.subjects, request.subjects);
    if (relation === 'unrelated') continue;
    // Another victim's record the agency would not share at all is not even counted here: its existence is hers.
    const reason = record.sharing === 'agency' ? 'agency_only' : await request.withhold?.(record.event);
    if (relation === 'elsewhere') {
      const outline = reason ? null : outlineElsewhere(record.event, await request.otherCaseOf?.(record.event));
      if (outline) elsewhere.push(outline);
      continue;
    }
    if (reason) {
      holdBack(kind, reason);
      continue;
    }
    if (request.purpose.kind === 'history_check' && !canView(record.event, historyCheckReader)) {
      holdBack(kind, 'not_shared_with_requester');
      continue;
    }
    shared.push(record.event);
  }
  return { shared, withheld: [...held.values()], elsewhere };
}

/** Build the research.returned events for one purpose, in parts small enough for one Kafka message each. */
export async function buildResearchReturns(request: ResearchRequest): Promise<CaseEvent[]> {
  const { shared, withheld, elsewhere } = await selectForResearch(request);
  const total = Math.max(1, Math.ceil(shared.length / PART_SIZE), Math.ceil(elsewhere.length / PART_SIZE));
  const purposeKey = request.purpose.kind === 'listing' ? request.purpose.caseRef : request.purpose.requestRef;
  const events: CaseEvent[] = [];
  for (let index = 1; index <= total; index++) {
    const slice = <T>(all: T[]) => all.slice((index - 1) * PART_SIZE, index * PART_SIZE);
    events.push(returnedBy[request.agency]({
      id: deterministicUuid(request.agency, 'research', request.purpose.kind, purposeKey, String(index), String(total)),
      occurredAt: request.now ?? new Date(),
      sharing: 'partnership',
      ...(request.purpose.kind === 'listing' ? { subject: request.purpose.caseRef } : {}),
      data: {
        purpose: request.purpose,
        windowFrom: request.windowFrom.toISOString(),
        withheld: index === 1 ? withheld : [],
        elsewhere: slice(elsewhere),
        part: { index, total },
      },
    }, slice(shared)));
  }
  return events;
}

export function windowStart(now: Date, months: number): Date {
  const from = new Date(now);
  from.setUTCMonth(from.getUTCMonth() - months);
  return from;
}
