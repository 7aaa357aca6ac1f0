import { randomUUID } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { linkToken, linkTokensFor, LinkTokenError, normaliseDateOfBirth } from '../link-tokens/index.js';
import { PersonInput, type Subject, type SubjectRef } from '../contracts/index.js';
import { DomainError, notFound } from '../errors/index.js';
import { DEFAULT_PEER_REFRESH_MS, modelOf } from '../mongo/index.js';
import { tokenMemory } from './tokenMemory.js';

// The request body of `POST /people` is the contracts' (the web UI types its form with it).
export { PersonInput };

export interface Person extends PersonInput {
  _id: string;
  /** Every token records about this person carry: derived from the identifiers, plus aliasTokens. */
  tokens: string[];
  /** Tokens adopted, not derived: a confirmed match's, or those an earlier name normalisation gave. */
  aliasTokens?: string[];
  /** The name/date normalisation the derived tokens come from (see refreshTokens). */
  normalisation?: number;
  createdAt: Date;
}

/**
 * 2: apostrophes and full stops vanish (O'Neil = ONeil), dates accepted as written. Tokens stay `lt1.`: only
 * names with an apostrophe or full stop change, and people recorded before keep their old token as an alias.
 */
export const NORMALISATION = 2;

/** A subject on the bus carries at most 8 tokens (contracts Subject), so a person never holds more. */
export const MAX_TOKENS_PER_PERSON = 8;

const personSchema = new Schema<Person>({
  _id: { type: String, required: true },
  given: { type: String, required: true },
  family: { type: String, required: true },
  dateOfBirth: { type: String, required: true },
  nhsNumber: String,
  pncId: String,
  postcode: String,
  tokens: { type: [String], required: true },
  aliasTokens: { type: [String], default: undefined },
  normalisation: Number,
  createdAt: { type: Date, required: true },
}, { versionKey: false, collection: 'people' });
personSchema.index({ tokens: 1 });
personSchema.index({ dateOfBirth: 1 });

/** A person as another system identifies them (a hospital's Patient): an NHS number, or name and date of birth. */
export type Identity = { nhsNumber: string } | { given: string; family: string; dateOfBirth: string };

export interface People {
  add(input: PersonInput): Promise<Person>;
  get(personId: string): Promise<Person>;
  /** Local subject references to bus subjects (tokens only); an unknown person is a 404. */
  subjectsOf(refs: SubjectRef[]): Promise<Subject[]>;
  byTokens(tokens: string[]): Promise<Person[]>;
  /** Everyone held with this (normalised) date of birth: where possible matches are looked for. */
  bornOn(dateOfBirth: string): Promise<Person[]>;
  /**
   * The people held under this identity, as another system names them: by NHS number alone when it is given
   * (the stronger identifier), else by name and date of birth, compared as link tokens (spelling normalised).
   */
  withIdentity(identity: Identity): Promise<Person[]>;
  /** Give a person tokens that are theirs by decision, not derivation (idempotent). */
  adopt(personId: string, tokens: string[]): Promise<void>;
  /** The tokens plus every token of a person holding one of them who has aliases: what research must look for. */
  widen(tokens: readonly string[]): Promise<string[]>;
  /** Derive again the tokens of people recorded under an earlier normalisation, keeping their old ones as aliases. */
  refreshTokens(): Promise<number>;
}

/**
 * `subjectsOf` (asked by every command) answers from tokens held in memory (`tokenMemory.ts`), so a command's
 * request reads nothing once its people are known here; another instance's changes show within `refreshMs`.
 */
