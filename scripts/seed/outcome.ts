/** What a seeding run reports to its caller: the demo prints it, the tests check it. */
import type { Api } from './api.js';
import type { Identity, IdentityBook } from './identities.js';
import { staff } from './people.js';
import type { SeedRun } from './run.js';
import type { CaseScenario } from './scenarios/index.js';
import type { MeetingKey } from './scenarios/kit.js';

export interface SeededCase {
  key: string;
  title: string;
  caseRef: string;
  repeatOf: string | null;
  agendas: MeetingKey[];
}

/** Where the demo's mid-meeting health concern lands. */
export interface LiveConcernTarget {
  caseRef: string;
  meetingId: string;
  identity: Identity;
  /** The victim's id in the health service, when this run recorded them. */
  healthPersonId?: string;
}

export interface SeedResult {
  /** True when the conference already had cases and nothing was seeded. */
  skipped: boolean;
  cases: SeededCase[];
  meetings: Partial<Record<MeetingKey, string>>;
  events: number;
  people: number;
  /** Everyone seeded, as each agency recorded them: what the data-minimisation checks look for. */
  identities: Identity[];
  requests: number;
  retries: number;
  durationMs: number;
  liveConcern?: LiveConcernTarget;
}

export function seeded(run: SeedRun, book: IdentityBook, meetings: Record<MeetingKey, string>, started: number): SeedResult {
  const cases = [...run.cases.values()];
  const target = cases.find((c) => c.scenario.liveConcernTarget);
  return {
    skipped: false,
    cases: cases.map((c) => ({ key: c.scenario.key, title: c.scenario.title, caseRef: c.caseRef!, repeatOf: c.repeatOf ?? null, agendas: c.scenario.agendas })),
    meetings,
    events: run.progress.eventCount,
    people: book.all().length,
    identities: book.all().map(([, identity]) => identity),
    requests: run.api.stats.requests,
    retries: run.api.stats.retries,
    durationMs: Date.now() - started,
    ...(target ? {
      liveConcern: {
        caseRef: target.caseRef!, meetingId: meetings.running, identity: book.get(target.scenario.victim),
        healthPersonId: run.personIds.health.get(target.scenario.victim)!,
      },
    } : {}),
  };
}

/** An earlier demo's data is in place: find today's running meeting so the live concern still has a target. */
export async function skipped(api: Api, scenarios: CaseScenario[], book: IdentityBook, started: number): Promise<SeedResult> {
  const meetings = await api.get<{ meetingId: string; status: string; agenda: string[] }[]>('conference', staff('chair'), '/meetings');
  const running = meetings.find((m) => m.status === 'running');
  const target = scenarios.find((s) => s.liveConcernTarget);
  return {
    skipped: true, cases: [], meetings: running ? { running: running.meetingId } : {}, events: 0, people: 0, identities: [],
    requests: api.stats.requests, retries: api.stats.retries, durationMs: Date.now() - started,
    ...(running?.agenda[0] && target ? { liveConcern: { caseRef: running.agenda[0], meetingId: running.meetingId, identity: book.get(target.victim) } } : {}),
  };
}
