import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '@convene/shared/contracts';
import { CASE, LISTING, concern, make, replay } from '../../../../tests/fixtures/caseEvents.js';
import { decideCase, type CaseCommand } from './caseDecider.js';

// Given the case's events, when the chair decides, then this event (or this refusal).
const chair = { userId: 'chair-1', displayName: 'Chair One' };
const meetingId = randomUUID();
const closed = () => make('conference.case.closed.v1', { caseRef: CASE as never, reason: 'risk_reduced', closedBy: chair, retentionDays: 30 }, { daysAgo: 1 });

const given = (...events: CaseEvent[]) => ({
  when: (command: CaseCommand) => ({
    then: (type: string, data: Record<string, unknown>) => expect(decideCase(command, replay([LISTING, ...events]))).toEqual([{ type, data: expect.objectContaining(data) }]),
    thenRefused: (code: string, status = 409) => expect(() => decideCase(command, replay([LISTING, ...events]))).toThrow(expect.objectContaining({ code, status })),
  }),
});

describe('the case decider', () => {
  const review = (agenda: string[]): CaseCommand => ({ kind: 'review', meeting: { meetingId, agenda }, riskDecision: 'high', rationale: 'Escalating', nextReviewOn: '2026-12-01' });

  it('records a review for a meeting with the case on its agenda, and no other', () => {
    given().when(review([CASE])).then('conference.case.reviewed.v1', { caseRef: CASE, meetingId, riskDecision: 'high' });
    given().when(review(['CNV-2026-000999'])).thenRefused('case_not_on_agenda');
  });

  it('asks health for the detail of a concern the case holds, and only such a concern', () => {
    const flagged = concern('perpetrator_fixation');
    const ask = (concernRef: string): CaseCommand => ({ kind: 'request_disclosure', requestRef: randomUUID(), concernRef, reason: 'Risk to the victim', proposedAudience: [{ role: 'chair' }], by: chair });
    given(flagged).when(ask(flagged.data.concernRef)).then('conference.disclosure.requested.v1', { concernRef: flagged.data.concernRef, caseRef: CASE });
    given(flagged).when(ask('HC-NONE')).thenRefused('not_found', 404);
  });

  it('assigns actions and closes with the retention set', () => {
    given().when({ kind: 'assign_action', actionId: 'a-1', agency: 'police', description: 'Check bail', dueOn: '2026-11-20', by: chair }).then('conference.action.assigned.v1', { actionId: 'a-1', agency: 'police' });
    given().when({ kind: 'close', reason: 'risk_reduced', retentionDays: 0, by: chair }).then('conference.case.closed.v1', { retentionDays: 0, closedBy: chair });
  });

  it('cancels or reassigns an action not yet done; a reassignment is the old one cancelled with the reason and a new one', () => {
    const actionId = randomUUID();
    const assigned = make('conference.action.assigned.v1', { actionId, caseRef: CASE as never, agency: 'police', description: 'Check bail conditions', dueOn: '2026-11-20', assignedBy: chair });
    const declined = make('police.action.declined.v1', { actionId, caseRef: CASE as never, reason: 'Bail is a CPS matter now', declinedBy: { userId: 'pc-1' } });
    const completed = make('police.action.completed.v1', { actionId, caseRef: CASE as never, outcome: 'Checked', completedBy: { userId: 'pc-1' } });
    given(assigned).when({ kind: 'cancel_action', actionId, reason: 'No longer needed' }).then('conference.action.updated.v1', { actionId, status: 'cancelled', note: 'No longer needed' });
    const reassign = (agency: 'police' | 'cps'): CaseCommand => ({ kind: 'reassign_action', actionId, newActionId: 'a-2', agency, dueOn: '2026-12-10', reason: 'Bail is with the court', by: chair });
    expect(decideCase(reassign('cps'), replay([LISTING, assigned, declined]))).toEqual([
      { type: 'conference.action.updated.v1', data: { actionId, caseRef: CASE, status: 'cancelled', note: 'Reassigned to cps: Bail is with the court' } },
      { type: 'conference.action.assigned.v1', data: { actionId: 'a-2', caseRef: CASE, agency: 'cps', description: 'Check bail conditions', dueOn: '2026-12-10', assignedBy: chair } },
    ]);
    given(assigned).when(reassign('police')).thenRefused('same_agency');
    given(assigned, completed).when({ kind: 'cancel_action', actionId, reason: 'x' }).thenRefused('action_finished');
    given().when({ kind: 'cancel_action', actionId, reason: 'x' }).thenRefused('not_found', 404);
  });

  it('reminds the agencies whose research is still awaited, and none once all have answered', () => {
    const returned = (agency: 'police' | 'cps' | 'health' | 'advocacy') => make(`${agency}.research.returned.v1`, {
      purpose: { kind: 'listing', caseRef: CASE }, windowFrom: '2026-01-01T00:00:00.000Z', records: [], withheld: [], elsewhere: [], part: { index: 1, total: 1 },
    } as never, { daysAgo: 1 });
    given(returned('police'), returned('health')).when({ kind: 'remind_research', by: chair }).then('conference.research.reminded.v1', { caseRef: CASE, agencies: ['cps', 'advocacy'], remindedBy: chair });
    given(returned('police'), returned('cps'), returned('health'), returned('advocacy')).when({ kind: 'remind_research', by: chair }).thenRefused('research_complete');
  });

  it('takes no more decisions once the case is closed', () => {
    given(closed()).when(review([CASE])).thenRefused('case_closed');
    given(closed()).when({ kind: 'close', reason: 'risk_reduced', retentionDays: 0, by: chair }).thenRefused('case_closed');
    given(closed()).when({ kind: 'assign_action', actionId: 'a-2', agency: 'health', description: 'x', dueOn: '2026-11-20', by: chair }).thenRefused('case_closed');
  });
});
