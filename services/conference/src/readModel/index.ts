/** The conference read model: pure functions, no I/O. */
export { evolve, evolveAll, initialView } from './caseView.js';
export type * from './caseView.js';
export { summarise } from './summary.js';
export { viewFor, canSee, consentOf, withheldFrom, type Viewer } from './visibility.js';
export { ordersInForce, restrainingOrderStatus, spoStatus, type OrderInForce, type OrderStatus } from './orders.js';
export { computeSignals, fourReport, rungOf } from './signals/index.js';
export { signalsForViewer } from './signals/perViewer.js';
export type * from './signals/index.js';
export { agendaLine } from './agendaLine.js';
export { researchStatus } from './researchStatus.js';
export { sharedEntry, sharedView } from './shared.js';
