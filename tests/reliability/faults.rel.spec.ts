// Full fault run for `npm run test:reliability`: 10,000 events while the conference is killed with kill -9
// three times, police dies right after appending to its outbox, Kafka is stopped and restarted, and FerretDB
// is stopped and restarted — on a stack of its own (other ports, own data), never the shared one.
// Figures go to tests/reliability/last-run.json (copied into docs/reliability.md).
import { fileURLToPath } from 'node:url';
import { afterAll, describe, it } from 'vitest';
import { Cleanup } from '../support/faults.js';
import { runFaultScenario, summarise, type FaultPlan } from './faults.scenario.js';
import { expectNoLossNoDuplicate, writeFigures } from './faults.checks.js';

const plan: FaultPlan = {
  label: 'full',
  events: Number(process.env.FAULTS_EVENTS ?? 10_000),
  ratePerSec: 40,
  cases: 30,
  agendaCases: 4,
  routes: { api: 1, outbox: 1, bus: 18 },
  apiConcurrency: 4,
  // One after the other, spread so each fault's aftermath (a killed service's consumer group waits ~30 s for
  // the dead member's session to time out; a Kafka restart stalls the group as long) is over before the next.
  faults: [
    { at: 0.05, kind: 'conference-kill9' },
    { at: 0.2, kind: 'police-crash-after-append' },
    { at: 0.38, kind: 'conference-kill9' },
    { at: 0.52, kind: 'kafka-restart', downMs: 5000 },
    { at: 0.74, kind: 'mongo-restart', downMs: 5000 },
    { at: 0.85, kind: 'conference-kill9' },
  ],
  drainTimeoutMs: 180_000,
};

const started = Date.now();
const log = (line: string) => console.log(`[faults ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

describe('faults during load (full)', () => {
  const cleanup = new Cleanup();
  afterAll(async () => {
    await cleanup.run(log);
  }, 120_000);

  it('applies 10,000 events exactly once through every fault, and sockets see no gap', async () => {
    const report = await runFaultScenario(plan, cleanup, log);
    const file = fileURLToPath(new URL('./last-run.json', import.meta.url));
    writeFigures(file, report);
    log(`${summarise(report)}\nfigures: ${file}`);
    expectNoLossNoDuplicate(report, plan);
  }, 840_000);
});
