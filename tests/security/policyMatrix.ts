/*
 * The authorisation matrix as data, computed from the services' own policy modules and access rules (never
 * typed by hand): used by scripts/security-matrix.ts to write docs/security.md, by its staleness test, and by
 * the matrix tests to know what each cell must answer.
 */
import type { Policy } from '@convene/shared/http';
import type { Principal } from '@convene/shared/auth';
import type { Role } from '@convene/shared/contracts';
import { policePolicy } from '../../services/police/src/domain/policy.js';
import { cpsPolicy } from '../../services/cps/src/domain/policy.js';
import { healthPolicy } from '../../services/health/src/domain/policy.js';
import { advocacyPolicy } from '../../services/advocacy/src/domain/policy.js';
import { conferencePolicy, conferenceRules } from '../../services/conference/src/domain/policy.js';
import { assertCaseAccess, assertMeetingAccess } from '../../services/conference/src/domain/access.js';
import { isChair, isMember, type Meeting } from '../../services/conference/src/domain/meeting.js';
import { sharingRulesMarkdown } from './sharingRules.js';
import { CALLERS, MATRIX_ROLES, PRINCIPALS, SERVICES, type Caller, type MatrixRole, type ServiceName } from './principals.js';

export const POLICIES: Record<ServiceName, Policy> = {
  conference: conferencePolicy,
  police: policePolicy,
  cps: cpsPolicy,
  health: healthPolicy,
  advocacy: advocacyPolicy,
};

/** Each service's rule table (permission → roles), as its policy module holds it. */
export const RULES: Record<ServiceName, Record<string, readonly Role[]>> = {
  conference: conferenceRules,
  police: policePolicy.rules,
  cps: cpsPolicy.rules,
  health: healthPolicy.rules,
  advocacy: advocacyPolicy.rules,
};

/** The roles of other agencies each agency service also serves (hospital IDVAs at advocacy). */
export const WORKING_WITH: Record<Exclude<ServiceName, 'conference'>, Partial<Record<string, readonly Role[]>>> = {
  police: policePolicy.workingWith,
  cps: cpsPolicy.workingWith,
  health: healthPolicy.workingWith,
  advocacy: advocacyPolicy.workingWith,
};

/** Does the service's policy let this caller use this permission? `public` needs no token. */
export function allows(service: ServiceName, caller: Caller, permission: string): boolean {
  if (permission === 'public') return true;
  if (caller === 'unauthenticated') return false;
  return POLICIES[service](PRINCIPALS[caller], permission);
}

/** The expected HTTP outcome of a cell, before any resource-level check. */
export function expectedOutcome(service: ServiceName, caller: Caller, permission: string): 'allowed' | 401 | 403 {
  if (permission === 'public') return 'allowed';
  if (caller === 'unauthenticated') return 401;
  return allows(service, caller, permission) ? 'allowed' : 403;
}

export interface Endpoint {
  method: string;
  path: string;
  operationId: string;
  permission: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The operations of an OpenAPI document with the policy permission each needs (`x-convene-permission`). */
export function endpointsOf(doc: Record<string, unknown>): Endpoint[] {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  const list: Endpoint[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const security = op.security as unknown[] | undefined;
      const permission = Array.isArray(security) && security.length === 0 ? 'public' : op['x-convene-permission'];
      if (typeof permission !== 'string' || !permission) throw new Error(`${method.toUpperCase()} ${path} names no permission and is not public`);
      list.push({ method: method.toUpperCase(), path, operationId: String(op.operationId ?? ''), permission });
    }
  }
  return list;
}

// Conference membership: evaluated with the conference's own access functions on a fixture meeting.

const CASE_REF = 'CNV-2026-000001';
const OTHER_CHAIR = 'another-chair';

/** A meeting with the case on its agenda; `invited` makes the principal its member (a chair: its chair). */
function meetingFor(principal: Principal, invited: boolean): Meeting {
  const chairsIt = invited && principal.role === 'chair';
  return {
    meetingId: '00000000-0000-4000-8000-000000000001', title: 'fixture', scheduledFor: '2026-01-01T10:00:00Z', area: null,
    chair: { userId: chairsIt ? principal.sub : OTHER_CHAIR },
    members: invited && !chairsIt ? [{ userId: principal.sub, agency: principal.agency, role: principal.role }] : [{ userId: 'someone-else', agency: 'police', role: 'police' }],
    agenda: [CASE_REF], status: 'running', position: 0, startedAt: null, endedAt: null, attendance: null, appliedEventIds: [],
  };
}

function passes(check: () => void): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

export interface MembershipRule {
  action: string;
  /** The route permission checked first, if any. */
  permission: string | null;
  /** The check made on top, for the record. */
  check: string;
  decide(principal: Principal, meeting: Meeting): boolean;
}

