import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'mongoose';
import { createEvent, prefixedTopics, type CaseRef } from '@convene/shared/contracts';
import { createEventPublisher } from '@convene/shared/kafka';
import {
  createAuditLog, createAuditTrail, entryHash, GENESIS_HASH, readAnchors, type AuditEntry, type AuditInput, type AuditLog, type AuditPurpose,
} from '@convene/shared/audit';
import { client, startAgency, tokenFor, type RunningAgency } from '../support/agencies.js';
import { startConference, type RunningConference } from '../support/conference.js';
import { caseListed, newCaseRef, people, publishAsConference } from '../support/fixtures.js';
import { brokers, eventually, freshDatabase, mongoUrl, testKafka, testLogger, uniqueId } from '../support/infra.js';
import { meetingClient } from '../support/meetingClient.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const ENTRIES = 50;

const MEETING = '7d1f6a52-5c1e-4f53-9d55-0b1a8c3f2e11';
const REQUEST = '0b6f0c2e-2f4a-4a8e-9a43-3c5d6e7f8a90';
/** Signs anchors in these tests; published nowhere else. */
const ANCHOR_KEY = 'audit-anchor-key-for-the-integration-tests-only';

const ACTIONS = ['case.view.read', 'chronology.read', 'chronology.export.csv', 'disclosure.read', 'meeting.start', 'action.assign'];

function input(i: number): AuditInput {
  return {
    actor: { sub: `user-${i % 7}`, role: i % 2 ? 'police' : 'chair', agency: i % 2 ? 'police' : 'conference' },
    action: ACTIONS[i % ACTIONS.length]!,
    caseRef: `CNV-2026-00012${i % 3}`,
    purpose: i % 5 ? { kind: 'meeting', ref: MEETING } : { kind: 'history_request', ref: REQUEST },
    outcome: i % 11 ? 'allowed' : 'denied',
  };
}

/** 50 entries: the first ten one by one, then forty appenders racing for the next places at once. */
async function seed(log: AuditLog): Promise<void> {
  for (let i = 1; i <= 10; i++) await log.append(input(i));
  await Promise.all(Array.from({ length: ENTRIES - 10 }, (_, k) => log.append(input(11 + k))));
}

const dbs: Array<{ drop: () => Promise<void> }> = [];
async function seededDatabase(): Promise<{ db: Connection; name: string; log: AuditLog }> {
  const fresh = await freshDatabase();
  dbs.push(fresh);
  const log = createAuditLog(fresh.db);
  await seed(log);
  return { db: fresh.db, name: fresh.name, log };
}
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
});

/** The raw stored entries, to tamper with as someone with database access could. */
const rawAudit = (db: Connection) => db.collection<{ _id: number } & Record<string, unknown>>('audit');

async function swapContents(db: Connection, a: number, b: number): Promise<void> {
  const audit = rawAudit(db);
  const [docA, docB] = await Promise.all([audit.findOne({ _id: a }), audit.findOne({ _id: b })]);
  const { _id: _a, ...contentA } = docA!;
  const { _id: _b, ...contentB } = docB!;
  await audit.replaceOne({ _id: a }, contentB);
  await audit.replaceOne({ _id: b }, contentA);
}

