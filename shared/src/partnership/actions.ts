import { Schema, type Connection } from 'mongoose';
import { conflict, notFound } from '../errors/index.js';
import { modelOf } from '../mongo/index.js';
import type { EventOfType } from '../contracts/index.js';

/** An action the conference assigned to this agency, and where the agency has got to with it. */
export interface AgencyAction {
  _id: string;
  caseRef: string;
  description: string;
  dueOn: string;
  status: ActionState;
  assignedAt: Date;
  acceptedAt?: Date;
  acceptedBy?: string;
  completedAt?: Date;
  outcome?: string;
  /** Why it was declined (by this agency) or cancelled (by the chair). */
  note?: string;
  closedAt?: Date;
}

/** Where an action stands at the agency: declined and cancelled actions can no longer be accepted or completed. */
export const ACTION_STATES = ['assigned', 'accepted', 'completed', 'declined', 'cancelled'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

const actionSchema = new Schema<AgencyAction>({
  _id: { type: String, required: true },
  caseRef: { type: String, required: true },
  description: { type: String, required: true },
  dueOn: { type: String, required: true },
  status: { type: String, required: true },
  assignedAt: { type: Date, required: true },
  acceptedAt: Date,
  acceptedBy: String,
  completedAt: Date,
  outcome: String,
  note: String,
  closedAt: Date,
}, { versionKey: false, collection: 'actions' });

export interface Actions {
  recordAssigned(event: EventOfType<'conference.action.assigned.v1'>): Promise<void>;
  list(status?: AgencyAction['status']): Promise<AgencyAction[]>;
  get(actionId: string): Promise<AgencyAction>;
  accept(actionId: string, by: string, at: Date): Promise<AgencyAction>;
  complete(actionId: string, outcome: string, at: Date): Promise<AgencyAction>;
  /** Declined by this agency, with the reason: only while assigned or accepted. */
  decline(actionId: string, reason: string, at: Date): Promise<AgencyAction>;
  /** Cancelled by the chair (or reassigned elsewhere): an action not completed stops here; one this agency does not hold, nothing. */
  recordCancelled(actionId: string, note: string | undefined, at: Date): Promise<void>;
}

export function createActions(db: Connection): Actions {
  const model = modelOf(db, 'AgencyAction', actionSchema);
  const actions: Actions = {
    async recordAssigned(event) {
      // Upsert by action id: a redelivered assignment changes nothing.
      await model.updateOne({ _id: event.data.actionId }, {
        $setOnInsert: { caseRef: event.data.caseRef, description: event.data.description, dueOn: event.data.dueOn, status: 'assigned', assignedAt: new Date(event.occurredat) },
      }, { upsert: true });
    },
    async list(status) {
      return model.find(status ? { status } : {}).sort({ dueOn: 1 }).lean<AgencyAction[]>();
    },
    async get(actionId) {
      const action = await model.findById(actionId).lean<AgencyAction>();
      if (!action) throw notFound('action', actionId);
      return action;
    },
    async accept(actionId, by, at) {
      const action = await actions.get(actionId);
      if (action.status !== 'assigned') throw conflict('action_not_assigned', `action ${actionId} is already ${action.status}`);
      await model.updateOne({ _id: actionId, status: 'assigned' }, { $set: { status: 'accepted', acceptedAt: at, acceptedBy: by } });
      return { ...action, status: 'accepted', acceptedAt: at, acceptedBy: by };
    },
    async complete(actionId, outcome, at) {
      const action = await actions.get(actionId);
      if (action.status !== 'accepted') throw conflict('action_not_accepted', `action ${actionId} is ${action.status}; accept it before completing it`);
      await model.updateOne({ _id: actionId, status: 'accepted' }, { $set: { status: 'completed', completedAt: at, outcome } });
      return { ...action, status: 'completed', completedAt: at, outcome };
    },
    async decline(actionId, reason, at) {
      const action = await actions.get(actionId);
      if (action.status !== 'assigned' && action.status !== 'accepted') throw conflict('action_not_open', `action ${actionId} is ${action.status}; only an open action can be declined`);
      await model.updateOne({ _id: actionId, status: action.status }, { $set: { status: 'declined', closedAt: at, note: reason } });
      return { ...action, status: 'declined', closedAt: at, note: reason };
    },
    async recordCancelled(actionId, note, at) {
      await model.updateOne({ _id: actionId, status: { $in: ['assigned', 'accepted', 'declined'] } }, { $set: { status: 'cancelled', closedAt: at, ...(note ? { note } : {}) } });
    },
  };
  return actions;
}
