// Stand-alone database micro-bench: the operations the services lean on, one at a time (sequential ops/s),
// against whatever MongoDB-wire server each URL names. Compares the local stack's stand-ins
// (FerretDB, mongo-java-server) with each other and with a real MongoDB.
//
//   node --conditions=source --import tsx bench/dbOps.ts mongodb://127.0.0.1:27017 mongodb://127.0.0.1:27018
//
// Each URL gets its own throw-away database (rawbench_<hex>, dropped at the end), DB_OPS_DOCS documents
// (default 20000) and, per operation, at most DB_OPS_MAX_OPS operations or DB_OPS_MAX_SECONDS seconds.
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';

const DOCS = Number(process.env.DB_OPS_DOCS ?? 20_000);
const MAX_OPS = Number(process.env.DB_OPS_MAX_OPS ?? 500);
const MAX_SECONDS = Number(process.env.DB_OPS_MAX_SECONDS ?? 15);
const GROUPS = 1000; // `group` has DOCS / GROUPS documents per value (20 with the defaults)
const BULK = 50;
const RANGE = 20; // documents removed by each deleteMany

type Collection = mongoose.mongo.Collection<BenchDoc>;
interface BenchDoc {
  _id: string;
  seq: number;
  group: number;
  key: string;
  body: string;
  n: number;
}

interface Row {
  op: string;
  ops: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
}

function idOf(i: number): string {
  return `doc-${String(i).padStart(8, '0')}`;
}

function pick(n: number): number {
  return Math.floor(Math.random() * n);
}

/** Run `op(i)` sequentially until MAX_OPS (or `limit`) operations or MAX_SECONDS have passed. */
async function measure(name: string, op: (i: number) => Promise<unknown>, limit = MAX_OPS): Promise<Row> {
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < limit; i++) {
    const t = performance.now();
    await op(i);
    times.push(performance.now() - t);
    if ((performance.now() - start) / 1000 > MAX_SECONDS) break;
  }
  const seconds = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  return { op: name, ops: times.length, seconds, perSecond: times.length / seconds, p50ms: times[Math.floor(times.length / 2)] ?? 0 };
}

async function runOne(url: string): Promise<{ url: string; version: string; loadSeconds: number; rows: Row[] }> {
  const client = await new mongoose.mongo.MongoClient(url, { retryWrites: false, serverSelectionTimeoutMS: 5000 }).connect();
  const dbName = `rawbench_${randomBytes(4).toString('hex')}`;
  const db = client.db(dbName);
  try {
    const version = String((await db.admin().command({ buildInfo: 1 })).version);
    const coll: Collection = db.collection<BenchDoc>('docs');
    await coll.createIndex({ group: 1 });
    await coll.createIndex({ seq: 1 });
    await coll.createIndex({ key: 1 }, { unique: true });

    const body = 'x'.repeat(400);
    const loadStart = performance.now();
    for (let from = 0; from < DOCS; from += 1000) {
      const docs: BenchDoc[] = [];
      for (let i = from; i < Math.min(DOCS, from + 1000); i++) docs.push({ _id: idOf(i), seq: i, group: i % GROUPS, key: `k${i}`, body, n: 0 });
      await coll.insertMany(docs, { ordered: false });
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;

    const rows: Row[] = [];
    rows.push(
      await measure('findOne by _id', async () => {
        const d = await coll.findOne({ _id: idOf(pick(DOCS)) });
        if (!d) throw new Error('findOne by _id found nothing');
      }),
    );
    rows.push(
      await measure('insertOne (new _id)', async (i) => {
        await coll.insertOne({ _id: `new-${i}`, seq: DOCS + i, group: i % GROUPS, key: `new${i}`, body, n: 0 });
      }),
    );
    rows.push(
      await measure('updateOne by _id ($inc)', async () => {
        const r = await coll.updateOne({ _id: idOf(pick(DOCS)) }, { $inc: { n: 1 } });
        if (r.matchedCount !== 1) throw new Error('updateOne matched nothing');
      }),
    );
    rows.push(
      await measure(`find on indexed field (${DOCS / GROUPS} docs)`, async () => {
        const docs = await coll.find({ group: pick(GROUPS) }).toArray();
        if (docs.length === 0) throw new Error('find on group found nothing');
      }),
    );
    rows.push(
      await measure('findOne on unique-indexed field', async () => {
        const d = await coll.findOne({ key: `k${pick(DOCS)}` });
        if (!d) throw new Error('findOne by key found nothing');
      }),
    );
    rows.push(
      await measure(`bulkWrite ${BULK} updateOne by _id (unordered)`, async () => {
        const ops = Array.from({ length: BULK }, () => ({ updateOne: { filter: { _id: idOf(pick(DOCS)) }, update: { $set: { body: 'y'.repeat(400) } } } }));
        const r = await coll.bulkWrite(ops, { ordered: false });
        if (r.matchedCount === 0) throw new Error('bulkWrite matched nothing');
      }, Math.max(1, Math.floor(MAX_OPS / 5))),
    );
    // Disjoint ranges from the top down, so each deleteMany removes RANGE documents.
    rows.push(
      await measure(`deleteMany on an indexed range (${RANGE} docs)`, async (i) => {
        const hi = DOCS - i * RANGE;
        const r = await coll.deleteMany({ seq: { $gte: hi - RANGE, $lt: hi } });
        if (r.deletedCount !== RANGE) throw new Error(`deleteMany removed ${r.deletedCount}, not ${RANGE}`);
      }, Math.min(MAX_OPS, Math.floor(DOCS / RANGE / 2))),
    );
    return { url, version, loadSeconds, rows };
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error('usage: bench/dbOps.ts <mongodb-url> [<mongodb-url>…]');
  process.exit(2);
}
const results = [];
for (const url of urls) {
  console.error(`measuring ${url} (${DOCS} documents)…`);
  results.push(await runOne(url));
}
const ops = results[0]?.rows.map((r) => r.op) ?? [];
const header = ['operation (sequential)', ...results.map((r) => `${r.url.replace(/^mongodb:\/\//, '')} v${r.version}: ops/s (p50 ms)`)];
console.log(`| ${header.join(' | ')} |`);
console.log(`| ${header.map(() => '---').join(' | ')} |`);
console.log(`| load ${DOCS} docs (insertMany of 1000) | ${results.map((r) => `${r.loadSeconds.toFixed(1)} s`).join(' | ')} |`);
for (const [i, op] of ops.entries()) {
  const cells = results.map((r) => {
    const row = r.rows[i];
    return row ? `${row.perSecond.toFixed(row.perSecond < 10 ? 2 : 0)} (${row.p50ms.toFixed(2)}) n=${row.ops}` : '';
  });
  console.log(`| ${op} | ${cells.join(' | ')} |`);
}
