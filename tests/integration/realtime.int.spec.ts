import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenVerifier, issueLocalToken, type Principal } from '@convene/shared/auth';
import type {
  ClientToServerEvents, JoinMessage, MeetingPush, PresencePayload, ServerToClientEvents,
} from '@convene/shared/contracts';
import { createEventPublisher, DLQ_HEADERS, headerText } from '@convene/shared/kafka';
import { createAuditTrail } from '@convene/shared/audit';
import { indexesBuilt } from '@convene/shared/mongo';
import { createMeetingStore } from '../../services/conference/src/db/meetings.js';
import { auditRecorderOf } from '../../services/conference/src/domain/auditing.js';
import type { Meeting } from '../../services/conference/src/domain/meeting.js';
import { createLive, type Live, type NewPush } from '../../services/conference/src/live/index.js';
import { createRealtime } from '../../services/conference/src/realtime/index.js';
import { DEV_JWT_SECRET } from '../../scripts/lib/devSecrets.js';
import { eventually, freshDatabase, freshTopics, testKafka, testLogger } from '../support/infra.js';
import { areasOf, DEFAULT_AREAS } from '../../services/conference/src/domain/areas.js';

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

/** A database and a live topic of its own, on the real database and broker. */
async function database() {
  const fresh = await freshDatabase();
  cleanups.push(fresh.drop);
  const topics = await freshTopics();
  const kafka = testKafka();
  const publisher = await createEventPublisher(kafka);
  cleanups.push(() => publisher.disconnect());
  return { db: fresh.db, runtime: { kafka, publisher, topics } };
}
type Env = Awaited<ReturnType<typeof database>>;

async function startedLive(env: Env, instanceId?: string): Promise<Live> {
  const live = createLive({ logger: testLogger, retentionHours: 1, partitions: 3, ...(instanceId ? { instanceId } : {}) });
  await live.start(env.runtime);
  cleanups.push(() => live.stop());
  return live;
}

async function meetingIn(env: Env): Promise<Meeting> {
  const meeting: Meeting = {
    meetingId: randomUUID(), title: 'MARAC', scheduledFor: new Date().toISOString(), area: null,
    chair: { userId: chair.sub, displayName: 'Chair One' },
    members: [
      { userId: police.sub, displayName: 'PC One', agency: 'police', role: 'police' },
      { userId: advocate.sub, agency: 'advocacy', role: 'advocate' },
    ],
    agenda: [], status: 'running', position: null, startedAt: null, endedAt: null, attendance: null, appliedEventIds: [],
  };
  // The store first, then its collection and indexes built, then the write: a first write racing mongoose's
  // creation of the collection is refused by mongo-java-server (seen on a stack started seconds before).
  const store = createMeetingStore(env.db);
  await indexesBuilt(env.db);
  await store.save(meeting);
  return meeting;
}

/**
 * The projector's side: write pushes to the live topic, then wait until a reader of its own has each, to
 * learn the seq the topic gave it.
 */
async function writer(env: Env, meetingId: string) {
  const reader = await startedLive(env, `writer-${randomUUID().slice(0, 8)}`);
  const draft = (push: Partial<NewPush>): NewPush => ({
    meetingId, kind: 'timeline.entry', caseRef: 'CNV-2025-000001', sharing: 'partnership', audience: null,
    payload: {}, sourceId: randomUUID(), at: new Date().toISOString(), ...push,
  });
  const seen = (push: NewPush) => eventually(async () => reader.logs.since(meetingId, 0).find((p) => p.sourceId === push.sourceId && p.kind === push.kind), { what: `push ${push.sourceId} on the topic` });
  const append = async (push: Partial<NewPush> = {}) => {
    const next = draft(push);
    await reader.pushes([next]);
    return seen(next);
  };
  return Object.assign(append, { reader, draft, seen });
}

