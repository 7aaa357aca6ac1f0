/**
 * The vocabulary scenarios are written in: a case's records as steps (one API call that records one event),
 * grouped into chains (steps that depend on each other, run in order). The seeder runs independent chains
 * side by side. Builders here fill in the request bodies each service expects (see services/<agency>/src/http).
 */
import { createHash } from 'node:crypto';
import type { Behaviour, ConcernCategory, DisclosureDecisionCommand, OffenceClass, RiskGrade } from '@convene/shared/contracts';
import { DASH_QUESTIONS, SDASH_QUESTIONS } from '@convene/shared/contracts';
import type { Rng } from '../random.js';
import type { IdentityBook, PersonKind } from '../identities.js';
import { CONTACTS, diaryAccount, diaryPlace, incidentLocation, incidentSummary, type ContactPoint } from './phrases.js';

export type Agency = 'police' | 'cps' | 'health' | 'advocacy';
export type SubjectRole = 'victim' | 'suspect' | 'child' | 'other';
export type Refs = Record<string, string>;

export interface StepContext {
  /** The person's id in the agency the step writes to. */
  personId(key: string): string;
  refs: Readonly<Refs>;
}

/** One API call that records one event. */
export interface Step {
  agency: Agency;
  /** What it records, for progress and error messages. */
  what: string;
  path: string | ((refs: Readonly<Refs>) => string);
  body: (ctx: StepContext) => unknown;
  /** Keep the answer's reference (`ref`, `requestRef` or a FHIR `id`) under this name for later steps. */
  save?: string;
  /** Recorded by the Caldicott guardian rather than the agency's usual member of staff. */
  asCaldicott?: boolean;
  contentType?: string;
}

/** Steps run in order; chains run side by side. */
export type Chain = Step[];

export interface ActionSpec {
  agency: Agency;
  description: string;
  /** Negative: due before today (overdue unless completed). */
  dueInDays: number;
  /** How far the agency has taken it by the time the demo starts. */
  progress: 'assigned' | 'accepted' | 'completed';
  outcome?: string;
}

export interface MeetingDecision {
  riskDecision: RiskGrade;
  rationale: string;
  /** Days from now: 0 = today's (running) meeting, 7 = next week's. */
  nextReviewInDays: number;
  actions: ActionSpec[];
}

export interface DisclosureSpec {
  /** The saved ref of the concern whose detail the chair asks for. */
  concern: string;
  reason: string;
  /** The Caldicott guardian's answer; none leaves the request pending in the queue. */
  decision?: DisclosureDecisionCommand;
}

export type MeetingKey = 'ended' | 'running' | 'next';

export interface PersonSpec {
  key: string;
  kind: PersonKind;
  /** Shares a home (postcode) with this person. */
  home?: string;
}

export interface CaseScenario {
  key: string;
  /** What the case shows, for the seeding report. Never a name. */
  title: string;
  people: PersonSpec[];
  /** The victim the case is about (the referral names them). */
  victim: string;
  /** Steps others depend on (engagements, SPO applications, charging decisions): recorded first. */
  setup: Chain[];
  /** The rest of the history before the referral, over the last six months. */
  history: Chain[];
  referral: { agency: 'police' | 'health' | 'advocacy'; criterion: string; reason: string; subjects: [string, SubjectRole][] };
  /** Recorded once the case is listed and every agency has answered: streamed to the conference live. */
  live: Chain[];
  /** The agendas this case is on. */
  agendas: MeetingKey[];
  /** Decisions at last month's (ended) meeting. */
  lastMonth?: MeetingDecision;
  disclosures?: { meeting: 'ended' | 'running'; spec: DisclosureSpec }[];
  /** Closed after last month's meeting (the first listing of a repeat referral). */
  closeAfterMeeting?: 'risk_reduced' | 'victim_moved_away' | 'victim_request' | 'transferred' | 'no_further_involvement';
  /** This case is the re-referral of that scenario's case, after it was closed. */
  repeatOf?: string;
  /** Where the demo's mid-meeting health concern lands. */
  liveConcernTarget?: boolean;
}

