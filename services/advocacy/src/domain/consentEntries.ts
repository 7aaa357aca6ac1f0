import type { CaseEvent } from '@convene/shared/contracts';
import type { RecordFold } from '@convene/shared/mongo';
import type { ConsentEntry } from '../db/consentRegister.js';
import type { ConsentState } from './consent.js';

/** Whose entry in the consent register: a victim's local person id (the key), and their link tokens. */
export interface Registrant {
  key: string;
  tokens: string[];
}

/** One victim's entry after an engagement or a revocation about them. */
function evolve(entry: ConsentEntry | undefined, event: CaseEvent, victim: Registrant): ConsentEntry | undefined {
  switch (event.type) {
    case 'advocacy.victim.engaged.v1': {
      const d = event.data;
      const current: ConsentState = { engagementRef: d.engagementRef, level: d.consent, givenOn: d.consentGivenOn, limitedTo: d.limitedTo ?? [] };
      const recordedAt = new Date(event.time);
      if (!entry) return { _id: victim.key, tokens: victim.tokens, current, engagementRefs: [d.engagementRef], recordedAt, eventIds: [] };
      // The newest engagement is current: a late redelivery of an older one is listed, but never overwrites it.
      const newest = entry.recordedAt <= recordedAt;
      const engagementRefs = entry.engagementRefs.includes(d.engagementRef) ? entry.engagementRefs : [...entry.engagementRefs, d.engagementRef];
      return { ...entry, ...(newest ? { tokens: victim.tokens, current, recordedAt } : {}), engagementRefs };
    }
    case 'advocacy.consent.revoked.v1':
      // Only the engagement that is current governs; revoking a superseded one records nothing here.
      return entry?.current.engagementRef === event.data.engagementRef
        ? { ...entry, current: { ...entry.current, revokedOn: event.data.revokedOn } }
        : undefined;
    default:
      return entry;
  }
}

/**
 * The consent register, followed one victim's entry at a time: the register finds the entries an event
 * concerns (the event alone does not say which), and folds the event into each with the fold made for it.
 */
export function consentEntryFold(victim: Registrant): RecordFold<ConsentEntry> {
  return {
    refOf: (event) => (event.type === 'advocacy.victim.engaged.v1' || event.type === 'advocacy.consent.revoked.v1' ? victim.key : undefined),
    evolve: (entry, event) => evolve(entry, event, victim),
  };
}
