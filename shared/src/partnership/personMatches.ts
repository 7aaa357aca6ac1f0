import { Schema, type Connection } from 'mongoose';
import { z } from 'zod';
import { conflict, DomainError } from '../errors/index.js';
import { insertManyIdempotent, modelOf } from '../mongo/index.js';
import { MAX_TOKENS_PER_PERSON, type People, type Person } from './people.js';
import { possibleMatch, type MatchReason } from './possibleMatch.js';

export const MatchStatus = z.enum(['offered', 'confirmed', 'rejected']);
export type MatchStatus = z.infer<typeof MatchStatus>;

/** Two people this agency holds who may be one, and what its staff decided. Never leaves the agency. */
export interface PersonMatch {
  _id: string;
  personIds: [string, string];
  reason: MatchReason;
  status: MatchStatus;
  offeredAt: Date;
  decidedBy?: { userId: string; displayName?: string | undefined } | undefined;
  decidedAt?: Date | undefined;
  note?: string | undefined;
}

const matchSchema = new Schema<PersonMatch>({
  _id: { type: String, required: true },
  personIds: { type: [String], required: true },
  reason: { type: String, required: true },
  status: { type: String, required: true },
  offeredAt: { type: Date, required: true },
  decidedBy: { type: new Schema({ userId: String, displayName: String }, { _id: false }) },
  decidedAt: Date,
  note: String,
}, { versionKey: false, collection: 'person_matches' });
matchSchema.index({ status: 1, offeredAt: 1 });
matchSchema.index({ personIds: 1 });

/** One id per pair, whichever way round it is named. */
export const pairId = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);

export interface MatchDecision {
  personId: string;
  otherId: string;
  decision: 'confirmed' | 'rejected';
  by: { userId: string; displayName?: string | undefined };
  note: string;
  at?: Date;
}

export interface PersonMatches {
  /** Offer every possible match of this person among people born the same day (idempotent). */
  offerFor(person: Person): Promise<PersonMatch[]>;
  /** Matches still waiting for a decision, oldest first; for one person if named. */
  offered(personId?: string): Promise<PersonMatch[]>;
  /** Confirm (both people adopt each other's tokens) or reject (never offered again). */
  decide(decision: MatchDecision): Promise<PersonMatch>;
  /** Re-apply confirmed links, in case a crash came between the decision and the tokens. */
  repair(): Promise<void>;
}

export function createPersonMatches(db: Connection, people: People): PersonMatches {
  const model = modelOf(db, 'PersonMatch', matchSchema);

  async function link(a: Person, b: Person) {
    // Each takes the other's tokens as aliases: records about either now carry, and are found by, both.
    await people.adopt(a._id, b.tokens.filter((t) => !a.tokens.includes(t)));
    await people.adopt(b._id, a.tokens.filter((t) => !b.tokens.includes(t)));
  }

  // Offered once per pair: a pair already there, offered or decided, is left as it is.
  const offer = (a: Person, b: Person, reason: MatchReason, at: Date) => insertManyIdempotent(model, [
    { _id: pairId(a._id, b._id), personIds: [a._id, b._id].sort(), reason, status: 'offered', offeredAt: at },
  ]);

  const matches: PersonMatches = {
    async offerFor(person) {
      for (const other of await people.bornOn(person.dateOfBirth)) {
        if (other._id === person._id || other.tokens.some((t) => person.tokens.includes(t))) continue;
        const reason = possibleMatch(person, other);
        if (!reason) continue;
        await offer(person, other, reason, new Date());
      }
      return matches.offered(person._id);
    },
    async offered(personId) {
      const filter = personId ? { status: 'offered', personIds: personId } : { status: 'offered' };
      return model.find(filter).sort({ offeredAt: 1 }).limit(200).lean<PersonMatch[]>();
    },
    async decide({ personId, otherId, decision, by, note, at = new Date() }) {
      if (personId === otherId) throw new DomainError('same_person', 'a person cannot be matched with themselves', { status: 400, field: 'path.otherId' });
      const [a, b] = [await people.get(personId), await people.get(otherId)];
      const id = pairId(a._id, b._id);
      const existing = await model.findById(id).lean<PersonMatch>();
      if (existing && existing.status !== 'offered') throw conflict('match_already_decided', `this pair was already ${existing.status}`);
      const reason = existing?.reason ?? possibleMatch(a, b);
      if (!reason) throw conflict('not_a_possible_match', 'these people are not a possible match (same date of birth, one slip in the name, an initial, or names swapped)');
      if (decision === 'confirmed' && new Set([...a.tokens, ...b.tokens]).size > MAX_TOKENS_PER_PERSON) {
        throw conflict('too_many_tokens', `linked, these people would carry more than ${MAX_TOKENS_PER_PERSON} link tokens, more than an event may name`);
      }
      await offer(a, b, reason, at);
      // Claimed once: of two staff deciding at the same moment, the second is told it is already decided.
      const claimed = await model.updateOne({ _id: id, status: 'offered' }, { $set: { status: decision, decidedBy: by, decidedAt: at, note } });
      if (claimed.modifiedCount === 0) throw conflict('match_already_decided', 'this pair was already decided');
      if (decision === 'confirmed') await link(a, b);
      return (await model.findById(id).lean<PersonMatch>())!;
    },
    async repair() {
      for (const match of await model.find({ status: 'confirmed' }).lean<PersonMatch[]>()) {
        const [a, b] = await Promise.all(match.personIds.map((id) => people.get(id)));
        if (a && b) await link(a, b);
      }
    },
  };
  return matches;
}