/** How many events a scenario records, counting the conference's own decisions about it. */
export function plannedEvents(s: CaseScenario): number {
  const steps = [...s.setup, ...s.history, ...s.live].reduce((n, chain) => n + chain.length, 0);
  const decisions = s.lastMonth ? 1 + s.lastMonth.actions.reduce((n, a) => n + 1 + (a.progress === 'assigned' ? 0 : a.progress === 'accepted' ? 1 : 2), 0) : 0;
  const disclosures = (s.disclosures ?? []).reduce((n, d) => n + 1 + (d.spec.decision ? 1 : 0), 0);
  return steps + 1 + decisions + disclosures + (s.closeAfterMeeting ? 1 : 0);
}

const DAY = 86_400_000;

export interface KitOptions {
  rng: Rng;
  now: Date;
  victim: string;
  suspect: string;
}

export type Answer = 'yes' | 'no' | 'not_known';

/** 27 DASH answers with `yes` ticks; the stalking question (which opens S-DASH) is one of them if `stalking`. */
export function dashAnswers(rng: Rng, yes: number, stalking: boolean): { answers: Record<string, Answer>; sdashAnswers?: Record<string, Answer> } {
  const others = DASH_QUESTIONS.filter((q) => q !== 'stalking_or_harassment');
  const ticked = new Set(rng.sample(others, Math.max(0, yes - (stalking ? 1 : 0))));
  const unknown = new Set(rng.sample(others.filter((q) => !ticked.has(q)), rng.int(0, 2)));
  const answers: Record<string, Answer> = {};
  for (const q of DASH_QUESTIONS) {
    answers[q] = q === 'stalking_or_harassment' ? (stalking ? 'yes' : 'no') : ticked.has(q) ? 'yes' : unknown.has(q) ? 'not_known' : 'no';
  }
  if (!stalking) return { answers };
  const sdashYes = new Set(rng.sample(SDASH_QUESTIONS, rng.int(5, 9)));
  return { answers, sdashAnswers: Object.fromEntries(SDASH_QUESTIONS.map((q) => [q, sdashYes.has(q) ? 'yes' : 'no'])) };
}

/** Days before now at which `count` things happened between `from` and `to` days ago; `pace` > 1 bunches them late. */
export function spread(rng: Rng, count: number, from: number, to: number, pace = 1.6): number[] {
  const days: number[] = [];
  for (let i = 0; i < count; i++) {
    const position = count === 1 ? 1 : i / (count - 1);
    const eased = 1 - (1 - position) ** pace;
    const jitter = (rng.next() - 0.5) * ((from - to) / Math.max(count, 1)) * 0.8;
    days.push(Math.max(to, Math.min(from, from - (from - to) * eased + jitter)));
  }
  return days.sort((a, b) => b - a);
}

/**
 * The URN of the CPS case file about this victim and suspect: force 42, a unit and case number from the pair,
 * this year. From the keys, not the rng, so adding it moved no other seeded value.
 */
export function caseFileUrn(victim: string, suspect: string, now: Date): string {
  const hash = createHash('sha256').update(`${victim}|${suspect}`).digest();
  const unit = String.fromCharCode(65 + (hash[0]! % 26), 65 + (hash[1]! % 26));
  return `42${unit}${String(hash.readUInt32BE(2) % 100_000).padStart(5, '0')}${String(now.getUTCFullYear() % 100).padStart(2, '0')}`;
}

