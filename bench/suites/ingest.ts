// B1: agency outbox → relay → Kafka → conference consumer → case views, against raw Kafka + raw insertMany.
import type { Kafka } from 'kafkajs';
import { createEventPublisher, type EventPublisher } from '@convene/shared/kafka';
import { createEventStore } from '@convene/shared/eventlog';
import { indexesBuilt } from '@convene/shared/mongo';
import { databaseName } from '@convene/shared/mongo';
import { unpackCase, type StoredCase } from '../../services/conference/src/db/cases.js';
import type { BenchProcess } from '../lib/children.js';
import { brokers, connectDb, dropDb, freshTopics, messagesOn, mongoUrl, PARTITIONS, registerDb, uniqueId } from '../lib/env.js';
import type { CommandCost } from '../lib/dbProfile.js';
import { benchCases, incidentBatches, listingOf, maxCasesPerPartition, type BenchCase } from '../lib/fixtures.js';
import type { BenchRun, CpuShares } from '../lib/run.js';
import { fmtInt, now, sleep, until } from '../lib/stats.js';

/** Listed cases the incidents are spread over (the full run; the quick run uses fewer). */
export const CASES = 500;
const BATCH = 500;

export interface Topics {
  prefix: string;
  /** Listed cases on the topics (one listing each). */
  cases: number;
  all: string[];
  events: string[];
  /** Events on the event topics: listings + incidents. */
  held: number;
  incidents: number;
}

export interface IngestResult {
  events: number;
  /** Events in the read model at the end: all of them, unless the time budget ran out. */
  applied: number;
  complete: boolean;
  cases: number;
  outbox: { writeMs: number; rate: number };
  pipelineMs: number;
  rate: number;
  usPerEvent: number;
  verifiedViews: number;
  cpu: CpuShares;
  /** Where each process waited on the database during the measured window (costliest commands). */
  db: Record<string, CommandCost[]>;
  /** Raw kafkajs + raw driver on the same payloads; `complete` false if it too ran out of time (quick runs). */
  ceiling: { rate: number; totalMs: number; produceRate: number; stored: number; complete: boolean };
  ratio: number;
}

/** Sum of applied event ids over every case view: what the read model holds. */
export async function appliedInReadModel(dbName: string): Promise<number> {
  const db = await connectDb(dbName);
  try {
    const docs = await db.collection<StoredCase>('cases').find({}).toArray();
    return docs.reduce((n, d) => n + unpackCase(d).view.appliedEventIds.length, 0);
  } finally {
    await db.close();
  }
}

/** A conference process of its own, with fresh databases (registered, so an interrupted run still drops them). */
export function conferenceParams(prefix: string, http: boolean) {
  const dbSuffix = `bench_${uniqueId('')}`;
  registerDb(databaseName('conference', dbSuffix));
  registerDb(databaseName('police', dbSuffix));
  // LOG_LEVEL info, as in production: the log is part of what is measured.
  return { brokers, mongoUrl, prefix, dbSuffix, groupId: uniqueId('bench-conference-'), partitions: PARTITIONS, http, logLevel: 'info' };
}

export async function publishListings(publisher: EventPublisher, cases: BenchCase[]): Promise<void> {
  const listings = cases.map((c, i) => listingOf(c, i));
  for (let i = 0; i < listings.length; i += BATCH) await publisher.publish(listings.slice(i, i + BATCH));
}

export interface Reached {
  at: number;
  applied: number;
  /** False when the time budget ran out first: the figures then cover what was applied by then. */
  reached: boolean;
}

/** Wait (at most `budgetMs`) for a conference process to have applied `target` events, printing progress. */
export async function awaitApplied(run: BenchRun, label: string, conference: BenchProcess, target: number, startedAt: number, budgetMs: number, extra?: () => string): Promise<Reached> {
  const base = conference.stats().values.applied ?? 0;
  const reached = conference.call<Reached>('reach', { target, timeoutMs: budgetMs }, budgetMs + 30_000);
  let done = false;
  void reached.finally(() => { done = true; }).catch(() => undefined);
  while (!done) {
    await sleep(500);
    const applied = conference.stats().values.applied ?? 0;
    const secs = (now() - startedAt) / 1000;
    run.progress(label, `${fmtInt(applied)}/${fmtInt(target)} applied · ${secs.toFixed(1)} s · ${fmtInt((applied - base) / Math.max(secs, 0.001))} ev/s${extra ? ` · ${extra()}` : ''}`);
  }
  return reached;
}

/**
 * Fill the police outbox and event log with `n` incidents (as the recorder would write them, already
 * projected as after the API call), then time the relay and the conference until every event is in a case view.
 */
