import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'mongoose';
import { createAuditLog, entryHash, GENESIS_HASH, type AuditInput, type AuditLog } from '../../services/conference/src/audit/index.js';
import { freshDatabase, mongoUrl } from '../support/infra.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const ENTRIES = 50;

const ACTIONS = ['case.view.read', 'chronology.read', 'chronology.export.csv', 'disclosure.read', 'meeting.start', 'action.assign'];

function input(i: number): AuditInput {
  return {
    actor: { sub: `user-${i % 7}`, role: i % 2 ? 'police' : 'chair', agency: i % 2 ? 'police' : 'conference' },
    action: ACTIONS[i % ACTIONS.length]!,
    caseRef: `CNV-2026-00012${i % 3}`,
    purpose: i % 5 ? 'live meeting' : 'CPS history check',
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
      env: { ...process.env, MONGO_DB_SUFFIX: '', ...env },
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
    const forged = { ...content, purpose: 'something else' };
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
    await expect(log.append({ ...input(1), purpose: 'DOB 01/02/1980' })).rejects.toThrow();
    expect(await rawAudit(fresh.db).countDocuments()).toBe(0);
    await expect(log.verify()).resolves.toEqual({ ok: true, entries: 0 });
  });

  describe('npm run audit:verify', () => {
    it('exits 0 and says OK on a good chain, exits 1 and names the entry after tampering', async () => {
      const { db, name } = await seededDatabase();
      const good = await runVerify(['--db', name], { MONGO_URL: mongoUrl() });
      expect(good.stderr).toBe('');
      expect(good.stdout).toContain(`audit chain OK: ${ENTRIES} entries`);
      expect(good.code).toBe(0);

      await rawAudit(db).updateOne({ _id: 20 }, { $set: { purpose: 'something else' } });
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