function runVerify(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'scripts/audit-verify.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, MONGO_DB_SUFFIX: '', CONVENE_AUDIT_ANCHOR_KEY: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('audit log on the real database', () => {
  it('chains 50 entries, some appended concurrently, as seq 1..50 with no gaps', async () => {
    const { log } = await seededDatabase();
    await expect(log.verify()).resolves.toEqual({ ok: true, entries: ENTRIES });
    const all = await log.list({ limit: 1000 });
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: ENTRIES }, (_, i) => i + 1));
    expect(all[0]!.prevHash).toBe(GENESIS_HASH);
    all.slice(1).forEach((entry, i) => expect(entry.prevHash).toBe(all[i]!.hash));
    // Small pages walk the same chain.
    await expect(log.verify({ batchSize: 7 })).resolves.toEqual({ ok: true, entries: ENTRIES });
  });

  it('lists by case reference and actor, in seq order', async () => {
    const { log } = await seededDatabase();
    const forCase = await log.list({ caseRef: 'CNV-2026-000121', limit: 1000 });
    expect(forCase.length).toBe(17);
    expect(forCase.every((e) => e.caseRef === 'CNV-2026-000121')).toBe(true);
    const byActor = await log.list({ actorSub: 'user-3', action: 'case.view.read' });
    expect(byActor.every((e) => e.actor.sub === 'user-3' && e.action === 'case.view.read')).toBe(true);
    expect(byActor.map((e) => e.seq)).toEqual([...byActor.map((e) => e.seq)].sort((a, b) => a - b));
  });

  it('names #20 as a hash mismatch when one of its fields is altered in place', async () => {
    const { db, log } = await seededDatabase();
    await rawAudit(db).updateOne({ _id: 20 }, { $set: { outcome: 'denied', 'actor.role': 'scrutiny' } });
    await expect(log.verify()).resolves.toEqual({ ok: false, entries: 19, firstBroken: { seq: 20, reason: 'hash_mismatch' } });
  });

  it('names #21 as a prev-hash mismatch when #20 is altered and re-hashed to cover it up', async () => {
    const { db, log } = await seededDatabase();
    const { _id, ...content } = (await rawAudit(db).findOne({ _id: 20 }))!;
    const forged = { ...content, purpose: { kind: 'coordination' } };
    await rawAudit(db).replaceOne({ _id: 20 }, { ...forged, hash: entryHash({ seq: _id, ...forged }) });
    await expect(log.verify()).resolves.toEqual({ ok: false, entries: 20, firstBroken: { seq: 21, reason: 'prev_hash_mismatch' } });
  });

  it('names a deleted entry #30 itself, as a gap', async () => {
    const { db, log } = await seededDatabase();
    await rawAudit(db).deleteOne({ _id: 30 });
    await expect(log.verify()).resolves.toEqual({ ok: false, entries: 29, firstBroken: { seq: 30, reason: 'gap' } });
  });

  it('notices the newest entries deleted, from the recorded head', async () => {
    const { db, log } = await seededDatabase();
    await rawAudit(db).deleteMany({ _id: { $gte: 48 } });
    await expect(log.verify()).resolves.toEqual({ ok: false, entries: 47, firstBroken: { seq: 48, reason: 'gap' } });
  });

  it('names the first of two swapped entries as reordered', async () => {
    const { db, log } = await seededDatabase();
    await swapContents(db, 20, 25);
    await expect(log.verify()).resolves.toEqual({ ok: false, entries: 19, firstBroken: { seq: 20, reason: 'reordered' } });
  });

  it('names the first of two swapped neighbours, including the very first entry, as reordered', async () => {
    const { db, log } = await seededDatabase();
    await swapContents(db, 1, 2);
    await expect(log.verify()).resolves.toEqual({ ok: false, entries: 0, firstBroken: { seq: 1, reason: 'reordered' } });
  });

  it('rejects an entry carrying a field the schema does not know, and writes nothing', async () => {
    const fresh = await freshDatabase();
    dbs.push(fresh);
    const log = createAuditLog(fresh.db);
    const withName = { ...input(1), name: 'Jane Doe' } as AuditInput;
    await expect(log.append(withName)).rejects.toThrow(/unrecognized key/i);
    await expect(log.append({ ...input(1), purpose: { kind: 'case', ref: '01/02/1980' } as AuditPurpose })).rejects.toThrow();
    await expect(log.append({ ...input(1), purpose: 'live meeting' } as unknown as AuditInput)).rejects.toThrow();
    expect(await rawAudit(fresh.db).countDocuments()).toBe(0);
    await expect(log.verify()).resolves.toEqual({ ok: true, entries: 0 });
  });

  describe('npm run audit:verify', () => {
    it('exits 0 and says OK on a good chain, exits 1 and names the entry after tampering', async () => {
      const { db, name } = await seededDatabase();
      const good = await runVerify(['--db', name], { MONGO_URL: mongoUrl() });
      expect(good.stderr).toBe('');
      expect(good.stdout).toContain(`audit chain OK: ${ENTRIES} entries`);
      expect(good.stdout).toContain('NOT checked against an anchor');
      expect(good.code).toBe(0);

      await rawAudit(db).updateOne({ _id: 20 }, { $set: { purpose: { kind: 'coordination' } } });
      const bad = await runVerify(['--db', name], { MONGO_URL: mongoUrl() });
      expect(bad.stdout).toContain('audit chain BROKEN at entry #20 (hash_mismatch)');
      expect(bad.code).toBe(1);
    });

    it('exits 2 with a clear message when the database cannot be reached, without printing a password', async () => {
      const down = await runVerify(['--db', 'convene_conference'], { MONGO_URL: 'mongodb://auditor:s3cret@127.0.0.1:1' });
      expect(down.code).toBe(2);
      expect(down.stderr).toContain('cannot verify the audit chain at mongodb://auditor:***@127.0.0.1:1');
      expect(down.stderr).not.toContain('s3cret');
    });
  });
});

