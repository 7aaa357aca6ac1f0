/**
 * Waiting on the partnership's asynchronous answers to a referral: the conference lists the case, then every
 * agency answers the listing with a research return. Both arrive over Kafka, so the seeder polls for them.
 */
import { SEEDER } from './people.js';
import { AGENCIES, type CaseState, type SeedRun } from './run.js';

/** A row of the conference's GET /cases. */
export interface CaseSummary {
  caseRef: string;
  status: string;
  repeatOf: string | null;
  agencies: string[];
}

interface CaseBody {
  view: { referral: { referralRef: string } | null; timeline: { type: string; agency: string }[] };
}

/** Wait for the conference to list each referred case, and learn its reference. */
export async function waitListed(run: SeedRun, batch: CaseState[]): Promise<void> {
  const byReferral = new Map(batch.map((c) => [c.referralRef!, c]));
  // New listings show in the list of cases; each is matched to its referral by the referral's reference.
  const looked = new Set<string>();
  const unlisted = () => batch.filter((c) => !c.caseRef);
  await run.waitFor(`the conference to list ${batch.length === 1 ? 'the referred case' : `${batch.length} referred cases`}`, async () => {
    for (const summary of await run.api.get<CaseSummary[]>('conference', SEEDER, '/cases')) {
      if (looked.has(summary.caseRef) || [...run.cases.values()].some((c) => c.caseRef === summary.caseRef)) continue;
      const view = await run.api.get<CaseBody>('conference', SEEDER, `/cases/${summary.caseRef}`);
      looked.add(summary.caseRef);
      const c = view.view.referral ? byReferral.get(view.view.referral.referralRef) : undefined;
      if (c) {
        c.caseRef = summary.caseRef;
        c.repeatOf = summary.repeatOf;
        run.progress.caseListed();
      }
    }
    return unlisted().length === 0;
  }, {
    timeoutMs: 120_000, intervalMs: 1000,
    still: () => unlisted().map((c) => `${c.scenario.key} (referral ${c.referralRef}) is not listed: did it join another open case with the same victim?`).join('; '),
  });
}

/** Wait until every agency has answered each listing with a research return. */
export async function waitAnswered(run: SeedRun, batch: CaseState[]): Promise<void> {
  // Each agency's research return is a timeline entry of that agency: once all four show, every agency
  // holds the listing and streams new records to it. One case view at a time is cheaper to read than the
  // whole list.
  const waiting = new Map(batch.map((c) => [c.caseRef!, [...AGENCIES] as string[]]));
  await run.waitFor(`every agency to answer ${batch.length === 1 ? 'the listing' : `${batch.length} listings`} with a research return`, async () => {
    for (const [caseRef, silent] of waiting) {
      const view = await run.api.get<CaseBody>('conference', SEEDER, `/cases/${caseRef}`);
      const answered = new Set(view.view.timeline.filter((e) => e.type.endsWith('.research.returned.v1')).map((e) => e.agency));
      const still = silent.filter((a) => !answered.has(a));
      if (still.length === 0) waiting.delete(caseRef);
      else waiting.set(caseRef, still);
    }
    return waiting.size === 0;
  }, {
    timeoutMs: 120_000, intervalMs: 1000,
    still: () => [...waiting].map(([caseRef, silent]) => `${caseRef} has no research return from ${silent.join(', ')}`).join('; '),
  });
}
