import { z } from 'zod';
import { Agency } from '../common.js';
import { CrossAreaRequestKind } from '../conference.js';
import { ElsewhereEntry } from '../agencyCommon.js';
import { CaseSections } from './caseSections.js';
import { Signal } from './signals.js';
import { EntryKind, SharedFacts, TimelineEntry } from './timeline.js';
import { ReferredPerson } from '../agencyCommon.js';

/** One outline of the suspect's history elsewhere, keyed by where it came from so redelivery adds nothing. */
export const ElsewhereOutline = ElsewhereEntry.extend({ id: z.string() });
export type ElsewhereOutline = z.infer<typeof ElsewhereOutline>;

/** A case view but for the records still waiting for its listing (the conference keeps those to itself). */
export const CaseViewFields = CaseSections.extend({
  caseRef: z.string(),
  /** Sorted by occurredAt, then eventId: a late event takes its place by when it happened. */
  timeline: z.array(TimelineEntry),
  /** Sorted; the events applied that the reader may open (a viewer's copy lists only their visible entries). */
  appliedEventIds: z.array(z.string()),
  /** The suspect's records naming another victim, in outline only; sorted by month, then id. For the chair. */
  elsewhere: z.array(ElsewhereOutline),
});
export type CaseViewFields = z.infer<typeof CaseViewFields>;

/** One case as one viewer may see it: only the entries they may open, everything else folded from those. */
export const CaseView = CaseViewFields.extend({
  pending: z.array(z.never()).max(0).describe('Always empty: records that arrived before the listing are shown to nobody'),
});
export type CaseView = z.infer<typeof CaseView>;

/** A granted order, or bail conditions, standing on the day asked for (by default the day the view is read). */
export const OrderInForce = z.object({
  orderRef: z.string(),
  kind: z.enum(['spo', 'restraining_order', 'bail_conditions']),
  expiresOn: z.string().nullable(),
  conditions: z.array(z.string()),
});
export type OrderInForce = z.infer<typeof OrderInForce>;

/** What a viewer is not shown, by kind and holder: never content, so they know whom to ask. */
export const WithheldCount = z.object({ kind: EntryKind, agency: Agency, count: z.int() });
export type WithheldCount = z.infer<typeof WithheldCount>;

/** A timeline entry as a person reads it: without the link tokens of the people it names. */
export const SharedTimelineEntry = TimelineEntry.omit({ subjects: true }).extend({ facts: SharedFacts });
export type SharedTimelineEntry = z.infer<typeof SharedTimelineEntry>;

/**
 * The viewer's copy as it leaves the conference: no link tokens. They are how the conference joins records; a
 * person reading the case has no use for them, and with them could look for the same people elsewhere.
 */
export const SharedCaseView = CaseView.omit({ subjectTokens: true }).extend({
  people: z.array(ReferredPerson.omit({ tokens: true })),
  timeline: z.array(SharedTimelineEntry),
});
export type SharedCaseView = z.infer<typeof SharedCaseView>;

/** `GET /cases/:caseRef`: the viewer's filtered view, the signals as shown to them, and the orders in force. */
export const CaseViewResponse = z.object({
  view: SharedCaseView,
  signals: z.array(Signal),
  withheld: z.array(WithheldCount),
  ordersInForce: z.array(OrderInForce),
  /** The day `ordersInForce` is for (YYYY-MM-DD). */
  ordersOn: z.string(),
  /**
   * For the chair: other areas whose conference holds a case with the same suspect (another victim), each named
   * only by the area and how to reach its coordinator, never by a case or anything in it.
   */
  sameSuspectInOtherAreas: z.array(z.object({
    area: z.string(), name: z.string(), contact: z.string(),
    /** What that area's chair has asked this area, about the same suspect: the kind and when, nothing else. */
    requests: z.array(z.object({ kind: CrossAreaRequestKind, at: z.string() })),
  })),
  generatedAt: z.string(),
});
export type CaseViewResponse = z.infer<typeof CaseViewResponse>;
