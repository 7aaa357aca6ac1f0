import type { Behaviour, DataOf, EventDraft } from '@convene/shared/contracts';
import { conflict, notFound } from '@convene/shared/errors';

/** A Stalking Protection Order as the police read model holds it: applied for, or granted (interim or full). */
export interface SpoState {
  orderRef: string;
  status: 'applied' | 'granted' | string;
  kind?: string | undefined;
}

/** An application for an order (with the reference it is to have), or what the court or the officer reports about one. */
export type SpoCommand =
  | { kind: 'apply'; orderRef: string; application: Omit<DataOf<'police.spo.applied.v1'>, 'orderRef'> }
  | { kind: 'grant'; order: DataOf<'police.spo.granted.v1'>['kind']; conditions: string[]; expiresOn: string }
  | { kind: 'breach'; breachedAt: string; behaviours: Behaviour[] };

export type SpoDecision = EventDraft<'police.spo.applied.v1' | 'police.spo.granted.v1' | 'police.spo.breached.v1'>;

/**
 * Decide against the order as it stands: an application (once), a grant (of an order applied for: interim, or
 * full once interim; never again once full), or a breach (only of an order granted). Pure; the handler loads the
 * order, decides, and records with its subjects.
 */
export function decideSpo(command: SpoCommand, order: SpoState | undefined): SpoDecision[] {
  if (command.kind === 'apply') {
    if (order) throw conflict('order_exists', `SPO ${order.orderRef} is already applied for`);
    return [{ type: 'police.spo.applied.v1', data: { orderRef: command.orderRef, ...command.application } }];
  }
  if (!order) throw notFound('SPO', 'applied for');
  switch (command.kind) {
    case 'grant':
      if (order.status === 'granted' && order.kind === 'full') throw conflict('order_already_full', `SPO ${order.orderRef} is already granted in full`);
      return [{ type: 'police.spo.granted.v1', data: { orderRef: order.orderRef, kind: command.order, conditions: command.conditions, expiresOn: command.expiresOn } }];
    case 'breach':
      if (order.status !== 'granted') throw conflict('order_not_granted', `SPO ${order.orderRef} has not been granted, so it cannot be breached`);
      return [{ type: 'police.spo.breached.v1', data: { orderRef: order.orderRef, breachedAt: command.breachedAt, behaviours: command.behaviours } }];
  }
}