export function createPeople(db: Connection, linkSecret: string, options: { refreshMs?: number } = {}): People {
  const model = modelOf(db, 'Person', personSchema);
  // By _id alone, so it is answered from the _id index.
  const memory = tokenMemory(async (ids) => new Map(
    (await model.find({ _id: { $in: ids } }, { tokens: 1 }).lean<Pick<Person, '_id' | 'tokens'>[]>()).map((p) => [p._id, p.tokens]),
  ), options.refreshMs ?? DEFAULT_PEER_REFRESH_MS);
  const people: People = {
    async add(input) {
      let tokens: string[];
      let dateOfBirth: string;
      try {
        dateOfBirth = normaliseDateOfBirth(input.dateOfBirth);
        tokens = linkTokensFor(linkSecret, { ...input, dateOfBirth });
      } catch (err) {
        if (err instanceof LinkTokenError) throw new DomainError(err.code, err.message, { status: 400, field: fieldOf(err.code) });
        throw err;
      }
      const person: Person = { _id: randomUUID(), ...input, dateOfBirth, tokens, normalisation: NORMALISATION, createdAt: new Date() };
      await model.create(person);
      memory.remember(person._id, tokens);
      return person;
    },
    async get(personId) {
      const person = await model.findById(personId).lean<Person>();
      if (!person) throw notFound('person', personId);
      return person;
    },
    async subjectsOf(refs) {
      const found = await memory.tokensOf([...new Set(refs.map((r) => r.personId))]);
      return refs.map((ref) => {
        const tokens = found.get(ref.personId);
        if (!tokens) throw notFound('person', ref.personId);
        return { role: ref.role, tokens };
      });
    },
    async byTokens(tokens) {
      return model.find({ tokens: { $in: tokens } }).lean<Person[]>();
    },
    async withIdentity(identity) {
      let token: string;
      try {
        token = 'nhsNumber' in identity
          ? linkToken(linkSecret, { kind: 'nhs', nhsNumber: identity.nhsNumber })
          : linkToken(linkSecret, { kind: 'nd', ...identity, dateOfBirth: normaliseDateOfBirth(identity.dateOfBirth) });
      } catch (err) {
        if (err instanceof LinkTokenError) throw new DomainError(err.code, err.message, { status: 400, field: fieldOf(err.code) });
        throw err;
      }
      return people.byTokens([token]);
    },
    async bornOn(dateOfBirth) {
      return model.find({ dateOfBirth }).sort({ createdAt: 1 }).limit(500).lean<Person[]>();
    },
    async adopt(personId, tokens) {
      if (tokens.length === 0) return;
      await model.updateOne({ _id: personId }, { $addToSet: { tokens: { $each: tokens }, aliasTokens: { $each: tokens } } });
      memory.forget(personId);
    },
    async widen(tokens) {
      if (tokens.length === 0) return [];
      // Only people with aliases widen: two people who merely share a token (twins at one address) stay apart.
      const holders = (await people.byTokens([...tokens])).filter((p) => (p.aliasTokens ?? []).length > 0);
      return [...new Set([...tokens, ...holders.flatMap((p) => p.tokens)])];
    },
    async refreshTokens() {
      let changed = 0;
      for (const person of await model.find({ normalisation: { $ne: NORMALISATION } }).lean<Person[]>()) {
        const derived = derivedTokens(linkSecret, person);
        const stale = person.tokens.filter((t) => !derived.includes(t) && !(person.aliasTokens ?? []).includes(t));
        const fresh = derived.filter((t) => !person.tokens.includes(t));
        const add = { ...(fresh.length > 0 ? { tokens: { $each: fresh } } : {}), ...(stale.length > 0 ? { aliasTokens: { $each: stale } } : {}) };
        await model.updateOne({ _id: person._id }, { $set: { normalisation: NORMALISATION }, ...(Object.keys(add).length > 0 ? { $addToSet: add } : {}) });
        if (fresh.length > 0) changed++;
        memory.forget(person._id);
      }
      return changed;
    },
  };
  return people;
}

/** Tokens under today's normalisation; a stored person whose identifiers no longer derive keeps what it has. */
function derivedTokens(linkSecret: string, person: Person): string[] {
  try {
    const { given, family, dateOfBirth, nhsNumber, pncId, postcode } = person;
    return linkTokensFor(linkSecret, { given, family, dateOfBirth, nhsNumber, pncId, postcode });
  } catch {
    return person.tokens;
  }
}

function fieldOf(code: string): string {
  const fields: Record<string, string> = {
    invalid_nhs_number: 'body.nhsNumber', invalid_pnc_id: 'body.pncId', invalid_postcode: 'body.postcode',
    invalid_date_of_birth: 'body.dateOfBirth', invalid_name: 'body.family',
  };
  return fields[code] ?? 'body';
}
