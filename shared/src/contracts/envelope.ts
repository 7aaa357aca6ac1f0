import { z } from 'zod';
import { Agency, AudienceEntry, CaseRef, LegalBasis, Sharing, Subject, Timestamp } from './common.js';

/** W3C trace context header value: version-traceid-parentid-flags. */
export const TraceParent = z.string().regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/, 'expected a W3C traceparent');

/**
 * CloudEvents 1.0 (structured JSON) with Convene's extension attributes. `subjects` and `audience` are
 * JSON arrays rather than CloudEvents scalar types: see docs/ARCHITECTURE.md.
 */
export const EnvelopeBase = z.object({
  specversion: z.literal('1.0'),
  id: z.uuid(),
  source: z.string().min(1),
  type: z.string().min(1),
  time: Timestamp,
  subject: CaseRef.optional(),
  datacontenttype: z.literal('application/json'),
  agency: Agency,
  occurredat: Timestamp,
  sharing: Sharing,
  audience: z.array(AudienceEntry).max(20).optional(),
  legalbasis: LegalBasis,
  subjects: z.array(Subject).max(20).default([]),
  traceparent: TraceParent.optional(),
});
export type EnvelopeBase = z.infer<typeof EnvelopeBase>;

export type EventTypeName<A extends Agency, N extends string> = `${A}.${N}.v1`;

/** One event type: the envelope with its literal `type`, `agency`, `source` and its own `data`. */
export function defineEvent<A extends Agency, N extends string, D extends z.ZodType>(agency: A, name: N, data: D) {
  return EnvelopeBase.extend({
    type: z.literal(`${agency}.${name}.v1` as EventTypeName<A, N>),
    agency: z.literal(agency),
    source: z.literal(`convene/${agency}` as `convene/${A}`),
    data,
  });
}
