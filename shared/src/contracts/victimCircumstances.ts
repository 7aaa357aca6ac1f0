import { z } from 'zod';
import { PartnerAgency, RecordRef, Timestamp } from './common.js';
import { HouseholdFields, REFERRAL_DATED, SafeContactFields } from './advocacy.js';
import { commandBase, documentedRules, sharingRule, sharingAndVictimDocumented, SubjectRef, VICTIM_NAMED } from './commands.js';
import { namesAVictim } from './agencyCommands.js';

/** Advocacy: who lives with the victim, as counts and ages (belongs to an engagement; shared under her consent). */
export const HouseholdCommand = z.object({
  ...commandBase,
  engagementRef: RecordRef,
  ...HouseholdFields.shape,
}).strict().superRefine(sharingRule).superRefine(namesAVictim).superRefine((v, ctx) => {
  if (!v.safeguardingReferralMade && v.safeguardingReferralOn !== undefined) ctx.addIssue({ code: 'custom', ...REFERRAL_DATED });
}).meta({
  allOf: [...sharingAndVictimDocumented.allOf, {
    if: { properties: { safeguardingReferralMade: { const: false } }, required: ['safeguardingReferralMade'] },
    then: { not: { properties: { safeguardingReferralOn: true }, required: ['safeguardingReferralOn'] } },
  }],
});

/**
 * Advocacy: how to contact the victim safely, for the agencies that need to contact her. It is always restricted
 * to them (narrowed further by her consent), so the command names them instead of a sharing level.
 */
export const SafeContactCommand = z.object({
  subjects: z.array(SubjectRef).min(1).max(12),
  occurredAt: Timestamp,
  engagementRef: RecordRef,
  contactingAgencies: z.array(PartnerAgency).min(1).max(4).describe('The agencies that need to contact her: the only ones shown these details'),
  ...SafeContactFields.shape,
}).strict().superRefine(namesAVictim).superRefine((v, ctx) => {
  if (new Set(v.contactingAgencies).size !== v.contactingAgencies.length) ctx.addIssue({ code: 'custom', path: ['contactingAgencies'], message: 'name each agency once' });
}).meta(documentedRules(VICTIM_NAMED, { properties: { contactingAgencies: { type: 'array', uniqueItems: true } } }));
