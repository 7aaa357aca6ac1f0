/** The chair asks health for a concern's detail; the Caldicott guardian decides, as a real request would go. */
import { staff } from './people.js';
import type { CaseState, SeedRun } from './run.js';
import type { DisclosureSpec } from './scenarios/kit.js';

export interface DisclosureRequest {
  caseRef: string;
  requestRef: string;
  /** The guardian's answer to give later; none leaves the request pending in the queue. */
  decision?: NonNullable<DisclosureSpec['decision']>;
}

export async function requestDisclosure(run: SeedRun, c: CaseState, spec: DisclosureSpec): Promise<DisclosureRequest> {
  const answer = await run.conference<{ requestRef: string }>(`/cases/${c.caseRef}/disclosure-requests`, {
    concernRef: c.refs[spec.concern], reason: spec.reason, proposedAudience: [{ role: 'chair' }, { agency: 'police' }],
  });
  return { caseRef: c.caseRef!, requestRef: answer.requestRef, ...(spec.decision ? { decision: spec.decision } : {}) };
}

/** The guardian decides once the request has reached the queue (it travels over Kafka). */
export async function decideDisclosure(run: SeedRun, request: DisclosureRequest): Promise<void> {
  if (!request.decision) return;
  const caldicott = staff('caldicott');
  await run.waitFor(`the disclosure request on ${request.caseRef} to reach the Caldicott queue`, async () => {
    const found = await run.api.get<{ status: string }>('health', caldicott, `/disclosure-requests/${request.requestRef}`);
    return found.status === 'pending';
  }, { timeoutMs: 60_000, intervalMs: 400 });
  const { decision } = request;
  // A disclosure goes to the chair and police unless the scenario names its audience; a refusal has none.
  const body = decision.decision === 'disclosed' ? { audience: [{ role: 'chair' }, { agency: 'police' }], ...decision } : decision;
  await run.api.post('health', caldicott, `/disclosure-requests/${request.requestRef}/decide`, body);
  run.progress.event();
}