/** Builders for one case's records, bound to its victim and suspect (and their CPS case file). */
export function caseKit({ rng, now, victim, suspect }: KitOptions) {
  const urn = caseFileUrn(victim, suspect, now);
  /** A time `daysAgo` days before now at a plausible hour, never in the future. */
  function at(daysAgo: number): string {
    const day = new Date(now.getTime() - daysAgo * DAY);
    day.setUTCHours(rng.int(7, 22), rng.int(0, 59), rng.int(0, 59), 0);
    const latest = now.getTime() - 5 * 60_000;
    if (day.getTime() > latest) return new Date(latest - rng.int(5, 180) * 60_000).toISOString();
    return day.toISOString();
  }
  function date(daysFromNow: number): string {
    return new Date(now.getTime() + daysFromNow * DAY).toISOString().slice(0, 10);
  }
  const both = (ctx: StepContext) => [{ personId: ctx.personId(victim), role: 'victim' }, { personId: ctx.personId(suspect), role: 'suspect' }];
  const victimOnly = (ctx: StepContext) => [{ personId: ctx.personId(victim), role: 'victim' }];

  return {
    rng,
    at,
    date,
    both,
    victimOnly,

    // police
    incident(daysAgo: number, behaviours: Behaviour[], offenceClass: OffenceClass, save?: string): Step {
      const occurredAt = at(daysAgo);
      const summary = incidentSummary(behaviours, rng);
      const location = incidentLocation(behaviours, rng);
      return {
        agency: 'police', what: 'incident', path: '/incidents', ...(save ? { save } : {}),
        body: (ctx) => ({ subjects: both(ctx), occurredAt, behaviours, offenceClass, summary, ...(location ? { location } : {}) }),
      };
    },
    dash(daysAgo: number, options: { yes: number; stalking: boolean; victimOwnView?: RiskGrade; judgement?: { grade: RiskGrade; rationale: string } }): Step {
      const occurredAt = at(daysAgo);
      const { answers, sdashAnswers } = dashAnswers(rng, options.yes, options.stalking);
      return {
        agency: 'police', what: 'DASH risk assessment', path: '/risk-assessments',
        body: (ctx) => ({
          subjects: both(ctx), occurredAt, declined: false, answers, ...(sdashAnswers ? { sdashAnswers } : {}),
          ...(options.judgement ? { professionalJudgement: options.judgement } : {}),
          ...(options.victimOwnView ? { victimOwnView: options.victimOwnView } : {}),
        }),
      };
    },
    declinedDash(daysAgo: number, victimOwnView: RiskGrade): Step {
      const occurredAt = at(daysAgo);
      return {
        agency: 'police', what: 'declined DASH', path: '/risk-assessments',
        body: (ctx) => ({ subjects: both(ctx), occurredAt, declined: true, victimOwnView }),
      };
    },
    reclassify(incident: string, to: OffenceClass, reason: string): Step {
      return { agency: 'police', what: 'reclassification', path: (refs) => `/incidents/${refs[incident]}/classification`, body: () => ({ to, reason }) };
    },
    arrest(daysAgo: number, offenceClass: OffenceClass): Step {
      const occurredAt = at(daysAgo);
      return { agency: 'police', what: 'arrest', path: '/arrests', body: (ctx) => ({ subjects: both(ctx), occurredAt, offenceClass }) };
    },
    policeBail(daysAgo: number, conditions: string[], untilInDays: number): Step {
      const occurredAt = at(daysAgo);
      return { agency: 'police', what: 'police bail', path: '/bail', body: (ctx) => ({ subjects: both(ctx), occurredAt, conditions, until: date(untilInDays) }) };
    },
    spoApply(daysAgo: number, kind: 'interim' | 'full', save: string): Step {
      const occurredAt = at(daysAgo);
      return { agency: 'police', what: 'SPO application', path: '/spos', save, body: (ctx) => ({ subjects: both(ctx), occurredAt, kind }) };
    },
    spoGrant(daysAgo: number, order: string, kind: 'interim' | 'full', conditions: string[], expiresInDays: number): Step {
      const occurredAt = at(daysAgo);
      return {
        agency: 'police', what: 'SPO granted', path: (refs) => `/spos/${refs[order]}/grant`,
        body: () => ({ occurredAt, kind, conditions, expiresOn: date(expiresInDays) }),
      };
    },
    spoBreach(daysAgo: number, order: string, behaviours: Behaviour[]): Step {
      const occurredAt = at(daysAgo);
      return { agency: 'police', what: 'SPO breach', path: (refs) => `/spos/${refs[order]}/breaches`, body: () => ({ occurredAt, behaviours }) };
    },

    // CPS
    charging(daysAgo: number, outcome: 'charge' | 'no_further_action' | 'caution' | 'more_evidence_needed', offenceClass: OffenceClass, rationale: string, save?: string): Step {
      const occurredAt = at(daysAgo);
      return {
        agency: 'cps', what: 'charging decision', path: '/charging-decisions', ...(save ? { save } : {}),
        body: (ctx) => ({ urn, subjects: both(ctx), occurredAt, outcome, offenceClass, rationale }),
      };
    },
    hearing(daysAgo: number, court: string, hearingInDays: number, hearingType: 'first_appearance' | 'plea' | 'trial' | 'sentencing' | 'bail' | 'other'): Step {
      const occurredAt = at(daysAgo);
      const hearingAt = new Date(now.getTime() + hearingInDays * DAY);
      hearingAt.setUTCHours(9, 30, 0, 0);
      return {
        agency: 'cps', what: 'hearing', path: '/hearings',
        body: (ctx) => ({ urn, subjects: both(ctx), occurredAt, court, hearingAt: hearingAt.toISOString(), hearingType }),
      };
    },
    courtOutcome(daysAgo: number, decision: string, outcome: 'convicted' | 'acquitted' | 'discontinued' | 'withdrawn', offenceClass: OffenceClass): Step {
      const occurredAt = at(daysAgo);
      return { agency: 'cps', what: 'case outcome', path: '/outcomes', body: (ctx) => ({ decisionRef: ctx.refs[decision], occurredAt, outcome, offenceClass }) };
    },
    restrainingOrder(daysAgo: number, onConviction: boolean, conditions: string[], expiresInDays: number): Step {
      const occurredAt = at(daysAgo);
      return {
        agency: 'cps', what: 'restraining order', path: '/restraining-orders',
        body: (ctx) => ({ subjects: both(ctx), occurredAt, onConviction, conditions, expiresOn: date(expiresInDays) }),
      };
    },
    courtBail(daysAgo: number, conditions: string[], untilInDays: number): Step {
      const occurredAt = at(daysAgo);
      return { agency: 'cps', what: 'bail conditions', path: '/bail-conditions', body: (ctx) => ({ subjects: both(ctx), occurredAt, conditions, until: date(untilInDays) }) };
    },
    /** A history check on the suspect of this case's CPS case file (a charging decision or hearing of the kit must come first). */
    historyRequest(person: string, purpose: string): Step {
      return {
        agency: 'cps', what: 'history check request', path: '/history-requests', save: 'historyRequest',
        body: (ctx) => ({ urn, suspects: [ctx.personId(person)], lawfulBasis: 'charging_decision', purpose }),
      };
    },

    // health
    concern(daysAgo: number, about: 'victim' | 'suspect', category: ConcernCategory, severity: 'low' | 'medium' | 'high', contact: ContactPoint, detail: string, save?: string): Step {
      const occurredAt = at(daysAgo);
      return {
        agency: 'health', what: 'health concern', path: '/concerns', ...(save ? { save } : {}),
        // Named with the victim too, so a concern about the suspect reaches the victim's case.
        body: (ctx) => ({ subjects: about === 'victim' ? victimOnly(ctx) : both(ctx), occurredAt, subjectRole: about, category, severity, contact, detail }),
      };
    },
    fhirFlag(daysAgo: number, category: ConcernCategory, severity: 'low' | 'medium' | 'high', contact: ContactPoint, detail: string, save?: string): Step {
      const start = at(daysAgo);
      return {
        agency: 'health', what: 'FHIR Flag', path: '/fhir/Flag', contentType: 'application/fhir+json', ...(save ? { save } : {}),
        body: (ctx) => fhirFlagBody(ctx.personId(victim), category, severity, contact, detail, start),
      };
    },

    // advocacy
    engage(daysAgo: number, consent: 'full' | 'limited' = 'full', limitedTo?: Agency[]): Step {
      const occurredAt = at(daysAgo);
      return {
        agency: 'advocacy', what: 'engagement', path: '/engagements', save: 'engagement',
        body: (ctx) => ({ subjects: victimOnly(ctx), occurredAt, consent, consentGivenOn: occurredAt.slice(0, 10), ...(limitedTo ? { limitedTo } : {}) }),
      };
    },
    victimView(daysAgo: number, ownViewOfRisk: RiskGrade, wishes: string, fears?: string): Step {
      const occurredAt = at(daysAgo);
      return {
        agency: 'advocacy', what: 'victim view', path: '/victim-views',
        body: (ctx) => ({ subjects: victimOnly(ctx), occurredAt, engagementRef: ctx.refs.engagement, ownViewOfRisk, wishes, ...(fears ? { fears } : {}) }),
      };
    },
    safetyPlan(daysAgo: number, measures: string[], reviewInDays: number): Step {
      const occurredAt = at(daysAgo);
      return {
        agency: 'advocacy', what: 'safety plan', path: '/safety-plans',
        body: (ctx) => ({ subjects: victimOnly(ctx), occurredAt, engagementRef: ctx.refs.engagement, measures, reviewOn: date(reviewInDays) }),
      };
    },
    diary(daysAgo: number, behaviours: Behaviour[]): Step {
      const happenedAt = at(daysAgo);
      const recorded = Math.min(Date.parse(happenedAt) + rng.int(2, 40) * 3600_000, now.getTime() - 60_000);
      const account = diaryAccount(behaviours, rng);
      const place = diaryPlace(behaviours, rng);
      return {
        agency: 'advocacy', what: 'diary entry', path: '/diary-entries',
        body: (ctx) => ({ subjects: both(ctx), occurredAt: new Date(recorded).toISOString(), happenedAt, behaviours, place, account }),
      };
    },
  };
}