/** A trail anchoring to topics of its own, only when told to (a flush or stop), so each anchored seq is known. */
async function anchoredTrail() {
  const fresh = await freshDatabase();
  dbs.push(fresh);
  const prefix = uniqueId('anch');
  const kafka = testKafka();
  const publisher = await createEventPublisher(kafka);
  const trail = createAuditTrail(fresh.db, { logger: testLogger, anchorKey: ANCHOR_KEY, anchorEveryMs: 3_600_000, anchorMaxPending: 1_000_000 });
  await trail.start({ kafka, publisher, topics: prefixedTopics(prefix) });
  const env = { MONGO_URL: mongoUrl(), KAFKA_BROKERS: brokers().join(','), KAFKA_TOPIC_PREFIX: prefix, CONVENE_AUDIT_ANCHOR_KEY: ANCHOR_KEY };
  return { db: fresh.db, name: fresh.name, trail, prefix, env, close: () => publisher.disconnect() };
}

/** Rewrite every entry from `from` on, as someone with write access to the database could: each re-hashed and re-linked, the head moved too. */
async function rewriteChain(db: Connection, from = 1): Promise<void> {
  const audit = rawAudit(db);
  const docs = await audit.find({}).sort({ _id: 1 }).toArray();
  let prevHash = GENESIS_HASH;
  for (const { _id, hash: _old, ...content } of docs) {
    if (_id < from) {
      prevHash = _old as string;
      continue;
    }
    const forged = { ...content, outcome: 'allowed', purpose: { kind: 'coordination' }, prevHash };
    const hash = entryHash({ seq: _id, ...forged });
    await audit.replaceOne({ _id }, { ...forged, hash });
    prevHash = hash;
  }
  await db.collection<{ _id: string; seq: number; hash: string }>('audit_head').updateOne({ _id: 'head' }, { $set: { hash: prevHash } });
}