export async function ingest(run: BenchRun, kafka: Kafka, label: string, n: number, budgetMs: number, caseCount = CASES): Promise<{ result: IngestResult; topics: Topics }> {
  const cases = benchCases(caseCount);
  const widest = maxCasesPerPartition(cases, PARTITIONS);
  if (widest >= 100) throw new Error(`${widest} cases on one partition: a batch could write 100+ case views in one bulk write, which deadlocks FerretDB 1.24`);
  const stack = run.watchStack(label);
  const { prefix, all, topics } = await freshTopics(kafka);
  const conferenceArgs = conferenceParams(prefix, false);
  const policeDb = databaseName('police', conferenceArgs.dbSuffix);
  let conference: BenchProcess | undefined;
  let relay: BenchProcess | undefined;
  let raw: BenchProcess | undefined;
  const publisher = await createEventPublisher(kafka, { topicFor: (e) => topics.events[e.agency] });
  try {
    // Start every process this benchmark needs at once (each compiles its sources for a few seconds);
    // the relay and the raw process stay idle until they are used.
    [conference, relay, raw] = await run.startAll(label, [
      ['conference', 'conference', conferenceArgs],
      ['relay', 'relay', { brokers, mongoUrl, prefix, dbName: policeDb, logLevel: 'info' }],
      ['raw pipeline', 'raw', { brokers, mongoUrl }],
    ]);
    await conference.call('start');
    const conferenceDb = String(conference.info.dbName);
    await publishListings(publisher, cases);
    const listingBudgetS = run.quick ? 15 : 180;
    const listed = await awaitApplied(run, `${label} listings`, conference, caseCount, now(), listingBudgetS * 1000);
    if (!listed.reached) {
      if (!run.quick) throw new Error(`only ${listed.applied} of ${caseCount} listings applied in ${listingBudgetS} s`);
      run.say(`  ${label}: only ${listed.applied} of ${caseCount} listings applied in ${listingBudgetS} s; going on (the rest are applied during the measured window)`);
    }

    // The outbox, filled through the event log's own bulk import (recorded, projected, to be published), in batches of 500.
    const db = await connectDb(policeDb);
    const store = createEventStore(db);
    await indexesBuilt(db);
    const tw = now();
    let written = 0;
    for (const batch of incidentBatches(cases, n, BATCH)) {
      await store.importProjected(batch);
      written += batch.length;
      run.progress(`${label} outbox`, `${fmtInt(written)}/${fmtInt(n)} written · ${((now() - tw) / 1000).toFixed(1)} s`);
    }
    const writeMs = now() - tw;
    await db.close();

    const cpu = await run.cpuWindow([conference, relay]);
    const t0 = now();
    await relay.call('go');
    const relayProc = relay;
    await conference.call('dbProfile');
    const reached = await awaitApplied(run, label, conference, caseCount + n, t0, budgetMs, () => `relay published ${fmtInt(relayProc.stats().values.published ?? 0)}`);
    const rawProc = raw;
    const shares = await cpu.end();
    const dbCosts = { conference: await conference.call<CommandCost[]>('dbProfile'), relay: await relay.call<CommandCost[]>('dbProfile') };
    // The consumer's count includes redeliveries; the read model is the judge.
    let tEnd = reached.at;
    let verifiedViews = await appliedInReadModel(conferenceDb);
    if (reached.reached && verifiedViews < caseCount + n) {
      verifiedViews = await until(async () => {
        const held = await appliedInReadModel(conferenceDb);
        return held >= caseCount + n ? held : undefined;
      }, 'the read model to hold every event', 60_000, 250);
      tEnd = now();
    }
    // Out of budget: what the consumer had applied at the deadline (the read model may have moved on since).
    const applied = reached.reached ? n : Math.max(0, Math.min(verifiedViews, reached.applied) - caseCount);
    if (!reached.reached) run.say(`  ${label}: time budget of ${Math.round(budgetMs / 1000)} s ran out with ${fmtInt(applied)} of ${fmtInt(n)} events in the read model`);
    const pipelineMs = tEnd - t0;
    await run.stop(label, relay, conference);
    relay = undefined;
    conference = undefined;
    await dropDb(policeDb);
    await dropDb(conferenceDb);

    run.say(`  ${label}: ${fmtInt(applied)} events in ${(pipelineMs / 1000).toFixed(1)} s = ${fmtInt(applied / (pipelineMs / 1000))} ev/s (outbox filled at ${fmtInt(n / (writeMs / 1000))} ev/s); now the raw ceiling`);
    const rawId = uniqueId('');
    registerDb(`rawbench_${rawId}`);
    const rawTimeoutMs = run.quick ? 20_000 : 10 * 60_000;
    const ceilingRun = raw.call<IngestResult['ceiling']>('pipeline', {
      n, cases: caseCount, partitions: PARTITIONS, topic: `rawbench${rawId}`, dbName: `rawbench_${rawId}`, timeoutMs: rawTimeoutMs,
    }, rawTimeoutMs + 120_000);
    const tr = now();
    let finished = false;
    void ceilingRun.finally(() => { finished = true; }).catch(() => undefined);
    while (!finished) {
      await sleep(500);
      run.progress(`${label} raw`, `${fmtInt(rawProc.stats().values.progress ?? 0)}/${fmtInt(n)} inserted · ${((now() - tr) / 1000).toFixed(1)} s`);
    }
    const ceiling = await ceilingRun;
    await run.stop(label, raw);
    raw = undefined;

    const rate = applied / (pipelineMs / 1000);
    return {
      result: {
        events: n, applied, complete: reached.reached, cases: caseCount, outbox: { writeMs, rate: n / (writeMs / 1000) }, pipelineMs, rate, usPerEvent: (pipelineMs * 1000) / Math.max(applied, 1), verifiedViews, cpu: shares, db: dbCosts,
        ceiling, ratio: rate / ceiling.rate,
      },
      topics: await (async () => {
        // What actually reached Kafka (all of it, unless the budget ran out before the relay finished).
        const held = await messagesOn(kafka, Object.values(topics.events));
        return { prefix, cases: caseCount, all, events: Object.values(topics.events), held, incidents: held - caseCount };
      })(),
    };
  } finally {
    await run.stop(label, relay, conference, raw);
    await publisher.disconnect();
    await dropDb(policeDb).catch(() => undefined);
    if (conference) await dropDb(String(conference.info.dbName)).catch(() => undefined);
    stack.stop();
  }
}
