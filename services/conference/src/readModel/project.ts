import type { SubjectRole } from '@convene/shared/contracts';
import type {
  BailConditions, Breach, CaseAction, CaseSections, Disclosure, HealthConcern, RestrainingOrder, Spo, SpoConsideration, Sourced,
} from './sections.js';
import type { Facts, TimelineEntry } from './timeline.js';

type Of<K extends Facts['on']> = Extract<Facts, { on: K }>;

export function emptySections(): CaseSections {
  return {
    status: 'pending',
    area: null,
    listedAt: null,
    closedAt: null,
    retentionDays: null,
    listingEventId: null,
    referral: null,
    repeatOf: null,
    people: [],
    subjectTokens: { victim: [], suspect: [], child: [], other: [] },
    risk: { police: null, victimView: { police: null, advocacy: null }, conference: null },
    orders: { spos: [], restrainingOrders: [], bail: [], spoConsiderations: [], breaches: [] },
    actions: [],
    healthConcerns: [],
    disclosures: [],
    consent: null,
    victimVoice: { statement: null, safetyPlan: null, household: null, advocate: null, safeContact: null },
    researchSummaries: [],
  };
}

/**
 * Fold the sorted timeline into the rest of the view. The case's people come from its listings only: a record
 * never adds anyone to a case. Because it reads only the timeline, in time order,
 * "latest" always means latest by when it happened, never by when it was delivered.
 */
export function project(timeline: readonly TimelineEntry[]): CaseSections {
  const s = emptySections();
  const tokens: Record<SubjectRole, Set<string>> = { victim: new Set(), suspect: new Set(), child: new Set(), other: new Set() };
  const spos = new Map<string, Spo>();
  const restraining = new Map<string, RestrainingOrder>();
  const breaches: Breach[] = [];
  const bail = new Map<string, BailConditions>();
  const considerations: SpoConsideration[] = [];
  const actions = new Map<string, CaseAction>();
  const concerns = new Map<string, HealthConcern>();
  const disclosures = new Map<string, Disclosure>();

  for (const e of timeline) {
    const src: Sourced = { eventId: e.eventId, at: e.occurredAt };
    const f = e.facts;
    switch (f.on) {
      case 'listing':
        s.status = 'listed';
        s.listedAt = e.occurredAt;
        s.closedAt = null;
        s.retentionDays = null;
        s.listingEventId = e.eventId;
        s.referral = f.referral;
        s.repeatOf = f.repeatOf;
        s.area = f.area ?? s.area;
        s.people = f.people;
        for (const p of f.people) for (const t of p.tokens) tokens[p.role].add(t);
        break;
      case 'transfer':
        s.area = f.toArea;
        break;
      case 'closure':
        s.status = 'closed';
        s.closedAt = e.occurredAt;
        s.retentionDays = f.retentionDays;
        break;
      case 'police_risk':
        s.risk.police = {
          ...src, tool: f.tool, grade: f.grade, declined: f.declined, yesCount: f.yesCount,
          raisedByProfessionalJudgement: f.raisedByProfessionalJudgement,
        };
        if (f.victimOwnView) s.risk.victimView.police = { ...src, grade: f.victimOwnView };
        break;
      case 'victim_view':
        s.risk.victimView.advocacy = { ...src, grade: f.grade };
        if (f.wishes !== undefined) s.victimVoice.statement = { ...src, ownViewOfRisk: f.grade, wishes: f.wishes, fears: f.fears ?? null };
        break;
      case 'research_summary':
        if (e.agency !== 'conference') {
          const agency = e.agency;
          s.researchSummaries = [...s.researchSummaries.filter((r) => r.agency !== agency), { ...src, agency, summary: f.summary }];
        }
        break;
      case 'safety_plan':
        s.victimVoice.safetyPlan = { ...src, measures: f.measures, reviewOn: f.reviewOn };
        break;
      case 'household': {
        const { on: _, ...household } = f;
        s.victimVoice.household = { ...src, ...household };
        break;
      }
      case 'safe_contact': {
        const { on: _, ...contact } = f;
        s.victimVoice.safeContact = { ...src, ...contact };
        break;
      }
      case 'review':
        s.risk.conference = { ...src, grade: f.grade, nextReviewOn: f.nextReviewOn };
        break;
      case 'spo_applied':
      case 'spo_granted':
        applySpo(spos, f, src);
        break;
      case 'restraining_order': {
        const eventIds = [...(restraining.get(f.orderRef)?.eventIds ?? []), e.eventId];
        restraining.set(f.orderRef, {
          ...src, orderRef: f.orderRef, onConviction: f.onConviction, conditions: f.conditions, expiresOn: f.expiresOn, eventIds,
        });
        break;
      }
      case 'breach':
        breaches.push({ ...src, orderRef: f.orderRef, orderKind: f.orderKind ?? 'spo', behaviours: e.behaviours ?? [] });
        break;
      case 'bail':
        bail.set(f.bailRef, { ...src, bailRef: f.bailRef, conditions: f.conditions, until: f.until, eventIds: [...(bail.get(f.bailRef)?.eventIds ?? []), e.eventId] });
        break;
      case 'spo_considered':
        considerations.push({ ...src, decision: f.decision, orderRef: f.orderRef, reason: f.reason });
        break;
      case 'action':
        applyAction(actions, f, e);
        break;
      case 'concern':
        applyConcern(concerns, f, e.eventId);
        break;
      case 'disclosure':
        applyDisclosure(disclosures, f, e);
        break;
      case 'consent':
        s.consent = { ...src, level: f.level, limitedTo: f.limitedTo, givenOn: f.givenOn, revoked: false, revokedOn: null };
        if (f.advocate) s.victimVoice.advocate = { ...src, ...f.advocate };
        break;
      case 'consent_revoked':
        s.consent = { level: null, limitedTo: [], givenOn: null, ...s.consent, ...src, revoked: true, revokedOn: f.revokedOn };
        // With her consent taken back, advocacy shares nothing more, the allocation included.
        s.victimVoice.advocate = null;
        break;
      case 'incident':
      case 'research':
      case 'none':
        break;
    }
  }

  // A breach names its order by reference only; link it once every order is known.
  for (const b of breaches) {
    const ro = restraining.get(b.orderRef);
    if (b.orderKind === 'bail') bail.get(b.orderRef)?.eventIds.push(b.eventId);
    else if (ro) {
      b.orderKind = 'restraining_order';
      ro.eventIds.push(b.eventId);
    } else {
      spos.get(b.orderRef)?.eventIds.push(b.eventId);
    }
  }
  s.subjectTokens = {
    victim: [...tokens.victim].sort(), suspect: [...tokens.suspect].sort(),
    child: [...tokens.child].sort(), other: [...tokens.other].sort(),
  };
  s.orders = { spos: [...spos.values()], restrainingOrders: [...restraining.values()], bail: [...bail.values()], spoConsiderations: considerations, breaches };
  s.actions = [...actions.values()];
  s.healthConcerns = [...concerns.values()];
  s.disclosures = [...disclosures.values()];
  return s;
}