describe('the audit chain anchored outside its database', () => {
  it('publishes signed heads in batches, and audit:verify checks the chain against them', async () => {
    const { name, trail, prefix, env, close } = await anchoredTrail();
    for (let i = 1; i <= 9; i++) await trail.record(input(i));
    await trail.log.verify(); // a read of the chain, not an append: nothing new to anchor
    await trail.stop();
    const first = await readAnchors(testKafka(), prefixedTopics(prefix).auditAnchors, name);
    expect(first.anchors.map((a) => a.seq)).toEqual([9]); // nine appends, one anchor
    await close();

    const good = await runVerify(['--db', name], env);
    expect(good.stderr).toBe('');
    expect(good.stdout).toContain(`audit chain OK: 9 entries in ${name}, anchored up to #9 by 1 anchors`);
    expect(good.code).toBe(0);
  });

  it('fails audit:verify, naming the first anchored entry, when the whole chain is rewritten with every hash recomputed', async () => {
    const { db, name, trail, env, close } = await anchoredTrail();
    for (let i = 1; i <= 9; i++) await trail.record(input(i));
    await trail.flush();
    for (let i = 10; i <= 30; i++) await trail.record(input(i));
    await trail.stop(); // anchors #30
    await close();

    await rewriteChain(db);
    // Link by link the forged chain holds: only the anchor can tell.
    await expect(createAuditLog(db).verify()).resolves.toEqual({ ok: true, entries: 30 });
    const bad = await runVerify(['--db', name], env);
    expect(bad.stdout).toContain('audit chain BROKEN at entry #9 (anchor_mismatch)');
    expect(bad.stdout).toContain('the chain up to #9 was rewritten after it was anchored');
    expect(bad.code).toBe(1);
  });

  it('names the first rewritten anchored entry when only the newer part is rewritten', async () => {
    const { db, name, trail, env, close } = await anchoredTrail();
    for (let i = 1; i <= 9; i++) await trail.record(input(i));
    await trail.flush();
    for (let i = 10; i <= 30; i++) await trail.record(input(i));
    await trail.stop();
    await close();

    await rewriteChain(db, 12);
    const bad = await runVerify(['--db', name], env);
    expect(bad.stdout).toContain('audit chain BROKEN at entry #30 (anchor_mismatch)');
    expect(bad.stdout).toContain('the newest anchor before it that still matches is #9');
    expect(bad.code).toBe(1);
  });

  it('fails audit:verify when the newest entries and the recorded head are deleted together', async () => {
    const { db, name, trail, env, close } = await anchoredTrail();
    for (let i = 1; i <= 12; i++) await trail.record(input(i));
    await trail.stop();
    await close();

    await rawAudit(db).deleteMany({ _id: { $gte: 10 } });
    const nine = await rawAudit(db).findOne({ _id: 9 });
    await db.collection<{ _id: string; seq: number; hash: string }>('audit_head').updateOne({ _id: 'head' }, { $set: { seq: 9, hash: nine!.hash as string } });
    await expect(createAuditLog(db).verify()).resolves.toEqual({ ok: true, entries: 9 });
    const bad = await runVerify(['--db', name], env);
    expect(bad.stdout).toContain('audit chain BROKEN at entry #10 (truncated)');
    expect(bad.code).toBe(1);
  });

  it('fails a chain that nothing anchors, and an anchor signed with another key', async () => {
    const { name, trail, env, close } = await anchoredTrail();
    await trail.record(input(1));
    await trail.stop();
    await close();
    const otherKey = await runVerify(['--db', name], { ...env, CONVENE_AUDIT_ANCHOR_KEY: 'another-key-of-at-least-thirty-two-characters' });
    expect(otherKey.stdout).toContain('audit chain BROKEN at entry #1 (forged_anchor)');
    expect(otherKey.code).toBe(1);
    const elsewhere = await runVerify(['--db', name], { ...env, KAFKA_TOPIC_PREFIX: uniqueId('none') });
    expect(elsewhere.stdout).toContain('audit chain BROKEN at entry #1 (unanchored)');
    expect(elsewhere.code).toBe(1);
  });
});