/** What the conference checks beyond the role: each decided by the same functions the handlers call. */
export const MEMBERSHIP_RULES: MembershipRule[] = [
  {
    action: 'read a listed case — `GET /cases/{caseRef}`', permission: 'cases.read', check: '`assertCaseAccess`',
    decide: (p, m) => passes(() => assertCaseAccess({ principal: p, caseRef: CASE_REF, meetingsWithCase: [m], openActions: [], now: new Date(m.scheduledFor), afterMeetingDays: 7, areas: { ofCase: 'local', ofViewer: 'local' } })),
  },
  {
    action: 'read a meeting — `GET /meetings/{meetingId}`', permission: 'meetings.read', check: '`assertMeetingAccess`',
    decide: (p, m) => passes(() => assertMeetingAccess(p, m)),
  },
  {
    action: 'run a meeting — agenda, start, move, end', permission: 'meetings.manage', check: '`isChair`',
    decide: (p, m) => isChair(m, p),
  },
  {
    action: 'join a live meeting — socket `join`, `catchUp`', permission: 'meetings.read', check: '`decideMeetingAccess` (realtime/connection.ts)',
    decide: (p, m) => isMember(m, p),
  },
];

/** One membership cell: the role, invited (a chair: chairing it) or not. */
export function membershipAllows(rule: MembershipRule, role: MatrixRole, invited: boolean): boolean {
  const principal = PRINCIPALS[role];
  if (rule.permission && !conferencePolicy(principal, rule.permission)) return false;
  return rule.decide(principal, meetingFor(principal, invited));
}

// Markdown.

const yes = '✅';
const no = '—';

function roleList(roles: readonly string[]): string {
  return roles.length ? roles.map((r) => `\`${r}\``).join(', ') : '_nobody_';
}

