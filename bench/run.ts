// `npm run bench [-- --quick] [-- --only=B1,B2,B3,B4,B5,B6] [-- --report]`: Convene's benchmarks on the local stack.
// Never part of `npm test` or CI. Prints a table; a full run writes bench/results.json and docs/performance.md,
// a quick run (a smoke check, under two minutes) only bench/results.quick.json, a run of some benchmarks only
// bench/results.only.json. See docs/performance.md.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readState } from '../infra/local/state.js';
import { killAllStarted } from './lib/children.js';
import { assertStackUp, benchKafka, brokers, cleanLeftovers, cleanUpCreated, connectDb, deleteTopics, mongoUrl, takeRunLock, useStack } from './lib/env.js';
import { fmtCosts, fmtCpu, k, renderMarkdown, renderText, rows, type Results } from './lib/report.js';
import { BenchRun, machineLoad, untilQuiet } from './lib/run.js';
import { fmtInt } from './lib/stats.js';
import { fanout } from './suites/fanout.js';
import { ingest } from './suites/ingest.js';
import { live } from './suites/live.js';
import { policeApi } from './suites/policeApi.js';
import { replay, topUp } from './suites/replay.js';
import { CASES } from './suites/ingest.js';
import { reportFromFile, writePerformanceDoc } from './report.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, report: { type: 'boolean', default: false } }, strict: true });
if (values.report) {
  // Nothing is run: docs/performance.md is written again from the last full run's bench/results.json.
  console.log(`${path.relative(process.cwd(), reportFromFile())} written from bench/results.json`);
  process.exit(0);
}
const quick = values.quick ?? false;
const only = new Set((values.only ?? 'B1,B2,B3,B4,B5,B6').toUpperCase().split(',').map((s) => s.trim()));
const wants = (id: string) => only.has(id);

/**
 * Sizes and time budgets. A run that does not finish within a budget reports what it applied by then (and
 * says so in the table). The quick run is a smoke check of every benchmark in under two minutes: small
 * sizes, short budgets; its figures are not comparable with a full run's.
 */
const plan = quick
  ? {
      cases: 50, b1Sizes: [500], b1Headline: 500, b3Size: (n: number) => Math.max(n, 1_000), b3Headline: 1_000,
      b1BudgetS: (_n: number) => 15, b3BudgetS: (_n: number) => 10,
      b2: { clients: 10, durationS: [2, 2], cases: 3, warmUpS: 1, drainS: 5 },
      b4: { clients: 20, rate: 50, durationS: 3, joinBudgetS: 15, settleS: 8, drainS: 4, lateS: 5 },
      b6: { cases: 3, durationS: 2, warmUpS: 1, drainS: 10 },
    }
  : {
      cases: CASES, b1Sizes: [10_000, 50_000, 100_000], b1Headline: 50_000, b3Size: (n: number) => n, b3Headline: 100_000,
      // On the local stack (FerretDB 1.24) the larger sizes run out of these budgets (docs/performance.md says
      // why); the budgets keep a full run under an hour, and the rate over the budget is then the figure.
      b1BudgetS: (n: number) => (n <= 10_000 ? 240 : 360), b3BudgetS: (_n: number) => 180,
      b2: { clients: 100, durationS: [30, 20], cases: 20, warmUpS: 3, drainS: 60 },
      b4: { clients: 1_000, rate: 50, durationS: 30, joinBudgetS: 180, settleS: 120, drainS: 30, lateS: 30 },
      b6: { cases: 20, durationS: 15, warmUpS: 3, drainS: 30 },
    };
/** B6's open-loop rates (requests/s). */
const B6_RATES = [50, 200, 500];
/** The second B2 rate is half of B1's; capped so one load generator on this machine can still offer it. */
const HALF_B1_CAP = 1_000;

const benchDir = fileURLToPath(new URL('./', import.meta.url));
/**
 * A full run of every benchmark writes results.json (committed with docs/performance.md, which is generated
 * from it); a quick run and a run of some benchmarks write files of their own (ignored by git), so they never
 * replace the full run's figures.
 */
const resultsFile = `${benchDir}${quick ? 'results.quick.json' : values.only ? 'results.only.json' : 'results.json'}`;
const logDir = `${os.tmpdir()}/convene-bench-${new Date().toISOString().replace(/[:.]/g, '-')}`;

/**
 * Which code was measured: the commit, and files under services/, shared/ and infra/ that differ from it
 * (others may be editing the working tree while a run is going; the bench runs whatever is there).
 */
