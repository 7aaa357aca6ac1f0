import { z } from 'zod';
import type { Agency, LegalBasis, PartnerAgency } from './common.js';
import { policeEvents, PoliceRecordEvent } from './police.js';
import { cpsEvents, CpsRecordEvent } from './cps.js';
import { healthEvents, HealthRecordEvent } from './health.js';
import { advocacyEvents, AdvocacyRecordEvent } from './advocacy.js';
import { conferenceEvents } from './conference.js';

export const eventSchemas = [
  ...policeEvents,
  ...cpsEvents,
  ...healthEvents,
  ...advocacyEvents,
  ...conferenceEvents,
] as const;

/** Which legal bases each publisher may rely on (DPA 2018 Part 3 for law enforcement; UK GDPR otherwise). */
export const legalBasesByAgency: Record<Agency, readonly LegalBasis[]> = {
  police: ['dpa-2018-part-3'],
  cps: ['dpa-2018-part-3'],
  health: ['uk-gdpr-art-6-1-e+art-9-2-h'],
  advocacy: ['uk-gdpr-art-6-1-e', 'uk-gdpr-art-6-1-e+art-9-2-g'],
  conference: ['uk-gdpr-art-6-1-e', 'dpa-2018-part-3'],
};

interface EnvelopeRuleInput {
  agency: Agency;
  sharing: string;
  audience?: readonly unknown[] | undefined;
  legalbasis: LegalBasis;
}

/** Rules that span envelope fields, applied to every published event and every record it embeds. */
function checkEnvelopeRules(e: EnvelopeRuleInput, ctx: z.RefinementCtx, path: (string | number)[]): void {
  if (e.sharing === 'agency') {
    ctx.addIssue({ code: 'custom', path: [...path, 'sharing'], message: 'agency-only records are never published' });
  }
  if (e.sharing === 'restricted' && !(e.audience && e.audience.length > 0)) {
    ctx.addIssue({ code: 'custom', path: [...path, 'audience'], message: 'a restricted event names its audience' });
  }
  if (e.sharing === 'partnership' && e.audience && e.audience.length > 0) {
    ctx.addIssue({ code: 'custom', path: [...path, 'audience'], message: 'only restricted events carry an audience' });
  }
  if (!legalBasesByAgency[e.agency].includes(e.legalbasis)) {
    ctx.addIssue({ code: 'custom', path: [...path, 'legalbasis'], message: `${e.agency} cannot publish under ${e.legalbasis}` });
  }
}

export const CaseEvent = z.discriminatedUnion('type', eventSchemas).superRefine((event, ctx) => {
  checkEnvelopeRules(event, ctx, []);
  // Disclosed health detail may only travel to the audience the Caldicott decision named.
  if (event.type === 'health.disclosure.decided.v1' && event.data.decision === 'disclosed' && event.sharing !== 'restricted') {
    ctx.addIssue({ code: 'custom', path: ['sharing'], message: 'disclosed health detail is shared as restricted to the decided audience' });
  }
  if (event.type.endsWith('.research.returned.v1') && 'records' in event.data) {
    event.data.records.forEach((record, i) => checkEnvelopeRules(record, ctx, ['data', 'records', i]));
  }
});
export type CaseEvent = z.infer<typeof CaseEvent>;
/** What a publisher hands in: `subjects` may be left out (it defaults to none). */
export type CaseEventInput = z.input<typeof CaseEvent>;
export type EventType = CaseEvent['type'];
/** Every event type on the bus, by name (for documents that name one, such as a case timeline's entries). */
export const EventType = z.literal(eventSchemas.map((s) => s.shape.type.value));
export type EventOfType<T extends EventType> = Extract<CaseEvent, { type: T }>;
export type DataOf<T extends EventType> = EventOfType<T>['data'];
/** An event a decider decides on: its type and data, before the envelope is added when it is recorded. */
export type EventDraft<T extends EventType> = T extends unknown ? { type: T; data: DataOf<T> } : never;

export const eventTypes: ReadonlySet<string> = new Set(eventSchemas.map((s) => s.shape.type.value));

/** Each type's own schema (without the bus-wide rules), for records an agency keeps to itself. */
export const schemaByType: ReadonlyMap<string, z.ZodType> = new Map(eventSchemas.map((s) => [s.shape.type.value, s as z.ZodType]));

export function isEventType(type: string): type is EventType {
  return eventTypes.has(type);
}

const recordSchemas = { police: PoliceRecordEvent, cps: CpsRecordEvent, health: HealthRecordEvent, advocacy: AdvocacyRecordEvent };

/** The record types each agency can embed in a research return or stream to a listed case. */
export const recordEventTypes: Record<PartnerAgency, ReadonlySet<string>> = {
  police: new Set(recordSchemas.police.options.map((o) => o.shape.type.value)),
  cps: new Set(recordSchemas.cps.options.map((o) => o.shape.type.value)),
  health: new Set(recordSchemas.health.options.map((o) => o.shape.type.value)),
  advocacy: new Set(recordSchemas.advocacy.options.map((o) => o.shape.type.value)),
};

type RecordEvents = { [A in PartnerAgency]: Extract<CaseEvent, z.infer<(typeof recordSchemas)[A]>> };
/** One of the agency's own records: what its research returns embed. */
export type RecordEventOf<A extends PartnerAgency> = RecordEvents[A];

/** A filter that keeps the agency's own records, typed as such: the type and the set come from the same schemas. */
export function isRecordOf<A extends PartnerAgency>(agency: A): (event: CaseEvent) => event is RecordEventOf<A> {
  return (event): event is RecordEventOf<A> => recordEventTypes[agency].has(event.type);
}
