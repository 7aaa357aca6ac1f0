/**
 * Seeds a realistic partnership through the services' own APIs (never their databases): about twelve cases
 * and six hundred events over six months across police, CPS, health and advocacy, and three meetings (one
 * ended last month, one running now, one next week).
 *
 * The sharing model decides the order. Agencies publish records about a person only while that person is on
 * an open listing, and answer a new listing with a research return of their records from the last 12 months.
 * So each case's history is recorded first (unpublished), then referred; once the conference lists it and
 * every agency has answered, later records stream to it live.
 */
import { addMonths, monthOf, monthsBetween } from '@convene/shared/statistics';
import { DEV_JWT_SECRET } from '../lib/devSecrets.js';
import { createApi, createLimiter, waitFor as waitUntil, type Api, type Service, type ServiceUrls } from './api.js';
import { IdentityBook, type Identity } from './identities.js';
import { meetingMembers, SEEDER, staff } from './people.js';
import { createRng } from './random.js';
import { allScenarios, type CaseScenario } from './scenarios/index.js';
import { plannedEvents, type Agency, type Chain, type MeetingKey, type Refs, type Step } from './scenarios/kit.js';

export type { ServiceUrls } from './api.js';

export interface SeedOptions {
  /** 1 = the full demo (about 12 cases, 600 events); e.g. 0.15 for a quick seed in tests. */
  scale?: number;
  /** Told about progress, one line at a time (without a prefix). */
  log: (line: string) => void;
  jwtSecret?: string;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Seed even if the conference already lists cases. */
  force?: boolean;
  now?: Date;
}

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

const SEED = 'convene-demo-partnership';
const TARGET_EVENTS = 600;
const DAY = 86_400_000;
const AGENCIES: Agency[] = ['police', 'cps', 'health', 'advocacy'];

interface CaseState {
  scenario: CaseScenario;
  refs: Refs;
  referralRef?: string;
  caseRef?: string;
  repeatOf?: string | null;
}

interface CaseSummary {
  caseRef: string;
  status: string;
  repeatOf: string | null;
  agencies: string[];
}

interface CaseBody {
  view: { referral: { referralRef: string } | null; timeline: { type: string; agency: string }[] };
}

/** The member of staff who records for an agency. */
function recorderFor(agency: Agency) {
  return staff(agency === 'advocacy' ? 'advocate' : agency);
}

class Progress {
  private events = 0;
  private listed = 0;
  private phase = '';
  private lastPrint = 0;

  constructor(private readonly log: (line: string) => void, private readonly casesPlanned: number, private readonly eventsPlanned: number) {}

  get eventCount(): number {
    return this.events;
  }

  event(): void {
    this.events++;
    this.print(false);
  }

  caseListed(): void {
    this.listed++;
    this.print(false);
  }

  step(phase: string): void {
    this.phase = phase;
    this.print(true);
  }

  private print(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastPrint < 1500) return;
    this.lastPrint = now;
    this.log(`cases ${this.listed}/${this.casesPlanned} · events ${this.events}/${this.eventsPlanned} · ${this.phase}`);
  }
}

/** The meetings' overhead in events: scheduling, starting, moving through the agenda, ending. */
function meetingEvents(agendas: Record<MeetingKey, string[]>): number {
  return (3 + Math.max(0, agendas.ended.length - 1)) + 1 + 2;
}

function atTime(day: Date, hours: number, minutes = 0): string {
  const d = new Date(day);
  d.setUTCHours(hours, minutes, 0, 0);
  return d.toISOString();
}

