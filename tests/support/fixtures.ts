import { createEvent, prefixedTopics, type CaseRef, type ReferredPerson } from '@convene/shared/contracts';
import { createEventPublisher } from '@convene/shared/kafka';
import { testKafka } from './infra.js';
import { DASH_QUESTIONS } from '@convene/shared/contracts';

let caseCounter = Math.floor(Math.random() * 900_000);
export function newCaseRef(): CaseRef {
  caseCounter = (caseCounter + 1) % 1_000_000;
  return `CNV-2026-${String(caseCounter).padStart(6, '0')}` as CaseRef;
}

/** Publish a conference event as the conference service would, onto the prefixed conference topic. */
export async function publishAsConference(prefix: string, event: ReturnType<typeof createEvent>): Promise<void> {
  const topics = prefixedTopics(prefix);
  const publisher = await createEventPublisher(testKafka(), { topicFor: (e) => topics.events[e.agency] });
  try {
    await publisher.publish([event]);
  } finally {
    await publisher.disconnect();
  }
}

export function caseListed(caseRef: CaseRef, people: ReferredPerson[]) {
  return createEvent('conference.case.listed.v1', {
    occurredAt: new Date(), sharing: 'partnership', subject: caseRef,
    data: { caseRef, referral: { agency: 'police', referralRef: 'REF-TEST-1', criterion: 'high_risk', reason: 'Test listing' }, people },
  });
}

export function caseClosed(caseRef: CaseRef) {
  return createEvent('conference.case.closed.v1', {
    occurredAt: new Date(), sharing: 'partnership', subject: caseRef,
    data: { caseRef, reason: 'risk_reduced', closedBy: { userId: 'chair-1' } },
  });
}

export const people = {
  victim: { given: 'Siobhán', family: "O'Neill", dateOfBirth: '1988-04-12', nhsNumber: '943 476 5919', postcode: 'LS1 4AP' },
  suspect: { given: 'Mark', family: 'Dawson', dateOfBirth: '1983-09-30', pncId: '12/0345678U' },
  bystander: { given: 'Priya', family: 'Shah', dateOfBirth: '1979-02-01', postcode: 'LS6 2AB' },
};

/** DASH answers with `yes` ticks, leaving the stalking question unticked unless overridden (it opens S-DASH). */
export function dashAnswers(yes: number, overrides: Record<string, 'yes' | 'no' | 'not_known'> = {}) {
  const others: string[] = DASH_QUESTIONS.filter((q) => q !== 'stalking_or_harassment');
  return { ...Object.fromEntries(DASH_QUESTIONS.map((q) => [q, others.indexOf(q) > -1 && others.indexOf(q) < yes ? 'yes' : 'no'])), ...overrides };
}
