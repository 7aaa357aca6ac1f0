/**
 * One stalking case built through the services' own APIs, as the people of the demo partnership would: each
 * agency records the victim and suspect and its history, police refer, the conference lists the case and
 * every agency answers; the chair then schedules a meeting with it on the agenda. Used by the browser tests
 * and by `npm run screenshots`. Plain fetch: runs under vitest and under tsx alike.
 */
import { issueLocalToken } from '@convene/shared/auth';
import { DEMO_PEOPLE, type DemoPerson } from '../../../services/conference/src/http/demoPartnership.js';
import { DEV_JWT_SECRET } from '../../../scripts/lib/devSecrets.js';
import { eventually as pollUntil } from '../../support/poll.js';

export interface Urls {
  conference: string;
  police: string;
  cps: string;
  health: string;
  advocacy: string;
}

type Role = DemoPerson['role'];

export function demo(role: Role): DemoPerson {
  const person = DEMO_PEOPLE.find((p) => p.role === role);
  if (!person) throw new Error(`no demo person with role ${role}`);
  return person;
}

export async function tokenOf(person: DemoPerson): Promise<string> {
  const { sub, name, agency, role } = person;
  return issueLocalToken(process.env.CONVENE_JWT_SECRET ?? DEV_JWT_SECRET, { sub, name, agency, role }, { expiresIn: '2h' });
}