function codeVersion(): { commit: string; uncommitted: string[] } | undefined {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: fileURLToPath(new URL('../', import.meta.url)), encoding: 'utf8' });
    // Porcelain lines are "XY path": two status columns (either may be a space), a space, the path.
    const uncommitted = git('status', '--porcelain', '--', 'services', 'shared', 'infra').split('\n').filter((l) => l.length > 3).map((l) => l.slice(3));
    return { commit: git('rev-parse', 'HEAD').trim(), uncommitted };
  } catch {
    return undefined;
  }
}

async function machine(): Promise<Record<string, unknown>> {
  const state = readState();
  let ferretdb = 'unknown';
  try {
    const db = await connectDb('admin');
    const info = (await db.db!.admin().buildInfo()) as { version?: string; ferretdbVersion?: string };
    ferretdb = info.ferretdbVersion
      ? `FerretDB ${info.ferretdbVersion} (MongoDB ${info.version} wire)`
      : state?.db === 'mongo-java-server' && state.mongo && !process.env.MONGO_URL
        ? `mongo-java-server ${state.mongo.version} (H2; MongoDB ${info.version} wire)`
        : `MongoDB ${info.version}`;
    await db.close();
  } catch {
    // reported as unknown
  }
  return {
    cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version,
    kafka: state?.kafka ? `Kafka ${state.kafka.version} (local stack, KRaft, 1 broker)` : `external (${brokers.join(',')})`, mongo: ferretdb, mongoUrl,
    code: codeVersion(), kernel: os.release(), loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    /** Whole-machine CPU just before the run (100 % = one core): other work sharing the machine. */
    backgroundCpuPctAtStart: await machineLoad(quick ? 1000 : 3000),
  };
}

