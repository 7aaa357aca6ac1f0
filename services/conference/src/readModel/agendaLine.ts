import type { AgendaLine, SharedCaseView } from '@convene/shared/contracts';
import type { Signal } from './signals/index.js';

const words = (code: string) => code.replaceAll('_', ' ');

/**
 * The agenda line for a case as one viewer may see it (pass the viewer's view and signals): the meeting's own
 * latest decision, else the police grade, else whether the DASH was declined; labelled by the most severe
 * signal, else why it was referred. Never a name: signal titles and referral criteria hold none.
 */
export function agendaLine(view: Pick<SharedCaseView, 'caseRef' | 'risk' | 'referral'>, signals: readonly Signal[]): AgendaLine {
  const decided = view.risk.conference;
  const police = view.risk.police;
  const graded = decided
    ? { grade: decided.grade, gradedBy: 'meeting' as const }
    : police?.grade ? { grade: police.grade, gradedBy: 'police' as const }
      : { grade: null, gradedBy: police?.declined ? 'declined' as const : 'none' as const };
  const order = { critical: 0, warning: 1, info: 2 } as const;
  // Only signals the viewer's own view raises: a withheld one names nothing of what it rests on.
  const top = signals.filter((s) => s.kind !== 'behaviour_counts' && s.kind !== 'withheld' && !s.withheld).sort((a, b) => order[a.severity] - order[b.severity])[0];
  const label = top?.title ?? (view.referral ? `Referred: ${words(view.referral.criterion)}` : 'Listed');
  return { caseRef: view.caseRef, ...graded, label: label.length > 80 ? `${label.slice(0, 79)}…` : label };
}
