import { dashAnswers } from '../../support/fixtures.js';
import { eventually } from '../../support/infra.js';
import { daysAgo } from './scenario.js';

type Api = { get(path: string): Promise<{ status: number; body: any }>; post(path: string, body?: unknown): Promise<{ status: number; body: any }> };
export type Agency = 'police' | 'cps' | 'health' | 'advocacy';

export interface World {
  api: Record<Agency | 'chair', Api>;
  /** Referrals are made one at a time, so each new listing is known to be the one just made. */
  referring: { queue: Promise<unknown> };
}

export interface PersonDetails { given: string; family: string; dateOfBirth: string; postcode?: string }
/** One person as each agency knows them (their own person ids); the same link tokens everywhere. */
export interface Person { key: string; ids: Record<Agency, string> }

type Behaviour = string;
interface When { daysAgo: number }

/**
 * A scenario's people and records, entered through each agency's own API as staff would. Every record about a
 * victim is remembered, so the check can wait until the conference holds all of them before judging signals.
 */
export class ScenarioRun {
  private readonly shared = new Map<string, string[]>();
  private readonly victimOf = new Map<string, string>();

  constructor(readonly name: string, private readonly world: World) {}

  private async call(agency: Agency | 'chair', path: string, body: unknown): Promise<{ ref: string; eventId: string }> {
    const res = await this.world.api[agency].post(path, body);
    if (res.status !== 201) throw new Error(`scenario "${this.name}": ${agency} POST ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Remember a record about this victim: the case must hold it before its signals are judged. */
  private about(victim: Person, recorded: { ref: string; eventId: string }) {
    this.shared.set(victim.key, [...(this.shared.get(victim.key) ?? []), recorded.eventId]);
    return recorded;
  }

  private pair = (agency: Agency, victim: Person, suspect: Person) =>
    [{ personId: victim.ids[agency], role: 'victim' }, { personId: suspect.ids[agency], role: 'suspect' }];

  /** Register someone at every agency, each agency writing the name its own way if given. */
  async person(key: string, details: PersonDetails, spelt: Partial<Record<Agency, Partial<PersonDetails>>> = {}): Promise<Person> {
    const ids = {} as Record<Agency, string>;
    for (const agency of ['police', 'cps', 'health', 'advocacy'] as const) {
      const res = await this.world.api[agency].post('/people', { ...details, ...spelt[agency] });
      if (res.status !== 201 && res.status !== 200) throw new Error(`scenario "${this.name}": ${agency} could not register ${key}: ${JSON.stringify(res.body)}`);
      ids[agency] = res.body.personId;
    }
    return { key: `${this.name}:${key}`, ids };
  }

  police = {
    incident: (v: Person, s: Person, o: When & { behaviours: Behaviour[]; offenceClass: string; summary?: string }) =>
      this.call('police', '/incidents', {
        subjects: this.pair('police', v, s), occurredAt: daysAgo(o.daysAgo), behaviours: o.behaviours, offenceClass: o.offenceClass,
        summary: o.summary ?? `Reported: ${o.behaviours.join(', ')}`,
      }).then((r) => this.about(v, r)),
    reclassify: (v: Person, incidentRef: string, to: string) =>
      this.call('police', `/incidents/${incidentRef}/classification`, { to, reason: 'Course of conduct reviewed: this is stalking' }).then((r) => this.about(v, r)),
    /** A completed DASH with `ticks` yes answers (14+ is high, 10+ medium), or a declined one. */
    dash: (v: Person, s: Person, o: When & ({ ticks: number } | { declined: true }) & { victimOwnView?: string }) =>
      this.call('police', '/risk-assessments', {
        subjects: this.pair('police', v, s), occurredAt: daysAgo(o.daysAgo),
        ...('declined' in o ? { declined: true } : { declined: false, answers: dashAnswers(o.ticks) }),
        ...(o.victimOwnView ? { victimOwnView: o.victimOwnView } : {}),
      }).then((r) => this.about(v, r)),
    spoApplied: (v: Person, s: Person, o: When) =>
      this.call('police', '/spos', { subjects: this.pair('police', v, s), occurredAt: daysAgo(o.daysAgo), kind: 'interim' }).then((r) => this.about(v, r)),
    spoGranted: (v: Person, orderRef: string, o: When) =>
      this.call('police', `/spos/${orderRef}/grant`, {
        occurredAt: daysAgo(o.daysAgo), kind: 'interim', conditions: ['Not to contact the victim by any means'], expiresOn: daysAgo(-180).slice(0, 10),
      }).then((r) => this.about(v, r)),
    spoBreached: (v: Person, orderRef: string, o: When & { behaviours: Behaviour[] }) =>
      this.call('police', `/spos/${orderRef}/breaches`, { occurredAt: daysAgo(o.daysAgo), behaviours: o.behaviours }).then((r) => this.about(v, r)),
    spoConsidered: (v: Person, s: Person, o: When & { decision: 'applied' | 'not_applied'; reason: string; orderRef?: string }) =>
      this.call('police', '/spo-considerations', {
        subjects: this.pair('police', v, s), occurredAt: daysAgo(o.daysAgo), decision: o.decision, reason: o.reason, ...(o.orderRef ? { orderRef: o.orderRef } : {}),
      }).then((r) => this.about(v, r)),
    bail: (v: Person, s: Person, o: When) =>
      this.call('police', '/bail', { subjects: this.pair('police', v, s), occurredAt: daysAgo(o.daysAgo), conditions: ['Not to enter the victim\'s street'] }).then((r) => this.about(v, r)),
    bailBreached: (v: Person, bailRef: string, o: When & { behaviours: Behaviour[] }) =>
      this.call('police', `/bail/${bailRef}/breaches`, { occurredAt: daysAgo(o.daysAgo), behaviours: o.behaviours }).then((r) => this.about(v, r)),
  };

  cps = {
    restrainingOrder: (v: Person, s: Person, o: When) =>
      this.call('cps', '/restraining-orders', {
        subjects: this.pair('cps', v, s), occurredAt: daysAgo(o.daysAgo), onConviction: true, conditions: ['Not to contact the victim'],
      }).then((r) => this.about(v, r)),
    courtBail: (v: Person, s: Person, o: When) =>
      this.call('cps', '/bail-conditions', { subjects: this.pair('cps', v, s), occurredAt: daysAgo(o.daysAgo), conditions: ['To live and sleep at his mother\'s address'] }).then((r) => this.about(v, r)),
    courtBailBreached: (v: Person, bailRef: string, o: When & { behaviours: Behaviour[] }) =>
      this.call('cps', `/bail-conditions/${bailRef}/breaches`, { occurredAt: daysAgo(o.daysAgo), behaviours: o.behaviours }).then((r) => this.about(v, r)),
    restrainingOrderBreached: (v: Person, orderRef: string, o: When & { behaviours: Behaviour[] }) =>
      this.call('cps', `/restraining-orders/${orderRef}/breaches`, { occurredAt: daysAgo(o.daysAgo), behaviours: o.behaviours }).then((r) => this.about(v, r)),
  };

  health = {
    concern: (v: Person, s: Person, o: When & { category: string; about: 'victim' | 'suspect' }) =>
      this.call('health', '/concerns', {
        subjects: this.pair('health', v, s), occurredAt: daysAgo(o.daysAgo), subjectRole: o.about, category: o.category, severity: 'medium',
        contact: { service: 'ED safeguarding' }, detail: 'Seen in the emergency department',
      }).then((r) => this.about(v, r)),
  };

  advocacy = {
    /** Engagement with full consent to share: nothing from the advocate reaches the case without it. */
    engage: (v: Person, o: When) =>
      this.call('advocacy', '/engagements', {
        subjects: [{ personId: v.ids.advocacy, role: 'victim' }], occurredAt: daysAgo(o.daysAgo), consent: 'full', consentGivenOn: daysAgo(o.daysAgo).slice(0, 10),
      }).then((r) => this.about(v, r)),
    /** The victim's diary: `typedDaysAgo` is when the advocate wrote it up, `daysAgo` when it happened. */
    diary: (v: Person, s: Person, o: When & { behaviours: Behaviour[]; typedDaysAgo?: number }) =>
      this.call('advocacy', '/diary-entries', {
        subjects: this.pair('advocacy', v, s), occurredAt: daysAgo(o.typedDaysAgo ?? o.daysAgo), happenedAt: daysAgo(o.daysAgo),
        behaviours: o.behaviours, place: 'near home', account: 'In her words, as she told it',
      }).then((r) => this.about(v, r)),
    victimView: (v: Person, engagementRef: string, o: When & { grade: string }) =>
      this.call('advocacy', '/victim-views', {
        subjects: [{ personId: v.ids.advocacy, role: 'victim' }], occurredAt: daysAgo(o.daysAgo), engagementRef, ownViewOfRisk: o.grade, wishes: 'To feel safe going to work',
      }).then((r) => this.about(v, r)),
  };

  /** Refer the victim (and suspect) for a meeting and return the case the conference lists. */
  async refer(by: 'police' | 'health' | 'advocacy', v: Person, s: Person, criterion = 'high_risk'): Promise<string> {
    const turn = this.world.referring.queue.then(async () => {
      const before = new Set(((await this.world.api.chair.get('/cases')).body as { caseRef: string }[]).map((c) => c.caseRef));
      await this.call(by, '/referrals', { subjects: this.pair(by, v, s), criterion, reason: `Scenario: ${this.name}` });
      const listed = await eventually(async () => ((await this.world.api.chair.get('/cases')).body as { caseRef: string; status: string }[])
        .find((c) => !before.has(c.caseRef) && c.status === 'listed'), { what: `scenario "${this.name}": ${v.key}'s case to be listed`, timeoutMs: 30_000 });
      this.victimOf.set(listed.caseRef, v.key);
      return listed.caseRef;
    });
    this.world.referring.queue = turn.catch(() => undefined);
    return turn;
  }

  async close(caseRef: string): Promise<void> {
    const res = await this.world.api.chair.post(`/cases/${caseRef}/close`, { reason: 'risk_reduced' });
    if (res.status !== 201) throw new Error(`scenario "${this.name}": closing ${caseRef} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }

  /** The case view once the conference holds every record made about its victim. */
  async settled(caseRef: string): Promise<any> {
    const expected = this.shared.get(this.victimOf.get(caseRef) ?? '') ?? [];
    return eventually(async () => {
      const res = await this.world.api.chair.get(`/cases/${caseRef}`);
      if (res.status !== 200) return undefined;
      const held = new Set((res.body.view.timeline as { eventId: string }[]).map((e) => e.eventId));
      return expected.every((id) => held.has(id)) ? res.body : undefined;
    }, { what: `scenario "${this.name}": ${caseRef} to hold its ${expected.length} records`, timeoutMs: 60_000, intervalMs: 300 });
  }
}
