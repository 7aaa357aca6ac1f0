// B6: the police API alone: POST /incidents open-loop at fixed rates, on listed cases (so every incident is
// also published by the relay), with the conference running only to list them. No sockets, no meeting.
import type { Kafka } from 'kafkajs';
import { databaseName } from '@convene/shared/mongo';
import type { BenchProcess } from '../lib/children.js';
import { api, tokenFor } from '../lib/api.js';
import { brokers, deleteTopics, dropDb, freshTopics, mongoUrl, PARTITIONS, uniqueId } from '../lib/env.js';
import type { BenchRun, CpuShares } from '../lib/run.js';
import type { CommandCost } from '../lib/dbProfile.js';
import { distribution, fmtInt, fmtMs, type Distribution } from '../lib/stats.js';
import { conferenceParams } from './ingest.js';
import { drive, listedCases } from './live.js';

export interface ApiRate {
  targetRate: number;
  /** POSTs offered per second over the window (open loop: sent whatever the answers did). */
  offeredRate: number;
  /** 201s per second over the window. */
  throughput: number;
  durationS: number;
  sent: number;
  accepted: number;
  /** Sends skipped because as many requests as the rate were already unanswered. */
  skipped: number;
  unanswered: number;
  errors: number;
  api: Distribution;
  cpu: CpuShares;
  db: CommandCost[];
}

export interface PoliceApiOptions {
  cases: number;
  durationS: number;
  warmUpS: number;
  drainS: number;
}

const officer = { sub: 'bench-officer', agency: 'police', role: 'police' } as const;

export async function policeApi(run: BenchRun, kafka: Kafka, label: string, rates: number[], options: PoliceApiOptions): Promise<ApiRate[]> {
  const stack = run.watchStack(label);
  const { prefix, all } = await freshTopics(kafka);
  const conferenceArgs = conferenceParams(prefix, false);
  let conference: BenchProcess | undefined;
  let police: BenchProcess | undefined;
  const results: ApiRate[] = [];
  try {
    [conference, police] = await run.startAll(label, [
      ['conference', 'conference', conferenceArgs],
      ['police', 'police', { brokers, mongoUrl, prefix, dbSuffix: conferenceArgs.dbSuffix, groupId: uniqueId('bench-police-'), partitions: PARTITIONS, logLevel: 'info' }],
    ]);
    await conference.call('start');
    const policeHttp = api(String(police.info.url), await tokenFor(officer));
    const pairs = await listedCases(run, label, policeHttp, options.cases);
    run.say(`    ${label}: ${pairs.length} listed cases`);
    await drive(run, `${label} warm-up`, policeHttp, pairs, 20, options.warmUpS, options.drainS);

    for (const rate of rates) {
      const rateLabel = `${label} @${rate}/s`;
      const cpu = await run.cpuWindow([police, conference]);
      await police.call('dbProfile');
      const started = Date.now();
      const load = await drive(run, rateLabel, policeHttp, pairs, rate, options.durationS, options.drainS);
      const windowS = Math.max((Date.now() - started) / 1000, options.durationS);
      const shares = await cpu.end();
      const db = await police.call<CommandCost[]>('dbProfile');
      const answers = distribution(load.apiLatency);
      results.push({
        targetRate: rate, offeredRate: load.achievedRate, throughput: load.accepted / windowS, durationS: options.durationS, sent: load.apiLatency.length + load.unanswered,
        accepted: load.accepted, skipped: load.skipped, unanswered: load.unanswered, errors: load.errors, api: answers, cpu: shares, db,
      });
      run.say(`    ${rateLabel}: ${fmtInt(load.accepted)} accepted, ${fmtInt(load.accepted / windowS)}/s; p50 ${fmtMs(answers.p50)} p99 ${fmtMs(answers.p99)} max ${fmtMs(answers.max)}${load.skipped ? `; ${fmtInt(load.skipped)} not sent (too many unanswered)` : ''}`);
    }
    return results;
  } finally {
    await run.stop(label, police, conference);
    await dropDb(databaseName('conference', conferenceArgs.dbSuffix));
    await dropDb(databaseName('police', conferenceArgs.dbSuffix));
    await deleteTopics(kafka, all);
    stack.stop();
  }
}
