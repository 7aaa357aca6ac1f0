// The local stack's database stand-in (mongo-java-server on H2) stores its files in Convene's layout
// (infra/local/mongo-java-server/convene/h2/): index keys of strings and ObjectIds ordered and stored as them
// rather than Java-serialised, documents stored as BSON. Its unique indexes must still find and refuse what
// upstream's do, for every kind of key, and every kind of value must come back as written: on a new file, after
// a restart on that file, and on a file written in upstream's own layout (which keeps that layout).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { ensureMongoJavaServerInstalled, libsDir, startMongoJavaServer, waitForMongoJavaServer } from '../../infra/local/mongoJavaServer.js';
import { stackConfig } from '../../infra/local/paths.js';
import { javaExecutable, stopProcessGroup, waitUntil, isPortListening } from '../../infra/local/processes.js';
import { freePort } from '../support/ports.js';

type Db = mongoose.mongo.Db;
const { MongoClient, ObjectId, Long, Decimal128, Binary, UUID, Int32, Double, BSON } = mongoose.mongo;

const UPSTREAM_SERVER = path.join(import.meta.dirname, '../support/standIn/UpstreamH2Server.java');

interface Running { pid: number; port: number; logFile: string }

async function startOurs(dataDir: string, port: number): Promise<Running> {
  const logFile = path.join(dataDir, 'mongo-java-server.log');
  const logFrom = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const state = await startMongoJavaServer(dataDir, { ...stackConfig({}), mongoPort: port });
  await waitForMongoJavaServer(state, 60_000, logFrom);
  return { pid: state.pid, port, logFile };
}

