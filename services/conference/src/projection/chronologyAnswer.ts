import type { CaseEvent, WithheldEntry } from '@convene/shared/contracts';
import { canView, historyCheckReader, recordKindOf } from '@convene/shared/sharing';
import { summarise } from '../readModel/index.js';

type HistoryReturn = Extract<CaseEvent, { type: `${string}.research.returned.v1` }>;

/**
 * The rows one agency's answer adds to a CPS chronology, judged again here by the one visibility rule for the
 * lawyer who reads it: a record that lawyer may not see (restricted to others) is counted as withheld, never
 * stored. Agencies already hold such records back; this is the conference's own guard.
 */
export function chronologyAnswer(ret: HistoryReturn): { rows: { eventId: string; agency: string; type: string; occurredAt: string; summary: string; sharing: string }[]; withheld: WithheldEntry[] } {
  const rows = [];
  const held = new Map<string, WithheldEntry>();
  for (const r of ret.data.records as CaseEvent[]) {
    if (canView(r, historyCheckReader)) {
      rows.push({ eventId: r.id, agency: r.agency, type: r.type, occurredAt: r.occurredat, summary: summarise(r), sharing: r.sharing });
      continue;
    }
    const recordKind = recordKindOf(r.type);
    const entry = held.get(recordKind) ?? { recordKind, reason: 'not_shared_with_requester' as const, count: 0 };
    entry.count++;
    held.set(recordKind, entry);
  }
  return { rows, withheld: [...ret.data.withheld, ...held.values()] };
}
