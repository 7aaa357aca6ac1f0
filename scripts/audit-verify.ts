// Verify an audit chain, link by link and against its anchors: npm run audit:verify [-- --db <database name>]
// The chain is read from MONGO_URL; its anchors from the KAFKA_BROKERS topic <KAFKA_TOPIC_PREFIX.>convene.audit.anchors,
// checked with CONVENE_AUDIT_ANCHOR_KEY (without it, the chain is checked link by link only, and it says so).
// Exit 0: the chain is intact. Exit 1: it is broken (the first broken entry is named). Exit 2: could not check.
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { databaseName, redactMongoUrl } from '@convene/shared/mongo';
import { createKafka } from '@convene/shared/kafka';
import { createLogger } from '@convene/shared/log';
import { prefixedTopics } from '@convene/shared/contracts';
import { AnchorKey, createAuditLog, readAnchors, type AnchorBreak, type AnchorCheck, type BreakReason } from '@convene/shared/audit';

const EXPLAIN: Record<BreakReason, (seq: number) => string> = {
  hash_mismatch: (seq) => `entry #${seq} no longer matches its hash: it was changed after it was written`,
  prev_hash_mismatch: (seq) => `entry #${seq} does not point back to entry #${seq - 1} as it stands: #${seq - 1} was rewritten, or this link was`,
  gap: (seq) => `entry #${seq} is missing: it was deleted`,
  reordered: (seq) => `entry #${seq} holds an entry from another place in the chain: entries were moved`,
};

const EXPLAIN_ANCHOR: Record<AnchorBreak, (c: Extract<AnchorCheck, { ok: false }>, topic: string) => string> = {
  anchor_mismatch: (c) => `entry #${c.seq} is not the entry anchored at ${c.anchor?.at}: the chain up to #${c.seq} was rewritten after it was anchored`
    + (c.lastGood ? ` (the newest anchor before it that still matches is #${c.lastGood})` : ' (no anchor before it matches either)'),
  truncated: (c) => `entry #${c.seq} is missing, but entries up to #${c.anchor?.seq} were anchored at ${c.anchor?.at}: the newest entries were deleted`,
  unanchored: (_c, topic) => `no anchor on ${topic} vouches for any of it, so the whole chain could have been written by anyone`
    + ' (is CONVENE_AUDIT_ANCHOR_KEY the service\'s, KAFKA_TOPIC_PREFIX its prefix, and anchoring on?)',
  forged_anchor: (c, topic) => `the anchor for entry #${c.seq} on ${topic} is not signed with CONVENE_AUDIT_ANCHOR_KEY: someone else published it, or the key is not the service's`,
};

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({ options: { db: { type: 'string' } } });
  } catch (err) {
    return fail(`${(err as Error).message}\nusage: audit-verify [--db <database name>]`);
  }
})();
const url = process.env.MONGO_URL || 'mongodb://127.0.0.1:27017';
const suffix = process.env.MONGO_DB_SUFFIX ?? '';
if (!/^[a-z0-9_]*$/.test(suffix)) fail('MONGO_DB_SUFFIX may hold only a-z, 0-9 and _');
const dbName = values.db ?? databaseName('conference', suffix || undefined);
if (!/^[A-Za-z0-9_-]{1,63}$/.test(dbName)) fail(`not a database name: ${dbName}`);
const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
if (!/^[a-z0-9_-]*$/.test(prefix)) fail('KAFKA_TOPIC_PREFIX may hold only a-z, 0-9, _ and -');
const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean);
const rawKey = process.env.CONVENE_AUDIT_ANCHOR_KEY || undefined;
const key = rawKey === undefined ? undefined : AnchorKey.safeParse(rawKey);
if (key && !key.success) fail('CONVENE_AUDIT_ANCHOR_KEY: must be at least 32 characters');
const topic = prefixedTopics(prefix).auditAnchors;

const where = `${redactMongoUrl(url)} (database ${dbName})`;
let conn: mongoose.Connection | undefined;
try {
  conn = await mongoose.createConnection(url, { dbName, serverSelectionTimeoutMS: 5000, retryWrites: false, autoIndex: false }).asPromise();
  const log = createAuditLog(conn);
  const result = await log.verify();
  if (!result.ok) {
    const { seq, reason } = result.firstBroken;
    console.log(`audit chain BROKEN at entry #${seq} (${reason}): ${EXPLAIN[reason](seq)}; the ${result.entries} entries before it verify`);
    process.exitCode = 1;
  } else if (!key) {
    console.log(`audit chain OK: ${result.entries} entries in ${dbName}, link by link only: NOT checked against an anchor (set CONVENE_AUDIT_ANCHOR_KEY), so a chain rewritten whole would pass`);
  } else {
    const kafka = createKafka({ brokers, clientId: 'convene-audit-verify', logger: createLogger('audit-verify', { level: 'silent' }) });
    const read = await readAnchors(kafka, topic, dbName).catch((err: unknown) => fail(`cannot read the audit anchors from ${topic} at ${brokers.join(',')}: ${(err as Error).message}`));
    const check = await log.checkAnchors({ key: key.data, chain: dbName, anchors: read.anchors, chainLength: result.entries });
    if (check.ok) {
      const tail = check.unanchored ? `; the ${check.unanchored} newer entries are not anchored yet` : '';
      console.log(`audit chain OK: ${result.entries} entries in ${dbName}, anchored up to #${check.anchoredSeq} by ${check.anchors} anchors on ${topic}${tail}`);
    } else {
      console.log(`audit chain BROKEN at entry #${check.seq} (${check.reason}): ${EXPLAIN_ANCHOR[check.reason](check, topic)}; the chain itself links up (${result.entries} entries)`);
      process.exitCode = 1;
    }
    if (read.malformed > 0) console.error(`${read.malformed} messages keyed ${dbName} on ${topic} are not anchors; they were ignored`);
  }
} catch (err) {
  console.error(`cannot verify the audit chain at ${where}: ${redactMongoUrl((err as Error).message)}`);
  process.exitCode = 2;
} finally {
  await conn?.close().catch(() => undefined);
}
