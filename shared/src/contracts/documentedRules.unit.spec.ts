import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DiaryEntryCommand, EngagementCommand, FlagConcernCommand, ReferralCommand, RiskAssessmentCommand } from './agencyCommands.js';
import { IncidentCommand, SHARING_RULE, VICTIM_NAMED } from './commands.js';

const jsonOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { allOf?: object[] };
const victim = { personId: '0b6c5a3e-4f1d-4c8e-9d7a-2f1e3c4b5a69', role: 'victim' };
const child = { personId: '1c7d6b4f-5a2e-4d9f-8e6b-3a2f4d5c6b7a', role: 'child' };

// The cross-field rules the validation applies are stated in the OpenAPI documents too (generated from these
// JSON Schemas), so a client generating requests from the documents is not refused for a rule it could not see.
describe('cross-field rules, documented', () => {
  it('states the sharing rule on every command that applies it', () => {
    for (const schema of [IncidentCommand, FlagConcernCommand, DiaryEntryCommand, EngagementCommand]) {
      expect(jsonOf(schema).allOf).toContainEqual(SHARING_RULE);
    }
    const incident = { offenceClass: 'pha_s2', behaviours: ['messages'], summary: 'Texts at night', subjects: [victim], occurredAt: '2026-11-02T09:00:00Z' };
    expect(IncidentCommand.safeParse({ ...incident, sharing: 'restricted' }).success).toBe(false);
    expect(IncidentCommand.safeParse({ ...incident, sharing: 'partnership', audience: [{ agency: 'police' }] }).success).toBe(false);
    expect(IncidentCommand.safeParse({ ...incident, sharing: 'restricted', audience: [{ agency: 'police' }] }).success).toBe(true);
  });

  it('states that referrals and the advocate\'s records name the victim', () => {
    expect(jsonOf(ReferralCommand).allOf).toContainEqual(VICTIM_NAMED);
    expect(jsonOf(DiaryEntryCommand).allOf).toContainEqual(VICTIM_NAMED);
    expect(ReferralCommand.safeParse({ subjects: [child], criterion: 'high_risk', reason: 'Escalating' }).success).toBe(false);
    expect(ReferralCommand.safeParse({ subjects: [victim], criterion: 'high_risk', reason: 'Escalating' }).success).toBe(true);
  });

  it('states that a completed DASH has its answers and a declined one none, and when S-DASH is answered', () => {
    const rules = JSON.stringify(jsonOf(RiskAssessmentCommand).allOf);
    expect(rules).toContain('{"if":{"properties":{"declined":{"const":false}},"required":["declined"]},"then":{"properties":{"answers":true},"required":["answers"]}');
    expect(rules).toContain('"stalking_or_harassment":{"const":"yes"}');
    expect(RiskAssessmentCommand.safeParse({ subjects: [victim], occurredAt: '2026-11-02T09:00:00Z', declined: false }).success).toBe(false);
    expect(RiskAssessmentCommand.safeParse({ subjects: [victim], occurredAt: '2026-11-02T09:00:00Z', declined: true }).success).toBe(true);
  });

  it('states that an engagement is with the victim alone, and when consent names agencies', () => {
    const rules = JSON.stringify(jsonOf(EngagementCommand).allOf);
    expect(rules).toContain('"maxItems":1');
    expect(rules).toContain('"limitedTo"');
  });
});