describe('reads through the API, audited with their real purpose', () => {
  const prefix = uniqueId('apurp');
  const chair = { sub: 'chair-aud-1', agency: 'conference', role: 'chair' } as const;
  const officer = { sub: 'pc-aud-7', agency: 'police', role: 'police' } as const;
  const lawyer = { sub: 'cps-aud-3', agency: 'cps', role: 'cps' } as const;
  const otherLawyer = { sub: 'cps-aud-4', agency: 'cps', role: 'cps' } as const;
  const scrutineer = { sub: 'scrutiny-aud-1', agency: 'conference', role: 'scrutiny' } as const;
  let conference: RunningConference;
  let police: RunningAgency;
  let caseRef: CaseRef;
  let meetingId: string;
  let policeApi: ReturnType<typeof client>;
  let victim: { personId: string; tokens: string[] };
  const entries = (filter: Parameters<AuditLog['list']>[0]) => conference.service.auditLog.list({ limit: 1000, ...filter });

  beforeAll(async () => {
    const env = { CONVENE_AUDIT_ANCHOR_KEY: ANCHOR_KEY };
    conference = await startConference(prefix, { env });
    police = await startAgency('police', { prefix, env });
    policeApi = client(police.url, await tokenFor(officer));
    victim = (await policeApi.post('/people', people.victim)).body;
    caseRef = newCaseRef();
    await publishAsConference(prefix, caseListed(caseRef, [{ role: 'victim', tokens: victim.tokens }]));
    const chairApi = client(conference.url, await tokenFor(chair));
    await eventually(async () => ((await chairApi.get(`/cases/${caseRef}`)).status === 200 ? true : undefined), { what: 'the case listed', timeoutMs: 20_000 });
    const meeting = await chairApi.post('/meetings', {
      title: 'Audit purposes', scheduledFor: new Date(Date.now() + 3_600_000).toISOString(), members: [{ userId: officer.sub, agency: 'police', role: 'police' }], agenda: [caseRef],
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    meetingId = meeting.body.meetingId;
  });

  afterAll(async () => {
    await police?.stop();
    await conference?.stop();
  });

  const purposeOf = (e: AuditEntry) => e.purpose;

  it('records a member\'s case view for the meeting that gives access, and a chair\'s as coordination', async () => {
    const officerApi = client(conference.url, await tokenFor(officer));
    expect((await officerApi.get(`/cases/${caseRef}`)).status).toBe(200);
    expect((await officerApi.get(`/cases/${caseRef}?meetingId=${meetingId}`)).status).toBe(200);
    const stranger = randomUUID();
    expect((await officerApi.get(`/cases/${caseRef}?meetingId=${stranger}`)).status).toBe(403);
    expect((await officerApi.get(`/cases/${caseRef}?meetingId=not-a-uuid`)).status).toBe(400);

    const reads = await entries({ caseRef, action: 'case.view.read', actorSub: officer.sub });
    expect(reads.map((e) => [purposeOf(e), e.meetingId, e.outcome])).toEqual([
      [{ kind: 'meeting', ref: meetingId }, meetingId, 'allowed'],
      [{ kind: 'meeting', ref: meetingId }, meetingId, 'allowed'],
      [{ kind: 'meeting', ref: stranger }, stranger, 'denied'],
    ]);
    const byChair = await entries({ caseRef, action: 'case.view.read', actorSub: chair.sub });
    expect(byChair.map(purposeOf)).toEqual(byChair.map(() => ({ kind: 'coordination' })));
  });

  it('records a socket join and catch-up for their meeting', async () => {
    const socket = await meetingClient(conference.url, await tokenFor(officer));
    try {
      expect((await socket.join(meetingId)).ok).toBe(true);
      const caughtUp = await socket.socket.timeout(10_000).emitWithAck('catchUp', { meetingId, afterSeq: 0 });
      expect(caughtUp.ok).toBe(true);
    } finally {
      socket.close();
    }
    const live = await entries({ meetingId, actorSub: officer.sub });
    expect(live.filter((e) => e.action.startsWith('meeting.')).map((e) => [e.action, purposeOf(e), e.outcome])).toEqual([
      ['meeting.join', { kind: 'meeting', ref: meetingId }, 'allowed'],
      ['meeting.catch_up', { kind: 'meeting', ref: meetingId }, 'allowed'],
    ]);
  });

  it('records a chronology read and its exports for the history request, allowed or refused', async () => {
    const requestRef = randomUUID();
    const publisher = await createEventPublisher(testKafka(), { topicFor: (e) => prefixedTopics(prefix).events[e.agency] });
    try {
      await publisher.publish([createEvent('cps.history.requested.v1', {
        occurredAt: new Date(), sharing: 'partnership', subject: caseRef,
        data: { requestRef, caseRef, urn: '42AB1234526', suspectTokens: victim.tokens.slice(0, 1), victimTokens: [], lawfulBasis: 'charging_decision', purpose: 'Charging decision', requestedBy: { userId: lawyer.sub } },
      })]);
    } finally {
      await publisher.disconnect();
    }
    const lawyerApi = client(conference.url, await tokenFor(lawyer));
    await eventually(async () => ((await lawyerApi.get(`/history-checks/${requestRef}`)).status !== 404 ? true : undefined), { what: 'the history check opened', timeoutMs: 20_000 });
    await lawyerApi.get(`/history-checks/${requestRef}/export.csv`);
    // Refused (answered as not found, so references cannot be probed), and audited all the same.
    expect([403, 404]).toContain((await client(conference.url, await tokenFor(otherLawyer)).get(`/history-checks/${requestRef}`)).status);

    const reads = await entries({ requestRef, action: 'chronology.read' });
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.every((e) => e.purpose.kind === 'history_request' && e.purpose.ref === requestRef)).toBe(true);
    expect(reads.some((e) => e.actor.sub === otherLawyer.sub && e.outcome === 'denied')).toBe(true);
    const exports = await entries({ requestRef, action: 'chronology.export.csv' });
    expect(exports.map(purposeOf)).toEqual([{ kind: 'history_request', ref: requestRef }]);
  });

  it('records scrutiny reads for the months they cover', async () => {
    const scrutinyApi = client(conference.url, await tokenFor(scrutineer));
    expect((await scrutinyApi.get('/scrutiny/figures?to=2026-03&months=12')).status).toBe(200);
    const reads = await entries({ actorSub: scrutineer.sub, action: 'scrutiny.figures.read' });
    expect(reads.map(purposeOf)).toEqual([{ kind: 'scrutiny', ref: '2025-04..2026-03' }]);
  });

  it('records an agency\'s reads of people in its own database, for the case named or as its own casework', async () => {
    expect((await policeApi.get(`/people/${victim.personId}?caseRef=${caseRef}`)).status).toBe(200);
    expect((await policeApi.get(`/people/${victim.personId}`)).status).toBe(200);
    expect((await policeApi.get(`/people/${victim.personId}?caseRef=Jane`)).status).toBe(400);
    const reads = await police.kit.audit.log.list({ action: 'get_person', limit: 1000 });
    expect(reads.map((e) => [e.actor.sub, e.record, e.purpose, e.caseRef])).toEqual([
      [officer.sub, { kind: 'person', ref: victim.personId }, { kind: 'case', ref: caseRef }, caseRef],
      [officer.sub, { kind: 'person', ref: victim.personId }, { kind: 'casework' }, undefined],
    ]);
    // The agency's chain is its own, and verifies.
    await expect(police.kit.audit.log.verify()).resolves.toMatchObject({ ok: true });
  });

  it('anchors the conference\'s chain as it runs, so audit:verify passes it against the anchor', async () => {
    await conference.service.auditTrail.flush();
    const verified = await runVerify(['--db', conference.dbName], {
      MONGO_URL: mongoUrl(), KAFKA_BROKERS: brokers().join(','), KAFKA_TOPIC_PREFIX: prefix, CONVENE_AUDIT_ANCHOR_KEY: ANCHOR_KEY,
    });
    expect(verified.stdout).toMatch(/audit chain OK: \d+ entries in .*, anchored up to #\d+/);
    expect(verified.code).toBe(0);
  });
});
