import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connection } from 'mongoose';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenVerifier, issueLocalToken, type Principal } from '@convene/shared/auth';
import type {
  ClientToServerEvents, JoinMessage, MeetingPush, PresencePayload, ServerToClientEvents,
} from '@convene/shared/contracts';
import { createCounters } from '../../services/conference/src/db/counters.js';
import { createMeetingStore } from '../../services/conference/src/db/meetings.js';
import { createAuditTrail } from '@convene/shared/audit';
import { auditRecorderOf } from '../../services/conference/src/domain/auditing.js';
import { createPushStore, type NewPush } from '../../services/conference/src/db/pushes.js';
import type { Meeting } from '../../services/conference/src/domain/meeting.js';
import { createRealtime } from '../../services/conference/src/realtime/index.js';
import { DEV_JWT_SECRET } from '../../scripts/lib/devSecrets.js';
import { eventually, freshDatabase, testLogger } from '../support/infra.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const chair: Principal = { sub: 'chair-1', name: 'Chair One', agency: 'conference', role: 'chair' };
const police: Principal = { sub: 'pc-1', agency: 'police', role: 'police' };
const advocate: Principal = { sub: 'idva-1', agency: 'advocacy', role: 'advocate' };
const outsider: Principal = { sub: 'nurse-9', agency: 'health', role: 'health' };

const verifyToken = createTokenVerifier({ secret: DEV_JWT_SECRET, audience: 'convene' });
const tokenFor = (p: Principal) => issueLocalToken(DEV_JWT_SECRET, p);

/** Everything a test opened, closed after it whatever happened. */
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function database() {
  const fresh = await freshDatabase();
  cleanups.push(fresh.drop);
  return fresh.db;
}

async function meetingIn(db: Connection): Promise<Meeting> {
  const meeting: Meeting = {
    meetingId: randomUUID(), title: 'MARAC', scheduledFor: new Date().toISOString(),
    chair: { userId: chair.sub, displayName: 'Chair One' },
    members: [
      { userId: police.sub, displayName: 'PC One', agency: 'police', role: 'police' },
      { userId: advocate.sub, agency: 'advocacy', role: 'advocate' },
    ],
    agenda: [], status: 'running', position: null, startedAt: null, endedAt: null, appliedEventIds: [],
  };
  await createMeetingStore(db).save(meeting);
  return meeting;
}

/**
 * The projector's side: append pushes to the log. Every source id here is new, so an append that returns
 * undefined was not a redelivery: on FerretDB, concurrent `counters.next` calls can hand out the same seq,
 * and the second insert is dropped. Retrying makes the writer robust; the realtime layer is what is tested.
 */
function writer(db: Connection, meetingId: string) {
  const pushes = createPushStore(db);
  return async (push: Partial<NewPush> = {}) => {
    const next: NewPush = {
      meetingId, kind: 'timeline.entry', caseRef: 'CNV-2025-000001', sharing: 'partnership', audience: null,
      payload: {}, sourceId: randomUUID(), ...push,
    };
    for (let attempt = 1; ; attempt++) {
      const appended = await pushes.append(next);
      if (appended) return appended;
      if (attempt === 5) throw new Error('push not appended after 5 attempts');
    }
  };
}

