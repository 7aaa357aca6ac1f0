import { Schema, type Connection } from 'mongoose';
import type { CaseEvent, EventOfType } from '@convene/shared/contracts';
import type { WithholdPolicy } from '@convene/shared/partnership';
import { createRecordStore, modelOf } from '@convene/shared/mongo';
import {
  consentRuling, governingConsents, withholdReason, type ConsentQuestion, type ConsentRuling, type ConsentState, type RegisteredConsent,
} from '../domain/consent.js';
import { consentEntryFold, type Registrant } from '../domain/consentEntries.js';

/** The consent register: one entry per victim (their local person id), with their link tokens. */
export interface ConsentEntry extends RegisteredConsent {
  _id: string;
  /** When the current engagement was recorded: a late redelivery of an older one never overwrites it. */
  recordedAt: Date;
  eventIds: string[];
}

const stateSchema = new Schema<ConsentState>({
  engagementRef: { type: String, required: true },
  level: { type: String, required: true },
  givenOn: { type: String, required: true },
  limitedTo: { type: [String], default: [] },
  revokedOn: String,
}, { _id: false });

const entrySchema = new Schema<ConsentEntry>({
  _id: { type: String, required: true },
  tokens: { type: [String], required: true },
  current: { type: stateSchema, required: true },
  engagementRefs: { type: [String], default: [] },
  recordedAt: { type: Date, required: true },
  eventIds: { type: [String], default: [] },
}, { versionKey: false, collection: 'consents' });
entrySchema.index({ tokens: 1 });

/** Which local people carry exactly these tokens (the victim named on an engagement). */
export type PersonIdsOf = (tokens: string[]) => Promise<string[]>;

export function createConsentRegister(db: Connection, personIdsOf: PersonIdsOf) {
  const model = modelOf(db, 'ConsentEntry', entrySchema);

  /**
   * Fold an event into one victim's entry. The generic store reads, folds and writes the entry
   * revision-checked; what it cannot do is find the entries, as it keys by the event alone: an engagement
   * concerns every local person id of each victim it names (looked up here, not carried by the event), and a
   * revocation every entry it is the current engagement of.
   */
  const foldInto = (victim: Registrant, event: CaseEvent) => createRecordStore(model, consentEntryFold(victim)).project(event);

  async function engaged(event: EventOfType<'advocacy.victim.engaged.v1'>): Promise<void> {
    for (const victim of event.subjects.filter((s) => s.role === 'victim')) {
      const ids = await personIdsOf(victim.tokens);
      for (const key of ids.length > 0 ? ids : [`tokens:${victim.tokens[0]}`]) await foldInto({ key, tokens: victim.tokens }, event);
    }
  }

  async function revoked(event: EventOfType<'advocacy.consent.revoked.v1'>): Promise<void> {
    const governed = await model.find({ 'current.engagementRef': event.data.engagementRef }, { tokens: 1 }).lean<Pick<ConsentEntry, '_id' | 'tokens'>[]>();
    for (const entry of governed) await foldInto({ key: entry._id, tokens: entry.tokens }, event);
  }

  /** Apply one advocacy event; idempotent, as the recorder may apply it again after a crash. */
  async function project(event: CaseEvent): Promise<void> {
    if (event.type === 'advocacy.victim.engaged.v1') return engaged(event);
    if (event.type === 'advocacy.consent.revoked.v1') return revoked(event);
  }

  async function forTokens(tokens: string[]): Promise<ConsentEntry[]> {
    if (tokens.length === 0) return [];
    return model.find({ tokens: { $in: tokens } }).lean<ConsentEntry[]>();
  }

  /** What the consent of every victim on a record allows. */
  async function rulingFor(question: ConsentQuestion): Promise<ConsentRuling> {
    const victims = question.subjects.filter((s) => s.role === 'victim');
    const held = await forTokens(victims.flatMap((v) => v.tokens));
    return consentRuling(victims.flatMap((v) => governingConsents(question, v.tokens, held)));
  }

  /** The kit's withhold policy: consulted before a record streams and for every record in a research return. */
  const withhold: WithholdPolicy = async (record) => withholdReason(await rulingFor(record), record);

  return { model, project, forTokens, rulingFor, withhold };
}

export type ConsentRegister = ReturnType<typeof createConsentRegister>;
