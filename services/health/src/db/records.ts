import type { Connection } from 'mongoose';
import type { CaseEvent } from '@convene/shared/contracts';
import { createConcerns } from './concerns.js';
import { createDisclosureQueue } from './disclosures.js';

/** The health read model: concerns (with their local detail) and the Caldicott queue. */
export function createHealthRecords(db: Connection) {
  const concerns = createConcerns(db);
  const disclosures = createDisclosureQueue(db);

  /** Apply one health event to whichever part of the read model it concerns. Idempotent. */
  async function project(event: CaseEvent): Promise<void> {
    await concerns.project(event);
    await disclosures.project(event);
  }

  return { concerns, disclosures, project };
}

export type HealthRecords = ReturnType<typeof createHealthRecords>;