export type CaseKit = ReturnType<typeof caseKit>;

export const FHIR = {
  category: 'https://convene.example/fhir/CodeSystem/concern-category',
  severity: 'https://convene.example/fhir/StructureDefinition/concern-severity',
  role: 'https://convene.example/fhir/StructureDefinition/subject-role',
} as const;

/** A FHIR R4 Flag raising a concern about a victim, as an ED system would send it. */
export function fhirFlagBody(personId: string, category: ConcernCategory, severity: 'low' | 'medium' | 'high', contact: ContactPoint, detail: string, start: string) {
  return {
    resourceType: 'Flag',
    status: 'active',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'safety', display: 'Safety' }] }],
    code: { coding: [{ system: FHIR.category, code: category }], text: detail },
    extension: [{ url: FHIR.severity, valueCode: severity }, { url: FHIR.role, valueCode: 'victim' }],
    subject: { reference: `Patient/${personId}` },
    period: { start },
    author: { display: contact.service },
  };
}

export { CONTACTS };

/** What every scenario builder is given. */
export interface ScenarioContext {
  root: Rng;
  now: Date;
  /** 1 = the full demo; smaller for quick seeds (tests). */
  scale: number;
  book: IdentityBook;
  /** `base` scaled, at least `min`. */
  n(base: number, min?: number): number;
}

