/*
 * The authorisation matrix against the running services: every operation of every OpenAPI document × every
 * caller, conference membership on a real listed case and meeting, the socket handshake and join, and bad
 * tokens. Shared by the integration (npm test) and reliability projects.
 */
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REALTIME_NAMESPACE } from '@convene/shared/contracts';
import { people } from '../support/fixtures.js';
import { eventually } from '../support/infra.js';
import { expectedOutcome, membershipAllows, MEMBERSHIP_RULES } from './policyMatrix.js';
import { CALLERS, PRINCIPALS, SERVICES, type MatrixRole, type ServiceName } from './principals.js';
import { operationsOf, validRequest } from './sampler.js';
import { isErrorDocument, isProblem, send, startSecurityStack, type RawResponse, type SecurityStack } from './stack.js';
import { badTokens, roleTokens, tokenOf } from './tokens.js';

/** The caller each service's bad-token checks impersonate, and an endpoint that caller may use. */
const TOKEN_PROBES: Record<ServiceName, { role: MatrixRole; url: string }> = {
  conference: { role: 'chair', url: '/meetings' },
  police: { role: 'police', url: '/actions' },
  cps: { role: 'cps', url: '/actions' },
  health: { role: 'caldicott', url: '/disclosure-requests' },
  advocacy: { role: 'advocate', url: '/actions' },
};

function describeCell(res: RawResponse): string {
  return `${res.status} ${res.contentType} ${res.text.slice(0, 200)}`;
}

export function socketClient(baseUrl: string, auth: unknown): Socket {
  return io(`${baseUrl}${REALTIME_NAMESPACE}`, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 10_000 });
}

/** Connect, or the connect_error's `data.code` (or message). */
export function handshake(socket: Socket): Promise<{ ok: true } | { ok: false; code: unknown; message: string }> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ ok: true }));
    socket.once('connect_error', (err: Error & { data?: { code?: unknown } }) => resolve({ ok: false, code: err.data?.code, message: err.message }));
  });
}

/** The membership rule the socket's join and catchUp follow. */
const SOCKET_RULE = MEMBERSHIP_RULES.find((r) => r.action.includes('socket'))!;