async function main(): Promise<number> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  console.log(`Convene benchmarks (${quick ? 'quick smoke check' : 'full run'}${values.only ? `, only ${[...only].join(',')}` : ''}); process logs in ${logDir}`);
  releaseLock = takeRunLock();
  const stack = await useStack((line) => console.log(`  [stack] ${line}`));
  releaseStack = stack.release;
  await assertStackUp();
  await cleanLeftovers((line) => console.log(line));
  const results: Results = {
    mode: quick ? 'quick' : 'full', startedAt: new Date().toISOString(), machine: await machine(),
    sizes: { b1: plan.b1Sizes, b1Headline: plan.b1Headline, b3Headline: plan.b3Headline }, cases: plan.cases, b1: {}, b3: {}, b2: [], processes: [], errors: [],
  };
  console.log(`  machine: ${results.machine.cpus} cores, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, ${results.machine.kafka}, ${results.machine.mongo}; background CPU ${results.machine.backgroundCpuPctAtStart} % of a core`);
  const run = new BenchRun(quick, logDir, started);
  const kafka = benchKafka();
  const save = () => {
    results.processes = run.records;
    results.table = rows(results);
    fs.writeFileSync(resultsFile, JSON.stringify({ ...results, markdown: renderMarkdown(results) }, null, 2) + '\n');
  };
  const attempt = async (id: string, work: () => Promise<void>) => {
    const quiet = await untilQuiet();
    console.log(`  [${elapsed()}] machine ${quiet.loadPct} % busy after ${(quiet.waitedMs / 1000).toFixed(1)} s waiting for quiet before ${id}`);
    try {
      await work();
    } catch (err) {
      console.error(`  ${id} failed: ${(err as Error).stack ?? err}`);
      results.errors.push({ benchmark: id, error: (err as Error).message });
    }
    save();
  };

  if (wants('B1') || wants('B3') || wants('B5')) {
    const sizes = wants('B5') ? plan.b1Sizes : [plan.b1Headline];
    for (const n of sizes) {
      await attempt(`B1/B3 @${n}`, async () => {
        console.log(`\n[${elapsed()}] B1 ingest of ${fmtInt(n)} events over ${fmtInt(plan.cases)} listed cases (budget ${plan.b1BudgetS(n)} s)`);
        const { result, topics } = await ingest(run, kafka, `B1 ${k(n)}`, n, plan.b1BudgetS(n) * 1000, plan.cases);
        results.b1[n] = result;
        console.log(`  B1: ${fmtInt(result.rate)} ev/s (raw pipeline ${fmtInt(result.ceiling.rate)} ev/s); CPU: ${fmtCpu(result.cpu)}`);
        console.log(`  conference waited on: ${fmtCosts(result.db.conference)}`);
        console.log(`  relay waited on: ${fmtCosts(result.db.relay)}`);
        try {
          if (wants('B3') || wants('B5')) {
            const target = plan.b3Size(n);
            const quiet = await untilQuiet();
            console.log(`  [${elapsed()}] machine ${quiet.loadPct} % busy after ${(quiet.waitedMs / 1000).toFixed(1)} s waiting for quiet before B3`);
            console.log(`\n[${elapsed()}] B3 replay from offset 0 of ${target > topics.incidents ? `${fmtInt(target)} incidents (the B1 topics topped up)` : `the B1 topics (${fmtInt(topics.incidents)} incidents)`} + ${fmtInt(topics.cases)} listings (budget ${plan.b3BudgetS(target)} s)`);
            await topUp(kafka, topics, target);
            const b3 = await replay(run, `B3 ${k(target)}`, topics, plan.b3BudgetS(target) * 1000);
            results.b3[target] = b3;
            console.log(`  B3: ${fmtInt(b3.rate)} ev/s (raw consume ${fmtInt(b3.ceiling.rate)} ev/s); CPU: ${fmtCpu(b3.cpu)}`);
            console.log(`  conference waited on: ${fmtCosts(b3.db)}`);
          }
        } finally {
          await deleteTopics(kafka, topics.all);
        }
      });
    }
  }

  if (wants('B2')) {
    await attempt('B2', async () => {
      const b1Rate = results.b1[plan.b1Headline]?.rate;
      const half = Math.min(HALF_B1_CAP, Math.max(1, Math.round((b1Rate ?? 400) / 2)));
      console.log(`\n[${elapsed()}] B2 live latency, ${plan.b2.clients} clients, at 100 ev/s and at ${half} ev/s (half of B1${b1Rate ? '' : ', assumed'})`);
      results.b2 = await live(run, kafka, 'B2', [100, half], plan.b2);
      for (const r of results.b2) {
        console.log(`  B2 @${r.targetRate}/s: police waited on: ${fmtCosts(r.db.police)}`);
        console.log(`  B2 @${r.targetRate}/s: conference waited on: ${fmtCosts(r.db.conference)}`);
      }
    });
  }

  if (wants('B4')) {
    await attempt('B4', async () => {
      console.log(`\n[${elapsed()}] B4 fan-out to ${fmtInt(plan.b4.clients)} clients at ${plan.b4.rate} pushes/s`);
      results.b4 = await fanout(run, kafka, 'B4', plan.b4);
    });
  }

  if (wants('B6')) {
    await attempt('B6', async () => {
      console.log(`\n[${elapsed()}] B6 the police API alone, POST /incidents at ${B6_RATES.join(', ')} requests/s`);
      results.b6 = await policeApi(run, kafka, 'B6', B6_RATES, plan.b6);
      for (const r of results.b6) console.log(`  B6 @${r.targetRate}/s: police waited on: ${fmtCosts(r.db)}`);
    });
  }

  results.finishedAt = new Date().toISOString();
  results.durationS = Math.round((Date.now() - started) / 1000);
  save();
  console.log(`\n[${elapsed()}] done; results in ${path.relative(process.cwd(), resultsFile)}\n`);
  console.log(renderText(results));
  // docs/performance.md holds the last full run of every benchmark; quick and partial runs never touch it.
  if (!quick && !values.only) {
    const doc = writePerformanceDoc(results);
    console.log(`\n${path.relative(process.cwd(), doc)} updated from this run`);
  }
  if (results.errors.length > 0) {
    console.log(`\n${results.errors.length} benchmark(s) failed: ${results.errors.map((e) => e.benchmark).join(', ')} (see ${logDir})`);
    return 1;
  }
  return 0;
}

let releaseLock: (() => void) | undefined;
let releaseStack: (() => Promise<void>) | undefined;
/** Stop what we started, remove what we created, stop the stack if we started it; bounded. */
async function finish(code: number): Promise<never> {
  killAllStarted();
  await cleanUpCreated();
  await releaseStack?.().catch((err: unknown) => console.error(`could not stop the local stack: ${(err as Error).message}`));
  releaseLock?.();
  process.exit(code);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: stopping the bench processes and removing this run's topics and databases (again to quit at once)`);
    void finish(130);
  });
}
main().then((code) => finish(code), (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  return finish(1);
});
