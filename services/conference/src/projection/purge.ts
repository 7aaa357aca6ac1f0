import type { Logger } from '@convene/shared/log';
import { outboxEntriesNaming, type EventStore } from '@convene/shared/eventlog';
import type { CaseStore } from '../db/cases.js';
import type { MeetingStore } from '../db/meetings.js';
import type { Live } from '../live/index.js';
import type { createReferralLog } from '../db/referrals.js';
import type { ChronologyStore } from '../db/chronologies.js';
import type { ErasedCases } from '../db/erasedCases.js';

export interface PurgeDeps {
  cases: CaseStore;
  meetings: MeetingStore;
  live: Pick<Live, 'retract'>;
  referrals: ReturnType<typeof createReferralLog>;
  chronologies: ChronologyStore;
  erased: ErasedCases;
  /** The conference's own event log and outbox. */
  store: Pick<EventStore, 'forgetCase'>;
  retentionDays: number;
  logger: Logger;
  /** Publish whatever the outbox still holds, so erasing it loses nothing that partners should get. */
  flushOutbox: () => Promise<unknown>;
}

/** Every event in the log that names the case: as its subject, in its data, or on a meeting agenda. */
/**
 * Close and forget: once a closed case is past the retention period, erase everything the conference holds
 * about it (view, live pushes, agenda places, its own published events with the referral's names, the referral
 * mapping). Agencies keep their own records; the audit log keeps its entries, which hold no personal data.
 */
export function createPurger(deps: PurgeDeps) {
  async function purgeCase(caseRef: string): Promise<boolean> {
    await deps.flushOutbox();
    if (!(await deps.store.forgetCase(caseRef))) {
      deps.logger.warn({ caseRef }, 'closed case still has unpublished events; purge postponed');
      return false;
    }
    await deps.live.retract(caseRef, 'all');
    await deps.meetings.removeCase(caseRef);
    await deps.referrals.removeCase(caseRef);
    await deps.cases.remove(caseRef);
    await deps.erased.record(caseRef);
    deps.logger.info({ caseRef }, 'closed case purged after its retention period');
    return true;
  }

  async function purgeDue(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - deps.retentionDays * 24 * 3600 * 1000);
    const due = await deps.cases.dueForPurge(now, cutoff);
    let purged = 0;
    for (const caseRef of due) if (await purgeCase(caseRef)) purged++;
    await deps.chronologies.purgeExpired(now);
    return purged;
  }

  return { purgeDue, purgeCase };
}
