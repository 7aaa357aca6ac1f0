/**
 * Each agency's records, entered through that agency's own API as its usual member of staff: the people,
 * each case's chains of records, and the referral that asks the conference to list the case.
 */
import type { IdentityBook } from './identities.js';
import { staff } from './people.js';
import { AGENCIES, recorderFor, type CaseState, type SeedRun } from './run.js';
import type { Chain, Step } from './scenarios/kit.js';

/** The same people, with the same identifiers, in each agency. */
export async function recordPeople(run: SeedRun, book: IdentityBook): Promise<void> {
  run.progress.step(`recording ${book.all().length} people in each of the four agencies`);
  await Promise.all(book.all().flatMap(([key, identity]) => AGENCIES.map(async (agency) => {
    const person = await run.api.post<{ personId: string }>(agency, recorderFor(agency), '/people', identity);
    run.personIds[agency].set(key, person.personId);
  })));
}

async function recordStep(run: SeedRun, step: Step, c: CaseState): Promise<void> {
  const path = typeof step.path === 'function' ? step.path(c.refs) : step.path;
  const body = step.body({
    personId: (key) => {
      const id = run.personIds[step.agency].get(key);
      if (!id) throw new Error(`${c.scenario.key}: ${key} is not recorded in ${step.agency}`);
      return id;
    },
    refs: c.refs,
  });
  try {
    const as = step.asCaldicott ? staff('caldicott') : recorderFor(step.agency);
    const answer = await run.api.post<{ ref?: string; requestRef?: string; id?: string }>(step.agency, as, path, body, step.contentType ? { contentType: step.contentType } : {});
    if (step.save) c.refs[step.save] = answer.ref ?? answer.requestRef ?? answer.id ?? '';
  } catch (err) {
    throw new Error(`${c.scenario.key}: recording ${step.what}: ${(err as Error).message}`);
  }
  run.progress.event();
}

/** Each chain's steps in order (a step may need an earlier one's reference); the chains side by side. */
export function recordChains(run: SeedRun, c: CaseState, chains: Chain[]): Promise<void[]> {
  return Promise.all(chains.map(async (chain) => {
    for (const step of chain) await recordStep(run, step, c);
  }));
}

/** Refer the case to the conference, from the agency the scenario names. */
export async function refer(run: SeedRun, c: CaseState): Promise<void> {
  const { agency, criterion, reason, subjects } = c.scenario.referral;
  const answer = await run.api.post<{ ref: string }>(agency, recorderFor(agency), '/referrals', {
    criterion, reason,
    subjects: subjects.map(([key, role]) => ({ personId: run.personIds[agency].get(key), role })),
  });
  c.referralRef = answer.ref;
  run.progress.event();
}

/** A case's records up to its referral (they stay in each agency until a research return asks), then the referral. */
export async function recordHistoryAndRefer(run: SeedRun, c: CaseState): Promise<void> {
  await recordChains(run, c, c.scenario.setup);
  await recordChains(run, c, c.scenario.history);
  await refer(run, c);
}
