/** What one seeding run shares between its steps: the API client, progress, and what each case has become. */
import type { Api, waitFor } from './api.js';
import { staff } from './people.js';
import { waitReportingDelays, Progress } from './progress.js';
import type { CaseScenario } from './scenarios/index.js';
import type { Agency, Refs } from './scenarios/kit.js';

export const AGENCIES: Agency[] = ['police', 'cps', 'health', 'advocacy'];
export const DAY = 86_400_000;

/** A scenario as the run has got on with it: the references its records and the conference gave it. */
export interface CaseState {
  scenario: CaseScenario;
  refs: Refs;
  referralRef?: string;
  caseRef?: string;
  repeatOf?: string | null;
}

export interface SeedRun {
  api: Api;
  now: Date;
  progress: Progress;
  /** Waits for something the services do asynchronously, saying so when it takes a while. */
  waitFor: typeof waitFor;
  cases: Map<string, CaseState>;
  /** Each agency's id for each person of the plan, once recorded there. */
  personIds: Record<Agency, Map<string, string>>;
  caseOf(key: string): CaseState;
  /** Post to the conference as the chair: each call records one event. */
  conference<T = unknown>(path: string, body?: unknown): Promise<T>;
}

/** The member of staff who records for an agency. */
export function recorderFor(agency: Agency) {
  return staff(agency === 'advocacy' ? 'advocate' : agency);
}

export function createRun(api: Api, scenarios: CaseScenario[], options: { now: Date; log: (line: string) => void; eventsPlanned: number }): SeedRun {
  const progress = new Progress(options.log, scenarios.length, options.eventsPlanned);
  const cases = new Map<string, CaseState>(scenarios.map((s) => [s.key, { scenario: s, refs: {} }]));
  const chair = staff('chair');
  return {
    api,
    now: options.now,
    progress,
    waitFor: waitReportingDelays(options.log),
    cases,
    personIds: { police: new Map(), cps: new Map(), health: new Map(), advocacy: new Map() },
    caseOf: (key) => cases.get(key)!,
    conference: (path, body) => api.post('conference', chair, path, body).then((answer) => {
      progress.event();
      return answer;
    }),
  };
}
