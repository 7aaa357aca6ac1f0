// Short fault run for `npm test`: 1,000 events while the conference is killed with kill -9, police dies between
// appending an incident to its outbox and publishing it, Kafka is stopped and restarted, and FerretDB is
// stopped and restarted — each fault once, on a stack of its own (other ports, own data), never the shared
// one. The full run (10,000 events, three conference kills) is tests/reliability/faults.rel.spec.ts.
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { Cleanup } from '../support/faults.js';
import { runFaultScenario, summarise, type FaultPlan } from '../reliability/faults.scenario.js';
import { expectNoLossNoDuplicate, writeFigures } from '../reliability/faults.checks.js';

const plan: FaultPlan = {
  label: 'short',
  events: Number(process.env.FAULTS_SHORT_EVENTS ?? 1000),
  ratePerSec: 15,
  cases: 6,
  agendaCases: 3,
  routes: { api: 1, outbox: 1, bus: 8 },
  apiConcurrency: 4,
  // A process killed with kill -9 stays in its consumer group until its session times out (30 s), and a
  // restarted service joins its group before it listens, so those two faults take ~30 s each: here they run
  // together (same `at`). A Kafka restart stalls the conference's group for as long again; overlapping it with
  // the kills made the group's rebalance much slower (a minute and more), so it follows them.
  faults: [
    { at: 0.03, kind: 'conference-kill9' },
    { at: 0.03, kind: 'police-crash-after-append' },
    { at: 0.55, kind: 'kafka-restart', downMs: 3000 },
    { at: 0.85, kind: 'mongo-restart', downMs: 3000 },
  ],
  drainTimeoutMs: 90_000,
};

const started = Date.now();
const log = (line: string) => console.log(`[faults ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

describe('faults during load (short)', () => {
  const cleanup = new Cleanup();
  afterAll(async () => {
    await cleanup.run(log);
  }, 120_000);

  it('applies every event exactly once through kill -9 of the conference and of police, a Kafka restart and a database restart', async () => {
    const report = await runFaultScenario(plan, cleanup, log);
    const file = path.join(os.tmpdir(), 'convene-faults-short.json');
    writeFigures(file, report);
    log(`${summarise(report)}\nfigures: ${file}`);
    expectNoLossNoDuplicate(report, plan);
  }, 360_000);
});