/**
 * One or two behaviours for a point in a course of conduct: `stages` lists the pools from its start to its
 * latest phase, so that behaviour steps up over time as it does in real cases.
 */
export function conduct(rng: Rng, stages: readonly (readonly Behaviour[])[], progress: number): Behaviour[] {
  const index = Math.min(stages.length - 1, Math.floor(progress * stages.length));
  const pool = stages[index]!;
  const first = rng.pick(pool);
  if (!rng.chance(0.35)) return [first];
  const earlier = stages[Math.max(0, index - 1)]!;
  const second = rng.pick([...pool, ...earlier].filter((b) => b !== first));
  return second ? [first, second] : [first];
}

/** `count` incidents spread from `from` to `to` days ago, escalating through `stages`. */
export function incidents(kit: CaseKit, count: number, from: number, to: number, stages: readonly (readonly Behaviour[])[], offenceClassFor: (behaviours: Behaviour[]) => OffenceClass): Chain[] {
  return spread(kit.rng, count, from, to).map((daysAgo, i) => {
    const behaviours = conduct(kit.rng, stages, count === 1 ? 1 : i / (count - 1));
    return [kit.incident(daysAgo, behaviours, offenceClassFor(behaviours))];
  });
}

/** `count` diary entries spread from `from` to `to` days ago, escalating through `stages`. */
export function diaryEntries(kit: CaseKit, count: number, from: number, to: number, stages: readonly (readonly Behaviour[])[]): Chain[] {
  return spread(kit.rng, count, from, to, 1.3).map((daysAgo, i) => [kit.diary(daysAgo, conduct(kit.rng, stages, count === 1 ? 1 : i / (count - 1)))]);
}
