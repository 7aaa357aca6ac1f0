import {
  createEvent, recordEventTypes, type CaseEvent, type PartnerAgency, type ResearchPurpose, type WithheldEntry, type WithheldReason,
} from '../contracts/index.js';
import { deterministicUuid } from './deterministicId.js';
import type { StoredEvent } from './eventStore.js';

/** An agency's own reasons to hold a record back, beyond `agency` sharing (e.g. no consent). */
export type WithholdPolicy = (record: CaseEvent) => Promise<WithheldReason | undefined> | WithheldReason | undefined;

export interface ResearchRequest {
  agency: PartnerAgency;
  purpose: ResearchPurpose;
  records: StoredEvent[];
  windowFrom: Date;
  withhold?: WithholdPolicy;
  now?: Date;
}

const PART_SIZE = 200;

/**
 * Split what the agency holds about the subjects into what it shares (its events, whole) and what it holds
 * back (counted by kind and reason, never content). Only record types count: referrals, actions and the
 * like are not records about a person.
 */
export async function selectForResearch(request: ResearchRequest): Promise<{ shared: CaseEvent[]; withheld: WithheldEntry[] }> {
  const recordTypes = recordEventTypes[request.agency];
  const shared: CaseEvent[] = [];
  const held = new Map<string, WithheldEntry>();
  const holdBack = (recordKind: string, reason: WithheldReason) => {
    const key = `${recordKind}|${reason}`;
    const entry = held.get(key) ?? { recordKind, reason, count: 0 };
    entry.count++;
    held.set(key, entry);
  };
  for (const record of request.records) {
    if (!recordTypes.has(record.type) || record.occurredAt < request.windowFrom) continue;
    const kind = record.type.replace(/^[a-z]+\./, '').replace(/\.v\d+$/, '');
    if (record.sharing === 'agency') {
      holdBack(kind, 'agency_only');
      continue;
    }
    const reason = await request.withhold?.(record.event);
    if (reason) holdBack(kind, reason);
    else shared.push(record.event);
  }
  return { shared, withheld: [...held.values()] };
}

/** Build the research.returned events for one purpose, in parts small enough for one Kafka message each. */
export async function buildResearchReturns(request: ResearchRequest): Promise<CaseEvent[]> {
  const { shared, withheld } = await selectForResearch(request);
  const total = Math.max(1, Math.ceil(shared.length / PART_SIZE));
  const purposeKey = request.purpose.kind === 'listing' ? request.purpose.caseRef : request.purpose.requestRef;
  const events: CaseEvent[] = [];
  for (let index = 1; index <= total; index++) {
    events.push(createEvent(`${request.agency}.research.returned.v1`, {
      id: deterministicUuid(request.agency, 'research', request.purpose.kind, purposeKey, String(index), String(total)),
      occurredAt: request.now ?? new Date(),
      sharing: 'partnership',
      ...(request.purpose.kind === 'listing' ? { subject: request.purpose.caseRef } : {}),
      data: {
        purpose: request.purpose,
        windowFrom: request.windowFrom.toISOString(),
        records: shared.slice((index - 1) * PART_SIZE, index * PART_SIZE) as never,
        withheld: index === 1 ? withheld : [],
        part: { index, total },
      },
    }));
  }
  return events;
}

export function windowStart(now: Date, months: number): Date {
  const from = new Date(now);
  from.setUTCMonth(from.getUTCMonth() - months);
  return from;
}
