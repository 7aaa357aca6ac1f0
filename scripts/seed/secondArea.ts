/**
 * The second area of a two-area demo (`npm run demo -- --areas 2`): one case of its own, referred by its own
 * police officer, about another victim of the first area's first suspect. Each area's chair then sees only
 * that the other area holds a case with the same suspect, and whom to contact there.
 */
import { DEMO_PEOPLE } from '../../services/conference/src/http/demoPartnership.js';
import type { IdentityBook } from './identities.js';
import type { SeedRun } from './run.js';

const SUSPECT = 'case-1-suspect';

function secondAreaPerson(role: 'chair' | 'police') {
  const found = DEMO_PEOPLE.find((p) => p.role === role && p.area !== undefined);
  if (!found) throw new Error(`the demo partnership (demoPartnership.ts) has no ${role} of a second area`);
  return found;
}

export async function seedSecondArea(run: SeedRun, book: IdentityBook): Promise<void> {
  const officer = secondAreaPerson('police');
  const chair = secondAreaPerson('chair');
  const suspectId = run.personIds.police.get(SUSPECT);
  if (!suspectId) throw new Error(`the first area's suspect (${SUSPECT}) was not recorded at police`);
  const victim = await run.api.post<{ personId: string }>('police', officer, '/people', book.person('second-area-victim', 'victim'));
  await run.api.post('police', officer, '/referrals', {
    subjects: [{ personId: victim.personId, role: 'victim' }, { personId: suspectId, role: 'suspect' }],
    criterion: 'high_risk',
    reason: 'Repeated unwanted contact at home and work since she ended a short relationship with him',
  });
  const listed = await run.waitFor('the second area\'s case to be listed', async () => {
    const cases = await run.api.get<{ caseRef: string; status: string }[]>('conference', chair, '/cases');
    return cases.find((c) => c.status === 'listed');
  });
  run.progress.step(`second area (${officer.area}): ${listed.caseRef} listed, same suspect as the first area's first case`);
}
