/**
 * Scenarios from the inspection reports, each entered through the agencies' own APIs on the real stack (one
 * conference and four agencies for the whole file, each scenario with its own people) and checked against the
 * signals the conference must and must not raise. A failure names the scenario, the signal and the evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { startConference, type RunningConference } from '../support/conference.js';
import { uniqueId } from '../support/infra.js';
import { scenarios } from './cases/index.js';
import { judge, type CaseBody } from './support/judge.js';
import { ScenarioRun, type World } from './support/run.js';

const staff = {
  police: { sub: 'pc-scenario', agency: 'police', role: 'police' },
  cps: { sub: 'lawyer-scenario', agency: 'cps', role: 'cps' },
  health: { sub: 'nurse-scenario', agency: 'health', role: 'health' },
  advocacy: { sub: 'isac-scenario', agency: 'advocacy', role: 'advocate' },
  chair: { sub: 'chair-scenario', agency: 'conference', role: 'chair', name: 'Chair' },
} as const;

describe('scenarios from the inspection reports', () => {
  const prefix = uniqueId('scenario');
  let conference: RunningConference;
  let agencies: RunningAgency[] = [];
  const built = new Map<string, { run: ScenarioRun; cases: Promise<Record<string, string>> }>();

  beforeAll(async () => {
    // A closed case is kept a while, as in production, so a repeat referral can find it.
    conference = await startConference(prefix, { env: { CASE_RETENTION_DAYS: '30' } });
    agencies = await Promise.all((['police', 'cps', 'health', 'advocacy'] as const).map((name) => startAgency(name, { prefix })));
    const [police, cps, health, advocacy] = agencies.map((a) => a.url) as [string, string, string, string];
    const world: World = {
      api: {
        police: client(police, await tokenFor(staff.police)),
        cps: client(cps, await tokenFor(staff.cps)),
        health: client(health, await tokenFor(staff.health)),
        advocacy: client(advocacy, await tokenFor(staff.advocacy)),
        chair: client(conference.url, await tokenFor(staff.chair)),
      },
      referring: { queue: Promise.resolve() },
    };
    // Every scenario is entered at once; each test then waits only for its own cases.
    for (const scenario of scenarios) {
      const run = new ScenarioRun(scenario.name, world);
      const cases = scenario.build(run);
      cases.catch(() => undefined);
      built.set(scenario.name, { run, cases });
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(agencies.map((a) => a.stop()));
    await conference?.stop();
  });

  it('has at least twelve scenarios, each with its own name', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(12);
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
  });

  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      const { run, cases } = built.get(scenario.name)!;
      const refs = await cases;
      const failures: string[] = [];
      for (const [label, expected] of Object.entries(scenario.expect)) {
        const caseRef = refs[label];
        if (!caseRef) {
          failures.push(`scenario "${scenario.name}": built no case labelled ${label}`);
          continue;
        }
        const body = (await run.settled(caseRef)) as CaseBody;
        failures.push(...judge(scenario.name, `${label}, ${caseRef}`, body, expected));
      }
      expect(failures, `\n${failures.join('\n\n')}\n(source: ${scenario.source})`).toEqual([]);
    }, 120_000);
  }
});
