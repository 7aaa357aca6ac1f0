import { Schema, type Connection } from 'mongoose';
import type { AudienceEntry, CaseEvent, EventOfType, Sharing, Subject } from '@convene/shared/contracts';
import { modelOf } from '@convene/shared/mongo';
import { notFound } from '@convene/shared/errors';

/**
 * The health read model of concerns: the minimal flag as published, plus the clinical detail, which lives
 * here only and leaves the service solely through a recorded disclosure decision.
 */
export interface Concern {
  _id: string;
  subjects: Subject[];
  subjectRole: string;
  category: string;
  severity: string;
  contact: { service: string; telephone?: string };
  sharing: Sharing;
  audience?: AudienceEntry[];
  occurredAt: Date;
  status: 'open' | 'resolved';
  resolution?: string;
  source: 'api' | 'fhir';
  detail?: string;
  eventIds: string[];
}

const concernSchema = new Schema<Concern>({
  _id: { type: String, required: true },
  subjects: { type: Schema.Types.Mixed },
  subjectRole: String,
  category: String,
  severity: String,
  contact: { type: Schema.Types.Mixed },
  sharing: String,
  audience: { type: Schema.Types.Mixed },
  occurredAt: Date,
  status: String,
  resolution: String,
  source: String,
  detail: String,
  eventIds: { type: [String], default: [] },
}, { versionKey: false, collection: 'concerns', minimize: false });
concernSchema.index({ status: 1, occurredAt: -1 });

export function createConcerns(db: Connection) {
  const model = modelOf(db, 'HealthConcern', concernSchema);

  /**
   * Keep the clinical detail before the flag's event is recorded: a crash in between leaves detail with no
   * concern (never shown), rather than a published concern whose detail is lost.
   */
  async function keepDetail(concernRef: string, detail: string | undefined, source: Concern['source']): Promise<void> {
    await model.updateOne({ _id: concernRef }, { $set: { source, ...(detail ? { detail } : {}) } }, { upsert: true });
  }

  async function flagged(event: EventOfType<'health.concern.flagged.v1'>): Promise<void> {
    const { concernRef, subjectRole, category, severity, contact } = event.data;
    await model.updateOne({ _id: concernRef }, {
      $setOnInsert: { source: 'api' },
      $set: {
        subjects: event.subjects, subjectRole, category, severity, contact, sharing: event.sharing, occurredAt: new Date(event.occurredat),
        ...(event.audience ? { audience: event.audience } : {}),
      },
      $addToSet: { eventIds: event.id },
    }, { upsert: true });
    // Only a first application opens it: a replay after a later resolution must not reopen it.
    await model.updateOne({ _id: concernRef, status: { $exists: false } }, { $set: { status: 'open' } });
  }

  /** Apply one concern event. Every step is a $set or $addToSet, so a second application changes nothing. */
  async function project(event: CaseEvent): Promise<void> {
    switch (event.type) {
      case 'health.concern.flagged.v1':
        return flagged(event);
      case 'health.concern.updated.v1':
        await model.updateOne({ _id: event.data.concernRef }, {
          $set: { ...(event.data.category ? { category: event.data.category } : {}), ...(event.data.severity ? { severity: event.data.severity } : {}) },
          $addToSet: { eventIds: event.id },
        });
        return;
      case 'health.concern.resolved.v1':
        await model.updateOne({ _id: event.data.concernRef }, { $set: { status: 'resolved', resolution: event.data.resolution }, $addToSet: { eventIds: event.id } });
        return;
      default:
        return;
    }
  }

  /** A concern whose flag has been recorded; kept detail without a flag does not count. */
  async function find(concernRef: string): Promise<Concern | undefined> {
    return (await model.findOne({ _id: concernRef, status: { $exists: true } }).lean<Concern>()) ?? undefined;
  }

  async function get(concernRef: string): Promise<Concern> {
    const concern = await find(concernRef);
    if (!concern) throw notFound('concern', concernRef);
    return concern;
  }

  return { model, keepDetail, project, find, get };
}

export type Concerns = ReturnType<typeof createConcerns>;