async function startInstance(env: Env, instanceId = `it-${randomUUID().slice(0, 8)}`) {
  const httpServer = createServer();
  const live = await startedLive(env, instanceId);
  const realtime = createRealtime(httpServer, {
    verifyToken, meetings: createMeetingStore(env.db), live, audit: auditRecorderOf(createAuditTrail(env.db, { logger: testLogger })),
    logger: testLogger, presenceHeartbeatMs: 500, areas: areasOf(DEFAULT_AREAS),
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/meetings`;
  const close = async () => {
    await realtime.close();
    httpServer.closeAllConnections();
    await new Promise((resolve) => httpServer.close(resolve));
  };
  cleanups.push(close);
  return { url, realtime, live, close };
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
/** The reasons on the dead-letter topic, as every instance's reader (and the writer's) wrote them. */
async function deadLetterReasons(env: Env): Promise<string[]> {
  const consumer = env.runtime.kafka.consumer({ groupId: `dlq-${randomUUID()}` });
  const reasons: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: env.runtime.topics.dlq, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void reasons.push(headerText(message.headers, DLQ_HEADERS.reason) ?? '') });
  await eventually(async () => reasons.length >= 2, { what: 'dead letters' }).finally(() => consumer.disconnect());
  return reasons;
}
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
    const env = await database();
    const meeting = await meetingIn(env);
    const append = await writer(env, meeting.meetingId);
    await append();
    const second = await append();
    const { url } = await startInstance(env);

    const stranger = await member(url, outsider);
    expect(await join(stranger.socket, { meetingId: meeting.meetingId })).toEqual({ ok: false, error: { code: 'forbidden', reason: expect.any(String) } });
    expect(await join(stranger.socket, { meetingId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const pc = await member(url, police);
    expect(await join(pc.socket, { meetingId: meeting.meetingId })).toEqual({ ok: true, latestSeq: second.seq });
    await eventually(async () => pc.received.some((p) => p.kind === 'presence'), { what: 'own presence push' });
    expect(stranger.received).toEqual([]);
  });

  it('delivers live pushes in seq order, restricted ones only to their audience', async () => {
    const env = await database();
    const meeting = await meetingIn(env);
    const append = await writer(env, meeting.meetingId);
    const { url } = await startInstance(env);
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
    const env = await database();
    const meeting = await meetingIn(env);
    const append = await writer(env, meeting.meetingId);
    const { url, live } = await startInstance(env);

    const before = await member(url, police);
    expect(await join(before.socket, { meetingId: meeting.meetingId })).toMatchObject({ ok: true });
    // Its own arrival announced first: a join and a leave within one presence announcement (200 ms) cancel out,
    // and there would be no presence push of leaving to wait for.
    await eventually(async () => before.received.some((p) => p.kind === 'presence'), { what: 'the presence push of joining' });
    const early: MeetingPush[] = [];
    for (let i = 0; i < 5; i++) early.push(await append({ payload: { n: i } }));
    await eventually(async () => seqs(before.received).includes(early[4]!.seq), { what: 'the early pushes' });
    const lastSeq = Math.max(...seqs(before.received));
    before.socket.disconnect();
    await eventually(async () => live.logs.since(meeting.meetingId, lastSeq).some((p) => p.kind === 'presence'), { what: 'the presence push of leaving' });

    const missed: number[] = [];
    for (let i = 0; i < 50; i++) missed.push((await append({ payload: { n: 100 + i } })).seq);

    const after = await member(url, police);
    const ack = await join(after.socket, { meetingId: meeting.meetingId, lastSeq });
    expect(ack).toMatchObject({ ok: true });
    await eventually(async () => seqs(after.received).includes(missed[49]!), { what: 'the missed pushes' });
    await settle();

    // Every push after lastSeq exactly once, in order: the 50 missed, plus presence changes (leaving, rejoining).
    expect(seqs(after.received)).toEqual(seqs(live.logs.since(meeting.meetingId, lastSeq)));
    expect(seqs(after.received, 'timeline.entry')).toEqual(missed);
    // The catch-up came before anything live: the rejoin's own presence push is after all of them.
    expect(after.received.findIndex((p) => p.kind === 'presence' && p.seq > missed[49]!)).toBe(after.received.length - 1);
  });

  it('gives clients on two instances the same pushes in the same order', async () => {
    const env = await database();
    const meeting = await meetingIn(env);
    const one = await startInstance(env, 'instance-one');
    const two = await startInstance(env, 'instance-two');
    const onOne = await member(one.url, chair);
    const onTwo = await member(two.url, advocate);
    expect(await join(onOne.socket, { meetingId: meeting.meetingId })).toMatchObject({ ok: true });
    expect(await join(onTwo.socket, { meetingId: meeting.meetingId })).toMatchObject({ ok: true });
    await eventually(async () => onOne.received.some((p) => p.kind === 'presence' && (p.payload as PresencePayload).present.length === 2), { what: 'presence of both' });

    const writers = [await writer(env, meeting.meetingId), await writer(env, meeting.meetingId)];
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

  it('gives a redelivered push no second seq, on every instance, live and on catch-up', async () => {
    const env = await database();
    const meeting = await meetingIn(env);
    const append = await writer(env, meeting.meetingId);
    const one = await startInstance(env);
    const two = await startInstance(env);
    const onOne = await member(one.url, police);
    expect(await join(onOne.socket, { meetingId: meeting.meetingId })).toMatchObject({ ok: true });

    // The projector applied a batch, wrote its pushes, and was killed before committing: the batch runs again.
    const first = append.draft({ payload: { n: 1 } });
    await append.reader.pushes([first]);
    await append.reader.pushes([{ ...first, at: new Date().toISOString() }]);
    const after = await append({ payload: { n: 2 } });
    await eventually(async () => seqs(onOne.received, 'timeline.entry').includes(after.seq), { what: 'the push after the redelivery' });
    const original = await append.seen(first);
    expect(seqs(onOne.received, 'timeline.entry')).toEqual([original.seq, after.seq]);

    const onTwo = await member(two.url, police);
    expect(await join(onTwo.socket, { meetingId: meeting.meetingId, lastSeq: 0 })).toMatchObject({ ok: true });
    await eventually(async () => seqs(onTwo.received, 'timeline.entry').includes(after.seq), { what: 'the catch-up on instance two' });
    expect(seqs(onTwo.received, 'timeline.entry')).toEqual([original.seq, after.seq]);
    const caughtUp = await onTwo.socket.timeout(5000).emitWithAck('catchUp', { meetingId: meeting.meetingId, afterSeq: 0 });
    expect(caughtUp.ok && caughtUp.pushes.filter((p: MeetingPush) => p.kind === 'timeline.entry').map((p: MeetingPush) => p.seq)).toEqual([original.seq, after.seq]);
  });

  it('stops serving a case\'s advocacy pushes once consent is narrowed, on instances started before and after', async () => {
    const env = await database();
    const meeting = await meetingIn(env);
    const append = await writer(env, meeting.meetingId);
    const before = await startInstance(env);
    const caseRef = 'CNV-2025-000777';
    const diary = await append({ caseRef, payload: { entry: { agency: 'advocacy', eventId: randomUUID() } } });
    const incident = await append({ caseRef, payload: { entry: { agency: 'police', eventId: randomUUID() } } });
    await eventually(async () => before.live.logs.latestSeq(meeting.meetingId) >= incident.seq, { what: 'both pushes on the instance' });
    expect(before.live.logs.since(meeting.meetingId, 0).map((p) => p.seq)).toEqual([diary.seq, incident.seq]);

    await append.reader.retract(caseRef, 'advocacy');
    await eventually(async () => before.live.logs.since(meeting.meetingId, 0).length === 1, { what: 'the diary push withdrawn' });
    const after = await startInstance(env);
    for (const instance of [before, after]) {
      const pc = await member(instance.url, advocate);
      expect(await join(pc.socket, { meetingId: meeting.meetingId, lastSeq: 0 })).toMatchObject({ ok: true });
      await eventually(async () => seqs(pc.received, 'timeline.entry').includes(incident.seq), { what: 'the incident on catch-up' });
      expect(seqs(pc.received, 'timeline.entry')).toEqual([incident.seq]);
    }
  });

  it('dead-letters a malformed message on the live topic with its reason and delivers the next push', async () => {
    const env = await database();
    const meeting = await meetingIn(env);
    const append = await writer(env, meeting.meetingId);
    const { url } = await startInstance(env);
    const pc = await member(url, police);
    expect(await join(pc.socket, { meetingId: meeting.meetingId })).toMatchObject({ ok: true });

    await env.runtime.publisher.sendRaw(env.runtime.topics.live, [
      { key: meeting.meetingId, value: '{"type":"push","push":{"meetingId":"not-a-meeting"}}' },
      { key: meeting.meetingId, value: 'not json' },
    ]);
    const next = await append({ payload: { n: 'after the bad ones' } });
    await eventually(async () => seqs(pc.received).includes(next.seq), { what: 'the push after the bad messages' });
    expect(pc.socket.connected).toBe(true);

    const reasons = await deadLetterReasons(env);
    expect(reasons).toEqual(expect.arrayContaining(['schema', 'unparseable']));
  });

  it('answers a bad message with the field at fault and carries on', async () => {
    const env = await database();
    const meeting = await meetingIn(env);
    const { url } = await startInstance(env);
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
    const env = await database();
    const meeting = await meetingIn(env);
    const { url } = await startInstance(env);
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