async function startUpstream(dataDir: string, port: number): Promise<Running> {
  const logFile = path.join(dataDir, 'upstream.log');
  fs.mkdirSync(path.join(dataDir, 'mongo-java-server'), { recursive: true });
  const out = fs.openSync(logFile, 'a');
  const child = spawn(javaExecutable(), ['-cp', path.join(libsDir(), '*'), UPSTREAM_SERVER, '127.0.0.1', String(port), path.join(dataDir, 'mongo-java-server', 'convene.mv.db')], { detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  child.unref();
  await waitUntil(async () => fs.readFileSync(logFile, 'utf8').includes('upstream mongo-java-server ready') && (await isPortListening(port, '127.0.0.1')), { what: 'upstream mongo-java-server', timeoutMs: 60_000, pid: child.pid!, logFile });
  return { pid: child.pid!, port, logFile };
}

/** What the launcher said about the file it opened last. */
function layoutLine(server: Running): string {
  const lines = fs.readFileSync(server.logFile, 'utf8').split('\n').filter((l) => l.includes('layout:'));
  return lines.at(-1) ?? '';
}

async function withDb<T>(server: Running, work: (db: Db) => Promise<T>, name = 'standin'): Promise<T> {
  const client = await MongoClient.connect(`mongodb://127.0.0.1:${server.port}`, { serverSelectionTimeoutMS: 10_000 });
  try {
    return await work(client.db(name));
  } finally {
    await client.close();
  }
}

const code = (err: unknown) => (err as { code?: number }).code;
async function refused(write: Promise<unknown>): Promise<number | undefined> {
  try {
    await write;
    return undefined;
  } catch (err) {
    return code(err);
  }
}

// Every kind of _id the services or a user's data might hold, strings chosen to sit close in any order.
const stringIds = ['', 'a', 'ab', 'a\u00e9', 'a\u{1F600}', 'B', 'evt-0001', 'evt-0010', 'evt-0002', ...Array.from({ length: 1_500 }, (_, i) => `evt-${(i * 7919) % 100_003}-${i}`)];
const otherIds = [7, 7.5, -1, new ObjectId('64b000000000000000000001'), new Date('2026-12-08T00:00:00Z'), true, { k: 'a' }];

// Every BSON type a service or a user's data might store, nested too.
const richValues = () => ({
  _id: 'rich',
  text: 'Gr\u00fc\u00dfe \u{1F600}', empty: '', int: new Int32(-7), long: Long.fromString('9007199254740993'), double: new Double(2.5),
  negativeZero: new Double(-0), decimal: Decimal128.fromString('12.3400'), yes: true, no: false, nothing: null,
  when: new Date('2026-12-08T01:02:03.456Z'), packed: new Binary(Buffer.from([0, 1, 2, 250, 255])), uuid: new UUID('0b7c8a3e-8b0a-4b6f-9d2e-3a1f5c6d7e8f'),
  objectId: new ObjectId('64b000000000000000000002'), list: [1, 'two', [3], { four: 4 }], nested: { deeper: { deepest: ['x'] } },
});

async function fill(db: Db): Promise<void> {
  await db.collection('values').insertOne(richValues() as never);
  // Values BSON would not give back as they are: a time finer than a millisecond (in a unique index), and a
  // field name with a NUL in it (made on the server: no driver sends one).
  const stamps = db.collection('stamps');
  await stamps.createIndex({ at: 1 }, { unique: true });
  await stamps.insertOne({ _id: 't1' as never });
  await stamps.updateOne({ _id: 't1' as never }, { $currentDate: { at: true } });
  await db.collection('src').insertOne({ _id: 'one' as never });
  await db.collection('src').aggregate([
    { $replaceRoot: { newRoot: { $arrayToObject: [[['_id', 1], ['a\u0000b', 1], ['z', 'keep']]] } } },
    { $merge: { into: 'dst' } },
  ]).toArray();
  const docs = db.collection('docs');
  await docs.insertMany([...stringIds.map((_id) => ({ _id, n: 1 })), ...otherIds.map((_id) => ({ _id, n: 2 }))] as never[]);
  const pairs = db.collection('pairs');
  await pairs.createIndex({ a: 1, b: 1 }, { unique: true });
  await pairs.insertMany([{ a: 'x', b: 'y' }, { a: 'x', b: 'z' }, { a: 'x', b: 1 }, { a: 'xy', b: '' }]);
  const sparse = db.collection('sparse');
  await sparse.createIndex({ email: 1 }, { unique: true, sparse: true });
  await sparse.insertMany([{ email: 'v@example.org' }, {}, {}, { email: 'w@example.org' }]);
}

/** Everything the file holds is found, and every duplicate refused, whatever the kind of key. */
async function checkAll(db: Db): Promise<void> {
  const docs = db.collection('docs');
  for (const _id of [...stringIds, ...otherIds]) {
    expect(await docs.findOne({ _id: _id as never }), `find ${JSON.stringify(_id)}`).not.toBeNull();
    expect(await refused(docs.insertOne({ _id: _id as never })), `duplicate ${JSON.stringify(_id)}`).toBe(11000);
  }
  expect(await docs.countDocuments()).toBe(stringIds.length + otherIds.length);
  expect(await docs.findOne({ _id: 'evt-missing' as never })).toBeNull();
  const pairs = db.collection('pairs');
  expect(await refused(pairs.insertOne({ a: 'x', b: 'y' }))).toBe(11000);
  expect(await refused(pairs.insertOne({ a: 'x', b: 1 }))).toBe(11000);
  expect(await refused(pairs.insertOne({ a: 'xy', b: '' }))).toBe(11000);
  const sparse = db.collection('sparse');
  expect(await refused(sparse.insertOne({ email: 'v@example.org' }))).toBe(11000);
  expect(await refused(sparse.insertOne({}))).toBeUndefined();
  await sparse.deleteOne({ email: { $exists: false } });
  expect(await db.collection('dst').countDocuments({ z: 'keep' })).toBe(1);
  // Byte for byte: every type, value and field order as written.
  const rich = await db.collection('values').findOne({ _id: 'rich' as never }, { promoteValues: false, promoteLongs: false, promoteBuffers: false });
  expect(Buffer.from(BSON.serialize(rich!)).toString('hex')).toBe(Buffer.from(BSON.serialize(richValues())).toString('hex'));
}

/** A delete frees its key and touches no other; the key can be used again. */
async function deleteAndReuse(db: Db, ids: unknown[]): Promise<void> {
  const stamps = db.collection('stamps');
  expect((await stamps.deleteOne({ _id: 't1' as never })).deletedCount).toBe(1);
  await stamps.insertOne({ _id: 't1' as never });
  await stamps.updateOne({ _id: 't1' as never }, { $currentDate: { at: true } });
  const docs = db.collection('docs');
  for (const _id of ids) {
    expect((await docs.deleteOne({ _id: _id as never })).deletedCount).toBe(1);
    expect(await docs.findOne({ _id: _id as never })).toBeNull();
    await docs.insertOne({ _id: _id as never, n: 3 });
    expect(await docs.findOne({ _id: _id as never })).toMatchObject({ n: 3 });
  }
}

/** Queries the stand-in answers its own way (an _id with other fields, sorts): their answers, to compare with upstream's. */
async function querySuite(db: Db): Promise<unknown[]> {
  const docs = db.collection('docs');
  const sorts = db.collection('sorts');
  await sorts.insertMany([{ _id: 's1', k: 3 }, { _id: 's2', k: [1, 5] }, { _id: 's3' }, { _id: 's4', k: null }, { _id: 's5', k: 'x' }, { _id: 's6', k: { a: 1 } }, { _id: 's7', k: 2.5 }, { _id: 's8', k: -1 }, { _id: 's9', k: 3 }] as never[]);
  const ids = (found: { _id: unknown }[]) => found.map((d) => d._id);
  return [
    await docs.findOne({ _id: 'evt-0001' as never, n: 1 }),
    await docs.findOne({ _id: 'evt-0001' as never, n: 2 }),
    ids(await docs.find({ _id: { $in: ['a', 'ab', 'B', 'nope'] as never[] }, n: 1 }).sort({ _id: -1 }).toArray()),
    await docs.countDocuments({ _id: { $in: [7, 'ab', true] as never[] }, n: 2 }),
    (await docs.replaceOne({ _id: 'ab' as never, n: 1 }, { n: 5 })).matchedCount,
    (await docs.replaceOne({ _id: 'ab' as never, n: 1 }, { n: 6 })).matchedCount,
    (await docs.updateOne({ _id: 7 as never, n: 2 }, { $set: { m: 1 } })).modifiedCount,
    (await docs.updateMany({ _id: { $in: ['evt-0002', 'evt-0010'] as never[] }, n: 1, $or: [{ m: { $exists: false } }] }, { $set: { m: 2 } })).modifiedCount,
    (await docs.deleteOne({ _id: 'evt-0010' as never, n: 9 })).deletedCount,
    (await docs.deleteOne({ _id: 'evt-0010' as never, n: 1 })).deletedCount,
    ids(await docs.find({ n: 1 }).sort({ _id: 1 }).limit(25).toArray()),
    ids(await docs.find({}).sort({ n: -1, _id: 1 }).limit(25).toArray()),
    ids(await sorts.find({}).sort({ k: 1 }).toArray()),
    ids(await sorts.find({}).sort({ k: -1 }).toArray()),
    ids(await sorts.find({}).sort({ k: 1, _id: -1 }).toArray()),
    ids(await sorts.find({ k: { $exists: true } }).sort({ 'k.a': -1, _id: 1 }).skip(1).limit(5).toArray()),
    // Several documents pinned by _id: which comes first, and which one a single-document write takes.
    ids(await docs.find({ _id: { $in: ['a', true, 7, 7.5, 'B'] as never[] }, n: 2 }).toArray()),
    ids(await docs.find({ _id: { $in: ['a', true, 7, 7.5, 'B'] as never[] }, n: { $gte: 1 } }).limit(2).toArray()),
    ids(await docs.find({ _id: { $in: ['a', true, 7, 7.5, 'B'] as never[] }, n: { $gte: 1 } }).sort({ $natural: -1 }).toArray()),
    (await docs.findOneAndUpdate({ _id: { $in: [true, 7.5, 'B'] as never[] }, n: { $gte: 1 } }, { $set: { picked: 1 } }))?._id,
    (await docs.deleteOne({ _id: { $in: [-1, 'evt-0001'] as never[] }, n: { $gte: 1 } })).deletedCount,
    ids(await docs.find({ _id: { $in: [-1, 'evt-0001'] as never[] } }).toArray()),
  ];
}

describe('the stand-in\'s file layout', () => {
  const dirs: string[] = [];
  const running = new Set<number>();
  const stop = async (server: Running) => {
    await stopProcessGroup(server.pid);
    running.delete(server.pid);
  };

  beforeAll(async () => {
    await ensureMongoJavaServerInstalled(() => undefined);
  }, 180_000);
  afterAll(async () => {
    for (const pid of running) await stopProcessGroup(pid);
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-standin-'));
    dirs.push(dir);
    return dir;
  };

  it('finds and refuses every kind of key on a new file and after a restart on it', async () => {
    const dir = tempDir();
    const port = await freePort();
    let server = await startOurs(dir, port);
    running.add(server.pid);
    expect(layoutLine(server)).toContain("layout: Convene's");
    await withDb(server, async (db) => {
      await fill(db);
      await checkAll(db);
      await deleteAndReuse(db, ['evt-0002', 'a', 7, new ObjectId('64b000000000000000000001')]);
    });
    // Dropping a database whose name starts like the file's layout mark leaves the mark (and the layout) alone.
    await withDb(server, async (db) => {
      await db.collection('c').insertOne({ _id: 'gone' as never });
      await db.dropDatabase();
    }, 'convene');
    await withDb(server, (db) => db.collection('c').insertOne({ _id: 'kept' as never }), 'later');
    await stop(server);

    server = await startOurs(dir, port);
    running.add(server.pid);
    expect(layoutLine(server)).toContain("layout: Convene's");
    await withDb(server, async (db) => {
      await checkAll(db);
      await deleteAndReuse(db, ['evt-0010', '', 7.5]);
    });
    expect(await withDb(server, (db) => db.collection('c').findOne({ _id: 'kept' as never }), 'later')).not.toBeNull();
    await stop(server);
  }, 120_000);

  it('answers an _id with other fields, and sorts, as upstream does', async () => {
    const upstream = await startUpstream(tempDir(), await freePort());
    running.add(upstream.pid);
    const ours = await startOurs(tempDir(), await freePort());
    running.add(ours.pid);
    const [expected, answered] = await Promise.all([upstream, ours].map((server) => withDb(server, async (db) => {
      await fill(db);
      return querySuite(db);
    })));
    expect(answered).toEqual(expected);
    expect(JSON.stringify(expected)).toContain('evt-0001'); // the suite found things, not only nothing
    await stop(upstream);
    await stop(ours);
  }, 120_000);

  it('keeps upstream\'s layout on a file upstream wrote, and finds and refuses there too', async () => {
    const dir = tempDir();
    const port = await freePort();
    const upstream = await startUpstream(dir, port);
    running.add(upstream.pid);
    await withDb(upstream, fill);
    await stop(upstream);

    for (let start = 0; start < 2; start++) {
      const server = await startOurs(dir, port);
      running.add(server.pid);
      expect(layoutLine(server)).toContain("layout: upstream's");
      await withDb(server, async (db) => {
        await checkAll(db);
        if (start === 0) await deleteAndReuse(db, ['evt-0001', 'B']);
      });
      await stop(server);
    }
  }, 180_000);
});
