/**
 * Referring the cases, in the order the sharing model needs: a case's records stay in each agency until the
 * conference lists it and a research return asks for them; only then do later records stream to it.
 */
import { createLimiter } from './api.js';
import { recordChains, recordHistoryAndRefer } from './agencyRecords.js';
import { waitAnswered, waitListed } from './listings.js';
import type { CaseState, SeedRun } from './run.js';

export interface FirstWave {
  cases: CaseState[];
  /** Settles once every agency has answered each listing; already marked handled, so await it to see a failure. */
  answered: Promise<void>;
}

/**
 * History, then the referral, case by case (a few at a time), so the conference lists the first cases while
 * later ones are still being recorded. The case closed at last month's meeting goes first. Repeats wait for
 * that closure (see referAgain).
 */
export async function referFirstWave(run: SeedRun): Promise<FirstWave> {
  const cases = [...run.cases.values()].filter((c) => !c.scenario.repeatOf)
    .sort((a, b) => Number(Boolean(b.scenario.closeAfterMeeting)) - Number(Boolean(a.scenario.closeAfterMeeting)));
  run.progress.step('recording six months of history and referring each case');
  const caseSlots = createLimiter(3);
  await Promise.all(cases.map((c) => caseSlots(() => recordHistoryAndRefer(run, c))));
  await waitListed(run, cases);
  const answered = waitAnswered(run, cases);
  answered.catch(() => undefined);
  return { cases, answered };
}

/** The closed case's victim, referred again: records since the closure, the referral, then live records. */
export async function referAgain(run: SeedRun, c: CaseState, closed: CaseState): Promise<void> {
  Object.assign(c.refs, closed.refs);
  // Give agencies a moment to hear of the closure, so nothing recorded now streams to the closed case.
  await new Promise((r) => setTimeout(r, 1500));
  await recordHistoryAndRefer(run, c);
  await waitListed(run, [c]);
  await waitAnswered(run, [c]);
  if (c.repeatOf !== closed.caseRef) throw new Error(`${c.scenario.key}: expected ${c.caseRef} to be listed as a repeat of ${closed.caseRef}, but repeatOf is ${c.repeatOf}`);
  await recordChains(run, c, c.scenario.live);
}
