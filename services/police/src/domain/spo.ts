import type { Behaviour, DataOf, EventDraft } from '@convene/shared/contracts';
import { conflict } from '@convene/shared/errors';

/** A Stalking Protection Order as the police read model holds it: applied for, or granted (interim or full). */
export interface SpoState {
  orderRef: string;
  status: 'applied' | 'granted' | string;
  kind?: string | undefined;
}

/** What the court or the officer reports about an order that exists. */
export type SpoCommand =
  | { kind: 'grant'; order: DataOf<'police.spo.granted.v1'>['kind']; conditions: string[]; expiresOn: string }
  | { kind: 'breach'; breachedAt: string; behaviours: Behaviour[] };

export type SpoDecision = EventDraft<'police.spo.granted.v1' | 'police.spo.breached.v1'>;

/**
 * Decide against the order as it stands: a grant (interim, or full once interim; never again once full), or a
 * breach (only of an order granted). Pure; the handler loads the order, decides, and records with its subjects.
 */
export function decideSpo(command: SpoCommand, order: SpoState): SpoDecision[] {
  switch (command.kind) {
    case 'grant':
      if (order.status === 'granted' && order.kind === 'full') throw conflict('order_already_full', `SPO ${order.orderRef} is already granted in full`);
      return [{ type: 'police.spo.granted.v1', data: { orderRef: order.orderRef, kind: command.order, conditions: command.conditions, expiresOn: command.expiresOn } }];
    case 'breach':
      if (order.status !== 'granted') throw conflict('order_not_granted', `SPO ${order.orderRef} has not been granted, so it cannot be breached`);
      return [{ type: 'police.spo.breached.v1', data: { orderRef: order.orderRef, breachedAt: command.breachedAt, behaviours: command.behaviours } }];
  }
}
