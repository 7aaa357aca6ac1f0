// B3: a fresh consumer group rebuilds the read model from offset 0 into a fresh database.
import type { Kafka } from 'kafkajs';
import { createEventPublisher } from '@convene/shared/kafka';
import { prefixedTopics } from '@convene/shared/contracts';
import type { BenchProcess } from '../lib/children.js';
import { brokers, dropDb, mongoUrl } from '../lib/env.js';
import type { CommandCost } from '../lib/dbProfile.js';
import { benchCases, incidentBatches } from '../lib/fixtures.js';
import type { BenchRun, CpuShares } from '../lib/run.js';
import { fmtInt, now, sleep } from '../lib/stats.js';
import { appliedInReadModel, awaitApplied, conferenceParams, type Topics } from './ingest.js';

export interface ReplayResult {
  events: number;
  applied: number;
  complete: boolean;
  /** From the consumer having joined its group to the last event applied. */
  consumeMs: number;
  rate: number;
  usPerEvent: number;
  /** Including connecting and joining the group. */
  totalMs: number;
  verifiedViews: number;
  cpu: CpuShares;
  db: CommandCost[];
  ceiling: { rate: number; consumeMs: number; joinMs: number; seen: number; complete: boolean };
  ratio: number;
}

/** Top the topics up with incidents published straight to Kafka (the real publisher) until they hold `incidents`. */
export async function topUp(kafka: Kafka, topics: Topics, incidents: number): Promise<void> {
  if (topics.incidents >= incidents) return;
  const named = prefixedTopics(topics.prefix);
  const publisher = await createEventPublisher(kafka, { topicFor: (e) => named.events[e.agency] });
  try {
    for (const batch of incidentBatches(benchCases(topics.cases), incidents - topics.incidents, 500, 99, topics.incidents)) await publisher.publish(batch);
  } finally {
    await publisher.disconnect();
  }
  topics.held += incidents - topics.incidents;
  topics.incidents = incidents;
}

export async function replay(run: BenchRun, label: string, topics: Topics, budgetMs: number): Promise<ReplayResult> {
  const stack = run.watchStack(label);
  const target = topics.held;
  let conference: BenchProcess | undefined;
  let raw: BenchProcess | undefined;
  let dbName: string | undefined;
  try {
    [conference, raw] = await run.startAll(label, [
      ['conference', 'conference', conferenceParams(topics.prefix, false)],
      ['raw consumer', 'raw', { brokers, mongoUrl }],
    ]);
    dbName = String(conference.info.dbName);
    const cpu = await run.cpuWindow([conference]);
    const tGo = now();
    const { startedAt } = await conference.call<{ startedAt: number }>('start');
    await conference.call('dbProfile');
    const reached = await awaitApplied(run, label, conference, target, tGo, budgetMs);
    const reachedAt = reached.at;
    const shares = await cpu.end();
    const dbCosts = await conference.call<CommandCost[]>('dbProfile');
    const verifiedViews = await appliedInReadModel(dbName);
    if (reached.reached && verifiedViews < target) throw new Error(`${label}: the read model holds ${verifiedViews} of ${target} events`);
    // Out of budget: what the consumer had applied at the deadline (the read model may have moved on since).
    const applied = reached.reached ? target : Math.min(verifiedViews, reached.applied);
    if (!reached.reached) run.say(`  ${label}: time budget of ${Math.round(budgetMs / 1000)} s ran out with ${fmtInt(applied)} of ${fmtInt(target)} events in the read model`);
    await run.stop(label, conference);
    conference = undefined;
    await dropDb(dbName);
    dbName = undefined;

    const rawProc = raw;
    const rawTimeoutMs = run.quick ? 15_000 : 5 * 60_000;
    const ceilingRun = raw.call<ReplayResult['ceiling']>('consume', { topics: topics.events, expected: target, timeoutMs: rawTimeoutMs }, rawTimeoutMs + 60_000);
    let finished = false;
    void ceilingRun.finally(() => { finished = true; }).catch(() => undefined);
    while (!finished) {
      await sleep(500);
      run.progress(`${label} raw`, `${fmtInt(rawProc.stats().values.progress ?? 0)}/${fmtInt(target)} consumed`);
    }
    const ceiling = await ceilingRun;
    await run.stop(label, raw);
    raw = undefined;

    const consumeMs = reachedAt - startedAt;
    const rate = applied / (consumeMs / 1000);
    return { events: target, applied, complete: reached.reached, consumeMs, rate, usPerEvent: (consumeMs * 1000) / Math.max(applied, 1), totalMs: reachedAt - tGo, verifiedViews, cpu: shares, db: dbCosts, ceiling, ratio: rate / ceiling.rate };
  } finally {
    await run.stop(label, conference, raw);
    if (dbName) await dropDb(dbName).catch(() => undefined);
    stack.stop();
  }
}
