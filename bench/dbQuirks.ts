// What a MongoDB-wire server does with the features the services touch or might reach for: one line per probe
// and server, to see where a stand-in (FerretDB, mongo-java-server) differs from MongoDB. Quirks found here are
// recorded in infra/local/db.ts.
//
//   node --conditions=source --import tsx bench/dbQuirks.ts mongodb://127.0.0.1:27017 mongodb://127.0.0.1:27018
//
// Each URL gets its own throw-away database (rawbench_<hex>), dropped at the end. Safe for a shared server
// unless DB_QUIRKS_WEDGE=1 (see below).
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';

type Db = mongoose.mongo.Db;
type Probe = [name: string, run: (db: Db) => Promise<string>];

function errorText(err: unknown): string {
  const e = err as { code?: number; codeName?: string; message?: string };
  return `error ${e.code ?? '?'}${e.codeName ? ` ${e.codeName}` : ''}: ${(e.message ?? String(err)).slice(0, 90)}`;
}

const probes: Probe[] = [
  ['server version / maxWireVersion', async (db) => {
    const info = await db.admin().command({ buildInfo: 1 });
    const hello = await db.admin().command({ isMaster: 1 });
    return `${info.version} / ${hello.maxWireVersion}`;
  }],
  ['hello command', async (db) => {
    const r = await db.admin().command({ hello: 1 });
    return `ok (topologyVersion ${r.topologyVersion ? 'advertised' : 'absent'})`;
  }],
  ['duplicate _id insertOne', async (db) => {
    const c = db.collection('dup');
    await c.insertOne({ _id: 'a' as never });
    await c.insertOne({ _id: 'a' as never });
    return 'no error';
  }],
  ['bulkWrite unordered with one duplicate: result', async (db) => {
    const c = db.collection('bulk');
    await c.insertOne({ _id: 'x' as never, v: 0 });
    try {
      await c.bulkWrite(
        [
          { insertOne: { document: { _id: 'x' as never } } },
          { insertOne: { document: { _id: 'y' as never } } },
          { updateOne: { filter: { _id: 'x' as never }, update: { $set: { v: 1 } } } },
          { updateOne: { filter: { _id: 'z' as never }, update: { $set: { v: 1 } }, upsert: true } },
          { deleteOne: { filter: { _id: 'nope' as never } } },
        ],
        { ordered: false },
      );
      return 'no error';
    } catch (err) {
      const e = err as { code?: number; writeErrors?: { code: number; index: number }[]; result?: { insertedCount: number; matchedCount: number; modifiedCount: number; upsertedCount: number; deletedCount: number; upsertedIds: Record<number, unknown> } };
      const r = e.result;
      const werr = (Array.isArray(e.writeErrors) ? e.writeErrors : [e.writeErrors]).map((w) => w && `${w.code}@${w.index}`).join(',');
      return `code ${e.code}, writeErrors [${werr}], inserted ${r?.insertedCount} matched ${r?.matchedCount} modified ${r?.modifiedCount} upserted ${r?.upsertedCount} ${JSON.stringify(r?.upsertedIds)} deleted ${r?.deletedCount}`;
    }
  }],
  ['unique secondary index violation', async (db) => {
    const c = db.collection('uniq');
    await c.createIndex({ k: 1 }, { unique: true });
    await c.insertOne({ k: 1 });
    await c.insertOne({ k: 1 });
    return 'no error';
  }],
  ['upsert $setOnInsert keeps [] and null', async (db) => {
    const c = db.collection('soi');
    await c.updateOne({ _id: 'a' as never }, { $setOnInsert: { list: [], none: null, n: 1 } }, { upsert: true });
    const d = await c.findOne({ _id: 'a' as never });
    return `stored ${JSON.stringify(d)}`;
  }],
  ['findOneAndUpdate upsert, returnDocument after', async (db) => {
    const c = db.collection('counter');
    const r = await c.findOneAndUpdate({ _id: 'seq' as never }, { $inc: { n: 1 } }, { upsert: true, returnDocument: 'after', includeResultMetadata: true });
    return `value ${JSON.stringify(r.value)}, upserted ${JSON.stringify(r.lastErrorObject?.upserted ?? null)}`;
  }],
  ['non-unique index listed (listIndexes)', async (db) => {
    const c = db.collection('idx');
    await c.createIndex({ a: 1, b: -1 });
    await c.createIndex({ t: 1 }, { expireAfterSeconds: 1 });
    const names = (await c.listIndexes().toArray()).map((i) => `${i.name}${i.expireAfterSeconds !== undefined ? `(ttl ${i.expireAfterSeconds})` : ''}`);
    return names.join(', ');
  }],
  ['partialFilterExpression index', async (db) => {
    const c = db.collection('partial');
    await c.createIndex({ a: 1 }, { unique: true, partialFilterExpression: { open: true } });
    await c.insertOne({ a: 1, open: false });
    await c.insertOne({ a: 1, open: false });
    return 'accepted; two closed docs with the same key allowed';
  }],
  ['transaction (withTransaction)', async (db) => {
    const client = (db as unknown as { client: mongoose.mongo.MongoClient }).client;
    const session = client.startSession();
    try {
      await session.withTransaction(async () => {
        await db.collection('tx').insertOne({ a: 1 }, { session });
      });
      return 'committed';
    } finally {
      await session.endSession();
    }
  }],
  ['change stream (watch)', async (db) => {
    const stream = db.collection('cs').watch();
    try {
      const next = stream.tryNext();
      await next;
      return 'opened';
    } finally {
      await stream.close();
    }
  }],
  ['aggregate $group + $sort + $limit', async (db) => {
    const c = db.collection('agg');
    await c.insertMany([{ k: 'a', n: 1 }, { k: 'a', n: 2 }, { k: 'b', n: 5 }]);
    const r = await c.aggregate([{ $group: { _id: '$k', total: { $sum: '$n' } } }, { $sort: { total: -1 } }, { $limit: 1 }]).toArray();
    return JSON.stringify(r);
  }],
  ['$push $each $slice, arrayFilters', async (db) => {
    const c = db.collection('arr');
    await c.insertOne({ _id: 'a' as never, xs: [1, 2], items: [{ id: 1, v: 0 }, { id: 2, v: 0 }] });
    await c.updateOne({ _id: 'a' as never }, { $push: { xs: { $each: [3, 4], $slice: -3 } } } as never);
    await c.updateOne({ _id: 'a' as never }, { $set: { 'items.$[it].v': 9 } }, { arrayFilters: [{ 'it.id': 2 }] });
    const d = await c.findOne({ _id: 'a' as never });
    return JSON.stringify({ xs: d?.xs, items: d?.items });
  }],
];

