/*
 * Data-minimisation checks over everything a run left behind: every document of every service's database and
 * every message of every topic, read raw. Used after the demo scenario (tests/integration/seed.int.spec.ts).
 */
import { inflateRawSync } from 'node:zlib';
import type { Connection } from 'mongoose';
import type { Admin } from 'kafkajs';
import { testKafka, uniqueId } from './infra.js';

export const AGENCIES = ['police', 'cps', 'health', 'advocacy'] as const;
export type AgencyName = (typeof AGENCIES)[number];

/** A document, as JSON text, with where it came from. */
export interface Dumped { where: string; doc: Record<string, unknown>; text: string }

/**
 * Every document of every collection of one database. Packed fields (deflated JSON: case views, outbox entries)
 * are unpacked, so a search of the dump sees what they hold rather than compressed bytes.
 */
export async function dumpDatabase(db: Connection, label: string): Promise<Dumped[]> {
  const out: Dumped[] = [];
  const collections = await db.db!.listCollections().toArray();
  for (const { name } of collections) {
    for (const raw of await db.db!.collection(name).find({}).toArray()) {
      const doc = readable(raw) as Record<string, unknown>;
      out.push({ where: `${label}.${name}`, doc, text: JSON.stringify(doc) });
    }
  }
  return out;
}

/** A stored value with every binary field opened: inflated and parsed where it is packed JSON, else as text. */
function readable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(readable);
  if (!value || typeof value !== 'object') return value;
  if ((value as { _bsontype?: string })._bsontype === 'Binary') {
    const bytes = Buffer.from((value as { buffer: Uint8Array }).buffer);
    try {
      return JSON.parse(inflateRawSync(bytes).toString('utf8')) as unknown;
    } catch {
      return bytes.toString('latin1');
    }
  }
  if ((value as { _bsontype?: string })._bsontype || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readable(v)]));
}

/** A message as it sits on the topic: its raw value, and the envelope fields when it is JSON. */
export interface TopicMessage { topic: string; offset: string; text: string; event?: { type?: string; agency?: string; sharing?: string; audience?: unknown; data?: Record<string, unknown> } }

/** Every message now on these topics, read from offset 0 up to each partition's end as the read began. */
export async function dumpTopics(topics: string[]): Promise<TopicMessage[]> {
  const kafka = testKafka();
  const admin: Admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, bigint>();
  try {
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(p.high) > BigInt(p.low)) remaining.set(`${topic}/${p.partition}`, BigInt(p.high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  const messages: TopicMessage[] = [];
  if (remaining.size === 0) return messages;
  const consumer = kafka.consumer({ groupId: uniqueId('dump'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`topics not read to the end in 60 s; left: ${[...remaining.keys()].join(', ')}`)), 60_000);
      void consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          const text = message.value?.toString() ?? '';
          let event: TopicMessage['event'];
          try {
            event = JSON.parse(text) as TopicMessage['event'];
          } catch {
            event = undefined;
          }
          messages.push({ topic, offset: `${partition}:${message.offset}`, text, ...(event ? { event } : {}) });
          const key = `${topic}/${partition}`;
          const end = remaining.get(key);
          if (end !== undefined && BigInt(message.offset) + 1n >= end) remaining.delete(key);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/** The raw identifiers of a person that must never travel as they are. */
export interface RawIdentity { given: string; family: string; dateOfBirth: string; nhsNumber: string; pncId?: string | undefined; postcode: string }

/** The identifiers of `person` that occur in `text`, by kind. NHS numbers are matched with or without spaces. */
export function identifiersIn(text: string, person: RawIdentity): string[] {
  const found: string[] = [];
  const nhs = person.nhsNumber.replace(/\s/g, '');
  const spaced = `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;
  if (text.includes(nhs) || text.includes(spaced)) found.push('nhsNumber');
  if (person.pncId && text.includes(person.pncId)) found.push('pncId');
  if (text.includes(person.postcode)) found.push('postcode');
  // The whole name in free text, or given and family names as two JSON values (as a referral carries them).
  const whole = JSON.stringify(`${person.given} ${person.family}`).slice(1, -1);
  if (text.includes(whole) || (text.includes(JSON.stringify(person.given)) && text.includes(JSON.stringify(person.family)))) found.push('name');
  if (text.includes(person.dateOfBirth)) found.push('dateOfBirth');
  return found;
}

/** Types whose data may carry the names and dates of birth of the people being listed. */
export const isReferralOrListing = (type: string | undefined) => !!type && (/\.referral\.made\.v1$/.test(type) || type === 'conference.case.listed.v1');

/** The agency that wrote an event type, from its prefix. */
export const agencyOfType = (type: unknown): string | undefined => (typeof type === 'string' ? type.split('.')[0] : undefined);
