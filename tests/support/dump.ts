import { inflateRawSync } from 'node:zlib';
import type { Connection } from 'mongoose';
import { unpackCase, type StoredCase } from '../../services/conference/src/db/cases.js';

/**
 * Every document of every collection in one database, as an auditor would dump it: packed case views are
 * unpacked so their content is searchable, everything else as stored.
 */
export async function dumpDatabase(db: Connection): Promise<Record<string, unknown[]>> {
  const collections = await db.db!.listCollections().toArray();
  const dump: Record<string, unknown[]> = {};
  for (const { name } of collections) {
    const docs = await db.db!.collection(name).find({}).toArray();
    dump[name] = name === 'cases' ? docs.map((d) => unpackCase(d as unknown as StoredCase)) : docs;
  }
  return dump;
}

/** The dump as one searchable string: packed (deflated) binaries such as outbox entries are inflated first. */
export function searchable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && (v as { _bsontype?: string })._bsontype === 'Binary') {
      const bytes = Buffer.from((v as { buffer: Uint8Array }).buffer);
      try {
        return inflateRawSync(bytes).toString('utf8');
      } catch {
        return bytes.toString('latin1');
      }
    }
    return v;
  });
}