/** A JSON client acting as one demo person; a non-2xx answer throws with the service's problem detail. */
export async function as(role: Role, baseUrl: string) {
  const token = await tokenOf(demo(role));
  return async <T = any>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${baseUrl}${path} → ${res.status} ${text.slice(0, 400)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

export function eventually<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  return pollUntil(check, { what, timeoutMs, intervalMs: 400 });
}

const DAY = 86_400_000;
const ago = (days: number, hour = 10) => new Date(Math.floor((Date.now() - days * DAY) / DAY) * DAY + hour * 3_600_000).toISOString();

/** Each run gets people of its own, so runs against a long-lived demo never join an earlier case. */
function people(tag: string) {
  const n = Number.parseInt(tag.slice(0, 6), 16) % 9000;
  // Names take letters only: the tag's hex digits become letters (0 → a … f → p).
  const letters = [...tag.slice(0, 6)].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
  const surname = (base: string) => `${base}-${letters.charAt(0).toUpperCase()}${letters.slice(1)}`;
  const year = 1980 + (n % 15);
  const day = String(1 + (n % 27)).padStart(2, '0');
  return {
    victim: { given: 'Hannah', family: surname('Clarke'), dateOfBirth: `${year}-03-${day}`, postcode: 'LS6 2AB' },
    suspect: { given: 'Darren', family: surname('Walsh'), dateOfBirth: `${year - 4}-11-${day}`, postcode: 'LS9 7QR' },
  };
}

/** This run's CPS case file: a URN from the run's tag, so runs against a long-lived demo file apart. */
function caseFileUrn(tag: string): string {
  const n = Number.parseInt(tag.slice(0, 8), 16);
  const unit = String.fromCharCode(65 + (n % 26), 65 + (Math.floor(n / 26) % 26));
  return `42${unit}${String(n % 100_000).padStart(5, '0')}${String(new Date().getUTCFullYear() % 100).padStart(2, '0')}`;
}

export interface SeededCase {
  caseRef: string;
  /** The CPS case file (URN) naming the suspect: what a history check on him needs. */
  urn: string;
  meetingId: string;
  /** Each agency's local ids for the two people. */
  ids: Record<'police' | 'cps' | 'health' | 'advocacy', { victim: string; suspect: string }>;
  victim: { given: string; family: string; dateOfBirth: string; postcode: string };
  suspect: { given: string; family: string; dateOfBirth: string; postcode: string };
}

/** Record the history at every agency, refer, wait for the listing and all four answers, schedule a meeting. */
export async function seedCase(urls: Urls, options: { tag: string; invite?: Role[]; title?: string }): Promise<SeededCase> {
  const { victim, suspect } = people(options.tag);
  const police = await as('police', urls.police);
  const cps = await as('cps', urls.cps);
  const health = await as('health', urls.health);
  const advocacy = await as('advocate', urls.advocacy);
  const chair = await as('chair', urls.conference);

  const record = async (call: typeof police) => ({
    victim: (await call<{ personId: string }>('POST', '/people', victim)).personId,
    suspect: (await call<{ personId: string }>('POST', '/people', suspect)).personId,
  });
  const ids = { police: await record(police), cps: await record(cps), health: await record(health), advocacy: await record(advocacy) };
  const pair = (agency: keyof typeof ids) => [{ personId: ids[agency].victim, role: 'victim' }, { personId: ids[agency].suspect, role: 'suspect' }];

  // Six weeks of a course of conduct, recorded as harassment: what the signals are there to catch.
  const incidents: [number, string[], string][] = [
    [40, ['messages', 'calls'], 'Forty unwanted messages and calls over a weekend'],
    [33, ['gifts'], 'Flowers and a card left at the victim\'s workplace'],
    [26, ['loitering_work'], 'Seen waiting outside the victim\'s workplace at closing time'],
    [19, ['following', 'approaching'], 'Followed the victim from the bus stop and approached her'],
    [9, ['social_media', 'contacting_third_parties'], 'Contacted the victim\'s sister through social media'],
    [4, ['threats'], 'Message threatening to "make her listen"'],
  ];
  for (const [days, behaviours, summary] of incidents) {
    await police('POST', '/incidents', { subjects: pair('police'), occurredAt: ago(days), behaviours, offenceClass: 'pha_s2', summary });
  }
  await police('POST', '/risk-assessments', { subjects: pair('police'), occurredAt: ago(18), declined: true, victimOwnView: 'high' });
  await advocacy('POST', '/engagements', { subjects: [{ personId: ids.advocacy.victim, role: 'victim' }], occurredAt: ago(30), consent: 'full', consentGivenOn: ago(30).slice(0, 10) });
  await advocacy('POST', '/diary-entries', {
    subjects: pair('advocacy'), occurredAt: ago(12), behaviours: ['loitering_home'], happenedAt: ago(13, 21), place: 'Outside home', account: 'He sat in his car across the road for an hour.',
  });
  await health('POST', '/concerns', {
    subjects: pair('health'), occurredAt: ago(15), subjectRole: 'victim', category: 'psychological_distress', severity: 'medium',
    contact: { service: 'Leeds GP practice' }, detail: 'Anxiety and insomnia since the contact began.',
  });
  const urn = caseFileUrn(options.tag);
  await cps('POST', '/charging-decisions', { urn, subjects: pair('cps'), occurredAt: ago(22), outcome: 'more_evidence_needed', offenceClass: 'pha_s2', rationale: 'Course of conduct not yet evidenced' });

  const listed = async () => (await chair<{ caseRef: string }[]>('GET', '/cases')).map((c) => c.caseRef);
  const before = new Set(await listed());
  const referral = await police<{ ref: string }>('POST', '/referrals', { subjects: pair('police'), criterion: 'professional_judgement', reason: 'Escalating course of conduct recorded as harassment' });
  const caseRef = await eventually('the case to be listed', async () => {
    for (const c of (await listed()).filter((ref) => !before.has(ref)).map((ref) => ({ caseRef: ref }))) {
      const view = await chair<{ view: { referral: { referralRef: string } | null } }>('GET', `/cases/${c.caseRef}`);
      if (view.view.referral?.referralRef === referral.ref) return c.caseRef;
    }
    return undefined;
  }, 90_000);
  let answered = new Set<string>();
  await eventually('every agency\'s research return', async () => {
    const { view } = await chair<{ view: { timeline: { agency: string; kind: string }[] } }>('GET', `/cases/${caseRef}`);
    answered = new Set(view.timeline.filter((e) => e.kind === 'other').map((e) => e.agency));
    return ['police', 'cps', 'health', 'advocacy'].every((a) => answered.has(a));
  }, 90_000).catch((err: Error) => {
    throw new Error(`${err.message} (answered so far: ${[...answered].join(', ') || 'none'})`);
  });

  await police('POST', '/research-summaries', { caseRef, summary: 'Four incidents since October, escalating to the workplace; DASH declined; no SPO yet.' });
  // The victim's own view, recorded once the case is listed, streams to it live.
  const engagement = await advocacy<{ ref: string }>('POST', '/engagements', {
    subjects: [{ personId: ids.advocacy.victim, role: 'victim' }], occurredAt: ago(1), consent: 'full', consentGivenOn: ago(1).slice(0, 10),
    advocate: { name: 'Kim Adeyemi', role: 'ISAC', service: 'Leeds stalking advocacy', telephone: '0113 496 0000' },
  });
  await advocacy('POST', '/victim-views', { subjects: [{ personId: ids.advocacy.victim, role: 'victim' }], occurredAt: ago(1, 11), engagementRef: engagement.ref, ownViewOfRisk: 'high', wishes: 'Wants him to stop contacting her family', fears: 'That he will turn up at her new job' });
  await advocacy('POST', '/safety-plans', { subjects: [{ personId: ids.advocacy.victim, role: 'victim' }], occurredAt: ago(1, 12), engagementRef: engagement.ref, measures: ['Panic alarm fitted at home', 'Safe route to work agreed with her employer'] });
  await advocacy('POST', '/households', { subjects: [{ personId: ids.advocacy.victim, role: 'victim' }], occurredAt: ago(1, 12), engagementRef: engagement.ref, childrenAges: [4, 9], otherAdults: 0, safeguardingReferralMade: false });
  await advocacy('POST', '/safe-contacts', { subjects: [{ personId: ids.advocacy.victim, role: 'victim' }], occurredAt: ago(1, 12), engagementRef: engagement.ref, contactingAgencies: ['police'], safeTimes: 'Weekdays 12:00-13:00', safeNumber: '07700 900123', noPostHome: true });

  const invite = options.invite ?? ['police', 'cps', 'health', 'caldicott', 'advocate'];
  const members = DEMO_PEOPLE.filter((p) => invite.includes(p.role)).map((p) => ({ userId: p.sub, displayName: p.name, agency: p.agency, role: p.role }));
  const meeting = await chair<{ meetingId: string }>('POST', '/meetings', {
    title: options.title ?? 'Leeds stalking clinic', scheduledFor: new Date(Date.now() + 3_600_000).toISOString(), members, agenda: [caseRef],
  });
  return { caseRef, urn, meetingId: meeting.meetingId, ids, victim, suspect };
}

/** Each agency's and the conference's de-identified figures for a month, published as their staff would. */
export async function publishStatistics(urls: Urls, month: string): Promise<void> {
  const publishers: [Role, string, string][] = [
    ['police', urls.police, `/statistics/${month}/publish`],
    ['cps', urls.cps, `/statistics/${month}/publish`],
    ['health', urls.health, `/statistics/${month}/publish`],
    ['advocate', urls.advocacy, `/statistics/${month}/publish`],
    ['chair', urls.conference, `/scrutiny/statistics/${month}/publish`],
  ];
  await Promise.all(publishers.map(async ([role, base, path]) => (await as(role, base))('POST', path, {})));
}

/** Waits until the conference holds every agency's figures for the month (they reach it over Kafka). */
export async function statisticsArrived(urls: Urls, month: string, timeoutMs = 60_000): Promise<void> {
  const scrutiny = await as('scrutiny', urls.conference);
  await eventually(`every agency's figures for ${month} to reach the conference`, async () => {
    const figures = await scrutiny<{ months: { agencies: { published: boolean }[] }[] }>('GET', `/scrutiny/figures?to=${month}&months=1`);
    return figures.months[0]?.agencies.every((a) => a.published) ?? false;
  }, timeoutMs);
}
