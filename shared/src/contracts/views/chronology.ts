import { z } from 'zod';
import { StaffMember } from '../common.js';
import { Material, OfficerInCase } from '../cps.js';

export const ChronologyReportEntry = z.object({
  eventId: z.string(),
  occurredAt: z.string(),
  agency: z.string(),
  type: z.string(),
  /** The kind of record, without the plumbing: `police.incident.recorded.v1` is `incident recorded`. */
  record: z.string(),
  summary: z.string(),
  sharing: z.string(),
  material: Material.describe('evidence: what an investigation or a court recorded; intelligence: held for risk and safeguarding, to be verified before anything rests on it'),
});
export type ChronologyReportEntry = z.infer<typeof ChronologyReportEntry>;

export const ChronologyReportWithheld = z.object({ agency: z.string(), recordKind: z.string(), reason: z.string(), count: z.int() });
export type ChronologyReportWithheld = z.infer<typeof ChronologyReportWithheld>;

/** `GET /history-checks/:requestRef`: one history check as the lawyer reads it, whether on screen, in a spreadsheet or on paper. */
export const ChronologyReport = z.object({
  requestRef: z.uuid(),
  caseRef: z.string().nullable(),
  urn: z.string().nullable().describe('The CPS case file (URN) naming the suspects'),
  state: z.enum(['open', 'refused']).describe('A refused check was never asked of any agency; `refusal` says why'),
  refusal: z.object({ code: z.string(), reason: z.string() }).nullable(),
  lawfulBasis: z.string(),
  windowMonths: z.int().nullable().describe('How many months back the lawyer asked agencies to look; null: each agency\'s usual research window (12 months by default)'),
  officerInCase: OfficerInCase.nullable().describe('The police officer in the case, if the lawyer named them'),
  purposeText: z.string().nullable().describe('The purpose in the lawyer\'s own words, as asked'),
  purpose: z.string().describe('The lawful basis, with the request\'s own purpose text when the check has it'),
  requestedBy: StaffMember,
  requester: z.string(),
  generatedAt: z.string(),
  openedAt: z.string(),
  expiresAt: z.string(),
  answeredBy: z.array(z.string()).describe('Agencies that have answered so far'),
  entries: z.array(ChronologyReportEntry).describe('In time order'),
  withheld: z.array(ChronologyReportWithheld),
});
export type ChronologyReport = z.infer<typeof ChronologyReport>;
