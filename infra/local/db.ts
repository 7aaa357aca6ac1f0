// The local stack's MongoDB-wire stand-ins, one place for what differs between them (CONVENE_DB picks one).
// Each is for development and tests only: deployments run MongoDB (docker-compose, docs/ARCHITECTURE.md).
// What the services must not rely on, because one stand-in or the other lacks it, is listed under `quirks`.
import fs from 'node:fs';
import { ensureFerretBuilt, startFerret, waitForFerret } from './ferretdb.js';
import { ensureMongoJavaServerInstalled, startMongoJavaServer, waitForMongoJavaServer } from './mongoJavaServer.js';
import { type DbEngine, FERRETDB_VERSION, MONGO_JAVA_SERVER_VERSION, type StackConfig } from './paths.js';
import type { ServerState } from './state.js';

export interface DbServer {
  engine: DbEngine;
  /** For messages: "mongo-java-server 1.47.0 (H2)". */
  label: string;
  version: string;
  ensureInstalled(log: (line: string) => void): Promise<void>;
  /** Start on the data under `dataDir` (created if new, kept if not); does not wait. */
  start(dataDir: string, config: StackConfig): Promise<ServerState>;
  /** Wait until it answers; `logFrom` skips the log of an earlier run in the same data folder. */
  waitReady(state: ServerState, logFrom: number): Promise<void>;
  quirks: readonly string[];
}

const SERVERS: Record<DbEngine, DbServer> = {
  'mongo-java-server': {
    engine: 'mongo-java-server',
    label: `mongo-java-server ${MONGO_JAVA_SERVER_VERSION} (H2)`,
    version: MONGO_JAVA_SERVER_VERSION,
    ensureInstalled: ensureMongoJavaServerInstalled,
    start: startMongoJavaServer,
    waitReady: (state, logFrom) => waitForMongoJavaServer(state, 60_000, logFrom),
    quirks: [
      '_id and unique indexes are real (H2 maps): lookups, updates and deletes by them do not read the collection when the filter names that index\'s fields alone, or (our launcher, a file in its layout) pins the _id to a value or an $in list beside other fields; any other filter reads every document',
      'our launcher stores a file it creates in its own layout (infra/local/mongo-java-server: string and ObjectId index keys ordered and stored as themselves, documents as BSON; upstream Java-serialises both, and compares two index keys by serialising them); a file upstream wrote keeps upstream\'s layout',
      'non-unique secondary indexes are accepted and listed but not built: queries on them read the whole collection',
      'no TTL expiry, no transactions, no change streams, no text search; reports wire version 8 as MongoDB 5.0.0',
      'no `hello` command (drivers fall back to isMaster); writes are committed to the H2 file about once a second',
      'creating a collection or an index races with other commands on it ("Unknown error: null", "already existed"): services wait for their index builds (indexesBuilt) before the first query',
      'partialFilterExpression is ignored: a partial unique index is enforced on every document',
      'an unordered bulkWrite counts a failed insert in insertedCount; findOneAndUpdate upserts omit lastErrorObject.upserted',
      'the H2 file does not shrink when databases are dropped (a fresh stack starts a fresh file)',
      'a renamed collection (renameCollection, and $out, which renames) is empty after the server restarts: upstream\'s H2 backend renames its maps under the new name only (no service renames collections)',
    ],
  },
  ferretdb: {
    engine: 'ferretdb',
    label: `FerretDB ${FERRETDB_VERSION} (SQLite)`,
    version: FERRETDB_VERSION,
    ensureInstalled: ensureFerretBuilt,
    start: startFerret,
    waitReady: (state) => waitForFerret(state),
    quirks: [
      'no query uses an index, not even by _id for an update or delete: each reads the whole collection',
      'an update command of 100 or more statements is never answered, and wedges the whole server: no write on any connection is answered until it restarts (callers send chunks of 50)',
      'an upsert drops empty arrays and nulls from $setOnInsert; no transactions, change streams, tailable cursors or partial indexes',
      'advertises topologyVersion, so drivers must poll (serverMonitoringMode: poll) to survive a restart',
    ],
  },
};

export function dbServer(engine: DbEngine): DbServer {
  return SERVERS[engine];
}

/** The byte the server's log has reached, so a restart waits for its own ready line. */
export function logSize(file: string | undefined): number {
  return file && fs.existsSync(file) ? fs.statSync(file).size : 0;
}