/** docs/security.md, from the policies and the OpenAPI documents. */
export function securityMarkdown(docs: Record<ServiceName, Record<string, unknown>>): string {
  const lines: string[] = [
    '# Security: who may do what',
    '',
    '<!-- Generated by `npm run docs:security` (scripts/security-matrix.ts) from each service\'s policy module, the',
    '     conference\'s access rules and the OpenAPI documents; do not edit by hand. A unit test fails when it is stale. -->',
    '',
    'Every service authorises in one place: the route layer (`shared/src/http/routes.ts`) asks the service\'s policy',
    'whether the caller\'s role may use the route\'s permission before any handler runs. An agency service grants a',
    'permission only to the listed roles **of its own agency**, and to the roles of another agency it names as working',
    'with it (advocacy serves hospital IDVAs, `health_idva` of health, for casework with victims; never its figures,',
    'actions or match decisions); the conference grants by role, then checks',
    'membership of the meeting or case on top. No token, or a bad one (expired, wrongly signed, `alg: none`, another',
    'audience or issuer), is `401`; a role the policy does not list is `403`; both are `application/problem+json`.',
    '',
    `Callers in the matrix (role / agency): ${MATRIX_ROLES.map((r) => `\`${r}\`/${PRINCIPALS[r].agency}`).join(', ')}, and unauthenticated.`,
    'The matrix tests (`tests/integration/security-authz.int.spec.ts`, `tests/reliability/security-authz.rel.spec.ts`) call every',
    'endpoint below as each of them and assert every cell.',
    '',
  ];
  for (const service of SERVICES) {
    const rules = RULES[service];
    lines.push(`## ${service}`, '', '### Permissions', '', '| Permission | Roles allowed |', '| --- | --- |');
    for (const [permission, roles] of Object.entries(rules)) {
      const guests = service === 'conference' ? [] : Object.entries(WORKING_WITH[service]).flatMap(([agency, rs]) => (rs ?? []).filter((r) => roles.includes(r)).map((r) => `${r} of ${agency}`));
      const own = roles.filter((r) => !guests.some((g) => g.startsWith(`${r} of`)));
      lines.push(`| \`${permission}\` | ${roleList(own)}${service === 'conference' ? '' : ` (of ${service})`}${guests.length ? `; ${guests.map((g) => `\`${g.split(' of ')[0]}\` of ${g.split(' of ')[1]}`).join(', ')}` : ''} |`);
    }
    lines.push('', '### Endpoints', '');
    lines.push(`| Method | Path | Permission | ${CALLERS.join(' | ')} |`, `| --- | --- | --- | ${CALLERS.map(() => ':---:').join(' | ')} |`);
    for (const e of endpointsOf(docs[service])) {
      const cells = CALLERS.map((c) => (allows(service, c, e.permission) ? yes : no));
      lines.push(`| ${e.method} | \`${e.path}\` | ${e.permission === 'public' ? 'public' : `\`${e.permission}\``} | ${cells.join(' | ')} |`);
    }
    const unused = Object.keys(rules).filter((p) => !endpointsOf(docs[service]).some((e) => e.permission === p));
    if (unused.length) lines.push('', `Permissions no endpoint uses: ${unused.map((p) => `\`${p}\``).join(', ')}.`);
    lines.push('');
  }
  lines.push(
    '## Conference membership',
    '',
    'Before anything else, areas: where the conference serves several (`CONVENE_AREAS`), a person reads, lists and',
    'decides only the cases and meetings of the area their token names (`area` claim), and a token naming none is',
    'refused; another area\'s case with the same suspect is named to the chair by its area and coordinator only.',
    'The cells below are within one area.',
    '',
    'On top of the role policy: chairs (partnership coordinators) may read any listed case of their area, to prepare agendas;',
    'everyone else reads a case only through an invitation to a meeting that has it on its agenda, and a meeting',
    'only when invited to it; only the meeting\'s own chair runs it; `scrutiny` reads no case. Each cell is the',
    'permission check and the membership check together, evaluated with the conference\'s access functions for a',
    'meeting that has the case on its agenda. "Invited" means a member of that meeting; for `chair`, the chair of it.',
    '',
    `| Action | Permission | Checked by | ${MATRIX_ROLES.map((r) => `${r} invited | ${r} not`).join(' | ')} |`,
    `| --- | --- | --- | ${MATRIX_ROLES.map(() => ':---: | :---:').join(' | ')} |`,
  );
  for (const rule of MEMBERSHIP_RULES) {
    const cells = MATRIX_ROLES.flatMap((r) => [membershipAllows(rule, r, true), membershipAllows(rule, r, false)].map((ok) => (ok ? yes : no)));
    lines.push(`| ${rule.action} | ${rule.permission ? `\`${rule.permission}\`` : 'none'} | ${rule.check} | ${cells.join(' | ')} |`);
  }
  lines.push(
    '',
    'A CPS history-check chronology (`GET /history-checks/{requestRef}` and its exports) is readable only by the CPS',
    'lawyer who asked for it, until it expires (`services/conference/src/http/historyChecks.ts`); any other CPS user',
    'gets the same `404` as for a reference that does not exist.',
    '',
    ...sharingRulesMarkdown,
    '## Outside the matrix',
    '',
    '- `GET /health` and `GET /openapi.json` are public on every service; the conference also serves the built web UI',
    '  (its pages, `/auth/callback` among them, and `/assets/*`).',
    '- `GET /metrics` (Prometheus) exists only when `CONVENE_METRICS_TOKEN` is set, and answers only',
    '  `Authorization: Bearer <that token>` (compared in constant time); no token or a wrong one is `401`.',
    '- The demo sign-in `GET /auth/dev/people`, `POST /auth/dev/token` exists only with `CONVENE_DEV_SIGNIN=true`, never',
    '  by default; the conference refuses to start with it in production, without the local issuer\'s `CONVENE_JWT_SECRET`,',
    '  or beside an OIDC provider. Otherwise both paths are `404`.',
    '- Every service: helmet headers, CORS for the UI origin only, a rate limit per client (`RATE_LIMIT_PER_MINUTE`,',
    '  `429`), a 256 kB JSON body limit (`413`), and zod parsing of every path, query and body (`400` naming each field).',
    '- The socket.io handshake on `/meetings` takes the same bearer token (`auth.token`); a bad one is refused with',
    '  `connect_error` and `data.code` 401. Client messages over 16 kB close that connection.',
    '',
    '## How it is tested',
    '',
    '| What | Short run (`npm test`) | Full run (`npm run test:reliability`) |',
    '| --- | --- | --- |',
    '| This matrix, every cell, over HTTP and the socket; membership on a real listed case and meeting | `tests/integration/security-authz.int.spec.ts` | `tests/reliability/security-authz.rel.spec.ts` |',
    '| Bad tokens (expired, wrongly signed, `alg: none`, other audience or issuer, garbage…) → 401 over HTTP and on the handshake | same file | same file |',
    '| Hostile input (fast-check): long strings, deep nesting, `__proto__`/`constructor` keys, Mongo operators, odd Unicode in paths, queries, bodies and socket messages; no 5xx, every 4xx a problem document, still healthy, memory back near baseline; 413; 429 | `tests/integration/security-hostile.int.spec.ts` (~1,000 requests) | `tests/reliability/security-hostile.rel.spec.ts` (10,500 requests) |',
    '| Schemathesis against each service\'s `/openapi.json`, `not_a_server_error` | — | `tests/reliability/security-schemathesis.rel.spec.ts` |',
    '| This document is current, and the policies keep their invariants | `tests/unit/security-matrix.unit.spec.ts` | — |',
    '',
    'A failing hostile-input run prints its fast-check seed; `FC_SEED=<seed>` replays it.',
    '',
  );
  return lines.join('\n');
}
