import type { CaseEvent, ElsewhereEntry } from '../contracts/index.js';

/** The record kind as partners name it: `police.spo.breached.v1` → `spo.breached`. */
export function recordKindOf(type: string): string {
  return type.replace(/^[a-z]+\./, '').replace(/\.v\d+$/, '');
}

/**
 * The outline a case may hold of a record about its suspect that names another victim. Only police and CPS
 * records say more than kind and month (offence class, behaviour categories, order type): health and advocacy
 * records about another victim are that victim's health or voice, so nothing of their content goes.
 */
export function outlineElsewhere(record: CaseEvent, otherCaseRef?: string): ElsewhereEntry | null {
  if (record.agency === 'conference') return null;
  const base: ElsewhereEntry = {
    recordKind: recordKindOf(record.type),
    agency: record.agency,
    month: record.occurredat.slice(0, 7),
    ...(otherCaseRef ? { otherCaseRef } : {}),
  };
  switch (record.type) {
    case 'police.incident.recorded.v1':
      return { ...base, offenceClass: record.data.offenceClass, behaviours: [...record.data.behaviours] };
    case 'police.spo.breached.v1':
    case 'police.bail.breached.v1':
    case 'cps.restraining_order.breached.v1':
    case 'cps.bail.breached.v1':
      return { ...base, behaviours: [...record.data.behaviours] };
    case 'police.arrest.made.v1':
      return { ...base, offenceClass: record.data.offenceClass };
    case 'police.classification.changed.v1':
      return { ...base, offenceClass: record.data.to };
    case 'police.spo.applied.v1':
    case 'police.spo.granted.v1':
      return { ...base, orderType: record.data.kind === 'interim' ? 'spo_interim' : 'spo_full' };
    case 'cps.restraining_order.made.v1':
      return { ...base, orderType: 'restraining_order' };
    case 'cps.bail.conditions.set.v1':
    case 'police.bail.set.v1':
      return { ...base, orderType: 'bail_conditions' };
    case 'cps.charging.decided.v1':
    case 'cps.case.outcome.v1':
      return record.data.offenceClass ? { ...base, offenceClass: record.data.offenceClass } : base;
    default:
      return base;
  }
}
