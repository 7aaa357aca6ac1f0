/** What agencies have done since last month's meeting with the actions it gave them. */
import { AGENCIES, recorderFor, type SeedRun } from './run.js';
import type { ActionSpec, Agency } from './scenarios/kit.js';

export interface AssignedAction {
  agency: Agency;
  actionId: string;
  progress: ActionSpec['progress'];
  outcome?: string;
}

/** Each agency accepts (and completes) the actions it took up after last month's meeting. */
export async function progressActions(run: SeedRun, list: AssignedAction[]): Promise<void> {
  await Promise.all(AGENCIES.map(async (agency) => {
    const mine = list.filter((a) => a.agency === agency && a.progress !== 'assigned');
    if (mine.length === 0) return;
    const as = recorderFor(agency);
    // Actions reach the agency over Kafka after the meeting assigns them.
    await run.waitFor(`${agency} to receive its actions`, async () => {
      const held = await run.api.get<{ actionId: string }[]>(agency, as, '/actions');
      return mine.every((a) => held.some((h) => h.actionId === a.actionId));
    }, { timeoutMs: 60_000, intervalMs: 400 });
    for (const action of mine) {
      await run.api.post(agency, as, `/actions/${action.actionId}/accept`);
      run.progress.event();
      if (action.progress === 'completed') {
        await run.api.post(agency, as, `/actions/${action.actionId}/complete`, { outcome: action.outcome ?? 'Done.' });
        run.progress.event();
      }
    }
  }));
}
