import { z } from 'zod';
import type { CpsRecord } from '../db/records.js';

/** What every CPS record view starts with: its reference, when it happened, how it is shared, its events. */
export const RecordBaseView = z.object({
  ref: z.string(),
  occurredAt: z.string(),
  sharing: z.string(),
  caseRef: z.string().optional(),
  eventIds: z.array(z.string()),
});

export function recordBase(record: CpsRecord) {
  return {
    ref: record._id, occurredAt: record.occurredAt.toISOString(), sharing: record.sharing,
    ...(record.caseRef ? { caseRef: record.caseRef } : {}), eventIds: record.eventIds,
  };
}

/** The record's event data without its own reference (already given as `ref`). */
export function detailOf<T>(record: CpsRecord, refField: string): T {
  const { [refField]: _ref, ...rest } = record.detail;
  return rest as T;
}
