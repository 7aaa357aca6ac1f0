import { randomUUID } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { z } from 'zod';
import { linkTokensFor, LinkTokenError } from '../link-tokens/index.js';
import { CalendarDate, SubjectRole, type Subject } from '../contracts/index.js';
import { DomainError, notFound } from '../errors/index.js';
import { modelOf } from '../mongo/index.js';

/** A person the agency holds, with the identifiers it knows. Only their link tokens ever leave it. */
export const PersonInput = z.object({
  given: z.string().trim().min(1).max(80),
  family: z.string().trim().min(1).max(80),
  dateOfBirth: CalendarDate,
  nhsNumber: z.string().trim().min(10).max(14).optional(),
  pncId: z.string().trim().min(4).max(16).optional(),
  postcode: z.string().trim().min(5).max(9).optional(),
});
export type PersonInput = z.infer<typeof PersonInput>;

export interface Person extends PersonInput {
  _id: string;
  tokens: string[];
  createdAt: Date;
}

const personSchema = new Schema<Person>({
  _id: { type: String, required: true },
  given: { type: String, required: true },
  family: { type: String, required: true },
  dateOfBirth: { type: String, required: true },
  nhsNumber: String,
  pncId: String,
  postcode: String,
  tokens: { type: [String], required: true },
  createdAt: { type: Date, required: true },
}, { versionKey: false, collection: 'people' });
personSchema.index({ tokens: 1 });

/** How a command names the people it is about: their local id and their role in this record. */
export const SubjectRef = z.object({ personId: z.uuid(), role: SubjectRole });
export type SubjectRef = z.infer<typeof SubjectRef>;

export interface People {
  add(input: PersonInput): Promise<Person>;
  get(personId: string): Promise<Person>;
  /** Local subject references to bus subjects (tokens only); an unknown person is a 404. */
  subjectsOf(refs: SubjectRef[]): Promise<Subject[]>;
  byTokens(tokens: string[]): Promise<Person[]>;
}

export function createPeople(db: Connection, linkSecret: string): People {
  const model = modelOf(db, 'Person', personSchema);
  const people: People = {
    async add(input) {
      let tokens: string[];
      try {
        tokens = linkTokensFor(linkSecret, input);
      } catch (err) {
        if (err instanceof LinkTokenError) throw new DomainError(err.code, err.message, { status: 400, field: fieldOf(err.code) });
        throw err;
      }
      const person: Person = { _id: randomUUID(), ...input, tokens, createdAt: new Date() };
      await model.create(person);
      return person;
    },
    async get(personId) {
      const person = await model.findById(personId).lean<Person>();
      if (!person) throw notFound('person', personId);
      return person;
    },
    async subjectsOf(refs) {
      const subjects: Subject[] = [];
      for (const ref of refs) subjects.push({ role: ref.role, tokens: (await people.get(ref.personId)).tokens });
      return subjects;
    },
    async byTokens(tokens) {
      return model.find({ tokens: { $in: tokens } }).lean<Person[]>();
    },
  };
  return people;
}

function fieldOf(code: string): string {
  const fields: Record<string, string> = {
    invalid_nhs_number: 'body.nhsNumber', invalid_pnc_id: 'body.pncId', invalid_postcode: 'body.postcode',
    invalid_date_of_birth: 'body.dateOfBirth', invalid_name: 'body.family',
  };
  return fields[code] ?? 'body';
}
