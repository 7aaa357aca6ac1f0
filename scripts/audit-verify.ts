// Verify the conference audit chain: npm run audit:verify [-- --db <database name>]
// Exit 0: the chain is intact. Exit 1: it is broken (the first broken entry is named). Exit 2: could not check.
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { databaseName, redactMongoUrl } from '@convene/shared/mongo';
import { createAuditLog, type BreakReason } from '../services/conference/src/audit/index.js';

const EXPLAIN: Record<BreakReason, (seq: number) => string> = {
  hash_mismatch: (seq) => `entry #${seq} no longer matches its hash: it was changed after it was written`,
  prev_hash_mismatch: (seq) => `entry #${seq} does not point back to entry #${seq - 1} as it stands: #${seq - 1} was rewritten, or this link was`,
  gap: (seq) => `entry #${seq} is missing: it was deleted`,
  reordered: (seq) => `entry #${seq} holds an entry from another place in the chain: entries were moved`,
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

const where = `${redactMongoUrl(url)} (database ${dbName})`;
let conn: mongoose.Connection | undefined;
try {
  conn = await mongoose.createConnection(url, { dbName, serverSelectionTimeoutMS: 5000, retryWrites: false, autoIndex: false }).asPromise();
  const result = await createAuditLog(conn).verify();
  if (result.ok) {
    console.log(`audit chain OK: ${result.entries} entries in ${dbName}`);
  } else {
    const { seq, reason } = result.firstBroken;
    console.log(`audit chain BROKEN at entry #${seq} (${reason}): ${EXPLAIN[reason](seq)}; the ${result.entries} entries before it verify`);
    process.exitCode = 1;
  }
} catch (err) {
  console.error(`cannot verify the audit chain at ${where}: ${redactMongoUrl((err as Error).message)}`);
  process.exitCode = 2;
} finally {
  await conn?.close().catch(() => undefined);
}
