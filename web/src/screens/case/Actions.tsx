import type { CaseAction } from '../../api/types';
import { day, today, words } from '../../ui/format';
import { agencyLabel } from '../../ui/labels';

export const isOverdue = (a: CaseAction, on = today()) => a.status !== 'completed' && a.dueOn !== null && a.dueOn < on;

/** Actions agreed for the case: who owns each, when it is due, where it stands. */
export function Actions({ actions }: { actions: CaseAction[] }) {
  return (
    <section class="panel actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      {actions.length === 0 ? <p class="state empty">No action assigned yet.</p> : (
        <table class="data compact">
          <thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.actionId} class={isOverdue(a) ? 'overdue' : ''}>
                <td>{a.description ?? '—'}{a.outcome && <p class="muted">Outcome: {a.outcome}</p>}</td>
                <td>{a.owner ? agencyLabel[a.owner] : '—'}</td>
                <td>{day(a.dueOn)}{isOverdue(a) && <> <span class="badge overdue-badge">Overdue</span></>}</td>
                <td>{words(a.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
