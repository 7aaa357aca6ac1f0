/*
 * Hostile input against every operation of every service and every socket message, generated with fast-check:
 * no 5xx, every 4xx a problem document, the services still healthy and the process's memory back near its
 * baseline afterwards. Also the body size limit (413) and the rate limit (429). Shared by the integration
 * (short) and reliability (full) projects.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgency } from '../support/agencies.js';
import { handshake, socketClient } from './authzSuite.js';
import { hostileRequest, socketMessage, type HostileRequest } from './hostile.js';
import { allows } from './policyMatrix.js';
import { MATRIX_ROLES, PRINCIPALS, SERVICES, type MatrixRole, type ServiceName } from './principals.js';
import { operationsOf, type Operation } from './sampler.js';
import { isErrorDocument, isProblem, send, startSecurityStack, type SecurityStack } from './stack.js';
import { roleTokens, tokenOf } from './tokens.js';
import { recordFigures } from '../support/figures.js';

export interface HostileOptions {
  /** HTTP requests per service (spread over its operations). */
  requestsPerService: number;
  socketMessages: number;
  /** Requests in flight at once per service. */
  concurrency?: number;
  /** Record the counts for docs/reliability.md as tests/reliability/last-<figures>.json (the full run does). */
  figures?: string;
}

/** A forced full GC: `--expose-gc` when the runner gave it, else switched on at run time. */
function forceGc(): boolean {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      return false;
    }
  }
  for (let i = 0; i < 3; i++) gc();
  return true;
}

async function settledMemory(): Promise<NodeJS.MemoryUsage & { gc: boolean }> {
  await new Promise((r) => setTimeout(r, 500));
  const gc = forceGc();
  return { ...process.memoryUsage(), gc };
}

const mb = (n: number) => Math.round(n / 1024 / 1024);

/** Run tasks with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++]!);
  }));
}

/**
 * What may be answered before authentication: the app-level body parser (malformed JSON, 413, 415), a path
 * that cannot be decoded, or one that matches no route. Field-by-field validation only ever follows a token.
 */
function answeredBeforeAuth(status: number, code: string | undefined): boolean {
  return status === 413 || status === 415 || (status === 400 && (code === 'malformed_json' || code === 'bad_request')) || (status === 404 && code === 'no_such_endpoint');
}


const seedFrom = () => Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

