/** Each agency's and the conference's monthly de-identified figures, so the scrutiny page has six months. */
import { addMonths, monthOf, monthsBetween } from '@convene/shared/statistics';
import { staff } from './people.js';
import { AGENCIES, recorderFor, type SeedRun } from './run.js';

export async function publishMonthlyStatistics(run: SeedRun): Promise<void> {
  const months = monthsBetween(addMonths(monthOf(run.now), -6), monthOf(run.now));
  run.progress.step(`publishing monthly statistics for ${months[0]} to ${months.at(-1)}`);
  // Month by month, as the agencies' own runs publish: a quarter's release is audited against the months before it.
  for (const month of months) {
    await Promise.all([
      ...AGENCIES.map((agency) => run.api.post(agency, recorderFor(agency), `/statistics/${month}/publish`)),
      run.api.post('conference', staff('chair'), `/scrutiny/statistics/${month}/publish`),
    ]);
  }
}