function monthTitle(when: string): string {
  return new Date(when).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

/** Seed the demo partnership through the services' APIs at `urls`. */
export async function seedDemo(urls: ServiceUrls, options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const scale = options.scale ?? 1;
  const now = options.now ?? new Date();
  const log = options.log;
  const api = createApi(urls, {
    jwtSecret: options.jwtSecret ?? process.env.CONVENE_JWT_SECRET ?? DEV_JWT_SECRET,
    concurrency: options.concurrency ?? 6,
    onRetry: (message) => log(`retry: ${message}`),
  });
  const chair = staff('chair');

  // The plan: people and every case's records, drawn from one seeded generator.
  const book = new IdentityBook(createRng(`${SEED}:people`));
  const ctx = { root: createRng(SEED), now, scale, book, n: (base: number, min = 1) => Math.max(min, Math.round(base * scale)) };
  const scenarios = allScenarios(ctx, Math.round(TARGET_EVENTS * scale), 12);
  const agendas = { ended: [] as string[], running: [] as string[], next: [] as string[] };
  for (const s of scenarios) for (const a of s.agendas) agendas[a].push(s.key);
  // The case the mid-meeting concern lands on is the running meeting's first item, so it is on screen.
  agendas.running.sort((a, b) => Number(scenarios.find((s) => s.key === b)!.liveConcernTarget ?? false) - Number(scenarios.find((s) => s.key === a)!.liveConcernTarget ?? false));
  const eventsPlanned = scenarios.reduce((n, s) => n + plannedEvents(s), 0) + meetingEvents(agendas);

  const existing = await api.get<CaseSummary[]>('conference', SEEDER, '/cases');
  if (existing.length > 0 && !options.force) {
    log(`the conference already lists ${existing.length} cases (an earlier demo's data): not seeding again (\`npm run stack:down\` clears the local stack's data)`);
    return skipped(api, scenarios, book, started);
  }

  const progress = new Progress(log, scenarios.length, eventsPlanned);
  /** Wait for something the services do asynchronously, saying so when it takes a while. */
  const waitFor: typeof waitUntil = async (what, check, opts) => {
    const since = Date.now();
    const value = await waitUntil(what, check, opts);
    if (Date.now() - since > 3000) log(`waited ${((Date.now() - since) / 1000).toFixed(1)}s for ${what}`);
    return value;
  };
  const cases = new Map<string, CaseState>(scenarios.map((s) => [s.key, { scenario: s, refs: {} }]));
  const state = (key: string) => cases.get(key)!;

  // 1. The same people, with the same identifiers, in each agency.
  progress.step(`recording ${book.all().length} people in each of the four agencies`);
  const personIds: Record<Agency, Map<string, string>> = { police: new Map(), cps: new Map(), health: new Map(), advocacy: new Map() };
  await Promise.all(book.all().flatMap(([key, identity]) => AGENCIES.map(async (agency) => {
    const person = await api.post<{ personId: string }>(agency, recorderFor(agency), '/people', identity);
    personIds[agency].set(key, person.personId);
  })));

  async function runStep(step: Step, c: CaseState): Promise<void> {
    const path = typeof step.path === 'function' ? step.path(c.refs) : step.path;
    const body = step.body({
      personId: (key) => {
        const id = personIds[step.agency].get(key);
        if (!id) throw new Error(`${c.scenario.key}: ${key} is not recorded in ${step.agency}`);
        return id;
      },
      refs: c.refs,
    });
    try {
      const answer = await api.post<{ ref?: string; requestRef?: string; id?: string }>(step.agency, step.asCaldicott ? staff('caldicott') : recorderFor(step.agency), path, body, step.contentType ? { contentType: step.contentType } : {});
      if (step.save) c.refs[step.save] = answer.ref ?? answer.requestRef ?? answer.id ?? '';
    } catch (err) {
      throw new Error(`${c.scenario.key}: recording ${step.what}: ${(err as Error).message}`);
    }
    progress.event();
  }
  const runChains = (c: CaseState, chains: Chain[]) => Promise.all(chains.map(async (chain) => {
    for (const step of chain) await runStep(step, c);
  }));

  // 2. History, then the referral, case by case (a few at a time): a case's records stay in each agency until
  //    the conference lists it and a research return asks for them, and the conference lists the first
  //    cases while later ones are still being recorded. The case closed at last month's meeting goes first.
  const firstWave = [...cases.values()].filter((c) => !c.scenario.repeatOf)
    .sort((a, b) => Number(Boolean(b.scenario.closeAfterMeeting)) - Number(Boolean(a.scenario.closeAfterMeeting)));
  progress.step('recording six months of history and referring each case');
  const caseSlots = createLimiter(3);
  await Promise.all(firstWave.map((c) => caseSlots(async () => {
    await runChains(c, c.scenario.setup);
    await runChains(c, c.scenario.history);
    await refer(c);
  })));
  await waitListed(firstWave);
  const answered = waitAnswered(firstWave);
  answered.catch(() => undefined); // awaited below

  // 3. Last month's meeting: reviews, actions and a disclosure request. The case that is closed is taken
  //    first, so that its victim's re-referral (the repeat) goes ahead while the meeting carries on; once
  //    every agency has answered the listings, the records since the meeting stream to them meanwhile.
  progress.step('holding last month\'s meeting; recording live events since');
  const meetings: Partial<Record<MeetingKey, string>> = {};
  const endedWhen = atTime(new Date(now.getTime() - 30 * DAY), 9, 30);
  const assigned: { agency: Agency; actionId: string; progress: 'assigned' | 'accepted' | 'completed'; outcome?: string }[] = [];
  const disclosureRequests: { caseRef: string; requestRef: string; decision?: { decision: 'disclosed' | 'refused'; reason: string } }[] = [];
  // Work that goes on beside the meeting; awaited below, and marked handled now so that a failure while the
  // meeting is still going on surfaces once, through that await.
  const background: Promise<unknown>[] = [];
  const beside = (...work: Promise<unknown>[]) => {
    for (const w of work) w.catch(() => undefined);
    background.push(...work);
  };
  beside(answered.then(() => Promise.all(firstWave.map((c) => runChains(c, c.scenario.live)))));
  agendas.ended.sort((a, b) => Number(Boolean(state(b).scenario.closeAfterMeeting)) - Number(Boolean(state(a).scenario.closeAfterMeeting)));
  const meeting = await conference<{ meetingId: string }>('/meetings', {
    title: `Stalking clinic (MASIP), ${monthTitle(endedWhen)}`, scheduledFor: endedWhen, members: meetingMembers(),
    agenda: agendas.ended.map((key) => state(key).caseRef!),
  });
  meetings.ended = meeting.meetingId;
  await conference(`/meetings/${meeting.meetingId}/start`);
  for (const [position, key] of agendas.ended.entries()) {
    const c = state(key);
    // The meeting discusses what the agencies returned: wait for it (the closing case only for its own).
    if (c.scenario.closeAfterMeeting) await waitAnswered([c]);
    else await answered;
    if (position > 0) await conference(`/meetings/${meeting.meetingId}/move`, { position });
    const decision = c.scenario.lastMonth;
    await Promise.all([
      ...(decision ? [conference(`/cases/${c.caseRef}/review`, {
        meetingId: meeting.meetingId, riskDecision: decision.riskDecision, rationale: decision.rationale,
        nextReviewOn: new Date(now.getTime() + decision.nextReviewInDays * DAY).toISOString().slice(0, 10),
      })] : []),
      ...(decision?.actions ?? []).map(async (action) => {
        const answer = await conference<{ actionId: string }>(`/cases/${c.caseRef}/actions`, {
          agency: action.agency, description: action.description, meetingId: meeting.meetingId,
          dueOn: new Date(now.getTime() + action.dueInDays * DAY).toISOString().slice(0, 10),
        });
        assigned.push({ agency: action.agency, actionId: answer.actionId, progress: action.progress, ...(action.outcome ? { outcome: action.outcome } : {}) });
      }),
      ...(c.scenario.disclosures ?? []).filter((d) => d.meeting === 'ended').map(async (d) => disclosureRequests.push(await requestDisclosure(c, d.spec))),
    ]);
    if (c.scenario.closeAfterMeeting) {
      await conference(`/cases/${c.caseRef}/close`, { reason: c.scenario.closeAfterMeeting });
      beside(...[...cases.values()].filter((r) => r.scenario.repeatOf === key).map((r) => referAgain(r, c)));
    }
  }
  await conference(`/meetings/${meeting.meetingId}/end`);

  // 4. Since then: agencies take up their actions and the Caldicott guardian decides.
  beside(progressActions(assigned), ...disclosureRequests.map(decideDisclosure));
  await Promise.all(background);

  // 5. Next week's meeting, and today's, started: the demo joins it running.
  progress.step('scheduling next week\'s meeting and starting today\'s');
  const nextWhen = atTime(new Date(now.getTime() + 7 * DAY), 9, 30);
  meetings.next = (await conference<{ meetingId: string }>('/meetings', {
    title: `Stalking clinic (MASIP), ${monthTitle(nextWhen)}`, scheduledFor: nextWhen, members: meetingMembers(),
    agenda: agendas.next.map((key) => state(key).caseRef!),
  })).meetingId;
  const runningWhen = new Date(Math.floor((now.getTime() - 15 * 60_000) / (15 * 60_000)) * 15 * 60_000).toISOString();
  meetings.running = (await conference<{ meetingId: string }>('/meetings', {
    title: `Stalking clinic (MASIP), ${monthTitle(runningWhen)}`, scheduledFor: runningWhen, members: meetingMembers(),
    agenda: agendas.running.map((key) => state(key).caseRef!),
  })).meetingId;
  for (const c of cases.values()) for (const d of c.scenario.disclosures ?? []) if (d.meeting === 'running') await requestDisclosure(c, d.spec);
  await conference(`/meetings/${meetings.running}/start`);

  // 6. Each agency's and the conference's monthly de-identified figures, so the scrutiny page has six months.
  const months = monthsBetween(addMonths(monthOf(now), -6), monthOf(now));
  progress.step(`publishing monthly statistics for ${months[0]} to ${months.at(-1)}`);
  await Promise.all(months.flatMap((month) => [
    ...AGENCIES.map((agency) => api.post(agency, recorderFor(agency), `/statistics/${month}/publish`)),
    api.post('conference', chair, `/scrutiny/statistics/${month}/publish`),
  ]));

  const target = [...cases.values()].find((c) => c.scenario.liveConcernTarget);
  const result: SeedResult = {
    skipped: false,
    cases: [...cases.values()].map((c) => ({ key: c.scenario.key, title: c.scenario.title, caseRef: c.caseRef!, repeatOf: c.repeatOf ?? null, agendas: c.scenario.agendas })),
    meetings,
    events: progress.eventCount,
    people: book.all().length,
    identities: book.all().map(([, identity]) => identity),
    requests: api.stats.requests,
    retries: api.stats.retries,
    durationMs: Date.now() - started,
    ...(target ? {
      liveConcern: {
        caseRef: target.caseRef!, meetingId: meetings.running, identity: book.get(target.scenario.victim),
        healthPersonId: personIds.health.get(target.scenario.victim)!,
      },
    } : {}),
  };
  progress.step(`done in ${(result.durationMs / 1000).toFixed(1)}s`);
  return result;

  // --- helpers that need the run's state ------------------------------------------------------------

  function conference<T = unknown>(path: string, body?: unknown): Promise<T> {
    return api.post<T>('conference', chair, path, body).then((answer) => {
      progress.event();
      return answer;
    });
  }

  /** The closed case's victim, referred again: records since the closure, the referral, then live records. */
  async function referAgain(c: CaseState, closed: CaseState): Promise<void> {
    Object.assign(c.refs, closed.refs);
    // Give agencies a moment to hear of the closure, so nothing recorded now streams to the closed case.
    await new Promise((r) => setTimeout(r, 1500));
    await runChains(c, c.scenario.setup);
    await runChains(c, c.scenario.history);
    await refer(c);
    await waitListed([c]);
    await waitAnswered([c]);
    if (c.repeatOf !== closed.caseRef) throw new Error(`${c.scenario.key}: expected ${c.caseRef} to be listed as a repeat of ${closed.caseRef}, but repeatOf is ${c.repeatOf}`);
    await runChains(c, c.scenario.live);
  }

  /** Refer the case to the conference, from the agency the scenario names. */
  async function refer(c: CaseState): Promise<void> {
    const { agency, criterion, reason, subjects } = c.scenario.referral;
    const answer = await api.post<{ ref: string }>(agency, recorderFor(agency), '/referrals', {
      criterion, reason,
      subjects: subjects.map(([key, role]) => ({ personId: personIds[agency].get(key), role })),
    });
    c.referralRef = answer.ref;
    progress.event();
  }

  /** Wait for the conference to list each referred case, and learn its reference. */
  async function waitListed(batch: CaseState[]): Promise<void> {
    const byReferral = new Map(batch.map((c) => [c.referralRef!, c]));
    // New listings show in the list of cases; each is matched to its referral by the referral's reference.
    const looked = new Set<string>();
    const unlisted = () => batch.filter((c) => !c.caseRef);
    await waitFor(`the conference to list ${batch.length === 1 ? 'the referred case' : `${batch.length} referred cases`}`, async () => {
      for (const summary of await api.get<CaseSummary[]>('conference', SEEDER, '/cases')) {
        if (looked.has(summary.caseRef) || [...cases.values()].some((c) => c.caseRef === summary.caseRef)) continue;
        const view = await api.get<CaseBody>('conference', SEEDER, `/cases/${summary.caseRef}`);
        looked.add(summary.caseRef);
        const c = view.view.referral ? byReferral.get(view.view.referral.referralRef) : undefined;
        if (c) {
          c.caseRef = summary.caseRef;
          c.repeatOf = summary.repeatOf;
          progress.caseListed();
        }
      }
      return unlisted().length === 0;
    }, {
      timeoutMs: 120_000, intervalMs: 1000,
      still: () => unlisted().map((c) => `${c.scenario.key} (referral ${c.referralRef}) is not listed: did it join another open case with the same victim?`).join('; '),
    });
  }

  /** Wait until every agency has answered each listing with a research return. */
  async function waitAnswered(batch: CaseState[]): Promise<void> {
    // Each agency's research return is a timeline entry of that agency: once all four show, every agency
    // holds the listing and streams new records to it. One case view at a time is cheaper to read than the
    // whole list.
    const waiting = new Map(batch.map((c) => [c.caseRef!, [...AGENCIES] as string[]]));
    await waitFor(`every agency to answer ${batch.length === 1 ? 'the listing' : `${batch.length} listings`} with a research return`, async () => {
      for (const [caseRef, silent] of waiting) {
        const view = await api.get<CaseBody>('conference', SEEDER, `/cases/${caseRef}`);
        const answered = new Set(view.view.timeline.filter((e) => e.type.endsWith('.research.returned.v1')).map((e) => e.agency));
        const still = silent.filter((a) => !answered.has(a));
        if (still.length === 0) waiting.delete(caseRef);
        else waiting.set(caseRef, still);
      }
      return waiting.size === 0;
    }, {
      timeoutMs: 120_000, intervalMs: 1000,
      still: () => [...waiting].map(([caseRef, silent]) => `${caseRef} has no research return from ${silent.join(', ')}`).join('; '),
    });
  }

  async function requestDisclosure(c: CaseState, spec: NonNullable<CaseScenario['disclosures']>[number]['spec']) {
    const answer = await conference<{ requestRef: string }>(`/cases/${c.caseRef}/disclosure-requests`, {
      concernRef: c.refs[spec.concern], reason: spec.reason, proposedAudience: [{ role: 'chair' }, { agency: 'police' }],
    });
    return { caseRef: c.caseRef!, requestRef: answer.requestRef, ...(spec.decision ? { decision: spec.decision } : {}) };
  }

  async function decideDisclosure(request: (typeof disclosureRequests)[number]): Promise<void> {
    if (!request.decision) return;
    const caldicott = staff('caldicott');
    await waitFor(`the disclosure request on ${request.caseRef} to reach the Caldicott queue`, async () => {
      const found = await api.get<{ status: string }>('health', caldicott, `/disclosure-requests/${request.requestRef}`);
      return found.status === 'pending';
    }, { timeoutMs: 60_000, intervalMs: 400 });
    await api.post('health', caldicott, `/disclosure-requests/${request.requestRef}/decide`, {
      decision: request.decision.decision, reason: request.decision.reason,
      ...(request.decision.decision === 'disclosed' ? { audience: [{ role: 'chair' }, { agency: 'police' }] } : {}),
    });
    progress.event();
  }

  /** Each agency accepts (and completes) the actions it took up after last month's meeting. */
  async function progressActions(list: typeof assigned): Promise<void> {
    await Promise.all(AGENCIES.map(async (agency) => {
      const mine = list.filter((a) => a.agency === agency && a.progress !== 'assigned');
      if (mine.length === 0) return;
      const as = recorderFor(agency);
      await waitFor(`${agency} to receive its actions`, async () => {
        const held = await api.get<{ actionId: string }[]>(agency, as, '/actions');
        return mine.every((a) => held.some((h) => h.actionId === a.actionId));
      }, { timeoutMs: 60_000, intervalMs: 400 });
      for (const action of mine) {
        await api.post(agency, as, `/actions/${action.actionId}/accept`);
        progress.event();
        if (action.progress === 'completed') {
          await api.post(agency, as, `/actions/${action.actionId}/complete`, { outcome: action.outcome ?? 'Done.' });
          progress.event();
        }
      }
    }));
  }
}

/** An earlier demo's data is in place: find today's running meeting so the live concern still has a target. */
async function skipped(api: Api, scenarios: CaseScenario[], book: IdentityBook, started: number): Promise<SeedResult> {
  const meetings = await api.get<{ meetingId: string; status: string; agenda: string[] }[]>('conference', staff('chair'), '/meetings');
  const running = meetings.find((m) => m.status === 'running');
  const target = scenarios.find((s) => s.liveConcernTarget);
  return {
    skipped: true, cases: [], meetings: running ? { running: running.meetingId } : {}, events: 0, people: 0, identities: [],
    requests: api.stats.requests, retries: api.stats.retries, durationMs: Date.now() - started,
    ...(running?.agenda[0] && target ? { liveConcern: { caseRef: running.agenda[0], meetingId: running.meetingId, identity: book.get(target.victim) } } : {}),
  };
}

export type { Service };
