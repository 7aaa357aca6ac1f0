import { createRequire } from 'node:module';
import { createEvent, type CaseEvent, type CaseRef } from '@convene/shared/contracts';
import { linkToken } from '@convene/shared/link-tokens';
import { DEV_LINK_SECRET } from '../../scripts/lib/devSecrets.js';
import { letters } from '../../tests/support/letters.js';

/**
 * Realistic, valid traffic: listed cases (victim + suspect, with link tokens) and police incidents spread
 * over them at random, as many agency writes about many open cases would be.
 */
export interface BenchCase {
  caseRef: CaseRef;
  victim: string;
  suspect: string;
}

/** Base-26 letters, padded: names are normalised to letters before they are tokenised. */
const paddedLetters = (n: number) => letters(n).padStart(4, 'a');

export function benchCases(count: number, year = new Date().getUTCFullYear()): BenchCase[] {
  return Array.from({ length: count }, (_, i) => ({
    caseRef: `CNV-${year}-${String(i + 1).padStart(6, '0')}` as CaseRef,
    victim: linkToken(DEV_LINK_SECRET, { kind: 'nd', given: 'Victim', family: `Bench${paddedLetters(i)}`, dateOfBirth: '1985-03-14' }),
    suspect: linkToken(DEV_LINK_SECRET, { kind: 'nd', given: 'Suspect', family: `Bench${paddedLetters(i)}`, dateOfBirth: '1979-11-02' }),
  }));
}

const murmur2 = createRequire(import.meta.url)('kafkajs/src/producer/partitioners/default/murmur2.js') as (key: string) => number;

/**
 * Most cases any one partition holds, by the producer's default partitioner. The conference consumes one
 * partition's batch at a time, so this bounds how many case views one `saveMany` bulk write touches.
 * FerretDB 1.24 deadlocks a database on an update command of 100 or more statements (see
 * docs/performance.md), so the bench refuses a case count that could reach it.
 */
export function maxCasesPerPartition(cases: BenchCase[], partitions: number): number {
  const counts = new Array<number>(partitions).fill(0);
  for (const c of cases) counts[(murmur2(c.caseRef) & 0x7fffffff) % partitions]!++;
  return Math.max(...counts);
}

export function listingOf(c: BenchCase, i: number): CaseEvent {
  return createEvent('conference.case.listed.v1', {
    occurredAt: new Date(Date.now() - 400 * 86_400_000), sharing: 'partnership', subject: c.caseRef,
    subjects: [{ role: 'victim', tokens: [c.victim] }, { role: 'suspect', tokens: [c.suspect] }],
    data: {
      caseRef: c.caseRef,
      referral: { agency: 'police', referralRef: `REF-BENCH-${i}`, criterion: 'high_risk', reason: 'Repeated contact after a non-molestation order; DASH high risk' },
      people: [
        { role: 'victim', tokens: [c.victim], given: 'Victim', family: `Bench${paddedLetters(i)}`, dateOfBirth: '1985-03-14' },
        { role: 'suspect', tokens: [c.suspect], given: 'Suspect', family: `Bench${paddedLetters(i)}`, dateOfBirth: '1979-11-02' },
      ],
    },
  });
}

/** Deterministic pseudo-random numbers (mulberry32), so every run sends the same shape of traffic. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const behaviours = ['messages', 'calls', 'social_media', 'following', 'loitering_home', 'loitering_work'] as const;
const summaries = [
  'Victim reports 40 unwanted text messages overnight from the suspect, several referring to her new address.',
  'Suspect seen waiting outside the victim\'s workplace at the end of her shift; left when security approached.',
  'Threatening voicemail left on the victim\'s phone; recording seized and exhibited.',
  'New social media account used to contact the victim after the previous one was blocked.',
];

export function incidentOf(c: BenchCase, n: number, random: () => number): CaseEvent {
  return createEvent('police.incident.recorded.v1', {
    occurredAt: new Date(Date.now() - Math.floor(random() * 365 * 86_400_000)), sharing: 'partnership', subject: c.caseRef,
    subjects: [{ role: 'victim', tokens: [c.victim] }, { role: 'suspect', tokens: [c.suspect] }],
    data: {
      incidentRef: `INC-BENCH-${n}`,
      behaviours: [behaviours[n % behaviours.length]!, behaviours[(n + 3) % behaviours.length]!],
      offenceClass: n % 5 === 0 ? 'pha_s2a' : 'pha_s2',
      summary: summaries[n % summaries.length]!,
      location: 'Leeds city centre',
    },
  });
}

/** `total` incidents over the cases, in batches, generated lazily so 100k events are never all in memory. */
export function* incidentBatches(cases: BenchCase[], total: number, batchSize: number, seed = 42, firstNumber = 0): Generator<CaseEvent[]> {
  const random = seeded(seed);
  for (let start = 0; start < total; start += batchSize) {
    const batch: CaseEvent[] = [];
    for (let n = start; n < Math.min(total, start + batchSize); n++) {
      batch.push(incidentOf(cases[Math.floor(random() * cases.length)]!, firstNumber + n, random));
    }
    yield batch;
  }
}