async function startInstance(db: Connection, instanceId = `it-${randomUUID().slice(0, 8)}`, holdMs?: number) {
  const httpServer = createServer();
  const realtime = createRealtime(httpServer, {
    verifyToken, meetings: createMeetingStore(db), pushes: createPushStore(db), audit: auditRecorderOf(createAuditTrail(db, { logger: testLogger })),
    logger: testLogger, pollMs: 20, instanceId, ...(holdMs ? { holdMs } : {}),
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/meetings`;
  const close = async () => {
    await realtime.close();
    httpServer.closeAllConnections();
    await new Promise((resolve) => httpServer.close(resolve));
  };
  cleanups.push(close);
  return { url, realtime, close };
}

function open(url: string, auth: Record<string, unknown>): Client {
  const socket: Client = connect(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  cleanups.push(async () => socket.disconnect());
  return socket;
}

function outcome(socket: Client): Promise<{ connected: true } | { connected: false; message: string; code: unknown }> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ connected: true }));
    socket.once('connect_error', (err) => resolve({ connected: false, message: err.message, code: (err as { data?: { code?: unknown } }).data?.code }));
  });
}

/** A connected client that records every push it is sent. */
async function member(url: string, principal: Principal) {
  const socket = open(url, { token: await tokenFor(principal) });
  const received: MeetingPush[] = [];
  socket.on('push', (push) => received.push(push));
  expect(await outcome(socket)).toEqual({ connected: true });
  return { socket, received };
}

const join = (socket: Client, message: JoinMessage) => socket.timeout(5000).emitWithAck('join', message);
const seqs = (pushes: MeetingPush[], kind?: MeetingPush['kind']) => pushes.filter((p) => !kind || p.kind === kind).map((p) => p.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

describe('live meetings (socket.io /meetings)', () => {
  it('refuses a handshake without a valid token and accepts a valid one', async () => {
    const { url } = await startInstance(await database());

    const none = await outcome(open(url, {}));
    const forged = await outcome(open(url, { token: await issueLocalToken('not-the-secret-at-all-not-the-secret', chair) }));
    const expired = await outcome(open(url, { token: await issueLocalToken(DEV_JWT_SECRET, chair, { expiresIn: '-1h' }) }));
    for (const refused of [none, forged, expired]) expect(refused).toMatchObject({ connected: false, code: 401 });
    expect(await outcome(open(url, { token: await tokenFor(chair) }))).toEqual({ connected: true });
  });

  it('lets members join and tells others they are forbidden', async () => {
    const db = await database();
    const meeting = await meetingIn(db);
    const append = writer(db, meeting.meetingId);
    await append();
    await append();
    const { url } = await startInstance(db);

    const stranger = await member(url, outsider);
    expect(await join(stranger.socket, { meetingId: meeting.meetingId })).toEqual({ ok: false, error: { code: 'forbidden', reason: expect.any(String) } });
    expect(await join(stranger.socket, { meetingId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const pc = await member(url, police);
    expect(await join(pc.socket, { meetingId: meeting.meetingId })).toEqual({ ok: true, latestSeq: 2 });
    await eventually(async () => pc.received.some((p) => p.kind === 'presence'), { what: 'own presence push' });
    expect(stranger.received).toEqual([]);
  });

  it('delivers live pushes in seq order, restricted ones only to their audience', async () => {
    const db = await database();
    const meeting = await meetingIn(db);
    const append = writer(db, meeting.meetingId);
    const { url } = await startInstance(db);
    const theChair = await member(url, chair);
    const pc = await member(url, police);
    expect(await join(theChair.socket, { meetingId: meeting.meetingId })).toMatchObject({ ok: true });
    expect(await join(pc.socket, { meetingId: meeting.meetingId })).toMatchObject({ ok: true });

    const first = await append({ payload: { n: 1 } });
    const restricted = await append({ kind: 'alert', sharing: 'restricted', audience: [{ role: 'chair' }], payload: { agency: 'health', n: 2 } });
    // Restricted to chairs but published by the police: its own agency sees it too.
    const ownAgency = await append({ sharing: 'restricted', audience: [{ role: 'chair' }], payload: { entry: { agency: 'police', n: 3 } } });
    const last = await append({ payload: { n: 4 } });

    await eventually(async () => seqs(pc.received).includes(last.seq) && seqs(theChair.received).includes(last.seq), { what: 'the last push on both' });
    await settle(100);
    expect(seqs(theChair.received, 'timeline.entry').concat(seqs(theChair.received, 'alert')).sort((a, b) => a - b)).toEqual([first.seq, restricted.seq, ownAgency.seq, last.seq]);
    expect(seqs(pc.received, 'timeline.entry')).toEqual([first.seq, ownAgency.seq, last.seq]);
    expect(pc.received.some((p) => p.kind === 'alert')).toBe(false);
    for (const { received } of [theChair, pc]) {
      const all = seqs(received);
      expect(all).toEqual([...all].sort((a, b) => a - b));
      expect(new Set(all).size).toBe(all.length);
    }
  });

  it('catches a reconnecting client up on exactly what it missed', async () => {
    const db = await database();
    const meeting = await meetingIn(db);
    const append = writer(db, meeting.meetingId);
    const { url } = await startInstance(db);

    const before = await member(url, police);
    expect(await join(before.socket, { meetingId: meeting.meetingId })).toMatchObject({ ok: true });
    const early: MeetingPush[] = [];
    for (let i = 0; i < 5; i++) early.push(await append({ payload: { n: i } }));
    await eventually(async () => seqs(before.received).includes(early[4]!.seq), { what: 'the early pushes' });
    const lastSeq = Math.max(...seqs(before.received));
    before.socket.disconnect();
    const log = createPushStore(db);
    await eventually(async () => (await log.since(meeting.meetingId, lastSeq)).some((p) => p.kind === 'presence'), { what: 'the presence push of leaving' });

    const missed: number[] = [];
    for (let i = 0; i < 50; i++) missed.push((await append({ payload: { n: 100 + i } })).seq);

    const after = await member(url, police);
    const ack = await join(after.socket, { meetingId: meeting.meetingId, lastSeq });
    expect(ack).toMatchObject({ ok: true });
    await eventually(async () => seqs(after.received).includes(missed[49]!), { what: 'the missed pushes' });
    await settle();

    // Every seq after lastSeq exactly once, in order: the 50 missed, plus presence changes (leaving, rejoining).
    const latest = await log.latestSeq(meeting.meetingId);
    expect(seqs(after.received)).toEqual(range(lastSeq + 1, latest));
    expect(seqs(after.received, 'timeline.entry')).toEqual(missed);
    // The catch-up came before anything live: the rejoin's own presence push is after all of them.
    expect(after.received.findIndex((p) => p.kind === 'presence' && p.seq > missed[49]!)).toBe(after.received.length - 1);
  });

  it('gives clients on two instances the same pushes in the same order', async () => {
    const db = await database();
    const meeting = await meetingIn(db);
    const one = await startInstance(db, 'instance-one');
    const two = await startInstance(db, 'instance-two');
    const onOne = await member(one.url, chair);
    const onTwo = await member(two.url, advocate);
    expect(await join(onOne.socket, { meetingId: meeting.meetingId })).toMatchObject({ ok: true });
    expect(await join(onTwo.socket, { meetingId: meeting.meetingId })).toMatchObject({ ok: true });
    // Let the joins' presence pushes land first: the first appends of a meeting race to create its counter.
    await eventually(async () => onOne.received.some((p) => p.kind === 'presence' && (p.payload as PresencePayload).present.length === 2), { what: 'presence of both' });

    const writers = [writer(db, meeting.meetingId), writer(db, meeting.meetingId)];
    const appended = (await Promise.all(writers.map(async (append, w) => {
      const seqsOfWriter: number[] = [];
      for (let i = 0; i < 15; i++) seqsOfWriter.push((await append({ payload: { writer: w, n: i } })).seq);
      return seqsOfWriter;
    }))).flat().sort((a, b) => a - b);
    expect(appended).toHaveLength(30);

    await eventually(async () => seqs(onOne.received, 'timeline.entry').length === 30 && seqs(onTwo.received, 'timeline.entry').length === 30, { what: '30 pushes on both instances' });
    expect(seqs(onOne.received, 'timeline.entry')).toEqual(appended);
    expect(seqs(onTwo.received, 'timeline.entry')).toEqual(appended);
    for (const { received } of [onOne, onTwo]) {
      const all = seqs(received);
      expect(all).toEqual([...new Set(all)].sort((a, b) => a - b));
    }
  });

  it('waits briefly for a seq a slower writer has taken, then skips it', async () => {
    const db = await database();
    const meeting = await meetingIn(db);
    const append = writer(db, meeting.meetingId);
    const pushes = createPushStore(db);
    const { url } = await startInstance(db, undefined, 600);
    const pc = await member(url, police);
    expect(await join(pc.socket, { meetingId: meeting.meetingId })).toMatchObject({ ok: true });
    await eventually(async () => pc.received.some((p) => p.kind === 'presence'), { what: 'own presence push' });
    const timeline = () => seqs(pc.received, 'timeline.entry');

    // Appends never leave a hole, but a purge or an operator can, and an insert may become visible late:
    // make the log show seq N+1 before N, then a permanent hole, by writing it directly.
    const raw = async (seq: number, n: string) => {
      const sourceId = randomUUID();
      await pushes.model.create({
        _id: `${meeting.meetingId}:${seq}`, meetingId: meeting.meetingId, seq, kind: 'timeline.entry', caseRef: null,
        sharing: 'partnership', audience: null, payload: { n }, at: new Date().toISOString(), sourceId,
        dedupeKey: `${meeting.meetingId}|${sourceId}|timeline.entry`,
      });
    };
    const slow = (await pushes.latestSeq(meeting.meetingId)) + 1;
    const fast = slow + 1;
    await raw(fast, 'fast');
    await settle(250);
    expect(timeline()).toEqual([]);
    await raw(slow, 'slow');
    await eventually(async () => timeline().length === 2, { what: 'both pushes' });
    expect(timeline()).toEqual([slow, fast]);

    // A seq that never appears is skipped after the hold; catchUp answers with what the log holds.
    const lost = fast + 1;
    await raw(lost + 1, 'after');
    const after = { seq: lost + 1 };
    await eventually(async () => timeline().includes(after.seq), { what: 'the push after a lost seq' });
    expect(timeline()).toEqual([slow, fast, after.seq]);
    const caughtUp = await pc.socket.timeout(5000).emitWithAck('catchUp', { meetingId: meeting.meetingId, afterSeq: fast });
    expect(caughtUp).toEqual({ ok: true, pushes: [expect.objectContaining({ seq: after.seq })], upTo: after.seq });
    expect(await append({ payload: { n: 'next' } })).toMatchObject({ seq: after.seq + 1 });
  });

  it('answers a bad message with the field at fault and carries on', async () => {
    const db = await database();
    const meeting = await meetingIn(db);
    const { url } = await startInstance(db);
    const pc = await member(url, police);

    expect(await join(pc.socket, { meetingId: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_message', field: 'meetingId' } });
    const withExtra = { meetingId: meeting.meetingId, lastSeq: 0, admin: true } as JoinMessage;
    expect(await join(pc.socket, withExtra)).toMatchObject({ ok: false, error: { code: 'invalid_message', field: 'admin' } });
    expect(await join(pc.socket, { meetingId: meeting.meetingId, lastSeq: -1 })).toMatchObject({ ok: false, error: { field: 'lastSeq' } });
    const untyped = pc.socket as unknown as { emit(event: string, ...args: unknown[]): void; timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> } };
    untyped.emit('join', { meetingId: meeting.meetingId }); // no ack: ignored
    expect(await untyped.timeout(5000).emitWithAck('shout', {})).toMatchObject({ ok: false, error: { code: 'invalid_message', field: 'event' } });
    expect(await untyped.timeout(5000).emitWithAck('join', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid_message' } });

    expect(pc.socket.connected).toBe(true);
    expect(await join(pc.socket, { meetingId: meeting.meetingId })).toEqual({ ok: true, latestSeq: expect.any(Number) });
    const caughtUp = await pc.socket.timeout(5000).emitWithAck('catchUp', { meetingId: meeting.meetingId, afterSeq: 0 });
    expect(caughtUp).toMatchObject({ ok: true });
  });

  it('tells members already in the meeting who else has joined', async () => {
    const db = await database();
    const meeting = await meetingIn(db);
    const { url } = await startInstance(db);
    const theChair = await member(url, chair);
    expect(await join(theChair.socket, { meetingId: meeting.meetingId })).toMatchObject({ ok: true });
    const pc = await member(url, police);
    expect(await join(pc.socket, { meetingId: meeting.meetingId })).toMatchObject({ ok: true });

    const listed = (p: MeetingPush) => (p.payload as PresencePayload).present.map((u) => u.userId).sort();
    const both = await eventually(async () => theChair.received.find((p) => p.kind === 'presence' && listed(p).length === 2), { what: 'a presence push listing both' });
    expect(listed(both)).toEqual([chair.sub, police.sub]);
    expect((both.payload as PresencePayload).present).toContainEqual({ userId: police.sub, displayName: 'PC One', agency: 'police', role: 'police' });

    pc.socket.disconnect();
    await eventually(async () => theChair.received.find((p) => p.kind === 'presence' && p.seq > both.seq && listed(p).length === 1), { what: 'a presence push after leaving' });
  });
});