// FerretDB 1.24 never answers an update command of 100 or more statements AND from then on answers no write
// on any connection (the whole server is wedged until restarted): only with DB_QUIRKS_WEDGE=1, and never
// against a server that anybody else uses.
if (process.env.DB_QUIRKS_WEDGE === '1') {
  probes.push(
  ['update command of 150 statements (bulkWrite)', async (db) => {
    const c = db.collection('many');
    await c.insertMany(Array.from({ length: 150 }, (_, i) => ({ _id: `m${i}` as never, v: 0 })));
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('NO ANSWER within 10 s'), 10_000).unref());
    const run = c.bulkWrite(Array.from({ length: 150 }, (_, i) => ({ updateOne: { filter: { _id: `m${i}` as never }, update: { $set: { v: 1 } } } })), { ordered: false }).then((r) => `matched ${r.matchedCount}`);
    return Promise.race([run, timeout]);
  }],
  );
}

async function runOne(url: string): Promise<string[]> {
  const client = await new mongoose.mongo.MongoClient(url, { retryWrites: false, serverSelectionTimeoutMS: 5000, socketTimeoutMS: 20_000 }).connect();
  const db = client.db(`rawbench_${randomBytes(4).toString('hex')}`);
  const out: string[] = [];
  try {
    for (const [name, run] of probes) {
      process.stderr.write(`${url}: ${name}\n`);
      try {
        const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('NO ANSWER within 15 s'), 15_000).unref());
        out.push(await Promise.race([run(db), timeout]));
      } catch (err) {
        out.push(errorText(err));
      }
    }
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
  return out;
}

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error('usage: bench/dbQuirks.ts <mongodb-url> [<mongodb-url>…]');
  process.exit(2);
}
const columns = [];
for (const url of urls) columns.push(await runOne(url));
console.log(`| probe | ${urls.map((u) => u.replace(/^mongodb:\/\//, '')).join(' | ')} |`);
console.log(`| --- | ${urls.map(() => '---').join(' | ')} |`);
for (const [i, [name]] of probes.entries()) console.log(`| ${name} | ${columns.map((c) => (c[i] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`);
