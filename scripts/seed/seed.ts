/**
 * Seeds a realistic partnership through the services' own APIs (never their databases): about twelve cases
 * and six hundred events over six months across police, CPS, health and advocacy, and three meetings (one
 * ended last month, one running now, one next week).
 *
 * The sharing model decides the order. Agencies publish records about a person only while that person is on
 * an open listing, and answer a new listing with a research return of their records from the last 12 months.
 * So each case's history is recorded first (unpublished), then referred; once the conference lists it and
 * every agency has answered, later records stream to it live.
 */
import { DEV_JWT_SECRET } from '../lib/devSecrets.js';
import { recordPeople } from './agencyRecords.js';
import { createApi, type ServiceUrls } from './api.js';
import { holdLastMonthsMeeting } from './lastMonthsMeeting.js';
import type { CaseSummary } from './listings.js';
import { seeded, skipped, type SeedResult } from './outcome.js';
import { SEEDER } from './people.js';
import { planPartnership } from './plan.js';
import { referFirstWave } from './referrals.js';
import { createRun } from './run.js';
import { publishMonthlyStatistics } from './statistics.js';
import { scheduleNextWeekAndStartToday } from './todaysMeeting.js';
import { seedSecondArea } from './secondArea.js';

export type { ServiceUrls, Service } from './api.js';
export type { LiveConcernTarget, SeededCase, SeedResult } from './outcome.js';

export interface SeedOptions {
  /** 1 = the full demo (about 12 cases, 600 events); e.g. 0.15 for a quick seed in tests. */
  scale?: number;
  /** Told about progress, one line at a time (without a prefix). */
  log: (line: string) => void;
  jwtSecret?: string;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Seed even if the conference already lists cases. */
  force?: boolean;
  now?: Date;
  /**
   * The areas the conference serves, when several (`npm run demo -- --areas 2`): everything above is seeded in
   * the first; the second gets one case of its own, another victim of a suspect the first area's cases name.
   */
  areas?: { first: string; second: string };
}

/** Seed the demo partnership through the services' APIs at `urls`. */
export async function seedDemo(urls: ServiceUrls, options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const log = options.log;
  const api = createApi(urls, {
    jwtSecret: options.jwtSecret ?? process.env.CONVENE_JWT_SECRET ?? DEV_JWT_SECRET,
    concurrency: options.concurrency ?? 6,
    area: options.areas?.first,
    onRetry: (message) => log(`retry: ${message}`),
  });
  const plan = planPartnership(now, options.scale ?? 1);

  const existing = await api.get<CaseSummary[]>('conference', SEEDER, '/cases');
  if (existing.length > 0 && !options.force) {
    log(`the conference already lists ${existing.length} cases (an earlier demo's data): not seeding again (\`npm run stack:down\` clears the local stack's data)`);
    return skipped(api, plan.scenarios, plan.book, started);
  }

  const run = createRun(api, plan.scenarios, { now, log, eventsPlanned: plan.eventsPlanned });
  await recordPeople(run, plan.book);
  const firstWave = await referFirstWave(run);
  const ended = await holdLastMonthsMeeting(run, plan.agendas.ended, firstWave);
  const { next, running } = await scheduleNextWeekAndStartToday(run, plan.agendas);
  await publishMonthlyStatistics(run);
  if (options.areas) await seedSecondArea(run, plan.book);

  const result = seeded(run, plan.book, { ended, next, running }, started);
  run.progress.step(`done in ${(result.durationMs / 1000).toFixed(1)}s`);
  return result;
}