export function describeHostile(title: string, options: HostileOptions) {
  describe(title, () => {
    let stack: SecurityStack;
    let tokens: Record<MatrixRole, string>;
    let baseline: Awaited<ReturnType<typeof settledMemory>>;
    const seed = seedFrom();
    const stats = { http: 0, byStatus: {} as Record<string, number>, socket: 0, socketAcks: {} as Record<string, number>, nodeHeaderLimit: 0 };

    beforeAll(async () => {
      stack = await startSecurityStack({ RATE_LIMIT_PER_MINUTE: '1000000' });
      tokens = await roleTokens();
    }, 120_000);

    afterAll(async () => {
      console.log(`[security] hostile: seed ${seed}; ${stats.http} HTTP requests ${JSON.stringify(stats.byStatus)} (${stats.nodeHeaderLimit} × 431 from Node's header limit); ${stats.socket} socket messages ${JSON.stringify(stats.socketAcks)}`);
      if (options.figures) {
        const http5xx = Object.entries(stats.byStatus).filter(([status]) => Number(status) >= 500).reduce((n, [, count]) => n + count, 0);
        recordFigures(options.figures, { seed, httpRequests: stats.http, byStatus: stats.byStatus, http5xx, socketMessages: stats.socket, socketAcks: stats.socketAcks, nodeHeaderLimit431: stats.nodeHeaderLimit });
      }
      await stack?.stop();
    });

    function callerFor(op: Operation, service: ServiceName, auth: HostileRequest['auth']): string | undefined {
      if (auth === 'none') return undefined;
      const allowed = MATRIX_ROLES.filter((r) => allows(service, r, op.permission));
      const pickFrom = auth === 'allowed' ? allowed : MATRIX_ROLES.filter((r) => !allowed.includes(r));
      const role = pickFrom[0] ?? MATRIX_ROLES[0];
      return tokens[role];
    }

    it('measures a warm baseline', async () => {
      // One pass of valid and invalid calls over everything, so lazily built state is in the baseline.
      for (const service of SERVICES) {
        for (const op of operationsOf(service, stack.docs[service])) {
          const [req] = fc.sample(hostileRequest(op), { numRuns: 3, seed });
          await send(stack.urls[service], op.method, req!.url, { token: callerFor(op, service, 'allowed'), body: req!.body, ...(req!.contentType ? { contentType: req!.contentType } : {}) });
        }
      }
      baseline = await settledMemory();
      console.log(`[security] baseline rss ${mb(baseline.rss)} MB, heap ${mb(baseline.heapUsed)} MB (forced GC: ${baseline.gc})`);
    });

    it(`answers ${options.requestsPerService * SERVICES.length} hostile HTTP requests with no 5xx and only problem documents`, async () => {
      const failures: string[] = [];
      await Promise.all(SERVICES.map(async (service) => {
        const ops = operationsOf(service, stack.docs[service]);
        const perOp = Math.ceil(options.requestsPerService / ops.length);
        for (const op of ops) {
          const requests = fc.sample(hostileRequest(op), { numRuns: perOp, seed: seed + op.operationId.length * 7919 + ops.indexOf(op) });
          await pool(requests, options.concurrency ?? 4, async (req) => {
            let res;
            try {
              res = await send(stack.urls[service], op.method, req.url, { token: callerFor(op, service, req.auth), ...(req.body !== undefined ? { body: req.body } : {}), ...(req.contentType ? { contentType: req.contentType } : {}) });
            } catch (err) {
              failures.push(`${service} ${op.operationId} [${req.kind}] request failed: ${(err as Error).message} ${req.url.slice(0, 120)}`);
              return;
            }
            stats.http++;
            stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1;
            const where = () => `${service} ${op.method} ${op.path} (${op.operationId}) [${req.kind}, ${req.auth}] ${req.url.slice(0, 160)} body ${JSON.stringify((req.body ?? '').slice(0, 160))}`;
            // Node's HTTP parser answers a URL over its 16 kB header limit itself, before express: see the report.
            if (res.status === 431 && res.text === '') {
              stats.nodeHeaderLimit++;
              return;
            }
            if (res.status >= 500) failures.push(`${where()} → ${res.status} ${res.text.slice(0, 200)}`);
            else if (res.status >= 400 && !isErrorDocument(res, op.path)) failures.push(`${where()} → ${res.status} not a problem document: ${res.contentType} ${res.text.slice(0, 120)}`);
            else if (req.auth === 'none' && op.permission !== 'public' && res.status !== 401 && !answeredBeforeAuth(res.status, (res.body as { code?: string } | undefined)?.code)) {
              failures.push(`${where()} → ${res.status} without a token: ${res.text.slice(0, 120)}`);
            }
          });
        }
      }));
      // Each distinct failure once, so a report of a thousand identical 500s stays readable.
      expect([...new Set(failures)].slice(0, 30), `seed ${seed}`).toEqual([]);
      expect(stats.http).toBeGreaterThanOrEqual(options.requestsPerService * SERVICES.length);
    }, 900_000);

    it(`answers ${options.socketMessages} hostile socket messages with error acks, never a disconnect`, async () => {
      const failures: string[] = [];
      const socket = socketClient(stack.conference.url, { token: tokens.police });
      expect(await handshake(socket)).toEqual({ ok: true });
      let disconnected = '';
      socket.on('disconnect', (reason) => {
        disconnected = reason;
      });
      try {
        // Client messages are capped at 16 kB by the server: bigger ones close the connection by design (tested below).
        const messages = fc.sample(socketMessage.filter((m) => Buffer.byteLength(JSON.stringify(m.args) ?? '') < 12_000), { numRuns: options.socketMessages, seed });
        for (const message of messages) {
          if (disconnected) break;
          let ack: unknown;
          try {
            ack = await socket.timeout(5_000).emitWithAck(message.event as 'join', ...(message.args as [never]));
          } catch (err) {
            if (/reserved/.test((err as Error).message)) continue; // the client itself refuses reserved names
            failures.push(`${message.event} ${JSON.stringify(message.args).slice(0, 160)}: no ack (${(err as Error).message})`);
            continue;
          }
          stats.socket++;
          const reply = ack as { ok?: unknown; error?: { code?: unknown } };
          const key = reply.ok === true ? 'ok' : String(reply.error?.code);
          stats.socketAcks[key] = (stats.socketAcks[key] ?? 0) + 1;
          if (typeof reply !== 'object' || reply === null || (reply.ok !== true && !(reply.ok === false && typeof reply.error?.code === 'string'))) {
            failures.push(`${message.event} ${JSON.stringify(message.args).slice(0, 160)}: ack ${JSON.stringify(ack).slice(0, 160)}`);
          }
          if (reply.ok === false && reply.error?.code === 'unavailable') failures.push(`${message.event} ${JSON.stringify(message.args).slice(0, 160)}: server failed (unavailable)`);
        }
        if (disconnected) failures.push(`disconnected: ${disconnected}`);
        // Still in service: a well-formed message is answered.
        const ack = (await socket.timeout(5_000).emitWithAck('leave', { meetingId: '00000000-0000-4000-8000-000000000000' })) as { ok: boolean };
        expect(ack.ok).toBe(true);
      } finally {
        socket.close();
      }
      expect([...new Set(failures)].slice(0, 30), `seed ${seed}`).toEqual([]);
    }, 600_000);

    it('closes a socket that sends more than 16 kB, and only that one', async () => {
      const big = socketClient(stack.conference.url, { token: tokens.police });
      const other = socketClient(stack.conference.url, { token: tokens.chair });
      expect(await handshake(big)).toEqual({ ok: true });
      expect(await handshake(other)).toEqual({ ok: true });
      try {
        const gone = new Promise<string>((resolve) => big.once('disconnect', (reason) => resolve(reason)));
        big.emit('join', { meetingId: 'x'.repeat(20_000) } as never, () => undefined);
        expect(await gone).toMatch(/transport (close|error)/);
        const ack = (await other.timeout(5_000).emitWithAck('leave', { meetingId: '00000000-0000-4000-8000-000000000000' })) as { ok: boolean };
        expect(ack.ok).toBe(true);
      } finally {
        big.close();
        other.close();
      }
    });

    it('refuses a body over 256 kB with 413 problem+json, with or without a token', async () => {
      const body = JSON.stringify({ summary: 'x'.repeat(300 * 1024) });
      for (const service of SERVICES) {
        for (const token of [undefined, tokens[MATRIX_ROLES.find((r) => PRINCIPALS[r].agency === service || (service === 'conference' && r === 'chair'))!]]) {
          const url = service === 'conference' ? '/meetings' : '/people';
          const res = await send(stack.urls[service], 'POST', url, { token, body });
          expect(res.status, `${service} ${url}: ${res.text.slice(0, 200)}`).toBe(413);
          expect(isProblem(res)).toBe(true);
        }
      }
    });

    it('is still healthy afterwards, and memory is back near the baseline', async () => {
      for (const service of SERVICES) {
        const res = await send(stack.urls[service], 'GET', '/health');
        expect(res.status, `${service} /health: ${res.text}`).toBe(200);
        const docs = await send(stack.urls[service], 'GET', '/openapi.json');
        expect(docs.status).toBe(200);
      }
      const after = await settledMemory();
      console.log(`[security] after: rss ${mb(after.rss)} MB (baseline ${mb(baseline.rss)}), heap ${mb(after.heapUsed)} MB (baseline ${mb(baseline.heapUsed)}); forced GC: ${after.gc}`);
      // The heap after a full GC is what leaks show in; RSS keeps freed pages for a while, so it gets room.
      const heapSlack = after.gc ? 48 * 1024 * 1024 : 160 * 1024 * 1024;
      expect(after.heapUsed, 'heap after a forced GC').toBeLessThan(baseline.heapUsed * 1.25 + heapSlack);
      expect(after.rss, 'RSS').toBeLessThan(baseline.rss * 1.5 + 256 * 1024 * 1024);
    });
  });
}

/** A service started with a low rate limit answers 429 problem+json once the client goes over it. */
export function describeRateLimit() {
  it('answers 429 problem+json once a client exceeds RATE_LIMIT_PER_MINUTE', async () => {
    const police = await startAgency('police', { env: { RATE_LIMIT_PER_MINUTE: '20' } });
    try {
      const token = await tokenOf(PRINCIPALS.police);
      const statuses: number[] = [];
      let limited;
      for (let i = 0; i < 25; i++) {
        const res = await send(police.url, 'GET', i % 2 ? '/actions' : '/people/00000000-0000-4000-8000-000000000000', { token });
        statuses.push(res.status);
        if (res.status === 429) limited ??= res;
      }
      expect(statuses.slice(0, 20).every((s) => s !== 429), statuses.join(',')).toBe(true);
      expect(statuses.slice(20), statuses.join(',')).toEqual([429, 429, 429, 429, 429]);
      expect(isProblem(limited!)).toBe(true);
      expect((limited!.body as { code: string }).code).toBe('rate_limited');
      // Unauthenticated callers count against the same limit, so a flood without a token is limited too.
      expect((await send(police.url, 'GET', '/actions')).status).toBe(429);
    } finally {
      await police.stop();
    }
  }, 120_000);
}

