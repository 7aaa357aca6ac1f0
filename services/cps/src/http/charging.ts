import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { eventFieldsOf, newRecordRef, RecordedView, recordedView, sharingRule, sharingRuleDocumented, recordNew } from '@convene/shared/agency';
import { ChargingDecisionCommand, AudienceEntry, CpsCaseOutcome, CpsChargingDecided, OffenceClass, RecordRef, Sharing, Timestamp } from '@convene/shared/contracts';
import { assertOutcomeFollowsCharge } from '../domain/outcome.js';
import type { CpsDeps } from './deps.js';
import { detailOf, recordBase, RecordBaseView } from './views.js';

const ChargingOutcome = CpsChargingDecided.shape.data.shape.outcome;
const CaseOutcomeKind = CpsCaseOutcome.shape.data.shape.outcome;


/** An outcome is about the suspects of the decision it follows, so it names the decision, not the people. */
const OutcomeInput = z.object({
  decisionRef: RecordRef,
  occurredAt: Timestamp,
  outcome: CaseOutcomeKind,
  offenceClass: OffenceClass.optional(),
  sharing: Sharing.default('partnership'),
  audience: z.array(AudienceEntry).min(1).max(20).optional(),
}).superRefine(sharingRule).meta(sharingRuleDocumented);

const DecisionView = RecordBaseView.extend({ urn: z.string().optional(), outcome: ChargingOutcome, offenceClass: OffenceClass.optional(), rationale: z.string().optional() });
const OutcomeView = RecordBaseView.extend({ outcome: CaseOutcomeKind, offenceClass: OffenceClass.optional() });

/** Charging decisions, and the case outcomes that follow a decision to charge. */
export function chargingRoutes({ kit, records }: CpsDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/charging-decisions', operationId: 'recordChargingDecision', tag: 'charging', permission: 'charging.write',
      summary: 'Record a charging decision: charge, no further action, caution or more evidence needed', body: ChargingDecisionCommand, errors: [404],
      success: { status: 201, description: 'Recorded; published if a subject is on an open listing', schema: RecordedView },
      handler: async ({ body }) => {
        return recordNew(kit, 'CHG', body, (ref) => [{ type: 'cps.charging.decided.v1', data: { decisionRef: ref, ...eventFieldsOf(body) } }]);
      },
    }),
    defineRoute({
      method: 'get', path: '/charging-decisions/:decisionRef', operationId: 'getChargingDecision', tag: 'charging', permission: 'records.read',
      summary: 'One charging decision', params: z.object({ decisionRef: RecordRef }), errors: [404],
      success: { status: 200, description: 'The charging decision', schema: DecisionView },
      handler: async ({ params }) => {
        const record = await records.get(params.decisionRef, 'charging_decision');
        return { ...recordBase(record), ...detailOf<Omit<z.infer<typeof DecisionView>, keyof z.infer<typeof RecordBaseView>>>(record, 'decisionRef') };
      },
    }),
    defineRoute({
      method: 'post', path: '/outcomes', operationId: 'recordCaseOutcome', tag: 'charging', permission: 'charging.write',
      summary: 'Record the outcome of a charged case (convicted, acquitted, discontinued, withdrawn)', body: OutcomeInput, errors: [404, 409],
      success: { status: 201, description: 'Recorded; published if a subject is on an open listing', schema: RecordedView },
      handler: async ({ body }) => {
        const decision = await records.get(body.decisionRef, 'charging_decision');
        assertOutcomeFollowsCharge({ decisionRef: decision._id, outcome: ChargingOutcome.parse(decision.status) });
        const ref = newRecordRef('OUT');
        const recorded = await kit.recorder.record({
          type: 'cps.case.outcome.v1', occurredAt: body.occurredAt, sharing: body.sharing, ...(body.audience ? { audience: body.audience } : {}),
          subjects: decision.subjects,
          data: { outcomeRef: ref, decisionRef: decision._id, outcome: body.outcome, ...(body.offenceClass ? { offenceClass: body.offenceClass } : {}) },
        });
        return recordedView(ref, recorded);
      },
    }),
    defineRoute({
      method: 'get', path: '/outcomes/:outcomeRef', operationId: 'getCaseOutcome', tag: 'charging', permission: 'records.read',
      summary: 'One case outcome', params: z.object({ outcomeRef: RecordRef }), errors: [404],
      success: { status: 200, description: 'The case outcome', schema: OutcomeView },
      handler: async ({ params }) => {
        const record = await records.get(params.outcomeRef, 'outcome');
        return { ...recordBase(record), ...detailOf<Omit<z.infer<typeof OutcomeView>, keyof z.infer<typeof RecordBaseView>>>(record, 'outcomeRef') };
      },
    }),
  ];
}