function applySpo(spos: Map<string, Spo>, f: Of<'spo_applied'> | Of<'spo_granted'>, src: Sourced): void {
  const spo = spos.get(f.orderRef) ?? { orderRef: f.orderRef, applied: null, granted: null, eventIds: [] };
  spos.set(f.orderRef, spo);
  spo.eventIds.push(src.eventId);
  if (f.on === 'spo_applied') spo.applied = { ...src, kind: f.spoKind };
  else spo.granted = { ...src, kind: f.spoKind, conditions: f.conditions, expiresOn: f.expiresOn };
}

function applyAction(actions: Map<string, CaseAction>, f: Of<'action'>, e: TimelineEntry): void {
  let action = actions.get(f.actionId);
  if (!action) {
    action = {
      actionId: f.actionId, owner: null, description: null, dueOn: null, status: 'open', statusAt: e.occurredAt,
      outcome: null, note: null, eventIds: [],
    };
    actions.set(f.actionId, action);
  }
  action.eventIds.push(e.eventId);
  if (f.assigned) {
    action.owner = f.assigned.owner;
    action.description = f.assigned.description;
    action.dueOn = f.assigned.dueOn;
  }
  // Before the assignment is seen, the agency accepting or completing the action is its owner.
  if (action.owner === null && e.agency !== 'conference') action.owner = e.agency;
  if (f.status) {
    action.status = f.status;
    action.statusAt = e.occurredAt;
  }
  if (f.outcome) action.outcome = f.outcome;
  if (f.note) action.note = f.note;
}

function applyConcern(concerns: Map<string, HealthConcern>, f: Of<'concern'>, eventId: string): void {
  const concern = concerns.get(f.concernRef) ?? {
    concernRef: f.concernRef, subjectRole: null, category: null, severity: null, contact: null, status: 'open',
    resolution: null, eventIds: [],
  };
  concerns.set(f.concernRef, concern);
  concern.eventIds.push(eventId);
  if (f.subjectRole) {
    // A fresh flag on the same reference reopens it.
    concern.subjectRole = f.subjectRole;
    concern.status = 'open';
    concern.resolution = null;
  }
  if (f.category) concern.category = f.category;
  if (f.severity) concern.severity = f.severity;
  if (f.contact) concern.contact = f.contact;
  if (f.resolution) {
    concern.status = 'resolved';
    concern.resolution = f.resolution;
  }
}

function applyDisclosure(disclosures: Map<string, Disclosure>, f: Of<'disclosure'>, e: TimelineEntry): void {
  const d = disclosures.get(f.requestRef) ?? {
    requestRef: f.requestRef, concernRef: f.concernRef, requestedAt: null, decision: 'pending', decidedAt: null,
    audience: null, detail: null, eventIds: [],
  };
  disclosures.set(f.requestRef, d);
  d.eventIds.push(e.eventId);
  if (f.decision === 'requested') {
    d.requestedAt ??= e.occurredAt;
    return;
  }
  d.decision = f.decision;
  d.decidedAt = e.occurredAt;
  d.audience = e.sharing === 'restricted' ? (e.audience ?? []) : null;
  d.detail = f.decision === 'disclosed' ? (f.detail ?? null) : null;
}
