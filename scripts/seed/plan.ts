/**
 * The partnership to seed, decided before any request: its people, every case's records and which meeting
 * discusses which case. Everything is drawn from one seeded generator, so each run plans the same partnership.
 */
import { IdentityBook } from './identities.js';
import { createRng } from './random.js';
import { allScenarios, type CaseScenario } from './scenarios/index.js';
import { plannedEvents, type MeetingKey } from './scenarios/kit.js';

const SEED = 'convene-demo-partnership';
const TARGET_EVENTS = 600;

export type Agendas = Record<MeetingKey, string[]>;

export interface PartnershipPlan {
  book: IdentityBook;
  scenarios: CaseScenario[];
  /** Scenario keys on each meeting's agenda, in agenda order. */
  agendas: Agendas;
  eventsPlanned: number;
}

/** The meetings' overhead in events: scheduling, starting, moving through the agenda, ending. */
function meetingEvents(agendas: Agendas): number {
  return (3 + Math.max(0, agendas.ended.length - 1)) + 1 + 2;
}

export function planPartnership(now: Date, scale: number): PartnershipPlan {
  const book = new IdentityBook(createRng(`${SEED}:people`));
  const ctx = { root: createRng(SEED), now, scale, book, n: (base: number, min = 1) => Math.max(min, Math.round(base * scale)) };
  const scenarios = allScenarios(ctx, Math.round(TARGET_EVENTS * scale), 12);
  const agendas: Agendas = { ended: [], running: [], next: [] };
  for (const s of scenarios) for (const a of s.agendas) agendas[a].push(s.key);
  // The case the mid-meeting concern lands on is the running meeting's first item, so it is on screen.
  const isConcernTarget = (key: string) => Number(scenarios.find((s) => s.key === key)!.liveConcernTarget ?? false);
  agendas.running.sort((a, b) => isConcernTarget(b) - isConcernTarget(a));
  const eventsPlanned = scenarios.reduce((n, s) => n + plannedEvents(s), 0) + meetingEvents(agendas);
  return { book, scenarios, agendas, eventsPlanned };
}
