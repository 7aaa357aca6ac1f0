import { agencyLabel, concernCategoryLabel } from '../../ui/labels';
import { day, when } from '../../ui/format';
import type { ConcernCategory, PartnerAgency } from '../../api/types';

export interface Alert {
  seq: number;
  caseRef: string | null;
  at: string;
  category: ConcernCategory | undefined;
  severity: string | undefined;
  eventId: string | undefined;
  /** An action still to be done past its due date, raised as the meeting started. */
  overdue?: { description: string; owner: PartnerAgency | undefined; dueOn: string };
}

/** Alerts raised during the meeting (a health concern flagged on a listed case, an action overdue as it starts), newest first. */
export function Alerts({ alerts, onShow, onDismiss }: { alerts: Alert[]; onShow: (a: Alert) => void; onDismiss: (seq: number) => void }) {
  return (
    <div class="alerts" role="alert" aria-live="assertive">
      {alerts.map((a) => (
        <div key={a.seq} class={`alert severity-${a.overdue ? 'medium' : (a.severity ?? 'medium')}`}>
          {a.overdue ? (
            <p>
              <strong>Action overdue</strong> on {a.caseRef ?? 'a listed case'}: {a.overdue.description}
              {a.overdue.owner ? ` (${agencyLabel[a.overdue.owner]})` : ''}, due {day(a.overdue.dueOn)}
            </p>
          ) : (
            <p>
              <strong>Health concern flagged</strong> on {a.caseRef ?? 'a listed case'}: {a.category ? concernCategoryLabel[a.category] : 'concern'}
              {a.severity ? `, ${a.severity} severity` : ''} <span class="muted">({when(a.at)})</span>
            </p>
          )}
          <div class="alert-actions">
            {a.caseRef && <button type="button" class="secondary small" onClick={() => onShow(a)}>Show on the timeline</button>}
            <button type="button" class="link-button small" onClick={() => onDismiss(a.seq)}>Dismiss</button>
          </div>
        </div>
      ))}
    </div>
  );
}