export function describeAuthz(title: string) {
  describe(title, () => {
    let stack: SecurityStack;
    let tokens: Record<MatrixRole, string>;
    let caseRef: string;
    let meetingId: string;
    const counts = { http: 0, cells: 0, socket: 0 };

    beforeAll(async () => {
      // The rate limit has its own test; here it would only get in the way of a thousand quick calls.
      stack = await startSecurityStack({ RATE_LIMIT_PER_MINUTE: '1000000' });
      tokens = await roleTokens();

      // A real listed case: police refer a victim and suspect, the conference lists it.
      const police = (method: string, url: string, body?: unknown) => send(stack.urls.police, method, url, { token: tokens.police, body });
      const victim = (await police('POST', '/people', people.victim)).body as { personId: string };
      const suspect = (await police('POST', '/people', people.suspect)).body as { personId: string };
      const subjects = [{ personId: victim.personId, role: 'victim' }, { personId: suspect.personId, role: 'suspect' }];
      expect((await police('POST', '/referrals', { subjects, criterion: 'professional_judgement', reason: 'Security matrix fixture' })).status).toBe(201);
      caseRef = await eventually(async () => {
        const res = await send(stack.urls.conference, 'GET', '/cases', { token: tokens.chair });
        return (res.body as { caseRef: string; status: string }[]).find((c) => c.status === 'listed')?.caseRef;
      }, { what: 'the referral to be listed', timeoutMs: 30_000 });
      // The chair's meeting with that case on the agenda, police invited and nobody else.
      const meeting = await send(stack.urls.conference, 'POST', '/meetings', {
        token: tokens.chair,
        body: { title: 'Security matrix', scheduledFor: new Date(Date.now() + 3_600_000).toISOString(), members: [{ userId: PRINCIPALS.police.sub, agency: 'police', role: 'police' }], agenda: [caseRef] },
      });
      expect(meeting.status, describeCell(meeting)).toBe(201);
      meetingId = (meeting.body as { meetingId: string }).meetingId;
    }, 120_000);

    afterAll(async () => {
      console.log(`[security] authz: ${counts.cells} HTTP cells asserted (${counts.http} requests), ${counts.socket} socket cells`);
      await stack?.stop();
    });

    /**
     * Past the role policy, a case the caller is not invited to is refused whether or not it exists (so refusals do
     * not tell which references exist): the sampled reference exists nowhere, so the membership check answers.
     * The membership cells are asserted on a real listed case below.
     */
    const refusedByMembership = (res: { body: unknown }) => /you are not invited to a meeting that has/.test(String((res.body as { detail?: unknown }).detail));

    it.each(SERVICES)('%s: every endpoint answers every caller as its policy says', async (service) => {
      const failures: string[] = [];
      const ops = operationsOf(service, stack.docs[service]);
      expect(ops.length).toBeGreaterThan(3);
      for (const op of ops) {
        for (const caller of CALLERS) {
          const req = validRequest(op);
          const token = caller === 'unauthenticated' ? undefined : tokens[caller];
          const res = await send(stack.urls[service], req.method, req.url, { token, body: req.body });
          counts.http++;
          counts.cells++;
          const expected = expectedOutcome(service, caller, op.permission);
          const where = `${service} ${op.method} ${op.path} as ${caller} (${op.permission})`;
          if (res.status >= 500) failures.push(`${where}: server error ${describeCell(res)}`);
          else if (res.status >= 400 && !isErrorDocument(res, op.path)) failures.push(`${where}: ${res.status} is not problem+json: ${describeCell(res)}`);
          else if (expected === 'allowed' && (res.status === 401 || (res.status === 403 && !refusedByMembership(res)))) failures.push(`${where}: expected to pass authorisation, got ${describeCell(res)}`);
          else if (expected !== 'allowed' && res.status !== expected) failures.push(`${where}: expected ${expected}, got ${describeCell(res)}`);
          else if (expected === 403 && (res.body as { code?: string }).code !== 'forbidden') failures.push(`${where}: 403 with code ${(res.body as { code?: string }).code}`);
        }
      }
      expect(failures).toEqual([]);
    });

    describe('conference membership on a real listed case and meeting (chair created it, police invited)', () => {
      const invited = (role: MatrixRole) => role === 'chair' || role === 'police';

      it('invited police read the case and the meeting; uninvited cps may not', async () => {
        const asPolice = { token: tokens.police };
        const asCps = { token: tokens.cps };
        expect((await send(stack.urls.conference, 'GET', `/cases/${caseRef}`, asPolice)).status).toBe(200);
        expect((await send(stack.urls.conference, 'GET', `/meetings/${meetingId}`, asPolice)).status).toBe(200);
        for (const url of [`/cases/${caseRef}`, `/meetings/${meetingId}`]) {
          const res = await send(stack.urls.conference, 'GET', url, asCps);
          expect(res.status, describeCell(res)).toBe(403);
          expect(isProblem(res), describeCell(res)).toBe(true);
        }
        counts.http += 6;
        counts.cells += 4;
      });

      it.each([
        ['case', () => `/cases/${caseRef}`, 0],
        ['meeting', () => `/meetings/${meetingId}`, 1],
      ] as const)('every caller reads the %s exactly as the membership rules say', async (_what, url, ruleIndex) => {
        const rule = MEMBERSHIP_RULES[ruleIndex]!;
        const failures: string[] = [];
        for (const caller of CALLERS) {
          const res = await send(stack.urls.conference, 'GET', url(), { token: caller === 'unauthenticated' ? undefined : tokens[caller] });
          counts.http++;
          counts.cells++;
          const expected = caller === 'unauthenticated' ? 401 : membershipAllows(rule, caller, invited(caller)) ? 200 : 403;
          if (res.status !== expected || (expected !== 200 && !isProblem(res))) failures.push(`${caller}: expected ${expected}, got ${describeCell(res)}`);
        }
        expect(failures).toEqual([]);
      });

      it('a chair who does not chair the meeting may read the case (agenda preparation) but not run the meeting', async () => {
        const otherChair = await tokenOf({ sub: 'sec-chair-2', agency: 'conference', role: 'chair' });
        expect((await send(stack.urls.conference, 'GET', `/cases/${caseRef}`, { token: otherChair })).status).toBe(200);
        for (const [method, url, body] of [['GET', `/meetings/${meetingId}`, undefined], ['POST', `/meetings/${meetingId}/agenda`, { agenda: [caseRef] }], ['POST', `/meetings/${meetingId}/start`, undefined]] as const) {
          const res = await send(stack.urls.conference, method, url, { token: otherChair, body });
          expect(res.status, `${method} ${url}: ${describeCell(res)}`).toBe(403);
          expect(isProblem(res)).toBe(true);
        }
        counts.http += 4;
        counts.cells += 4;
      });

      it('a scrutiny member invited by mistake still sees neither the meeting nor its pushes', async () => {
        const scrutiny = PRINCIPALS.scrutiny;
        const created = await send(stack.urls.conference, 'POST', '/meetings', {
          token: tokens.chair,
          body: { title: 'Mistaken invitation', scheduledFor: new Date(Date.now() + 3_600_000).toISOString(), members: [{ userId: scrutiny.sub, agency: scrutiny.agency, role: 'scrutiny' }], agenda: [caseRef] },
        });
        expect(created.status, describeCell(created)).toBe(201);
        const invitedMeeting = (created.body as { meetingId: string }).meetingId;
        const res = await send(stack.urls.conference, 'GET', `/meetings/${invitedMeeting}`, { token: tokens.scrutiny });
        expect(res.status, describeCell(res)).toBe(403);
        const socket = socketClient(stack.urls.conference, { token: tokens.scrutiny });
        try {
          expect(await handshake(socket)).toEqual({ ok: true });
          for (const [event, message] of [['join', { meetingId: invitedMeeting }], ['catchUp', { meetingId: invitedMeeting, afterSeq: 0 }]] as const) {
            const ack = (await socket.timeout(10_000).emitWithAck(event, message)) as { ok: boolean; error?: { code: string } };
            expect(ack, event).toMatchObject({ ok: false, error: { code: 'forbidden' } });
          }
        } finally {
          socket.close();
        }
        counts.http += 2;
        counts.socket += 2;
      });

      it('on the socket, invited callers join the meeting and everyone else is refused', async () => {
        const failures: string[] = [];
        for (const caller of CALLERS) {
          const socket = socketClient(stack.urls.conference, caller === 'unauthenticated' ? {} : { token: tokens[caller] });
          try {
            const hs = await handshake(socket);
            counts.socket++;
            if (caller === 'unauthenticated') {
              if (hs.ok || hs.code !== 401) failures.push(`unauthenticated handshake: ${JSON.stringify(hs)}`);
              continue;
            }
            if (!hs.ok) {
              failures.push(`${caller} handshake refused: ${JSON.stringify(hs)}`);
              continue;
            }
            for (const [event, message] of [['join', { meetingId }], ['catchUp', { meetingId, afterSeq: 0 }]] as const) {
              const ack = (await socket.timeout(10_000).emitWithAck(event, message)) as { ok: boolean; error?: { code: string } };
              const expected = membershipAllows(SOCKET_RULE, caller, invited(caller));
              if (expected ? !ack.ok : ack.ok || ack.error?.code !== 'forbidden') failures.push(`${caller} ${event}: expected ${expected ? 'ok' : 'forbidden'}, got ${JSON.stringify(ack)}`);
              counts.socket++;
            }
            if (!socket.connected) failures.push(`${caller} was disconnected`);
          } finally {
            socket.close();
          }
        }
        expect(failures).toEqual([]);
      });
    });

    describe('bad tokens', () => {
      it.each(SERVICES)('%s refuses every bad token with 401 problem+json', async (service) => {
        const probe = TOKEN_PROBES[service];
        // The probe answers the good token, so a 401 below is the token's doing.
        const good = await send(stack.urls[service], 'GET', probe.url, { token: tokens[probe.role] });
        expect(good.status, describeCell(good)).toBe(200);
        const failures: string[] = [];
        const headers: Record<string, string> = {
          ...Object.fromEntries(Object.entries(await badTokens(PRINCIPALS[probe.role])).map(([name, token]) => [name, `Bearer ${token}`])),
          'Basic scheme': `Basic ${Buffer.from('chair:chair').toString('base64')}`,
          'lower-case bearer': `bearer ${tokens[probe.role]}`,
          'empty bearer': 'Bearer ',
          'two tokens': `Bearer ${tokens[probe.role]} ${tokens[probe.role]}`,
          'token with a NUL': `Bearer ${tokens[probe.role]}%00`,
        };
        for (const [name, authorization] of Object.entries(headers)) {
          const res = await send(stack.urls[service], 'GET', probe.url, { headers: { authorization } });
          counts.http++;
          counts.cells++;
          if (res.status !== 401 || !isProblem(res)) failures.push(`${name}: ${describeCell(res)}`);
        }
        expect(failures).toEqual([]);
      });

      it('the socket handshake refuses every bad token with connect_error 401', async () => {
        const failures: string[] = [];
        const auths: Record<string, unknown> = {
          ...Object.fromEntries(Object.entries(await badTokens(PRINCIPALS.police)).map(([name, token]) => [name, { token }])),
          'no auth': {},
          'empty token': { token: '' },
          'token as a number': { token: 42 },
          'token as an operator object': { token: { $ne: null } },
          'token as an array': { token: [tokens.police] },
          'Bearer-prefixed token': { token: `Bearer ${tokens.police}` },
          'a 10 kB token': { token: 'a'.repeat(10_000) },
        };
        for (const [name, auth] of Object.entries(auths)) {
          const socket = socketClient(stack.urls.conference, auth);
          try {
            const hs = await handshake(socket);
            counts.socket++;
            if (hs.ok || hs.code !== 401) failures.push(`${name}: ${JSON.stringify(hs)}`);
          } finally {
            socket.close();
          }
        }
        expect(failures).toEqual([]);
        // And a good one still gets in.
        const socket = socketClient(stack.urls.conference, { token: tokens.police });
        try {
          expect(await handshake(socket)).toEqual({ ok: true });
        } finally {
          socket.close();
        }
      });
    });
  });
}

