import { randomInt } from 'node:crypto';

/** A URN no other test uses: force 42, a random unit and case number, this year. */
export function newUrn(): string {
  const unit = String.fromCharCode(65 + randomInt(26), 65 + randomInt(26));
  return `42${unit}${String(randomInt(100_000)).padStart(5, '0')}${String(new Date().getUTCFullYear() % 100).padStart(2, '0')}`;
}

type Api = { post(path: string, body?: unknown): Promise<{ status: number; body: any }> };

/**
 * The CPS case file a history check needs: a charging decision filed under a new URN naming the suspect (and
 * the victim, when given). Answers the URN.
 */
export async function recordCaseFile(cps: Api, people: { suspect: string; victim?: string }, options: { urn?: string; outcome?: string } = {}): Promise<string> {
  const urn = options.urn ?? newUrn();
  const subjects = [...(people.victim ? [{ personId: people.victim, role: 'victim' }] : []), { personId: people.suspect, role: 'suspect' }];
  const res = await cps.post('/charging-decisions', {
    urn, subjects, occurredAt: new Date(Date.now() - 86_400_000).toISOString(), outcome: options.outcome ?? 'more_evidence_needed',
  });
  if (res.status !== 201) throw new Error(`recording the case file ${urn}: ${res.status} ${JSON.stringify(res.body)}`);
  return urn;
}
