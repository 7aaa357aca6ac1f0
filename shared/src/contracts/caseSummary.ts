import { z } from 'zod';
import { Agency, PartnerAgency } from './common.js';

/**
 * Which agencies have answered a listing with their research, and which are still awaited: what a coordinator
 * chases before the meeting. A return counts once any part of it has arrived.
 */
export const ResearchStatus = z.object({
  returned: z.array(z.object({ agency: PartnerAgency, at: z.string() })),
  awaited: z.array(PartnerAgency),
  /** When the chair last reminded the agencies still awaited; null if never. */
  remindedAt: z.string().nullable(),
});
export type ResearchStatus = z.infer<typeof ResearchStatus>;

/** `GET /cases` (the chair's list, for preparing agendas): one case, and where its research stands. */
export const CaseSummary = z.object({
  caseRef: z.string(),
  status: z.string(),
  listedAt: z.string().nullable(),
  repeatOf: z.string().nullable(),
  criterion: z.string().nullable(),
  agencies: z.array(Agency),
  research: ResearchStatus,
});
export type CaseSummary = z.infer<typeof CaseSummary>;
